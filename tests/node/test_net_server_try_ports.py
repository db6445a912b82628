"""Port of test-net-server-try-ports.js: after EADDRINUSE the same server can listen(0)."""
import common
import uvnet


def test_try_ports():
    server1 = uvnet.Server()
    server2 = uvnet.Server()

    def on_error(e):
        assert e.code == 'EADDRINUSE'

        def on_listening():
            server1.close()
            server2.close()

        server2.listen(0, common.mustCall(on_listening))

    server2.on('error', common.mustCall(on_error))
    server1.listen(0, common.mustCall(lambda: server2.listen(server1.address()['port'])))
    uvnet.run()
