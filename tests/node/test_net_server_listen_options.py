"""Port of test-net-server-listen-options.js: every listen() signature, port validation and
the invalid-options errors. Node's listen(undefined) and listen(null) are both None here."""
import math
import re

import common
import uvnet


def closer(server_box):
    return lambda: server_box[0].close()


def new_listen(*args):
    box = []
    box.append(uvnet.createServer())
    return box, box[0].listen(*args)


def test_listen_forms():
    s = uvnet.createServer()
    s.listen().on('listening', common.mustCall(lambda: s.close()))
    s2 = uvnet.createServer()
    s2.listen(common.mustCall(lambda: s2.close()))
    s3 = uvnet.createServer()
    s3.listen(0).on('listening', common.mustCall(lambda: s3.close()))
    s4 = uvnet.createServer()
    s4.listen({'port': 0}).on('listening', common.mustCall(lambda: s4.close()))
    uvnet.run()


def listen_with_options(port, cb):
    server = uvnet.createServer()
    return server.listen({'port': port}, cb(server))


def listen_with_port(port, cb):
    server = uvnet.createServer()
    return server.listen(port, cb(server))


def test_listen_on_port():
    bad_port = {'code': 'ERR_SOCKET_BAD_PORT', 'name': 'RangeError'}
    for listen in (listen_with_options, listen_with_port):
        for port in ('0', 0, None):
            listen(port, lambda server: common.mustCall(lambda: server.close()))
        for port in (-1, math.nan, 123.456, 65536, math.inf, -math.inf):
            common.throws(lambda listen=listen, port=port: listen(
                port, lambda server: common.mustNotCall()), **bad_port)
    common.throws(lambda: uvnet.createServer().listen({'port': -1, 'path': common.PIPE},
                                                      common.mustNotCall()),
                  **bad_port)
    uvnet.run()


def should_fail_to_listen(options):
    def fn():
        uvnet.createServer().listen(options, common.mustNotCall())

    if isinstance(options, dict) and not ('port' in options or 'path' in options):
        message = re.compile(r"^The argument 'options' must have the property \"port\" or "
                             r"\"path\"\. Received .+$")
    else:
        message = re.compile(r"^The argument 'options' is invalid\. Received .+$")
    common.throws(fn, code='ERR_INVALID_ARG_VALUE', name='TypeError', message=message)


def test_invalid_options():
    should_fail_to_listen(False)
    should_fail_to_listen({'port': False})
    should_fail_to_listen(True)
    should_fail_to_listen({'port': True})
    should_fail_to_listen({'fd': -1})
    should_fail_to_listen({'path': -1})
    should_fail_to_listen({})
    should_fail_to_listen({'host': 'localhost'})
    should_fail_to_listen({'host': 'localhost:3000'})
    should_fail_to_listen({'host': {'port': 3000}})
    should_fail_to_listen({'exclusive': True})
