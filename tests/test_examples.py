"""Each program in examples/ is run for real: against real sockets, checking what it prints
or what its clients receive."""

from __future__ import annotations

import os
import subprocess
import sys
import tempfile

import uvnet
from difftest import run_node

EXAMPLES = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "examples")
sys.path.insert(0, EXAMPLES)

import chat_server  # noqa: E402
import proxy  # noqa: E402
import unix_rpc  # noqa: E402


def _run_example(name: str, *args: str) -> list[str]:
    proc = subprocess.run([sys.executable, os.path.join(EXAMPLES, name), *args],
                          stdin=subprocess.DEVNULL, capture_output=True, text=True, timeout=30)
    assert proc.returncode == 0, proc.stderr
    return proc.stdout.splitlines()


def test_echo_demo_matches_node() -> None:
    with open(os.path.join(EXAMPLES, "echo_demo.js"), encoding="utf-8") as fh:
        js = fh.read()
    node_lines = run_node(js).splitlines()
    assert _run_example("echo_demo.py") == node_lines
    assert node_lines[-3:] == ["server: closed", "client: server ended the connection",
                               "client: closed"]


def test_echo_async_matches_node() -> None:
    """The async/await rewrite of the echo demo prints what its Node original prints."""
    with open(os.path.join(EXAMPLES, "echo_async.js"), encoding="utf-8") as fh:
        js = fh.read()
    node_lines = run_node(js).splitlines()
    assert _run_example("echo_async.py") == node_lines
    assert node_lines == [
        "server: bound", "server: client connected", "client: connected",
        'client: received "hello\\r\\n"', 'client: received "ping\\r\\n"',
        "server: client disconnected", "client: server ended the connection",
        "server: closed", "done: 2 replies"]


def test_binary_kv_matches_node() -> None:
    """A binary protocol parsed with Buffer methods and logged with console.log: the port
    prints exactly what its Node original prints (issue #13's acceptance program)."""
    with open(os.path.join(EXAMPLES, "binary_kv.js"), encoding="utf-8") as fh:
        js = fh.read()
    node_lines = run_node(js).splitlines()
    assert _run_example("binary_kv.py") == node_lines
    assert node_lines[1] == "server: op 1 key temp value <Buffer ff f4 ef be ad de>"
    assert node_lines[-2:] == ["client closed false 2", "server closed"]


def test_chat_server_relays_lines() -> None:
    server = chat_server.create_chat_server()
    seen: dict[str, list[str]] = {"a": [], "b": []}

    def client(name: str, on_ready: object = None) -> uvnet.Socket:
        sock = uvnet.connect(server.address()["port"], "127.0.0.1")
        sock.setEncoding("utf8")
        sock.on("data", lambda text: seen[name].append(text))
        return sock

    def on_listening() -> None:
        a = client("a")

        def a_welcomed(_text: str) -> None:
            b = client("b")

            def b_welcomed(_text: str) -> None:
                a.write("/nick alice\nhi there\n")
                uvnet.setTimeout(lambda: (b.write("/quit\n")), 50)

            def a_heard(_text: str) -> None:
                if "* guest2 left\n" in "".join(seen["a"]):
                    a.end()
                    server.close()

            b.once("data", b_welcomed)
            a.on("data", a_heard)

        a.once("data", a_welcomed)

    server.listen(0, "127.0.0.1", on_listening)
    uvnet.run()
    a_text = "".join(seen["a"])
    b_text = "".join(seen["b"])
    assert a_text.startswith("welcome guest1\n")
    assert "* guest2 joined\n" in a_text
    assert b_text.startswith("welcome guest2\n")
    assert "* guest1 is now alice\n<alice> hi there\n" in b_text
    assert b_text.endswith("bye\n")
    assert a_text.endswith("* guest2 left\n")


def test_proxy_forwards_both_ways_with_backpressure() -> None:
    payload = bytes(range(256)) * 4096  # 1 MiB through the proxy and back
    target = uvnet.createServer(lambda s: s.pipe(s))
    received: list[bytes] = []

    def on_target_listening() -> None:
        fwd = proxy.create_proxy("127.0.0.1", target.address()["port"])

        def on_proxy_listening() -> None:
            c = uvnet.connect(fwd.address()["port"], "127.0.0.1")
            c.on("data", received.append)
            c.end(payload)
            c.on("close", lambda had_error: (fwd.close(), target.close()))

        fwd.listen(0, "127.0.0.1", on_proxy_listening)

    target.listen(0, "127.0.0.1", on_target_listening)
    uvnet.run()
    assert b"".join(received) == payload


def test_unix_rpc_in_process() -> None:
    path = os.path.join(tempfile.mkdtemp(), "rpc.sock")
    server = unix_rpc.create_rpc_server()
    results: list[object] = []

    def on_listening() -> None:
        def done(res: list[object]) -> None:
            results.extend(res)
            server.close()

        unix_rpc.call_all(path, [("upper", ["abc"]), ("add", [2, 3])], done)

    server.listen(path, on_listening)
    uvnet.run()
    assert results == ["ABC", 5]
    assert not os.path.exists(path)


def test_unix_rpc_program() -> None:
    path = os.path.join(tempfile.mkdtemp(), "rpc.sock")
    assert _run_example("unix_rpc.py", path) == ["result: 6", "result: HELLO", "result: 42"]
