"""Python stand-in for Node's ``test/common`` (v20.11.1), as the ported net tests use it.

    import common
    server = uvnet.createServer(common.mustCall(on_connection, 2))
    ...
    uvnet.run()          # the conftest then checks every mustCall counter

Node checks ``mustCall`` counters in ``process.on('exit')``; here ``tests/node/conftest.py``
runs every test in a forked child (one process per test, as Node runs one per file) and
calls :func:`verify` once the test body has returned, that is after ``uvnet.run()``.
"""

from __future__ import annotations

import inspect
import os
import shutil
import socket
import tempfile
import traceback
from typing import Any, Callable

import uvnet
from uvnet.internal.jscall import jscall

localhostIPv4 = '127.0.0.1'
isWindows = False

_checks: list[_Check] = []


class _Check:
    def __init__(self, fn: Callable[..., Any], exact: int | None, minimum: int,
                 name: str) -> None:
        self.fn = fn
        self.exact = exact
        self.minimum = minimum
        self.actual = 0
        self.name = name
        self.where = ''.join(traceback.format_stack(limit=4)[:-2])

    def failure(self) -> str | None:
        if self.exact is not None and self.actual != self.exact:
            want = f'exactly {self.exact}'
        elif self.exact is None and self.actual < self.minimum:
            want = f'at least {self.minimum}'
        else:
            return None
        return (f'Mismatched {self.name} function calls. Expected {want}, '
                f'actual {self.actual}.\n{self.where}')


def _noop(*args: Any) -> None:
    return None


def _wrap(fn: Callable[..., Any] | None, exact: int | None, minimum: int) -> Any:
    fn = fn or _noop
    check = _Check(fn, exact, minimum, getattr(fn, '__name__', '<anonymous>'))
    _checks.append(check)

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        check.actual += 1
        if kwargs:
            return fn(*args, **kwargs)
        # fn.apply(this, arguments): JavaScript's argument rule, as uvnet calls listeners
        return jscall(fn, *args)

    wrapper.__name__ = check.name
    return wrapper


def mustCall(fn: Callable[..., Any] | None = None, exact: int = 1) -> Any:
    """``fn`` wrapped so that the test fails unless it was called exactly ``exact`` times."""
    if isinstance(fn, int):  # mustCall(2) as in Node
        fn, exact = None, fn
    return _wrap(fn, exact, 0)


def mustCallAtLeast(fn: Callable[..., Any] | None = None, minimum: int = 1) -> Any:
    if isinstance(fn, int):
        fn, minimum = None, fn
    return _wrap(fn, None, minimum)


def mustSucceed(fn: Callable[..., Any] | None = None, exact: int = 1) -> Any:
    """A callback ``(err, *results)`` that must be called ``exact`` times with ``err`` None."""

    def succeed(err: Any = None, *args: Any) -> Any:
        assert err is None, f'expected no error, got {err!r}'
        if fn is not None:
            return jscall(fn, *args)
        return None

    return mustCall(succeed, exact)


def mustNotCall(msg: str = 'function should not have been called') -> Callable[..., Any]:
    where = ''.join(traceback.format_stack(limit=3)[:-1])

    def never(*args: Any, **kwargs: Any) -> None:
        raise AssertionError(f'{msg} (called with {args!r})\n{where}')

    return never


def reset() -> None:
    _checks.clear()


def verify() -> None:
    """Node's exit-time check: every mustCall wrapper was called the expected number of times."""
    failures = [f for f in (c.failure() for c in _checks) if f]
    _checks.clear()
    if failures:
        raise AssertionError('\n'.join(failures))


# --- errors ------------------------------------------------------------------------------

_NAMES: dict[str, type[BaseException]] = {
    'TypeError': TypeError,
    'RangeError': ValueError,
    'Error': Exception,
    'SystemError': Exception,
    'AbortError': uvnet.AbortError,
}



def check_error(err: BaseException, *, code: Any = None, name: str | None = None,
                message: Any = None, **props: Any) -> None:
    """Node's ``assert.throws(fn, {code, name, message, ...})`` validation object."""
    assert isinstance(err, BaseException), f'not an error: {err!r}'
    if name is not None:
        if name == 'AbortError':  # an AbortError, or a DOMException named so (a reason)
            assert getattr(err, 'name', None) == 'AbortError', f'{err!r} is not an AbortError'
        else:
            cls = _NAMES.get(name, Exception)
            assert isinstance(err, cls), f'{err!r} is not a {name} ({cls.__name__})'
    if code is not None:
        actual = getattr(err, 'code', None)
        assert actual == code, f'code {actual!r} != {code!r} ({err!r})'
    if message is not None:
        text = str(err)
        if isinstance(message, str):
            assert text == message, f'message {text!r} != {message!r}'
        else:
            assert message.search(text), f'message {text!r} does not match {message.pattern!r}'
    for key, value in props.items():
        assert getattr(err, key, None) == value, \
            f'{key}: {getattr(err, key, None)!r} != {value!r} ({err!r})'


