"""NODE_DEBUG=net,stream,timer: uvnet prints Node's debug lines (lib/net.js, the streams,
lib/internal/timers.js) in Node's format, ``SECTION PID: message`` on stderr, at the same
steps: a connect/echo/close session prints the same lines under node and under uvnet."""

import os
import re

import pytest

from difftest import run_both

JS = '''
const net = require('net');
const util = require('util');
const log = util.debuglog('app');
const server = net.createServer((sock) => {
  sock.on('data', (d) => sock.write(d));
  sock.on('end', () => sock.end());
});
server.listen(0, '127.0.0.1', () => {
  log('listening %d', 1, {port: 'x'});
  const c = net.connect(server.address().port, '127.0.0.1', () => {
    c.write('hello');
  });
  c.setEncoding('utf8');
  c.on('data', (d) => {
    console.log('got', d);
    setTimeout(() => c.end(), 5);
  });
  c.on('close', () => server.close());
});
console.log(log.enabled);
'''

PY = '''
import uvnet
from uvnet import util

log = util.debuglog('app')


def on_connection(sock):
    sock.on('data', lambda d: sock.write(d))
    sock.on('end', lambda: sock.end())


server = uvnet.createServer(on_connection)


def on_listening():
    log('listening %d', 1, {'port': 'x'})
    c = uvnet.connect(server.address()['port'], '127.0.0.1', lambda: c.write('hello'))
    c.setEncoding('utf8')

    def on_data(d):
        print('got', d)
        uvnet.setTimeout(lambda: c.end(), 5)
    c.on('data', on_data)
    c.on('close', lambda *_: server.close())


server.listen(0, '127.0.0.1', on_listening)
print(str(log.enabled).lower())
uvnet.run()
'''


def normalize(text, pid):
    # ('*' also turns on Node's own sections uvnet has no counterpart of: MODULE, ...)
    text = ''.join(line for line in text.splitlines(True)
                   if not re.match(r'[A-Z_]+ \d+: ', line)
                   or re.match(r'(NET|STREAM|TIMER|APP) ', line))
    text = re.sub(rf'^([A-Z]+) {pid}: ', r'\1 PID: ', text, flags=re.M)
    text = re.sub(r'port: \d+|:\d{4,5}\b', 'PORT', text)
    return re.sub(r'timer lists \d+', 'timer lists N', text)


def pid_of(stderr):
    m = re.search(r'^[A-Z]+ (\d+): ', stderr, re.M)
    assert m, stderr
    return m.group(1)


@pytest.mark.parametrize('sections', ['net', 'stream', 'timer', 'net,stream,timer,app', '*'])
def test_echo_session_prints_nodes_debug_lines(sections):
    node, py = run_both(JS, PY, env={'NODE_DEBUG': sections})
    assert node.returncode == py.returncode == 0, (node.stderr, py.stderr)
    assert py.stdout == node.stdout
    expected = normalize(node.stderr, pid_of(node.stderr))
    got = normalize(py.stderr, pid_of(py.stderr))
    assert got.splitlines() == expected.splitlines()
    assert str(os.getpid()) not in got


def test_sections_are_case_insensitive_and_off_by_default():
    node, py = run_both(JS, PY, env={'NODE_DEBUG': 'APP'})
    assert normalize(py.stderr, pid_of(py.stderr)) == normalize(node.stderr, pid_of(node.stderr))
    assert py.stderr.endswith(": listening 1 { port: 'x' }\n")
    node, py = run_both(JS, PY, env={'NODE_DEBUG': ''})
    assert (py.stderr, py.stdout) == (node.stderr, node.stdout) == ('', 'false\ngot hello\n')
