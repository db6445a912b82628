"""Node's ``util.types`` (``lib/internal/util/types.js``), for the values a port has.

Each check answers for the JavaScript value the Python one stands for: a ``bytes``,
``bytearray``, ``memoryview`` or ``uvnet.Buffer`` is a ``Uint8Array`` (and an
``ArrayBufferView``); a ``set`` a Set; a coroutine function an async function; a
coroutine, ``uvnet.Promise`` or ``asyncio.Future`` a Promise; an exception a native
error.
"""

from __future__ import annotations

import datetime
import re
import sys
from typing import Any


def _pyinspect() -> Any:
    import inspect  # noqa: PLC0415  (loaded when a check first needs it)
    return inspect

__all__ = [
    "isArrayBufferView", "isAsyncFunction", "isBoxedPrimitive", "isDate", "isGeneratorFunction",
    "isGeneratorObject", "isMap", "isNativeError", "isPromise", "isRegExp", "isSet",
    "isTypedArray", "isUint8Array",
]


def isUint8Array(value: Any) -> bool:
    """A ``bytes``, ``bytearray``, ``memoryview`` of bytes, or ``uvnet.Buffer``."""
    if isinstance(value, memoryview):
        return value.format in ("B", "b", "c")
    return isinstance(value, (bytes, bytearray))


def isTypedArray(value: Any) -> bool:
    """Any bytes-like object (a ``memoryview`` of any item type included)."""
    return isinstance(value, (bytes, bytearray, memoryview))


isArrayBufferView = isTypedArray


def isAsyncFunction(value: Any) -> bool:
    """An ``async def`` function (or an async generator function, as in Node)."""
    fn = getattr(value, "__func__", value)
    result: bool = _pyinspect().iscoroutinefunction(fn) or _pyinspect().isasyncgenfunction(fn)
    return result


def isGeneratorFunction(value: Any) -> bool:
    fn = getattr(value, "__func__", value)
    result: bool = _pyinspect().isgeneratorfunction(fn) or _pyinspect().isasyncgenfunction(fn)
    return result


def isGeneratorObject(value: Any) -> bool:
    result: bool = _pyinspect().isgenerator(value) or _pyinspect().isasyncgen(value)
    return result


def isPromise(value: Any) -> bool:
    """A ``uvnet.Promise`` (or anything with ``_getPromiseDetails``), a coroutine or an
    ``asyncio.Future``."""
    from .inspect import _getPromiseDetails  # noqa: PLC0415
    if _getPromiseDetails(value) is not None or _pyinspect().iscoroutine(value):
        return True
    asyncio = sys.modules.get("asyncio")  # (not imported for this test alone)
    return asyncio is not None and isinstance(value, asyncio.Future)


def isNativeError(value: Any) -> bool:
    return isinstance(value, BaseException)


def isSet(value: Any) -> bool:
    return isinstance(value, (set, frozenset))


def isMap(value: Any) -> bool:
    """Always ``False``: a ``dict`` stands for a plain object, not a Map (API.md)."""
    return False


def isDate(value: Any) -> bool:
    return isinstance(value, datetime.datetime)


def isRegExp(value: Any) -> bool:
    return isinstance(value, re.Pattern)


def isBoxedPrimitive(value: Any) -> bool:
    """Always ``False``: Python has no boxed primitives."""
    return False
