"""``dns.lookup`` (Node's ``lib/dns.js``) on ``pyuv.dns.getaddrinfo``, which runs the
system resolver on libuv's thread pool exactly as Node's ``GetAddrInfoReqWrap`` does.

An IP literal is answered on the next tick without asking the resolver; every other
name goes to ``getaddrinfo`` and its answer comes back through
:func:`uvnet.internal.process.makeCallback`. Results keep the resolver's order
(Node v20's default ``verbatim`` order) unless ``verbatim=False`` or an ``order`` asks
for IPv4 or IPv6 first.
"""

from __future__ import annotations

import socket
import warnings
from typing import Any, Callable

from uvnet._vendor import pyuv

from .internal.errors import ERR_INVALID_ARG_TYPE, ERR_INVALID_ARG_VALUE, dnsException
from .internal.net import isIP
from .internal.process import loop, makeCallback
from .internal.task_queues import nextTick
from .internal.validators import (
    validateBoolean,
    validateFunction,
    validateNumber,
    validateOneOf,
    validateString,
)

# int(): on Python < 3.11 these are IntEnum members whose str() is not the number.
ADDRCONFIG: int = int(socket.AI_ADDRCONFIG)
ALL: int = int(socket.AI_ALL)
V4MAPPED: int = int(socket.AI_V4MAPPED)

_VALID_FAMILIES = (0, 4, 6)
_VALID_ORDERS = ("verbatim", "ipv4first", "ipv6first")
_AF = {0: socket.AF_UNSPEC, 4: socket.AF_INET, 6: socket.AF_INET6}
_default_result_order = "verbatim"
_invalid_hostname_warned = False


def getDefaultResultOrder() -> str:
    """Node's ``dns.getDefaultResultOrder`` (``'verbatim'`` in v20)."""
    return _default_result_order


def setDefaultResultOrder(order: str) -> None:
    """Node's ``dns.setDefaultResultOrder``: ``'verbatim'``, ``'ipv4first'`` or ``'ipv6first'``."""
    global _default_result_order
    validateOneOf(order, "dnsOrder", _VALID_ORDERS)
    _default_result_order = order


def _validate_family(value: Any, name: str) -> None:
    # JavaScript's strict equality: ``false`` is not ``0``.
    if isinstance(value, bool):
        raise ERR_INVALID_ARG_VALUE(name, value, "must be one of: 0, 4, 6")
    validateOneOf(value, name, _VALID_FAMILIES)


def _to_uint32(value: float) -> int:
    """JavaScript's ``value >>> 0``."""
    if value != value or value in (float("inf"), float("-inf")):
        return 0
    return int(value) & 0xFFFFFFFF


def _emit_invalid_hostname_warning(hostname: Any) -> None:
    global _invalid_hostname_warned
    if not _invalid_hostname_warned:
        shown = "undefined" if hostname is None else hostname
        warnings.warn(
            f'The provided hostname "{shown}" is not a valid hostname, and is supported in '
            "the dns module solely for compatibility.",
            DeprecationWarning,
            stacklevel=3,
        )
        _invalid_hostname_warned = True


def _toASCII(hostname: str) -> bytes:
    """The name as the resolver gets it: ASCII as is (however long its labels), else its
    IDNA form, else UTF-8 (which the resolver then fails to find, as Node's does)."""
    try:
        return hostname.encode("ascii")
    except UnicodeEncodeError:
        pass
    try:
        return hostname.encode("idna")
    except UnicodeError:
        return hostname.encode("utf-8", "surrogatepass")


class GetAddrInfoReqWrap:
    """One pending ``getaddrinfo`` request (Node's ``GetAddrInfoReqWrap``)."""

    __slots__ = ("callback", "family", "hostname", "all", "order", "_req")

    def __init__(self, callback: Callable[..., Any], family: int, hostname: str, all_: bool,
                 order: str) -> None:
        self.callback = callback
        self.family = family
        self.hostname = hostname
        self.all = all_
        self.order = order
        self._req: Any = None

    def oncomplete(self, results: list[Any] | None, err: int | None) -> None:
        """``onlookup``/``onlookupall``: report the first address, or all of them."""
        self._req = None
        if err:
            self.callback(dnsException(err, "getaddrinfo", self.hostname))
            return
        addresses = [r.sockaddr[0] for r in results or ()
                     if r.family in (socket.AF_INET, socket.AF_INET6)]
        if self.order == "ipv4first":
            addresses.sort(key=lambda a: ":" in a)
        elif self.order == "ipv6first":
            addresses.sort(key=lambda a: ":" not in a)
        if not addresses:
            self.callback(dnsException(pyuv.errno.UV_EAI_NODATA, "getaddrinfo", self.hostname))
        elif self.all:
            self.callback(None, [{"address": a, "family": self.family or isIP(a)}
                                 for a in addresses])
        else:
            self.callback(None, addresses[0], self.family or isIP(addresses[0]))


