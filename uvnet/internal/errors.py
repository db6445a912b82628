"""Node's error objects (``lib/internal/errors.js``), built the way Node builds them.

Two families:

* :class:`NodeError` and one subclass per ``ERR_*`` code. Each code class also
  derives from the Python builtin that stands for Node's base class: ``TypeError``
  for Node's ``TypeError``, ``ValueError`` for ``RangeError``, ``Exception`` for a
  plain ``Error``. ``str(err)`` and ``err.message`` are Node's message.
* :class:`UVException` for everything libuv reports (``ECONNREFUSED``, ``EPIPE`` ...),
  an ``OSError`` that is also an instance of the builtin subclass that fits
  (``ConnectionRefusedError`` ...). ``errno`` is Node's negative number, ``code`` the
  name without pyuv's ``UV_`` prefix. The builders :func:`errnoException`,
  :func:`exceptionWithHostPort`, :func:`uvExceptionWithHostPort` and
  :func:`dnsException` format messages exactly as Node's namesakes.

Node names JS types in its messages; here Python's names stand in their place
(``str`` for ``string``, ``int`` for ``number`` ...), as ``API.md`` asks.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from typing import Any, Callable

from uvnet._vendor import pyuv

from .util.inspect import captureStack

# --- describing values the way Node's messages do ---------------------------------------

_JS_TO_PY = {
    "string": "str",
    "number": "int",
    "boolean": "bool",
    "function": "function",
    "object": "dict",
    "bigint": "int",
    "symbol": "object",
    "Buffer": "bytes",
    "TypedArray": "bytearray",
    "DataView": "memoryview",
    "Uint8Array": "bytearray",
    "Array": "list",
    "Object": "dict",
    "Function": "function",
}
_LOWER_TYPES = {"string", "function", "number", "object", "boolean", "bigint", "symbol"}


def inspect(value: Any) -> str:
    """A short rendering of ``value`` (Node's ``util.inspect`` stands here)."""
    if value is None or value is MISSING:
        return "None"
    if isinstance(value, (bytes, bytearray, memoryview)):
        data = bytes(value)
        head = " ".join(f"{b:02x}" for b in data[:50])
        more = f" ... {len(data) - 50} more bytes" if len(data) > 50 else ""
        return f"<Buffer {head}{more}>" if data else "<Buffer >"
    if callable(value) and not isinstance(value, type):
        return f"[Function: {getattr(value, '__name__', 'anonymous')}]"
    return repr(value)


class _Missing:
    """The default of a parameter Node requires: a call without it is JS's ``f()``, whose
    ``undefined`` fails the argument's check with Node's error, not Python's TypeError."""

    def __repr__(self) -> str:
        return "None"  # undefined, as uvnet spells it


MISSING: Any = _Missing()
"""An argument left out (undefined), where ``None`` (null) would mean something else."""


def determineSpecificType(value: Any) -> str:
    """Node's ``determineSpecificType``: the ``Received ...`` tail of argument errors."""
    if value is None or value is MISSING:
        return "None"
    if callable(value) and not isinstance(value, type):
        name = getattr(value, "__name__", "")
        return f"function {name}" if name else "function"
    if isinstance(value, (bool, int, float, str)):
        shown = inspect(value)
        if len(shown) > 28:
            shown = shown[:25] + "..."
        return f"type {type(value).__name__} ({shown})"
    return f"an instance of {type(value).__name__}"


def _join(items: list[str], word: str) -> str:
    if len(items) > 2:
        return ", ".join(items[:-1]) + f", {word} {items[-1]}"
    return f" {word} ".join(items)


def _invalid_arg_type_message(name: str, expected: str | Sequence[str], actual: Any) -> str:
    if isinstance(expected, str):
        expected = [expected]
    if name.endswith(" argument"):
        msg = f"The {name} "
    else:
        kind = "property" if "." in name else "argument"
        msg = f'The "{name}" {kind} '
    msg += "must be "
    types = [e for e in expected if e in _LOWER_TYPES]
    instances = [e for e in expected if e not in _LOWER_TYPES and e[:1].isupper()]
    other = [e for e in expected if e not in _LOWER_TYPES and not e[:1].isupper()]
    parts = []
    if types:
        names = [_JS_TO_PY.get(t, t) for t in types]
        parts.append(("one of type " if len(names) > 1 else "of type ") + _join(names, "or"))
    if instances:
        parts.append("an instance of " + _join([_JS_TO_PY.get(i, i) for i in instances], "or"))
    if other:
        if len(other) > 1:
            parts.append("one of " + _join(other, "or"))
        else:
            parts.append(other[0])
    msg += " or ".join(parts)
    return f"{msg}. Received {determineSpecificType(actual)}"


# --- Node's internal errors ---------------------------------------------------------------


class NodeError(Exception):
    """The base class of Node's own errors, the ``ERR_*`` codes (Node's internal
    ``NodeError``), such as ``ERR_INVALID_ARG_TYPE`` or ``ERR_SOCKET_BAD_PORT``.

    Each code is a subclass named after it, raised or emitted where Node throws or emits
    it. ``code`` is the code, ``message`` (also ``str(err)``) Node's message, with
    Python's type names where Node names a JavaScript type, and ``name`` the JavaScript
    class. The Python class follows the JavaScript one: a Node ``TypeError`` is also a
    Python ``TypeError``, a ``RangeError`` a ``ValueError``, a plain ``Error`` just an
    ``Exception``. Catch them by class (``except uvnet.NodeError``) or compare ``code``.
    """

    code: str = ""
    name: str = "Error"

    def __init__(self, *args: Any) -> None:
        """Made by uvnet where Node makes the error, with its message's arguments."""
        message = self._format(*args)
        super().__init__(message)
        self.message = message
        self._stackFrames = captureStack(1, __file__)  # util.inspect's stack, as V8's

    def _format(self, *args: Any) -> str:
        return " ".join(str(a) for a in args)

    def __str__(self) -> str:
        return self.message


class NodeTypeError(NodeError, TypeError):
    """A Node ``TypeError``."""

    name = "TypeError"


class NodeRangeError(NodeError, ValueError):
    """A Node ``RangeError``."""

    name = "RangeError"


class NodePlainError(NodeError):
    """A Node plain ``Error``."""


def E(code: str, fmt: str | Callable[..., str], base: type[NodeError]) -> type[NodeError]:
    """Define the class for ``code`` (Node's ``E(...)`` in ``internal/errors.js``)."""

    def _format(self: NodeError, *args: Any) -> str:
        if callable(fmt):
            return fmt(*args)
        return fmt % args if args else fmt

    cls = type(code, (base,), {"code": code, "_format": _format, "__module__": __name__})
    return cls


def _missing_args(*names: str | Sequence[str]) -> str:
    wrapped = [" or ".join(f'"{a}"' for a in n) if not isinstance(n, str) else f'"{n}"'
               for n in names]
    if len(wrapped) == 1:
        body = f"{wrapped[0]} argument"
    elif len(wrapped) == 2:
        body = f"{wrapped[0]} and {wrapped[1]} arguments"
    else:
        body = ", ".join(wrapped[:-1]) + f", and {wrapped[-1]} arguments"
    return f"The {body} must be specified"


def _invalid_arg_value(name: str, value: Any, reason: str = "is invalid") -> str:
    shown = inspect(value)
    if len(shown) > 128:
        shown = shown[:128] + "..."
    kind = "property" if "." in name else "argument"
    return f"The {kind} '{name}' {reason}. Received {shown}"


def _js_number(value: float) -> str:
    """``String(number)`` for the common cases: ``NaN``, ``Infinity``, ``3`` for ``3.0``."""
    if value != value:
        return "NaN"
    if value in (math.inf, -math.inf):
        return "Infinity" if value > 0 else "-Infinity"
    if value == int(value) and abs(value) < 1e21:
        return str(int(value))
    return repr(value)


def _out_of_range(name: str, range_: str, received: Any, bigint: bool = False) -> str:
    """Node's ``ERR_OUT_OF_RANGE``: big integers with ``_`` separators, else inspected;
    with ``bigint`` the value is a JS BigInt (``n`` suffix, separators past 2 ** 32)."""
    is_num = isinstance(received, (int, float)) and not isinstance(received, bool)
    if bigint and isinstance(received, int):
        shown = f"{received:_}n" if abs(received) > 2**32 else f"{received}n"
    elif is_num and received == received and abs(received) != math.inf \
            and received == int(received) and abs(received) > 2**32:
        shown = f"{int(received):_}"
    elif is_num:
        shown = _js_number(received)
    else:
        shown = inspect(received)
    return f'The value of "{name}" is out of range. It must be {range_}. Received {shown}'


def _bad_port(name: str, port: Any, allow_zero: bool = True) -> str:
    op = ">=" if allow_zero else ">"
    return f"{name} should be {op} 0 and < 65536. Received {determineSpecificType(port)}."


def _unhandled(err: Any = None) -> str:
    """Node formats the already-inspected value it is given (``events.js`` inspects it)."""
    return "Unhandled error." if err is None else f"Unhandled error. ({err})"


ERR_INVALID_ARG_TYPE = E("ERR_INVALID_ARG_TYPE", _invalid_arg_type_message, NodeTypeError)
ERR_INVALID_ARG_VALUE = E("ERR_INVALID_ARG_VALUE", _invalid_arg_value, NodeTypeError)
ERR_INVALID_RETURN_VALUE = E(
    "ERR_INVALID_RETURN_VALUE",
    lambda input_, name, value: f'Expected {input_} to be returned from the "{name}" function '
    f"but got {determineSpecificType(value)}.",
    NodeTypeError,
)
ERR_OUT_OF_RANGE = E("ERR_OUT_OF_RANGE", _out_of_range, NodeRangeError)
ERR_BUFFER_OUT_OF_BOUNDS = E(
    "ERR_BUFFER_OUT_OF_BOUNDS",
    lambda name=None: f'"{name}" is outside of buffer bounds' if name
    else "Attempt to access memory outside buffer bounds",
    NodeRangeError,
)
ERR_INVALID_BUFFER_SIZE = E("ERR_INVALID_BUFFER_SIZE", "Buffer size must be a multiple of %s",
                            NodeRangeError)
ERR_MISSING_ARGS = E("ERR_MISSING_ARGS", _missing_args, NodeTypeError)
ERR_MISSING_OPTION = E("ERR_MISSING_OPTION", "%s is required", NodeTypeError)
ERR_SOCKET_BAD_PORT = E("ERR_SOCKET_BAD_PORT", _bad_port, NodeRangeError)
ERR_UNHANDLED_ERROR = E("ERR_UNHANDLED_ERROR", _unhandled, NodePlainError)
ERR_UNKNOWN_ENCODING = E("ERR_UNKNOWN_ENCODING", "Unknown encoding: %s", NodeTypeError)
ERR_INVALID_IP_ADDRESS = E("ERR_INVALID_IP_ADDRESS", "Invalid IP address: %s", NodeTypeError)
ERR_INVALID_ADDRESS = E("ERR_INVALID_ADDRESS", "Invalid socket address", NodePlainError)
ERR_INVALID_FD_TYPE = E("ERR_INVALID_FD_TYPE", "Unsupported fd type: %s", NodeTypeError)
ERR_INVALID_HANDLE_TYPE = E("ERR_INVALID_HANDLE_TYPE", "This handle type cannot be sent",
                            NodeTypeError)
ERR_INVALID_ADDRESS_FAMILY = E(
    "ERR_INVALID_ADDRESS_FAMILY",
    lambda family, host, port: f"Invalid address family: {family} {host}:{port}",
    NodeRangeError,
)


def _invalid_address_family_init(self: NodeError, family: Any, host: Any, port: Any) -> None:
    NodeError.__init__(self, family, host, port)
    self.host = host  # type: ignore[attr-defined]  # Node sets both on the error
    self.port = port  # type: ignore[attr-defined]


ERR_INVALID_ADDRESS_FAMILY.__init__ = _invalid_address_family_init  # type: ignore[method-assign]
ERR_SERVER_ALREADY_LISTEN = E(
    "ERR_SERVER_ALREADY_LISTEN",
    "Listen method has been called more than once without closing.", NodePlainError)
ERR_SERVER_NOT_RUNNING = E("ERR_SERVER_NOT_RUNNING", "Server is not running.", NodePlainError)
ERR_SOCKET_CLOSED = E("ERR_SOCKET_CLOSED", "Socket is closed", NodePlainError)
ERR_SOCKET_CLOSED_BEFORE_CONNECTION = E(
    "ERR_SOCKET_CLOSED_BEFORE_CONNECTION",
    "Socket closed before the connection was established", NodePlainError)
ERR_SOCKET_CONNECTION_TIMEOUT = E("ERR_SOCKET_CONNECTION_TIMEOUT", "Socket connection timeout",
                                  NodePlainError)
ERR_STREAM_ALREADY_FINISHED = E("ERR_STREAM_ALREADY_FINISHED",
                                "Cannot call %s after a stream was finished", NodePlainError)
ERR_STREAM_CANNOT_PIPE = E("ERR_STREAM_CANNOT_PIPE", "Cannot pipe, not readable", NodePlainError)
ERR_STREAM_DESTROYED = E("ERR_STREAM_DESTROYED", "Cannot call %s after a stream was destroyed",
                         NodePlainError)
ERR_STREAM_NULL_VALUES = E("ERR_STREAM_NULL_VALUES", "May not write null values to stream",
                           NodeTypeError)
ERR_STREAM_PREMATURE_CLOSE = E("ERR_STREAM_PREMATURE_CLOSE", "Premature close", NodePlainError)
ERR_STREAM_PUSH_AFTER_EOF = E("ERR_STREAM_PUSH_AFTER_EOF", "stream.push() after EOF",
                              NodePlainError)
ERR_STREAM_UNSHIFT_AFTER_END_EVENT = E("ERR_STREAM_UNSHIFT_AFTER_END_EVENT",
                                       "stream.unshift() after end event", NodePlainError)
ERR_STREAM_WRITE_AFTER_END = E("ERR_STREAM_WRITE_AFTER_END", "write after end", NodePlainError)
ERR_MULTIPLE_CALLBACK = E("ERR_MULTIPLE_CALLBACK", "Callback called multiple times",
                          NodePlainError)
ERR_FALSY_VALUE_REJECTION = E("ERR_FALSY_VALUE_REJECTION", "Promise was rejected with falsy value",
                              NodePlainError)
ERR_ILLEGAL_CONSTRUCTOR = E("ERR_ILLEGAL_CONSTRUCTOR", "Illegal constructor", NodeTypeError)
ERR_METHOD_NOT_IMPLEMENTED = E("ERR_METHOD_NOT_IMPLEMENTED", "The %s method is not implemented",
                               NodePlainError)


def errorWithMessage(cls: type[NodeError], message: str) -> NodeError:
    """An ``ERR_*`` error of class ``cls`` with a message of its own: what Node's C++
    bindings throw (``THROW_ERR_OUT_OF_RANGE(env, "...")``), not the code's usual text."""
    err = cls.__new__(cls)
    Exception.__init__(err, message)
    err.message = message
    return err


class AbortError(Exception):
    """The error an operation fails with when its ``signal`` aborts (Node's
    ``AbortError``): ``name`` is ``'AbortError'``, ``code`` is ``'ABORT_ERR'``, and
    ``cause`` is the signal's ``reason`` when there is one."""

    code = "ABORT_ERR"
    name = "AbortError"

    def __init__(self, message: str = "The operation was aborted", cause: Any = None) -> None:
        """``AbortError([message][, cause])``, as Node's ``new AbortError(message, {cause})``."""
        super().__init__(message)
        self.message = message
        if cause is not None:
            self.cause = cause

    def __str__(self) -> str:
        return self.message


class AggregateError(Exception):
    """JavaScript's ``AggregateError``: several errors in one (``errors``, a list), as
    ``Promise.any`` rejects with when every promise rejected. ``str(err)`` is ``message``."""

    name = "AggregateError"

    def __init__(self, errors: Any, message: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.errors = list(errors)

    def __str__(self) -> str:
        return self.message


class NodeAggregateError(AggregateError):
    """Node's ``NodeAggregateError``: an empty message, the first error's ``code``, ``errors``."""

    def __init__(self, errors: list[BaseException], message: str = "") -> None:
        super().__init__(errors, message)
        self.errors = errors
        self.code = getattr(errors[0], "code", None) if errors else None


# --- system errors (libuv) ---------------------------------------------------------------

_BUILTIN_FOR_CODE: dict[str, type[OSError]] = {
    "ECONNREFUSED": ConnectionRefusedError,
    "ECONNRESET": ConnectionResetError,
    "ECONNABORTED": ConnectionAbortedError,
    "EPIPE": BrokenPipeError,
    "ESHUTDOWN": BrokenPipeError,
    "ETIMEDOUT": TimeoutError,
    "ENOENT": FileNotFoundError,
    "EEXIST": FileExistsError,
    "EACCES": PermissionError,
    "EPERM": PermissionError,
    "EAGAIN": BlockingIOError,
    "EALREADY": BlockingIOError,
    "EINTR": InterruptedError,
    "ENOTDIR": NotADirectoryError,
    "EISDIR": IsADirectoryError,
    "ESRCH": ProcessLookupError,
}


def errname(err: int) -> str:
    """Node's code name for a (negative) libuv error number, e.g. ``-111`` -> ``ECONNREFUSED``."""
    name = pyuv.errno.errorcode.get(err)
    return name[3:] if name else f"Unknown system error {err}"


def uvErrmapGet(err: int) -> tuple[str, str]:
    """``(code, libuv message)`` for ``err``, as Node's ``uvErrmapGet``."""
    if err in pyuv.errno.errorcode:
        return errname(err), pyuv.errno.strerror(err)
    return "UNKNOWN", "unknown error"


class UVException(OSError):
    """A system error, as libuv reports it and Node shows it: ``ECONNREFUSED``,
    ``EADDRINUSE``, ``ECONNRESET``, ``EPIPE``, ``ENOTFOUND``, ``ETIMEDOUT`` ...

    It has Node's fields: ``code`` (``'ECONNREFUSED'``), ``errno`` (Node's number, which
    is *negative*: ``-111``, not Python's ``errno.ECONNREFUSED``), ``syscall``
    (``'connect'``), and ``address`` / ``port`` where Node sets them; ``message`` and
    ``str(err)`` are Node's message (``'connect ECONNREFUSED 127.0.0.1:1'``).

    It is an ``OSError``, and each error is also an instance of the builtin subclass
    that fits its code (``ConnectionRefusedError``, ``ConnectionResetError``,
    ``BrokenPipeError``, ``TimeoutError``, ``FileNotFoundError``, ``PermissionError``
    ...), so ``except ConnectionRefusedError:`` works.
    """
    # UVException is the base; uv_exception_class gives the per-code subclass that also
    # derives from the fitting builtin.

    name = "Error"

    def __init__(self, message: str, err: int | None = None, code: str | None = None) -> None:
        """Made by uvnet where Node makes the error (``UVException(message, errno,
        code)``)."""
        super().__init__(message)
        self.message = message
        self.errno = err
        self.code = code
        self.syscall: str | None = None
        self._stackFrames = captureStack(1, __file__)  # util.inspect's stack, as V8's

    def __str__(self) -> str:
        return self.message


_uv_classes: dict[str, type[UVException]] = {}


def uv_exception_class(code: str) -> type[UVException]:
    """The :class:`UVException` subclass for ``code`` (cached; one class per code)."""
    cls = _uv_classes.get(code)
    if cls is None:
        builtin = _BUILTIN_FOR_CODE.get(code)
        bases: tuple[type, ...] = (UVException, builtin) if builtin else (UVException,)
        cls = type(f"UVException_{code}", bases, {"__module__": __name__})
        _uv_classes[code] = cls
    return cls


def _system_error(message: str, err: int, code: str, syscall: str) -> UVException:
    ex = uv_exception_class(code)(message, err, code)
    ex.syscall = syscall
    return ex


def errnoException(err: int, syscall: str, original: str | None = None) -> UVException:
    """Node's ``ErrnoException``: ``'<syscall> <CODE>[ <original>]'``."""
    code = errname(err)
    message = f"{syscall} {code} {original}" if original else f"{syscall} {code}"
    return _system_error(message, err, code, syscall)


def exceptionWithHostPort(err: int, syscall: str, address: str, port: int | None,
                          additional: str | None = None) -> UVException:
    """Node's ``ExceptionWithHostPort``: ``'connect ECONNREFUSED 127.0.0.1:1'``."""
    details = f"{address}:{port}" if port and port > 0 else address
    if additional:
        details += f" - Local ({additional})"
    ex = errnoException(err, syscall, details)
    ex.address = address  # type: ignore[attr-defined]
    if port:
        ex.port = port  # type: ignore[attr-defined]
    return ex


def uvExceptionWithHostPort(err: int, syscall: str, address: str | None,
                            port: int | None) -> UVException:
    """Node's ``UVExceptionWithHostPort``: ``'listen EADDRINUSE: address already in use ...'``."""
    code, uvmsg = uvErrmapGet(err)
    details = ""
    if port and port > 0:
        details = f" {address}:{port}"
    elif address:
        details = f" {address}"
    ex = _system_error(f"{syscall} {code}: {uvmsg}{details}", err, code, syscall)
    ex.address = address  # type: ignore[attr-defined]
    if port:
        ex.port = port  # type: ignore[attr-defined]
    return ex


_EAI_NOT_FOUND = (pyuv.errno.UV_EAI_NODATA, pyuv.errno.UV_EAI_NONAME)


def dnsException(err: int, syscall: str, hostname: str | None = None) -> UVException:
    """Node's ``dnsException``: ``'getaddrinfo ENOTFOUND example.invalid'``."""
    code = "ENOTFOUND" if err in _EAI_NOT_FOUND else errname(err)
    message = f"{syscall} {code} {hostname}" if hostname else f"{syscall} {code}"
    ex = _system_error(message, err, code, syscall)
    if hostname:
        ex.hostname = hostname  # type: ignore[attr-defined]
    return ex


def uv_errno(exc: BaseException) -> int:
    """The libuv error number carried by a pyuv exception (``args[0]``)."""
    return int(exc.args[0])
