"""Port of test-net-server-close.js: close() and listen() return the server; 'close' once
the connections are destroyed."""
import common
import uvnet


def test_server_close():
    sockets = []

    def on_connection(c):
        c.on('close', common.mustCall())
        sockets.append(c)
        if len(sockets) == 2:
            assert server.close() is server
            for s in sockets:
                s.destroy()

    server = uvnet.createServer(on_connection)
    server.on('close', common.mustCall())

    def on_listening():
        uvnet.createConnection(server.address()['port'])
        uvnet.createConnection(server.address()['port'])

    assert server.listen(0, on_listening) is server
    uvnet.run()
