"""pyuv 1.4.0 (libuv 1.13), as uvnet's build compiles it: ``from uvnet._vendor import pyuv``.

The same API as the ``pyuv`` package (``pyuv.Loop``, ``pyuv.TCP``, ``pyuv.errno`` ...), with
the fixes in ``patches/``, under uvnet's own name: a separately installed pyuv is neither
needed nor used. The extension ``_cpyuv`` beside this file is made by ``setup.py`` when
uvnet is installed (``pip install .``, or ``pip install -e .[test]`` in a clone).
"""

from __future__ import annotations

import sys

try:
    from ._cpyuv import *  # noqa: F403  (as pyuv's own __init__: everything _cpyuv defines)
except ModuleNotFoundError as exc:
    if exc.name != f"{__name__}._cpyuv":
        raise
    raise ModuleNotFoundError(
        f"{exc.name} is not built for this Python ({sys.version.split()[0]}): this uvnet is a "
        "source tree that was not installed with it. Run `pip install -e .[test]` in a venv "
        "of this Python (CONTRIBUTING.md).",
        name=exc.name,
    ) from None

__version__ = "1.4.0"
