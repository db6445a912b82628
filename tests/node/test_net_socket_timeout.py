"""Port of test-net-socket-timeout.js: setTimeout() argument validation, and a timeout that
fires. Node's `null` delay and callback are None here, which is also `undefined`: None as the
callback (no callback) is valid, so it is not among the invalid callbacks."""
import math

import common
import uvnet


def test_argument_validation():
    s = uvnet.Socket()
    for delay in ('100', True, False, None, '', {}, lambda: None, []):
        common.throws(lambda delay=delay: s.setTimeout(delay, lambda: None),
                      code='ERR_INVALID_ARG_TYPE')
    for delay in (-0.001, -1, -math.inf, math.inf, math.nan):
        common.throws(lambda delay=delay: s.setTimeout(delay, lambda: None),
                      code='ERR_OUT_OF_RANGE')
    for delay in (0, 0.001, 1, 1e6):
        s.setTimeout(delay, lambda: None)
    for callback in (1, '100', True, False, {}, [], object()):
        for msec in (0, 1):
            common.throws(lambda msec=msec, callback=callback: s.setTimeout(msec, callback),
                          code='ERR_INVALID_ARG_TYPE', name='TypeError')
    s.destroy()
    uvnet.run()


def test_timeout_fires():
    server = uvnet.Server()

    def on_listening():
        socket = uvnet.createConnection(server.address()['port'])

        def on_timeout():
            socket.destroy()
            assert socket.setTimeout(1, common.mustNotCall()) is socket
            server.close()

        assert socket.setTimeout(1, common.mustCall(on_timeout)) is socket

    server.listen(0, common.mustCall(on_listening))
    uvnet.run()
