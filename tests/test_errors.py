"""uvnet's errors against Node v20: UVException for every libuv code, the message formats
of Node's builders (compared with errors Node really raises), and the ERR_* classes
(compared with Node's own ``internal/errors`` through ``--expose-internals``).
"""

from __future__ import annotations

import errno as errno_mod
import json
import os
import re

import pytest

import uvnet
from difftest import run_node
from uvnet._vendor import pyuv
from uvnet.internal import errors as E

ALL_CODES = sorted(pyuv.errno.errorcode.items())

# Python's own errno -> OSError subclass table (PEP 3151), by code name.
_PEP3151 = {
    name: type(OSError(getattr(errno_mod, name), 'x'))
    for name in dir(errno_mod) if name.startswith('E') and isinstance(getattr(errno_mod, name), int)
}


# --- UVException ----------------------------------------------------------------------------


@pytest.mark.parametrize('err, uvname', ALL_CODES, ids=[n for _, n in ALL_CODES])
def test_uvexception_for_every_pyuv_code(err: int, uvname: str) -> None:
    code = uvname[3:]
    ex = E.errnoException(err, 'read')
    assert isinstance(ex, uvnet.UVException) and isinstance(ex, OSError)
    assert (ex.code, ex.errno, ex.syscall) == (code, err, 'read')
    assert err < 0
    assert str(ex) == ex.message == f'read {code}'
    assert E.errname(err) == code
    assert E.uvErrmapGet(err) == (code, pyuv.errno.strerror(err))
    builtin = _PEP3151.get(code, OSError)
    if builtin is not OSError:
        assert isinstance(ex, builtin), f'{code} should be a {builtin.__name__}'
    else:
        assert type(ex).__mro__[1:] == (uvnet.UVException, OSError, Exception, BaseException,
                                        object)
    with pytest.raises(builtin):
        raise ex


def test_fitting_builtins_named_in_api_md() -> None:
    pairs = {
        'ECONNREFUSED': ConnectionRefusedError, 'ECONNRESET': ConnectionResetError,
        'EPIPE': BrokenPipeError, 'ETIMEDOUT': TimeoutError, 'ENOENT': FileNotFoundError,
        'EACCES': PermissionError, 'ECONNABORTED': ConnectionAbortedError,
        'EEXIST': FileExistsError, 'EAGAIN': BlockingIOError, 'EINTR': InterruptedError,
    }
    for code, builtin in pairs.items():
        err = getattr(pyuv.errno, 'UV_' + code)
        ex = E.errnoException(err, 'x')
        assert isinstance(ex, builtin) and isinstance(ex, ConnectionError) == issubclass(
            builtin, ConnectionError)
    # one class per code, so `except ConnectionRefusedError` and identity checks work
    a = E.errnoException(pyuv.errno.UV_ECONNREFUSED, 'connect')
    b = E.exceptionWithHostPort(pyuv.errno.UV_ECONNREFUSED, 'connect', '127.0.0.1', 1)
    assert type(a) is type(b)


def test_unknown_errno() -> None:
    ex = E.errnoException(-123456, 'read')
    assert ex.code == 'Unknown system error -123456' and ex.errno == -123456
    assert E.uvErrmapGet(-123456) == ('UNKNOWN', 'unknown error')


def test_codes_and_numbers_are_nodes() -> None:
    # Node's util.getSystemErrorMap() (its libuv is newer) agrees on every pyuv code.
    out = run_node(r"""
const m = require('util').getSystemErrorMap(); const o = {};
for (const [k, [name, msg]] of m) o[k] = [name, msg];
console.log(JSON.stringify(o));
""")
    node = json.loads(out)
    for err, uvname in ALL_CODES:
        assert node[str(err)] == [uvname[3:], pyuv.errno.strerror(err)]


# --- message formats against real Node errors ---------------------------------------------

NODE_ERRORS_JS = r"""
const net = require('net'); const dns = require('dns');
const sock = process.argv[2] || require('path').join(process.cwd(), 'x.sock');
const show = (label, e) => console.log(JSON.stringify({ label, message: e.message,
  errno: e.errno, code: e.code, syscall: e.syscall, address: e.address, port: e.port,
  hostname: e.hostname }));
const steps = [
  (next) => net.connect(1, '127.0.0.1').on('error', (e) => { show('refused', e); next(); }),
  (next) => { const a = net.createServer().listen(0, '127.0.0.1', () => {
    const port = a.address().port;
    net.createServer().on('error', (e) => { show('inuse', e); a.close(); next(); })
      .listen(port, '127.0.0.1'); }); },
  (next) => net.connect('/nonexistent/dir/x.sock').on('error', (e) => {
    show('nopath', e); next(); }),
  (next) => { const a = net.createServer().listen(sock, () => {
    net.createServer().on('error', (e) => { show('pipeinuse', e); a.close(); next(); })
      .listen(sock); }); },
  (next) => dns.lookup('no-such-host.invalid', (e) => { show('notfound', e); next(); }),
  (next) => net.connect({ port: 1, host: '127.0.0.1', localAddress: '127.0.0.1',
    localPort: 45679 }).on('error', (e) => { show('local', e); next(); }),
];
(function run(i) { if (i < steps.length) steps[i](() => run(i + 1)); })(0);
"""


