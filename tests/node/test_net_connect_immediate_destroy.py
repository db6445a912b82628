"""Port of test-net-connect-immediate-destroy.js: destroy() right after connect(): no
'connect', no 'error'."""
import common
import uvnet


def test_connect_immediate_destroy():
    server = uvnet.createServer()
    server.listen(0)
    port = server.address()['port']
    socket = uvnet.connect(port, common.localhostIPv4, common.mustNotCall())
    socket.on('error', common.mustNotCall())
    server.close()
    socket.destroy()
    uvnet.run()
