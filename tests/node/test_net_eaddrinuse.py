"""Port of test-net-eaddrinuse.js: listening on a used port emits an error naming
EADDRINUSE."""
import common
import uvnet


def test_eaddrinuse():
    server1 = uvnet.createServer(lambda socket: None)
    server2 = uvnet.createServer(lambda socket: None)

    def on_listening():
        def on_error(error):
            assert 'EADDRINUSE' in str(error)
            server1.close()

        server2.on('error', on_error)
        server2.listen(server1.address()['port'])

    server1.listen(0, common.mustCall(on_listening))
    uvnet.run()
