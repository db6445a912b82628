"""Port of test-net-persistent-ref-unref.js: unref() then ref() before connect are applied
to the TCP handle once it exists (net count 0). Node patches the internal TCPWrap prototype
(--expose-internals); uvnet's TCPWrap is patched the same way."""
import uvnet
from uvnet.internal.handles.tcp import TCPWrap


def test_persistent_ref_unref(monkeypatch):
    echo_server = uvnet.createServer(lambda conn: conn.end())
    state = {'ref_count': 0}
    original_ref, original_unref = TCPWrap.ref, TCPWrap.unref

    def ref(self):
        original_ref(self)
        state['ref_count'] += 1
        assert state['ref_count'] == 0

    def unref(self):
        original_unref(self)
        state['ref_count'] -= 1
        assert state['ref_count'] == -1

    monkeypatch.setattr(TCPWrap, 'ref', ref)
    monkeypatch.setattr(TCPWrap, 'unref', unref)
    echo_server.listen(0)
    ended = []

    def on_listening():
        sock = uvnet.Socket()
        sock.unref()
        sock.ref()
        sock.connect(echo_server.address()['port'])

        def on_end():
            assert state['ref_count'] == 0
            ended.append(True)
            echo_server.close()

        sock.on('end', on_end)

    echo_server.on('listening', on_listening)
    uvnet.run()
    assert ended == [True]
