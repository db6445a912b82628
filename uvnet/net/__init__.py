"""``uvnet.net``: Node's ``net`` module (``lib/net.js`` exports, v20).

``import uvnet`` exposes the same names at the top level; ``uvnet.net`` is this module.
"""

from __future__ import annotations

from ..internal.blocklist import BlockList
from ..internal.net import isIP, isIPv4, isIPv6
from ..internal.socketaddress import SocketAddress
from .server import Server, createServer
from .server import createServerHandle as _createServerHandle  # noqa: F401  (see __all__)
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
from .socket import normalizeArgs as _normalizeArgs  # noqa: F401  (see __all__)
from .types import AddressInfo as AddressInfo
from .types import BufferEncoding as BufferEncoding
from .types import DropArgument as DropArgument
from .types import IpcNetConnectOpts as IpcNetConnectOpts
from .types import IpcSocketConnectOpts as IpcSocketConnectOpts
from .types import ListenOptions as ListenOptions
from .types import NetConnectOpts as NetConnectOpts
from .types import ServerOpts as ServerOpts
from .types import SocketConstructorOpts as SocketConstructorOpts
from .types import TcpNetConnectOpts as TcpNetConnectOpts
from .types import TcpSocketConnectOpts as TcpSocketConnectOpts

# net.js also exports _createServerHandle and _normalizeArgs, underscored internals: they are
# attributes of uvnet.net, as there, but not in __all__ (so not in `import *` nor top-level).
__all__ = [
    "BlockList",
    "Server",
    "Socket",
    "SocketAddress",
    "Stream",
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
