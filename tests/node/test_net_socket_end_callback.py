"""Port of test-net-socket-end-callback.js: end(cb), end(data, cb) and end(data, encoding,
cb) all call cb."""
import common
import uvnet


def test_end_callback():
    server = uvnet.createServer(lambda socket: socket.resume()).unref()

    def on_listening():
        def connect(*args):
            socket = uvnet.createConnection(server.address()['port'],
                                            lambda: socket.end(*args))

        cb = common.mustCall(exact=3)
        connect(cb)
        connect('foo', cb)
        connect('foo', 'utf8', cb)

    server.listen(common.mustCall(on_listening))
    uvnet.run()
