"""Port of test-net-write-connect-write.js: a write before connect and one on 'connect'
echo back through socket.pipe(socket) in order."""
import common
import uvnet


def test_write_connect_write():
    server = uvnet.createServer(lambda socket: socket.pipe(socket))

    def on_listening():
        conn = uvnet.connect(server.address()['port'])
        received = []
        conn.setEncoding('utf8')
        conn.write('before')
        conn.on('connect', lambda: conn.write(' after'))

        def on_data(buf):
            received.append(buf)
            conn.end()

        def on_end():
            server.close()
            assert ''.join(received) == 'before after'

        conn.on('data', on_data)
        conn.on('end', common.mustCall(on_end))

    server.listen(0, common.mustCall(on_listening))
    uvnet.run()
