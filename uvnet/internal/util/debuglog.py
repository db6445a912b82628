"""Node's ``debuglog`` (``lib/internal/util/debuglog.js``): ``NODE_DEBUG`` sections.

``NODE_DEBUG`` is read once, when uvnet is imported, as Node reads it at start-up: a
comma-separated list of section names, case-insensitive, ``*`` matching anything
(``NODE_DEBUG=net,stream``, ``NODE_DEBUG=*``). An enabled section's logger writes
``SECTION PID: message`` to stderr, the message made by ``util.format``.

uvnet's own modules test a module-level flag made by :func:`enabled` before they build a
message (``if _debugNet: debugNet('afterConnect')``), so a section that is off costs one
global lookup and no call.
"""

from __future__ import annotations

import os
import re
import sys
from typing import Any, Callable

__all__ = ["debuglog", "enabled", "initializeDebugEnv"]

DebugLogger = Callable[..., None]

_testEnabled: Callable[[str], bool] = lambda section: False  # noqa: E731
_debugImpls: dict[str, DebugLogger] = {}


def initializeDebugEnv(debugEnv: str | None) -> None:
    """Node's ``initializeDebugEnv``: compile ``NODE_DEBUG`` into the section test."""
    global _testEnabled
    _debugImpls.clear()
    if debugEnv:
        parts = [re.escape(p.strip()).replace(r"\*", ".*") for p in debugEnv.split(",")]
        pattern = re.compile(f"^(?:{'|'.join(parts)})$", re.IGNORECASE)
        _testEnabled = lambda section: pattern.match(section) is not None  # noqa: E731
    else:
        _testEnabled = lambda section: False  # noqa: E731


def enabled(section: str) -> bool:
    """Whether ``NODE_DEBUG`` names ``section``."""
    return _testEnabled(section)


def _noop(*args: Any) -> None:
    pass


def _impl(section: str) -> DebugLogger:
    found = _debugImpls.get(section)
    if found is None:
        if _testEnabled(section):
            from .inspect import format  # noqa: PLC0415  (inspect is loaded lazily)
            pid = os.getpid()

            def debug(*args: Any) -> None:
                sys.stderr.write(f"{section} {pid}: {format(*args)}\n")
                sys.stderr.flush()

            found = debug
        else:
            found = _noop
        _debugImpls[section] = found
    return found


class _DebugLog:
    """What ``util.debuglog(section)`` returns: a function, plus ``enabled``."""

    def __init__(self, section: str, cb: Callable[[DebugLogger], None] | None) -> None:
        self._section = section.upper()
        self._cb = cb
        self._fn: DebugLogger | None = None

    def __call__(self, *args: Any) -> None:
        fn = self._fn
        if fn is None:
            fn = self._fn = _impl(self._section)
            if self._cb is not None:
                self._cb(fn)
        fn(*args)

    @property
    def enabled(self) -> bool:
        return _testEnabled(self._section)


def debuglog(section: str, cb: Callable[[DebugLogger], None] | None = None) -> Any:
    """Node's ``util.debuglog(section[, callback])``: a function that writes
    ``SECTION PID: <util.format(...)>`` to stderr when ``NODE_DEBUG`` names ``section``,
    and does nothing otherwise; its ``enabled`` property says which. ``callback`` gets the
    real logger the first time it is called (Node's way of replacing the lazy one)."""
    return _DebugLog(section, cb)


initializeDebugEnv(os.environ.get("NODE_DEBUG"))
