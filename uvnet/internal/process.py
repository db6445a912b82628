"""Node's process model on the default pyuv loop.

* :func:`makeCallback` wraps every callback handed to libuv, as Node's
  ``MakeCallback``/``InternalCallbackScope`` does: it runs the callback, then drains
  the next-tick queue before control returns to libuv.
* An exception escaping a callback is what would crash a Node process. pyuv would
  hand it to ``loop.excepthook`` and carry on; uvnet records it, stops the loop, and
  :func:`run` raises it unchanged. Nothing queued is dropped, so calling :func:`run`
  again carries on as Node does with an ``'uncaughtException'`` handler.
"""

from __future__ import annotations

from collections import deque
from typing import Any, Callable

import pyuv

from .task_queues import _queue, processTicks

loop: pyuv.Loop = pyuv.Loop.default_loop()
_uncaught: deque[BaseException] = deque()


def _record(exc: BaseException) -> None:
    _uncaught.append(exc)
    loop.stop()


def _excepthook(typ: type[BaseException], value: BaseException, tb: Any) -> None:
    _record(value)


loop.excepthook = _excepthook


def makeCallback(fn: Callable[..., Any]) -> Callable[..., None]:
    """Wrap ``fn`` for libuv: run it, drain the tick queue, and keep any exception for run()."""

    def scope(*args: Any) -> None:
        try:
            fn(*args)
            if _queue:
                processTicks()
        except BaseException as exc:  # noqa: BLE001 - re-raised by run()
            _record(exc)

    return scope


def run() -> None:
    """Run until no referenced handle or request is left, as a Node process would.

    First drains the next-tick queue, then runs the libuv loop. An exception raised by a
    callback or listener propagates out of ``run()`` unchanged; calling ``run()`` again
    carries on with whatever was queued.
    """
    if _uncaught:
        raise _uncaught.popleft()
    processTicks()
    while True:
        loop.run(pyuv.UV_RUN_DEFAULT)
        if _uncaught:
            raise _uncaught.popleft()
        if not _queue:
            return
        processTicks()
