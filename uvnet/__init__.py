"""uvnet: Node.js's ``net`` module (and the ``events``, timers and streams it stands on) for
Python, on pyuv's libuv handles. The contract is ``API.md``; Node v20 is the reference."""

from __future__ import annotations

from . import stream  # noqa: F401  (loads uvnet.stream, as API.md says)
from .abort_controller import AbortController, AbortSignal
from .events import EventEmitter, MaxListenersExceededWarning, errorMonitor
from .internal.errors import AbortError, AggregateError, NodeError, UVException
from .internal.process import run
from .internal.promise import Promise
from .internal.task_queues import nextTick, queueMicrotask
from .net import *  # noqa: F403  (the net API at the top level, as API.md says)
from .net import __all__ as _net_all
from .process import process
from .timers import (
    clearImmediate,
    clearInterval,
    clearTimeout,
    setImmediate,
    setInterval,
    setTimeout,
)

__version__ = "0.1.0"

__all__ = [
    "AbortController",
    "AbortError",
    "AbortSignal",
    "AggregateError",
    "EventEmitter",
    "MaxListenersExceededWarning",
    "NodeError",
    "Promise",
    "UVException",
    "clearImmediate",
    "clearInterval",
    "clearTimeout",
    "errorMonitor",
    "nextTick",
    "queueMicrotask",
    "process",
    "run",
    "setImmediate",
    "setInterval",
    "setTimeout",
]
__all__ += _net_all