@pytest.fixture(scope='module')
def node_errors() -> dict[str, dict[str, object]]:
    out = run_node(NODE_ERRORS_JS)
    return {d.pop('label'): d for d in map(json.loads, out.splitlines())}


def _fields(ex: Exception) -> dict[str, object]:
    d = {'message': str(ex)}
    for key in ('errno', 'code', 'syscall', 'address', 'port', 'hostname'):
        if hasattr(ex, key) and getattr(ex, key) is not None:
            d[key] = getattr(ex, key)
    return d


def test_connect_refused_is_exceptionWithHostPort(node_errors: dict) -> None:
    ex = E.exceptionWithHostPort(pyuv.errno.UV_ECONNREFUSED, 'connect', '127.0.0.1', 1)
    assert _fields(ex) == node_errors['refused']
    assert isinstance(ex, ConnectionRefusedError)


def test_connect_refused_with_local_address(node_errors: dict) -> None:
    ex = E.exceptionWithHostPort(pyuv.errno.UV_ECONNREFUSED, 'connect', '127.0.0.1', 1,
                                 '127.0.0.1:45679')
    assert _fields(ex) == node_errors['local']


def test_listen_in_use_is_uvExceptionWithHostPort(node_errors: dict) -> None:
    expected = dict(node_errors['inuse'])
    port = expected['port']
    ex = E.uvExceptionWithHostPort(pyuv.errno.UV_EADDRINUSE, 'listen', '127.0.0.1', port)
    assert _fields(ex) == expected
    assert re.fullmatch(r'listen EADDRINUSE: address already in use 127\.0\.0\.1:\d+',
                        str(ex))


def test_pipe_listen_in_use_has_port_minus_one_but_not_in_the_message(node_errors: dict
                                                                      ) -> None:
    expected = dict(node_errors['pipeinuse'])
    path = expected['address']
    ex = E.uvExceptionWithHostPort(pyuv.errno.UV_EADDRINUSE, 'listen', path, -1)
    assert _fields(ex) == expected
    assert expected['port'] == -1 and str(ex).endswith(f'in use {path}')


def test_connect_missing_unix_path(node_errors: dict) -> None:
    ex = E.exceptionWithHostPort(pyuv.errno.UV_ENOENT, 'connect', '/nonexistent/dir/x.sock',
                                 None)
    assert _fields(ex) == node_errors['nopath']
    assert isinstance(ex, FileNotFoundError)


def test_lookup_not_found_is_dnsException(node_errors: dict) -> None:
    ex = E.dnsException(pyuv.errno.UV_EAI_NONAME, 'getaddrinfo', 'no-such-host.invalid')
    assert _fields(ex) == node_errors['notfound']
    ex = E.dnsException(pyuv.errno.UV_EAI_NODATA, 'getaddrinfo', 'x.invalid')
    assert ex.code == 'ENOTFOUND' and ex.errno == pyuv.errno.UV_EAI_NODATA
    ex = E.dnsException(pyuv.errno.UV_EAI_AGAIN, 'getaddrinfo', 'x.invalid')
    assert str(ex) == 'getaddrinfo EAI_AGAIN x.invalid'
    ex = E.dnsException(pyuv.errno.UV_EAI_AGAIN, 'queryA')
    assert str(ex) == 'queryA EAI_AGAIN' and not hasattr(ex, 'hostname')


def test_errnoException_with_original_and_port_zero() -> None:
    ex = E.errnoException(pyuv.errno.UV_EPIPE, 'write', 'extra text')
    assert str(ex) == 'write EPIPE extra text' and isinstance(ex, BrokenPipeError)
    ex = E.exceptionWithHostPort(pyuv.errno.UV_EADDRINUSE, 'bind', '127.0.0.1', 0)
    assert str(ex) == 'bind EADDRINUSE 127.0.0.1' and not hasattr(ex, 'port')
    ex = E.uvExceptionWithHostPort(pyuv.errno.UV_EACCES, 'listen', None, None)
    assert str(ex) == 'listen EACCES: permission denied'
    assert isinstance(ex, PermissionError)


