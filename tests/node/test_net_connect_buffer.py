"""Port of test-net-connect-buffer.js: writes and end(data) issued while connecting arrive
intact; state getters while connecting and after close."""
import common
import uvnet


def test_connect_buffer():
    def on_connection(s):
        tcp.close()
        buf = []
        s.setEncoding('utf8')
        s.on('data', buf.append)

        def on_end():
            assert ''.join(buf) == "L'État, c'est moi"
            s.end()

        s.on('end', common.mustCall(on_end))

    tcp = uvnet.Server(common.mustCall(on_connection))

    def on_listening():
        socket = uvnet.Stream({'highWaterMark': 0})
        connected = False
        assert socket.pending is True

        def on_connect():
            nonlocal connected
            connected = True

        socket.connect(tcp.address()['port'], common.mustCall(on_connect))
        assert socket.pending is True
        assert socket.connecting is True
        assert socket.readyState == 'opening'

        a = "L'État, c'est "
        b = 'moi'

        def on_write(er):
            assert connected
            assert socket.bytesWritten == len((a + b).encode())
            assert socket.pending is False

        r = socket.write(a, common.mustCall(on_write))

        def on_close(*args):
            assert socket.pending is True

        socket.on('close', common.mustCall(on_close))
        assert socket.bytesWritten == len(a.encode())
        assert r is False
        socket.end(b)
        assert socket.readyState == 'opening'

    tcp.listen(0, common.mustCall(on_listening))
    uvnet.run()
