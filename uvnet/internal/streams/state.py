"""High-water marks (Node's ``lib/internal/streams/state.js``)."""

from __future__ import annotations

import math
from typing import Any

from ..errors import ERR_INVALID_ARG_VALUE
from ..validators import is_number, validateInteger

_default_hwm_bytes = 16 * 1024
_default_hwm_object_mode = 16


def getDefaultHighWaterMark(objectMode: bool = False) -> int:
    """The ``highWaterMark`` of a new stream that sets none (Node's
    ``stream.getDefaultHighWaterMark(objectMode)``): 16 KiB for byte streams, 16 values in
    object mode, as in Node 20, unless changed by :func:`setDefaultHighWaterMark`."""
    return _default_hwm_object_mode if objectMode else _default_hwm_bytes


def setDefaultHighWaterMark(objectMode: bool, value: int) -> None:
    """Set the default ``highWaterMark`` of new byte streams, or of new object-mode
    streams with ``objectMode`` ``True`` (Node's ``stream.setDefaultHighWaterMark()``).
    Raises ``ERR_INVALID_ARG_TYPE`` / ``ERR_OUT_OF_RANGE`` unless ``value`` is an integer
    >= 0."""
    global _default_hwm_bytes, _default_hwm_object_mode
    validateInteger(value, "value", 0)
    if objectMode:
        _default_hwm_object_mode = value
    else:
        _default_hwm_bytes = value


def getHighWaterMark(state: Any, options: dict[str, Any] | None, duplexKey: str,
                     isDuplex: bool) -> int:
    """The validated ``highWaterMark`` option (or the Duplex side's), else the default.

    The common cases (no option, or a non-negative ``int``) take no further call: every
    stream and socket constructor comes through here.
    """
    hwm = None
    if options is not None:
        hwm = options.get("highWaterMark")
        if hwm is None and isDuplex:
            hwm = options.get(duplexKey)
    if hwm is None:
        return _default_hwm_object_mode if state.objectMode else _default_hwm_bytes
    if type(hwm) is int and hwm >= 0:
        return hwm
    if (not is_number(hwm) or not math.isfinite(hwm) or int(hwm) != hwm) or hwm < 0:
        name = f"options.{duplexKey}" if isDuplex else "options.highWaterMark"
        raise ERR_INVALID_ARG_VALUE(name, hwm)
    return int(hwm)
