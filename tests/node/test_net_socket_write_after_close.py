"""Port of test-net-socket-write-after-close.js: writing after the handle was closed under
the socket ⇒ 'write EBADF'; after _handle is cleared ⇒ ERR_SOCKET_CLOSED."""
import common
import uvnet


def test_write_to_closed_handle():
    server = uvnet.createServer()

    def on_listening():
        port = server.address()['port']

        def on_connect():
            def on_error(err):
                server.close()
                assert isinstance(err, Exception)
                assert str(err) == 'write EBADF'

            client.on('error', common.mustCall(on_error))
            client._handle.close()
            client.write('foo')

        client = uvnet.connect({'port': port}, common.mustCall(on_connect))

    server.listen(common.mustCall(on_listening))
    uvnet.run()


def test_write_without_handle():
    server = uvnet.createServer()

    def on_listening():
        port = server.address()['port']

        def on_connect():
            client.on('error', common.expectsError(code='ERR_SOCKET_CLOSED',
                                                   message='Socket is closed', name='Error'))
            server.close()
            client._handle.close()
            client._handle = None
            client.write('foo')

        client = uvnet.connect({'port': port}, common.mustCall(on_connect))

    server.listen(common.mustCall(on_listening))
    uvnet.run()
