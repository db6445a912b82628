"""Port of test-net-socket-byteswritten.js: corked writes before connect count in
bytesWritten (3 + 4 bytes)."""
import common
import uvnet


def test_socket_byteswritten():
    server = uvnet.createServer(lambda socket: socket.end())

    def on_listening():
        socket = uvnet.connect(server.address()['port'])
        socket.cork()
        socket.write('one')
        socket.write('twø'.encode())
        socket.uncork()
        assert socket.bytesWritten == 3 + 4

        def on_connect():
            assert socket.bytesWritten == 3 + 4

        def on_end():
            assert socket.bytesWritten == 3 + 4
            server.close()

        socket.on('connect', common.mustCall(on_connect))
        socket.on('end', common.mustCall(on_end))

    server.listen(0, common.mustCall(on_listening))
    uvnet.run()
