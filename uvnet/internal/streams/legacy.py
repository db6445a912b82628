"""The base ``Stream`` class and its legacy ``pipe`` (Node's ``lib/internal/streams/legacy.js``).

``Stream`` is an ``EventEmitter``; ``Readable``/``Writable`` derive from it. Its ``pipe``
is the old one, used only by streams that are not ``Readable`` (``Readable.pipe`` replaces it).
"""

from __future__ import annotations

from collections.abc import Hashable
from typing import Any, Callable

from ...events import EventEmitter


def prependListener(emitter: Any, event: Hashable, fn: Callable[..., Any]) -> Any:
    """Put ``fn`` first among ``event``'s listeners (so stream internals run before user code)."""
    prepend = getattr(emitter, "prependListener", None)
    if callable(prepend):
        return prepend(event, fn)
    return emitter.on(event, fn)


class Stream(EventEmitter):
    """Node's legacy stream.Stream: the base class of every stream, an
    :class:`uvnet.EventEmitter` with the old-style :meth:`pipe`. ``isinstance(x,
    uvnet.stream.Stream)`` tells a stream from another emitter."""
    # Its constructor is EventEmitter's (Node's function Stream(opts) { EE.call(this,
    # opts); }).

    def pipe(self, dest: Any, options: dict[str, Any] | None = None) -> Any:
        """The pipe of old-style streams (Node's ``Stream.prototype.pipe``): write each
        ``'data'`` chunk to ``dest``, pause the source while ``dest.write()`` returns
        ``False``, and end ``dest`` on ``'end'`` unless ``{'end': False}``. Returns
        ``dest``. (:meth:`Readable.pipe` replaces it for Readables.)"""
        source = self

        def ondata(chunk: Any) -> None:
            pause = getattr(source, "pause", None)
            if getattr(dest, "writable", False) and dest.write(chunk) is False \
                    and callable(pause):
                pause()

        source.on("data", ondata)

        def ondrain() -> None:
            resume = getattr(source, "resume", None)
            if getattr(source, "readable", False) and callable(resume):
                resume()

        dest.on("drain", ondrain)

        did_on_end = False

        def onend() -> None:
            nonlocal did_on_end
            if did_on_end:
                return
            did_on_end = True
            dest.end()

        def onclose() -> None:
            nonlocal did_on_end
            if did_on_end:
                return
            did_on_end = True
            if callable(getattr(dest, "destroy", None)):
                dest.destroy()

        if not getattr(dest, "_isStdio", False) and (
                not options or options.get("end") is not False):
            source.on("end", onend)
            source.on("close", onclose)

        def make_onerror(emitter: Any) -> Callable[[Any], None]:
            def onerror(er: Any) -> None:
                cleanup()
                if emitter.listenerCount("error") == 0:
                    emitter.emit("error", er)
            return onerror

        source_onerror = make_onerror(source)
        dest_onerror = make_onerror(dest)

        def cleanup() -> None:
            source.removeListener("data", ondata)
            dest.removeListener("drain", ondrain)
            source.removeListener("end", onend)
            source.removeListener("close", onclose)
            source.removeListener("error", source_onerror)
            dest.removeListener("error", dest_onerror)
            source.removeListener("end", cleanup)
            source.removeListener("close", cleanup)
            dest.removeListener("close", cleanup)

        prependListener(source, "error", source_onerror)
        prependListener(dest, "error", dest_onerror)
        source.on("end", cleanup)
        source.on("close", cleanup)
        dest.on("close", cleanup)
        dest.emit("pipe", source)
        return dest
