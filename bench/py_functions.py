"""Instructions per operation for each Python function of a server, counted by callgrind:
`python3.12 bench/py_functions.py [--server uvnet_data] [--scenario churn-20]`.

Python 3.12's perf trampolines (`PYTHONPERFSUPPORT=1`) give every Python function a small
stub of its own that calls the interpreter, and the interpreter then runs each Python call
through its stub, so that callgrind sees one function per Python function; the
interpreter's own frames are told apart by the stub that called them
(`--separate-callers1=_PyEval_EvalFrameDefault`), and `/tmp/perf-PID.map` names the
stubs. As `instructions.py` does, the server runs twice, with N1 and N2 operations, and
each figure is (X(N2) - X(N1)) / (ops2 - ops1): start-up and imports cancel out.

Per function: `incl`, the instructions of its calls and all they call (a function that
calls itself, as a nested emit does, is counted at each level); `self`, those its own
bytecode took in the interpreter loop (no callee, C or Python); `calls` per operation.
The stubs make calls dearer than in a plain interpreter (3.11 and 3.12 inline Python
calls in the loop), so the sum is higher than `instructions.py`'s figure: compare
functions with each other and a function across changes, not with that figure.

Needs valgrind, and uvnet installed for the running interpreter (>= 3.12), e.g.
`python3.12 -m venv /tmp/v && /tmp/v/bin/pip install -e .` (which builds this work tree's
pyuv for it); the servers import uvnet from this work tree.
"""

from __future__ import annotations

import argparse
import bisect
import collections
import glob
import os
import shutil
import sys

from instructions import under_callgrind
from run import OUT, ROOT, build_loadgen, raise_nofile

# (key, loadgen mode, connections, N1, N2): as instructions.py's, with smaller counts.
SCENARIOS = {
    "churn-20": ("churn", 20, 100, 600),
    "pingpong-50": ("pingpong", 50, 2050, 8050),
}


