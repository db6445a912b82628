"""Node's ``Transform`` (``lib/internal/streams/transform.js``).

Each written chunk goes through ``_transform(chunk, encoding, callback)``; ``callback(err,
data)`` pushes ``data``. The write callback is held back while the readable side is at its
high-water mark and released by the next ``_read``. On ``'prefinish'`` (or as ``_final``)
``_flush`` runs and the readable side is ended with ``push(None)``.
"""

from __future__ import annotations

from typing import Any, Callable

from ..errors import ERR_METHOD_NOT_IMPLEMENTED
from ..jscall import jscall
from ..task_queues import nextTick
from .duplex import Duplex
from .readable import _options
from .state import getHighWaterMark


class _NoObjectMode:
    # Node passes the Transform itself as the "state" here; it has no objectMode.
    objectMode = False


_NO_OBJECT_MODE = _NoObjectMode()


class Transform(Duplex):
    """Node's stream.Transform: a Duplex whose output is computed from its input (a
    parser, a compressor, an encoder).

    Implement ``_transform(self, chunk, encoding, callback)``, which pushes output with
    :meth:`push` or passes it to ``callback(None, data)``, then calls ``callback()``
    (``callback(err)`` on failure); and, if some output is left at the end,
    ``_flush(self, callback)``. Or pass ``transform=`` / ``flush=`` to the constructor.
    """

    def __init__(self, options: dict[str, Any] | None = None, **kwargs: Any) -> None:
        """``Transform([options])``, as Node's ``new stream.Transform([options])``: the
        options of :class:`Duplex`, and ``transform`` / ``flush`` for the hooks."""
        options = _options(options, kwargs)
        readableHighWaterMark = (getHighWaterMark(_NO_OBJECT_MODE, options, "readableHighWaterMark",
                                                  True)
                                 if options is not None else None)
        if readableHighWaterMark == 0:
            # Buffer hwm elements once, on the readable side only.
            options = {
                **options,  # type: ignore[dict-item]
                "highWaterMark": None,
                "readableHighWaterMark": readableHighWaterMark,
                "writableHighWaterMark": options.get("writableHighWaterMark") or 0,  # type: ignore[union-attr]
            }
        Duplex.__init__(self, options)
        # _read is implemented: the sync guard of a fresh Readable isn't needed.
        self._readableState.sync = False
        self._kCallback: Callable[..., Any] | None = None
        if options:
            if callable(options.get("transform")):
                self._transform = options["transform"]  # type: ignore[method-assign]
            if callable(options.get("flush")):
                self._flush = options["flush"]
        # Backwards compat: streams that implement _final instead of _flush still flush.
        self.on("prefinish", self._transform_prefinish)

    def _transform_prefinish(self) -> None:
        if getattr(self._final, "__func__", None) is not Transform._final:
            _final(self, None)

    def _final(self, cb: Callable[..., Any] | None = None) -> None:
        _final(self, cb)

    def _transform(self, chunk: Any, encoding: Any, callback: Callable[..., Any]) -> None:
        raise ERR_METHOD_NOT_IMPLEMENTED("_transform()")

    def _write(self, chunk: Any, encoding: Any, callback: Callable[..., Any]) -> None:
        rState = self._readableState
        wState = self._writableState
        length = rState.length

        def transformCallback(err: Any = None, val: Any = None, *_: Any) -> None:
            if err:
                callback(err)
                return
            if val is not None:
                self.push(val)
            if rState.ended:
                # push(None) was called: let the new state propagate first.
                nextTick(callback)
            elif wState.ended or length == rState.length or rState.length < rState.highWaterMark:
                callback()
            else:
                self._kCallback = callback

        jscall(self._transform, chunk, encoding, transformCallback)

    def _read(self, n: int = 0) -> None:
        callback = self._kCallback
        if callback:
            self._kCallback = None
            callback()


def _final(self: Transform, cb: Callable[..., Any] | None) -> None:
    flush = getattr(self, "_flush", None)
    if callable(flush) and not self.destroyed:
        def onflush(er: Any = None, data: Any = None, *_: Any) -> None:
            if er:
                if cb:
                    cb(er)
                else:
                    self.destroy(er)
                return
            if data is not None:
                self.push(data)
            self.push(None)
            if cb:
                cb()
        jscall(flush, onflush)
    else:
        self.push(None)
        if cb:
            cb()
