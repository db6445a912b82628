"""Port of test-net-connect-call-socket-connect.js: net.connect() goes through
Socket.connect, so patching the class method intercepts it."""
import common
import uvnet


def test_connect_calls_socket_connect(monkeypatch):
    orig = uvnet.Socket.connect

    def connect(self, *args, **kwargs):
        return orig(self, *args, **kwargs)

    monkeypatch.setattr(uvnet.Socket, 'connect', common.mustCall(connect))
    server = uvnet.createServer()

    def on_listening():
        port = server.address()['port']
        client = uvnet.connect({'port': port}, common.mustCall(lambda: client.end()))
        client.on('end', common.mustCall(lambda: server.close()))

    server.listen(common.mustCall(on_listening))
    uvnet.run()
