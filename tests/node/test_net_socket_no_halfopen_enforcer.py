"""Port of test-net-socket-no-halfopen-enforcer.js: a new Socket has exactly one 'end'
listener (net's own; the Duplex half-open enforcer is not added)."""
import uvnet


def test_one_end_listener():
    socket = uvnet.Socket({'allowHalfOpen': False})
    assert socket.listenerCount('end') == 1
