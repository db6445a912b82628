"""Port of test-net-server-call-listen-multiple-times.js: listen after an 'error' works;
listen twice throws ERR_SERVER_ALREADY_LISTEN; listen after close works."""
import common
import uvnet


def test_listen_after_error():
    dummy_server = uvnet.Server()
    server = uvnet.Server()
    dummy_server.listen(common.mustCall(lambda: server.listen(dummy_server.address()['port'])))

    def on_error(e):
        def on_listening():
            dummy_server.close()
            server.close()
        server.listen(common.mustCall(on_listening))

    server.on('error', common.mustCall(on_error))
    uvnet.run()


def test_listen_twice_throws():
    server = uvnet.Server()
    server.listen(common.mustCall(lambda: server.close()))
    common.throws(lambda: server.listen(), code='ERR_SERVER_ALREADY_LISTEN', name='Error')
    uvnet.run()


def test_listen_after_close():
    server = uvnet.Server()

    def on_listening():
        server.close()
        server.listen(common.mustCall(lambda: server.close()))

    server.listen(common.mustCall(on_listening))
    uvnet.run()
