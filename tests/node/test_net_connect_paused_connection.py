"""Port of test-net-connect-paused-connection.js: a paused client socket does not keep the
loop alive once the server and its connection are unref'd."""
import common
import uvnet


def test_paused_connection_does_not_keep_loop_alive():
    server = uvnet.createServer(lambda conn: conn.unref())

    def on_listening():
        uvnet.connect(server.address()['port'], 'localhost').pause()
        uvnet.setTimeout(common.mustNotCall('expected to exit'), 1000).unref()

    server.listen(0, common.mustCall(on_listening)).unref()
    uvnet.run()
