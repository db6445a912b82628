"""Port of test-net-socket-end-before-connect.js: end() while connecting ends in 'close'."""
import common
import uvnet


def test_end_before_connect():
    server = uvnet.createServer()

    def on_listening():
        socket = uvnet.createConnection(server.address()['port'])
        socket.on('close', common.mustCall(lambda *a: server.close()))
        socket.end()

    server.listen(common.mustCall(on_listening))
    uvnet.run()
