"""``SignalWrap``: a libuv signal handle (Node's ``signal_wrap.cc``).

As every wrap, ``start`` returns ``0`` or a negative libuv error number, and a delivered
signal runs ``onsignal(signum)`` inside a callback scope.

libuv takes a signal over with its own ``sigaction`` handler while a handle watches it,
and puts back ``SIG_DFL`` (not Python's handler) when the last handle stops. ``stop`` and
``close`` therefore reinstall Python's own handler for the signal once no handle of
uvnet's watches it any more, so Python's ``KeyboardInterrupt`` on Ctrl-C and any
``signal.signal`` handler keep working outside the loop.
"""

from __future__ import annotations

import signal as _signal
import threading
from collections import Counter
from typing import Any, Callable

from uvnet._vendor import pyuv

from ..process import loop, makeCallback
from .handle import HandleWrap, uv_call

# How many started wraps watch each signal number.
_watching: Counter[int] = Counter()


def _restore_python_handler(signum: int) -> None:
    """Reinstall Python's handler for ``signum`` (its C handler, which libuv replaced)."""
    if _watching[signum] or threading.current_thread() is not threading.main_thread():
        return
    handler = _signal.getsignal(signum)
    if handler is not None:  # None: not installed from Python; leave it as libuv left it
        _signal.signal(signum, handler)


class SignalWrap(HandleWrap):
    """One ``uv_signal_t``: ``start(signum)``, ``stop()``, ``onsignal(signum)``."""

    onsignal: Callable[[int], Any] | None = None
    _signum = 0

    def __init__(self) -> None:
        super().__init__(pyuv.Signal(loop))

    def _on_signal(self, _handle: pyuv.Signal, signum: int) -> None:
        if self.onsignal is not None:
            self.onsignal(signum)

    @property
    def active(self) -> bool:
        """Whether the handle watches a signal now."""
        return bool(self._signum)

    def start(self, signum: int) -> int:
        """Watch ``signum`` (libuv's ``uv_signal_start``); 0 or a negative libuv errno."""
        if self._signum:
            self.stop()
        err = uv_call(self._handle.start, makeCallback(self._on_signal), signum)
        if err == 0:
            self._signum = signum
            _watching[signum] += 1
        return err

    def stop(self) -> int:
        """Stop watching (``uv_signal_stop``); Python's handler comes back if no wrap is left."""
        signum = self._signum
        err = uv_call(self._handle.stop)
        if signum:
            self._signum = 0
            _watching[signum] -= 1
            _restore_python_handler(signum)
        return err

    def close(self, callback: Callable[[], Any] | None = None) -> None:
        if self._signum and not self._handle.closed:
            self.stop()
        super().close(callback)
