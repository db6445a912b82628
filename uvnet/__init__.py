"""uvnet: Node.js's ``net`` module (and the ``events``, timers and streams it stands on) for
Python, on pyuv's libuv handles. The contract is ``API.md``; Node v20 is the reference."""

from __future__ import annotations

from . import stream  # noqa: F401  (loads uvnet.stream, as API.md says)
from .abort_controller import AbortController, AbortSignal
from .buffer import Buffer
from .events import EventEmitter, MaxListenersExceededWarning, errorMonitor
from .internal.errors import AbortError, NodeError, UVException
from .internal.process import run
from .internal.task_queues import nextTick
from .net import *  # noqa: F403  (the net API at the top level, as API.md says)
from .net import __all__ as _net_all
from .timers import (
    clearImmediate,
    clearInterval,
    clearTimeout,
    setImmediate,
    setInterval,
    setTimeout,
)

__all__ = [
    "AbortController",
    "AbortError",
    "AbortSignal",
    "Buffer",
    "EventEmitter",
    "MaxListenersExceededWarning",
    "NodeError",
    "UVException",
    "clearImmediate",
    "clearInterval",
    "clearTimeout",
    "errorMonitor",
    "nextTick",
    "run",
    "setImmediate",
    "setInterval",
    "setTimeout",
]
__all__ += _net_all
