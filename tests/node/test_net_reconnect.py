"""Port of test-net-reconnect.js: one Socket reconnected 50 times after each 'close'."""
import uvnet

N = 50


def test_reconnect():
    counts = {'recv': 0, 'end': 0, 'disconnect': 0}

    def on_connection(socket):
        socket.resume()
        socket.write('hello\r\n')
        socket.on('end', lambda: socket.end())

        def on_close(had_error):
            assert had_error is False

        socket.on('close', on_close)

    server = uvnet.createServer(on_connection)

    def on_listening():
        client = uvnet.createConnection(server.address()['port'])
        client.setEncoding('UTF8')

        def on_data(chunk):
            counts['recv'] += 1
            assert chunk == 'hello\r\n'
            client.end()

        def on_end():
            counts['end'] += 1

        def on_close(had_error):
            assert had_error is False
            counts['disconnect'] += 1
            if counts['disconnect'] - 1 < N:
                client.connect(server.address()['port'])  # reconnect
            else:
                server.close()

        client.on('data', on_data)
        client.on('end', on_end)
        client.on('close', on_close)

    server.listen(0, on_listening)
    uvnet.run()
    assert counts['disconnect'] == N + 1
    assert counts['recv'] == N + 1
    assert counts['end'] == N + 1
