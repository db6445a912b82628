"""The Readable operators of Node 20 (``lib/internal/streams/operators.js``).

Stream-returning: ``map``, ``filter``, ``flatMap``, ``drop``, ``take`` (each an async
generator over the source, turned into a Readable by ``Readable.from``, see
``uvnet.stream``); Promise-returning: ``forEach``, ``reduce``, ``toArray``, ``some``,
``every``, ``find``. A function argument may be a plain function or an ``async def``;
it is called as ``fn(value, {'signal': signal})`` with JavaScript's argument rule (so
``lambda x: ...`` works). ``concurrency`` runs that many calls of ``fn`` at once,
``highWaterMark`` buffers that many results beyond them, ``signal`` aborts with an
``AbortError``.
"""

from __future__ import annotations

import math
from collections.abc import AsyncIterator
from typing import Any, Callable

from ...abort_controller import AbortController, AbortSignal
from ..errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_MISSING_ARGS,
    ERR_OUT_OF_RANGE,
    AbortError,
)
from ..jscall import jscall
from ..promise import Promise
from ..validators import js_number, validateAbortSignal, validateInteger, validateObject
from .end_of_stream import eos


class _Marker:
    def __init__(self, name: str) -> None:
        self.name = name

    def __repr__(self) -> str:
        return f"Symbol({self.name})"


kEmpty: Any = _Marker("kEmpty")
kEof: Any = _Marker("kEof")
_NO_VALUE: Any = _Marker("noInitialValue")


def _validateFn(fn: Any, name: str = "fn") -> None:
    if not callable(fn):
        raise ERR_INVALID_ARG_TYPE(name, ["Function", "AsyncFunction"], fn)


def _validateOptions(options: Any) -> None:
    if options is not None:
        validateObject(options, "options")
        if options.get("signal") is not None:
            validateAbortSignal(options["signal"], "options.signal")


def _aborted(options: dict[str, Any] | None) -> bool:
    signal = (options or {}).get("signal")
    return bool(signal is not None and signal.aborted)


async def _await(value: Any) -> Any:
    """JS's ``await value``, turn for turn: a plain value too resumes a microtask later."""
    return await Promise.resolve(value)


def map(stream: Any, fn: Any, options: dict[str, Any] | None = None) -> AsyncIterator[Any]:
    """``readable.map(fn[, {concurrency, highWaterMark, signal}])``: ``fn(value)`` of each
    chunk, in order, with up to ``concurrency`` calls running at once."""
    _validateFn(fn)
    _validateOptions(options)
    opts = options or {}
    concurrency: Any = 1
    if opts.get("concurrency") is not None:
        concurrency = _floor(opts["concurrency"])
    highWaterMark: Any = concurrency - 1
    if opts.get("highWaterMark") is not None:
        highWaterMark = _floor(opts["highWaterMark"])
    validateInteger(concurrency, "options.concurrency", 1)
    validateInteger(highWaterMark, "options.highWaterMark", 0)
    highWaterMark += concurrency
    return _map(stream, fn, opts, concurrency, highWaterMark)


def _floor(value: Any) -> Any:
    """JS's ``Math.floor(value)`` (NaN and the infinities are left for validateInteger)."""
    n = js_number(value)
    return math.floor(n) if math.isfinite(n) else n


