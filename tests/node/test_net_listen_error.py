"""Port of test-net-listen-error.js: listen(1, '1.1.1.1') emits 'error' (EACCES or
EADDRNOTAVAIL), never 'listening'."""
import common
import uvnet


def test_listen_error():
    server = uvnet.createServer(lambda socket: None)
    server.listen(1, '1.1.1.1', common.mustNotCall())
    server.on('error', common.mustCall())
    uvnet.run()
