"""Port of test-net-connect-options-port.js: port and hints validation (synchronous throws)
and the connect(port[, host]) forms with int, str and hex-str ports.

Node's `port: null` case is left out: Python's None stands for both null and undefined, and
an undefined port is the ERR_MISSING_ARGS case of test-net-connect-no-arg."""
import math
import re

import common
import uvnet

# dns.ADDRCONFIG | dns.V4MAPPED | dns.ALL on Linux, plus 42: not a valid hints value
BAD_HINTS = (1024 | 2048 | 256) + 42


def do_connect(opts, get_cb):
    """The six connect forms of Node's doConnect(), each returning the socket."""
    def create_connection_with_cb():
        return uvnet.createConnection(dict(opts), get_cb()).resume()

    def create_connection_without_cb():
        return uvnet.createConnection(dict(opts)).on('connect', get_cb()).resume()

    def connect_with_cb():
        return uvnet.connect(dict(opts), get_cb()).resume()

    def connect_without_cb():
        return uvnet.connect(dict(opts)).on('connect', get_cb()).resume()

    def socket_connect_with_cb():
        return uvnet.Socket().connect(dict(opts), get_cb()).resume()

    def socket_connect_without_cb():
        return uvnet.Socket().connect(dict(opts)).on('connect', get_cb()).resume()

    return [create_connection_with_cb, create_connection_without_cb, connect_with_cb,
            connect_without_cb, socket_connect_with_cb, socket_connect_without_cb]


def sync_fail_to_connect(port, expected, opt_only=False):
    family = 4
    variants = [{'port': port, 'family': family},
                {'port': port, 'host': 'localhost', 'family': family}]
    if not opt_only:
        variants = variants * 2
    for opts in variants:
        for fn in do_connect(opts, lambda: common.mustNotCall()):
            common.throws(fn, **expected)


def test_port_type_errors():
    port_type_error = {'code': 'ERR_INVALID_ARG_TYPE', 'name': 'TypeError'}
    sync_fail_to_connect(True, port_type_error)
    sync_fail_to_connect(False, port_type_error)
    sync_fail_to_connect([], port_type_error, True)
    sync_fail_to_connect({}, port_type_error, True)


def test_port_range_errors():
    port_range_error = {'code': 'ERR_SOCKET_BAD_PORT', 'name': 'RangeError'}
    sync_fail_to_connect('', port_range_error)
    sync_fail_to_connect(' ', port_range_error)
    sync_fail_to_connect('0x', port_range_error, True)
    sync_fail_to_connect('-0x1', port_range_error, True)
    sync_fail_to_connect(math.nan, port_range_error)
    sync_fail_to_connect(math.inf, port_range_error)
    sync_fail_to_connect(-1, port_range_error)
    sync_fail_to_connect(65536, port_range_error)


def test_bad_hints():
    for fn in do_connect({'port': 42, 'hints': BAD_HINTS}, lambda: common.mustNotCall()):
        common.throws(fn, code='ERR_INVALID_ARG_VALUE', name='TypeError',
                      message=re.compile(r"The argument 'hints' is invalid\. Received \d+"))


def can_connect(port):
    family = 4
    for opts in ({'port': port, 'family': family},
                 {'port': port, 'host': 'localhost', 'family': family}) * 2:
        for fn in do_connect(opts, lambda: common.mustCall()):
            fn()


def async_fail_to_connect(port):
    def on_error():
        def check(err):
            assert re.match(r'^connect E\w+.+$', str(err)), str(err)
        return common.mustCall(check)

    family = 4
    for opts in ({'port': port, 'family': family}, {'port': port, 'family': family},
                 {'port': port, 'host': 'localhost', 'family': family}):
        for fn in do_connect(opts, lambda: common.mustNotCall()):
            fn().on('error', on_error())


def test_can_connect_then_fail():
    expected_connections = 72
    server_connected = 0

    def on_connection(socket):
        nonlocal server_connected
        socket.end('ok')
        server_connected += 1
        if server_connected == expected_connections:
            server.close()

    server = uvnet.createServer(common.mustCall(on_connection, expected_connections))

    def on_listening():
        port = server.address()['port']
        can_connect(port)
        can_connect(str(port))
        can_connect(hex(port))

    server.listen(0, common.localhostIPv4, common.mustCall(on_listening))
    server.on('close', lambda: async_fail_to_connect(0))
    uvnet.run()
