"""Node's ``stream`` module: ``Readable``, ``Writable``, ``Duplex``, ``Transform``,
``PassThrough``, ``pipeline``, ``finished`` and the legacy ``Stream`` base class.

The classes are subclassable exactly as in Node: options as a dict or keywords, hooks
``_read``/``_write``/``_writev``/``_final``/``_destroy``/``_construct``/``_transform``/
``_flush``, state in ``_readableState``/``_writableState`` with Node's field names.
"""

from __future__ import annotations

from typing import Any as _Any
from typing import Callable as _Callable

from ..internal.promise import Promise as _Promise
from ..internal.streams import operators as _operators
from ..internal.streams import utils as _utils
from ..internal.streams.add_abort_signal import addAbortSignal
from ..internal.streams.destroy import destroyer as _destroyer
from ..internal.streams.duplex import Duplex
from ..internal.streams.end_of_stream import eos as finished
from ..internal.streams.legacy import Stream
from ..internal.streams.passthrough import PassThrough
from ..internal.streams.pipeline import pipeline
from ..internal.streams.readable import Readable
from ..internal.streams.state import getDefaultHighWaterMark, setDefaultHighWaterMark
from ..internal.streams.transform import Transform
from ..internal.streams.writable import Writable

isDestroyed = _utils.isDestroyed
isDisturbed = _utils.isDisturbed
isErrored = _utils.isErrored
isReadable = _utils.isReadable
isWritable = _utils.isWritable
destroy = _destroyer



def _streamReturning(op: _Callable[..., _Any]) -> _Callable[..., Readable]:
    def operator(self: Readable, *args: _Any, **kwargs: _Any) -> Readable:
        if kwargs:
            kwargs = {"options": {**(kwargs.pop("options", None) or {}), **kwargs}}
        return Readable.from_(op(self, *args, **kwargs))
    operator.__name__ = operator.__qualname__ = op.__name__
    operator.__doc__ = op.__doc__
    return operator


def _promiseReturning(op: _Callable[..., _Any]) -> _Callable[..., _Promise[_Any]]:
    def operator(self: Readable, *args: _Any, **kwargs: _Any) -> _Promise[_Any]:
        if kwargs:
            kwargs = {"options": {**(kwargs.pop("options", None) or {}), **kwargs}}
        return _Promise.resolve(op(self, *args, **kwargs))  # started, as a JS async call
    operator.__name__ = operator.__qualname__ = op.__name__
    operator.__doc__ = op.__doc__
    return operator


# Node's stream.js defines the operators on Readable.prototype: the stream-returning ones
# wrap the operator's async generator in Readable.from, the others return its Promise.
# (Keyword arguments are the options: ``readable.map(fn, concurrency=2)``.)
for _key, _op in _operators.streamReturningOperators.items():
    setattr(Readable, _key, _streamReturning(_op))
for _key, _op in _operators.promiseReturningOperators.items():
    setattr(Readable, _key, _promiseReturning(_op))

# Node hangs the classes and helpers off the Stream constructor as well.
Stream.Stream = Stream  # type: ignore[attr-defined]
Stream.Readable = Readable  # type: ignore[attr-defined]
Stream.Writable = Writable  # type: ignore[attr-defined]
Stream.Duplex = Duplex  # type: ignore[attr-defined]
Stream.Transform = Transform  # type: ignore[attr-defined]
Stream.PassThrough = PassThrough  # type: ignore[attr-defined]
Stream.pipeline = staticmethod(pipeline)  # type: ignore[attr-defined]
Stream.finished = staticmethod(finished)  # type: ignore[attr-defined]
Stream.addAbortSignal = staticmethod(addAbortSignal)  # type: ignore[attr-defined]

from ..internal.promisify import custom as _promisify_custom  # noqa: E402
from . import promises  # noqa: E402  (uvnet.stream.promises, as require('stream/promises'))

Stream.promises = promises  # type: ignore[attr-defined]
# util.promisify(stream.pipeline) and (stream.finished) are the stream/promises ones.
setattr(pipeline, _promisify_custom, promises.pipeline)
setattr(finished, _promisify_custom, promises.finished)

__all__ = [
    "Duplex",
    "PassThrough",
    "Readable",
    "Stream",
    "Transform",
    "Writable",
    "addAbortSignal",
    "destroy",
    "finished",
    "getDefaultHighWaterMark",
    "isDestroyed",
    "isDisturbed",
    "isErrored",
    "isReadable",
    "isWritable",
    "pipeline",
    "promises",
    "setDefaultHighWaterMark",
]
