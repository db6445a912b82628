# ruff: noqa: E501  (the embedded JS/Python programs keep their natural line length)
"""net.Server errors against node: R11 (listen side) and R12 (listen side), R23's
ERR_SERVER_ALREADY_LISTEN, and the error objects' fields."""

import re

from difftest import assert_same_output


def normalize_ports(text: str) -> str:
    """Every 4-5 digit number (ports; errnos here have fewer digits) becomes PORT."""
    return re.sub(r"(?<![-\d])\d{4,5}(?!\d)", "PORT", text)

SHOW_JS = r"""
const show = (l, e) => console.log(l, JSON.stringify([e.name, e.message, e.code, e.errno, e.syscall, e.address, e.port, e.hostname]));
"""
SHOW_PY = r"""
import json
def show(l, e):
    print(l, json.dumps([e.name, e.message, e.code, e.errno, e.syscall, getattr(e, 'address', None), getattr(e, 'port', None), getattr(e, 'hostname', None)], separators=(',', ':')))
"""


def test_r11_eaddrinuse_with_and_without_host() -> None:
    js = "const net = require('net');" + SHOW_JS + r"""
const a = net.createServer().listen(0, '127.0.0.1', () => {
  const port = a.address().port;
  const b = net.createServer();
  b.on('error', (e) => {
    show('EADDRINUSE host  :', e); console.log('  b.listening =', b.listening, 'address =', b.address());
    const c = net.createServer();
    c.on('error', (e) => {
      show('EADDRINUSE nohost:', e);
      const d = net.createServer();
      d.on('error', (e) => { show('EADDRINUSE ::     :', e); a.close(); });
      d.listen(port, '::');
    });
    c.listen(port);
    console.log('  c sync: listening =', c.listening);
  });
  b.listen(port, '127.0.0.1');
});
"""
    py = "import uvnet as net" + SHOW_PY + r"""
a = net.createServer()
def on_a():
    port = a.address()['port']
    b = net.createServer()
    def on_b_err(e):
        show('EADDRINUSE host  :', e); print('  b.listening =', str(b.listening).lower(), 'address =', 'null' if b.address() is None else '?')
        c = net.createServer()
        def on_c_err(e):
            show('EADDRINUSE nohost:', e)
            d = net.createServer()
            def on_d_err(e):
                show('EADDRINUSE ::     :', e); a.close()
            d.on('error', on_d_err)
            d.listen(port, '::')
        c.on('error', on_c_err)
        c.listen(port)
        print('  c sync: listening =', str(c.listening).lower())
    b.on('error', on_b_err)
    b.listen(port, '127.0.0.1')
a.listen(0, '127.0.0.1', on_a)
net.run()
"""
    assert_same_output(js, py, normalize=normalize_ports)


def test_r11_lookup_failure_and_eaddrnotavail() -> None:
    js = "const net = require('net');" + SHOW_JS + r"""
const s = net.createServer();
s.on('error', (e) => {
  show('ENOTFOUND:', e); console.log('  listening =', s.listening);
  const t = net.createServer();
  t.on('error', (e) => show('EADDRNOTAVAIL:', e));
  t.listen(0, '192.0.2.1');
});
s.listen(0, 'no-such-host.invalid');
"""
    py = "import uvnet as net" + SHOW_PY + r"""
s = net.createServer()
def on_err(e):
    show('ENOTFOUND:', e); print('  listening =', str(s.listening).lower())
    t = net.createServer()
    t.on('error', lambda e: show('EADDRNOTAVAIL:', e))
    t.listen(0, '192.0.2.1')
s.on('error', on_err)
s.listen(0, 'no-such-host.invalid')
net.run()
"""
    assert_same_output(js, py)


