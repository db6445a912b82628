"""Node's ``isDeepStrictEqual`` (``lib/internal/util/comparisons.js``, strict mode).

Two values are deeply strictly equal when they stand for equal JavaScript values of the
same kind: numbers by ``Object.is`` (``NaN`` equals ``NaN``, ``0`` is not ``-0``; ``1``
equals ``1.0``, both numbers; ``True`` is not ``1``), arrays (``list`` and ``tuple``)
element by element, objects (``dict``, or instances of the same class, by ``__dict__``)
with the same keys and deeply equal values, sets with the same members, buffers with the
same bytes, errors with the same name, message and fields. Cycles are followed once.
"""

from __future__ import annotations

import math
from typing import Any

__all__ = ["isDeepStrictEqual"]

_BYTES = (bytes, bytearray, memoryview)


def _kind(v: Any) -> Any:
    if v is None:
        return None
    if isinstance(v, bool):
        return bool
    if isinstance(v, (int, float)):
        return float
    if isinstance(v, str):
        return str
    if isinstance(v, (list, tuple)):
        return list
    if isinstance(v, dict):
        return dict
    if isinstance(v, (set, frozenset)):
        return set
    if isinstance(v, _BYTES):
        return bytes
    return type(v)


def _objectIs(a: float, b: float) -> bool:
    if a != a:
        return b != b
    if a == 0 and b == 0:
        return math.copysign(1, a) == math.copysign(1, b)
    return a == b


def _equal(a: Any, b: Any, memo: set[tuple[int, int]]) -> bool:
    if a is b:
        return True
    kind = _kind(a)
    if kind is not _kind(b):
        return False
    if kind is None or kind is bool or kind is str:
        return bool(a == b)
    if kind is float:
        return _objectIs(a, b)
    if kind is bytes:
        return bytes(a) == bytes(b)
    pair = (id(a), id(b))
    if pair in memo:
        return True
    memo.add(pair)
    if kind is list:
        return len(a) == len(b) and all(_equal(x, y, memo) for x, y in zip(a, b))
    if kind is set:
        if len(a) != len(b):
            return False
        rest = [y for y in b if y not in a]
        return all(any(_equal(x, y, memo) for y in rest) for x in a if x not in b)
    if kind is dict:
        return _sameEntries(a, b, memo)
    if isinstance(a, BaseException) and (str(a) != str(b)):
        return False
    try:
        da, db = vars(a), vars(b)
    except TypeError:
        return bool(a == b)
    return _sameEntries(da, db, memo)


def _sameEntries(a: dict[Any, Any], b: dict[Any, Any], memo: set[tuple[int, int]]) -> bool:
    if len(a) != len(b):
        return False
    for k, v in a.items():
        if k not in b or not _equal(v, b[k], memo):
            return False
    return True


def isDeepStrictEqual(val1: Any, val2: Any) -> bool:
    """Node's ``util.isDeepStrictEqual(val1, val2)``: ``assert.deepStrictEqual``'s test,
    as a boolean."""
    return _equal(val1, val2, set())
