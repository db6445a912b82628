"""uvnet: Node.js's ``net`` module (and the ``events``, timers and streams it stands on) for
Python, on pyuv's libuv handles. The contract is ``API.md``; Node v20 is the reference."""

from __future__ import annotations

import sys as _sys

# uvnet.stream, uvnet.events, uvnet.util and uvnet.timers(.promises) are loaded, as API.md
# says; so is the async-generator finalizer that makes ``break`` out of ``async for`` clean up.
# uvnet.console too, as API.md writes uvnet.console.log(...) after `import uvnet`.
from . import console, events, stream, timers, util  # noqa: F401
from .abort_controller import AbortController, AbortSignal
from .buffer import Buffer
from .events import EventEmitter, MaxListenersExceededWarning, errorMonitor
from .internal import asyncgen_hooks as _asyncgen_hooks  # noqa: F401
from .internal import timers_promises as _timers_promises
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

timers.promises = _timers_promises  # type: ignore[attr-defined]
_sys.modules[__name__ + ".timers.promises"] = _timers_promises
# util.promisify(setTimeout) is timers.promises.setTimeout, as in Node.
setattr(setTimeout, util.promisify.custom, _timers_promises.setTimeout)  # type: ignore[attr-defined]
setattr(setImmediate, util.promisify.custom, _timers_promises.setImmediate)  # type: ignore[attr-defined]

__version__ = "0.1.0"

__all__ = [
    "AbortController",
    "AbortError",
    "AbortSignal",
    "AggregateError",
    "Buffer",
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
