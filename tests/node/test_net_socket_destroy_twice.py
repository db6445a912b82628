"""Port of test-net-socket-destroy-twice.js: destroy() inside 'error' gives a single
'close'."""
import common
import uvnet


def test_destroy_twice():
    server = uvnet.createServer()
    server.listen(0)
    port = server.address()['port']
    conn = uvnet.createConnection(port)
    conn.on('error', common.mustCall(lambda err: conn.destroy()))
    conn.on('close', common.mustCall())
    server.close()
    uvnet.run()
