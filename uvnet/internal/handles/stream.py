"""``LibuvStreamWrap``: reads, writes and shutdown on a pyuv stream (Node's ``stream_wrap.cc``).

Writes follow Node's ``StreamBase``: try to write synchronously first (``uv_try_write``);
what is left is queued with ``uv_write``. ``req.async_`` tells the caller which happened
(Node's ``streamBaseState[kLastWriteWasAsync]``); only an async write calls
``req.oncomplete(status)`` later. libuv completes a stream's writes in order, so one
callback and a FIFO of requests serve all writes of a handle.
"""

from __future__ import annotations

import errno
import os
import socket
from collections import deque
from functools import partial
from typing import Any, Callable

from uvnet._vendor import pyuv

from ...buffer import Buffer
from ..process import feed, makeCallback
from ..task_queues import _queue as _tickQueue
from ..task_queues import processTicks
from .handle import HandleWrap, uv_call

UV_EOF: int = pyuv.errno.UV_EOF
UV_ECANCELED: int = pyuv.errno.UV_ECANCELED
UV_ENOTCONN: int = pyuv.errno.UV_ENOTCONN
_NO_PENDING = memoryview(b"")
_NO_WRITES: deque[Any] = deque()  # (shared, always empty: see LibuvStreamWrap._write_reqs)

# What a read hands ``onread``: a Buffer, as Node's OnUvRead makes one. uvnet's pyuv
# (patches/pyuv-1.4.0-read-buffer-type.patch) creates it in its read callback, with the one
# copy out of the loop's slab that a bytes object costs.
pyuv.set_stream_read_type(Buffer)


def _shutdown_wr_socket(fd: int) -> int:
    """``shutdown(fd, SHUT_WR)``: 0 or a negative errno (through a dup'd socket object)."""
    try:
        with socket.socket(fileno=os.dup(fd)) as sock:
            sock.shutdown(socket.SHUT_WR)
    except OSError as exc:
        return -(exc.errno or errno.EBADF)
    return 0


try:  # one shutdown(2) through libc, instead of dup + a socket object (getsockopt x3) + close
    import ctypes

    _libc_shutdown = ctypes.CDLL(None, use_errno=True).shutdown
    _libc_shutdown.argtypes = (ctypes.c_int, ctypes.c_int)
    _libc_shutdown.restype = ctypes.c_int
    _get_errno = ctypes.get_errno

    def _shutdown_wr(fd: int) -> int:
        """``shutdown(fd, SHUT_WR)``: 0 or a negative errno."""
        if fd < 0:
            return -errno.EBADF
        if _libc_shutdown(fd, socket.SHUT_WR) == 0:
            return 0
        return -(_get_errno() or errno.EBADF)
except (ImportError, OSError, AttributeError):  # pragma: no cover - no ctypes/libc
    _shutdown_wr = _shutdown_wr_socket


def tryWriteErrno(exc: BaseException) -> int:
    """The status of a try-write (``uv_try_write``, one ``write(2)``) that raised ``exc``:
    0 when the socket's buffer is full, else a negative errno."""
    if isinstance(exc, BlockingIOError):
        return 0
    if isinstance(exc, pyuv.error.HandleClosedError):
        return int(pyuv.errno.UV_EBADF)
    if isinstance(exc, pyuv.error.UVError):
        return int(exc.args[0])
    return -(exc.errno or errno.EIO)  # type: ignore[attr-defined]


_IOV_MAX = os.sysconf("SC_IOV_MAX") if hasattr(os, "sysconf") else 1024


def _unwritten(chunks: list[Any], written: int) -> list[Any]:
    """What is left of ``chunks`` after the first ``written`` bytes went out (no copy)."""
    for i, chunk in enumerate(chunks):
        n = len(chunk)
        if written < n:
            rest = chunks[i:]
            if written:
                rest[0] = memoryview(chunk)[written:]
            return rest
        written -= n
    return []


def _partDone(req: WriteWrap, status: int) -> None:
    """One part of a long vector written (``_writeQueued``): an error completes ``req``."""
    oncomplete = req.oncomplete
    if status < 0 and oncomplete is not None:
        req.oncomplete = None  # (its last part's completion finds nothing to call)
        oncomplete(status)


