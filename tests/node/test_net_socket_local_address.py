"""Port of test-net-socket-local-address.js: across reconnects of one Socket, the client's
localPort equals the server side's remotePort; connect() returns the socket."""
import common
import uvnet


def test_socket_local_address():
    state = {'conns': 0}
    client_local_ports = []
    server_remote_ports = []
    client = uvnet.Socket()

    def on_connection(socket):
        server_remote_ports.append(socket.remotePort)
        socket.end()

    server = uvnet.createServer(on_connection)

    def on_close():
        assert server_remote_ports == client_local_ports
        assert state['conns'] == 2

    server.on('close', common.mustCall(on_close))

    def connect(*args):
        if state['conns'] == 2:
            server.close()
            return
        state['conns'] += 1
        client.once('close', connect)
        assert client.connect(server.address()['port'], common.localhostIPv4,
                              lambda: client_local_ports.append(client.localPort)) is client

    server.listen(0, common.localhostIPv4, connect)
    uvnet.run()
