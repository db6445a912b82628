"""Port of test-net-connect-options-path.js: twelve ways to connect to a Unix socket path."""
import common
import uvnet

CLIENT_VARIANTS = 12


def test_connect_options_path():
    common.tmpdir.refresh()
    server_path = f'{common.PIPE}-net-connect-options-path-server'
    counter = 0

    def get_connect_cb(get_socket):
        def on_connect():
            sock = get_socket()
            sock.end()

            def on_close(*args):
                nonlocal counter
                counter += 1
                if counter == CLIENT_VARIANTS:
                    server.close()

            sock.on('close', common.mustCall(on_close))
        return common.mustCall(on_connect)

    def with_cb(make):
        box = []
        box.append(make(get_connect_cb(lambda: box[0])))
        box[0].resume()

    def without_cb(sock):
        sock.on('connect', get_connect_cb(lambda: sock)).resume()

    def on_listening():
        p = server_path
        with_cb(lambda cb: uvnet.connect(p, cb))
        without_cb(uvnet.connect(p))
        with_cb(lambda cb: uvnet.createConnection(p, cb))
        without_cb(uvnet.createConnection(p))
        with_cb(lambda cb: uvnet.Socket().connect(p, cb))
        without_cb(uvnet.Socket().connect(p))
        with_cb(lambda cb: uvnet.connect({'path': p}, cb))
        without_cb(uvnet.connect({'path': p}))
        with_cb(lambda cb: uvnet.createConnection({'path': p}, cb))
        without_cb(uvnet.createConnection({'path': p}))
        with_cb(lambda cb: uvnet.Socket().connect({'path': p}, cb))
        without_cb(uvnet.Socket().connect({'path': p}))

    server = uvnet.createServer()
    server.on('connection', common.mustCall(lambda socket: socket.end('ok'), CLIENT_VARIANTS))
    server.listen(server_path, common.mustCall(on_listening))
    uvnet.run()
