"""Port of test-net-socket-close-after-end.js: 'close' comes after 'end' even when the data is
read late."""
import common
import uvnet


def test_close_after_end():
    server = uvnet.createServer()
    closed = []

    def on_connection(socket):
        end_emitted = False
        socket.once('readable', lambda: uvnet.setTimeout(lambda: socket.read(),
                                                         common.platformTimeout(100)))

        def on_end():
            nonlocal end_emitted
            end_emitted = True

        def on_close(*args):
            assert end_emitted
            closed.append(True)
            server.close()

        socket.on('end', on_end)
        socket.on('close', on_close)
        socket.end('foo')

    server.on('connection', on_connection)

    def on_listening():
        socket = uvnet.createConnection(server.address()['port'], lambda: socket.end('foo'))

    server.listen(common.mustCall(on_listening))
    uvnet.run()
    assert closed == [True]
