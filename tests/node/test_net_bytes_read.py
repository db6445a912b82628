"""Port of test-net-bytes-read.js: bytesRead grows with every 'data' and totals at 'end'."""
import common
import uvnet


def test_bytes_read():
    big = bytes(1024 * 1024)

    def handler(socket):
        socket.end(big)
        server.close()

    def on_listen():
        prev = 0

        def on_data(chunk):
            nonlocal prev
            assert socket.bytesRead > prev
            prev = socket.bytesRead

        def on_end():
            assert socket.bytesRead == prev
            assert len(big) == prev

        def on_close(*args):
            assert not getattr(socket, '_handle', None)
            assert socket.bytesRead == prev
            assert len(big) == prev

        def on_connect():
            socket.on('data', common.mustCallAtLeast(on_data))
            socket.on('end', common.mustCall(on_end))
            socket.on('close', common.mustCall(on_close))
            socket.end()

        socket = uvnet.connect(server.address()['port'], common.mustCall(on_connect))

    server = uvnet.createServer(common.mustCall(handler)).listen(0, common.mustCall(on_listen))
    uvnet.run()
