"""Port of test-net-write-cb-on-destroy-before-connect.js: a write queued while connecting
fails with ERR_SOCKET_CLOSED_BEFORE_CONNECTION when the socket is destroyed."""
import common
import uvnet


def test_write_cb_on_destroy_before_connect():
    server = uvnet.createServer()

    def on_listening():
        socket = uvnet.Socket()
        socket.on('connect', common.mustNotCall())
        socket.connect({'port': server.address()['port']})
        assert socket.connecting
        socket.write('foo', common.expectsError(code='ERR_SOCKET_CLOSED_BEFORE_CONNECTION',
                                                name='Error'))
        socket.destroy()
        server.close()

    server.listen(0, common.mustCall(on_listening))
    uvnet.run()
