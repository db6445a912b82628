"""Port of test-net-connect-reset-before-connected.js: resetAndDestroy() then destroy() while
connecting: no 'connect', no 'error'."""
import common
import uvnet


def test_reset_before_connected():
    server = uvnet.createServer()
    server.listen(0)
    port = server.address()['port']
    socket = uvnet.connect(port, common.localhostIPv4, common.mustNotCall())
    socket.on('error', common.mustNotCall())
    server.close()
    socket.resetAndDestroy()
    socket.destroy()
    uvnet.run()
