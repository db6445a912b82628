"""``ConnectionWrap``: what TCP and Pipe share for listen/accept/connect (Node's
``connection_wrap.cc``). ``onconnection(status, client)`` is called for every incoming
connection; ``req.oncomplete(status, handle, req, readable, writable)`` when a connect
finishes.
"""

from __future__ import annotations

from typing import Any, Callable

from ..process import makeCallback
from .handle import uv_call
from .stream import LibuvStreamWrap

SOCKET = 0
SERVER = 1
IPC = 2


class ConnectWrap:
    """A connect request (Node's ``TCPConnectWrap``/``PipeConnectWrap``)."""

    __slots__ = ("oncomplete", "address", "port", "localAddress", "localPort", "addressType")

    def __init__(self) -> None:
        self.oncomplete: Callable[..., Any] | None = None
        self.address: str | None = None
        self.port: int | None = None
        self.localAddress: str | None = None
        self.localPort: int | None = None
        self.addressType: int | None = None


class ConnectionWrap(LibuvStreamWrap):
    """A stream that can listen and connect; subclasses make the pyuv handle."""

    def __init__(self, handle: Any) -> None:
        super().__init__(handle)
        self.onconnection: Callable[[int, Any], Any] | None = None
        self._connect_req: ConnectWrap | None = None

    def _new_client(self) -> ConnectionWrap:
        raise NotImplementedError

    def listen(self, backlog: int) -> int:
        return uv_call(self._handle.listen, makeCallback(self._on_connection), backlog)

    def _on_connection(self, _handle: Any, error: int | None) -> None:
        onconnection = self.onconnection
        if error:
            if onconnection is not None:
                onconnection(error, None)
            return
        client = self._new_client()
        err = uv_call(self._handle.accept, client._handle)
        if err:
            client.close()
            return
        if onconnection is None:
            client.close()
            return
        onconnection(0, client)

    def _start_connect(self, req: ConnectWrap, target: Any) -> int:
        err = uv_call(self._handle.connect, target, makeCallback(self._after_connect))
        if not err:
            self._connect_req = req
        return err

    def _after_connect(self, _handle: Any, error: int | None) -> None:
        req = self._connect_req
        self._connect_req = None
        if req is not None and req.oncomplete is not None:
            req.oncomplete(error or 0, self, req, True, True)