def test_uvexception_from_a_pyuv_error(tmp_path) -> None:  # type: ignore[no-untyped-def]
    # uv_errno reads the libuv number a pyuv exception carries
    loop = pyuv.Loop()
    pipe = pyuv.Pipe(loop)
    with pytest.raises(pyuv.error.PipeError) as info:
        pipe.bind(str(tmp_path / 'missing' / 'x.sock'))
    err = E.uv_errno(info.value)  # ENOENT, or EACCES on some kernels/sandboxes
    assert err in (pyuv.errno.UV_ENOENT, pyuv.errno.UV_EACCES)
    ex = E.uvExceptionWithHostPort(err, 'listen', '/missing/x.sock', -1)
    code = pyuv.errno.errorcode[err][3:]
    assert str(ex) == f'listen {code}: {pyuv.errno.strerror(err)} /missing/x.sock'
    pipe.close()
    loop.run()


# --- NodeError classes --------------------------------------------------------------------

_ERR_CLASSES = sorted((name, cls) for name, cls in vars(E).items()
                      if name.startswith('ERR_') and isinstance(cls, type))
_NODE_BASE = {'TypeError': TypeError, 'RangeError': ValueError, 'Error': Exception}


@pytest.mark.parametrize('name, cls', _ERR_CLASSES, ids=[n for n, _ in _ERR_CLASSES])
def test_err_class_shape(name: str, cls: type) -> None:
    assert cls.__name__ == name and cls.code == name
    assert issubclass(cls, uvnet.NodeError) and issubclass(cls, Exception)
    assert issubclass(cls, _NODE_BASE[cls.name])
    if cls.name == 'Error':
        assert not issubclass(cls, (TypeError, ValueError))
    if cls.name == 'TypeError':
        assert not issubclass(cls, ValueError)
    if cls.name == 'RangeError':
        assert not issubclass(cls, TypeError)


NODE_CODES_JS = r"""
const { codes } = require('internal/errors');
const cases = JSON.parse(process.argv[2]);
for (const [code, args] of cases) {
  const fixed = args.map((a) => (a === '__NaN__' ? NaN : a));
  const e = new codes[code](...fixed);
  console.log(JSON.stringify([code, e.name, e.message]));
}
"""

