"""Node's ``util.inspect`` and ``util.format`` (``lib/internal/util/inspect.js``).

The same steps as Node's, for the values a Python port has: ``formatValue`` (circular
references, the depth limit, a custom inspect method), ``formatRaw`` (braces and entries
per kind of value), ``formatPrimitive``/``strEscape`` (Node's choice of quotes and
escapes), ``reduceToSingleString`` (the ``compact: 3`` rule: up to three inner levels on
one line when the entries fit in ``breakLength``) and ``groupArrayElements`` (arrays of
more than six short entries in columns).

Python values are shown as the JavaScript values they stand for:

=========================================  ==============================================
``None``                                   ``undefined`` at the top level, ``null`` as a
                                           ``dict`` value or a ``list`` element (see
                                           ``docs/null-undefined.md``)
``bool``, ``int``, ``float``               ``true``, ``3``, ``1.5``, ``NaN``, ``-0``
``str``                                    ``'text'`` (quotes as Node picks them)
``list``, ``tuple``                        an Array: ``[ 1, 2 ]``
``dict``                                   an object: ``{ a: 1, 'b-c': 2 }``
``set``, ``frozenset``                     a Set: ``Set(2) { 1, 2 }``
``bytes``, ``bytearray``, ``memoryview``,  ``<Buffer 68 69>`` (50 bytes at most)
``uvnet.Buffer``
an exception                               its stack, then its fields: ``{ code: ... }``
a function, a class                        ``[Function: name]``, ``[class A extends B]``
a ``uvnet.Promise``                         ``Promise { 1 }``, ``Promise { <pending> }``
another object                             ``ClassName { attr: value }`` from its
                                           ``__dict__``
=========================================  ==============================================
"""

from __future__ import annotations

import math
import re
import sys
from types import TracebackType
from typing import Any, Callable

# (the standard inspect, traceback and decimal modules are loaded when first needed: most
# processes import uvnet without ever inspecting a function, a traceback or a float)

__all__ = ["inspect", "format", "formatWithOptions", "numberToString", "stackOf",
           "inspectDefaultOptions"]

inspectDefaultOptions: dict[str, Any] = {
    "showHidden": False,
    "depth": 2,
    "colors": False,
    "customInspect": True,
    "showProxy": False,
    "maxArrayLength": 100,
    "maxStringLength": 10000,
    "breakLength": 80,
    "compact": 3,
    "sorted": False,
    "getters": False,
    "numericSeparator": False,
}

# Node's util.inspect.custom is Symbol.for('nodejs.util.inspect.custom'); here it is the
# name of the attribute (setattr(cls, util.inspect.custom, fn)), as promisify.custom.
customInspectSymbol = "nodejs.util.inspect.custom"

# inspect.styles / inspect.colors, as Node's (only used with colors=True).
styles: dict[str, str] = {
    "special": "cyan", "number": "yellow", "bigint": "yellow", "boolean": "yellow",
    "undefined": "grey", "null": "bold", "string": "green", "symbol": "green",
    "date": "magenta", "regexp": "red", "module": "underline",
}
colors: dict[str, tuple[int, int]] = {
    "reset": (0, 0), "bold": (1, 22), "dim": (2, 22), "italic": (3, 23),
    "underline": (4, 24), "blink": (5, 25), "inverse": (7, 27), "hidden": (8, 28),
    "strikethrough": (9, 29), "black": (30, 39), "red": (31, 39), "green": (32, 39),
    "yellow": (33, 39), "blue": (34, 39), "magenta": (35, 39), "cyan": (36, 39),
    "white": (37, 39), "bgBlack": (40, 49), "bgRed": (41, 49), "bgGreen": (42, 49),
    "bgYellow": (43, 49), "bgBlue": (44, 49), "bgMagenta": (45, 49), "bgCyan": (46, 49),
    "bgWhite": (47, 49), "gray": (90, 39), "grey": (90, 39),
}

_K_OBJECT_TYPE = 0
_K_ARRAY_TYPE = 1  # an element: its text alone
_K_ARRAY_EXTRAS_TYPE = 2  # an Array's other keys, and the kind of entries an Array has
_K_MIN_LINE_WIDTH = 16
_KEY_STR = re.compile(r"[a-zA-Z_][a-zA-Z_0-9]*\Z")
_ANSI = re.compile(r"\x1b\[\d\d?m")
# Characters strEscape escapes: C0/C1 controls, the quote in use, the backslash, lone
# surrogates.
_ESCAPE = re.compile("[\x00-\x1f'\\\\\x7f-\x9f\ud800-\udfff]")
_ESCAPE_NO_SQ = re.compile("[\x00-\x1f\\\\\x7f-\x9f\ud800-\udfff]")
_META = {
    **{i: f"\\x{i:02X}" for i in range(0x20)},
    8: "\\b", 9: "\\t", 10: "\\n", 12: "\\f", 13: "\\r",
    39: "\\'", 92: "\\\\",
    **{i: f"\\x{i:02X}" for i in range(0x7F, 0xA0)},
}
_INSPECT_MAX_BYTES = 50


