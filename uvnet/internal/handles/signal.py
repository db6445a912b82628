"""``SignalWrap``: a libuv signal handle (Node's ``signal_wrap.cc``).

As every wrap, ``start`` returns ``0`` or a negative libuv error number, and a delivered
signal runs ``onsignal(signum)`` inside a callback scope.

libuv takes a signal over with its own ``sigaction`` handler while a handle watches it,
and puts back ``SIG_DFL`` (not Python's handler) when the last handle stops. ``stop`` and
``close`` therefore reinstall Python's own handler for the signal once no handle of
uvnet's watches it any more, so Python's ``KeyboardInterrupt`` on Ctrl-C and any
``signal.signal`` handler keep working outside the loop.

``SignalWakeup`` is for the signals no wrap watches: it makes the loop run Python's own
handler for them (see its docstring).
"""

from __future__ import annotations

import os
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


class SignalWakeup(HandleWrap):
    """Wakes the loop when a signal that Python handles arrives, so its handler runs.

    Python's C handler only notes the signal, and its Python handler (``KeyboardInterrupt``
    for SIGINT, or the program's ``signal.signal`` handler) runs when the interpreter next
    executes bytecode: in a loop that waits in ``epoll``, perhaps never. While ``start``ed,
    Python writes each signal's number to this wrap's pipe (``signal.set_wakeup_fd``) and
    an unref'd poll handle on the pipe makes the loop call into Python, where the handler
    runs. Busy Python code (a long callback, a ``time.sleep``) is interrupted where it is,
    as the OS interrupts a busy Node process on Ctrl-C.
    """

    def __init__(self) -> None:
        # The pipe lives as long as the process, as libuv's own signal pipe does.
        self._rfd, self._wfd = os.pipe()
        os.set_blocking(self._rfd, False)
        os.set_blocking(self._wfd, False)
        super().__init__(pyuv.Poll(loop, self._rfd))
        self.unref()
        self._previous = -1

    def start(self) -> None:
        """Take over Python's wakeup fd and poll it (main thread only)."""
        self._previous = _signal.set_wakeup_fd(self._wfd, warn_on_full_buffer=False)
        uv_call(self._handle.start, pyuv.UV_READABLE, makeCallback(self._drain))

    def stop(self) -> None:
        """Stop polling; Python's previous wakeup fd is back."""
        uv_call(self._handle.stop)
        _signal.set_wakeup_fd(self._previous)
        self._previous = -1

    def _drain(self, _handle: pyuv.Poll, _events: int, _error: int | None) -> None:
        # Python's handler has run by now (the interpreter checks for signals as this
        # callback starts); what is left is to empty the pipe.
        try:
            while os.read(self._rfd, 512):
                pass
        except BlockingIOError:
            pass
