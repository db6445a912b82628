"""Port of test-net-listen-close-server.js: close() right after listen(0): no 'listening',
no 'error'."""
import common
import uvnet


def test_listen_then_close():
    server = uvnet.createServer(lambda socket: None)
    server.listen(0, common.mustNotCall())
    server.on('error', common.mustNotCall())
    server.close()
    uvnet.run()
