"""Port of test-net-persistent-nodelay.js: setNoDelay() before connect returns the socket
and is applied to the TCP handle exactly once. Node patches the internal TCPWrap prototype
(--expose-internals); uvnet's TCPWrap is patched the same way."""
import uvnet
from uvnet.internal.handles.tcp import TCPWrap


def test_persistent_nodelay(monkeypatch):
    echo_server = uvnet.createServer(lambda connection: connection.end())
    echo_server.listen(0)
    calls = []
    original = TCPWrap.setNoDelay

    def set_no_delay(self, enable):
        original(self, enable)
        calls.append(enable)

    monkeypatch.setattr(TCPWrap, 'setNoDelay', set_no_delay)
    ended = []

    def on_listening():
        sock1 = uvnet.Socket()
        s = sock1.setNoDelay()
        assert isinstance(s, uvnet.Socket)
        sock1.connect(echo_server.address()['port'])

        def on_end():
            assert len(calls) == 1
            ended.append(True)
            echo_server.close()

        sock1.on('end', on_end)

    echo_server.on('listening', on_listening)
    uvnet.run()
    assert ended == [True]