class _Ctx:
    """Node's ``ctx``: the options plus the state of one inspect() call."""

    showHidden: bool
    depth: float
    colors: bool
    customInspect: bool
    maxArrayLength: int
    maxStringLength: int
    breakLength: float
    compact: int | bool
    sorted: bool
    numericSeparator: bool

    def __init__(self, opts: dict[str, Any]) -> None:
        self.__dict__.update(opts)
        self.budget: dict[int, int] = {}
        self.indentationLvl = 0
        self.seen: list[int] = []
        self.currentDepth = 0
        self.circular: dict[int, int] | None = None
        self.stylize: Callable[[str, str], str] = (
            _stylizeWithColor if self.colors else _stylizeNoColor)


def _stylizeNoColor(s: str, style: str) -> str:
    return s


def _stylizeWithColor(s: str, style: str) -> str:
    name = styles.get(style)
    if name is not None and name in colors:
        start, end = colors[name]
        return f"\x1b[{start}m{s}\x1b[{end}m"
    return s


def _removeColors(s: str) -> str:
    return _ANSI.sub("", s)


def _options(opts: Any, kwargs: dict[str, Any]) -> dict[str, Any]:
    merged = dict(inspectDefaultOptions)
    if isinstance(opts, dict):
        merged.update(opts)
    merged.update(kwargs)
    if merged["depth"] is None:
        merged["depth"] = math.inf
    if merged["breakLength"] is None:
        merged["breakLength"] = math.inf
    return merged


def inspect(value: Any, opts: dict[str, Any] | bool | None = None, *legacy: Any,
            **kwargs: Any) -> str:
    """Node's ``util.inspect(value[, options])``: the text Node prints for ``value``.

    Options are Node's, as a dict or keywords (``depth=2``, ``colors=False``,
    ``breakLength=80``, ``compact=3``, ``maxArrayLength=100``, ``maxStringLength=10000``,
    ``showHidden=False``, ``sorted=False``, ``customInspect=True``); ``depth=None`` and
    ``breakLength=None`` stand for JS's ``Infinity``. The legacy form
    ``inspect(value, showHidden, depth, colors)`` works too. ``None`` prints as
    ``undefined`` (and as ``null`` inside a dict or list).
    """
    if isinstance(opts, bool):  # inspect(obj, showHidden, depth, colors)
        kwargs["showHidden"] = opts
        for name, v in zip(("depth", "colors"), legacy):
            kwargs[name] = v
        opts = None
    ctx = _Ctx(_options(opts, kwargs))
    return _formatValue(ctx, value, 0, top=True)


inspect.custom = customInspectSymbol  # type: ignore[attr-defined]
inspect.defaultOptions = inspectDefaultOptions  # type: ignore[attr-defined]
inspect.styles = styles  # type: ignore[attr-defined]
inspect.colors = colors  # type: ignore[attr-defined]


# --- numbers and strings -------------------------------------------------------------------


def numberToString(x: float) -> str:
    """JavaScript's ``String(number)`` (ECMA-262 Number::toString): ``1`` for ``1.0``,
    ``1e+21``, ``1e-7``, ``NaN``, ``Infinity``, ``0`` for ``-0``."""
    if isinstance(x, int):
        return str(x)
    if math.isnan(x):
        return "NaN"
    if math.isinf(x):
        return "Infinity" if x > 0 else "-Infinity"
    if x == 0:
        return "0"
    from decimal import Decimal  # noqa: PLC0415
    # repr gives the shortest round-tripping digits, as JS does; only the layout differs.
    t = Decimal(repr(abs(x))).normalize().as_tuple()
    digits = "".join(map(str, t.digits))
    k = len(digits)
    n = k + int(t.exponent)  # value = 0.DIGITS * 10**n
    if k <= n <= 21:
        out = digits + "0" * (n - k)
    elif 0 < n <= 21:
        out = digits[:n] + "." + digits[n:]
    elif -6 < n <= 0:
        out = "0." + "0" * -n + digits
    else:
        e = n - 1
        mant = digits[0] + ("." + digits[1:] if k > 1 else "")
        out = f"{mant}e{'+' if e >= 0 else '-'}{abs(e)}"
    return ("-" if x < 0 else "") + out


def _formatNumber(fn: Callable[[str, str], str], number: float,
                  numericSeparator: bool = False) -> str:
    if isinstance(number, float) and number == 0 and math.copysign(1, number) < 0:
        return fn("-0", "number")
    s = numberToString(number)
    if numericSeparator and isinstance(number, int) or (
            numericSeparator and math.isfinite(number) and number == int(number)):
        s = f"{int(number):_}"
    return fn(s, "number")


def _addQuotes(s: str, quote: int) -> str:
    if quote == -1:
        return f'"{s}"'
    if quote == -2:
        return f"`{s}`"
    return f"'{s}'"


