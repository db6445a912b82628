"""``net.BlockList`` (Node's ``lib/internal/blocklist.js`` and ``SocketAddressBlockList`` of
``node_sockaddr.cc``): rules on single addresses, ranges and subnets, newest first.

IPv4 and IPv6 meet as the C++ side has them meet: an IPv4 address compares with an IPv6
one only through the IPv4-mapped form ``::ffff:a.b.c.d``; anything else is not comparable
and never matches.
"""

from __future__ import annotations

from typing import Any

from .errors import ERR_INVALID_ARG_VALUE, NodeError
from .socketaddress import SocketAddress
from .validators import validateInt32, validateString

_MAPPED_PREFIX = b"\0" * 10 + b"\xff\xff"

def _compare(a: SocketAddress, b: SocketAddress) -> int | None:
    """-1, 0 or 1 as ``a`` is below, equal to or above ``b``; ``None`` if not comparable."""
    pa, pb = a._packed, b._packed
    if len(pa) != len(pb):
        v6 = pb if len(pa) == 4 else pa
        if v6[:12] != _MAPPED_PREFIX:
            return None
        pa, pb = pa[-4:], pb[-4:]
    return (pa > pb) - (pa < pb)


def _prefix_match(addr: bytes, net: bytes, prefix: int) -> bool:
    """Whether the first ``prefix`` bits of ``addr`` and ``net`` agree."""
    whole, bits = divmod(prefix, 8)
    if addr[:whole] != net[:whole]:
        return False
    if not bits:
        return True
    mask = (0xFF << (8 - bits)) & 0xFF
    return (addr[whole] & mask) == (net[whole] & mask)


def _in_network(address: SocketAddress, network: SocketAddress, prefix: int) -> bool:
    addr, net = address._packed, network._packed
    if len(addr) == len(net):
        return _prefix_match(addr, net, prefix)
    if len(addr) == 4:
        return _prefix_match(_MAPPED_PREFIX + addr, net, prefix)
    if addr[:12] != _MAPPED_PREFIX:
        return False
    return _prefix_match(addr[12:], net, prefix)


def _label(address: SocketAddress) -> str:
    return "IPv4" if address.family == "ipv4" else "IPv6"


def _address_of(value: Any, name: str, family: Any) -> SocketAddress:
    if SocketAddress.isSocketAddress(value):
        return value
    validateString(value, name)
    validateString(family, "family")
    return SocketAddress({"address": value, "family": family})


class BlockList:
    """Node's net.BlockList: a set of rules (addresses, ranges, subnets) that
    :meth:`check` tests an address against, for example to refuse connections from some
    peers. Addresses are strings (with ``family``, ``'ipv4'`` by default, or ``'ipv6'``)
    or :class:`SocketAddress` objects; an IPv4 rule also matches the IPv4-mapped IPv6
    address."""

    def __init__(self) -> None:
        """An empty list (Node's ``new net.BlockList()``)."""
        self._rules: list[Any] = []

    def addAddress(self, address: str | SocketAddress, family: str = "ipv4") -> None:
        """Add a rule that matches ``address`` (Node's ``blockList.addAddress(address[,
        type])``). Raises ``ERR_INVALID_ADDRESS`` for an address that is not one of the
        family."""
        self._rules.insert(0, ("Address", _address_of(address, "address", family)))

    def addRange(self, start: str | SocketAddress, end: str | SocketAddress,
                 family: str = "ipv4") -> None:
        """Add a rule that matches every address from ``start`` to ``end``, both
        included (Node's ``blockList.addRange(start, end[, type])``). Raises
        ``ERR_INVALID_ARG_VALUE`` when ``start`` comes after ``end``."""
        start = _address_of(start, "start", family)
        end = _address_of(end, "end", family)
        if _compare(start, end) == 1:
            raise ERR_INVALID_ARG_VALUE("start", start, "must come before end")
        self._rules.insert(0, ("Range", start, end))

    def addSubnet(self, network: str | SocketAddress, prefix: int, family: str = "ipv4") -> None:
        """Add a rule that matches the subnet ``network/prefix`` (Node's
        ``blockList.addSubnet(net, prefix[, type])``). Raises ``ERR_OUT_OF_RANGE`` for a
        prefix outside 0..32 (IPv4) or 0..128 (IPv6)."""
        network = _address_of(network, "network", family)
        validateInt32(prefix, "prefix", 0, 32 if network.family == "ipv4" else 128)
        self._rules.insert(0, ("Subnet", network, int(prefix)))

    def check(self, address: str | SocketAddress, family: str = "ipv4") -> bool:
        """Whether ``address`` matches one of the rules (Node's
        ``blockList.check(address[, type])``). An address that is not valid matches
        none."""
        if not SocketAddress.isSocketAddress(address):
            validateString(address, "address")
            validateString(family, "family")
            try:
                address = SocketAddress({"address": address, "family": family})
            except NodeError:  # Node ignores the error and answers false
                return False
        assert isinstance(address, SocketAddress)
        for rule in self._rules:
            kind = rule[0]
            if kind == "Address":
                matched = _compare(address, rule[1]) == 0
            elif kind == "Range":
                low, high = _compare(address, rule[1]), _compare(address, rule[2])
                matched = low is not None and high is not None and low >= 0 and high <= 0
            else:
                matched = _in_network(address, rule[1], rule[2])
            if matched:
                return True
        return False

    @property
    def rules(self) -> list[str]:
        """The rules as strings, newest first, in Node's words (``'Address: IPv4
        1.1.1.1'``, ``'Range: IPv4 10.0.0.1-10.0.0.10'``, ``'Subnet: IPv6 ::/64'``)
        (Node's ``blockList.rules``)."""
        out = []
        for rule in self._rules:
            kind, first = rule[0], rule[1]
            if kind == "Address":
                out.append(f"Address: {_label(first)} {first.address}")
            elif kind == "Range":
                out.append(f"Range: {_label(first)} {first.address}-{rule[2].address}")
            else:
                out.append(f"Subnet: {_label(first)} {first.address}/{rule[2]}")
        return out

    def __repr__(self) -> str:
        return f"BlockList({{'rules': {self.rules!r}}})"


__all__ = ["BlockList"]
