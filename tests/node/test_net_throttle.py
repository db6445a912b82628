"""Port of test-net-throttle.js: the server writes until write() returns False (and twice
more); the client pauses and resumes; every byte arrives."""
import uvnet


def test_throttle():
    state = {'recved': 0, 'pauses': 0, 'total': 0}

    def on_connection(connection):
        body = 'C' * 1024
        n = 1
        while connection.write(body):
            n += 1
        connection.write(body)
        connection.write(body)
        n += 2
        state['total'] = n * len(body)
        assert connection.bufferSize >= 0, f'bufferSize: {connection.bufferSize}'
        assert connection.writableLength <= state['total'], \
            f"writableLength: {connection.writableLength}, totalLength: {state['total']}"
        connection.end()

    server = uvnet.createServer(on_connection)

    def on_listening():
        paused = False
        client = uvnet.createConnection(server.address()['port'])
        client.setEncoding('ascii')

        def on_data(d):
            nonlocal paused
            state['recved'] += len(d)
            if not paused:
                client.pause()
                state['pauses'] += 1
                paused = True
                x = state['recved']

                def later():
                    nonlocal paused
                    assert state['recved'] == x
                    client.resume()
                    paused = False

                uvnet.setTimeout(later, 100)

        def on_end():
            server.close()
            client.end()

        client.on('data', on_data)
        client.on('end', on_end)

    server.listen(0, on_listening)
    uvnet.run()
    assert state['recved'] == state['total']
    assert state['pauses'] > 1, f"{state['pauses']} > 1"