class WriteWrap:
    """A write request (Node's ``WriteWrap``)."""

    __slots__ = ("handle", "oncomplete", "bytes", "async_", "callback", "buffer")

    def __init__(self, handle: Any = None, callback: Any = None) -> None:
        self.handle: Any = handle
        self.oncomplete: Callable[[int], Any] | None = None
        self.bytes = 0
        self.async_ = False
        self.callback: Any = callback
        self.buffer: Any = None


class ShutdownWrap:
    """A shutdown request (Node's ``ShutdownWrap``); ``oncomplete(status)`` runs from libuv."""

    __slots__ = ("handle", "oncomplete", "callback")

    def __init__(self) -> None:
        self.handle: Any = None
        self.oncomplete: Callable[[int], Any] | None = None
        self.callback: Any = None


class LibuvStreamWrap(HandleWrap):
    """A readable/writable libuv stream.

    ``onread(nread, data)`` is called for every read: ``nread > 0`` with ``data`` a Buffer,
    ``nread == 0`` for a spurious wake-up, ``nread < 0`` (``UV_EOF`` at end of stream)
    with ``data`` ``None``. libuv stops reading by itself after an error or EOF.
    """

    # The fields a wrap starts with, as class defaults (set on the wrap when they change).
    onread: Callable[[int, Any], Any] | None = None
    reading = False
    bytesRead = 0
    bytesWritten = 0
    _write_cb: Callable[..., None] | None = None  # made at the first queued write ...
    # ... with the wrap's own FIFO of requests. The subclasses' constructors set the shared
    # empty one on the wrap itself: Socket.write reads it per write, and CPython 3.11
    # specializes the read of an instance attribute, not of a class attribute.
    _write_reqs: deque[WriteWrap] = _NO_WRITES
    _shutdown_req: ShutdownWrap | None = None
    _user_buffer: bytearray | memoryview | None = None
    _user_pending = _NO_PENDING  # (shared: only ever replaced, never written to)
    _user_eof = 0  # the EOF (or error) pyuv read behind ``_user_pending``
    _user_idle: pyuv.Idle | None = None
    _stopped = False
    _readable = True  # libuv's UV_HANDLE_READABLE (a pipe opened on a write-only fd: no)
    _shut = False  # shut down (or queued to) by :meth:`shutdown` itself

    # --- reading ---------------------------------------------------------------------------

    def readStart(self) -> int:
        if not self._readable:
            return UV_ENOTCONN  # uv_read_start on a stream that is not readable
        self._stopped = False
        err = uv_call(self._handle.start_read, makeCallback(self._on_read))
        if not err and (self._user_pending or self._user_eof):  # (_next_user_read's test)
            self._next_user_read()
        return err

    def readStop(self) -> int:
        self._stopped = True
        if self._user_idle is not None:
            self._user_idle.stop()
        return uv_call(self._handle.stop_read)

    def useUserBuffer(self, buf: bytearray | memoryview) -> None:
        """Read into ``buf`` (Node's ``useUserBuffer``, the ``onread`` socket option): each
        ``onread(nread, buf)`` gets at most ``len(buf)`` bytes, in ``buf`` itself, and a
        buffer that ``onread`` returns is used for the next read."""
        self._user_buffer = buf

    def close(self, callback: Callable[[], Any] | None = None) -> None:
        """Close; a shutdown still waiting in the pending queue is completed with
        ``UV_ECANCELED`` in the close phase, before ``callback`` (``uv__stream_destroy``).

        Reading stops first, as in ``uv_close`` (``uv__stream_close``): pyuv then lets go
        of the read callback, which refers back to this wrap (no cycle left to the GC)."""
        if not self._handle.closed:
            self._handle.stop_read()
        if self._user_idle is not None:
            self._user_idle.close()
            self._user_idle = None
        if self._shut and self._shutdown_req is not None and not self.closed:
            super().close(partial(self._cancelShutdown, callback))
            return
        super().close(callback)

    def _cancelShutdown(self, callback: Callable[[], Any] | None) -> None:
        """The close callback of a wrap closed with its shutdown still queued: the request
        completes with ``UV_ECANCELED``, then ``callback`` (``uv__stream_destroy``). (A
        method, not a closure in :meth:`close`: its cells would be made at every close.)"""
        self._after_shutdown(self._handle, UV_ECANCELED)
        if callback is not None:
            callback()

    def _next_user_read(self) -> None:
        """What pyuv read ahead of the user buffer stands for bytes (and an EOF) still in
        the kernel: they come with the next poll event, from an Idle handle (just before
        the next poll)."""
        if not (self._user_pending or self._user_eof):
            return
        if self._user_idle is None:
            self._user_idle = pyuv.Idle(self._handle.loop)
        self._user_idle.start(makeCallback(self._on_user_idle))

    def _on_user_idle(self, idle: pyuv.Idle) -> None:
        idle.stop()
        self._read_user()

    def _read_user(self) -> None:
        """libuv's ``uv__read`` into the user buffer, for one poll event: at most 32 reads of
        ``len(buf)`` bytes, ending at a short read; a read that finds no data left reports
        the EOF (or error) behind it. The rest waits for the next event."""
        count = 32
        while not self._stopped and not self._handle.closed and count > 0:
            count -= 1
            pending = self._user_pending
            if not pending:
                status = self._user_eof
                self._user_eof = 0
                if status and self.onread is not None:
                    self.onread(status, None)
                return
            buf = self._user_buffer
            assert buf is not None
            n = min(len(buf), len(pending))
            buf[:n] = pending[:n]
            self._user_pending = pending[n:]
            self.bytesRead += n
            if self.onread is not None:
                nextBuf = self.onread(n, buf)
                if isinstance(nextBuf, (bytearray, memoryview)):
                    self._user_buffer = nextBuf
            if n < len(buf):
                break
        if not self._stopped and not self._handle.closed:
            self._next_user_read()

    def _on_read(self, _handle: Any, data: Buffer | None, error: int | None) -> None:
        if data is not None and self._user_buffer is None:  # the common case first
            nread = len(data)
            self.bytesRead += nread
            onread = self.onread
            if onread is not None:
                onread(nread, data)
            return
        onread = self.onread
        if self._user_buffer is not None and (data is not None or self._user_pending):
            # A poll event of its own only when nothing read earlier is waiting for one.
            waiting = bool(self._user_pending)
            if data is not None:
                self._user_pending = memoryview(bytes(self._user_pending) + data)
            else:
                self._user_eof = error if error is not None else UV_EOF
            if not waiting:
                self._read_user()
        elif onread is not None:
            onread(error if error is not None else UV_EOF, None)
            self._afterReadEnd()

    def _afterReadEnd(self) -> None:
        """The rest of libuv 1.46's ``uv__stream_io`` after an EOF read: for a poll event
        with ``POLLHUP`` or ``POLLERR`` (a FIN, then a reset), it goes on to write and to
        ``uv__drain``, which runs a shutdown queued meanwhile (by the ``'end'`` listener's
        ``end()``) at once, not from the pending queue. So the read scope's ticks run here,
        as they would right after, and then, on a hung-up socket, the queued drain.
        The event's bits are pyuv's ``event_hup`` (patches/pyuv-1.4.0-stream-accept-hangup
        .patch): what the poll reported, as libuv 1.46 reads them, with no second poll."""
        if _tickQueue:
            processTicks()
        handle = self._handle
        if self._shut and self._shutdown_req is not None and not handle.closed \
                and handle.event_hup:
            makeCallback(self._drain)()

    # --- writing ---------------------------------------------------------------------------

    @property
    def writeQueueSize(self) -> int:
        try:
            return int(self._handle.write_queue_size)
        except pyuv.error.UVError:
            return 0

    def writeBuffer(self, req: WriteWrap, data: bytes | bytearray | memoryview) -> int:
        """Write ``data``; 0 on dispatch (see ``req.async_``) or a negative errno."""
        handle = self._handle
        req.handle = self
        size = len(data)
        req.bytes = size
        written = 0
        if not self._write_reqs:
            # uv_try_write as libuv 1.46 does it, one write(2): pyuv's libuv 1.13 goes
            # through uv_write and reports a failed write (EPIPE...) as EAGAIN.
            try:
                written = os.write(handle.fileno(), data)
            except (OSError, pyuv.error.UVError) as exc:
                err = tryWriteErrno(exc)
                if err:
                    return err
            if written == size:
                req.async_ = False
                self.bytesWritten += size
                return 0
            data = memoryview(data)[written:]
        return self._writeQueued(req, data, size)

    def _writeQueued(self, req: WriteWrap, data: Any, size: int) -> int:
        """The rest of :meth:`writeBuffer` once the try-write (if any) left ``data``, of a
        write of ``size`` bytes, unwritten: queue it on libuv (``req.async_``)."""
        write_cb = self._write_cb
        if write_cb is None:
            write_cb = self._write_cb = makeCallback(self._after_write)
            self._write_reqs = deque()
        if type(data) is list and len(data) > _IOV_MAX:
            # pyuv puts a write's uv_buf_t array on the C stack (16 bytes a buffer: a
            # million buffered writes would overflow it), so a long vector goes to libuv
            # as several writes of at most IOV_MAX buffers, in order; the request
            # completes with the last, or with the first error (see _partDone).
            for start in range(0, len(data) - _IOV_MAX, _IOV_MAX):
                err = uv_call(self._handle.write, data[start:start + _IOV_MAX], write_cb)
                if err:
                    req.oncomplete = None  # (the parts queued already complete nothing)
                    return err
                part = WriteWrap(self)
                part.oncomplete = partial(_partDone, req)
                self._write_reqs.append(part)
            data = data[start + _IOV_MAX:]
        err = uv_call(self._handle.write, data, write_cb)
        if err:
            return err
        req.async_ = True
        req.buffer = data
        self._write_reqs.append(req)
        self.bytesWritten += size
        return 0

    def writev(self, req: WriteWrap, chunks: list[bytes]) -> int:
        """Write several buffers as one request (Node's ``writev``): 0 or a negative errno.

        As Node's ``StreamBase::Writev`` over ``uv_try_write``/``uv_write`` with an
        array of ``uv_buf_t``: the buffers themselves are written (one ``writev(2)``
        first, then what is left is queued on libuv as a list), never joined into a copy,
        so writes buffered while a write is pending cost their own memory only once.
        """
        handle = self._handle
        req.handle = self
        size = 0
        for chunk in chunks:
            size += len(chunk)
        req.bytes = size
        bufs: list[Any] = chunks
        if not self._write_reqs:
            written = 0
            try:  # uv_try_write of the vector: one writev(2) of at most IOV_MAX buffers
                written = os.writev(handle.fileno(), chunks[:_IOV_MAX])
            except (OSError, pyuv.error.UVError) as exc:
                err = tryWriteErrno(exc)
                if err:
                    return err
            if written == size:
                req.async_ = False
                self.bytesWritten += size
                return 0
            bufs = _unwritten(chunks, written)
        return self._writeQueued(req, bufs, size)

    def _after_write(self, _handle: Any, error: int | None) -> None:
        req = self._write_reqs.popleft()
        req.buffer = None
        oncomplete = req.oncomplete
        if oncomplete is not None:
            req.oncomplete = None  # a request completes once (and refers to itself no more)
            oncomplete(error or 0)

    # --- shutdown --------------------------------------------------------------------------

    def shutdown(self, req: ShutdownWrap) -> int:
        """Half-close after queued writes; ``req.oncomplete(status)`` runs when done.

        ``uv_shutdown`` as in Node 20's libuv: with nothing left to write, the ``shutdown``
        syscall and the callback run from the pending queue (:func:`feed`), not after the
        next poll as in pyuv's libuv; with writes queued, after the last one (in both).
        """
        req.handle = self
        handle = self._handle
        if self._write_reqs:
            err = uv_call(handle.shutdown, makeCallback(self._after_shutdown))
        elif handle.closed or self._shut or not handle.writable:
            err = UV_ENOTCONN
        else:
            err = 0
            self._shut = True
            feed(makeCallback(self._drain))
        if not err:
            self._shutdown_req = req
        return err

    def _drain(self) -> None:
        """libuv's ``uv__drain``: the ``shutdown(fd, SHUT_WR)`` of a queued shutdown.

        A handle closed meanwhile has already had its request cancelled (:meth:`close`).
        """
        if self._shutdown_req is None:
            return
        self._after_shutdown(self._handle, _shutdown_wr(self.fd))

    def _after_shutdown(self, _handle: Any, error: int | None) -> None:
        req = self._shutdown_req
        self._shutdown_req = None
        if req is not None and req.oncomplete is not None:
            oncomplete = req.oncomplete
            req.oncomplete = None  # a request completes once (and refers to itself no more)
            oncomplete(error or 0)
