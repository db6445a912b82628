"""Port of test-net-large-string.js: 40K three-byte characters with setEncoding('UTF-8')."""
import common
import uvnet

K_POOL_SIZE = 40 * 1024


def test_large_string():
    data = 'あ' * K_POOL_SIZE
    encoding = 'UTF-8'

    def on_connection(socket):
        received = 0
        socket.setEncoding(encoding)

        def on_data(chunk):
            nonlocal received
            received += len(chunk)

        def on_end():
            assert received == K_POOL_SIZE
            socket.end()

        socket.on('data', on_data)
        socket.on('end', common.mustCall(on_end))

    server = uvnet.createServer(common.mustCall(on_connection))

    def on_listening():
        client = uvnet.createConnection(server.address()['port'])
        client.on('end', lambda: server.close())
        client.write(data, encoding)
        client.end()

    server.listen(0, on_listening)
    uvnet.run()
