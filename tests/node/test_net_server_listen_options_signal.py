"""Port of test-net-server-listen-options-signal.js: listen({signal}) validates the signal;
aborting it (before or after listen) closes the server.

Node's AbortController / AbortSignal are globals; uvnet accepts any signal-shaped object,
and common.py provides a minimal AbortController."""
import common
import uvnet


def test_invalid_signal():
    server = uvnet.createServer()
    common.throws(lambda: server.listen({'port': 0, 'signal': 'INVALID_SIGNAL'}),
                  code='ERR_INVALID_ARG_TYPE', name='TypeError')


def test_abort_after_listen():
    server = uvnet.createServer()
    controller = common.AbortController()
    server.on('close', common.mustCall())
    server.listen({'port': 0, 'signal': controller.signal})
    controller.abort()
    uvnet.run()


def test_aborted_signal():
    server = uvnet.createServer()
    signal = common.AbortSignal.abort()
    server.on('close', common.mustCall())
    server.listen({'port': 0, 'signal': signal})
    uvnet.run()
