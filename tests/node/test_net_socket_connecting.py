"""Port of test-net-socket-connecting.js: connecting (and the legacy _connecting) is True
until 'connect'."""
import common
import uvnet


def test_socket_connecting():
    def on_connection(conn):
        conn.end()
        server.close()

    server = uvnet.createServer(on_connection)

    def on_listening():
        def on_connect():
            assert client.connecting is False
            assert client._connecting is False
            client.end()

        client = uvnet.connect(server.address()['port'], common.mustCall(on_connect))
        assert client.connecting is True
        assert client._connecting is True

    server.listen(0, on_listening)
    uvnet.run()
