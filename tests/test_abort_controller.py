"""AbortController/AbortSignal (Node globals) and the ``signal`` options of net, against node."""

# ruff: noqa: E501  (the embedded programs keep Node's one-line style)
from __future__ import annotations

import uvnet
from difftest import assert_same_output

JS_CONNECT = r"""
const net = require('net'); const trace = require('./trace');
const server = net.createServer((s) => s.resume());
server.listen(0, '127.0.0.1', () => {
  const ac = new AbortController();
  const c = trace(net.connect({ port: server.address().port, host: '127.0.0.1', signal: ac.signal }), 'C');
  c.on('error', (e) => console.log('   error:', e.name, e.code, JSON.stringify(e.message), e.cause && e.cause.name));
  c.on('connect', () => ac.abort());
  c.on('close', () => {
    const before = new AbortController(); before.abort();
    const d = trace(net.connect({ port: server.address().port, host: '127.0.0.1', signal: before.signal }), 'D');
    d.on('error', (e) => console.log('   error:', e.name, e.code));
    d.on('close', () => {
      const t = net.createServer();
      const lc = new AbortController();
      t.on('close', () => { console.log('listen signal closed the server'); server.close(); });
      t.listen({ port: 0, signal: lc.signal }, () => { console.log('listening'); lc.abort(); });
    });
  });
});
"""

PY_CONNECT = r"""
import uvnet
from pytrace import trace
server = uvnet.createServer(lambda s: s.resume())
def on_listening():
    ac = uvnet.AbortController()
    c = trace(uvnet.connect({'port': server.address()['port'], 'host': '127.0.0.1', 'signal': ac.signal}), 'C')
    c.on('error', lambda e: print('   error:', e.name, e.code, '"%s"' % e.message, e.cause.name))
    c.on('connect', lambda: ac.abort())
    def on_close(*a):
        before = uvnet.AbortController(); before.abort()
        d = trace(uvnet.connect(port=server.address()['port'], host='127.0.0.1', signal=before.signal), 'D')
        d.on('error', lambda e: print('   error:', e.name, e.code))
        def d_closed(*a):
            t = uvnet.createServer()
            lc = uvnet.AbortController()
            t.on('close', lambda: (print('listen signal closed the server'), server.close()))
            t.listen({'port': 0, 'signal': lc.signal}, lambda: (print('listening'), lc.abort()))
        d.on('close', d_closed)
    c.on('close', on_close)
server.listen(0, '127.0.0.1', on_listening)
uvnet.run()
"""


def test_signal_options_match_node() -> None:
    assert_same_output(JS_CONNECT, PY_CONNECT)


def test_abort_signal_event_target_rules() -> None:
    ac = uvnet.AbortController()
    seen: list[str] = []

    def first(event: object) -> None:
        seen.append("first:" + event.type)  # type: ignore[attr-defined]

    ac.signal.addEventListener("abort", first)
    ac.signal.addEventListener("abort", first)  # a duplicate is ignored, as on an EventTarget
    ac.signal.addEventListener("abort", lambda e: seen.append("once"), {"once": True})
    ac.signal.onabort = lambda e: seen.append("onabort")
    assert not ac.signal.aborted
    ac.abort()
    ac.abort()  # a second abort does nothing
    assert seen == ["onabort", "first:abort", "once"]
    assert ac.signal.aborted
    assert ac.signal.reason.name == "AbortError"
    assert str(ac.signal.reason) == "This operation was aborted"
    try:
        ac.signal.throwIfAborted()
    except Exception as exc:  # noqa: BLE001 - the reason is what is raised
        assert exc is ac.signal.reason
    else:
        raise AssertionError("throwIfAborted did not raise")
    assert uvnet.AbortSignal.abort("why").reason == "why"


def test_abort_signal_timeout_does_not_keep_run_alive() -> None:
    signal = uvnet.AbortSignal.timeout(10_000)
    uvnet.run()  # returns at once: the timer is unreferenced, as in Node
    assert not signal.aborted
    fired = uvnet.AbortSignal.timeout(5)
    uvnet.setTimeout(lambda: None, 50)  # something referenced keeps run() going past 5 ms
    uvnet.run()
    assert fired.aborted and fired.reason.name == "TimeoutError"
