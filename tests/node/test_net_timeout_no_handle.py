"""Port of test-net-timeout-no-handle.js: 'timeout' fires on a socket that never had a
handle."""
import common
import uvnet


def test_timeout_without_handle():
    socket = uvnet.Socket()
    socket.setTimeout(common.platformTimeout(50))

    def on_timeout():
        assert socket._handle is None

    socket.on('timeout', common.mustCall(on_timeout))
    socket.on('connect', common.mustNotCall())
    uvnet.setTimeout(lambda: None, common.platformTimeout(200))
    uvnet.run()
