# ruff: noqa: E501  (the embedded JS/Python programs keep their natural line length)
"""uvnet.dns.lookup against node's dns.lookup: forms, IP literals on the next tick,
'localhost', all/family/verbatim, ENOTFOUND, and argument validation."""

from difftest import assert_same_output

JS = r"""
const dns = require('dns');
console.log('constants', dns.ADDRCONFIG, dns.V4MAPPED, dns.ALL);
const cb = (l) => (err, ...rest) => console.log(l, err ? JSON.stringify([err.message, err.code, err.errno, err.syscall, err.hostname]) : null, JSON.stringify(rest));
console.log('returns for a literal:', JSON.stringify(dns.lookup('127.0.0.1', () => {})));
dns.lookup('127.0.0.1', cb('v4 literal'));
dns.lookup('::1', cb('v6 literal'));
dns.lookup('fe80::1%lo', cb('v6 zone literal'));
dns.lookup('127.0.0.1', { all: true }, cb('v4 literal all'));
dns.lookup('::1', 6, cb('v6 literal family 6'));
dns.lookup('127.0.0.1', 6, cb('v4 literal family 6'));
process.nextTick(() => console.log('tick queued after the literals'));
setImmediate(() => {
  dns.lookup('localhost', cb('localhost'));
  dns.lookup('localhost', 4, cb('localhost 4'));
  dns.lookup('localhost', { all: true }, cb('localhost all'));
  dns.lookup('localhost', { family: 'IPv4', all: true }, cb('localhost IPv4 all'));
  dns.lookup('localhost', { hints: dns.ADDRCONFIG | dns.V4MAPPED, verbatim: false }, cb('localhost hints'));
  dns.lookup('localhost', { family: 4, order: 'ipv6first' }, cb('localhost order'));
  dns.lookup('no-such-host.invalid', cb('ENOTFOUND'));
  dns.lookup('no-such-host.invalid', { all: true }, cb('ENOTFOUND all'));
  dns.lookup('*'.repeat(64), cb('ENOTFOUND 64-char label'));
  dns.lookup('été.invalid', cb('ENOTFOUND non-ASCII'));
});
"""

PY = r"""
import json
from uvnet import dns
import uvnet
print('constants', dns.ADDRCONFIG, dns.V4MAPPED, dns.ALL)
def cb(l):
    def f(err, *rest):
        print(l, json.dumps([err.message, err.code, err.errno, err.syscall, err.hostname], separators=(',', ':'), ensure_ascii=False) if err else 'null', json.dumps(list(rest), separators=(',', ':')))
    return f
print('returns for a literal:', json.dumps(dns.lookup('127.0.0.1', lambda *a: None)))
dns.lookup('127.0.0.1', cb('v4 literal'))
dns.lookup('::1', cb('v6 literal'))
dns.lookup('fe80::1%lo', cb('v6 zone literal'))
dns.lookup('127.0.0.1', {'all': True}, cb('v4 literal all'))
dns.lookup('::1', 6, cb('v6 literal family 6'))
dns.lookup('127.0.0.1', 6, cb('v4 literal family 6'))
uvnet.nextTick(lambda: print('tick queued after the literals'))
def later():
    dns.lookup('localhost', cb('localhost'))
    dns.lookup('localhost', 4, cb('localhost 4'))
    dns.lookup('localhost', cb('localhost all'), all=True)
    dns.lookup('localhost', {'family': 'IPv4', 'all': True}, cb('localhost IPv4 all'))
    dns.lookup('localhost', {'hints': dns.ADDRCONFIG | dns.V4MAPPED, 'verbatim': False}, cb('localhost hints'))
    dns.lookup('localhost', {'family': 4, 'order': 'ipv6first'}, cb('localhost order'))
    dns.lookup('no-such-host.invalid', cb('ENOTFOUND'))
    dns.lookup('no-such-host.invalid', {'all': True}, cb('ENOTFOUND all'))
    dns.lookup('*' * 64, cb('ENOTFOUND 64-char label'))
    dns.lookup('\u00e9t\u00e9.invalid', cb('ENOTFOUND non-ASCII'))
uvnet.setImmediate(later)
uvnet.run()
"""


def _sorted_tail(text: str) -> str:
    """Resolver answers come back from the thread pool in any order: compare them as a set,
    keeping the synchronous and next-tick lines (everything before the first name) in order."""
    lines = text.splitlines()
    cut = next((i for i, line in enumerate(lines) if line.startswith(('localhost', 'ENOTFOUND'))), len(lines))
    return '\n'.join(lines[:cut] + sorted(lines[cut:]))


def test_lookup_same_as_node() -> None:
    assert_same_output(JS, PY, normalize=_sorted_tail)


