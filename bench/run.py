"""One command for issue #6's measurements: `python bench/run.py [--quick] [--only NAME]`.

Builds bench/loadgen.c with gcc, starts every echo server (pinned to core 0), runs the
load generator (pinned to core 1) through each scenario, repeats the rounds, and writes
the medians to bench/results.md and bench/results.json. See bench/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)
OUT = os.path.join(BENCH, "out")
SERVERS_DIR = os.path.join(BENCH, "servers")
LOADGEN_SRC = os.path.join(BENCH, "loadgen.c")
LOADGEN = os.path.join(OUT, "loadgen")
VENV = os.path.join(OUT, "venv")

# (key, loadgen mode, connections, label, throughput unit)
SCENARIOS = [
    ("pingpong-1", "pingpong", 1, "ping-pong, 1 conn, 64 B", "round trips/s"),
    ("pingpong-50", "pingpong", 50, "ping-pong, 50 conns, 64 B", "round trips/s"),
    ("bulk-1", "bulk", 1, "bulk, 1 conn, 64 KiB writes, 256 KiB window", "MiB/s"),
    ("bulk-8", "bulk", 8, "bulk, 8 conns, 64 KiB writes, 256 KiB window", "MiB/s"),
    ("churn-20", "churn", 20, "churn, 20 in flight (connect, 64 B echo, close)", "conns/s"),
]
OP_NAME = {"pingpong": "round trip", "bulk": "64 KiB echoed", "churn": "connection"}
SUMMARY = ["pingpong-50", "bulk-1", "churn-20"]

# (name, label); the command is built by server_command()
SERVERS = [
    ("uvnet_pipe", "uvnet, `s.pipe(s)`"),
    ("uvnet_data", "uvnet, `s.on('data', s.write)`"),
    ("uvnet_async", "uvnet, `async for chunk in s: s.write(chunk)`"),
    ("pyuv_raw", "raw pyuv (read cb → write)"),
    ("asyncio_streams", "asyncio streams"),
    ("asyncio_protocol", "asyncio protocol"),
    ("uvloop_protocol", "uvloop protocol"),
    ("node_pipe", "Node, `s.pipe(s)`"),
    ("node_forawait", "Node, `for await (const chunk of s) s.write(chunk)`"),
]
NODE, PYUV = "node_pipe", "pyuv_raw"


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def build_loadgen() -> None:
    os.makedirs(OUT, exist_ok=True)
    gcc = shutil.which("gcc") or shutil.which("cc")
    if not gcc:
        sys.exit("bench: gcc not found (needed to build bench/loadgen.c)")
    if os.path.exists(LOADGEN) and os.path.getmtime(LOADGEN) >= os.path.getmtime(LOADGEN_SRC):
        return
    cmd = [gcc, "-O2", "-Wall", "-Wextra", "-o", LOADGEN, LOADGEN_SRC]
    log("bench: " + " ".join(cmd))
    subprocess.run(cmd, check=True)


def raise_nofile(want: int = 65536) -> None:
    """Raised here so that every server (Node included) inherits it."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft >= want:
        return
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, max(hard, want)))
    except (ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def has_module(python: str, module: str) -> bool:
    r = subprocess.run([python, "-c", f"import {module}"], capture_output=True)
    return r.returncode == 0


def uvloop_python(install: bool) -> tuple[str | None, str]:
    """A Python that can import uvloop and pyuv: this one, or bench/out/venv (created with
    --system-site-packages and `pip install uvloop` unless --no-install)."""
    if has_module(sys.executable, "uvloop"):
        return sys.executable, ""
    vpy = os.path.join(VENV, "bin", "python")
    if os.path.exists(vpy) and has_module(vpy, "uvloop"):
        return vpy, ""
    if not install:
        return None, "uvloop not importable (--no-install)"
    log("bench: creating bench/out/venv with uvloop")
    try:
        subprocess.run([sys.executable, "-m", "venv", "--system-site-packages", VENV],
                       check=True, capture_output=True)
        subprocess.run([vpy, "-m", "pip", "install", "-q", "--disable-pip-version-check",
                        "uvloop"], check=True, capture_output=True)
    except subprocess.CalledProcessError as e:
        return None, "pip install uvloop failed: " + (e.stderr or b"").decode()[-200:]
    return (vpy, "") if has_module(vpy, "uvloop") else (None, "uvloop not importable")


def server_command(name: str, install: bool) -> tuple[list[str] | None, str]:
    if name.startswith("node_"):
        node = shutil.which("node")
        if not node:
            return None, "node not found"
        return [node, os.path.join(SERVERS_DIR, name + ".js"), "0"], ""
    python = sys.executable
    if name == "uvloop_protocol":
        py, why = uvloop_python(install)
        if py is None:
            return None, why
        python = py
    return [python, os.path.join(SERVERS_DIR, name + ".py"), "0"], ""


@dataclass
class Server:
    name: str
    label: str
    cmd: list[str] | None
    error: str = ""
    proc: subprocess.Popen | None = None
    port: int = 0
    starts: int = 0
    runs: dict[str, list[dict]] = field(default_factory=dict)


def pin(core: int, pinning: bool) -> list[str]:
    return ["taskset", "-c", str(core)] if pinning else []


def start_server(srv: Server, pinning: bool, timeout: float = 15.0) -> bool:
    """Start it, wait for `ready PORT` on its stdout; on failure set srv.error."""
    assert srv.cmd is not None
    os.makedirs(os.path.join(OUT, "logs"), exist_ok=True)
    out_path = os.path.join(OUT, "logs", srv.name + ".out")
    err_path = os.path.join(OUT, "logs", srv.name + ".err")
    env = dict(os.environ, PYTHONPATH=ROOT, PYTHONDONTWRITEBYTECODE="1")
    with open(out_path, "w") as out, open(err_path, "w") as err:
        srv.proc = subprocess.Popen(pin(0, pinning) + srv.cmd, stdout=out, stderr=err,
                                    stdin=subprocess.DEVNULL, env=env, cwd=SERVERS_DIR)
    srv.starts += 1
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        with open(out_path) as f:
            for line in f:
                if line.startswith("ready"):
                    parts = line.split()
                    srv.port = int(parts[1]) if len(parts) > 1 else 0
                    if srv.port:
                        return True
        if srv.proc.poll() is not None:
            break
        time.sleep(0.05)
    rc = srv.proc.poll()
    stop_server(srv)
    with open(err_path, errors="replace") as f:
        tail = [ln.strip() for ln in f.read().strip().splitlines() if ln.strip()]
    why = tail[-1] if tail else (f"exited with status {rc}" if rc is not None else
                                 f"no `ready PORT` within {timeout:g}s")
    srv.error = why[:300]
    return False


def stop_server(srv: Server) -> None:
    p = srv.proc
    if p is None:
        return
    if p.poll() is None:
        p.send_signal(signal.SIGTERM)
        try:
            p.wait(5)
        except subprocess.TimeoutExpired:
            p.kill()
            p.wait()
    srv.proc = None


def run_loadgen(srv: Server, mode: str, conns: int, args, pinning: bool) -> dict:
    assert srv.proc is not None
    cmd = pin(1, pinning) + [LOADGEN, mode, str(srv.port), "-c", str(conns),
                             "-d", str(args.duration), "-w", str(args.warmup),
                             "-p", str(srv.proc.pid)]
    try:
        r = subprocess.run(cmd, capture_output=True, text=True,
                           timeout=args.duration + args.warmup + 20)
    except subprocess.TimeoutExpired:
        return {"error": "loadgen timed out"}
    line = (r.stdout.strip().splitlines() or [""])[-1]
    try:
        res = json.loads(line)
    except json.JSONDecodeError:
        return {"error": "loadgen: " + (r.stderr.strip() or line or "no output")[-200:]}
    if srv.proc.poll() is not None:
        res["error"] = f"server died (status {srv.proc.returncode})"
    elif not res.get("error") and res.get("ops", 0) <= 0:
        res["error"] = "no operations completed"
    return res


def median(values: list[float]) -> float | None:
    values = [v for v in values if v is not None]
    return statistics.median(values) if values else None


def summarize(runs: list[dict], mode: str) -> dict:
    ok = [r for r in runs if not r.get("error")]
    if not ok:
        errs = [r.get("error", "?") for r in runs]
        return {"error": errs[-1] if errs else "not run"}

    def cpu_per_op(r):
        if r.get("server_cpu_s") is None or not r["ops"]:
            return None
        return r["server_cpu_s"] / r["ops"] * 1e6

    def throughput(r):
        if mode == "bulk":
            return r["bytes"] / r["seconds"] / 2**20
        return r["ops_per_s"]

    return {
        "throughput": median([throughput(r) for r in ok]),
        "p50_us": median([r["p50_us"] for r in ok]),
        "p99_us": median([r["p99_us"] for r in ok]),
        "cpu_us_per_op": median([cpu_per_op(r) for r in ok]),
        "server_core_pct": median([100 * r["server_cpu_s"] / r["seconds"] for r in ok
                                   if r.get("server_cpu_s") is not None]),
        "client_core_pct": median([100 * r["client_cpu_s"] / r["seconds"] for r in ok]),
        "repeats": len(ok),
        "failed": len(runs) - len(ok),
        "errors": sum(r.get("errors", 0) for r in ok),
    }


def fmt(v: float | None, digits: int = 3) -> str:
    if v is None:
        return "n/a"
    if v >= 100:
        return f"{v:,.0f}"
    return f"{v:.{digits}g}"


def ratio(a: float | None, b: float | None) -> str:
    if a is None or b is None or b == 0:
        return "n/a"
    return f"{a / b:.2f}×"


def machine_info() -> dict:
    model = ""
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    model = line.split(":", 1)[1].strip()
                    break
    except OSError:
        pass

    def version(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True,
                                  timeout=10).stdout.strip()
        except (OSError, subprocess.TimeoutExpired):
            return None

    return {
        "nproc": os.cpu_count(),
        "cpu_model": model,
        "kernel": platform.release(),
        "python": platform.python_version(),
        "pyuv": version([sys.executable, "-c",
                         "from uvnet._vendor import pyuv; print(pyuv.__version__)"]),
        "node": version(["node", "--version"]) if shutil.which("node") else None,
        "loadavg_start": os.getloadavg(),
    }


def write_results(servers: list[Server], info: dict, args, pinning: bool) -> None:
    table: dict[str, dict[str, dict]] = {}
    for srv in servers:
        table[srv.name] = {}
        for key, mode, _c, _l, _u in args.scenarios:
            if srv.error and not srv.runs.get(key):
                table[srv.name][key] = {"error": srv.error}
            else:
                table[srv.name][key] = summarize(srv.runs.get(key, []), mode)

    summary = [k for k, *_ in args.scenarios if k in SUMMARY]

    def cpu(name, key):
        return table.get(name, {}).get(key, {}).get("cpu_us_per_op")

    lines = [
        "# uvnet benchmarks (issue #6)",
        "",
        f"Made by `{' '.join(['python', 'bench/run.py'] + args.argv)}` on "
        f"{time.strftime('%Y-%m-%d %H:%M')}: {info['nproc']} cores ({info['cpu_model']}), "
        f"Linux {info['kernel']}, Python {info['python']}, pyuv {info['pyuv']}, "
        f"Node {info['node']}. Load average at start "
        f"{', '.join(f'{x:.2f}' for x in info['loadavg_start'])}, at end "
        f"{', '.join(f'{x:.2f}' for x in info['loadavg_end'])}.",
        "",
        f"Each figure is the median of {args.repeats} run(s) of {args.duration:g} s "
        f"(after {args.warmup:g} s warm-up); "
        + ("server pinned to core 0, load generator to core 1. " if pinning else
           "**not pinned** (taskset missing or fewer than 2 cores). ")
        + "Compare ratios within this file, not absolute figures across machines or runs.",
        "",
        "## Server CPU per operation (µs), ratio to Node and to raw pyuv",
        "",
        "| echo server | " + " | ".join(
            f"{k} (µs/{OP_NAME[m]})" for k, m, *_ in args.scenarios if k in summary) + " |",
        "| --- |" + " ---: |" * len(summary),
    ]
    for srv in servers:
        cells = []
        for key in summary:
            c = cpu(srv.name, key)
            if c is None:
                cells.append("n/a")
            else:
                cells.append(f"{fmt(c)} ({ratio(c, cpu(NODE, key))} Node, "
                             f"{ratio(c, cpu(PYUV, key))} pyuv)")
        lines.append(f"| {srv.label} | " + " | ".join(cells) + " |")
    for key, _mode, _c, label, unit in args.scenarios:
        lines += [
            "",
            f"## {key}: {label}",
            "",
            f"| echo server | throughput ({unit}) | p50 µs | p99 µs | server CPU µs/op "
            "| CPU ×Node | CPU ×pyuv | throughput ×Node | server core % | loadgen core % | notes |",
            "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | --- |",
        ]
        node_thr = table.get(NODE, {}).get(key, {}).get("throughput")
        for srv in servers:
            s = table[srv.name][key]
            if s.get("error"):
                lines.append(f"| {srv.label} | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a | n/a "
                             f"| {s['error'].replace('|', '/')} |")
                continue
            notes = []
            if s["failed"]:
                notes.append(f"{s['failed']} run(s) failed")
            if s["errors"]:
                notes.append(f"{s['errors']} connection errors")
            c = s["cpu_us_per_op"]
            lines.append(
                f"| {srv.label} | {fmt(s['throughput'])} | {fmt(s['p50_us'])} "
                f"| {fmt(s['p99_us'])} | {fmt(c)} | {ratio(c, cpu(NODE, key))} "
                f"| {ratio(c, cpu(PYUV, key))} | {ratio(s['throughput'], node_thr)} "
                f"| {fmt(s['server_core_pct'])} | {fmt(s['client_core_pct'])} "
                f"| {'; '.join(notes)} |")
    failed = [srv for srv in servers if srv.error]
    if failed:
        lines += ["", "## Servers that did not run", ""]
        lines += [f"- {srv.label} (`{srv.name}`): {srv.error}" for srv in failed]
    md = "\n".join(lines) + "\n"
    data = {
        "machine": info,
        "config": {"repeats": args.repeats, "duration": args.duration, "warmup": args.warmup,
                   "pinned": pinning, "argv": args.argv},
        "medians": table,
        "runs": {srv.name: srv.runs for srv in servers},
        "errors": {srv.name: srv.error for srv in servers if srv.error},
    }
    md_path = os.path.join(args.out, "results.md")
    with open(md_path, "w") as f:
        f.write(md)
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump(data, f, indent=1)
    print(md)
    log(f"bench: wrote {md_path} and results.json")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true",
                    help="1 repeat of 1 s after 0.25 s warm-up (default: 3 × 3 s after 0.5 s)")
    ap.add_argument("--only", action="append", default=[],
                    help="server name(s) to run (repeatable or comma-separated): "
                    + ", ".join(n for n, _ in SERVERS))
    ap.add_argument("--scenario", action="append", default=[],
                    help="scenario(s) to run: " + ", ".join(s[0] for s in SCENARIOS))
    ap.add_argument("--repeats", type=int)
    ap.add_argument("--duration", type=float)
    ap.add_argument("--warmup", type=float)
    ap.add_argument("--no-pin", action="store_true", help="do not use taskset")
    ap.add_argument("--no-install", action="store_true",
                    help="do not create bench/out/venv to pip install uvloop")
    ap.add_argument("--out", default=BENCH, help="directory for results.md/.json (bench/)")
    args = ap.parse_args(argv)
    args.argv = sys.argv[1:] if argv is None else argv
    args.repeats = args.repeats or (1 if args.quick else 3)
    args.duration = args.duration or (1.0 if args.quick else 3.0)
    args.warmup = args.warmup if args.warmup is not None else (0.25 if args.quick else 0.5)

    only = {n for o in args.only for n in o.split(",") if n}
    unknown = only - {n for n, _ in SERVERS}
    if unknown:
        ap.error("unknown server(s): " + ", ".join(sorted(unknown)))
    wanted = {n for o in args.scenario for n in o.split(",") if n}
    scenarios = [s for s in SCENARIOS if not wanted or s[0] in wanted]
    if not scenarios:
        ap.error("no such scenario")
    args.scenarios = scenarios

    build_loadgen()
    raise_nofile()
    pinning = (not args.no_pin and shutil.which("taskset") is not None
               and len(os.sched_getaffinity(0)) >= 2 and {0, 1} <= os.sched_getaffinity(0))
    if not pinning:
        log("bench: not pinning (--no-pin, no taskset, or cores 0 and 1 not both available)")
    info = machine_info()

    servers = []
    for name, label in SERVERS:
        if only and name not in only:
            continue
        cmd, why = server_command(name, not args.no_install)
        servers.append(Server(name, label, cmd, error=why))
    try:
        for srv in servers:
            if srv.cmd and not srv.error:
                if start_server(srv, pinning):
                    log(f"bench: {srv.name} ready on port {srv.port} (pid {srv.proc.pid})")
                else:
                    log(f"bench: {srv.name} n/a: {srv.error}")
        # Rounds interleave the servers, so that load from elsewhere on the machine
        # falls on all of them alike.
        for rnd in range(args.repeats):
            for key, mode, conns, _label, _unit in scenarios:
                for srv in servers:
                    if srv.error:
                        continue
                    if srv.proc is None or srv.proc.poll() is not None:
                        stop_server(srv)
                        if srv.starts > 3 or not start_server(srv, pinning):
                            srv.error = srv.error or "server keeps dying"
                            continue
                    res = run_loadgen(srv, mode, conns, args, pinning)
                    res["round"] = rnd
                    srv.runs.setdefault(key, []).append(res)
                    if res.get("error"):
                        log(f"bench: round {rnd + 1} {key} {srv.name}: {res['error']}")
                    else:
                        c = res.get("server_cpu_s")
                        log(f"bench: round {rnd + 1} {key} {srv.name}: "
                            f"{res['ops_per_s']:,.0f} ops/s, p50 {res['p50_us']} µs, cpu "
                            + (f"{c / res['ops'] * 1e6:.2f} µs/op" if c is not None else "?"))
    finally:
        for srv in servers:
            stop_server(srv)
    info["loadavg_end"] = os.getloadavg()
    write_results(servers, info, args, pinning)
    return 0


if __name__ == "__main__":
    sys.exit(main())
