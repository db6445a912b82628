"""``uvnet.net``: Node's ``net`` module (``lib/net.js`` exports, v20).

``import uvnet`` exposes the same names at the top level; ``uvnet.net`` is this module.
"""

from __future__ import annotations

from ..internal.blocklist import BlockList
from ..internal.net import isIP, isIPv4, isIPv6
from ..internal.socketaddress import SocketAddress
from .server import Server, createServer
from .server import createServerHandle as _createServerHandle
from .socket import (
    Socket,
    Stream,
    connect,
    createConnection,
    getDefaultAutoSelectFamily,
    getDefaultAutoSelectFamilyAttemptTimeout,
    setDefaultAutoSelectFamily,
    setDefaultAutoSelectFamilyAttemptTimeout,
)
from .socket import normalizeArgs as _normalizeArgs

__all__ = [
    "BlockList",
    "Server",
    "Socket",
    "SocketAddress",
    "Stream",
    "_createServerHandle",
    "_normalizeArgs",
    "connect",
    "createConnection",
    "createServer",
    "getDefaultAutoSelectFamily",
    "getDefaultAutoSelectFamilyAttemptTimeout",
    "isIP",
    "isIPv4",
    "isIPv6",
    "setDefaultAutoSelectFamily",
    "setDefaultAutoSelectFamilyAttemptTimeout",
]
