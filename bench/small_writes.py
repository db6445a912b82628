"""Many small writes with callbacks, uvnet against Node: `python bench/small_writes.py`.

Node's test/pummel/test-net-write-callbacks.js as a benchmark (issue #14): one connection,
N `client.write('hello world', cb)` calls in a row (each callback checked once and in
order), then `end()`; `bench/small_writes/writes.js` is Node's program and `writes.py` its
line-by-line port. Reported, as medians over alternating rounds of one run:
- the wall and CPU (user + system) time of the whole process, and its peak RSS;
- the memory each *pending* write holds (N writes queued before the socket connects), with
  a closure per write as the test makes and with one shared callback (what the stream
  itself keeps per write);
- with `--instructions`, the user-space instructions per write under callgrind
  ((I(N2) - I(N1)) / (N2 - N1), start-up cancelled out), Node included;
- with `--gc`, what CPython's cyclic GC took in uvnet's run (`small_writes/gcstats.py`:
  the collections of each generation and their seconds, medians over the rounds).
uvnet's modules are byte-compiled first, as an install does, so that no run spends its
start-up compiling a changed module (the runs themselves write no bytecode).
Writes bench/small_writes.md and bench/small_writes.json.
"""

from __future__ import annotations

import argparse
import compileall
import json
import os
import re
import statistics
import subprocess
import sys
import time

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
PROGRAMS = os.path.join(BENCH, "small_writes")
ENV = dict(os.environ, PYTHONPATH=ROOT, PYTHONDONTWRITEBYTECODE="1")


def command(impl: str, n: int, mode: str) -> list[str]:
    if impl == "node":
        return ["node", os.path.join(PROGRAMS, "writes.js"), str(n), mode]
    return [sys.executable, os.path.join(PROGRAMS, "writes.py"), str(n), mode]


def timed(impl: str, n: int, mode: str) -> dict[str, float]:
    """One run: wall and CPU seconds, peak RSS in MiB, and what the program printed."""
    start = time.perf_counter()
    proc = subprocess.Popen(command(impl, n, mode), stdout=subprocess.PIPE, env=ENV)
    assert proc.stdout is not None
    out = proc.stdout.read()
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if status != 0:
        raise RuntimeError(f"{impl} {mode} exited with {status}")
    result = json.loads(out.decode().strip().splitlines()[-1])
    result.update(wall_s=wall, cpu_s=usage.ru_utime + usage.ru_stime,
                  maxrss_mib=usage.ru_maxrss / 1024)
    return result


def gc_stats(n: int) -> dict[str, dict[str, float]]:
    """One uvnet flow run under gc.callbacks: collections and seconds per generation."""
    r = subprocess.run([sys.executable, os.path.join(PROGRAMS, "gcstats.py"), str(n)],
                       capture_output=True, text=True, env=ENV, check=True)
    stats: dict[str, dict[str, float]] = json.loads(r.stdout.strip().splitlines()[-1])["gc"]
    return stats


def instructions(impl: str, n: int) -> int:
    cmd = ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null"]
    if impl == "node":  # no JIT under valgrind would measure another program
        cmd.append("--smc-check=all-non-file")
    r = subprocess.run(cmd + command(impl, n, "flow"), capture_output=True, text=True,
                       env=ENV, timeout=1800)
    m = re.search(r"Collected : (\d+)", r.stderr)
    if r.returncode or not m:
        raise RuntimeError(f"callgrind {impl}: {r.stderr[-500:]}")
    return int(m.group(1))


