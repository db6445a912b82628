"""IP address classification (Node's ``lib/internal/net.js``): ``isIP``, ``isIPv4``,
``isIPv6`` with Node's exact regular expressions (no leading zeros in IPv4 octets, an
optional ``%zone`` suffix on IPv6, embedded IPv4 tails); the two tiny helpers of
``lib/net.js`` that tell a port from a pipe path, ``toNumber`` and ``isPipeName``; and
``guessHandleType``/``createHandle``, which wrap an existing fd for ``{fd}`` options.
"""

from __future__ import annotations

import re
from typing import Any

from uvnet._vendor import pyuv

from .errors import ERR_INVALID_FD_TYPE
from .handles.connection import SERVER, SOCKET
from .handles.pipe import PipeWrap
from .handles.tcp import TCPWrap
from .validators import js_number, validateInt32

_V4_SEG = "(?:25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9][0-9]|[0-9])"
_V4_STR = rf"(?:{_V4_SEG}\.){{3}}{_V4_SEG}"
_V6_SEG = "(?:[0-9a-fA-F]{1,4})"


def _v6_group(head: int) -> str:
    """The alternative for ``head`` leading ``seg:`` groups followed by a ``::`` tail."""
    tail_v6 = 7 - head
    return (
        rf"(?:{_V6_SEG}:){{{head}}}"
        rf"(?:(?::{_V6_SEG}){{0,{tail_v6 - 2}}}:{_V4_STR}|(?::{_V6_SEG}){{1,{tail_v6}}}|:)"
    )


_IPV4_RE = re.compile(_V4_STR)
_IPV6_RE = re.compile(
    "(?:"
    + rf"(?:{_V6_SEG}:){{7}}(?:{_V6_SEG}|:)|"
    + rf"(?:{_V6_SEG}:){{6}}(?:{_V4_STR}|:{_V6_SEG}|:)|"
    + rf"(?:{_V6_SEG}:){{5}}(?::{_V4_STR}|(?::{_V6_SEG}){{1,2}}|:)|"
    + "|".join(_v6_group(head) for head in (4, 3, 2, 1))
    + rf"|(?::(?:(?::{_V6_SEG}){{0,5}}:{_V4_STR}|(?::{_V6_SEG}){{1,7}}|:))"
    + ")(?:%[0-9a-zA-Z-.:]{1,})?"
)


def _string(s: Any) -> str:
    """The argument as a string, as the regular expression test coerces it in JS."""
    return s if isinstance(s, str) else str(s)


def isIPv4(s: Any = None) -> bool:
    """Node's ``net.isIPv4``: ``True`` for a dotted-quad IPv4 address (no leading zeros)."""
    return _IPV4_RE.fullmatch(_string(s)) is not None


def isIPv6(s: Any = None) -> bool:
    """Node's ``net.isIPv6``: ``True`` for an IPv6 address, optionally with a ``%zone`` id."""
    return _IPV6_RE.fullmatch(_string(s)) is not None


def isIP(s: Any = None) -> int:
    """Node's ``net.isIP``: ``4``, ``6``, or ``0`` when ``s`` is not an IP address."""
    if isIPv4(s):
        return 4
    if isIPv6(s):
        return 6
    return 0


def toNumber(x: Any) -> float | bool:
    """``lib/net.js``'s ``toNumber``: ``Number(x)`` when that is ``>= 0``, else ``False``.

    Compare the result with ``is False``: a valid ``0`` is falsy too.
    """
    if x is None or isinstance(x, (bool, int, float, str)):
        n = js_number(x)
        if n >= 0:
            return n
    return False


def isPipeName(s: Any) -> bool:
    """``lib/net.js``'s ``isPipeName``: a string that is not a non-negative number."""
    return isinstance(s, str) and toNumber(s) is False


_HANDLE_TYPES = {
    pyuv.UV_TCP: "TCP",
    pyuv.UV_TTY: "TTY",
    pyuv.UV_UDP: "UDP",
    pyuv.UV_NAMED_PIPE: "PIPE",
    17: "FILE",  # libuv's UV_FILE, which pyuv does not export
}


def guessHandleType(fd: int) -> str:
    """Node's ``guessHandleType``: ``'TCP'``, ``'PIPE'``, ``'TTY'``, ``'UDP'``, ``'FILE'``
    or ``'UNKNOWN'`` for what ``fd`` refers to (libuv's ``uv_guess_handle``)."""
    return _HANDLE_TYPES.get(pyuv.util.guess_handle_type(fd), "UNKNOWN")


def createHandle(fd: int, is_server: bool) -> TCPWrap | PipeWrap:
    """``lib/net.js``'s ``createHandle``: a fresh wrap of the kind ``fd`` needs (not yet
    opened on it); ``ERR_INVALID_FD_TYPE`` for anything but a TCP socket or a pipe."""
    validateInt32(fd, "fd", 0)
    fd = int(fd)  # 3.0 is the integer 3, as in JS
    kind = guessHandleType(fd)
    if kind == "PIPE":
        return PipeWrap(SERVER if is_server else SOCKET)
    if kind == "TCP":
        return TCPWrap(SERVER if is_server else SOCKET)
    raise ERR_INVALID_FD_TYPE(kind)


__all__ = ["createHandle", "guessHandleType", "isIP", "isIPv4", "isIPv6", "isPipeName",
           "toNumber"]