def _escapeChar(m: re.Match[str]) -> str:
    c = ord(m.group())
    if 0xD800 <= c <= 0xDFFF:
        return f"\\u{c:x}"  # a lone surrogate (Python str holds no pairs)
    return _META[c]


def strEscape(s: str) -> str:
    """Node's ``strEscape``: quote with ``'``, or ``"`` / `` ` `` when the text holds a
    single quote and not the other, and escape control characters and the backslash."""
    quote = 39
    pattern = _ESCAPE
    if "'" in s:
        if '"' not in s:
            quote = -1
        elif "`" not in s and "${" not in s:
            quote = -2
        if quote != 39:
            pattern = _ESCAPE_NO_SQ
    return _addQuotes(pattern.sub(_escapeChar, s), quote)


def _formatPrimitive(fn: Callable[[str, str], str], value: Any, ctx: _Ctx) -> str:
    if isinstance(value, str):
        trailer = ""
        if len(value) > ctx.maxStringLength:
            remaining = len(value) - ctx.maxStringLength
            value = value[:ctx.maxStringLength]
            trailer = f"... {remaining} more character{'s' if remaining > 1 else ''}"
        if (ctx.compact is not True and len(value) > _K_MIN_LINE_WIDTH
                and len(value) > ctx.breakLength - ctx.indentationLvl - 4):
            lines = re.split(r"(?<=\n)", value)
            if lines and lines[-1] == "":
                lines.pop()
            sep = " +\n" + " " * (ctx.indentationLvl + 2)
            return sep.join(fn(strEscape(line), "string") for line in lines) + trailer
        return fn(strEscape(value), "string") + trailer
    if isinstance(value, bool):
        return fn("true" if value else "false", "boolean")
    return _formatNumber(fn, value, ctx.numericSeparator)


# --- errors and their stacks ---------------------------------------------------------------


def _errorName(err: BaseException) -> str:
    name = getattr(err, "name", None)
    if isinstance(name, str):
        return name
    # A Python exception is named after its class; Exception itself is JS's Error.
    cls = type(err).__name__
    return "Error" if cls == "Exception" else cls


def _errorHeader(err: BaseException) -> str:
    """The first line of a stack: ``Name: message``, or ``Name [CODE]: message`` for a
    Node error with a code (as Node's ``kIsNodeError`` errors show)."""
    name = _errorName(err)
    code = getattr(type(err), "code", None)
    from ..errors import NodeError  # noqa: PLC0415  (errors imports this module's users)
    if isinstance(err, NodeError) and code:
        name = f"{name} [{code}]"
    message = getattr(err, "message", None)
    if not isinstance(message, str):
        message = str(err)
    return f"{name}: {message}" if message else name


def _frameLines(tb: TracebackType | None, frames: list[tuple[str, int, str]] | None) -> list[str]:
    if frames is None:
        import traceback  # noqa: PLC0415
        frames = [(fs.filename, fs.lineno or 0, fs.name)
                  for fs in traceback.extract_tb(tb)][::-1]  # innermost first, as V8
    out = []
    for filename, lineno, name in frames[:10]:  # Error.stackTraceLimit
        loc = f"{filename}:{lineno}"
        out.append(f"    at {loc}" if name == "<module>" else f"    at {name} ({loc})")
    return out


def captureStack(skip: int = 1, skipFile: str | None = None) -> list[tuple[str, int, str]]:
    """The calling frames, innermost first (V8's ``Error.captureStackTrace``), ``skip``
    frames up and past any frame of ``skipFile``: what an error built by uvnet (emitted,
    never raised, so without a traceback) shows as its stack."""
    out: list[tuple[str, int, str]] = []
    f: Any = sys._getframe(skip + 1)
    while f is not None and f.f_code.co_filename == skipFile:
        f = f.f_back
    while f is not None and len(out) < 10:  # Error.stackTraceLimit
        out.append((f.f_code.co_filename, f.f_lineno, f.f_code.co_name))
        f = f.f_back
    return out


def stackOf(err: BaseException) -> str:
    """``err.stack`` as Node prints it: ``Error: message`` then ``    at ...`` lines, from
    the error's ``stack`` attribute if it has a string one, else from the frames where
    uvnet built it (its errors record them, as V8 does), else from its traceback,
    innermost first."""
    stack = getattr(err, "stack", None)
    if isinstance(stack, str):
        return stack
    # Where uvnet built it (V8's stack), else where it was raised to where it was caught.
    lines = _frameLines(err.__traceback__, getattr(err, "_stackFrames", None))
    return "\n".join([_errorHeader(err)] + lines)


def _errorKeys(err: BaseException) -> list[str]:
    """An error's own enumerable fields, in the order Node sets them: ``errno`` first for
    a system error (Python keeps it outside ``__dict__``), then ``code``..."""
    # A field left None is one Node never set (UVException's syscall before it is known).
    keys = [k for k, v in vars(err).items()
            if k not in ("message", "stack", "_stackFrames", "name")
            and not k.startswith("__") and v is not None]
    if isinstance(err, OSError) and err.errno is not None and "errno" not in keys:
        keys.insert(0, "errno")
    code = getattr(type(err), "code", None)
    if "code" not in keys and isinstance(code, str) and code:
        keys.append("code")
    return keys