# (code, JS arguments, the same arguments in Python)
CASES: list[tuple[str, list[object], tuple[object, ...]]] = [
    ('ERR_SOCKET_BAD_PORT', ['Port', 70000, True], ('Port', 70000, True)),
    ('ERR_SOCKET_BAD_PORT', ['Port', 0, False], ('Port', 0, False)),
    ('ERR_SOCKET_BAD_PORT', ['options.port', -1, True], ('options.port', -1, True)),
    ('ERR_SOCKET_BAD_PORT', ['Port', 'abc', True], ('Port', 'abc', True)),
    ('ERR_SERVER_ALREADY_LISTEN', [], ()),
    ('ERR_SERVER_NOT_RUNNING', [], ()),
    ('ERR_SOCKET_CLOSED', [], ()),
    ('ERR_SOCKET_CLOSED_BEFORE_CONNECTION', [], ()),
    ('ERR_SOCKET_CONNECTION_TIMEOUT', [], ()),
    ('ERR_STREAM_WRITE_AFTER_END', [], ()),
    ('ERR_STREAM_DESTROYED', ['write'], ('write',)),
    ('ERR_STREAM_ALREADY_FINISHED', ['end'], ('end',)),
    ('ERR_STREAM_PREMATURE_CLOSE', [], ()),
    ('ERR_STREAM_PUSH_AFTER_EOF', [], ()),
    ('ERR_STREAM_NULL_VALUES', [], ()),
    ('ERR_STREAM_CANNOT_PIPE', [], ()),
    ('ERR_STREAM_UNSHIFT_AFTER_END_EVENT', [], ()),
    ('ERR_MULTIPLE_CALLBACK', [], ()),
    ('ERR_METHOD_NOT_IMPLEMENTED', ['_write()'], ('_write()',)),
    ('ERR_INVALID_IP_ADDRESS', ['1.2.3'], ('1.2.3',)),
    ('ERR_UNKNOWN_ENCODING', ['foo'], ('foo',)),
    ('ERR_INVALID_FD_TYPE', ['FILE'], ('FILE',)),
    ('ERR_INVALID_HANDLE_TYPE', [], ()),
    ('ERR_INVALID_ADDRESS_FAMILY', ['IPv5', 'localhost', 80], ('IPv5', 'localhost', 80)),
    ('ERR_MISSING_ARGS', ['address'], ('address',)),
    ('ERR_MISSING_ARGS', ['a', 'b'], ('a', 'b')),
    ('ERR_MISSING_ARGS', ['a', 'b', 'c'], ('a', 'b', 'c')),
    ('ERR_MISSING_ARGS', [['a', 'b'], 'c'], (['a', 'b'], 'c')),
    ('ERR_MISSING_OPTION', ['options.port'], ('options.port',)),
    ('ERR_OUT_OF_RANGE', ['n', '>= 0', -1], ('n', '>= 0', -1)),
    ('ERR_OUT_OF_RANGE', ['n', 'an integer', 1.5], ('n', 'an integer', 1.5)),
    ('ERR_OUT_OF_RANGE', ['n', '>= 0', 2 ** 40], ('n', '>= 0', 2 ** 40)),
    ('ERR_OUT_OF_RANGE', ['n', '>= 0', 2.0 ** 40], ('n', '>= 0', 2.0 ** 40)),
    ('ERR_OUT_OF_RANGE', ['n', '>= 0', -(2 ** 33)], ('n', '>= 0', -(2 ** 33))),
    ('ERR_OUT_OF_RANGE', ['n', '>= 0', '__NaN__'], ('n', '>= 0', float('nan'))),
    ('ERR_OUT_OF_RANGE', ['n', '> 0', 'str'], ('n', '> 0', 'str')),
    ('ERR_OUT_OF_RANGE', ['n', '> 0', 3.0], ('n', '> 0', 3.0)),
    ('ERR_UNHANDLED_ERROR', [], ()),
    ('ERR_UNHANDLED_ERROR', ["'x'"], ("'x'",)),
    ('ERR_INVALID_ARG_VALUE', ['options.family', 7], ('options.family', 7)),
    ('ERR_INVALID_ARG_VALUE', ['family', 'x', 'must be 4 or 6'], ('family', 'x', 'must be 4 or 6')),
    ('ERR_INVALID_ARG_TYPE', ['options', 'object', 42], ('options', 'object', 42)),
    ('ERR_INVALID_ARG_TYPE', ['cb', 'function', 'str'], ('cb', 'function', 'str')),
    ('ERR_INVALID_ARG_TYPE', ['chunk', ['string', 'Buffer', 'Uint8Array'], 42],
     ('chunk', ['string', 'Buffer', 'Uint8Array'], 42)),
    ('ERR_INVALID_ARG_TYPE', ['options.port', ['number', 'string'], True],
     ('options.port', ['number', 'string'], True)),
    ('ERR_INVALID_RETURN_VALUE', ['a Promise', 'fn', 1], ('a Promise', 'fn', 1)),
]

# API.md: "Messages follow Node's wording, with Python's type names where Node names a JS
# type". These are the only differences allowed between Node's message and uvnet's.
_JS_TO_PY = [
    ('type number (', 'type int ('), ('type string (', 'type str ('),
    ('type boolean (true)', 'type bool (True)'), ('of type number or string', 'of type int or str'),
    ('of type object', 'of type dict'), ('of type string or', 'of type str or'),
    ('an instance of Buffer or Uint8Array', 'an instance of bytes or bytearray'),
]


def _pythonize(message: str) -> str:
    for js, py in _JS_TO_PY:
        message = message.replace(js, py)
    return message


@pytest.fixture(scope='module')
def node_codes() -> list[list[str]]:
    import subprocess
    import tempfile
    with tempfile.NamedTemporaryFile('w', suffix='.js', delete=False) as fh:
        fh.write(NODE_CODES_JS)
    try:
        proc = subprocess.run(
            [os.environ.get('NODE', 'node'), '--expose-internals', '--no-warnings', fh.name,
             json.dumps([[c, a] for c, a, _ in CASES])],
            capture_output=True, text=True, timeout=30, check=True)
    finally:
        os.unlink(fh.name)
    return [json.loads(line) for line in proc.stdout.splitlines()]


@pytest.mark.parametrize('i', range(len(CASES)), ids=[f'{c[0]}-{i}' for i, c in enumerate(CASES)])
def test_err_messages_match_node(i: int, node_codes: list[list[str]]) -> None:
    code, _, py_args = CASES[i]
    node_code, node_name, node_message = node_codes[i]
    err = getattr(E, code)(*py_args)
    assert (err.code, err.name) == (node_code, node_name)
    assert str(err) == err.message == _pythonize(node_message)
    assert isinstance(err, _NODE_BASE[node_name])
