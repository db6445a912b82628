"""Node's ``process`` object, as ``uvnet.process``: an :class:`~uvnet.EventEmitter`.

``argv``, ``env``, ``pid``, ``platform``, ``hrtime`` (and ``hrtime.bigint``) and
``nextTick`` are Node's. A listener for a signal event (``process.on('SIGINT', fn)``,
``'SIGTERM'``, ``'SIGHUP'``, ``'SIGUSR1'``, ... any name in Node's
``os.constants.signals``) makes uvnet watch that signal, as Node does: the first listener
starts an unref'd libuv signal handle (it does not keep :func:`uvnet.run` going), the
removal of the last one closes it, and each delivery emits the event from the loop with
Node's arguments, the signal's name and number (``fn('SIGINT', 2)``). While a signal has
a listener, its default action (ending ``run()`` for SIGINT, see :func:`uvnet.run`) does
not happen. A signal that cannot be watched (``'SIGKILL'``, ``'SIGSTOP'``) raises
Node's ``uv_signal_start EINVAL`` error from ``on``.
"""

from __future__ import annotations

import atexit
import os
import re
import signal as _signal
import sys
import threading
import time
from collections.abc import Hashable
from typing import Any, Callable, NoReturn

from .events import EventEmitter
from .internal import process as _internal_process
from .internal import process_promises as _process_promises
from .internal.errors import ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE, errnoException
from .internal.handles.signal import SignalWakeup, SignalWrap
from .internal.process import around_loop
from .internal.task_queues import nextTick, runMicrotasks
from .internal.validators import validateInteger

# Node's os.constants.signals on this platform: Python's signal names, less the aliases
# Node does not have (SIGCLD) and the real-time range.
signals: dict[str, int] = {
    name: int(getattr(_signal, name)) for name in dir(_signal)
    if name.startswith("SIG") and not name.startswith(("SIG_", "SIGRT")) and name != "SIGCLD"
}
_NS_PER_SEC = 1_000_000_000


