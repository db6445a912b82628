"""Port of test-net-can-reset-timeout.js: writing from a 'timeout' listener works and the
end handshake completes."""
import common
import uvnet


def test_can_reset_timeout():
    def on_connection(stream):
        stream.setTimeout(100)
        stream.resume()
        stream.once('timeout', common.mustCall(lambda: stream.write('WHAT.')))
        stream.on('end', common.mustCall(lambda: stream.end()))

    server = uvnet.createServer(common.mustCall(on_connection))

    def on_listening():
        c = uvnet.createConnection(server.address()['port'])
        c.on('data', lambda data: c.end())
        c.on('end', lambda: server.close())

    server.listen(0, common.mustCall(on_listening))
    uvnet.run()
