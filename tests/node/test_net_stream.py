"""Port of test-net-stream.js: the server writes 10 × 2 MB then ends; the client pauses and
destroys; the server gets one 'error' then 'close'."""
import common
import uvnet

SIZE = 2 * 10**6
N = 10


def test_stream():
    buf = b'a' * SIZE

    def on_connection(socket):
        socket.setNoDelay()
        socket.on('error', common.mustCall(lambda err: socket.destroy()))
        socket.on('close', common.mustCall(lambda *a: server.close()))
        for _ in range(N):
            socket.write(buf, lambda *err: None)
        socket.end()

    server = uvnet.createServer(on_connection)

    def on_listening():
        conn = uvnet.connect(server.address()['port'])

        def on_data(data):
            assert conn.pause() is conn
            uvnet.setTimeout(lambda: conn.destroy(), 20)

        conn.on('data', on_data)

    server.listen(0, on_listening)
    uvnet.run()