def log(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def profile(server: str, mode: str, conns: int, n: int) -> tuple[str, str, float]:
    """Run `server` under callgrind for `n` loadgen ops: (callgrind file, perf map, ops)."""
    logs = os.path.join(OUT, "logs")
    os.makedirs(logs, exist_ok=True)
    base = os.path.join(logs, f"pyfn-{server}-{n}")
    env = dict(os.environ, PYTHONPATH=ROOT, PYTHONPERFSUPPORT="1", PYTHONDONTWRITEBYTECODE="1")
    pid, res = under_callgrind(
        server, [f"--callgrind-out-file={base}.cg", "--dump-instr=no", "--compress-strings=no",
                 "--compress-pos=no", "--separate-callers1=_PyEval_EvalFrameDefault"],
        env, base + ".out", base + ".err", [mode, "-c", str(conns), "-w", "0", "-d", "900"], n)
    perf_map = f"/tmp/perf-{pid}.map"  # (valgrind runs the program in its own pid)
    if not os.path.exists(perf_map):
        raise RuntimeError(f"no {perf_map}: is {sys.executable} 3.12 or later?")
    return base + ".cg", perf_map, float(res["ops"])


class Names:
    """The perf map: a stub's address -> ``name:file`` of its Python function."""

    def __init__(self, path: str) -> None:
        rows = []
        with open(path) as f:
            for line in f:
                start, size, name = line.rstrip("\n").split(" ", 2)
                rows.append((int(start, 16), int(size, 16), name.removeprefix("py::")))
        rows.sort()
        self.starts = [r[0] for r in rows]
        self.rows = rows

    def of(self, fn: str) -> str | None:
        """The Python function of a callgrind function name: a stub (``0x...``, with a
        recursion suffix ``'2``), or the interpreter called by one
        (``_PyEval_EvalFrameDefault'...'0x...``)."""
        parts = fn.split("'")
        addr = next((p for p in parts[1:] if p.startswith("0x")), "") \
            if parts[0] == "_PyEval_EvalFrameDefault" else parts[0]
        if not addr.startswith("0x"):
            return None
        a = int(addr, 16)
        i = bisect.bisect_right(self.starts, a) - 1
        if i < 0 or a >= self.rows[i][0] + self.rows[i][1]:
            return None
        return self.rows[i][2].replace(ROOT + os.sep, "")


def totals(cg: str, names: Names) -> dict[str, list[int]]:
    """Per Python function: [inclusive, self, calls] over the whole run."""
    own: collections.Counter[str] = collections.Counter()  # cost lines under a function
    called: collections.Counter[str] = collections.Counter()  # inclusive cost of its calls
    ncalls: collections.Counter[str] = collections.Counter()
    fn = cfn = ""
    in_call = False
    with open(cg) as f:
        for line in f:
            if line.startswith("fn="):
                fn = line[3:].rstrip("\n")
            elif line.startswith("cfn="):
                cfn = line[4:].rstrip("\n")
            elif line.startswith("calls="):
                ncalls[cfn] += int(line[6:].split()[0])
                in_call = True
            elif line[:1].isdigit() or line[:1] in "+-*":
                parts = line.split()
                if len(parts) >= 2:
                    if in_call:
                        called[fn] += int(parts[1])
                        in_call = False
                    else:
                        own[fn] += int(parts[1])
    out: dict[str, list[int]] = collections.defaultdict(lambda: [0, 0, 0])
    for f in set(own) | set(called) | set(ncalls):
        name = names.of(f)
        if name is None:
            continue
        if f.startswith("_PyEval_EvalFrameDefault'"):
            out[name][1] += own[f]
        else:  # the stub: its inclusive cost, and the calls into it
            out[name][0] += own[f] + called[f]
            out[name][2] += ncalls[f]
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--server", default="uvnet_data", help="a server of bench/servers/")
    ap.add_argument("--scenario", default="churn-20", choices=sorted(SCENARIOS))
    ap.add_argument("--top", type=int, default=60, help="functions shown (by incl)")
    args = ap.parse_args(argv)
    if sys.version_info < (3, 12):
        sys.exit("bench: py_functions.py needs Python 3.12 or later (perf trampolines)")
    if not shutil.which("valgrind"):
        sys.exit("bench: valgrind not found (apt-get install valgrind)")
    build_loadgen()
    raise_nofile()
    mode, conns, n1, n2 = SCENARIOS[args.scenario]
    runs = []
    for n in (n1, n2):
        log(f"bench: {args.server} {args.scenario}: callgrind with {n} ops")
        cg, perf_map, ops = profile(args.server, mode, conns, n)
        runs.append((totals(cg, Names(perf_map)), ops))
        os.unlink(perf_map)
        for path in glob.glob(cg + "*"):
            os.unlink(path)
    (t1, ops1), (t2, ops2) = runs
    per = ops2 - ops1
    rows = []
    for name in set(t1) | set(t2):
        a, b = t1.get(name, [0, 0, 0]), t2.get(name, [0, 0, 0])
        calls = (b[2] - a[2]) / per
        if calls >= 0.5:  # the cut: called at least every other operation
            rows.append(((b[0] - a[0]) / per, (b[1] - a[1]) / per, calls, name))
    rows.sort(reverse=True)
    print(f"{args.server} {args.scenario}: instructions per operation, Python "
          f"{sys.version.split()[0]} with perf trampolines")
    print(f"{'incl':>10} {'self':>8} {'calls':>6}  function")
    for incl, self_, calls, name in rows[:args.top]:
        print(f"{incl:10,.0f} {self_:8,.0f} {calls:6.2f}  {name}")
    total = sum(r[1] for r in rows)
    print(f"{'':>10} {total:8,.0f}  self, summed over every function above the cut")
    return 0


if __name__ == "__main__":
    sys.exit(main())
