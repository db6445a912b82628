"""``python -m uvnet.trace.runner prog.py [args...]``: run a Python program as ``python
prog.py args`` would, with every EventEmitter traced (:func:`uvnet.trace.traceAll`) into
the file named by ``UVNET_TRACE_OUT`` (all events if ``UVNET_TRACE_ALL=1``). This is the
Python half of ``python -m uvnet.trace``; trace.js preloaded into node is the other."""

from __future__ import annotations

import os
import runpy
import sys


def main(argv: list[str]) -> None:
    if not argv:
        sys.exit("usage: python -m uvnet.trace.runner prog.py [args...]")
    from . import traceAll

    prog = argv[0]
    out = open(os.environ["UVNET_TRACE_OUT"], "w", encoding="utf-8")  # noqa: SIM115
    traceAll(out, all=os.environ.get("UVNET_TRACE_ALL") == "1")
    sys.argv = list(argv)
    sys.path[0] = os.path.dirname(os.path.abspath(prog))  # as `python prog.py` sets it
    runpy.run_path(prog, run_name="__main__")


if __name__ == "__main__":
    main(sys.argv[1:])
