"""Issue #12's and #14's benchmark targets, remeasured by one command.

    python bench/targets.py                  # ~8 min: run.py, small_writes.py, memory.py
    python bench/targets.py --repeats 7      # more rounds of run.py (the medians steady)
    python bench/targets.py --report         # only rebuild bench/targets.md from the JSON

It runs, in this order and in one session (so every ratio compares figures taken under
the same load):

- ``run.py`` with the uvnet ``pipe``, ``'data'`` and ``async for`` servers, raw pyuv, and
  Node's ``pipe`` and ``for await`` servers, on pingpong-50, bulk-1 and churn-20
  (``bench/results.json``);
- ``small_writes.py`` (Node's ``test-net-write-callbacks.js``, 500,000 writes with
  callbacks; ``bench/small_writes.json``), with ``--gc``, and ``--instructions`` when
  valgrind is there;
- ``memory.py`` (``bench/memory.json``);

then writes ``bench/targets.md``: each target, the figures it compares, and whether it is
met. The README's targets table is that file's table.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from typing import Any

HERE = os.path.dirname(os.path.abspath(__file__))
SERVERS = "uvnet_pipe,uvnet_data,uvnet_async,pyuv_raw,node_pipe,node_forawait"
SCENARIOS = ("pingpong-50", "bulk-1", "churn-20")


def _run(script: str, *args: str) -> None:
    cmd = [sys.executable, os.path.join(HERE, script), *args]
    print("+", " ".join(cmd), file=sys.stderr, flush=True)
    subprocess.run(cmd, check=True)


def _load(name: str) -> Any:
    with open(os.path.join(HERE, name), encoding="utf-8") as fh:
        return json.load(fh)


def _verdict(ok: bool) -> str:
    return "met" if ok else "**not met**"


def report() -> str:
    results = _load("results.json")
    cpu = {server: {scenario: figures["cpu_us_per_op"]
                    for scenario, figures in scenarios.items()}
           for server, scenarios in results["medians"].items()}
    small = _load("small_writes.json")
    writes, writes_repeats = small["results"], small["repeats"]
    memory = _load("memory.json")["results"]
    machine = results["machine"]

    rows: list[tuple[str, str, str, str]] = []

    def vs_node(label: str, server: str, scenario: str, limit: float) -> None:
        ratio = cpu[server][scenario] / cpu["node_pipe"][scenario]
        rows.append(("#14", f"{label} ≤ {limit}× Node",
                     f"{cpu[server][scenario]:.1f} µs against Node's "
                     f"{cpu['node_pipe'][scenario]:.1f} µs: {ratio:.2f}×",
                     _verdict(ratio <= limit)))

    for scenario, limit in (("churn-20", 1.0), ("pingpong-50", 1.0), ("bulk-1", 0.8)):
        vs_node(f"{scenario}, `pipe`", "uvnet_pipe", scenario, limit)
        vs_node(f"{scenario}, `'data'`", "uvnet_data", scenario, limit)

    uv, node = writes["uvnet"], writes["node"]
    ratio = uv["wall_s"] / node["wall_s"]
    rows.append(("#14", "500k small writes ≤ 1.5× Node's time",
                 f"{uv['wall_s']:.2f} s against {node['wall_s']:.2f} s: {ratio:.2f}× "
                 f"(CPU {uv['cpu_s'] / node['cpu_s']:.2f}×)", _verdict(ratio <= 1.5)))
    for key, label in (("bytes_per_pending_write", "a closure each"),
                       ("bytes_per_pending_write_shared_cb", "one shared callback")):
        rows.append(("#14", f"bytes per pending write ≤ Node's ({label})",
                     f"{uv[key]:.0f} against {node[key]:.0f}", _verdict(uv[key] <= node[key])))
    if "instructions_per_write" in uv:
        rows.append(("#14", "instructions per small write (callgrind; Node's own count moves "
                     "from run to run, as its JIT runs under valgrind)",
                     f"{uv['instructions_per_write']:,} against "
                     f"{node['instructions_per_write']:,}", ""))
    if "node_pipe" in memory:
        for server, label in (("uvnet_pipe", "`pipe`"), ("uvnet_data", "`'data'`")):
            if server in memory:
                mine, theirs = (memory[server]["bytes_per_conn"],
                                memory["node_pipe"]["bytes_per_conn"])
                rows.append(("#14", f"memory per idle connection ≤ Node's, {label}",
                             f"{mine / 1024:.2f} KiB against {theirs / 1024:.2f} KiB",
                             _verdict(mine <= theirs)))

    data, aio = cpu["uvnet_data"]["pingpong-50"], cpu["uvnet_async"]["pingpong-50"]
    pipe, fawait = cpu["node_pipe"]["pingpong-50"], cpu["node_forawait"]["pingpong-50"]
    rows.append(("#12", "`async for` server's pingpong-50 no further above `'data'` "
                 "than Node's `for await` above `pipe`",
                 f"uvnet {aio:.1f} − {data:.1f} = {aio - data:+.1f} µs ({aio / data:.2f}×); "
                 f"Node {fawait:.1f} − {pipe:.1f} = {fawait - pipe:+.1f} µs "
                 f"({fawait / pipe:.2f}×)",
                 _verdict(aio - data <= max(fawait - pipe, 0.0))))

    load = machine.get("loadavg_start", [0.0])[0]
    lines = [
        "# Issue #12's and #14's targets",
        "",
        "Made by `python bench/targets.py`: "
        f"{machine['nproc']} cores ({machine['cpu_model']}), Python {machine['python']}, "
        f"Node {machine['node']}, load average {load:.1f} at the start; server CPU time "
        f"per operation, medians of {results['config']['repeats']} interleaved rounds × "
        f"{results['config']['duration']:g} s; small writes: medians of "
        f"{writes_repeats} rounds.",
        "",
        "| issue | target | measured (same run) | |",
        "| --- | --- | --- | --- |",
    ]
    lines += [f"| {issue} | {target} | {measured} | {verdict} |"
              for issue, target, measured, verdict in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--repeats", type=int, default=5, help="rounds of run.py (5)")
    ap.add_argument("--duration", type=float, default=2.0, help="seconds per run (2)")
    ap.add_argument("--writes-repeats", type=int, default=3, help="rounds of small_writes (3)")
    ap.add_argument("--report", action="store_true",
                    help="only rebuild bench/targets.md from the JSON files")
    args = ap.parse_args(argv)
    if not args.report:
        _run("run.py", "--only", SERVERS, *[f"--scenario={s}" for s in SCENARIOS],
             "--repeats", str(args.repeats), "--duration", str(args.duration))
        writes = ["--repeats", str(args.writes_repeats), "--gc"]
        if shutil.which("valgrind"):
            writes.append("--instructions")
        _run("small_writes.py", *writes)
        _run("memory.py")
    text = report()
    with open(os.path.join(HERE, "targets.md"), "w", encoding="utf-8") as fh:
        fh.write(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
