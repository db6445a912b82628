"""Port of test-net-buffersize.js: bufferSize counts writes queued while connecting."""
import common
import uvnet


def test_buffersize():
    iterations = 10

    def on_connection(socket):
        socket.on('readable', lambda: socket.read())
        socket.on('end', lambda: server.close())

    server = uvnet.createServer(on_connection)

    def on_listening():
        client = uvnet.connect(server.address()['port'])

        def on_finish():
            assert client.bufferSize == 0

        client.on('finish', common.mustCall(on_finish))
        for i in range(1, iterations):
            client.write('a')
            assert client.bufferSize == i
        client.end()

    server.listen(0, common.mustCall(on_listening))
    uvnet.run()