def _formatError(err: BaseException, ctx: _Ctx, keys: list[str]) -> str:
    stack = stackOf(err)
    message = getattr(err, "message", None) or str(err)
    pos = stack.find(message) if message else -1
    if pos != -1:
        pos += len(message)
    if stack.find("\n    at", max(pos, 0)) == -1:
        stack = f"[{stack}]"
    if ctx.indentationLvl != 0:
        stack = stack.replace("\n", "\n" + " " * ctx.indentationLvl)
    cause = err.__cause__
    if cause is not None and "cause" not in keys:
        keys.append("cause")
    return stack


# --- objects -------------------------------------------------------------------------------


_PROMISE_STATES = ("pending", "fulfilled", "rejected")


def _getPromiseDetails(value: Any) -> tuple[str, Any] | None:
    """``('pending' | 'fulfilled' | 'rejected', result)`` for a Promise (Node's
    ``getPromiseDetails`` binding): a ``uvnet.Promise``, or any object whose class has a
    ``_getPromiseDetails()`` method returning that pair; ``None`` for anything else."""
    promise = sys.modules.get("uvnet.internal.promise")  # (no Promise exists before it)
    if promise is not None and isinstance(value, promise.Promise):
        return _PROMISE_STATES[value._state], value._result
    getter = getattr(type(value), "_getPromiseDetails", None)
    if getter is None:
        return None
    details: tuple[str, Any] = getter(value)
    return details


def _isBuffer(value: Any) -> bool:
    return isinstance(value, (bytes, bytearray, memoryview))


def _functionBase(value: Any) -> str:
    if isinstance(value, type):
        base = f"[class {value.__name__}"
        parents = [b for b in value.__bases__ if b is not object]
        if parents:
            base += f" extends {parents[0].__name__}"
        return base + "]"
    import inspect as _pyinspect  # noqa: PLC0415
    fn = getattr(value, "__func__", value)
    kind = "Function"
    if _pyinspect.iscoroutinefunction(fn):
        kind = "AsyncFunction"
    elif _pyinspect.isasyncgenfunction(fn):
        kind = "AsyncGeneratorFunction"
    elif _pyinspect.isgeneratorfunction(fn):
        kind = "GeneratorFunction"
    name = getattr(value, "__name__", "")
    if not isinstance(name, str) or name in ("", "<lambda>"):
        return f"[{kind} (anonymous)]"
    return f"[{kind}: {name}]"


def _formatValue(ctx: _Ctx, value: Any, recurseTimes: int, top: bool = False) -> str:
    if value is None:
        return ctx.stylize("undefined", "undefined") if top else ctx.stylize("null", "null")
    if isinstance(value, (str, bool, int, float)):
        return _formatPrimitive(ctx.stylize, value, ctx)
    if ctx.customInspect:
        custom = getattr(value, customInspectSymbol, None)
        if custom is not None and callable(custom):
            depth = ctx.depth - recurseTimes
            opts = {k: v for k, v in vars(ctx).items() if k in inspectDefaultOptions}
            opts["depth"] = depth
            ret = custom(depth, opts, inspect)
            if ret is not value:
                if not isinstance(ret, str):
                    return _formatValue(ctx, ret, recurseTimes)
                return ret.replace("\n", "\n" + " " * ctx.indentationLvl)
    if id(value) in ctx.seen:
        index = 1
        if ctx.circular is None:
            ctx.circular = {id(value): index}
        else:
            found = ctx.circular.get(id(value))
            if found is None:
                index = len(ctx.circular) + 1
                ctx.circular[id(value)] = index
            else:
                index = found
        return ctx.stylize(f"[Circular *{index}]", "special")
    return _formatRaw(ctx, value, recurseTimes)


def _slotNames(cls: type) -> list[str]:
    names: list[str] = []
    for klass in reversed(cls.__mro__):
        slots = klass.__dict__.get("__slots__", ())
        for name in (slots,) if isinstance(slots, str) else slots:
            if name not in ("__dict__", "__weakref__") and name not in names:
                names.append(name)
    return names


def _ownKeys(value: Any) -> list[Any]:
    """An object's own properties: its set ``__slots__`` fields, then its ``__dict__``."""
    keys: list[Any] = [k for k in _slotNames(type(value)) if hasattr(value, k)]
    d = getattr(value, "__dict__", None)
    if isinstance(d, dict):
        # A key that is not a str (set through __dict__) stands for a Symbol key.
        keys += [k for k in d if not isinstance(k, str) or not k.startswith("__")]
    return keys


def _hasFields(value: Any) -> bool:
    return isinstance(getattr(value, "__dict__", None), dict) or bool(_slotNames(type(value)))


