"""High-water marks (Node's ``lib/internal/streams/state.js``)."""

from __future__ import annotations

import math
from typing import Any

from ..errors import ERR_INVALID_ARG_VALUE
from ..validators import is_number, validateInteger

_default_hwm_bytes = 16 * 1024
_default_hwm_object_mode = 16


def highWaterMarkFrom(options: dict[str, Any], isDuplex: bool, duplexKey: str) -> Any:
    hwm = options.get("highWaterMark")
    if hwm is not None:
        return hwm
    return options.get(duplexKey) if isDuplex else None


def getDefaultHighWaterMark(objectMode: bool = False) -> int:
    """16 KiB for byte streams, 16 objects in object mode (both changeable)."""
    return _default_hwm_object_mode if objectMode else _default_hwm_bytes


def setDefaultHighWaterMark(objectMode: bool, value: int) -> None:
    global _default_hwm_bytes, _default_hwm_object_mode
    validateInteger(value, "value", 0)
    if objectMode:
        _default_hwm_object_mode = value
    else:
        _default_hwm_bytes = value


def getHighWaterMark(state: Any, options: dict[str, Any], duplexKey: str, isDuplex: bool) -> int:
    """The validated ``highWaterMark`` option (or the Duplex side's), else the default."""
    hwm = highWaterMarkFrom(options, isDuplex, duplexKey)
    if hwm is not None:
        if (not is_number(hwm) or not math.isfinite(hwm) or int(hwm) != hwm) or hwm < 0:
            name = f"options.{duplexKey}" if isDuplex else "options.highWaterMark"
            raise ERR_INVALID_ARG_VALUE(name, hwm)
        return int(hwm)
    return getDefaultHighWaterMark(state.objectMode)
