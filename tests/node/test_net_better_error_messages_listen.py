"""Port of test-net-better-error-messages-listen.js: listen errors carry address/port/syscall."""
import common
import uvnet


def test_listen_error_fields():
    server = uvnet.createServer(common.mustNotCall())
    server.listen(1, '1.1.1.1', common.mustNotCall())

    def on_error(e):
        assert e.address == '1.1.1.1'
        assert e.port == 1
        assert e.syscall == 'listen'

    server.on('error', common.mustCall(on_error))
    uvnet.run()