def _formatRaw(ctx: _Ctx, value: Any, recurseTimes: int) -> str:
    keys: list[Any] = []
    base = ""
    braces = ["{", "}"]
    extrasType = _K_OBJECT_TYPE
    formatter: Callable[[_Ctx, Any, int], list[str]] = _formatNothing
    getter: Callable[[Any, Any], Any] = getattr
    noEntries = False

    if isinstance(value, (list, tuple)):
        prefix = ""
        if len(value) == 0:
            return "[]"
        braces = [f"{prefix}[", "]"]
        extrasType = _K_ARRAY_EXTRAS_TYPE
        formatter = _formatArray
        keys = _ownKeys(value)  # a list subclass's own attributes, as an Array's extra keys
        getter = _attrGet
    elif isinstance(value, dict):
        keys = _propertyOrder(value)
        getter = _dictGet
        if not keys:
            return "{}"
    elif isinstance(value, (set, frozenset)):
        name = "Set"
        if len(value) == 0:
            return f"{name}(0) {{}}"
        braces = [f"{name}({len(value)}) {{", "}"]
        formatter = _formatSet
    elif _isBuffer(value):
        return _formatBuffer(value)
    elif isinstance(value, BaseException):
        keys = _errorKeys(value)
        base = _formatError(value, ctx, keys)
        if not keys:
            return base
        getter = _errorGet
    elif callable(value) and (isinstance(value, type) or hasattr(value, "__name__")):
        base = ctx.stylize(_functionBase(value), "special")
        keys = _ownKeys(value) if not isinstance(value, type) else []
        if not keys:
            return base
    else:
        details = _getPromiseDetails(value)
        keys = _ownKeys(value)
        name = type(value).__name__
        if details is not None:
            braces = ["Promise {", "}"]
            formatter = _formatPromise
            keys = []  # its state is the entry; its attributes are uvnet's bookkeeping
        elif not keys and not _hasFields(value):
            # A builtin object with no JS counterpart (a datetime, a Decimal...).
            return ctx.stylize(repr(value), "special")
        else:
            braces = [f"{name} {{", "}"]
            noEntries = not keys
            getter = _fieldGet
        if noEntries:
            return f"{braces[0]}}}"

    if recurseTimes > ctx.depth:
        return ctx.stylize(f"[{_ctxName(value)}]", "special")
    recurseTimes += 1
    ctx.seen.append(id(value))
    ctx.currentDepth = recurseTimes
    output = formatter(ctx, value, recurseTimes)
    for key in keys:
        output.append(_formatProperty(ctx, getter(value, key), recurseTimes, key, extrasType))
    if ctx.showHidden and extrasType == _K_ARRAY_EXTRAS_TYPE:
        output.append(f"[length]: {_formatNumber(ctx.stylize, len(value))}")
    if ctx.circular is not None:
        index = ctx.circular.get(id(value))
        if index is not None:
            reference = ctx.stylize(f"<ref *{index}>", "special")
            if ctx.compact is not True:
                base = reference if base == "" else f"{reference} {base}"
            else:
                braces[0] = f"{reference} {braces[0]}"
    ctx.seen.pop()
    if ctx.sorted:
        if extrasType == _K_OBJECT_TYPE:
            output.sort()
    res = _reduceToSingleString(ctx, output, base, braces, extrasType, recurseTimes, value)
    budget = ctx.budget.get(ctx.indentationLvl, 0) + len(res)
    ctx.budget[ctx.indentationLvl] = budget
    if budget > 2**27:
        ctx.depth = -1
    return res


def _ctxName(value: Any) -> str:
    if isinstance(value, (list, tuple)):
        return "Array"
    if isinstance(value, dict):
        return "Object"
    if isinstance(value, (set, frozenset)):
        return "Set"
    if isinstance(value, BaseException):
        return _errorName(value)
    return type(value).__name__


def _attrGet(value: Any, key: Any) -> Any:
    return vars(value)[key]


def _fieldGet(value: Any, key: Any) -> Any:
    return getattr(value, key) if isinstance(key, str) else vars(value)[key]


def _arrayIndex(key: Any) -> int | None:
    """The array index a property key is in JS (``'2'``, ``2``), else ``None``."""
    if isinstance(key, bool):
        return None
    if isinstance(key, int):
        return key if 0 <= key <= 2**32 - 2 else None
    if isinstance(key, str) and key.isdigit() and key.isascii() and (key == "0" or key[0] != "0"):
        n = int(key)
        return n if n <= 2**32 - 2 else None
    return None


def _propertyOrder(d: dict[Any, Any]) -> list[Any]:
    """A dict's keys in the order JS enumerates an object's: array indices ascending
    first, then the other keys in insertion order (``{b: 1, 2: 'x'}`` is ``{ '2', b }``)."""
    keys = list(d)
    indices = [(n, k) for k in keys for n in (_arrayIndex(k),) if n is not None]
    if not indices:
        return keys
    indices.sort(key=lambda pair: pair[0])
    return [k for _, k in indices] + [k for k in keys if _arrayIndex(k) is None]


