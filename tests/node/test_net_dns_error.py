"""Port of test-net-dns-error.js: an unresolvable host ⇒ 'lookup'(err, None, None) and
'error' with ENOTFOUND / EAI_FAIL."""
import common
import uvnet

ERR_CODES = ['ENOTFOUND', 'EAI_FAIL']


def test_dns_error():
    host = '*' * 64
    socket = uvnet.connect(42, host, common.mustNotCall())

    def on_error(err):
        assert err.code in ERR_CODES, err

    def on_lookup(err, ip, type, *rest):
        assert isinstance(err, Exception)
        assert err.code in ERR_CODES, err
        assert ip is None
        assert type is None

    socket.on('error', common.mustCall(on_error))
    socket.on('lookup', common.mustCall(on_lookup))
    uvnet.run()
