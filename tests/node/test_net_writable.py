"""Port of test-net-writable.js: inside 'end' (allowHalfOpen False) the socket is still
writable and write() works."""
import common
import uvnet


def test_writable_in_end():
    def on_connection(s):
        server.close()
        s.end()

    server = uvnet.createServer(common.mustCall(on_connection))

    def on_listening():
        socket = uvnet.connect(server.address()['port'], '127.0.0.1')

        def on_end():
            assert socket.writable is True
            socket.write('hello world')

        socket.on('end', common.mustCall(on_end))

    server.listen(0, '127.0.0.1', common.mustCall(on_listening))
    uvnet.run()
