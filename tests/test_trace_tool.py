# ruff: noqa: E501  (the expected reports are quoted line for line)
"""python -m uvnet.trace: a Node program and its port, traced and compared. A pair that
matches exits 0; pairs that part (an extra event, a different argument, a different
order, different output) exit 1 and print where, as asserted here."""

import os
import subprocess
import sys
import textwrap

import pytest

JS = '''
const EventEmitter = require('events');
const a = new EventEmitter();
class Job extends EventEmitter {}
const j = new Job();
a.on('x', () => {});
a.emit('start', 1, 'one');
j.emit('step', {n: 1});
a.emit('x', [1, 2]);
j.emit('done', true);
console.log('finished');
'''

PY = '''
import uvnet
a = uvnet.EventEmitter()
class Job(uvnet.EventEmitter):
    pass
j = Job()
a.on('x', lambda *_: None)
a.emit('start', 1, 'one')
j.emit('step', {'n': 1})
a.emit('x', [1, 2])
j.emit('done', True)
print('finished')
'''


def run_tool(tmp_path, js, py, *args):
    (tmp_path / 'prog.js').write_text(textwrap.dedent(js))
    (tmp_path / 'prog.py').write_text(textwrap.dedent(py))
    proc = subprocess.run([sys.executable, '-m', 'uvnet.trace', '--timeout', '20',
                           'prog.js', 'prog.py', *args],
                          cwd=tmp_path, capture_output=True, text=True, timeout=60,
                          env=dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path)))
    return proc.returncode, proc.stdout


def test_matching_pair_exits_0(tmp_path):
    code, out = run_tool(tmp_path, JS, PY)
    assert (code, out) == (0, 'same: 4 events, stdout, stderr and exit status (0) match\n')


def test_extra_event(tmp_path):
    py = PY.replace("a.emit('x', [1, 2])", "a.emit('x', [1, 2])\na.emit('again')")
    code, out = run_tool(tmp_path, JS, py)
    assert code == 1
    assert out == textwrap.dedent('''\
        events: the traces part at event 4 (node emitted 4, python 5): the Python port emits an event the Node program does not

          #  node                           #  python
          1  EventEmitter#1:start 1 "one"   1  EventEmitter#1:start 1 "one"
          2  Job#1:step {"n":1}             2  Job#1:step {"n":1}
          3  EventEmitter#1:x [1,2]         3  EventEmitter#1:x [1,2]
        >    ·                            | 4  EventEmitter#1:again
          4  Job#1:done true                5  Job#1:done true
        ''')


def test_different_argument(tmp_path):
    code, out = run_tool(tmp_path, JS, PY.replace("{'n': 1}", "{'n': 2}"))
    assert code == 1
    assert out.splitlines()[0] == (
        'events: the traces part at event 2 (node emitted 4, python 4): '
        'the same event with different arguments')
    assert '> 2  Job#1:step {"n":1}           | 2  Job#1:step {"n":2}' in out


def test_different_order(tmp_path):
    py = PY.replace("j.emit('step', {'n': 1})\na.emit('x', [1, 2])",
                    "a.emit('x', [1, 2])\nj.emit('step', {'n': 1})")
    code, out = run_tool(tmp_path, JS, py)
    assert code == 1
    assert out == textwrap.dedent('''\
        events: the traces part at event 2 (node emitted 4, python 4): the same two events, in a different order

          #  node                           #  python
          1  EventEmitter#1:start 1 "one"   1  EventEmitter#1:start 1 "one"
        >    ·                            | 2  EventEmitter#1:x [1,2]
          2  Job#1:step {"n":1}             3  Job#1:step {"n":1}
        > 3  EventEmitter#1:x [1,2]       |    ·
          4  Job#1:done true                4  Job#1:done true
        ''')
    code, out = run_tool(tmp_path, JS, py, '--context', '1')  # one event either side
    assert [row[0] for row in out.splitlines()[3:]] == [' ', '>', ' ']


def test_output_and_exit_status_differ(tmp_path):
    py = PY.replace("print('finished')", "print('finished!')\nraise SystemExit(3)")
    code, out = run_tool(tmp_path, JS, py)
    assert code == 1
    assert out == textwrap.dedent('''\
        stdout differs:
        --- stdout (node)
        +++ stdout (python)
        @@ -1 +1 @@
        -finished
        +finished!

        exit status: node 0, python 3
        ''')


def test_echo_session_over_tcp(tmp_path):
    js = '''
    const net = require('net');
    const server = net.createServer((sock) => {
      sock.on('data', (d) => sock.write(d));
      sock.on('end', () => sock.end());
    });
    server.listen(0, '127.0.0.1', () => {
      const c = net.connect(server.address().port, '127.0.0.1', () => c.write('hello'));
      c.on('data', (d) => { console.log('got', d.toString()); c.end(); });
      c.on('close', () => server.close());
    });
    '''
    py = '''
    import uvnet
    def on_conn(sock):
        sock.on('data', lambda d: sock.write(d))
        sock.on('end', lambda: sock.end())
    server = uvnet.createServer(on_conn)
    def on_listening():
        c = uvnet.connect(server.address()['port'], '127.0.0.1', lambda: c.write('hello'))
        def on_data(d):
            print('got', bytes(d).decode())
            c.destroy()  # the bug: Node's program ends its side, this one destroys it
        c.on('data', on_data)
        c.on('close', lambda *a: server.close())
    server.listen(0, '127.0.0.1', on_listening)
    uvnet.run()
    '''
    code, out = run_tool(tmp_path, js, py)
    assert code == 1
    assert out.splitlines()[0] == ('events: the traces part at event 6 (node emitted 12, '
                                   'python 10): different events')
    assert '> 6  Socket#1:finish                |  6  Socket#1:close false' in out


@pytest.mark.parametrize('args', [[], ['--all']])
def test_echo_pair_matches(tmp_path, args):
    js = '''
    const net = require('net');
    const server = net.createServer((sock) => sock.pipe(sock));
    server.listen(0, '127.0.0.1', () => {
      const c = net.connect(server.address().port, '127.0.0.1');
      c.setEncoding('utf8');
      c.on('connect', () => c.end('hi'));
      c.on('data', (d) => console.log(d));
      c.on('close', () => server.close());
    });
    '''
    py = '''
    import uvnet
    server = uvnet.createServer(lambda sock: sock.pipe(sock))
    def on_listening():
        c = uvnet.connect(server.address()['port'], '127.0.0.1')
        c.setEncoding('utf8')
        c.on('connect', lambda: c.end('hi'))
        c.on('data', print)
        c.on('close', lambda *a: server.close())
    server.listen(0, '127.0.0.1', on_listening)
    uvnet.run()
    '''
    code, out = run_tool(tmp_path, js, py, '--ignore', r'\b\d{4,5}\b', *args)  # ports
    assert code == 0, out


def test_process_events_with_listeners_are_traced(tmp_path):
    js = JS + "process.on('exit', (code) => console.log('exit', code));\n"
    py = PY + ("uvnet.process.on('exit', lambda code: print('exit', code))\n"
               "uvnet.run()\n")
    code, out = run_tool(tmp_path, js, py)
    assert (code, out) == (0, 'same: 5 events, stdout, stderr and exit status (0) match\n')
    code, out = run_tool(tmp_path, js, PY)
    assert code == 1
    assert out.startswith('events: the traces part at event 5 (node emitted 5, python 4): '
                          'the Python port stops emitting before the Node program does')
    assert '> 5  process:exit 0         |    ·' in out
