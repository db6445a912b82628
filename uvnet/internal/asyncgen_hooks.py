"""Leaving an ``async for`` early closes the async generator, as JS's ``for await`` calls
``return()`` on its iterator.

Python's ``break`` out of ``async for`` only drops the generator; closing it is left to
the finalizer hook of :func:`sys.set_asyncgen_hooks`, which asyncio installs while its
loop runs. uvnet installs its own at import (unless hooks are already installed, e.g. by
a running asyncio loop): when an async generator that was iterated is dropped unfinished,
its ``aclose()`` is started at once on uvnet's loop, so its ``finally`` blocks (a stream's
iterator destroys the stream there) run before the statement after the loop, as the
awaited ``return()`` has run them in JS. A generator kept in a variable is not dropped by
``break``: call ``await agen.aclose()``, as JS code calls ``return()``.
"""

from __future__ import annotations

import gc
import sys
from collections.abc import AsyncGenerator
from typing import Any

from .promise import startCoroutine


async def _aclose(agen: AsyncGenerator[Any, Any]) -> None:
    await agen.aclose()


_collecting = False


def _gc_phase(phase: str, info: dict[str, int]) -> None:
    global _collecting
    _collecting = phase == "start"


gc.callbacks.append(_gc_phase)


def _finalizer(agen: AsyncGenerator[Any, Any]) -> None:
    if _collecting:
        # Part of a garbage cycle (an iteration suspended on a Promise that can no longer
        # settle): JS collects it without running anything, and so does uvnet.
        return
    # A failure in the generator's finally is a rejection of this Promise: an unhandled
    # rejection, as the rejected return() of an abandoned iterator is in Node.
    startCoroutine(_aclose(agen))


def install() -> None:
    """Install uvnet's async-generator hooks if no others are installed."""
    firstiter, finalizer = sys.get_asyncgen_hooks()
    if firstiter is None and finalizer is None:
        sys.set_asyncgen_hooks(finalizer=_finalizer)


install()
