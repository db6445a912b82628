"""The stress suite (issue #11): bounded load, fault and fuzz tests, loopback only.

Each test runs its uvnet side in a child process of its own (fresh RSS, fd table and
RLIMIT_NOFILE) and asserts a figure. Sizes: full on one Python (``FULL``: the default
3.11, or ``UVNET_STRESS_FULL=1``), a fraction on the others, so the suite stays well under
a minute per Python in CI. ``UVNET_SOAK=1`` (``make soak``) makes every figure larger.
"""

from __future__ import annotations

import os
import sys

_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)
