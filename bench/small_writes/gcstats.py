"""writes.py's flow under gc.callbacks: what CPython's cyclic GC took (small_writes.py --gc).

Runs ``writes.py N flow`` in this process and prints, as its last line, one JSON object:
per generation, the collections and the seconds they took.
"""

from __future__ import annotations

import gc
import json
import os
import runpy
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
stats = {g: {"collections": 0, "seconds": 0.0} for g in range(3)}
started = [0.0]


def on_gc(phase: str, info: dict[str, int]) -> None:
    if phase == "start":
        started[0] = time.perf_counter()
    else:
        s = stats[info["generation"]]
        s["collections"] += 1
        s["seconds"] += time.perf_counter() - started[0]


gc.callbacks.append(on_gc)
sys.argv = [os.path.join(HERE, "writes.py"), sys.argv[1], "flow"]
runpy.run_path(sys.argv[0], run_name="__main__")
gc.callbacks.remove(on_gc)
print(json.dumps({"gc": stats}))
