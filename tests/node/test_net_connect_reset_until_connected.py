"""Port of test-net-connect-reset-until-connected.js: resetAndDestroy() once both ends are
connected; the peer reads ECONNRESET; the client closes."""
import common
import uvnet


def barrier(count, cb):
    def tick(*args):
        nonlocal count
        count -= 1
        if count == 0:
            cb()
    return tick


def test_reset_until_connected():
    server = uvnet.createServer()

    def on_listening():
        port = server.address()['port']
        conn = uvnet.createConnection(port)
        connok = barrier(2, lambda: conn.resetAndDestroy())
        conn.on('close', common.mustCall())

        def on_connection(socket):
            connok()
            socket.on('error', common.expectsError(code='ECONNRESET', message='read ECONNRESET',
                                                   name='Error'))
            server.close()

        server.on('connection', on_connection)
        conn.on('connect', connok)

    server.listen(0, common.mustCall(on_listening))
    uvnet.run()
