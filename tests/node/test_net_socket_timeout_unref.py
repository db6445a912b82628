"""Port of test-net-socket-timeout-unref.js: unref'd sockets with pending timeouts do not
keep the loop alive."""
import common
import uvnet


def test_socket_timeout_unref():
    def on_connection(c):
        c.write('hello')
        c.unref()

    server = uvnet.createServer(on_connection)
    server.listen(0)
    server.unref()
    connections = 0
    sockets = []
    delays = [8, 5, 3, 6, 2, 4]

    for t in delays:
        socket = uvnet.createConnection(server.address()['port'], 'localhost')

        def on_connect():
            nonlocal connections
            connections += 1
            if connections == len(delays):
                for s, timeout in sockets:
                    def timed_out(s=s):
                        s.destroy()
                        raise AssertionError('socket timed out unexpectedly')
                    s.setTimeout(timeout, timed_out)
                    s.unref()

        socket.on('connect', common.mustCall(on_connect))
        sockets.append((socket, t * 1000))
    uvnet.run()
