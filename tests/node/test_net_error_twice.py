"""Port of test-net-error-twice.js: the peer going away during a 10 MB write gives exactly
one 'error'."""
import uvnet


def test_error_once():
    buf = b'b' * (10 * 1024 * 1024)
    errs = []
    sockets = {}

    def ready():
        if 'client' in sockets and 'server' in sockets:
            sockets['client'].destroy()
            sockets['server'].write(buf)

    def on_connection(conn):
        def on_error(err):
            errs.append(err)
            if len(errs) > 1 and errs[0] is errs[1]:
                raise AssertionError('Should not emit the same error twice')

        conn.on('error', on_error)
        conn.on('close', lambda *a: server.unref())
        sockets['server'] = conn
        ready()

    def on_listening():
        client = uvnet.connect({'port': server.address()['port']})

        def on_connect():
            sockets['client'] = client
            ready()

        client.on('connect', on_connect)

    server = uvnet.createServer(on_connection).listen(0, on_listening)
    uvnet.run()
    assert len(errs) == 1, errs
