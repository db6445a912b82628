# ruff: noqa: E501  (the embedded JS/Python programs keep their natural line length)
"""net.SocketAddress against node: defaults, normalization, getters, toJSON, validation."""

from difftest import assert_same_output

JS = r"""
const { SocketAddress } = require('net');
const t = (l, f) => { try { console.log(l, JSON.stringify(f())); } catch (e) { console.log(l, 'THROW', e.name, e.code, e.code === 'ERR_INVALID_ADDRESS' ? e.message : ''); } };
t('default', () => new SocketAddress());
t('undefined', () => new SocketAddress(undefined));
t('v6 default', () => new SocketAddress({ family: 'ipv6' }));
t('IPv6 upper', () => new SocketAddress({ family: 'IPv6', address: '::FFFF:1.2.3.4', port: 80, flowlabel: 5 }));
t('v6 full', () => new SocketAddress({ family: 'ipv6', address: '2001:0db8:0000:0000:0000:0000:0000:0001' }));
t('v6 mapped hex', () => new SocketAddress({ family: 'ipv6', address: '::ffff:c000:280' }));
t('v6 zone', () => new SocketAddress({ family: 'ipv6', address: 'fe80::1%lo' }));
t('v6 max flowlabel', () => new SocketAddress({ family: 'ipv6', flowlabel: 0xfffff }));
t('v4 big flowlabel ignored', () => new SocketAddress({ flowlabel: 2 ** 21 }));
t('bad address', () => new SocketAddress({ address: 'nope' }));
t('v4 as v6', () => new SocketAddress({ address: '1.2.3.4', family: 'ipv6' }));
t('v6 as v4', () => new SocketAddress({ address: '::1' }));
t("family 'IPv4' default address", () => new SocketAddress({ family: 'IPv4' }));
t("family 'IPv4' given address", () => new SocketAddress({ family: 'IPv4', address: '10.0.0.1' }));
t('bad family', () => new SocketAddress({ family: 'x' }));
t('numeric family', () => new SocketAddress({ family: 4 }));
t('port 70000', () => new SocketAddress({ port: 70000 }));
t('port 1.5', () => new SocketAddress({ port: 1.5 }));
t('flowlabel -1', () => new SocketAddress({ flowlabel: -1 }));
t('flowlabel 1.5', () => new SocketAddress({ family: 'ipv6', flowlabel: 1.5 }));
t("flowlabel '1'", () => new SocketAddress({ family: 'ipv6', flowlabel: '1' }));
t('address number', () => new SocketAddress({ address: 1 }));
t("options 'x'", () => new SocketAddress('x'));
t('leading zero', () => new SocketAddress({ address: '01.2.3.4' }));
t('short', () => new SocketAddress({ address: '1.2.3' }));
t('empty', () => new SocketAddress({ address: '' }));
t('space', () => new SocketAddress({ address: ' 1.2.3.4' }));
const s = new SocketAddress({ address: '10.1.2.3', port: 443 });
console.log('getters', s.address, s.port, s.family, s.flowlabel, SocketAddress.isSocketAddress(s), SocketAddress.isSocketAddress({}));
"""

PY = r"""
import json
from uvnet import SocketAddress
def t(l, f):
    try:
        r = f()
        print(l, json.dumps(r.toJSON(), separators=(',', ':')))
    except Exception as e:
        print(l, 'THROW', e.name, e.code, e.message if e.code == 'ERR_INVALID_ADDRESS' else '')
t('default', lambda: SocketAddress())
t('undefined', lambda: SocketAddress(None))
t('v6 default', lambda: SocketAddress(family='ipv6'))
t('IPv6 upper', lambda: SocketAddress({'family': 'IPv6', 'address': '::FFFF:1.2.3.4', 'port': 80, 'flowlabel': 5}))
t('v6 full', lambda: SocketAddress({'family': 'ipv6', 'address': '2001:0db8:0000:0000:0000:0000:0000:0001'}))
t('v6 mapped hex', lambda: SocketAddress({'family': 'ipv6', 'address': '::ffff:c000:280'}))
t('v6 zone', lambda: SocketAddress({'family': 'ipv6', 'address': 'fe80::1%lo'}))
t('v6 max flowlabel', lambda: SocketAddress({'family': 'ipv6', 'flowlabel': 0xfffff}))
t('v4 big flowlabel ignored', lambda: SocketAddress({'flowlabel': 2 ** 21}))
t('bad address', lambda: SocketAddress({'address': 'nope'}))
t('v4 as v6', lambda: SocketAddress({'address': '1.2.3.4', 'family': 'ipv6'}))
t('v6 as v4', lambda: SocketAddress({'address': '::1'}))
t("family 'IPv4' default address", lambda: SocketAddress({'family': 'IPv4'}))
t("family 'IPv4' given address", lambda: SocketAddress({'family': 'IPv4', 'address': '10.0.0.1'}))
t('bad family', lambda: SocketAddress({'family': 'x'}))
t('numeric family', lambda: SocketAddress({'family': 4}))
t('port 70000', lambda: SocketAddress({'port': 70000}))
t('port 1.5', lambda: SocketAddress({'port': 1.5}))
t('flowlabel -1', lambda: SocketAddress({'flowlabel': -1}))
t('flowlabel 1.5', lambda: SocketAddress({'family': 'ipv6', 'flowlabel': 1.5}))
t("flowlabel '1'", lambda: SocketAddress({'family': 'ipv6', 'flowlabel': '1'}))
t('address number', lambda: SocketAddress({'address': 1}))
t("options 'x'", lambda: SocketAddress('x'))
t('leading zero', lambda: SocketAddress({'address': '01.2.3.4'}))
t('short', lambda: SocketAddress({'address': '1.2.3'}))
t('empty', lambda: SocketAddress({'address': ''}))
t('space', lambda: SocketAddress({'address': ' 1.2.3.4'}))
s = SocketAddress({'address': '10.1.2.3', 'port': 443})
print('getters', s.address, s.port, s.family, s.flowlabel, str(SocketAddress.isSocketAddress(s)).lower(), str(SocketAddress.isSocketAddress({})).lower())
"""


def test_socketaddress_same_as_node() -> None:
    assert_same_output(JS, PY)