def _dictGet(value: dict[Any, Any], key: Any) -> Any:
    return value[key]


def _errorGet(value: BaseException, key: str) -> Any:
    if key == "cause":
        return value.__cause__ if "cause" not in vars(value) else vars(value)["cause"]
    return getattr(value, key, None)


def _formatNothing(ctx: _Ctx, value: Any, recurseTimes: int) -> list[str]:
    return []


def _formatArray(ctx: _Ctx, value: Any, recurseTimes: int) -> list[str]:
    valLen = len(value)
    n = min(max(0, ctx.maxArrayLength), valLen)
    remaining = valLen - n
    output = [_formatProperty(ctx, value[i], recurseTimes, i, _K_ARRAY_TYPE)
              for i in range(n)]
    if remaining > 0:
        output.append(f"... {remaining} more item{'s' if remaining > 1 else ''}")
    return output


def _formatSet(ctx: _Ctx, value: Any, recurseTimes: int) -> list[str]:
    ctx.indentationLvl += 2
    output = [_formatValue(ctx, v, recurseTimes) for v in value]
    ctx.indentationLvl -= 2
    return output


def _formatPromise(ctx: _Ctx, value: Any, recurseTimes: int) -> list[str]:
    details = _getPromiseDetails(value)
    assert details is not None
    state, result = details
    if state == "pending":
        return [ctx.stylize("<pending>", "special")]
    ctx.indentationLvl += 2
    # A Promise resolved with nothing holds undefined (the top-level rule for None).
    s = _formatValue(ctx, result, recurseTimes, top=True)
    ctx.indentationLvl -= 2
    return [f"{ctx.stylize('<rejected>', 'special')} {s}" if state == "rejected" else s]


def _formatBuffer(value: Any) -> str:
    data = bytes(value[:_INSPECT_MAX_BYTES]) if not isinstance(value, memoryview) \
        else value.cast("B")[:_INSPECT_MAX_BYTES].tobytes()
    length = value.nbytes if isinstance(value, memoryview) else len(value)
    s = " ".join(f"{b:02x}" for b in data)
    remaining = length - _INSPECT_MAX_BYTES
    if remaining > 0:
        s += f" ... {remaining} more byte{'s' if remaining > 1 else ''}"
    return f"<Buffer {s}>"


def _jsKey(key: Any) -> str:
    if isinstance(key, str):
        return key
    if isinstance(key, bool) or key is None:
        return "true" if key is True else "false" if key is False else "null"
    if isinstance(key, (int, float)):
        return numberToString(key)
    return str(key)


def _formatProperty(ctx: _Ctx, value: Any, recurseTimes: int, key: Any, type: int) -> str:
    extra = " "
    diff = 2 if (ctx.compact is not True or type != _K_OBJECT_TYPE) else 3
    ctx.indentationLvl += diff
    s = _formatValue(ctx, value, recurseTimes)
    if diff == 3 and ctx.breakLength < len(s):
        extra = "\n" + " " * ctx.indentationLvl
    ctx.indentationLvl -= diff
    if type == _K_ARRAY_TYPE:
        return s
    if not isinstance(key, (str, int, float)) and key is not None:
        return f"{ctx.stylize(f'[{key!r}]', 'symbol')}:{extra}{s}"  # a Symbol key
    name = _jsKey(key)
    if name == "__proto__":
        name = "['__proto__']"
    elif _KEY_STR.match(name):
        name = ctx.stylize(name, "name")
    else:
        name = ctx.stylize(strEscape(name), "string")
    return f"{name}:{extra}{s}"


def _isBelowBreakLength(ctx: _Ctx, output: list[str], start: int, base: str) -> bool:
    totalLength = len(output) + start
    if totalLength + len(output) > ctx.breakLength:
        return False
    for entry in output:
        totalLength += len(_removeColors(entry)) if ctx.colors else len(entry)
        if totalLength > ctx.breakLength:
            return False
    return base == "" or "\n" not in base


def _reduceToSingleString(ctx: _Ctx, output: list[str], base: str, braces: list[str],
                          extrasType: int, recurseTimes: int, value: Any) -> str:
    if ctx.compact is not True:
        if isinstance(ctx.compact, int) and ctx.compact >= 1:
            entries = len(output)
            if extrasType == _K_ARRAY_EXTRAS_TYPE and entries > 6:
                output = _groupArrayElements(ctx, output, value)
            if ctx.currentDepth - recurseTimes < ctx.compact and entries == len(output):
                start = len(output) + ctx.indentationLvl + len(braces[0]) + len(base) + 10
                if _isBelowBreakLength(ctx, output, start, base):
                    joined = ", ".join(output)
                    if "\n" not in joined:
                        return f"{base + ' ' if base else ''}{braces[0]} {joined} {braces[1]}"
        indentation = "\n" + " " * ctx.indentationLvl
        return (f"{base + ' ' if base else ''}{braces[0]}{indentation}  "
                f"{(',' + indentation + '  ').join(output)}{indentation}{braces[1]}")
    if _isBelowBreakLength(ctx, output, 0, base):
        return f"{braces[0]}{base and ' ' + base} {', '.join(output)} {braces[1]}"
    indentation = "\n" + " " * ctx.indentationLvl
    ln = f"{base and ' ' + base}{indentation}  " if base or "\n" in braces[0] else " "
    return f"{braces[0]}{ln}{(',' + indentation + '  ').join(output)} {braces[1]}"


