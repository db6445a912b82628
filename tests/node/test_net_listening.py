"""Port of test-net-listening.js: server.listening is False, True, then False after close."""
import common
import uvnet


def test_listening():
    server = uvnet.createServer()
    assert server.listening is False

    def on_listening():
        assert server.listening is True

        def on_close(*args):
            assert server.listening is False

        server.close(common.mustCall(on_close))

    server.listen(0, common.mustCall(on_listening))
    uvnet.run()
