"""``python -m uvnet.trace prog.js prog.py [-- args...]``: run a Node program and its
Python port with every EventEmitter's emits traced, and show where they part.

Both programs run in the current directory with the same arguments, one after the other
(node first), each with its stdout and stderr captured. The tool then aligns the two
event traces (``Label#n:event args`` lines; ``Label#n`` is the n-th emitter of that class
to emit, so the labels match when the programs make their emitters in the same order;
``process`` is traced, for the events it has listeners for, once uvnet has
``uvnet.process``) and prints:

* the first event where the traces part, with the events before it as context and the
  two sides next to each other, and what kind of difference it is (an event only one side
  emits, different arguments, a different order);
* a diff of stdout, and of stderr, where they differ; and the exit statuses, if they do.

Exit status: 0 when traces, stdout, stderr and exit statuses are all the same, 1 when
anything differs, 2 on bad usage. ``--ignore REGEX`` (repeatable) masks text that is
expected to differ (ports, timings, paths) in both before comparing.
"""

from __future__ import annotations

import argparse
import difflib
import os
import re
import subprocess
import sys
import tempfile
from typing import NamedTuple

from . import jsTracer


class Run(NamedTuple):
    returncode: int
    stdout: str
    stderr: str
    events: list[str]


def _run(argv: list[str], trace_path: str, all: bool, timeout: float) -> Run:
    # process's events ('beforeExit', 'exit'...) are traced when uvnet has uvnet.process.
    import uvnet  # noqa: PLC0415
    env = dict(os.environ, UVNET_TRACE_OUT=trace_path, UVNET_TRACE_ALL="1" if all else "0",
               UVNET_TRACE_PROCESS="1" if hasattr(uvnet, "process") else "0")
    try:
        proc = subprocess.run(argv, env=env, stdin=subprocess.DEVNULL, capture_output=True,
                              timeout=timeout)
        code = proc.returncode
        out, err = proc.stdout, proc.stderr
    except subprocess.TimeoutExpired as exc:
        code = -9
        out = exc.stdout or b""
        err = (exc.stderr or b"") + f"[timed out after {timeout} s]\n".encode()
    try:
        with open(trace_path, encoding="utf-8", errors="replace") as fh:
            events = fh.read().splitlines()
    except FileNotFoundError:
        events = []
    return Run(code, out.decode("utf-8", "replace"), err.decode("utf-8", "replace"), events)


def _mask(text: str, patterns: list[re.Pattern[str]]) -> str:
    for p in patterns:
        text = p.sub("<*>", text)
    return text


def _kind(node: list[str], py: list[str], i: int) -> str:
    """What the first difference (at index i of both traces) is, in words."""
    a = node[i] if i < len(node) else None
    b = py[i] if i < len(py) else None
    if a is None:
        return "the Python port emits more events than the Node program"
    if b is None:
        return "the Python port stops emitting before the Node program does"
    if node[i + 1:i + 2] == [b] and py[i + 1:i + 2] == [a]:
        return "the same two events, in a different order"
    if py[i + 1:i + 2] == [a] or py[i + 1:] == node[i:]:
        return "the Python port emits an event the Node program does not"
    if node[i + 1:i + 2] == [b] or node[i + 1:] == py[i:]:
        return "the Python port misses an event the Node program emits"
    if a.split(" ", 1)[0] == b.split(" ", 1)[0]:
        return "the same event with different arguments"
    return "different events"


def _rows(node: list[str], py: list[str], context: int, after: int
          ) -> tuple[int, list[tuple[str, str, str, str, str]]]:
    """Side-by-side rows around the first difference: (marker, #node, node, #py, py)."""
    sm = difflib.SequenceMatcher(None, node, py, autojunk=False)
    ops = sm.get_opcodes()
    first = next(k for k, op in enumerate(ops) if op[0] != "equal")
    rows: list[tuple[str, str, str, str, str]] = []
    tag, i1, i2, j1, j2 = ops[first]
    for k in range(max(0, i1 - context), i1):  # the equal events just before
        rows.append((" ", str(k + 1), node[k], str(j1 - (i1 - k) + 1), py[j1 - (i1 - k)]))
    shown_after = 0
    for tag, i1, i2, j1, j2 in ops[first:]:
        n = max(i2 - i1, j2 - j1)
        for k in range(n):
            if tag == "equal":
                if shown_after >= after:
                    return first, rows
                shown_after += 1
            left = node[i1 + k] if i1 + k < i2 else ""
            right = py[j1 + k] if j1 + k < j2 else ""
            rows.append((" " if tag == "equal" else ">",
                         str(i1 + k + 1) if left or tag == "equal" else "",
                         left or ("" if tag == "equal" else "·"),
                         str(j1 + k + 1) if right or tag == "equal" else "",
                         right or ("" if tag == "equal" else "·")))
        if shown_after >= after:
            break
    return first, rows


