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
    """Node's ``net.SocketAddress({address, port, family, flowlabel})``.

    ``family`` is ``'ipv4'`` (default) or ``'ipv6'`` in any case; ``address`` defaults to
    ``'127.0.0.1'`` or ``'::'``, ``port`` and ``flowlabel`` to ``0``. Options may be given
    as a dict or as keywords.
    """

    __slots__ = ("_address", "_port", "_family", "_flowlabel", "_packed")

    def __init__(self, options: dict[str, Any] | None = None, **kw: Any) -> None:
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
        """Node's ``SocketAddress.isSocketAddress``."""
        return isinstance(value, SocketAddress)

    @property
    def address(self) -> str:
        return self._address

    @property
    def port(self) -> int:
        return self._port

    @property
    def family(self) -> str:
        """``'ipv4'`` or ``'ipv6'``."""
        return self._family

    @property
    def flowlabel(self) -> int:
        return self._flowlabel

    def toJSON(self) -> dict[str, Any]:
        """Node's ``toJSON``: ``{'address', 'port', 'family', 'flowlabel'}``."""
        return {"address": self._address, "port": self._port, "family": self._family,
                "flowlabel": self._flowlabel}

    def __repr__(self) -> str:
        return f"SocketAddress({self.toJSON()!r})"


__all__ = ["SocketAddress"]
