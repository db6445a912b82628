"""RSS per idle connection: `python bench/memory.py [--conns 10000] [--only NAME]`.

For each echo server: start it, read its RSS (VmRSS), have `loadgen hold` open N
connections and echo one byte on each (so the server has accepted them and is reading),
let it settle, read the RSS again. Per connection = (RSS with N open - RSS idle) / N.
RLIMIT_NOFILE is raised here, so every server (Node too) inherits it. Writes
bench/memory.md and bench/memory.json.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import time

import run  # bench/run.py: the server list, build and start/stop

NODE, PYUV = run.NODE, run.PYUV


def rss_bytes(pid: int) -> int:
    with open(f"/proc/{pid}/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) * 1024
    raise RuntimeError("no VmRSS")


def measure(srv: run.Server, conns: int, settle: float, pinning: bool) -> dict:
    if not run.start_server(srv, pinning):
        return {"error": srv.error}
    assert srv.proc is not None
    pid = srv.proc.pid
    hold = None
    try:
        time.sleep(settle)
        base = rss_bytes(pid)
        hold = subprocess.Popen(run.pin(1, pinning) + [run.LOADGEN, "hold", str(srv.port),
                                                       "-c", str(conns)],
                                stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True)
        assert hold.stdout is not None and hold.stdin is not None
        line = hold.stdout.readline()
        try:
            res = json.loads(line)
        except json.JSONDecodeError:
            return {"error": "loadgen hold: " + (line.strip() or "no output")}
        if res.get("error"):
            return {"error": "loadgen hold: " + res["error"]}
        time.sleep(settle)
        if srv.proc.poll() is not None:
            return {"error": f"server died (status {srv.proc.returncode})"}
        loaded = rss_bytes(pid)
        held = res["held"]
        return {
            "held": held,
            "connect_errors": res["errors"],
            "connect_seconds": res["seconds"],
            "rss_idle": base,
            "rss_loaded": loaded,
            "bytes_per_conn": (loaded - base) / held if held else None,
        }
    finally:
        if hold is not None:
            try:
                hold.stdin.write("\n")  # type: ignore[union-attr]
                hold.stdin.close()  # type: ignore[union-attr]
            except OSError:
                pass
            try:
                hold.wait(10)
            except subprocess.TimeoutExpired:
                hold.kill()
                hold.wait()
        run.stop_server(srv)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--conns", type=int, default=10000)
    ap.add_argument("--only", action="append", default=[],
                    help="server name(s): " + ", ".join(n for n, _ in run.SERVERS))
    ap.add_argument("--settle", type=float, default=1.0, help="seconds before each reading")
    ap.add_argument("--no-pin", action="store_true")
    ap.add_argument("--no-install", action="store_true")
    ap.add_argument("--out", default=run.BENCH)
    args = ap.parse_args(argv)
    only = {n for o in args.only for n in o.split(",") if n}

    run.build_loadgen()
    run.raise_nofile(max(65536, args.conns * 2 + 1024))
    pinning = not args.no_pin and run.shutil.which("taskset") is not None and {0, 1} <= set(
        os.sched_getaffinity(0))
    info = run.machine_info()
    results: dict[str, dict] = {}
    labels = {}
    for name, label in run.SERVERS:
        if only and name not in only:
            continue
        labels[name] = label
        cmd, why = run.server_command(name, not args.no_install)
        if cmd is None:
            results[name] = {"error": why}
        else:
            results[name] = measure(run.Server(name, label, cmd), args.conns, args.settle,
                                    pinning)
        r = results[name]
        run.log(f"memory: {name}: " + (r["error"] if r.get("error") else
                                       f"{r['bytes_per_conn'] / 1024:.2f} KiB/conn"))

    def per(name):
        return results.get(name, {}).get("bytes_per_conn")

    command = " ".join(["python", "bench/memory.py", *(sys.argv[1:] if argv is None else argv)])
    lines = [
        "# RSS per idle connection (issue #6)",
        "",
        f"Made by `{command}`"
        f" on {time.strftime('%Y-%m-%d %H:%M')}: {info['nproc']} cores ({info['cpu_model']}),"
        f" Python {info['python']}, pyuv {info['pyuv']}, Node {info['node']}.",
        f"{args.conns} connections held open by `loadgen hold` (one 1-byte echo each); "
        "per connection = (VmRSS with them open - VmRSS idle) / connections.",
        "",
        "| echo server | RSS idle (MiB) | RSS with conns (MiB) | per conn (KiB) "
        "| ×Node | ×pyuv | notes |",
        "| --- | ---: | ---: | ---: | ---: | ---: | --- |",
    ]
    for name, r in results.items():
        if r.get("error"):
            lines.append(f"| {labels[name]} | n/a | n/a | n/a | n/a | n/a "
                         f"| {r['error'].replace('|', '/')} |")
            continue
        p = r["bytes_per_conn"]
        note = f"{r['connect_errors']} connect errors" if r["connect_errors"] else ""
        lines.append(
            f"| {labels[name]} | {r['rss_idle'] / 2**20:.1f} | {r['rss_loaded'] / 2**20:.1f} "
            f"| {p / 1024:.2f} | {run.ratio(p, per(NODE))} | {run.ratio(p, per(PYUV))} "
            f"| {note} |")
    md = "\n".join(lines) + "\n"
    with open(os.path.join(args.out, "memory.md"), "w") as f:
        f.write(md)
    with open(os.path.join(args.out, "memory.json"), "w") as f:
        json.dump({"machine": info, "conns": args.conns, "results": results}, f, indent=1)
    print(md)
    return 0


if __name__ == "__main__":
    sys.exit(main())
