"""Port of test-net-local-address-port.js: an accepted socket's localAddress / localPort /
localFamily."""
import common
import uvnet


def test_local_address_port():
    def on_connection(socket):
        assert socket.localAddress == common.localhostIPv4
        assert socket.localPort == server.address()['port']
        assert socket.localFamily == server.address()['family']
        socket.on('end', lambda: server.close())
        socket.resume()

    server = uvnet.createServer(common.mustCall(on_connection))

    def on_listening():
        client = uvnet.createConnection(server.address()['port'], common.localhostIPv4)
        client.on('connect', lambda: client.end())

    server.listen(0, common.localhostIPv4, on_listening)
    uvnet.run()
