"""Port of test-net-server-options.js: createServer(options) rejects a str or an int."""
import common
import uvnet


def test_server_options_type():
    common.throws(lambda: uvnet.createServer('path'), code='ERR_INVALID_ARG_TYPE',
                  name='TypeError')
    common.throws(lambda: uvnet.createServer(0), code='ERR_INVALID_ARG_TYPE', name='TypeError')
