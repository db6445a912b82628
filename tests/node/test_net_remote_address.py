"""Port of test-net-remote-address.js: remoteAddress is None while connecting and set on
'connect'."""
import common
import uvnet


def test_remote_address():
    server = uvnet.createServer()

    def on_listening():
        socket = uvnet.connect({'port': server.address()['port']})
        assert socket.connecting is True
        assert socket.remoteAddress is None

        def on_connect():
            assert socket.remoteAddress is not None
            socket.end()

        socket.on('connect', common.mustCall(on_connect))
        socket.on('end', common.mustCall(lambda: server.close()))

    server.listen(common.mustCall(on_listening))
    uvnet.run()