def median(runs: list[dict[str, float]], key: str) -> float:
    return statistics.median(r[key] for r in runs)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-n", type=int, default=500_000, help="writes per run (500,000)")
    ap.add_argument("--repeats", type=int, default=5, help="rounds (5)")
    ap.add_argument("--instructions", action="store_true",
                    help="also count instructions per write under callgrind (slow)")
    ap.add_argument("--gc", action="store_true",
                    help="also time uvnet's cyclic GC collections (one more run a round)")
    args = ap.parse_args(argv)

    compileall.compile_dir(os.path.join(ROOT, "uvnet"), quiet=1)
    impls = ["node", "uvnet"]
    flow: dict[str, list[dict[str, float]]] = {i: [] for i in impls}
    pending: dict[str, dict[str, list[float]]] = {i: {"pending": [], "pending-shared": []}
                                                  for i in impls}
    gcs: list[dict[str, dict[str, float]]] = []
    for rnd in range(args.repeats):
        for impl in impls:
            flow[impl].append(timed(impl, args.n, "flow"))
            for mode in ("pending", "pending-shared"):
                pending[impl][mode].append(
                    timed(impl, args.n, mode)["bytes_per_pending_write"])
        if args.gc:
            gcs.append(gc_stats(args.n))
        print(f"round {rnd + 1}/{args.repeats}: " + ", ".join(
            f"{i} {flow[i][-1]['wall_s']:.2f} s" for i in impls), file=sys.stderr)

    results: dict[str, dict[str, float]] = {}
    for impl in impls:
        results[impl] = {
            "wall_s": median(flow[impl], "wall_s"),
            "cpu_s": median(flow[impl], "cpu_s"),
            "maxrss_mib": median(flow[impl], "maxrss_mib"),
            "bytes_per_pending_write": statistics.median(pending[impl]["pending"]),
            "bytes_per_pending_write_shared_cb":
                statistics.median(pending[impl]["pending-shared"]),
        }
    if gcs:
        results["uvnet"]["gc_s"] = statistics.median(
            sum(g["seconds"] for g in run.values()) for run in gcs)
        for gen in ("0", "1", "2"):
            results["uvnet"][f"gc{gen}_collections"] = statistics.median(
                run[gen]["collections"] for run in gcs)
    if args.instructions:
        n1, n2 = 20_000, 60_000
        for impl in impls:
            results[impl]["instructions_per_write"] = round(
                (instructions(impl, n2) - instructions(impl, n1)) / (n2 - n1))

    node, uv = results["node"], results["uvnet"]
    rows = [
        ("wall time (s)", "wall_s", "{:.2f}"),
        ("CPU time, user + system (s)", "cpu_s", "{:.2f}"),
        ("peak RSS (MiB)", "maxrss_mib", "{:.0f}"),
        ("bytes per pending write, a closure each", "bytes_per_pending_write", "{:.0f}"),
        ("bytes per pending write, one shared callback",
         "bytes_per_pending_write_shared_cb", "{:.0f}"),
    ]
    if args.instructions:
        rows.append(("instructions per write (callgrind)", "instructions_per_write", "{:,}"))
    if gcs:
        rows.append(("uvnet's cyclic GC, all generations (s)", "gc_s", "{:.2f}"))
        rows += [(f"uvnet's gen{gen} GC collections", f"gc{gen}_collections", "{:.0f}")
                 for gen in ("0", "1", "2")]
    node_version = subprocess.run(["node", "--version"], capture_output=True,
                                  text=True).stdout.strip()
    lines = [
        f"# {args.n:,} small writes with callbacks (`python bench/small_writes.py`)",
        "",
        f"Medians of {args.repeats} alternating rounds; Python {sys.version.split()[0]}, "
        f"Node {node_version}.",
        "",
        "| | uvnet | Node | uvnet / Node |",
        "| --- | ---: | ---: | ---: |",
    ]
    for label, key, fmt in rows:
        if key not in node:  # (a Python-only figure)
            lines.append(f"| {label} | {fmt.format(uv[key])} | | |")
            continue
        lines.append(f"| {label} | {fmt.format(uv[key])} | {fmt.format(node[key])} | "
                     f"{uv[key] / node[key]:.2f}× |")
    text = "\n".join(lines) + "\n"
    with open(os.path.join(BENCH, "small_writes.md"), "w") as f:
        f.write(text)
    with open(os.path.join(BENCH, "small_writes.json"), "w") as f:
        json.dump({"n": args.n, "repeats": args.repeats, "results": results}, f, indent=2)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
