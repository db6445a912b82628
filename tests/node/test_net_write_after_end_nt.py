"""Port of test-net-write-after-end-nt.js: writing in 'end' after our own end() returns
False; the callback gets EPIPE and 'error' comes on a later tick."""
import common
import uvnet


def test_write_after_end_nt():
    server = uvnet.createServer(common.mustCall(lambda socket: socket.end()))

    def on_listening():
        def on_connect():
            has_error = False

            def on_error(err):
                nonlocal has_error
                has_error = True
                server.close()

            def on_end():
                ret = client.write('hello', common.expectsError(
                    code='EPIPE', message='This socket has been ended by the other party',
                    name='Error'))
                assert ret is False
                assert not has_error, 'The error should be emitted in the next tick.'

            client.on('error', common.mustCall(on_error))
            client.on('end', common.mustCall(on_end))
            client.end()

        client = uvnet.connect(server.address()['port'], on_connect)

    server.listen(on_listening)
    uvnet.run()
