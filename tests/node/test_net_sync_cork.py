"""Port of test-net-sync-cork.js: cork/write/write/uncork 100 times; write() keeps returning
True and nothing is lost."""
import common
import uvnet

N = 100


def test_sync_cork():
    buf = b'aa'

    def handle(socket):
        socket.resume()
        socket.on('error', common.mustNotCall())
        socket.on('close', common.mustCall(lambda *a: server.close()))

    server = uvnet.createServer(handle)

    def on_listening():
        conn = uvnet.connect(server.address()['port'])

        def on_connect():
            res = True
            i = 0
            while i < N and res:
                conn.cork()
                conn.write(buf)
                res = conn.write(buf)
                conn.uncork()
                i += 1
            assert i == N
            conn.end()

        conn.on('connect', on_connect)

    server.listen(0, on_listening)
    uvnet.run()