def lookup(hostname: str | None, options: Any = None, callback: Callable[..., Any] | None = None,
           **kw: Any) -> Any:
    """Node's ``dns.lookup(hostname[, options], callback)``.

    ``options`` is a family (``0``, ``4``, ``6``) or a dict (or keywords) with ``family``
    (also ``'IPv4'``/``'IPv6'``), ``hints``, ``all``, ``verbatim`` and ``order``. The
    callback gets ``(err, address, family)``, or ``(err, [{'address', 'family'}, ...])``
    with ``all``.
    """
    hints = 0
    family = 0
    all_ = False
    order = _default_result_order

    if hostname:
        validateString(hostname, "hostname")

    if callable(options):
        callback, options = options, None
    if kw and (options is None or isinstance(options, dict)):
        options = {**(options or {}), **kw}
    if isinstance(options, (int, float)) and not isinstance(options, bool):
        validateFunction(callback, "callback")
        _validate_family(options, "family")
        family = int(options)
    elif options is not None and not isinstance(options, dict):
        validateFunction(callback, "callback")
        raise ERR_INVALID_ARG_TYPE("options", ["integer", "object"], options)
    else:
        validateFunction(callback, "callback")
        opts: dict[str, Any] = options or {}
        if opts.get("hints") is not None:
            validateNumber(opts["hints"], "options.hints")
            hints = _to_uint32(opts["hints"])
            if hints & ~(ADDRCONFIG | ALL | V4MAPPED):
                raise ERR_INVALID_ARG_VALUE("hints", hints)
        fam = opts.get("family")
        if fam is not None:
            if fam == "IPv4":
                family = 4
            elif fam == "IPv6":
                family = 6
            else:
                _validate_family(fam, "options.family")
                family = int(fam)
        if opts.get("all") is not None:
            validateBoolean(opts["all"], "options.all")
            all_ = opts["all"]
        if opts.get("verbatim") is not None:
            validateBoolean(opts["verbatim"], "options.verbatim")
            order = "verbatim" if opts["verbatim"] else "ipv4first"
        if opts.get("order") is not None:
            validateOneOf(opts["order"], "options.order", _VALID_ORDERS)
            order = opts["order"]
    assert callback is not None

    if not hostname:
        _emit_invalid_hostname_warning(hostname)
        if all_:
            nextTick(callback, None, [])
        else:
            nextTick(callback, None, None, 6 if family == 6 else 4)
        return {}

    matched = isIP(hostname)
    if matched:
        if all_:
            nextTick(callback, None, [{"address": hostname, "family": matched}])
        else:
            nextTick(callback, None, hostname, matched)
        return {}

    req = GetAddrInfoReqWrap(callback, family, hostname, all_, order)
    try:
        req._req = pyuv.dns.getaddrinfo(loop, _toASCII(hostname), None, _AF[family],
                                        socket.SOCK_STREAM, 0, hints,
                                        makeCallback(req.oncomplete))
    except pyuv.error.UVError as exc:
        nextTick(callback, dnsException(int(exc.args[0]), "getaddrinfo", hostname))
        return {}
    return req


__all__ = [
    "ADDRCONFIG",
    "ALL",
    "V4MAPPED",
    "getDefaultResultOrder",
    "lookup",
    "setDefaultResultOrder",
]

# util.promisify(dns.lookup) resolves with {'address', 'family'}, as Node's (which gives
# lookup the internal customPromisifyArgs).
lookup._nodejs_customPromisifyArgs = ["address", "family"]  # type: ignore[attr-defined]
