"""Port of test-net-connect-no-arg.js: connect() without port/path/options throws
ERR_MISSING_ARGS."""
import common
import uvnet

MESSAGE = 'The "options" or "port" or "path" argument must be specified'


def test_connect_no_arg():
    for call in (lambda: uvnet.connect(),
                 lambda: uvnet.Socket().connect(),
                 lambda: uvnet.connect({}),
                 lambda: uvnet.Socket().connect({})):
        common.throws(call, code='ERR_MISSING_ARGS', message=MESSAGE)