def test_r12_listen_argument_errors_are_thrown() -> None:
    # The "Received ..." tail names Python types by contract; compare the rest.
    js = r"""
const net = require('net');
const t = (label, fn, msg) => { const s = net.createServer(); s.on('error', () => {});
  try { fn(s); console.log(label, '-> no throw', s.listening); s.close(); }
  catch (e) { console.log(label, '->', e.name, e.code, msg ? e.message.split(' Received')[0] : ''); } };
t('listen(70000)', (s) => s.listen(70000), true);
t('listen(-1)', (s) => s.listen(-1), false);
t('listen(1.5)', (s) => s.listen(1.5), true);
t('listen(65536)', (s) => s.listen(65536), true);
t("listen({port: '70000'})", (s) => s.listen({ port: '70000' }), true);
t('listen({port: 70000})', (s) => s.listen({ port: 70000 }), true);
t('listen({port: NaN})', (s) => s.listen({ port: NaN }), true);
t("listen({port: ''})", (s) => s.listen({ port: '' }), false);
t('listen(true)', (s) => s.listen(true), false);
t('listen({port: true})', (s) => s.listen({ port: true }), false);
t('listen({port: {}})', (s) => s.listen({ port: {} }), false);
t("listen({host:'localhost'})", (s) => s.listen({ host: 'localhost' }), false);
t('listen({})', (s) => s.listen({}), false);
t("listen({path: 5})", (s) => s.listen({ path: 5 }), false);
t("listen({path: '80'})", (s) => s.listen({ path: '80' }), false);
t("listen({path: '\\0x', readableAll: true})", (s) => s.listen({ path: '\0x', readableAll: true }), false);
t("listen({path: '\\0x', writableAll: true})", (s) => s.listen({ path: '\0x', writableAll: true }), false);
t('listen({fd: -1})', (s) => s.listen({ fd: -1 }), false);
t('listen twice', (s) => { s.listen(0); try { s.listen(0); } finally { s.close(); } }, true);
t('listen twice (host)', (s) => { s.listen(0, '127.0.0.1'); s.listen(0); s.close(); }, true);
t("listen('0') string port", (s) => s.listen('0'), false);
t("listen(' 0 ') padded port", (s) => s.listen(' 0 '), false);
t("listen('0x0') hex port", (s) => s.listen('0x0'), false);
"""
    py = r"""
import uvnet as net
def t(label, fn, msg):
    s = net.createServer(); s.on('error', lambda e: None)
    try:
        fn(s); print(label, '-> no throw', str(s.listening).lower()); s.close()
    except Exception as e:
        print(label, '->', e.name, e.code, e.message.split(' Received')[0] if msg else '')
def twice(s):
    s.listen(0)
    try:
        s.listen(0)
    finally:
        s.close()
t('listen(70000)', lambda s: s.listen(70000), True)
t('listen(-1)', lambda s: s.listen(-1), False)
t('listen(1.5)', lambda s: s.listen(1.5), True)
t('listen(65536)', lambda s: s.listen(65536), True)
t("listen({port: '70000'})", lambda s: s.listen({'port': '70000'}), True)
t('listen({port: 70000})', lambda s: s.listen(port=70000), True)
t('listen({port: NaN})', lambda s: s.listen({'port': float('nan')}), True)
t("listen({port: ''})", lambda s: s.listen({'port': ''}), False)
t('listen(true)', lambda s: s.listen(True), False)
t('listen({port: true})', lambda s: s.listen({'port': True}), False)
t('listen({port: {}})', lambda s: s.listen({'port': {}}), False)
t("listen({host:'localhost'})", lambda s: s.listen(host='localhost'), False)
t('listen({})', lambda s: s.listen({}), False)
t("listen({path: 5})", lambda s: s.listen({'path': 5}), False)
t("listen({path: '80'})", lambda s: s.listen({'path': '80'}), False)
t("listen({path: '\\0x', readableAll: true})", lambda s: s.listen({'path': '\0x', 'readableAll': True}), False)
t("listen({path: '\\0x', writableAll: true})", lambda s: s.listen(path='\0x', writableAll=True), False)
t('listen({fd: -1})', lambda s: s.listen({'fd': -1}), False)
t('listen twice', twice, True)
t('listen twice (host)', lambda s: (s.listen(0, '127.0.0.1'), s.listen(0), s.close()), True)
t("listen('0') string port", lambda s: s.listen('0'), False)
t("listen(' 0 ') padded port", lambda s: s.listen(' 0 '), False)
t("listen('0x0') hex port", lambda s: s.listen('0x0'), False)
net.run()
"""
    assert_same_output(js, py)


def test_listen_callback_is_registered_before_validation() -> None:
    js = r"""
const net = require('net');
const s = net.createServer();
try { s.listen(70000, () => console.log('cb from the failed call')); } catch (e) { console.log(e.code); }
s.listen(0, () => { console.log('listening; listeners now', s.listenerCount('listening')); s.close(); });
"""
    py = r"""
import uvnet as net
s = net.createServer()
try:
    s.listen(70000, lambda: print('cb from the failed call'))
except Exception as e:
    print(e.code)
def cb():
    print('listening; listeners now', s.listenerCount('listening')); s.close()
s.listen(0, cb)
net.run()
"""
    assert_same_output(js, py)


def test_unhandled_listen_error_is_uncaught() -> None:
    js = r"""
const net = require('net');
const a = net.createServer().listen(0, '127.0.0.1', () => {
  process.on('uncaughtException', (e) => { console.log('uncaught:', e.code, e.message.replace(/\d+$/, 'P')); a.close(); });
  net.createServer().listen(a.address().port, '127.0.0.1');
});
"""
    py = r"""
import re
import uvnet as net
a = net.createServer()
a.listen(0, '127.0.0.1', lambda: net.createServer().listen(a.address()['port'], '127.0.0.1'))
try:
    net.run()
except Exception as e:
    print('uncaught:', e.code, re.sub(r'\d+$', 'P', e.message)); a.close()
net.run()
"""
    assert_same_output(js, py)
