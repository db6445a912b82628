"""Port of test-net-socket-setnodelay.js: setNoDelay() coerces its argument, defaults to
True, calls the handle only when the value changes, and returns the socket even when the
handle has no setNoDelay. The handle is a fake object passed as the `handle` option.

Node's truthy samples {} and [] are left out: they are falsy in Python."""
from types import SimpleNamespace

import common
import uvnet

TRUTHY = [True, 1, 'true']
FALSY = [False, 0, '']


def fake_socket(set_no_delay):
    return uvnet.Socket({'handle': SimpleNamespace(setNoDelay=set_no_delay,
                                                   readStart=lambda: None)})


def test_setnodelay():
    def want_true(enable):
        assert enable is True

    socket = fake_socket(common.mustCall(want_true))
    socket.setNoDelay()

    socket = fake_socket(common.mustCall(want_true, 1))
    for value in TRUTHY:
        socket.setNoDelay(value)

    socket = fake_socket(common.mustNotCall())
    for value in FALSY:
        socket.setNoDelay(value)

    socket = fake_socket(common.mustCall(exact=3))
    for value in TRUTHY + FALSY + TRUTHY:
        socket.setNoDelay(value)

    socket = fake_socket(None)
    returned = socket.setNoDelay(True)
    assert isinstance(returned, uvnet.Socket)
