"""Node's ``Console`` (``lib/internal/console/constructor.js``).

Each method formats as Node's does (``util.formatWithOptions``), indents by the current
``group()`` depth, and writes one ``write()`` per call: ``log``/``info``/``debug``/
``dir``/``dirxml``/``count``/``time*``/``group`` to stdout, ``warn``/``error``/``trace``/
``assert_`` to stderr. A Python file (``sys.stdout``) is flushed after each write, so the
lines come out in the order they were made, as Node's synchronous writes do, and in
order with ``print()`` (which writes into the same ``sys.stdout``). The global console
looks ``sys.stdout``/``sys.stderr`` up at each call, so redirecting them redirects it.
"""

from __future__ import annotations

import math
import sys
import time
import warnings
from typing import Any

from ..util.inspect import captureStack, formatWithOptions, inspect

__all__ = ["Console"]

_kSecond = 1000.0
_kMinute = 60 * _kSecond
_kHour = 60 * _kMinute


def _toFixed(x: float, digits: int) -> str:
    return f"{x:.{digits}f}"


def formatTime(ms: float) -> str:
    """Node's ``formatTime``: ``1.234ms``, ``1.500s``, ``1:02.345 (m:ss.mmm)``."""
    hours = minutes = 0
    seconds = 0.0
    if ms >= _kSecond:
        if ms >= _kMinute:
            if ms >= _kHour:
                hours = math.floor(ms / _kHour)
                ms = ms % _kHour
            minutes = math.floor(ms / _kMinute)
            ms = ms % _kMinute
        seconds = ms / _kSecond
    if hours != 0 or minutes != 0:
        sec, milli = _toFixed(seconds, 3).split(".")
        res = f"{hours}:{minutes:02d}" if hours != 0 else f"{minutes}"
        return f"{res}:{sec.zfill(2)}.{milli} ({'h:m' if hours != 0 else ''}m:ss.mmm)"
    if seconds != 0:
        return f"{_toFixed(seconds, 3)}s"
    from ..util.inspect import numberToString  # noqa: PLC0415
    return f"{numberToString(float(_toFixed(ms, 3)))}ms"


def _jsTruthy(value: Any) -> bool:
    """JavaScript's truthiness: only ``false``, ``0``, ``NaN``, ``''`` and ``None`` are
    falsy (an empty list or dict is an object, so truthy)."""
    if value is None or value is False:
        return False
    if isinstance(value, (int, float)):
        return value == value and value != 0
    if isinstance(value, str):
        return value != ""
    return True


def _label(label: Any) -> str:
    from ..util.inspect import _jsString  # noqa: PLC0415
    return "default" if label is None else _jsString(label)



def _flushFile(stream: Any) -> None:
    """Flush a Python file (``sys.stdout`` ...); a uvnet stream given as the console's
    output is a Writable, which writes on its own."""
    flush = getattr(stream, "flush", None)
    if flush is not None and not hasattr(stream, "_writableState"):
        flush()

