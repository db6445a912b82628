"""Port of test-net-settimeout.js: setTimeout(0) removes the callback given to an earlier
setTimeout(T, cb)."""
import common
import uvnet

T = 100


def test_settimeout_zero_removes_callback():
    server = uvnet.createServer(common.mustCall(lambda c: c.write('hello')))

    def on_listening():
        socket = uvnet.createConnection(server.address()['port'], 'localhost')
        s = socket.setTimeout(T, common.mustNotCall())
        assert isinstance(s, uvnet.Socket)

        def on_data(data):
            def later():
                socket.destroy()
                server.close()
            uvnet.setTimeout(later, T * 2)

        socket.on('data', common.mustCall(on_data))
        socket.setTimeout(0)

    server.listen(0, on_listening)
    uvnet.run()
