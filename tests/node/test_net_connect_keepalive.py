"""Port of test-net-connect-keepalive.js: the keepAlive / keepAliveInitialDelay options reach
the handle's setKeepAlive(enable, seconds) after connect; a false keepAlive never calls it.

Node's truthy/falsy samples {} and [] are left out: their truthiness differs in Python."""
import common
import uvnet

TRUTHY = [True, 1, 'true']
DELAYS = [(123, 0), (456123, 456), (-123000, 0), (None, 0)]
FALSY = [False, 0, '']


def _run_client(options, set_keep_alive):
    server = uvnet.createServer()

    def on_listening():
        port = server.address()['port']
        client = uvnet.connect(dict(options, port=port), common.mustCall(lambda: client.end()))
        client._handle.setKeepAlive = set_keep_alive
        client.on('end', common.mustCall(lambda: server.close()))

    server.listen(0, common.mustCall(on_listening))


def test_keepalive_options():
    for value in TRUTHY:
        for delay, want in DELAYS:
            def check(enable, delay, want=want):
                assert enable is True
                assert delay == want
            opts = {'keepAlive': value}
            if delay is not None:
                opts['keepAliveInitialDelay'] = delay
            _run_client(opts, common.mustCall(check))
    for value in FALSY:
        _run_client({'keepAlive': value}, common.mustNotCall())
    uvnet.run()
