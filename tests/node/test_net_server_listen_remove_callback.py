"""Port of test-net-server-listen-remove-callback.js: the listen callback is a once
listener, so relistening after close leaves no 'listening' listener behind."""
import uvnet


def test_listen_callback_removed():
    server = uvnet.createServer()
    checks = []

    def on_close():
        listeners = server.listeners('listening')
        checks.append(len(listeners))
        assert len(listeners) == 0

    server.on('close', on_close)
    server.listen(0, lambda: server.close())
    server.once('close', lambda: server.listen(0, lambda: server.close()))
    uvnet.run()
    assert checks == [0, 0]