def test_lookup_argument_errors() -> None:
    # Type names in messages are Python's by contract: compare up to them.
    js = r"""
const dns = require('dns');
const t = (l, f) => { try { f(); console.log(l, 'no throw'); } catch (e) { console.log(l, e.name, e.code, e.message.split(' Received')[0].split(' of type')[0]); } };
const cb = () => {};
t("lookup('x', 'a', cb)", () => dns.lookup('x', 'a', cb));
t("lookup('x', 'a')", () => dns.lookup('x', 'a'));
t("lookup('x', {hints: 1000}, cb)", () => dns.lookup('x', { hints: 1000 }, cb));
t("lookup('x', {hints: '1'}, cb)", () => dns.lookup('x', { hints: '1' }, cb));
t("lookup('x', {family: 5}, cb)", () => dns.lookup('x', { family: 5 }, cb));
t("lookup('x', {family: 'ipv4'}, cb)", () => dns.lookup('x', { family: 'ipv4' }, cb));
t("lookup('x', 5, cb)", () => dns.lookup('x', 5, cb));
t("lookup('x', {})", () => dns.lookup('x', {}));
t("lookup('x', 4)", () => dns.lookup('x', 4));
t('lookup(5, cb)', () => dns.lookup(5, cb));
t("lookup('x', {all: 1}, cb)", () => dns.lookup('x', { all: 1 }, cb));
t("lookup('x', {verbatim: 'yes'}, cb)", () => dns.lookup('x', { verbatim: 'yes' }, cb));
t("lookup('x', {order: 'random'}, cb)", () => dns.lookup('x', { order: 'random' }, cb));
t("lookup('127.0.0.1', {hints: dns.ALL | dns.V4MAPPED}, cb)", () => dns.lookup('127.0.0.1', { hints: dns.ALL | dns.V4MAPPED }, cb));
"""
    py = r"""
from uvnet import dns
def t(l, f):
    try:
        f(); print(l, 'no throw')
    except Exception as e:
        print(l, e.name, e.code, e.message.split(' Received')[0].split(' of type')[0])
cb = lambda *a: None
t("lookup('x', 'a', cb)", lambda: dns.lookup('x', 'a', cb))
t("lookup('x', 'a')", lambda: dns.lookup('x', 'a'))
t("lookup('x', {hints: 1000}, cb)", lambda: dns.lookup('x', {'hints': 1000}, cb))
t("lookup('x', {hints: '1'}, cb)", lambda: dns.lookup('x', {'hints': '1'}, cb))
t("lookup('x', {family: 5}, cb)", lambda: dns.lookup('x', cb, family=5))
t("lookup('x', {family: 'ipv4'}, cb)", lambda: dns.lookup('x', {'family': 'ipv4'}, cb))
t("lookup('x', 5, cb)", lambda: dns.lookup('x', 5, cb))
t("lookup('x', {})", lambda: dns.lookup('x', {}))
t("lookup('x', 4)", lambda: dns.lookup('x', 4))
t('lookup(5, cb)', lambda: dns.lookup(5, cb))
t("lookup('x', {all: 1}, cb)", lambda: dns.lookup('x', {'all': 1}, cb))
t("lookup('x', {verbatim: 'yes'}, cb)", lambda: dns.lookup('x', {'verbatim': 'yes'}, cb))
t("lookup('x', {order: 'random'}, cb)", lambda: dns.lookup('x', {'order': 'random'}, cb))
t("lookup('127.0.0.1', {hints: dns.ALL | dns.V4MAPPED}, cb)", lambda: dns.lookup('127.0.0.1', {'hints': dns.ALL | dns.V4MAPPED}, cb))
"""
    assert_same_output(js, py)


def test_empty_hostname_answers_null_on_next_tick() -> None:
    js = r"""
const dns = require('dns');
process.on('warning', () => {});
dns.lookup('', (err, a, f) => console.log('empty:', err, a, f));
dns.lookup('', 6, (err, a, f) => console.log('empty 6:', err, a, f));
dns.lookup(null, { all: true }, (err, a) => console.log('null all:', err, JSON.stringify(a)));
console.log('sync done');
"""
    py = r"""
import json, warnings
from uvnet import dns
import uvnet
warnings.simplefilter('ignore')
dns.lookup('', lambda err, a, f: print('empty:', 'null' if err is None else err, 'null' if a is None else a, f))
dns.lookup('', 6, lambda err, a, f: print('empty 6:', 'null' if err is None else err, 'null' if a is None else a, f))
dns.lookup(None, {'all': True}, lambda err, a: print('null all:', 'null' if err is None else err, json.dumps(a)))
print('sync done')
uvnet.run()
"""
    assert_same_output(js, py)
