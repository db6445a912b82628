"""Port of test-net-client-bind-twice.js: connecting from a localPort in use ⇒ EADDRINUSE."""
import common
import uvnet


def test_client_bind_twice():
    server1 = uvnet.createServer(common.mustNotCall())

    def on_listening1():
        server2 = uvnet.createServer(common.mustNotCall())

        def on_listening2():
            client = uvnet.connect({
                'host': common.localhostIPv4,
                'port': server1.address()['port'],
                'localAddress': common.localhostIPv4,
                'localPort': server2.address()['port'],
            }, common.mustNotCall())

            def on_error(err):
                assert err.code == 'EADDRINUSE'
                server1.close()
                server2.close()

            client.on('error', common.mustCall(on_error))

        server2.listen(0, common.localhostIPv4, common.mustCall(on_listening2))

    server1.listen(0, common.localhostIPv4, common.mustCall(on_listening1))
    uvnet.run()