async def _map(stream: Any, fn: Any, opts: dict[str, Any], concurrency: int,
               highWaterMark: int) -> AsyncIterator[Any]:
    signal = AbortSignal.any([s for s in [opts.get("signal")] if s])
    queue: list[Any] = []
    signalOpt = {"signal": signal}
    next_: Callable[..., Any] | None = None
    resume: Callable[..., Any] | None = None
    done = False
    cnt = 0

    def onCatch(*args: Any) -> None:
        nonlocal done
        done = True
        afterItemProcessed()

    def afterItemProcessed(*args: Any) -> None:
        nonlocal cnt
        cnt -= 1
        maybeResume()

    def maybeResume() -> None:
        nonlocal resume
        if resume is not None and not done and cnt < concurrency \
                and len(queue) < highWaterMark:
            resume()
            resume = None

    def setResume(resolve: Callable[..., Any], reject: Callable[..., Any]) -> None:
        nonlocal resume
        resume = resolve

    def setNext(resolve: Callable[..., Any], reject: Callable[..., Any]) -> None:
        nonlocal next_
        next_ = resolve

    async def pump() -> None:
        nonlocal cnt, done, next_
        try:
            async for val in stream:
                if done:
                    return
                if signal.aborted:
                    raise AbortError()
                try:
                    val = jscall(fn, val, signalOpt)
                    if val is kEmpty:
                        continue
                    val = Promise.resolve(val)
                except Exception as err:  # noqa: BLE001 - a throwing fn rejects its item
                    val = Promise.reject(err)
                cnt += 1
                val.then(afterItemProcessed, onCatch)
                queue.append(val)
                if next_ is not None:
                    next_()
                    next_ = None
                if not done and (len(queue) >= highWaterMark or cnt >= concurrency):
                    await Promise(setResume)
            queue.append(kEof)
        except Exception as err:  # noqa: BLE001
            val = Promise.reject(err)
            val.then(afterItemProcessed, onCatch)
            queue.append(val)
        finally:
            done = True
            if next_ is not None:
                next_()
                next_ = None

    Promise.resolve(pump())

    try:
        while True:
            while queue:
                val = await Promise.resolve(queue[0])
                if val is kEof:
                    return
                if signal.aborted:
                    raise AbortError()
                if val is not kEmpty:
                    yield val
                queue.pop(0)
                maybeResume()
            await Promise(setNext)
    finally:
        done = True
        if resume is not None:
            resume()
            resume = None


async def some(stream: Any, fn: Any, options: dict[str, Any] | None = None) -> bool:
    """``readable.some(fn[, options])``: whether ``fn`` is truthy for a chunk (stops there)."""
    async for _unused in filter(stream, fn, options):
        return True
    return False


async def every(stream: Any, fn: Any, options: dict[str, Any] | None = None) -> bool:
    """``readable.every(fn[, options])``: whether ``fn`` is truthy for every chunk."""
    _validateFn(fn)

    async def negated(*args: Any) -> bool:
        return not await _await(jscall(fn, *args))

    return not await some(stream, negated, options)


async def find(stream: Any, fn: Any, options: dict[str, Any] | None = None) -> Any:
    """``readable.find(fn[, options])``: the first chunk ``fn`` is truthy for, or None."""
    async for result in filter(stream, fn, options):
        return result
    return None


async def forEach(stream: Any, fn: Any, options: dict[str, Any] | None = None) -> None:
    """``readable.forEach(fn[, options])``: ``fn`` for each chunk; resolves at the end."""
    _validateFn(fn)

    async def forEachFn(value: Any, opts: Any) -> Any:
        await _await(jscall(fn, value, opts))
        return kEmpty

    async for _unused in map(stream, forEachFn, options):
        pass


def filter(stream: Any, fn: Any, options: dict[str, Any] | None = None) -> AsyncIterator[Any]:
    """``readable.filter(fn[, options])``: the chunks ``fn`` is truthy for."""
    _validateFn(fn)

    async def filterFn(value: Any, opts: Any) -> Any:
        if await _await(jscall(fn, value, opts)):
            return value
        return kEmpty

    return map(stream, filterFn, options)


class ReduceAwareErrMissingArgs(ERR_MISSING_ARGS):  # type: ignore[valid-type,misc]
    """``ERR_MISSING_ARGS`` with reduce's own message: an empty stream, no initial value."""

    def __init__(self) -> None:
        super().__init__("reduce")
        self.message = "Reduce of an empty stream requires an initial value"

    def __str__(self) -> str:
        return self.message


