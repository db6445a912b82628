"""uvnet: Node.js's ``net`` module (and the ``events``, timers and streams it stands on) for
Python, on pyuv's libuv handles, with Node v20's names, events, event order and errors.

``uvnet.createServer``, ``uvnet.connect``, ``uvnet.Socket`` ... are Node's ``net`` API;
``uvnet.run()`` runs the event loop, as a Node process does after its main module. The
docs site (``make docs``) has a getting-started page, the porting guide and the API
reference."""

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
