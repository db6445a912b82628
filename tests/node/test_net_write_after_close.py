"""Port of test-net-write-after-close.js: writing to an accepted socket after the client
closed fails the write callback, with no 'error'."""
import common
import uvnet


def test_write_after_close():
    sockets = {}

    def on_connection(socket):
        sockets['server'] = socket
        socket.resume()
        socket.on('error', common.mustNotCall())

    server = uvnet.createServer(common.mustCall(on_connection))

    def on_listening():
        def on_connect():
            def on_end():
                def on_written(err=None):
                    assert err
                    server.close()
                sockets['server'].write('test', common.mustCall(on_written))

            client.on('end', common.mustCall(on_end))
            client.end()

        client = uvnet.connect(server.address()['port'], on_connect)

    server.listen(0, on_listening)
    uvnet.run()