async def reduce(stream: Any, reducer: Any, initialValue: Any = _NO_VALUE,
                 options: dict[str, Any] | None = None) -> Any:
    """``readable.reduce(reducer[, initial[, options]])``: ``reducer(acc, chunk, {signal})``
    over the chunks (the first chunk is the start when no initial value is given)."""
    _validateFn(reducer, "reducer")
    _validateOptions(options)
    hasInitialValue = initialValue is not _NO_VALUE
    outer = (options or {}).get("signal")
    if outer is not None and outer.aborted:
        err = AbortError(cause=outer.reason)
        stream.once("error", lambda *a: None)  # the error is already propagated
        await _finished(stream.destroy(err))
        raise err
    ac = AbortController()
    signal = ac.signal
    if outer is not None:
        outer.addEventListener("abort", lambda *a: ac.abort(), {"once": True})
    gotAnyItemFromStream = False
    try:
        async for value in stream:
            gotAnyItemFromStream = True
            if outer is not None and outer.aborted:
                raise AbortError()
            if not hasInitialValue:
                initialValue = value
                hasInitialValue = True
            else:
                initialValue = await _await(jscall(reducer, initialValue, value,
                                                   {"signal": signal}))
        if not gotAnyItemFromStream and not hasInitialValue:
            raise ReduceAwareErrMissingArgs()
    finally:
        ac.abort()
    return initialValue


def _finished(stream: Any) -> Promise[Any]:
    """``finished`` of ``stream/promises`` (eos as a Promise)."""
    def executor(resolve: Callable[..., Any], reject: Callable[..., Any]) -> None:
        eos(stream, lambda err=None: reject(err) if err else resolve(None))
    return Promise(executor)


async def toArray(stream: Any, options: dict[str, Any] | None = None) -> list[Any]:
    """``readable.toArray([options])``: every chunk, in a list."""
    _validateOptions(options)
    result = []
    async for val in stream:
        if _aborted(options):
            raise AbortError(cause=options["signal"].reason)  # type: ignore[index]
        result.append(val)
    return result


def flatMap(stream: Any, fn: Any, options: dict[str, Any] | None = None) -> AsyncIterator[Any]:
    """``readable.flatMap(fn[, options])``: each value of the iterable (or stream) that
    ``fn`` returns for each chunk, in order."""
    values = map(stream, fn, options)
    return _flatMap(values)


async def _flatMap(values: AsyncIterator[Any]) -> AsyncIterator[Any]:
    async for val in values:  # JS's yield* over a sync or async iterable
        if hasattr(val, "__aiter__"):
            async for item in val:
                yield item
        else:
            for item in val:
                yield item


def toIntegerOrInfinity(number: Any) -> float:
    """JS's ``Number(number)``, NaN as 0; a negative number is ``ERR_OUT_OF_RANGE``."""
    n = js_number(number)
    if math.isnan(n):
        return 0
    if n < 0:
        raise ERR_OUT_OF_RANGE("number", ">= 0", number)
    return n


def drop(stream: Any, number: Any, options: dict[str, Any] | None = None
         ) -> AsyncIterator[Any]:
    """``readable.drop(n[, options])``: the chunks after the first ``n``."""
    _validateOptions(options)
    count = toIntegerOrInfinity(number)

    async def dropped() -> AsyncIterator[Any]:
        nonlocal count
        if _aborted(options):
            raise AbortError()
        async for val in stream:
            if _aborted(options):
                raise AbortError()
            count -= 1
            if count + 1 <= 0:
                yield val

    return dropped()


def take(stream: Any, number: Any, options: dict[str, Any] | None = None
         ) -> AsyncIterator[Any]:
    """``readable.take(n[, options])``: the first ``n`` chunks (then the source is
    destroyed, as leaving its iteration does)."""
    _validateOptions(options)
    count = toIntegerOrInfinity(number)

    async def taken() -> AsyncIterator[Any]:
        nonlocal count
        if _aborted(options):
            raise AbortError()
        async for val in stream:
            if _aborted(options):
                raise AbortError()
            count -= 1
            if count + 1 > 0:
                yield val
            if count <= 0:  # don't get another item once enough were taken
                return

    return taken()


streamReturningOperators: dict[str, Callable[..., Any]] = {
    "drop": drop, "filter": filter, "flatMap": flatMap, "map": map, "take": take,
}
promiseReturningOperators: dict[str, Callable[..., Any]] = {
    "every": every, "forEach": forEach, "reduce": reduce, "toArray": toArray,
    "some": some, "find": find,
}
