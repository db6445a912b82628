"""Port of test-net-server-drop-connections.js: past maxConnections a connection is dropped
with a 'drop' event carrying its addresses."""
import common
import uvnet


def test_drop_connections():
    first = []
    server = uvnet.createServer(common.mustCall(first.append))
    server.maxConnections = 1

    def on_drop(data):
        assert data['localAddress']
        assert data['localPort']
        assert data['remoteAddress']
        assert data['remotePort']
        assert data['remoteFamily']
        first[0].destroy()
        server.close()

    server.on('drop', common.mustCall(on_drop))

    def on_listening():
        uvnet.createConnection(server.address()['port'])
        uvnet.createConnection(server.address()['port'])

    server.listen(0, on_listening)
    uvnet.run()
