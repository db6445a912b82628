"""Port of test-net-bytes-written-large.js: bytesWritten counts the whole of a large write
at once, the part written synchronously and the part queued."""
import common
import uvnet

N = 10000000


def _serve(on_connection, expected_read):
    server = uvnet.createServer(common.mustCall(on_connection))

    def on_listening():
        client = uvnet.connect(server.address()['port'])
        client.resume()

        def on_close(*args):
            assert client.bytesRead == expected_read
            server.close()

        client.on('close', common.mustCall(on_close))

    server.listen(0, common.mustCall(on_listening))
    uvnet.run()


def _end_with(data):
    def on_connection(socket):
        def done(*err):
            assert socket.bytesWritten == N

        socket.end(data, common.mustCall(done))
        assert socket.bytesWritten == N
    return on_connection


def test_buffer():
    _serve(_end_with(bytes(N)), N)


def test_string():
    _serve(_end_with('a' * N), N)


def test_corked():
    def on_connection(socket):
        socket.cork()
        socket.write('a' * N)
        assert socket.bytesWritten == N
        socket.write(bytes(N))
        assert socket.bytesWritten == 2 * N

        def done(*err):
            assert socket.bytesWritten == 2 * N

        socket.end('', common.mustCall(done))
        socket.uncork()

    _serve(on_connection, 2 * N)
