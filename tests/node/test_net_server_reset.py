"""Port of test-net-server-reset.js: resetAndDestroy() on accepted sockets ⇒ ECONNRESET on
the clients; all 'close' events fire."""
import common
import uvnet


def test_server_reset():
    sockets = []

    def on_connection(c):
        c.on('close', common.mustCall())
        sockets.append(c)
        if len(sockets) == 2:
            assert server.close() is server
            for s in sockets:
                s.resetAndDestroy()

    server = uvnet.createServer(on_connection)
    server.on('close', common.mustCall())

    def on_error(error):
        assert error.code == 'ECONNRESET'

    def on_listening():
        uvnet.createConnection(server.address()['port']).on('error', common.mustCall(on_error))
        uvnet.createConnection(server.address()['port']).on('error', common.mustCall(on_error))

    assert server.listen(0, on_listening) is server
    uvnet.run()
