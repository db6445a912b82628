# ruff: noqa: E501  (the embedded Python program keeps its natural line length)
"""Nothing leaks on the server side: every listen error (EADDRINUSE at listen, an address
that cannot be bound, a busy pipe path, an fd of the wrong type), every close (also before
'listening') and every dropped connection leaves the process with the handles and fds it
had before."""

from difftest import run_python

PROGRAM = r"""
import os, gc, tempfile
import uvnet as net
from uvnet.internal.process import loop
def fds(): return len(os.listdir('/proc/self/fd'))
# libuv keeps one fd on /dev/null per loop from the first listen (its EMFILE reserve).
net.createServer().listen(0).close()
net.run()
gc.collect(); base_h, base_fd = len(loop.handles), fds()
tmp = tempfile.mkdtemp()
state = {'n': 0}
a = net.createServer()
def step():
    n = state['n']; state['n'] += 1
    if n == 200:
        a.close(); return
    port = a.address()['port']
    kind = n % 6
    if kind == 0:   # EADDRINUSE at listen (TCP)
        s = net.createServer(); s.on('error', lambda e: step()); s.listen(port, '127.0.0.1')
    elif kind == 1: # EADDRNOTAVAIL at bind
        s = net.createServer(); s.on('error', lambda e: step()); s.listen(0, '192.0.2.1')
    elif kind == 2: # pipe listen and close
        s = net.createServer(); s.listen(os.path.join(tmp, f's{n}'), lambda: s.close(lambda *_: step()))
    elif kind == 3: # pipe EADDRINUSE
        p = os.path.join(tmp, f'p{n}')
        s = net.createServer().listen(p)
        t = net.createServer(); t.on('error', lambda e: s.close(lambda *_: step())); t.listen(p)
    elif kind == 4: # drop
        s = net.createServer(lambda c: c.destroy())
        s.maxConnections = 1; s._connections = 1  # full: the next connection is dropped
        def go():
            c = net.connect(s.address()['port'], '127.0.0.1'); c.resume(); c.on('error', lambda e: None)
            c.on('close', lambda *_: (setattr(s, '_connections', 0), s.close(lambda *_: step())))
        s.listen(0, '127.0.0.1', go)
    else:           # close before listening, an fd of the wrong type, ipv6Only
        s = net.createServer(); s.listen(0); s.close()
        fd = os.open('/etc/hosts', os.O_RDONLY)
        u = net.createServer(); u.on('error', lambda e: os.close(fd)); u.listen({'fd': fd})
        v = net.createServer().listen({'port': 0, 'host': '::', 'ipv6Only': True}, lambda: v.close(lambda *_: step()))
a.listen(0, '127.0.0.1', step)
net.run()
gc.collect()
print('handles', len(loop.handles) - base_h, 'fds', fds() - base_fd, 'steps', state['n'])
"""


def test_server_paths_leave_no_handle_or_fd_behind() -> None:
    assert run_python(PROGRAM, timeout=60).splitlines()[-1] == "handles 0 fds 0 steps 201"
