# ruff: noqa: E501  (the embedded JS/Python programs keep their natural line length)
"""net.BlockList and net.SocketAddress against node: the same script, the same output."""

from difftest import assert_same_output

JS = r"""
const { BlockList, SocketAddress } = require('net');
const t = (l, f) => { try { console.log(l, JSON.stringify(f())); }
  catch (e) { console.log(l, 'THROW', e.code); } };
const b = new BlockList();
b.addAddress('1.1.1.1');
b.addAddress('::1', 'ipv6');
b.addRange('10.0.0.1', '10.0.0.10');
b.addRange('8592:757c:efae:4e45::', '8592:757c:efae:4e45::f', 'IPv6');
b.addSubnet('192.168.0.0', 16);
b.addSubnet('8592:757c:efae:4e45::', 64, 'ipv6');
b.addAddress(new SocketAddress({ address: '2.2.2.2' }));
b.addAddress('fe80::1%eth0', 'ipv6');
console.log(JSON.stringify(b.rules));
for (const [a, f] of [['1.1.1.1'], ['::ffff:1.1.1.1', 'ipv6'], ['::ffff:10.0.0.5', 'ipv6'],
  ['::ffff:192.168.3.3', 'ipv6'], ['10.0.0.5'], ['10.0.0.11'], ['10.0.0.1'], ['10.0.0.10'],
  ['192.168.255.255'], ['192.169.0.0'], ['::1', 'ipv6'], ['::1'], ['8592:757c:efae:4e45::a', 'ipv6'],
  ['8592:757c:efae:4e45:1::', 'ipv6'], ['8592:757c:efae:4e46::', 'ipv6'], ['nope'], ['1.1.1.1', 'IPV4'],
  ['2.2.2.2'], ['fe80::1', 'ipv6'], ['1.1.1.1', 'x'], ['::ffff:101:101', 'IPv6']])
  t(`check ${a} ${f}`, () => b.check(a, f));
t('check sa', () => b.check(new SocketAddress({ address: '10.0.0.3' })));
t('range reversed', () => b.addRange('10.0.0.10', '10.0.0.1'));
t('subnet 33', () => b.addSubnet('1.0.0.0', 33));
t('subnet 129', () => b.addSubnet('::', 129, 'ipv6'));
t('subnet -1', () => b.addSubnet('1.0.0.0', -1));
t('subnet str', () => b.addSubnet('1.0.0.0', '8'));
t('subnet float', () => b.addSubnet('1.0.0.0', 8.5));
t('addr bad', () => b.addAddress('nope'));
t('addr num', () => b.addAddress(1));
t('addr obj', () => b.addAddress({ address: '1.1.1.1' }));
t('fam num', () => b.addAddress('1.1.1.1', 4));
t('fam bad', () => b.addAddress('1.1.1.1', 'x'));
t('check num', () => b.check(1));
t('range end bad', () => b.addRange('1.1.1.1', 5));
t('v6 subnet ::ffff:0:0/96', () => { const c = new BlockList(); c.addSubnet('::ffff:0:0', 96, 'ipv6');
  return [c.check('1.2.3.4'), c.check('::1', 'ipv6'), c.rules]; });
t('mapped v6 range', () => { const c = new BlockList();
  c.addRange('::ffff:1.1.1.1', '::ffff:1.1.1.5', 'ipv6');
  return [c.check('1.1.1.3'), c.check('1.1.1.6'), c.check('::ffff:1.1.1.3', 'ipv6'), c.rules]; });
t('mixed range', () => { const c = new BlockList(); c.addRange('1.1.1.1', '::ffff:1.1.1.5'); return c.rules; });
t('mixed range sa', () => { const c = new BlockList();
  c.addRange(new SocketAddress({ address: '1.1.1.1' }), new SocketAddress({ address: '::ffff:1.1.1.5', family: 'ipv6' }));
  return [c.rules, c.check('1.1.1.3'), c.check('::ffff:1.1.1.3', 'ipv6'), c.check('1.1.1.9')]; });
t('not comparable range', () => { const c = new BlockList();
  c.addRange(new SocketAddress({ address: '1.1.1.1' }), new SocketAddress({ address: '::1', family: 'ipv6' }));
  return [c.rules, c.check('1.1.1.3'), c.check('::1', 'ipv6')]; });
t('mixed reversed', () => { const c = new BlockList();
  c.addRange(new SocketAddress({ address: '1.1.1.9' }), new SocketAddress({ address: '::ffff:1.1.1.5', family: 'ipv6' })); });
t('v4 subnet vs mapped', () => { const c = new BlockList(); c.addSubnet('1.1.0.0', 16); c.addAddress('3.3.3.3');
  return [c.check('::ffff:1.1.2.3', 'ipv6'), c.check('::ffff:3.3.3.3', 'ipv6'), c.check('::ffff:0101:0203', 'ipv6'), c.check('::1:1.1.2.3', 'ipv6')]; });
t('v6 /0', () => { const c = new BlockList(); c.addSubnet('::', 0, 'ipv6'); return [c.check('1.1.2.3'), c.check('::1', 'ipv6'), c.rules]; });
t('v4 /0', () => { const c = new BlockList(); c.addSubnet('0.0.0.0', 0); return [c.check('1.1.2.3'), c.check('::1', 'ipv6'), c.rules]; });
t('v6 range', () => { const c = new BlockList(); c.addRange('::1', '::ffff', 'ipv6'); return [c.check('::5', 'ipv6'), c.check('0.0.0.5'), c.rules]; });
t('one-address range', () => { const c = new BlockList(); c.addRange('1.1.1.1', '1.1.1.1'); return [c.check('1.1.1.1'), c.rules]; });
t('unaligned subnet', () => { const c = new BlockList(); c.addSubnet('1.1.1.1', 24); return [c.check('1.1.1.200'), c.check('1.1.2.1'), c.rules]; });
t('odd prefix', () => { const c = new BlockList(); c.addSubnet('10.128.0.0', 9); return [c.check('10.200.0.1'), c.check('10.127.0.1')]; });
t('empty', () => [new BlockList().rules, new BlockList().check('1.1.1.1')]);
"""