def _groupArrayElements(ctx: _Ctx, output: list[str], value: Any) -> list[str]:
    totalLength = 0
    maxLength = 0
    outputLength = len(output)
    if ctx.maxArrayLength < len(output):
        outputLength -= 1  # the "... n more items" entry takes no column
    separatorSpace = 2
    dataLen = []
    for i in range(outputLength):
        n = len(_removeColors(output[i])) if ctx.colors else len(output[i])
        dataLen.append(n)
        totalLength += n + separatorSpace
        if maxLength < n:
            maxLength = n
    actualMax = maxLength + separatorSpace
    if (actualMax * 3 + ctx.indentationLvl < ctx.breakLength
            and (totalLength / actualMax > 5 or maxLength <= 6)):
        averageBias = math.sqrt(actualMax - totalLength / len(output))
        biasedMax = max(actualMax - 3 - averageBias, 1)
        columns = min(
            _jsRound(math.sqrt(2.5 * biasedMax * outputLength) / biasedMax),
            math.floor((ctx.breakLength - ctx.indentationLvl) / actualMax),
            ctx.compact * 4,
            15,
        )
        if columns <= 1:
            return output
        tmp = []
        maxLineLength = []
        for i in range(columns):
            lineLength = 0
            for j in range(i, outputLength, columns):
                if dataLen[j] > lineLength:
                    lineLength = dataLen[j]
            maxLineLength.append(lineLength + separatorSpace)
        padStart = True
        if value is not None:
            for i in range(min(len(output), len(value))):
                v = value[i]
                if not isinstance(v, (int, float)) or isinstance(v, bool):
                    padStart = False
                    break
        for i in range(0, outputLength, columns):
            last = min(i + columns, outputLength)
            s = ""
            j = i
            while j < last - 1:
                padding = maxLineLength[j - i] + len(output[j]) - dataLen[j]
                cell = f"{output[j]}, "
                s += cell.rjust(padding) if padStart else cell.ljust(padding)
                j += 1
            if padStart:
                padding = maxLineLength[j - i] + len(output[j]) - dataLen[j] - separatorSpace
                s += output[j].rjust(padding)
            else:
                s += output[j]
            tmp.append(s)
        if ctx.maxArrayLength < len(output):
            tmp.append(output[outputLength])
        output = tmp
    return output


def _jsRound(x: float) -> int:
    return math.floor(x + 0.5)  # Math.round: halves go up


# --- format --------------------------------------------------------------------------------

_JS_WS = " \t\n\v\f\r\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008" \
         "\u2009\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_INT_PREFIX = re.compile(r"[+-]?(0[xX][0-9a-fA-F]+|\d+)")
_FLOAT_PREFIX = re.compile(r"[+-]?(Infinity|(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?)")


def _jsString(value: Any) -> str:
    """JavaScript's ``String(value)`` for a port's values (``None`` is undefined)."""
    if value is None:
        return "undefined"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return numberToString(value)
    if isinstance(value, BaseException):
        return _errorHeader(value)
    if isinstance(value, (list, tuple)):  # Array.prototype.join: holes and null are ''
        return ",".join("" if v is None else _jsString(v) for v in value)
    if _isBuffer(value):
        return bytes(value).decode("utf-8", "replace")
    if isinstance(value, dict) or (_hasBuiltInToString(value) and not isinstance(value, str)):
        return "[object Object]"
    return str(value)


def _parseInt(value: Any) -> float:
    m = _INT_PREFIX.match(_jsString(value).lstrip(_JS_WS))
    if m is None:
        return math.nan
    text = m.group()
    sign = -1 if text.startswith("-") else 1
    digits = text.lstrip("+-")
    return sign * (int(digits, 16) if digits[:2] in ("0x", "0X") else int(digits))


def _parseFloat(value: Any) -> float:
    m = _FLOAT_PREFIX.match(_jsString(value).lstrip(_JS_WS))
    if m is None:
        return math.nan
    text = m.group()
    if text.lstrip("+-") == "Infinity":
        return -math.inf if text.startswith("-") else math.inf
    return float(text)


def _toNumber(value: Any) -> float:
    from ..validators import js_number  # noqa: PLC0415  (validators imports errors)
    if value is None:
        return math.nan  # Number(undefined)
    if isinstance(value, (list, tuple)):
        # Number([]) is 0, Number([x]) is Number(String(x)), else NaN.
        return 0.0 if not value else js_number(_jsString(value[0])) if len(value) == 1 \
            else math.nan
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return value
    return js_number(value) if isinstance(value, (str, bool)) else math.nan