class Console:
    """Node's ``new Console(stdout[, stderr][, ignoreErrors])`` or
    ``new Console({'stdout': ..., 'stderr': ..., 'inspectOptions': ...,
    'groupIndentation': 2})``: streams are Python text files or uvnet Writables."""

    def __init__(self, stdout: Any = None, stderr: Any = None, ignoreErrors: bool = True,
                 **options: Any) -> None:
        if isinstance(stdout, dict):
            options = {**stdout, **options}
            stdout = options.get("stdout")
            stderr = options.get("stderr")
        self._stdout = stdout
        self._stderr = stderr if stderr is not None else stdout
        self._inspectOptions: dict[str, Any] = dict(options.get("inspectOptions") or {})
        self._groupIndentation = int(options.get("groupIndentation", 2))
        self._groupIndent = ""
        self._counts: dict[str, int] = {}
        self._times: dict[str, float] = {}

    # --- writing -----------------------------------------------------------------------

    def _stream(self, useStdout: bool) -> Any:
        stream = self._stdout if useStdout else self._stderr
        if stream is None:  # the global console: whatever sys.stdout/stderr is now
            stream = sys.stdout if useStdout else sys.stderr
        return stream

    def _writeToConsole(self, useStdout: bool, string: str) -> None:
        if self._groupIndent:
            if "\n" in string:
                string = string.replace("\n", "\n" + self._groupIndent)
            string = self._groupIndent + string
        stream = self._stream(useStdout)
        # What print() left in the other stream's buffer was written first: it goes out
        # first, as Node's synchronous writes to one pipe keep their order.
        _flushFile(self._stream(not useStdout))
        stream.write(string + "\n")
        _flushFile(stream)

    def _format(self, args: tuple[Any, ...]) -> str:
        return formatWithOptions(self._inspectOptions, *args)

    # --- Node's methods ----------------------------------------------------------------

    def log(self, *args: Any) -> None:
        """``console.log(...)``: ``util.format(...)`` and a newline to stdout."""
        self._writeToConsole(True, self._format(args))

    info = log
    debug = log
    dirxml = log

    def warn(self, *args: Any) -> None:
        """``console.warn(...)``: as ``log``, to stderr."""
        self._writeToConsole(False, self._format(args))

    error = warn

    def dir(self, obj: Any = None, options: dict[str, Any] | None = None) -> None:
        """``console.dir(obj[, options])``: ``util.inspect(obj, options)`` (no custom
        inspect methods) to stdout."""
        opts = {"customInspect": False, **self._inspectOptions, **(options or {})}
        self._writeToConsole(True, inspect(obj, opts))

    def trace(self, *args: Any) -> None:
        """``console.trace(...)``: ``Trace: <message>`` and the caller's stack to stderr."""
        message = self._format(args)
        header = f"Trace: {message}" if message else "Trace"
        frames = captureStack(1)
        lines = [f"    at {loc}" if name == "<module>" else f"    at {name} ({loc})"
                 for loc, name in ((f"{fn}:{ln}", name) for fn, ln, name in frames)]
        self._writeToConsole(False, "\n".join([header] + lines))

    def assert_(self, expression: Any = None, *args: Any) -> None:
        """``console.assert(value, ...message)``: when ``value`` is falsy as in JS
        (``False``, ``0``, ``''``, ``NaN``, ``None``), ``Assertion failed[: message]`` to
        stderr; nothing otherwise (no exception, as in Node)."""
        if not _jsTruthy(expression):
            if args:
                from ..util.inspect import _jsString  # noqa: PLC0415
                first = args[0]
                head = f"Assertion failed: {first if isinstance(first, str) else _jsString(first)}"
                self.warn(head, *args[1:])
            else:
                self.warn("Assertion failed")

    def count(self, label: Any = None) -> None:
        """``console.count([label])``: ``label: n`` to stdout, n counting the calls."""
        key = _label(label)
        n = self._counts.get(key, 0) + 1
        self._counts[key] = n
        self.log(f"{key}: {n}")

    def countReset(self, label: Any = None) -> None:
        """``console.countReset([label])``: the next ``count(label)`` starts again at 1; a
        label never counted gives the warning ``Count for 'label' does not exist``."""
        key = _label(label)
        if key not in self._counts:
            warnings.warn(f"Count for '{key}' does not exist", RuntimeWarning, stacklevel=2)
            return
        del self._counts[key]

    def group(self, *data: Any) -> None:
        """``console.group(...label)``: logs the label, if any, then indents what follows
        by ``groupIndentation`` (2) spaces until ``groupEnd()``."""
        if data:
            self.log(*data)
        self._groupIndent += " " * self._groupIndentation

    groupCollapsed = group

    def groupEnd(self) -> None:
        """``console.groupEnd()``: ends the innermost ``group()``'s indentation."""
        self._groupIndent = self._groupIndent[:len(self._groupIndent)
                                              - self._groupIndentation]

    def time(self, label: Any = None) -> None:
        """``console.time([label])``: starts a timer for ``timeEnd``/``timeLog``."""
        key = _label(label)
        if key in self._times:
            warnings.warn(f"Label '{key}' already exists for console.time()",
                          RuntimeWarning, stacklevel=2)
            return
        self._times[key] = time.perf_counter()

    def _timeLogImpl(self, name: str, label: Any, data: tuple[Any, ...] = ()) -> bool:
        key = _label(label)
        start = self._times.get(key)
        if start is None:
            warnings.warn(f"No such label '{key}' for console.{name}()", RuntimeWarning,
                          stacklevel=3)
            return False
        formatted = formatTime((time.perf_counter() - start) * 1000)
        if data:
            self.log(f"{key}: {formatted}", *data)
        else:
            self.log(f"{key}: {formatted}")
        return True

    def timeEnd(self, label: Any = None) -> None:
        """``console.timeEnd([label])``: ``label: 1.234ms`` to stdout; ends the timer."""
        if self._timeLogImpl("timeEnd", label):
            del self._times[_label(label)]

    def timeLog(self, label: Any = None, *data: Any) -> None:
        """``console.timeLog([label][, ...data])``: as ``timeEnd``, the timer goes on."""
        self._timeLogImpl("timeLog", label, data)

    def table(self, tabularData: Any = None, properties: list[str] | None = None) -> None:
        """``console.table(data[, properties])``: Node's box-drawn table of a list or dict
        of rows (a row that is not a dict or list goes in the ``Values`` column)."""
        from .table import renderTable  # noqa: PLC0415
        if not isinstance(tabularData, (list, tuple, dict)):
            self.log(tabularData)
            return
        self._writeToConsole(True, renderTable(tabularData, properties, self._inspectOptions))
