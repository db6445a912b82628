"""Port of test-net-allow-half-open.js: with allowHalfOpen=false the socket is not destroyed
at 'end' / 'finish' before the shutdown is done."""
import common
import uvnet


def test_end_from_peer():
    server = uvnet.createServer(common.mustCall(lambda socket: socket.end(bytes(1024))))

    def on_listening():
        socket = uvnet.connect(server.address()['port'])
        assert socket.allowHalfOpen is False
        socket.resume()

        def on_end():
            def later():
                # Ensure socket is not destroyed straight away without proper shutdown.
                assert not socket.destroyed
                server.close()
            uvnet.nextTick(later)

        def on_finish():
            assert not socket.destroyed

        socket.on('end', common.mustCall(on_end))
        socket.on('finish', common.mustCall(on_finish))
        socket.on('close', common.mustCall())

    server.listen(0, common.mustCall(on_listening))
    uvnet.run()


def test_end_both_sides():
    server = uvnet.createServer(common.mustCall(lambda socket: socket.end(bytes(1024))))

    def on_listening():
        socket = uvnet.connect(server.address()['port'])
        assert socket.allowHalfOpen is False
        socket.resume()

        def not_destroyed(*args):
            assert not socket.destroyed

        socket.on('end', common.mustCall(not_destroyed))
        socket.end('asd')
        socket.on('finish', common.mustCall(not_destroyed))
        socket.on('close', common.mustCall(lambda *a: server.close()))

    server.listen(0, common.mustCall(on_listening))
    uvnet.run()
