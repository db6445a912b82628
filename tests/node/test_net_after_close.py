"""Port of test-net-after-close.js: a closed socket's methods and getters do not raise."""
import common
import uvnet


def test_after_close():
    def on_connection(s):
        s.end()

    server = uvnet.createServer(common.mustCall(on_connection))

    def on_listening():
        c = uvnet.createConnection(server.address()['port'])

        def on_close(*args):
            # Node: c._handle === null once closed.
            assert getattr(c, '_handle', None) is None
            # Calling functions / reading properties of a closed socket must not raise.
            c.setNoDelay()
            c.setKeepAlive()
            _ = c.bufferSize
            c.pause()
            c.resume()
            c.address()
            _ = c.remoteAddress, c.remotePort
            server.close()

        c.on('close', common.mustCall(on_close))

    server.listen(0, common.mustCall(on_listening))
    uvnet.run()