class _HRTime:
    """``process.hrtime([time])`` and ``process.hrtime.bigint()``."""

    def __call__(self, time_: Any = None) -> list[int]:
        """``[seconds, nanoseconds]`` of a monotonic clock, or since ``time_`` if given.

        ``time_`` must be a list of two ints, as Node's Array (ERR_INVALID_ARG_TYPE,
        ERR_OUT_OF_RANGE otherwise).
        """
        now = time.monotonic_ns()
        if time_ is not None:
            if not isinstance(time_, list):
                raise ERR_INVALID_ARG_TYPE("time", "Array", time_)
            if len(time_) != 2:
                raise ERR_OUT_OF_RANGE("time", "2", len(time_))
            now -= int(time_[0]) * _NS_PER_SEC + int(time_[1])
        return [now // _NS_PER_SEC, now % _NS_PER_SEC]

    def bigint(self) -> int:
        """The same clock in nanoseconds, as one integer (Node's BigInt)."""
        return time.monotonic_ns()


def _platform() -> str:
    # Node's names: 'linux', 'darwin', 'win32', 'freebsd', ... (no version suffix)
    return re.sub(r"\d+$", "", sys.platform)


class Process(EventEmitter):
    """The class of :data:`process` (Node's ``process`` object; there is one)."""

    def __init__(self) -> None:
        """Made once by uvnet, as :data:`uvnet.process`: there is one ``Process``."""
        super().__init__()
        #: The command line, as Node's ``process.argv``: the interpreter, then the script
        #: and its arguments (``sys.executable`` and ``sys.argv``).
        self.argv: list[str] = [sys.executable, *sys.argv]
        #: The environment (Node's ``process.env``): ``os.environ`` itself.
        self.env = os.environ
        #: Node's ``process.platform``: ``'linux'``, ``'darwin'`` ...
        self.platform: str = _platform()
        self.hrtime = _HRTime()

    @property
    def pid(self) -> int:
        """The process id (Node's ``process.pid``)."""
        return os.getpid()

    @staticmethod
    def nextTick(callback: Any = None, *args: Any) -> None:
        """Node's ``process.nextTick``: the same queue as :func:`uvnet.nextTick`."""
        nextTick(callback, *args)

    # --- exit (see "exit" below) -----------------------------------------------------

    _exitCode: Any = None
    _exiting = False
    _fatalExitCode: int | None = None  # an 'uncaughtException' listener raised: 7

    @property
    def exitCode(self) -> Any:
        """Node's ``process.exitCode``: the code the process ends with when nothing else
        sets one (``None`` is 0). An int, or a str of one; ``ERR_INVALID_ARG_TYPE`` /
        ``ERR_OUT_OF_RANGE`` otherwise."""
        return self._exitCode

    @exitCode.setter
    def exitCode(self, code: Any) -> None:
        self._exitCode = _validExitCode(code)

    def exit(self, code: Any = None) -> NoReturn:
        """Node's ``process.exit([code])``: set ``exitCode`` (if ``code`` is given), emit
        ``'exit'`` (once, with ``exitCode or 0``), run the microtasks, and end the
        program: ``SystemExit`` with that code, raised from here (it leaves
        ``uvnet.run()``)."""
        if code is not None:
            self.exitCode = code
        _emitExit(self)
        raise SystemExit(_exitStatus(self._exitCode))


process = Process()
"""Node's ``process``."""

# One signal handle per signal number, made when first needed and kept (stopped when
# unused): Node's signalWraps, which are per event name, would deliver a signal twice to
# an alias pair (SIGIOT/SIGABRT) and race with the default action's handle below.
_signalWraps: dict[int, SignalWrap] = {}
_listened: set[str] = set()  # signal events with a listener (their handle is started)


def isSignal(event: Hashable) -> bool:
    return isinstance(event, str) and event in signals


def _onsignal(signum: int) -> None:
    names = [name for name in _listened if signals[name] == signum]
    for name in names:
        process.emit(name, name, signum)


def _watch(signum: int) -> int:
    wrap = _signalWraps.get(signum)
    if wrap is None:
        wrap = SignalWrap()
        wrap.unref()
        wrap.onsignal = _onsignal
    err = wrap.start(signum)
    if err:
        wrap.close()
        _signalWraps.pop(signum, None)
    else:
        _signalWraps[signum] = wrap
    return err


def _unwatch(signum: int) -> None:
    if not any(signals[name] == signum for name in _listened):
        wrap = _signalWraps.get(signum)
        if wrap is not None:
            wrap.stop()  # Python's handler comes back (SignalWrap.stop)


def startListeningIfSignal(type_: Hashable, _listener: Any = None) -> None:
    """``'newListener'``: the first listener of a signal event starts its handle."""
    if isinstance(type_, str) and type_ in signals and type_ not in _listened:
        signum = signals[type_]
        if not (signum in _signalWraps and _signalWraps[signum].active):
            err = _watch(signum)
            if err:
                raise errnoException(err, "uv_signal_start")
        _listened.add(type_)


def stopListeningIfSignal(type_: Hashable, _listener: Any = None) -> None:
    """``'removeListener'``: with no listener left, the signal's handle is stopped."""
    if type_ in _listened and process.listenerCount(type_) == 0:
        assert isinstance(type_, str)
        _listened.discard(type_)
        _unwatch(signals[type_])


process.on("newListener", startListeningIfSignal)
process.on("removeListener", stopListeningIfSignal)


# Node's default actions for the signals that end a process, while the loop runs. Node
# leaves them to the OS, which kills it at once, idle or busy. A signal Python handles
# (SIGINT's KeyboardInterrupt, or the program's own signal.signal handler) is handled
# by Python as the loop runs: SignalWakeup wakes an idle loop, and Python code that runs
# is interrupted where it is. A signal left at SIG_DFL needs nothing: the OS acts.
_wakeup: list[SignalWakeup] = []  # made at the first run() in the main thread


def _noWakeup() -> None:
    pass


def _startDefaultActions() -> Callable[[], None]:
    if threading.current_thread() is not threading.main_thread():
        return _noWakeup
    if not _wakeup:
        _wakeup.append(SignalWakeup())
    wakeup = _wakeup[0]
    wakeup.start()
    return wakeup.stop


around_loop.append(_startDefaultActions)


# --- exit: 'beforeExit', 'exit', exitCode, exit() ------------------------------------------
#
# The exit code a Node process would end with becomes the Python process's exit status:
# process.exit(code) emits 'exit' and raises SystemExit(code) (Python's own way out, which
# unwinds through run()); otherwise, when the interpreter exits (atexit), 'exit' is emitted
# with the code Node would use (exitCode, or 1 after an uncaught exception), and a non-zero
# exitCode of a program that ended normally ends the interpreter with that status
# (os._exit, after flushing stdout and stderr). 'beforeExit' is emitted by run() when its
# loop runs out of work (uvnet.internal.process).

def _validExitCode(code: Any) -> Any:
    if code is not None:
        if isinstance(code, str) and code != "":
            try:
                int(code)
                return code
            except ValueError:
                pass
        validateInteger(code, "code")
    return code


def _exitStatus(code: Any) -> int:
    return int(code or 0) & 0xFF


def _emitExit(self: Process) -> None:
    """Node's ``EmitProcessExit``: ``'exit'`` once; microtasks run after it, ticks never."""
    if self._exiting:
        return
    self._exiting = True
    self.emit("exit", self._exitCode or 0)
    runMicrotasks()


_uncaughtAtTopLevel: list[BaseException] = []
_previousExcepthook = sys.excepthook


def _excepthook(typ: type[BaseException], value: BaseException, tb: Any) -> None:
    # The program is dying of an exception nobody caught (from run() or elsewhere).
    _uncaughtAtTopLevel.append(value)
    _previousExcepthook(typ, value, tb)


def _atexit() -> None:
    """The end of the program: Node's 'exit' and exit status (see above)."""
    if process._exiting:
        return
    if _uncaughtAtTopLevel:
        if isinstance(_uncaughtAtTopLevel[-1], KeyboardInterrupt):
            return  # killed by SIGINT: Node emits no 'exit' either
        if process._fatalExitCode is not None:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(process._fatalExitCode)
        process._exitCode = 1  # Node's kGenericUserError; an 'exit' listener may change it
        _emitExit(process)
        status = _exitStatus(process._exitCode)
        if status != 1:
            sys.stdout.flush()
            sys.stderr.flush()
            os._exit(status)
        return
    _emitExit(process)
    status = _exitStatus(process._exitCode)
    if status:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(status)


sys.excepthook = _excepthook
atexit.register(_atexit)
_internal_process.processObject = process
_process_promises.processEmit = process.emit
