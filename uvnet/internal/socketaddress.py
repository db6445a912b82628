"""``net.SocketAddress`` (Node's ``lib/internal/socketaddress.js`` and the ``SocketAddress``
of ``node_sockaddr.cc``): an IP address, port, family and IPv6 flow label, validated and
normalized as libuv parses them (``inet_pton``; an IPv6 ``%zone`` is accepted and dropped).
"""

from __future__ import annotations

import socket
from typing import TYPE_CHECKING, Any

from .errors import ERR_INVALID_ADDRESS, ERR_INVALID_ARG_VALUE, ERR_OUT_OF_RANGE
from .validators import validateObject, validatePort, validateString, validateUint32

if TYPE_CHECKING:
    from typing_extensions import TypeGuard

_AF = {"ipv4": socket.AF_INET, "ipv6": socket.AF_INET6}
_FLOWLABEL_MASK = 0xFFFFF


def _parse(family: str, address: str) -> bytes:
    """The packed address (4 or 16 bytes); ``ERR_INVALID_ADDRESS`` if libuv would refuse it."""
    text = address.split("%", 1)[0] if family == "ipv6" else address
    try:
        return socket.inet_pton(_AF[family], text)
    except (OSError, ValueError):
        raise ERR_INVALID_ADDRESS() from None


class SocketAddress:
    """Node's net.SocketAddress: an IP address with its port, family and IPv6 flow
    label, checked and written in its normal form (``'::0:1'`` becomes ``'::1'``). Used by
    :class:`BlockList`."""

    __slots__ = ("_address", "_port", "_family", "_flowlabel", "_packed")

    def __init__(self, options: dict[str, Any] | None = None, **kw: Any) -> None:
        """``SocketAddress([options])``, as Node's ``new net.SocketAddress([options])``.

        ``options``, a dict or keywords: ``family`` (``'ipv4'``, the default, or
        ``'ipv6'``, in any case), ``address`` (default ``'127.0.0.1'``, or ``'::'`` for
        IPv6), ``port`` (default ``0``), ``flowlabel`` (IPv6 only, default ``0``).

        Raises ``ERR_INVALID_ARG_VALUE`` for another family, ``ERR_INVALID_ADDRESS`` for
        an address that is not one of that family, ``ERR_SOCKET_BAD_PORT`` for a bad port
        and ``ERR_OUT_OF_RANGE`` / ``ERR_INVALID_ARG_TYPE`` for a bad flow label.
        """
        if options is None:
            options = {}
        validateObject(options, "options")
        options = {**options, **kw}
        family = options.get("family")
        if family is None:
            family = "ipv4"
        # Node picks the default address before lower-casing the family: 'IPv4' gets '::'.
        address = options.get("address")
        if address is None:
            address = "127.0.0.1" if family == "ipv4" else "::"
        port = options.get("port")
        flowlabel = options.get("flowlabel")
        if isinstance(family, str):
            family = family.lower()
        if family not in _AF:
            raise ERR_INVALID_ARG_VALUE("options.family", options.get("family"))
        validateString(address, "options.address")
        port = validatePort(0 if port is None else port, "options.port")
        flowlabel = 0 if flowlabel is None else flowlabel
        validateUint32(flowlabel, "options.flowlabel", False)
        self._packed = _parse(family, address)
        if family == "ipv6" and flowlabel > _FLOWLABEL_MASK:
            raise ERR_OUT_OF_RANGE("options.flowlabel", f">= 0 && <= {_FLOWLABEL_MASK}",
                                   flowlabel)
        self._family = family
        self._address = socket.inet_ntop(_AF[family], self._packed)
        self._port = port
        self._flowlabel = int(flowlabel) if family == "ipv6" else 0

    @staticmethod
    def isSocketAddress(value: Any) -> TypeGuard[SocketAddress]:
        """Whether ``value`` is a :class:`SocketAddress` (Node's
        ``SocketAddress.isSocketAddress(value)``)."""
        return isinstance(value, SocketAddress)

    @property
    def address(self) -> str:
        """The IP address, in its normal form."""
        return self._address

    @property
    def port(self) -> int:
        """The port, 0..65535."""
        return self._port

    @property
    def family(self) -> str:
        """``'ipv4'`` or ``'ipv6'`` (lower case, as Node's ``SocketAddress``)."""
        return self._family

    @property
    def flowlabel(self) -> int:
        """The IPv6 flow label; ``0`` for IPv4."""
        return self._flowlabel

    def toJSON(self) -> dict[str, Any]:
        """The four fields as a dict, ``{'address', 'port', 'family', 'flowlabel'}``
        (Node's ``socketAddress.toJSON()``)."""
        return {"address": self._address, "port": self._port, "family": self._family,
                "flowlabel": self._flowlabel}

    def __repr__(self) -> str:
        return f"SocketAddress({self.toJSON()!r})"


__all__ = ["SocketAddress"]
