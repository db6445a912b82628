"""Port of test-net-server-max-connections-close-makes-more-available.js: with
maxConnections 1, closing the accepted connection frees the slot for a later one.
Node chains the steps with promises; here each step calls the next."""
import uvnet


def test_close_frees_a_slot():
    connections = {}
    received = []
    sent = []

    def create_connection(index, then):
        done = []

        def resolve(*args):
            if not done:
                done.append(True)
                then()

        def on_connect():
            msg = str(index)
            connection.write(msg)
            sent.append(msg)

        connection = uvnet.createConnection(server.address()['port'], on_connect)

        def on_error(err):
            assert err.code == 'ECONNRESET'
            resolve()

        connection.on('error', on_error)
        connection.on('data', resolve)
        connection.on('end', resolve)
        connections[index] = connection

    def close_connection(index, then):
        done = []

        def resolve():
            if not done:
                done.append(True)
                then()

        connections[index].on('end', resolve)
        connections[index].end()

    def on_connection(socket):
        def on_data(data):
            received.append(data.decode())
            socket.write('acknowledged')
        socket.on('data', on_data)

    server = uvnet.createServer(on_connection)
    server.maxConnections = 1

    def on_listening():
        # 0, then 1, then close 0, then 2, then 3, then server.close(), then close 2
        create_connection(0, lambda: create_connection(1, lambda: close_connection(
            0, lambda: create_connection(2, lambda: create_connection(3, lambda: (
                server.close(), close_connection(2, lambda: None)))))))

    server.listen(0, on_listening)
    uvnet.run()
    assert sent == ['0', '1', '2', '3']
    assert received == ['0', '2']
