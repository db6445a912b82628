"""Port of test-net-socket-reset-send.js: resetAndDestroy().destroy() returns the socket;
the peer reads ECONNRESET; a later write fails only its callback."""
import common
import uvnet


def test_reset_send():
    server = uvnet.createServer()

    def on_listening():
        conn = uvnet.createConnection(server.address()['port'])

        def on_connection(socket):
            socket.on('error', common.expectsError(code='ECONNRESET', message='read ECONNRESET',
                                                   name='Error'))

        server.on('connection', on_connection)

        def on_connect():
            assert conn.resetAndDestroy().destroy() is conn
            conn.on('error', common.mustNotCall())
            conn.write(b'fzfzfzfzfz', common.expectsError(
                code='ERR_STREAM_DESTROYED',
                message='Cannot call write after a stream was destroyed', name='Error'))
            server.close()

        conn.on('connect', common.mustCall(on_connect))

    server.listen(0, common.mustCall(on_listening))
    uvnet.run()
