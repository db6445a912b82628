"""Port of test-net-connect-nodelay.js: the noDelay option makes the socket call its
handle's setNoDelay(True) after connect, and a false one never calls it.

Node's truthy samples {} and [] are left out: they are falsy in Python."""
import common
import uvnet

TRUTHY = [True, 1, 'true']
FALSY = [False, 0, '']


def _run_client(value, set_no_delay):
    server = uvnet.createServer()

    def on_listening():
        port = server.address()['port']
        client = uvnet.connect({'port': port, 'noDelay': value},
                               common.mustCall(lambda: client.end()))
        client._handle.setNoDelay = set_no_delay
        client.on('end', common.mustCall(lambda: server.close()))

    server.listen(0, common.mustCall(on_listening))


def test_nodelay_option():
    def check(enable):
        assert enable is True

    for value in TRUTHY:
        _run_client(value, common.mustCall(check))
    for value in FALSY:
        _run_client(value, common.mustNotCall())
    uvnet.run()
