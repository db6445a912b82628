"""Instructions per operation, counted by callgrind: `python bench/instructions.py`.

CPU time on a shared machine moves by ±30% from run to run; the number of instructions
a server executes per operation moves by a few per cent. This runs each Python echo
server under `valgrind --tool=callgrind` twice, with the load generator making N1 and
then N2 operations, and reports (I(N2) - I(N1)) / (N2 - N1): what one more operation
costs, with start-up and shutdown cancelled out. User-space instructions only (the
kernel's work is not counted), and Node is left out (its JIT compiles under valgrind),
so the figures compare uvnet with raw pyuv, with asyncio's servers and with itself
across changes. Writes
bench/instructions.md and bench/instructions.json.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import time

import run
from run import BENCH, LOADGEN, OUT, ROOT, SERVERS_DIR, build_loadgen, raise_nofile

# (key, loadgen mode, connections, N1, N2, label)
SCENARIOS = [
    ("pingpong-50", "pingpong", 50, 10050, 30050, "instructions per round trip"),
    ("bulk-1", "bulk", 1, 500, 2500, "instructions per 64 KiB echoed"),
    ("churn-20", "churn", 20, 1, 2001, "instructions per connection"),
]
# run.py's Python servers that need nothing installed: uvnet, raw pyuv, and asyncio's two,
# which show what the interpreter costs a minimal server on Python's own event loop.
SERVERS = [(name, label) for name, label in run.SERVERS
           if name not in ("uvloop_protocol", run.NODE)]


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def under_callgrind(server: str, valgrind_args: list[str], env: dict[str, str],
                    out_path: str, err_path: str, loadgen_args: list[str], n: int
                    ) -> tuple[int, dict]:
    """Start `server` under callgrind, wait for its `ready PORT`, make `n` loadgen ops
    against it (`loadgen_args`: mode and options), stop it: (valgrind's pid, loadgen's
    result). Its stdout and stderr go to `out_path` and `err_path`."""
    cmd = ["valgrind", "--tool=callgrind", *valgrind_args, sys.executable, server + ".py", "0"]
    with open(out_path, "w") as out, open(err_path, "w") as err:
        proc = subprocess.Popen(cmd, stdout=out, stderr=err, stdin=subprocess.DEVNULL,
                                env=env, cwd=SERVERS_DIR)
    try:
        port = 0
        deadline = time.monotonic() + 120
        while not port and time.monotonic() < deadline and proc.poll() is None:
            time.sleep(0.1)
            with open(out_path) as f:
                m = re.search(r"^ready (\d+)", f.read(), re.M)
            port = int(m.group(1)) if m else 0
        if not port:
            raise RuntimeError(f"{server} did not start under valgrind (see {err_path})")
        mode, *options = loadgen_args
        r = subprocess.run([LOADGEN, mode, str(port), *options, "-n", str(n)],
                           capture_output=True, text=True, timeout=900)
        res = json.loads(r.stdout.strip().splitlines()[-1])
        # (bulk counts 64 KiB echoed, a fraction of the last chunk still in flight)
        if res.get("errors") or res.get("ops", 0) < n - 1:
            raise RuntimeError(f"loadgen against {server}: {r.stdout.strip()[-200:]}")
    finally:
        proc.terminate()  # valgrind still writes its totals when the server is killed
        proc.wait(60)
    return proc.pid, res


def count(server: str, mode: str, conns: int, n: int) -> tuple[int, float]:
    """Instructions the server executes from start to exit around (at least) `n` loadgen
    ops, and the ops loadgen made (ping-pong finishes the round trips in flight)."""
    os.makedirs(os.path.join(OUT, "logs"), exist_ok=True)
    out_path = os.path.join(OUT, "logs", f"cg-{server}.out")
    err_path = os.path.join(OUT, "logs", f"cg-{server}.err")
    env = dict(os.environ, PYTHONPATH=ROOT, PYTHONDONTWRITEBYTECODE="1")
    _pid, res = under_callgrind(server, ["--callgrind-out-file=/dev/null"], env, out_path,
                                err_path, [mode, "-c", str(conns)], n)
    with open(err_path) as f:
        m = re.search(r"Collected : (\d+)", f.read())
    if not m:
        raise RuntimeError(f"no callgrind totals for {server} (see {err_path})")
    return int(m.group(1)), res["ops"]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--only", action="append", default=[],
                    help="servers to run (comma-separated names from bench/servers/)")
    ap.add_argument("--scenario", action="append", default=[],
                    help="scenarios to run (comma-separated: "
                    + ", ".join(key for key, *_ in SCENARIOS) + "; default all)")
    ap.add_argument("--out", default=BENCH, help="directory for instructions.md/.json")
    args = ap.parse_args(argv)
    wanted = {key for arg in args.scenario for key in arg.split(",") if key}
    scenarios = [sc for sc in SCENARIOS if not wanted or sc[0] in wanted]
    if not shutil.which("valgrind"):
        sys.exit("bench: valgrind not found (apt-get install valgrind)")
    only = {name for arg in args.only for name in arg.split(",") if name}
    servers = [(k, label) for k, label in SERVERS if not only or k in only]
    build_loadgen()
    raise_nofile()
    results: dict[str, dict[str, float]] = {}
    for key, mode, conns, n1, n2, _ in scenarios:
        for server, _label in servers:
            log(f"bench: {server} {key}: callgrind with {n1} and {n2} ops")
            i1, ops1 = count(server, mode, conns, n1)
            i2, ops2 = count(server, mode, conns, n2)
            results.setdefault(server, {})[key] = (i2 - i1) / (ops2 - ops1)
    lines = [
        "# Instructions per operation (callgrind)",
        "",
        f"Made by `python bench/instructions.py` on {time.strftime('%Y-%m-%d %H:%M')}: "
        f"Python {sys.version.split()[0]}. User-space instructions of the server per "
        "operation, (I(N2) - I(N1)) / (N2 - N1): repeatable to a few per cent for uvnet; "
        "raw pyuv's small figures move more, with how events batch per loop iteration.",
        "",
        "| echo server | " + " | ".join(f"{key} ({label})" for key, *_, label in scenarios)
        + " |",
        "| --- |" + " ---: |" * len(scenarios),
    ]
    base = results.get("pyuv_raw", {})
    for server, label in servers:
        cells = []
        for key, *_ in scenarios:
            v = results[server][key]
            ratio = f" ({v / base[key]:.1f}× pyuv)" if base.get(key) else ""
            cells.append(f"{v:,.0f}{ratio}")
        lines.append(f"| {label} | " + " | ".join(cells) + " |")
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "instructions.md"), "w") as f:
        f.write("\n".join(lines) + "\n")
    with open(os.path.join(args.out, "instructions.json"), "w") as f:
        json.dump(results, f, indent=1)
    print("\n".join(lines))
    return 0


if __name__ == "__main__":
    sys.exit(main())
