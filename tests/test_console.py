"""uvnet.console against node's console: the same calls print the same stdout and stderr,
in the same order relative to each other and to print()."""

import re
import subprocess
import sys
import tempfile

from difftest import run_both

JS = r'''
console.log('%s has %d items', 'cart', 3, {extra: true});
console.info('info', [1, 2]);
console.debug('debug', undefined);
console.warn('warn', {a: 1});
console.error(new Error('boom').message, 'x');
console.dir({a: {b: {c: {d: 1}}}});
console.dir({a: {b: {c: {d: 1}}}}, {depth: 0});
console.log();
console.count(); console.count(); console.count('x'); console.countReset(); console.count();
console.group('Group %d', 1);
console.log('inside\nsecond line');
console.group();
console.error('deeper');
console.groupEnd();
console.groupEnd();
console.groupEnd();
console.log('outside');
console.assert(true, 'not shown');
console.assert(0, 'shown %s', 'here', 5);
console.assert('', {a: 1});
console.assert(null);
console.assert([], 'an empty array is truthy');
console.table([{a: 1, b: 'Y'}, {a: 'Z', b: 2}, 3]);
console.table({r1: {c: [1, 2, 3, 4]}, r2: {c: {x: 1, y: 2, z: 3}}});
console.table(5);
console.table([{a: 1, b: 2}], ['b']);
console.time('t'); console.timeLog('t', 'step'); console.timeEnd('t');
console.trace('traced %d', 7);
process.stdout.write('written\n');
console.log('last');
'''

PY = r'''
import sys
import tempfile
from uvnet import console

console.log('%s has %d items', 'cart', 3, {'extra': True})
console.info('info', [1, 2])
console.debug('debug', None)
console.warn('warn', {'a': 1})
console.error(str(Exception('boom')), 'x')
console.dir({'a': {'b': {'c': {'d': 1}}}})
console.dir({'a': {'b': {'c': {'d': 1}}}}, {'depth': 0})
console.log()
console.count(); console.count(); console.count('x'); console.countReset(); console.count()
console.group('Group %d', 1)
console.log('inside\nsecond line')
console.group()
console.error('deeper')
console.groupEnd()
console.groupEnd()
console.groupEnd()
console.log('outside')
console.assert_(True, 'not shown')
console.assert_(0, 'shown %s', 'here', 5)
console.assert_('', {'a': 1})
console.assert_(None)
console.assert_([], 'an empty array is truthy')
console.table([{'a': 1, 'b': 'Y'}, {'a': 'Z', 'b': 2}, 3])
console.table({'r1': {'c': [1, 2, 3, 4]}, 'r2': {'c': {'x': 1, 'y': 2, 'z': 3}}})
console.table(5)
console.table([{'a': 1, 'b': 2}], ['b'])
console.time('t'); console.timeLog('t', 'step'); console.timeEnd('t')
console.trace('traced %d', 7)
print('written')
console.log('last')
'''


def normalize(text):
    text = re.sub(r'\d+\.\d+ms', 'Nms', text)
    return re.sub(r'(?m)^    at .*\n', '', text)  # stack frames: paths differ


def test_console_methods():
    node, py = run_both(JS, PY)
    assert node.returncode == py.returncode == 0, (node.stderr, py.stderr)
    assert normalize(py.stdout) == normalize(node.stdout)
    assert normalize(py.stderr) == normalize(node.stderr)
    assert 'Trace: traced 7\n    at ' in py.stderr


def test_console_and_print_keep_their_order():
    # One pipe for both streams: the lines come out in the order they were written, as
    # Node's synchronous writes do (print() and console share sys.stdout).
    code = ('from uvnet import console\nprint("1")\nconsole.error("2")\nconsole.log("3")\n'
            'print("4", flush=False)\nconsole.warn("5")\n')
    # cwd: the uvnet under test (the installed one under tox), not ./uvnet, which `-c` would
    # put first on sys.path.
    out = subprocess.run([sys.executable, '-c', code], stdout=subprocess.PIPE,
                         stderr=subprocess.STDOUT, check=True, cwd=tempfile.gettempdir()).stdout
    assert out.decode().split() == ['1', '2', '3', '4', '5']
