"""Port of test-net-socket-destroy-send.js: destroy() returns the socket (twice); a write
afterwards fails its callback with ERR_STREAM_DESTROYED, with no 'error'."""
import common
import uvnet


def test_destroy_then_write():
    server = uvnet.createServer()

    def on_listening():
        conn = uvnet.createConnection(server.address()['port'])

        def on_connect():
            assert conn.destroy().destroy() is conn
            conn.on('error', common.mustNotCall())
            conn.write(b'kaboom', common.expectsError(
                code='ERR_STREAM_DESTROYED',
                message='Cannot call write after a stream was destroyed', name='Error'))
            server.close()

        conn.on('connect', common.mustCall(on_connect))

    server.listen(0, common.mustCall(on_listening))
    uvnet.run()
