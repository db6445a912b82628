"""Helpers for the ported Node ``test-stream*.js`` tests (``tests/test_stream_node_*.py``).

They use the Python stand-in for Node's ``test/common`` that the net tests use
(``tests/node/common.py``: ``mustCall``, ``mustNotCall``, ``expectsError``, ``throws`` ...).
Import the ``node_common`` fixture into a test module: it resets the ``mustCall`` counters
(and any tick or uncaught error a failed test left behind) before each test and, after
the test body -- which ends with ``uvnet.run()`` -- checks them, as Node does at exit.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

import pytest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "node"))

import common  # noqa: E402

from uvnet.internal import process as _process  # noqa: E402
from uvnet.internal import task_queues as _task_queues  # noqa: E402


@pytest.fixture(autouse=True)
def node_common() -> Iterator[None]:
    _task_queues.resetQueues()
    _process._uncaught.clear()
    common.reset()
    yield
    common.verify()


__all__ = ["AbortController", "assertEqual", "assertIs", "common", "node_common"]


class AbortSignal:
    """A minimal DOM-style ``AbortSignal`` for the tests (uvnet.stream duck-types signals)."""

    def __init__(self) -> None:
        self.aborted = False
        self.reason: object = None
        self._listeners: list = []

    def addEventListener(self, type: str, fn) -> None:  # type: ignore[no-untyped-def]
        self._listeners.append(fn)

    def removeEventListener(self, type: str, fn) -> None:  # type: ignore[no-untyped-def]
        if fn in self._listeners:
            self._listeners.remove(fn)


class AbortController:
    """``new AbortController()``: ``abort()`` fires the signal's ``'abort'`` listeners once."""

    def __init__(self) -> None:
        self.signal = AbortSignal()

    def abort(self, reason: object = None) -> None:
        s = self.signal
        if s.aborted:
            return
        s.aborted = True
        s.reason = reason
        for fn in list(s._listeners):
            fn()


def assertIs(a: object, b: object) -> None:
    assert a is b, (a, b)


def assertEqual(a: object, b: object) -> None:
    assert a == b, (a, b)
