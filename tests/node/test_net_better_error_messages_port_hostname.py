"""Port of test-net-better-error-messages-port-hostname.js: an error from a custom lookup
reaches 'error' unchanged (no port/host added)."""
import common
import uvnet


def test_lookup_error_unchanged():
    c = uvnet.createConnection({
        'port': 0,
        'host': common.INVALID_HOST,
        'lookup': common.mustCall(common.errorLookupMock()),
    })
    c.on('connect', common.mustNotCall())

    def on_error(error):
        assert not hasattr(error, 'port')
        assert not hasattr(error, 'host')
        common.check_error(error, name='Error', errno=common.mockedErrorCode,
                           code=common.mockedErrorCode,
                           message='getaddrinfo ENOTFOUND something.invalid',
                           hostname=common.INVALID_HOST, syscall='getaddrinfo')

    c.on('error', common.mustCall(on_error))
    uvnet.run()