def _hasBuiltInToString(value: Any) -> bool:
    """Whether ``%s`` inspects ``value`` (Node's ``hasBuiltInToString``): yes unless its
    class (not a builtin one) defines ``__str__``."""
    if isinstance(value, BaseException):
        return True
    for cls in type(value).__mro__:
        if "__str__" in cls.__dict__:
            return cls.__module__ == "builtins"
    return True


def _jsonStringify(value: Any) -> str:
    import json  # noqa: PLC0415

    def default(o: Any) -> Any:
        toJSON = getattr(o, "toJSON", None)
        if callable(toJSON):
            return toJSON()
        if isinstance(o, (set, frozenset)):
            return {}
        if _isBuffer(o):
            return {"type": "Buffer", "data": list(bytes(o))}
        if isinstance(o, BaseException):
            return {k: getattr(o, k, None) for k in _errorKeys(o)}
        if hasattr(o, "__dict__"):
            return {k: v for k, v in vars(o).items() if not k.startswith("__")}
        raise TypeError(type(o).__name__)

    def walk(o: Any) -> Any:
        if isinstance(o, float) and not math.isfinite(o):
            return None
        if isinstance(o, float) and o == int(o) and abs(o) < 1e21:
            return int(o)
        if isinstance(o, dict):
            return {_jsKey(k): walk(o[k]) for k in _propertyOrder(o)}
        if isinstance(o, (list, tuple)):
            return [walk(v) for v in o]
        if o is None or isinstance(o, (str, int, bool, float)):
            return o
        return walk(default(o))

    if value is None:
        return "undefined"
    try:
        return json.dumps(walk(value), ensure_ascii=False, separators=(",", ":"))
    except RecursionError:
        return "[Circular]"
    except ValueError as err:
        if "Circular" in str(err):
            return "[Circular]"
        raise


def format(*args: Any) -> str:
    """Node's ``util.format(format[, ...args])``: ``%s %d %i %f %j %o %O %c %%`` are
    replaced by the following arguments as Node replaces them; arguments left over are
    appended, separated by spaces (strings as they are, anything else inspected)."""
    return formatWithOptions(None, *args)


def formatWithOptions(inspectOptions: dict[str, Any] | None, *args: Any) -> str:
    """Node's ``util.formatWithOptions(inspectOptions, format[, ...args])``: ``format``
    with these options for every value it inspects."""
    opts = dict(inspectOptions or {})
    if not args:
        return ""
    first = args[0]
    a = 0
    out = ""
    join = ""
    if isinstance(first, str):
        if len(args) == 1:
            return first
        lastPos = 0
        i = 0
        n = len(first)
        while i < n - 1:
            if first[i] == "%":
                i += 1
                c = first[i]
                if a + 1 != len(args):
                    if c == "s":
                        a += 1
                        arg = args[a]
                        if isinstance(arg, (int, float)) and not isinstance(arg, bool):
                            tempStr = _formatNumber(_stylizeNoColor, arg)
                        elif _isBuffer(arg):
                            tempStr = bytes(arg).decode("utf-8", "replace")  # toString()
                        elif (arg is None or isinstance(arg, (str, bool))
                              or not _hasBuiltInToString(arg)):
                            tempStr = _jsString(arg)
                        else:
                            tempStr = inspect(arg, {**opts, "depth": 0, "colors": False,
                                                    "compact": 3})
                    elif c == "j":
                        a += 1
                        tempStr = _jsonStringify(args[a])
                    elif c == "d":
                        a += 1
                        tempStr = _formatNumber(_stylizeNoColor, _toNumber(args[a]))
                    elif c == "O":
                        a += 1
                        tempStr = inspect(args[a], opts)
                    elif c == "o":
                        a += 1
                        tempStr = inspect(args[a], {**opts, "showHidden": True,
                                                    "showProxy": True, "depth": 4})
                    elif c == "i":
                        a += 1
                        tempStr = _formatNumber(_stylizeNoColor, _parseInt(args[a]))
                    elif c == "f":
                        a += 1
                        tempStr = _formatNumber(_stylizeNoColor, _parseFloat(args[a]))
                    elif c == "c":
                        a += 1
                        tempStr = ""
                    elif c == "%":
                        out += first[lastPos:i]
                        lastPos = i + 1
                        i += 1
                        continue
                    else:
                        i += 1
                        continue
                    if lastPos != i - 1:
                        out += first[lastPos:i - 1]
                    out += tempStr
                    lastPos = i + 1
                elif c == "%":
                    out += first[lastPos:i]
                    lastPos = i + 1
            i += 1
        if lastPos != 0:
            a += 1
            join = " "
            if lastPos < n:
                out += first[lastPos:]
    while a < len(args):
        value = args[a]
        out += join
        out += value if isinstance(value, str) else inspect(value, opts)
        join = " "
        a += 1
    return out
