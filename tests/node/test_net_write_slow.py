"""Port of test-net-write-slow.js: a slow reader (pause 20 ms per chunk) gets all of
10 × 200 KB; every write callback runs."""
import common
import uvnet

SIZE = 200000
N = 10


def test_write_slow():
    state = {'flushed': 0, 'received': 0}
    buf = b'a' * SIZE

    def on_connection(socket):
        socket.setNoDelay()
        socket.setTimeout(9999)

        def on_timeout():
            raise AssertionError(f"flushed: {state['flushed']}, "
                                 f"received: {state['received']}/{SIZE * N}")

        socket.on('timeout', on_timeout)

        def on_written(*err):
            state['flushed'] += 1
            if state['flushed'] == N:
                socket.setTimeout(0)

        for _ in range(N):
            socket.write(buf, on_written)
        socket.end()

    server = uvnet.createServer(on_connection)

    def on_listening():
        conn = uvnet.connect(server.address()['port'])

        def on_data(data):
            state['received'] += len(data)
            conn.pause()
            uvnet.setTimeout(lambda: conn.resume(), 20)

        def on_end():
            server.close()
            assert state['received'] == SIZE * N

        conn.on('data', on_data)
        conn.on('end', common.mustCall(on_end))

    server.listen(0, common.mustCall(on_listening))
    uvnet.run()
