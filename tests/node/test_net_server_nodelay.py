"""Port of test-net-server-nodelay.js: the server noDelay option sets it on each accepted
handle once; a later setNoDelay(True) on the socket does not call the handle again."""
import common
import uvnet


def test_server_nodelay():
    def on_connection(socket):
        socket._handle.setNoDelay = common.mustNotCall()
        socket.setNoDelay(True)
        socket.destroy()
        server.close()

    server = uvnet.createServer({'noDelay': True}, common.mustCall(on_connection))
    server.listen(0, common.mustCall(lambda: uvnet.connect(server.address()['port'])))

    onconnection = server._handle.onconnection

    def patched_onconnection(err, client_handle):
        original = client_handle.setNoDelay

        def set_no_delay(enable):
            assert enable == server.noDelay
            original(enable)
            client_handle.setNoDelay = original

        client_handle.setNoDelay = common.mustCall(set_no_delay)
        onconnection(err, client_handle)

    server._handle.onconnection = common.mustCall(patched_onconnection)
    uvnet.run()
