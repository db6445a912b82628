"""A Promise-heavy microbenchmark: microtask turns per second, uvnet against Node.

    python bench/promises.py [N]     # N operations per case (default 10**6)

Each case runs N times inside one async function (or one ``then`` chain) on uvnet's loop,
and ``bench/promises.js`` runs the same cases on Node; the table gives the wall time per
operation (ns) of each, and the ratio. Results: ``bench/promises.md``.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time
from typing import Any, Callable

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import uvnet  # noqa: E402
from uvnet import Promise  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))


async def await_resolved(n: int) -> int:
    p = Promise.resolve(1)
    s = 0
    for _ in range(n):
        s += await p
    return s


async def await_new(n: int) -> int:
    s = 0
    for i in range(n):
        s += await Promise(lambda resolve, _reject: resolve(i))  # noqa: B023 (runs at once)
    return s


async def inner(i: int) -> int:
    return i


async def await_async_call(n: int) -> int:
    s = 0
    for i in range(n):
        # Promise.resolve(inner(i)) is the JS call inner(i): V8's turns (API.md)
        s += await Promise.resolve(inner(i))
    return s


def then_chain(n: int) -> Promise[Any]:
    p: Promise[Any] = Promise.resolve(0)
    for _ in range(n):
        p = p.then(lambda v: v + 1)
    return p


CASES: list[tuple[str, Callable[[int], Any]]] = [
    ("await a resolved Promise", await_resolved),
    ("await new Promise(resolve => resolve(i))", await_new),
    ("await an async function call", await_async_call),
    ("then chain (p = p.then(v => v + 1))", then_chain),
]


def measure(n: int) -> dict[str, float]:
    results = {}
    for name, fn in CASES:
        uvnet.run(fn(min(n, 10**5)))  # warm-up
        t0 = time.perf_counter_ns()
        uvnet.run(fn(n))
        results[name] = (time.perf_counter_ns() - t0) / n
    return results


def main() -> None:
    n = int(float(sys.argv[1])) if len(sys.argv) > 1 else 10**6
    py = measure(n)
    node_out = subprocess.run(["node", os.path.join(HERE, "promises.js"), str(n)],
                              capture_output=True, text=True, check=True).stdout
    node = json.loads(node_out)
    node_version = subprocess.run(["node", "--version"], capture_output=True,
                                  text=True).stdout.strip()
    lines = [
        f"# Promise microbenchmark ({n:,} operations per case)",
        "",
        f"`python bench/promises.py {n}`: Python {sys.version.split()[0]}, "
        f"Node {node_version}; "
        "wall time per operation, one run.",
        "",
        "| case | uvnet (ns/op) | Node (ns/op) | uvnet / Node |",
        "| --- | ---: | ---: | ---: |",
    ]
    for name, _ in CASES:
        lines.append(f"| {name} | {py[name]:,.0f} | {node[name]:,.1f} | "
                     f"{py[name] / node[name]:,.0f}× |")
    text = "\n".join(lines) + "\n"
    print(text)
    with open(os.path.join(HERE, "promises.md"), "w", encoding="utf-8") as fh:
        fh.write(text)


if __name__ == "__main__":
    main()
