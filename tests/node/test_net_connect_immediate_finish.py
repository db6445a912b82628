"""Port of test-net-connect-immediate-finish.js: end() while the lookup is pending; the
lookup error is emitted as is."""
import common
import uvnet


def test_connect_immediate_finish():
    client = uvnet.connect({
        'host': common.INVALID_HOST,
        'port': 80,  # the port does not matter: the host name is invalid
        'lookup': common.mustCall(common.errorLookupMock()),
    }, common.mustNotCall())

    def on_error(error):
        assert not hasattr(error, 'port')
        assert not hasattr(error, 'host')
        common.check_error(error, code=common.mockedErrorCode, errno=common.mockedErrorCode,
                           syscall=common.mockedSysCall, hostname=common.INVALID_HOST,
                           message='getaddrinfo ENOTFOUND something.invalid')

    client.once('error', common.mustCall(on_error))
    client.end()
    uvnet.run()