PY = r"""
import json
from uvnet import BlockList, SocketAddress
def t(l, f):
    try:
        print(l, json.dumps(f(), separators=(',', ':')))
    except Exception as e:
        print(l, 'THROW', e.code)
b = BlockList()
b.addAddress('1.1.1.1')
b.addAddress('::1', 'ipv6')
b.addRange('10.0.0.1', '10.0.0.10')
b.addRange('8592:757c:efae:4e45::', '8592:757c:efae:4e45::f', 'IPv6')
b.addSubnet('192.168.0.0', 16)
b.addSubnet('8592:757c:efae:4e45::', 64, 'ipv6')
b.addAddress(SocketAddress({'address': '2.2.2.2'}))
b.addAddress('fe80::1%eth0', 'ipv6')
print(json.dumps(b.rules, separators=(',', ':')))
for case in [['1.1.1.1'], ['::ffff:1.1.1.1', 'ipv6'], ['::ffff:10.0.0.5', 'ipv6'],
             ['::ffff:192.168.3.3', 'ipv6'], ['10.0.0.5'], ['10.0.0.11'], ['10.0.0.1'], ['10.0.0.10'],
             ['192.168.255.255'], ['192.169.0.0'], ['::1', 'ipv6'], ['::1'], ['8592:757c:efae:4e45::a', 'ipv6'],
             ['8592:757c:efae:4e45:1::', 'ipv6'], ['8592:757c:efae:4e46::', 'ipv6'], ['nope'], ['1.1.1.1', 'IPV4'],
             ['2.2.2.2'], ['fe80::1', 'ipv6'], ['1.1.1.1', 'x'], ['::ffff:101:101', 'IPv6']]:
    label = f"check {case[0]} {case[1] if len(case) > 1 else 'undefined'}"
    t(label, lambda: b.check(*case))
t('check sa', lambda: b.check(SocketAddress({'address': '10.0.0.3'})))
t('range reversed', lambda: b.addRange('10.0.0.10', '10.0.0.1'))
t('subnet 33', lambda: b.addSubnet('1.0.0.0', 33))
t('subnet 129', lambda: b.addSubnet('::', 129, 'ipv6'))
t('subnet -1', lambda: b.addSubnet('1.0.0.0', -1))
t('subnet str', lambda: b.addSubnet('1.0.0.0', '8'))
t('subnet float', lambda: b.addSubnet('1.0.0.0', 8.5))
t('addr bad', lambda: b.addAddress('nope'))
t('addr num', lambda: b.addAddress(1))
t('addr obj', lambda: b.addAddress({'address': '1.1.1.1'}))
t('fam num', lambda: b.addAddress('1.1.1.1', 4))
t('fam bad', lambda: b.addAddress('1.1.1.1', 'x'))
t('check num', lambda: b.check(1))
t('range end bad', lambda: b.addRange('1.1.1.1', 5))
def v6_96():
    c = BlockList(); c.addSubnet('::ffff:0:0', 96, 'ipv6')
    return [c.check('1.2.3.4'), c.check('::1', 'ipv6'), c.rules]
t('v6 subnet ::ffff:0:0/96', v6_96)
def mapped_range():
    c = BlockList(); c.addRange('::ffff:1.1.1.1', '::ffff:1.1.1.5', 'ipv6')
    return [c.check('1.1.1.3'), c.check('1.1.1.6'), c.check('::ffff:1.1.1.3', 'ipv6'), c.rules]
t('mapped v6 range', mapped_range)
def mixed():
    c = BlockList(); c.addRange('1.1.1.1', '::ffff:1.1.1.5'); return c.rules
t('mixed range', mixed)
def mixed_sa():
    c = BlockList()
    c.addRange(SocketAddress({'address': '1.1.1.1'}), SocketAddress({'address': '::ffff:1.1.1.5', 'family': 'ipv6'}))
    return [c.rules, c.check('1.1.1.3'), c.check('::ffff:1.1.1.3', 'ipv6'), c.check('1.1.1.9')]
t('mixed range sa', mixed_sa)
def not_comparable():
    c = BlockList()
    c.addRange(SocketAddress(address='1.1.1.1'), SocketAddress(address='::1', family='ipv6'))
    return [c.rules, c.check('1.1.1.3'), c.check('::1', 'ipv6')]
t('not comparable range', not_comparable)
def mixed_reversed():
    c = BlockList()
    c.addRange(SocketAddress({'address': '1.1.1.9'}), SocketAddress({'address': '::ffff:1.1.1.5', 'family': 'ipv6'}))
t('mixed reversed', mixed_reversed)
def v4_subnet_mapped():
    c = BlockList(); c.addSubnet('1.1.0.0', 16); c.addAddress('3.3.3.3')
    return [c.check('::ffff:1.1.2.3', 'ipv6'), c.check('::ffff:3.3.3.3', 'ipv6'), c.check('::ffff:0101:0203', 'ipv6'), c.check('::1:1.1.2.3', 'ipv6')]
t('v4 subnet vs mapped', v4_subnet_mapped)
def v6_0():
    c = BlockList(); c.addSubnet('::', 0, 'ipv6'); return [c.check('1.1.2.3'), c.check('::1', 'ipv6'), c.rules]
t('v6 /0', v6_0)
def v4_0():
    c = BlockList(); c.addSubnet('0.0.0.0', 0); return [c.check('1.1.2.3'), c.check('::1', 'ipv6'), c.rules]
t('v4 /0', v4_0)
def v6_range():
    c = BlockList(); c.addRange('::1', '::ffff', 'ipv6'); return [c.check('::5', 'ipv6'), c.check('0.0.0.5'), c.rules]
t('v6 range', v6_range)
def one():
    c = BlockList(); c.addRange('1.1.1.1', '1.1.1.1'); return [c.check('1.1.1.1'), c.rules]
t('one-address range', one)
def unaligned():
    c = BlockList(); c.addSubnet('1.1.1.1', 24); return [c.check('1.1.1.200'), c.check('1.1.2.1'), c.rules]
t('unaligned subnet', unaligned)
def odd():
    c = BlockList(); c.addSubnet('10.128.0.0', 9); return [c.check('10.200.0.1'), c.check('10.127.0.1')]
t('odd prefix', odd)
t('empty', lambda: [BlockList().rules, BlockList().check('1.1.1.1')])
"""


def test_blocklist_same_as_node() -> None:
    assert_same_output(JS, PY)
