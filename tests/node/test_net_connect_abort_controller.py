"""Port of test-net-connect-abort-controller.js: a connect `signal` aborted before, right
after, or a tick after connect() (and the same through the Socket constructor) destroys the
socket with an AbortError; the abort listener is added only while it can still fire.

Node awaits `once(socket, 'close')`, which rejects when 'error' comes first; here each case
expects one AbortError 'error' and then starts the next case from 'close'. Node's
AbortController (a Node global) is uvnet.AbortController; events.getEventListeners is
uvnet.events.getEventListeners."""
import common
import uvnet


def test_connect_abort_controller():
    server = uvnet.createServer()
    live_connections = set()

    def on_connection(connection):
        live_connections.add(connection)
        connection.on('close', lambda *a: live_connections.discard(connection))

    def abort_listeners(signal):
        return len(common.getEventListeners(signal, 'abort'))

    def on_listening():
        port = server.address()['port']

        def socket_options(signal):
            return {'port': port, 'host': 'localhost', 'signal': signal}

        def assert_abort(socket, then):
            def on_error(err):
                assert err.name == 'AbortError'

            socket.on('error', common.mustCall(on_error))
            socket.once('close', common.mustCall(lambda *a: then()))

        def post_abort(then):
            ac = common.AbortController()
            socket = uvnet.connect(socket_options(ac.signal))
            assert abort_listeners(ac.signal) == 1
            ac.abort()
            assert_abort(socket, then)

        def pre_abort(then):
            ac = common.AbortController()
            ac.abort()
            socket = uvnet.connect(socket_options(ac.signal))
            assert abort_listeners(ac.signal) == 0
            assert_abort(socket, then)

        def tick_abort(then):
            ac = common.AbortController()
            uvnet.setImmediate(lambda: ac.abort())
            socket = uvnet.connect(socket_options(ac.signal))
            assert abort_listeners(ac.signal) == 1
            assert_abort(socket, then)

        def test_constructor(then):
            ac = common.AbortController()
            ac.abort()
            socket = uvnet.Socket(socket_options(ac.signal))
            assert abort_listeners(ac.signal) == 0
            assert_abort(socket, then)

        def test_constructor_post(then):
            ac = common.AbortController()
            socket = uvnet.Socket(socket_options(ac.signal))
            assert abort_listeners(ac.signal) == 1
            ac.abort()
            assert_abort(socket, then)

        def test_constructor_post_tick(then):
            ac = common.AbortController()
            socket = uvnet.Socket(socket_options(ac.signal))
            assert abort_listeners(ac.signal) == 1
            uvnet.setImmediate(lambda: ac.abort())
            assert_abort(socket, then)

        def finish():
            for connection in list(live_connections):
                connection.destroy()
            server.close(common.mustCall())

        steps = [post_abort, pre_abort, tick_abort, test_constructor, test_constructor_post,
                 test_constructor_post_tick]

        def run_step(i):
            if i == len(steps):
                finish()
            else:
                steps[i](lambda: run_step(i + 1))

        run_step(0)

    server.on('connection', on_connection)
    server.listen(0, common.mustCall(on_listening))
    uvnet.run()
