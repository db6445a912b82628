"""Node's global ``console`` (``lib/internal/console/global.js``): ``uvnet.console.log``
and the other methods of one :class:`Console` writing to ``sys.stdout``/``sys.stderr``.

``console.assert`` is ``assert_`` (a Python keyword takes a trailing ``_``, API.md).
``Console`` makes another console on other streams, as ``new console.Console(...)``.
"""

from __future__ import annotations

from .internal.console.constructor import Console

__all__ = [
    "Console", "assert_", "count", "countReset", "debug", "dir", "dirxml", "error", "group",
    "groupCollapsed", "groupEnd", "info", "log", "table", "time", "timeEnd", "timeLog",
    "trace", "warn",
]

_globalConsole = Console()

log = _globalConsole.log
info = _globalConsole.info
debug = _globalConsole.debug
dirxml = _globalConsole.dirxml
warn = _globalConsole.warn
error = _globalConsole.error
dir = _globalConsole.dir
trace = _globalConsole.trace
assert_ = _globalConsole.assert_
count = _globalConsole.count
countReset = _globalConsole.countReset
group = _globalConsole.group
groupCollapsed = _globalConsole.groupCollapsed
groupEnd = _globalConsole.groupEnd
time = _globalConsole.time
timeEnd = _globalConsole.timeEnd
timeLog = _globalConsole.timeLog
table = _globalConsole.table
