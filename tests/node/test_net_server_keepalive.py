"""Port of test-net-server-keepalive.js: the server keepAlive options reach each accepted
handle's setKeepAlive(enable, seconds); a later setKeepAlive on the socket calls the handle
only when the delay changes."""
import re

import common
import uvnet


def test_server_keepalive():
    def on_connection(socket):
        handle = socket._handle
        original = handle.setKeepAlive

        def set_keep_alive(enable, initial_delay):
            assert enable is True
            assert re.match(r'^2|3$', str(initial_delay))
            return original(enable, initial_delay)

        handle.setKeepAlive = common.mustCall(set_keep_alive, 2)
        socket.setKeepAlive(True, 1000)
        socket.setKeepAlive(True, 2000)
        socket.setKeepAlive(True, 3000)
        socket.destroy()
        server.close()

    server = uvnet.createServer({'keepAlive': True, 'keepAliveInitialDelay': 1000},
                                common.mustCall(on_connection))
    server.listen(0, common.mustCall(lambda: uvnet.connect(server.address()['port'])))

    onconnection = server._handle.onconnection

    def patched_onconnection(err, client_handle):
        original = client_handle.setKeepAlive

        def set_keep_alive(enable, initial_delay_secs):
            assert enable == server.keepAlive
            assert initial_delay_secs == server.keepAliveInitialDelay
            original(enable, initial_delay_secs)
            client_handle.setKeepAlive = original

        client_handle.setKeepAlive = common.mustCall(set_keep_alive)
        onconnection(err, client_handle)

    server._handle.onconnection = common.mustCall(patched_onconnection)
    uvnet.run()
