"""util.isDeepStrictEqual and util.types against node; util.deprecate's once-per-code
warning through Python's warnings."""

import warnings

from difftest import assert_same_output
from uvnet import util

# (JS pair, Python pair)
PAIRS = [
    ('1, 1.0', '1, 1.0'),
    ('0, -0', '0.0, -0.0'),
    ('NaN, NaN', 'math.nan, math.nan'),
    ('true, 1', 'True, 1'),
    ("'a', 'a'", "'a', 'a'"),
    ('null, null', 'None, None'),
    ('[1, [2, {a: 3}]], [1, [2, {a: 3}]]', "[1, [2, {'a': 3}]], (1, [2, {'a': 3}])"),
    ('[1, 2], [1, 2, 3]', '[1, 2], [1, 2, 3]'),
    ('{a: 1, b: 2}, {b: 2, a: 1}', "{'a': 1, 'b': 2}, {'b': 2, 'a': 1}"),
    ('{a: 1}, {a: 1, b: undefined}', "{'a': 1}, {'a': 1, 'b': None}"),
    ("{a: '1'}, {a: 1}", "{'a': '1'}, {'a': 1}"),
    ('new Set([1, [2]]), new Set([1, [2]])', '{1, (2,)}, {1, (2,)}'),
    ('new Set([1]), new Set([2])', '{1}, {2}'),
    ("Buffer.from('ab'), Buffer.from('ab')", "b'ab', bytearray(b'ab')"),
    ("Buffer.from('ab'), Buffer.from('ac')", "b'ab', b'ac'"),
    ('new P(1), new P(1)', 'P(1), P(1)'),
    ('new P(1), new Q(1)', 'P(1), Q(1)'),
    ('new P(1), {x: 1}', "P(1), {'x': 1}"),
    ('circ(), circ()', 'circ(), circ()'),
]


def test_isDeepStrictEqual_table():
    js = ('const util = require("util");\nclass P { constructor(x) { this.x = x; } }\n'
          'class Q { constructor(x) { this.x = x; } }\n'
          'function circ() { const o = {a: 1}; o.self = o; return o; }\n'
          + '\n'.join(f'console.log(util.isDeepStrictEqual({a}));' for a, _ in PAIRS))
    py = ('import math\nfrom uvnet import util\n'
          'class P:\n    def __init__(self, x):\n        self.x = x\n'
          'class Q:\n    def __init__(self, x):\n        self.x = x\n'
          "def circ():\n    o = {'a': 1}\n    o['self'] = o\n    return o\n"
          + '\n'.join(f'print(str(util.isDeepStrictEqual({b})).lower())' for _, b in PAIRS))
    assert_same_output(js, py)


def test_types():
    js = '''
const t = require('util').types;
console.log(t.isUint8Array(Buffer.from('x')), t.isTypedArray(new Uint8Array(1)),
            t.isAsyncFunction(async () => {}), t.isAsyncFunction(() => {}),
            t.isGeneratorFunction(function* () {}), t.isPromise(Promise.resolve()),
            t.isPromise({}), t.isNativeError(new TypeError('x')), t.isSet(new Set()),
            t.isRegExp(/x/), t.isDate(new Date()), t.isMap({}));
'''
    py = '''
import datetime, re
from uvnet.util import types as t
async def af(): pass
def gen(): yield
async def co(): pass
c = co()
print(*[str(x).lower() for x in (
    t.isUint8Array(b'x'), t.isTypedArray(bytearray(1)), t.isAsyncFunction(af),
    t.isAsyncFunction(lambda: None), t.isGeneratorFunction(gen), t.isPromise(c),
    t.isPromise({}), t.isNativeError(TypeError('x')), t.isSet(set()),
    t.isRegExp(re.compile('x')), t.isDate(datetime.datetime.now()), t.isMap({}))])
c.close()
'''
    assert_same_output(js, py)


def test_deprecate_warns_once_per_code():
    calls = []
    f = util.deprecate(lambda x: calls.append(x) or x, 'f() is deprecated', 'DEP_UVNET_T1')
    g = util.deprecate(lambda: 'g', 'g() is deprecated too', 'DEP_UVNET_T1')
    h = util.deprecate(lambda: 'h', 'h() has no code')
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter('always')
        assert [f(1), f(2), g(), h(), h()] == [1, 2, 'g', 'h', 'h']
    assert calls == [1, 2]
    assert [(type(w.message), str(w.message), w.message.code) for w in caught] == [
        (util.NodeDeprecationWarning, '[DEP_UVNET_T1] f() is deprecated', 'DEP_UVNET_T1'),
        (util.NodeDeprecationWarning, 'h() has no code', None),
    ]
    assert caught[0].filename == __file__  # it points at the caller, as Node's stack does
    assert issubclass(util.NodeDeprecationWarning, DeprecationWarning)
    assert f.__name__ == '<lambda>'
