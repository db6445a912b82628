"""Port of test-net-end-destroyed.js: the socket is not yet destroyed when 'end' fires."""
import common
import uvnet


def test_end_not_destroyed():
    server = uvnet.createServer()
    server.on('connection', common.mustCall())

    def on_listening():
        socket = uvnet.createConnection({'port': server.address()['port']})

        def on_connect():
            def on_end():
                assert socket.destroyed is False
                server.close()

            socket.on('end', common.mustCall(on_end))
            socket.end()

        socket.on('connect', common.mustCall(on_connect))

    server.listen(common.mustCall(on_listening))
    uvnet.run()
