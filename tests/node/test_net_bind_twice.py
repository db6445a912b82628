"""Port of test-net-bind-twice.js: a second listen on a used port emits EADDRINUSE."""
import common
import uvnet


def test_bind_twice():
    server1 = uvnet.createServer(common.mustNotCall())

    def on_listening():
        server2 = uvnet.createServer(common.mustNotCall())
        server2.listen(server1.address()['port'], '127.0.0.1', common.mustNotCall())

        def on_error(e):
            assert e.code == 'EADDRINUSE'
            server1.close()

        server2.on('error', common.mustCall(on_error))

    server1.listen(0, '127.0.0.1', common.mustCall(on_listening))
    uvnet.run()