def throws(fn: Callable[[], Any], **expected: Any) -> BaseException:
    """Call ``fn``; it must raise an error matching ``expected`` (see :func:`check_error`)."""
    try:
        fn()
    except Exception as err:  # noqa: BLE001 - checked below
        check_error(err, **expected)
        return err
    raise AssertionError(f'Missing expected exception ({expected!r}).')


async def rejects(promise: Any, **expected: Any) -> BaseException:
    """Node's ``assert.rejects(promise, {code, name, ...})``: ``promise`` (a Promise or a
    coroutine) must reject with an error matching ``expected``."""
    try:
        if isinstance(promise, uvnet.Promise) or inspect.iscoroutine(promise):
            await uvnet.Promise.resolve(promise)
        else:
            await promise  # an async generator's __anext__() / asend() ...
    except Exception as err:  # noqa: BLE001 - checked below
        check_error(err, **expected)
        return err
    raise AssertionError(f'Missing expected rejection ({expected!r}).')


def expectsError(exact: int = 1, **expected: Any) -> Any:
    """A mustCall callback whose first argument is an error matching ``expected``."""

    def validate(err: Any = None, *args: Any) -> None:
        check_error(err, **expected)

    return mustCall(validate, exact)


# --- platform ----------------------------------------------------------------------------

def platformTimeout(ms: float) -> float:
    return ms


def _has_ipv6() -> bool:
    if not socket.has_ipv6:
        return False
    try:
        with socket.socket(socket.AF_INET6, socket.SOCK_STREAM) as s:
            s.bind(('::1', 0))
        return True
    except OSError:
        return False


hasIPv6 = _has_ipv6()


def skip(reason: str) -> None:
    import pytest
    pytest.skip(reason)


class _TmpDir:
    """Node's ``test/common/tmpdir``: a per-process scratch directory."""

    @property
    def path(self) -> str:
        return os.path.join(tempfile.gettempdir(), f'uvnet-node-{os.getpid()}')

    def refresh(self) -> None:
        shutil.rmtree(self.path, ignore_errors=True)
        os.makedirs(self.path)

    def resolve(self, *parts: str) -> str:
        return os.path.join(self.path, *parts)


tmpdir = _TmpDir()


def __getattr__(name: str) -> Any:
    # common.PIPE is per process: tests run in forked children (see conftest.py).
    if name == 'PIPE':
        return tmpdir.resolve('node-test.sock')
    raise AttributeError(name)


class Countdown:
    """Node's ``test/common/countdown``: call ``cb`` once ``dec()`` has run ``limit`` times."""

    def __init__(self, limit: int, cb: Callable[[], Any]) -> None:
        self.remaining = limit
        self.cb = mustCall(cb)

    def dec(self) -> int:
        assert self.remaining > 0, 'Countdown expired'
        self.remaining -= 1
        if self.remaining == 0:
            self.cb()
        return self.remaining


# Node's test/common sets this at load (index.js, v20.11.1).
defaultAutoSelectFamilyAttemptTimeout = platformTimeout(2500)
if hasattr(uvnet, 'setDefaultAutoSelectFamilyAttemptTimeout'):
    uvnet.setDefaultAutoSelectFamilyAttemptTimeout(defaultAutoSelectFamilyAttemptTimeout)


# --- test/common/dns -------------------------------------------------------------------------

mockedErrorCode = 'ENOTFOUND'
mockedSysCall = 'getaddrinfo'
INVALID_HOST = 'something.invalid'  # test/common/internet addresses.INVALID_HOST


class MockLookupError(Exception):
    pass


def errorLookupMock(code: str = mockedErrorCode,
                    syscall: str = mockedSysCall) -> Callable[..., None]:
    """A ``lookup`` option that fails every lookup with ``code``, as test/common/dns does."""

    def lookupWithError(hostname: str, dnsopts: Any, cb: Callable[..., Any]) -> None:
        err = MockLookupError(f'{syscall} {code} {hostname}')
        err.code = code  # type: ignore[attr-defined]
        err.errno = code  # type: ignore[attr-defined]
        err.syscall = syscall  # type: ignore[attr-defined]
        err.hostname = hostname  # type: ignore[attr-defined]
        cb(err)

    return lookupWithError


# --- AbortController: a global in Node, uvnet.AbortController here ------------------------

AbortController = uvnet.AbortController
AbortSignal = uvnet.AbortSignal


getEventListeners = uvnet.events.getEventListeners
