"""Port of test-net-server-capture-rejection.js: with ``events.captureRejections = True``,
an ``async def`` 'connection' listener that raises makes the server destroy that socket
with the error (net.Server's captureRejectionSymbol method); the client sees 'close'."""
import common
import uvnet
from uvnet import events


def test_server_capture_rejection():
    events.captureRejections = True
    try:
        err_ = Exception('kaboom')

        async def on_connection(sock):
            server.close()
            sock.on('error', common.mustCall(lambda err: err is err_ or 1 / 0))
            raise err_

        server = uvnet.createServer(common.mustCall(on_connection))

        def on_listening():
            sock = uvnet.connect(server.address()['port'], server.address()['address'])
            sock.on('close', common.mustCall())
            sock.on('error', lambda err: None)  # the destroyed peer may reset the connection

        server.listen(0, common.mustCall(on_listening))
    finally:
        events.captureRejections = False
    uvnet.run()
