"""Port of test-net-socket-ready-without-cb.js: 'ready' fires; connect(server.address())."""
import common
import uvnet


def test_ready_without_cb():
    def on_connection(conn):
        conn.end()
        server.close()

    server = uvnet.createServer(common.mustCall(on_connection))

    def on_listening():
        client = uvnet.Socket()
        client.on('ready', common.mustCall(lambda: client.end()))
        client.connect(server.address())

    server.listen(0, 'localhost', common.mustCall(on_listening))
    uvnet.run()