def _sideBySide(rows: list[tuple[str, str, str, str, str]], left: str, right: str) -> str:
    nw = max([len(r[1]) for r in rows] + [1])
    pw = max([len(r[3]) for r in rows] + [1])
    lw = max([len(r[2]) for r in rows] + [len(left)])
    lines = [f"  {'#':>{nw}}  {left:<{lw}}   {'#':>{pw}}  {right}"]
    for mark, ni, a, pi, b in rows:
        lines.append(f"{mark} {ni:>{nw}}  {a:<{lw}} {'|' if mark == '>' else ' '} "
                     f"{pi:>{pw}}  {b}".rstrip())
    return "\n".join(lines)


def _textDiff(name: str, a: str, b: str) -> str:
    diff = difflib.unified_diff(a.splitlines(), b.splitlines(), f"{name} (node)",
                                f"{name} (python)", lineterm="")
    return "\n".join(diff)


def compare(node: Run, py: Run, *, context: int = 3, ignore: list[str] | None = None) -> str:
    """The report on two runs; empty when they are the same."""
    patterns = [re.compile(p) for p in ignore or []]
    ne = [_mask(e, patterns) for e in node.events]
    pe = [_mask(e, patterns) for e in py.events]
    parts: list[str] = []
    if ne != pe:
        i = next((k for k, (a, b) in enumerate(zip(ne, pe)) if a != b), min(len(ne), len(pe)))
        _, rows = _rows(ne, pe, context, context)
        parts.append(f"events: the traces part at event {i + 1} "
                     f"(node emitted {len(ne)}, python {len(pe)}): {_kind(ne, pe, i)}\n\n"
                     + _sideBySide(rows, "node", "python"))
    for name, a, b in (("stdout", node.stdout, py.stdout), ("stderr", node.stderr, py.stderr)):
        a, b = _mask(a, patterns), _mask(b, patterns)
        if a != b:
            parts.append(f"{name} differs:\n{_textDiff(name, a, b)}")
    if node.returncode != py.returncode:
        parts.append(f"exit status: node {node.returncode}, python {py.returncode}")
    return "\n\n".join(parts)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m uvnet.trace",
        description="Run a Node program and its Python port with every EventEmitter's "
                    "events traced; show where they part.")
    parser.add_argument("js", help="the Node program")
    parser.add_argument("py", help="its Python port")
    parser.add_argument("args", nargs="*", help="arguments for both (after --)")
    parser.add_argument("--all", action="store_true",
                        help="trace every event (resume, pause, readable... too)")
    parser.add_argument("--context", type=int, default=3, metavar="N",
                        help="events shown before and after the first difference (3)")
    parser.add_argument("--ignore", action="append", default=[], metavar="REGEX",
                        help="mask matches in traces and output before comparing")
    parser.add_argument("--timeout", type=float, default=60.0, metavar="S",
                        help="seconds each program may run (60)")
    parser.add_argument("--node", default=os.environ.get("NODE", "node"),
                        help="the node executable")
    opts = parser.parse_args(argv)
    with tempfile.TemporaryDirectory(prefix="uvnet-trace-") as tmp:
        node = _run([opts.node, "--require", jsTracer(), opts.js, *opts.args],
                    os.path.join(tmp, "node.trace"), opts.all, opts.timeout)
        py = _run([sys.executable, "-m", "uvnet.trace.runner", opts.py, *opts.args],
                  os.path.join(tmp, "python.trace"), opts.all, opts.timeout)
    report = compare(node, py, context=opts.context, ignore=opts.ignore)
    if not report:
        print(f"same: {len(node.events)} events, stdout, stderr and exit status "
              f"({node.returncode}) match")
        return 0
    print(report)
    return 1


if __name__ == "__main__":
    sys.exit(main())
