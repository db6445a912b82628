"""``HandleWrap``: the base that owns one pyuv handle's lifecycle (Node's ``handle_wrap.cc``)."""

from __future__ import annotations

from typing import Any, Callable

from uvnet._vendor import pyuv

from ..process import closing, flushClosing, loop, makeCallback

UV_EBADF: int = pyuv.errno.UV_EBADF


def uv_call(fn: Callable[..., Any], *args: Any) -> int:
    """Call a pyuv method; return 0, or the negative libuv errno it raised.

    This is the one place where pyuv's exceptions become Node-style status codes. A
    closed or closing handle reports ``EBADF``, as libuv does for a closed fd.
    """
    try:
        fn(*args)
    except pyuv.error.HandleClosedError:
        return UV_EBADF
    except pyuv.error.UVError as exc:
        return int(exc.args[0])
    return 0


_open: set[HandleWrap] = set()
"""Every wrap whose handle is not closed yet: a GC root, as an open handle is in Node.

A listening server or a connected socket is usually reachable only through the cycle
handle -> callback -> owner -> handle; without this set Python's cycle collector would
free it, and pyuv would close the socket under the peer's feet.
"""


class HandleWrap:
    """Owns a pyuv handle: ``close``, ``ref``/``unref``/``hasRef``, ``fd``.

    ``owner`` is the ``Socket`` or ``Server`` using the handle (Node's ``handle.owner``).
    The wrap stays alive until the handle's close callback has run.
    """

    # Fields a wrap starts with, as class defaults: an accept makes one wrap per connection.
    owner: Any = None
    _close_cb: Callable[[], Any] | None = None

    def __init__(self, handle: Any) -> None:
        self._handle = handle
        _open.add(self)

    def close(self, callback: Callable[[], Any] | None = None) -> None:
        """Close the handle once; ``callback`` runs in libuv's close phase."""
        handle = self._handle
        if handle.closed:
            return
        self._close_cb = callback
        if closing(makeCallback(self._close_done)):  # closed while an iteration is replayed
            handle.close(self._released)
        else:
            handle.close(makeCallback(self._onclose))

    def _released(self, _handle: Any) -> None:
        _open.discard(self)

    def _onclose(self, _handle: Any) -> None:
        _open.discard(self)
        flushClosing()  # handles closed later in a replayed iteration come first
        self._close_done()

    def _close_done(self) -> None:
        callback = self._close_cb
        if callback is not None:
            self._close_cb = None
            callback()

    @property
    def closed(self) -> bool:
        return bool(self._handle.closed)

    def ref(self) -> None:
        if not self._handle.closed:
            self._handle.ref = True

    def unref(self) -> None:
        if not self._handle.closed:
            self._handle.ref = False

    def hasRef(self) -> bool:
        return bool(self._handle.ref)

    @property
    def fd(self) -> int:
        """The OS file descriptor, or -1 when there is none (Node's ``handle.fd``)."""
        try:
            return int(self._handle.fileno())
        except pyuv.error.UVError:
            return -1


__all__ = ["HandleWrap", "loop", "uv_call"]
