"""Port of test-net-better-error-messages-listen-path.js: a failed listen(path) names the path."""
import common
import uvnet


def test_listen_path_error_has_address():
    fp = '/blah/fadfa'
    server = uvnet.createServer(common.mustNotCall())
    server.listen(fp, common.mustNotCall())

    def on_error(e):
        assert e.address == fp

    server.on('error', common.mustCall(on_error))
    uvnet.run()
