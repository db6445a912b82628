"""Port of test-net-localerror.js: a bad localAddress / localPort throws synchronously."""
import common
import uvnet


def test_localerror():
    common.throws(lambda: uvnet.connect({'host': 'localhost', 'port': 0,
                                         'localAddress': 'foobar'}),
                  code='ERR_INVALID_IP_ADDRESS', name='TypeError')
    common.throws(lambda: uvnet.connect({'host': 'localhost', 'port': 0,
                                         'localPort': 'foobar'}),
                  code='ERR_INVALID_ARG_TYPE', name='TypeError')
