"""Argument checks that throw Node's errors (``lib/internal/validators.js``).

Python's ``bool`` is an ``int``; Node's booleans are not numbers, so every numeric
check here rejects ``True``/``False`` first, as Node would.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping
from typing import Any

from .errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_OUT_OF_RANGE,
    ERR_SOCKET_BAD_PORT,
)

_JS_WS = " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008" \
         "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_DECIMAL = re.compile(r"[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)\Z")
_RADIX = {"0x": 16, "0X": 16, "0o": 8, "0O": 8, "0b": 2, "0B": 2}


def is_number(value: Any) -> bool:
    """``typeof value === 'number'``."""
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def js_truthy(value: Any) -> bool:
    """JavaScript truthiness: only ``None``, ``False``, ``0``, ``NaN`` and ``''`` are falsy
    (an empty dict or list is truthy, as an object or array is)."""
    if value is None or value is False or value == "":
        return False
    if isinstance(value, (int, float)):
        return value == value and value != 0
    return True


def is_object(value: Any) -> bool:
    """``typeof value === 'object' && value !== null`` for a port's values: anything but
    ``None``, a bool, a number, a string or a function (a dict, a list, a Buffer ...)."""
    return value is not None and not isinstance(value, (bool, int, float, str)) \
        and not callable(value)


def js_spread(value: Any) -> dict[str, Any]:
    """JavaScript's ``{...value}`` for an options argument: a dict's (a mapping's) items;
    nothing from any other value (a string, a Buffer, a number or ``true`` gives ``{}``:
    their indexed properties are no option)."""
    if type(value) is dict:  # the common case, without the ABC's isinstance
        return value.copy()
    if isinstance(value, Mapping):
        return dict(value)
    return {}


def js_number(value: Any) -> float:
    """JavaScript's ``Number(value)`` for the values a port can be (numbers, strings, bools)."""
    if isinstance(value, bool):
        return 1.0 if value else 0.0
    if isinstance(value, (int, float)):
        return float(value)
    if value is None:
        return 0.0
    if isinstance(value, str):
        s = value.strip(_JS_WS)
        if s == "":
            return 0.0
        if s in ("Infinity", "+Infinity"):
            return math.inf
        if s == "-Infinity":
            return -math.inf
        if s[:2] in _RADIX:
            try:
                return float(int(s[2:], _RADIX[s[:2]]))
            except ValueError:
                return math.nan
        if _DECIMAL.match(s):
            return float(s)
    return math.nan


def toInt32(value: Any) -> int:
    """JavaScript's ``ToInt32`` of a number (what V8's ``Int32Value`` gives the bindings):
    truncated, wrapped to 32 bits; NaN, infinities and non-numbers are 0."""
    if not is_number(value) or not math.isfinite(value):
        return 0
    n = int(value) & 0xFFFFFFFF
    return n - 0x100000000 if n >= 0x80000000 else n


def validatePort(port: Any, name: str = "Port", allowZero: bool = True) -> int:
    """Node's ``validatePort``: an integer 0..65535, given as a number or numeric string."""
    if not (is_number(port) or isinstance(port, str)):
        raise ERR_SOCKET_BAD_PORT(name, port, allowZero)
    if isinstance(port, str) and port.strip(_JS_WS) == "":
        raise ERR_SOCKET_BAD_PORT(name, port, allowZero)
    n = js_number(port)
    if not (math.isfinite(n) and n == int(n) and 0 <= n <= 0xFFFF) or (n == 0 and not allowZero):
        raise ERR_SOCKET_BAD_PORT(name, port, allowZero)
    return int(n)


def validateFunction(value: Any, name: str) -> None:
    if not callable(value):
        raise ERR_INVALID_ARG_TYPE(name, "function", value)


def validateString(value: Any, name: str) -> None:
    if not isinstance(value, str):
        raise ERR_INVALID_ARG_TYPE(name, "string", value)


def validateBoolean(value: Any, name: str) -> None:
    if not isinstance(value, bool):
        raise ERR_INVALID_ARG_TYPE(name, "boolean", value)


def validateObject(value: Any, name: str, nullable: bool = False) -> None:
    if value is None and nullable:
        return
    if not isinstance(value, dict):
        raise ERR_INVALID_ARG_TYPE(name, "object", value)


def validateNumber(value: Any, name: str, min: float | None = None,
                   max: float | None = None) -> None:
    if not is_number(value):
        raise ERR_INVALID_ARG_TYPE(name, "number", value)
    if (min is not None and value < min) or (max is not None and value > max) or (
            (min is not None or max is not None) and math.isnan(value)):
        if min is not None and max is not None:
            rng = f">= {min} && <= {max}"
        elif min is not None:
            rng = f">= {min}"
        else:
            rng = f"<= {max}"
        raise ERR_OUT_OF_RANGE(name, rng, value)


def validateInteger(value: Any, name: str, min: int = -(2**53 - 1),
                    max: int = 2**53 - 1) -> None:
    if not is_number(value):
        raise ERR_INVALID_ARG_TYPE(name, "number", value)
    if value != value or value in (math.inf, -math.inf) or int(value) != value:
        raise ERR_OUT_OF_RANGE(name, "an integer", value)
    if value < min or value > max:
        raise ERR_OUT_OF_RANGE(name, f">= {min} && <= {max}", value)


def validateInt32(value: Any, name: str, min: int = -2147483648, max: int = 2147483647) -> None:
    validateInteger(value, name, min, max)


def validateUint32(value: Any, name: str, positive: bool = False) -> None:
    validateInteger(value, name, 1 if positive else 0, 4294967295)


def validateOneOf(value: Any, name: str, choices: tuple[Any, ...]) -> None:
    if value not in choices:
        allowed = ", ".join(repr(c) for c in choices)
        raise ERR_INVALID_ARG_VALUE(name, value, f"must be one of: {allowed}")


def validateAbortSignal(signal: Any, name: str) -> None:
    """Node's ``validateAbortSignal``: ``None`` (undefined) or an object with ``aborted``."""
    if signal is not None and (isinstance(signal, (bool, int, float, str, dict))
                               or not hasattr(signal, "aborted")):
        raise ERR_INVALID_ARG_TYPE(name, "AbortSignal", signal)
