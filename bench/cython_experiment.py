"""Issue #14 item 3, the Cython `.pxd` accelerator, as an experiment (not in the package):
`python bench/cython_experiment.py` (needs `pip install cython` and valgrind).

It copies the working tree's `uvnet/` (with its built pyuv) into a temporary directory,
writes a `.pxd` beside `internal/streams/writable.py` declaring `WritableState` a `cdef
class` with typed fields and the per-write functions (`writeOrBuffer`, `onwrite`,
`afterWrite`, ...) with a typed `state`, compiles that `.py` with Cython there (the `.py`
stays the only source), and counts, under callgrind, the instructions per small write
(`bench/small_writes/writes.py`), per ping-pong round trip and per connection of churn
(bench/instructions.py's scenarios, the `'data'` echo server), with the pure and with the
compiled copy in the same run. Prints one JSON line.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import textwrap

BENCH = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(BENCH)

# The WritableState fields (writable.py's __slots__) with the C type each gets: a flag that
# is only ever True/False is a bint, a count an int-sized C integer, the rest objects.
_BINT = ("objectMode finalCalled needDrain ending ended finished destroyed decodeStrings "
         "writing sync bufferProcessing allBuffers allNoop constructed prefinished "
         "errorEmitted emitClose autoDestroy closed closeEmitted expectWriteCb "
         "afterWritePending").split()
_SSIZE = "highWaterMark length corked writelen bufferedIndex pendingcb".split()
_OBJECT = ("defaultEncoding onwrite writecb afterWriteTickInfo buffered errored writable "
           "onFinished").split()

WRITABLE_PXD = """\
cimport cython

cdef class WritableState:
    cdef public bint {bint}
    cdef public Py_ssize_t {ssize}
    cdef public object {obj}
    cdef object __weakref__

@cython.locals(state=WritableState, length=Py_ssize_t)
cpdef bint writeOrBuffer(object stream, WritableState state, object chunk, object encoding,
                         object callback)
cpdef bint writeResult(WritableState state)
@cython.locals(state=WritableState, sync=bint)
cpdef onwrite(object stream, object er=*)
cpdef afterWrite(object stream, WritableState state, Py_ssize_t count, object cb)
cpdef afterWriteTick(object stream, WritableState state, Py_ssize_t count, object cb)
cpdef bint needFinish(WritableState state)
cpdef finishMaybe(object stream, WritableState state, bint sync=*)
"""


def prepare(tmp: str) -> str:
    """The compiled copy of uvnet in `tmp`; returns its PYTHONPATH entry."""
    dst = os.path.join(tmp, "compiled")
    shutil.copytree(os.path.join(ROOT, "uvnet"), os.path.join(dst, "uvnet"),
                    ignore=shutil.ignore_patterns("__pycache__"))
    # The echo servers import uvnet from the tree they are in (bench/servers/../..).
    shutil.copytree(os.path.join(BENCH, "servers"), os.path.join(dst, "bench", "servers"),
                    ignore=shutil.ignore_patterns("__pycache__"))
    mod = os.path.join(dst, "uvnet", "internal", "streams", "writable.py")
    src = open(mod).read()
    # A cdef class has its fields from the .pxd, not __slots__; `*_` varargs do not go
    # with cpdef: the one source change the experiment makes (in the copy).
    src = re.sub(r"\n    __slots__ = \(\n        \"objectMode\".*?\n    \)\n", "\n", src,
                 count=1, flags=re.S)
    src = src.replace("def onwrite(stream: Any, er: Any = None, *_: Any) -> None:",
                      "def onwrite(stream: Any, er: Any = None) -> None:")
    open(mod, "w").write(src)
    open(mod[:-3] + ".pxd", "w").write(WRITABLE_PXD.format(
        bint=", ".join(_BINT), ssize=", ".join(_SSIZE), obj=", ".join(_OBJECT)))
    setup = os.path.join(dst, "setup_exp.py")
    open(setup, "w").write(textwrap.dedent("""\
        from setuptools import Extension, setup
        from Cython.Build import cythonize
        ext = Extension("uvnet.internal.streams.writable",
                        ["uvnet/internal/streams/writable.py"])
        setup(ext_modules=cythonize([ext],
                                    compiler_directives={"language_level": 3,
                                                         "annotation_typing": False,
                                                         "binding": True}))
        """))
    subprocess.run([sys.executable, setup, "build_ext", "--inplace", "-q"], cwd=dst,
                   check=True, capture_output=True)
    os.remove(mod)  # the compiled module is what is imported
    return dst


def instructions(path: str, n: int) -> int:
    env = dict(os.environ, PYTHONPATH=path, PYTHONDONTWRITEBYTECODE="1")
    r = subprocess.run(["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null",
                        sys.executable, os.path.join(BENCH, "small_writes", "writes.py"),
                        str(n), "flow"], capture_output=True, text=True, env=env,
                       timeout=1800, cwd=path)
    m = re.search(r"Collected : (\d+)", r.stderr)
    if r.returncode or not m:
        raise RuntimeError(r.stderr[-800:])
    return int(m.group(1))


def per_op(path: str, scenario: str, server: str) -> int:
    """bench/instructions.py's count for `scenario`, with the echo server of tree `path`."""
    sys.path.insert(0, BENCH)
    import instructions as ins

    ins.SERVERS_DIR = os.path.join(path, "bench", "servers")
    ins.ROOT = path
    _key, mode, conns, n1, n2, _label = next(s for s in ins.SCENARIOS if s[0] == scenario)
    i1, o1 = ins.count(server, mode, conns, n1)
    i2, o2 = ins.count(server, mode, conns, n2)
    return round((i2 - i1) / (o2 - o1))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--n1", type=int, default=2000)
    ap.add_argument("--n2", type=int, default=12000)
    ap.add_argument("--server", default="uvnet_data", help="echo server (uvnet_data)")
    args = ap.parse_args()
    out: dict[str, dict[str, int]] = {}
    with tempfile.TemporaryDirectory(prefix="uvnet-cython-") as tmp:
        compiled = prepare(tmp)
        for name, path in (("pure", ROOT), ("compiled", compiled)):
            out[name] = {
                "small_write": round((instructions(path, args.n2) - instructions(path, args.n1))
                                     / (args.n2 - args.n1)),
                "pingpong_round_trip": per_op(path, "pingpong-50", args.server),
                "churn_connection": per_op(path, "churn-20", args.server),
            }
    print(json.dumps({"instructions_per_op": out}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
