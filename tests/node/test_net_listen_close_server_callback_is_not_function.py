"""Port of test-net-listen-close-server-callback-is-not-function.js: close('bad argument')
ignores the non-callable; 'close' fires; no 'listening'."""
import common
import uvnet


def test_close_with_non_callable():
    server = uvnet.createServer(common.mustNotCall())
    server.on('close', common.mustCall())
    server.listen(0, common.mustNotCall())
    server.close('bad argument')
    uvnet.run()
