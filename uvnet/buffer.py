"""Node's ``Buffer`` and its string encodings (``lib/buffer.js``, ``string_bytes.cc``).

:class:`Buffer` (also ``uvnet.Buffer``) is Node's Buffer: ``Buffer.from_`` (``from`` is a
Python keyword), ``alloc``, ``concat``, ``buf.readUInt16BE(i)``, ``write``, ``toString``,
``subarray``, ``indexOf`` ... with Node's results and errors. It is a ``bytearray``, so it
goes wherever ``bytes`` does; the class notes say where Python makes it differ from Node's.
``'data'`` chunks and ``read()`` results of uvnet's streams are Buffers. ``None`` stands for
``undefined`` in its arguments: an argument given as ``None`` is an omitted one.

A JavaScript string is a sequence of UTF-16 code units; a Python ``str`` is a sequence of
code points. Where Node's result depends on code units (``latin1``/``ascii`` take the low
byte of each unit, ``utf16le`` writes the units, lengths count units) an astral character
counts as its two surrogates, so a ported program gets Node's bytes.

* :func:`normalizeEncoding` -- Node's ``normalizeEncoding`` (``internal/util``): the
  canonical name (``'utf8'``, ``'utf16le'``, ``'latin1'``, ``'ascii'``, ``'base64'``,
  ``'base64url'``, ``'hex'``) or ``None`` for an unknown name; ``None``/``''`` mean ``'utf8'``.
* :func:`encode` -- ``Buffer.from(string, encoding)``.
* :func:`decode` -- ``buf.toString(encoding)``.
* :func:`byteLength` -- ``Buffer.byteLength(string, encoding)`` (Node's estimate for base64).
* :func:`isEncoding` -- ``Buffer.isEncoding``.
"""

from __future__ import annotations

import array
import base64 as _b64
import binascii
import math
import re
from typing import Any, Callable

from .internal.buffer import BufferNumbers, jsNumber, toUint8
from .internal.errors import (
    ERR_INVALID_ARG_TYPE,
    ERR_INVALID_ARG_VALUE,
    ERR_INVALID_BUFFER_SIZE,
    ERR_OUT_OF_RANGE,
    ERR_UNKNOWN_ENCODING,
    errorWithMessage,
)
from .internal.validators import is_number, js_number, validateNumber, validateString

__all__ = ["Buffer", "normalizeEncoding", "isEncoding", "encode", "decode", "byteLength",
           "kMaxLength"]

_EXACT = {
    "utf8": "utf8", "utf-8": "utf8", "UTF8": "utf8", "UTF-8": "utf8",
    "ucs2": "utf16le", "UCS2": "utf16le", "ucs-2": "utf16le", "UCS-2": "utf16le",
    "utf16le": "utf16le", "UTF16LE": "utf16le", "utf-16le": "utf16le", "UTF-16LE": "utf16le",
    "latin1": "latin1", "binary": "latin1", "LATIN1": "latin1", "BINARY": "latin1",
    "base64": "base64", "BASE64": "base64", "base64url": "base64url", "BASE64URL": "base64url",
    "hex": "hex", "HEX": "hex", "ascii": "ascii", "ASCII": "ascii",
}
_LOWER = {
    "utf8": "utf8", "utf-8": "utf8", "ucs2": "utf16le", "ucs-2": "utf16le",
    "utf16le": "utf16le", "utf-16le": "utf16le", "latin1": "latin1", "binary": "latin1",
    "base64": "base64", "base64url": "base64url", "hex": "hex", "ascii": "ascii",
}


def normalizeEncoding(enc: Any) -> str | None:
    """Node's ``normalizeEncoding``: canonical encoding name, or ``None`` if unknown."""
    if enc is None or enc == "utf8" or enc == "utf-8" or enc == "":
        return "utf8"
    if not isinstance(enc, str):
        return None
    found = _EXACT.get(enc)
    if found is not None:
        return found
    # Node lower-cases with JS's toLowerCase; only ASCII letters can matter here.
    return _LOWER.get(enc.lower())


def isEncoding(enc: Any) -> bool:
    """``Buffer.isEncoding``: a non-empty string naming an encoding Node knows."""
    return isinstance(enc, str) and enc != "" and normalizeEncoding(enc) is not None


def _canonical(enc: Any) -> str:
    norm = normalizeEncoding(enc)
    if norm is None:
        raise ERR_UNKNOWN_ENCODING(enc)
    return norm


def _js_length(s: str) -> int:
    """``s.length`` in JavaScript: UTF-16 code units."""
    if s.isascii():
        return len(s)
    return len(s.encode("utf-16-le", "surrogatepass")) >> 1


def jsLength(chunk: str | bytes | bytearray | memoryview) -> int:
    """``chunk.length`` in JavaScript: UTF-16 code units of a string, bytes of a Buffer
    (what stream buffers count without ``objectMode``)."""
    if type(chunk) is str and not chunk.isascii():
        return _js_length(chunk)
    return len(chunk)


def jsSlice(s: str, start: int, end: int | None = None) -> str:
    """``s.slice(start, end)`` in JavaScript, in UTF-16 code units: a surrogate pair cut in
    two leaves two lone surrogates, as in Node."""
    if s.isascii():
        return s[start:end]
    units = s.encode("utf-16-le", "surrogatepass")
    return units[2 * start:None if end is None else 2 * end].decode("utf-16-le", "surrogatepass")


def jsConcat(parts: list[str]) -> str:
    """``a + b + ...`` in JavaScript: lone surrogates that meet make one character again."""
    s = "".join(parts)
    if s.isascii():
        return s
    return s.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def _units_low_bytes(s: str) -> bytes:
    """The low byte of every UTF-16 code unit (Node's latin1/ascii writer)."""
    try:
        return s.encode("latin-1")
    except UnicodeEncodeError:
        return s.encode("utf-16-le", "surrogatepass")[0::2]


_HEX_PREFIX = re.compile(r"[0-9a-fA-F]*")
_B64_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/"
_B64_KEEP = re.compile(r"[^A-Za-z0-9+/\-_]+")
_B64_URL_TO_STD = str.maketrans("-_", "+/")


def _decode_base64(s: str) -> bytes:
    # Node's slow-path base64 decoder: characters outside both alphabets are skipped,
    # decoding stops at the first '=', and a trailing group of 2/3 symbols gives 1/2 bytes.
    eq = s.find("=")
    if eq >= 0:
        s = s[:eq]
    s = _B64_KEEP.sub("", s).translate(_B64_URL_TO_STD)
    rem = len(s) & 3
    if rem == 1:
        s = s[:-1]
        rem = 0
    if rem:
        s += "=" * (4 - rem)
    return binascii.a2b_base64(s) if s else b""


def encode(s: str, encoding: str | None = "utf8") -> bytes:
    """``Buffer.from(s, encoding)`` with Node's exact byte output."""
    enc = _canonical(encoding)
    if enc == "utf8":
        try:
            return s.encode("utf-8")
        except UnicodeEncodeError:
            # Pair up surrogates as JS does; a lone surrogate becomes EF BF BD.
            units = s.encode("utf-16-le", "surrogatepass")
            return units.decode("utf-16-le", "replace").encode("utf-8")
    if enc == "latin1" or enc == "ascii":
        return _units_low_bytes(s)
    if enc == "utf16le":
        return s.encode("utf-16-le", "surrogatepass")
    if enc == "hex":
        valid = _HEX_PREFIX.match(s).end()  # type: ignore[union-attr]
        return bytes.fromhex(s[:valid & ~1])
    return _decode_base64(s)


_ASCII_TABLE = bytes(b & 0x7F for b in range(256))


def decode(b: bytes | bytearray | memoryview, encoding: str | None = "utf8") -> str:
    """``buf.toString(encoding)``: invalid UTF-8 becomes U+FFFD (WHATWG), ascii drops bit 7."""
    enc = _canonical(encoding)
    if enc == "utf8":
        return (b if isinstance(b, (bytes, bytearray)) else bytes(b)).decode("utf-8", "replace")
    if enc == "latin1":
        return (b if isinstance(b, (bytes, bytearray)) else bytes(b)).decode("latin-1")
    if enc == "ascii":
        return bytes(b).translate(_ASCII_TABLE).decode("latin-1")
    if enc == "utf16le":
        data = bytes(b)
        if len(data) & 1:
            data = data[:-1]
        return data.decode("utf-16-le", "surrogatepass")
    if enc == "hex":
        return bytes(b).hex()
    if enc == "base64":
        return _b64.b64encode(bytes(b)).decode("ascii")
    return _b64.urlsafe_b64encode(bytes(b)).decode("ascii").rstrip("=")


def byteLength(s: str | bytes | bytearray | memoryview, encoding: str | None = "utf8") -> int:
    """``Buffer.byteLength``: bytes for buffers; Node's per-encoding count for strings."""
    if not isinstance(s, str):
        return memoryview(s).nbytes
    enc = normalizeEncoding(encoding) or "utf8"
    if enc == "utf8":
        return len(encode(s, "utf8"))
    if enc == "latin1" or enc == "ascii":
        return _js_length(s)
    if enc == "utf16le":
        return _js_length(s) * 2
    if enc == "hex":
        return _js_length(s) >> 1
    # base64 / base64url: Node's estimate from the length and trailing '=' padding.
    n = _js_length(s)
    if n > 0 and s[-1] == "=":
        n -= 1
        if n > 1 and s[-2] == "=":
            n -= 1
    return (n * 3) >> 2


# --- Buffer (lib/buffer.js) ---------------------------------------------------------------

kMaxLength = 2**32  # buffer.constants.MAX_LENGTH in Node 20 on 64-bit


def _jsString(value: Any) -> str:
    """``String(value)`` for what a port passes as an encoding name."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value == int(value) and abs(value) < 1e21:
        return str(int(value))
    return str(value)


def _encodingOps(encoding: Any) -> str | None:
    """Node's ``getEncodingOps(encoding + '')``: the canonical name, or ``None`` (which,
    unlike ``normalizeEncoding``, ``''`` is too)."""
    name = encoding if isinstance(encoding, str) else _jsString(encoding)
    return normalizeEncoding(name) if name else None


def _isBytesLike(value: Any) -> bool:
    """``isUint8Array(value)``: a Buffer, ``bytes``, ``bytearray`` or ``memoryview``."""
    return isinstance(value, (bytes, bytearray, memoryview))


def _validateOffset(value: Any, name: str, lo: int = 0, hi: int = kMaxLength) -> int:
    """Node's ``validateOffset`` (``lib/buffer.js``): an integer in ``lo..hi``."""
    if not is_number(value):
        raise ERR_INVALID_ARG_TYPE(name, "number", value)
    if value != value or math.isinf(value) or value != int(value):
        raise ERR_OUT_OF_RANGE(name, "an integer", value)
    if value < lo or value > hi:
        raise ERR_OUT_OF_RANGE(name, f">= {lo} && <= {hi}", value)
    return int(value)


def _validateSize(size: Any) -> int:
    """``validateNumber(size, 'size', 0, kMaxLength)``; a fraction is cut, as ``ToIndex``."""
    validateNumber(size, "size", 0, kMaxLength)
    return int(size)


def _trunc(value: Any) -> float:
    """``Math.trunc(value)`` (``NaN`` for ``undefined``)."""
    value = jsNumber(value)
    if value != value:
        return math.nan
    return value if math.isinf(value) else int(value)


def _adjustOffset(offset: Any, length: int) -> int:
    """Node's ``adjustOffset`` (``subarray``): negative counts from the end, clamped."""
    n = _trunc(offset)
    if n != n or n == 0:
        return 0
    if n < 0:
        n += length
        return int(n) if n > 0 else 0
    return int(n) if n < length else length


def _writeEncoded(buf: bytearray, string: str, offset: int, length: int, enc: str) -> int:
    """Node's ``<enc>Write``: as many whole characters (utf8), code units (utf16le) or bytes
    as fit in ``length``; the count written."""
    data = encode(string, enc)
    n = len(data)
    if n > length:
        n = length
        if enc == "utf8":
            while n > 0 and (data[n] & 0xC0) == 0x80:
                n -= 1
        elif enc == "utf16le":
            n &= ~1
    bytearray.__setitem__(buf, slice(offset, offset + n), data[:n])
    return n


def _fill(buf: Buffer, value: Any, offset: Any, end: Any, encoding: Any) -> Buffer:
    """Node's ``_fill``: ``buf.fill`` and ``Buffer.alloc(size, fill, encoding)``."""
    enc = None
    if isinstance(value, str):
        if offset is None or isinstance(offset, str):
            encoding = offset
            offset = 0
            end = len(buf)
        elif isinstance(end, str):
            encoding = end
            end = len(buf)
        enc = normalizeEncoding(encoding)
        if enc is None:
            validateString(encoding, "encoding")
            raise ERR_UNKNOWN_ENCODING(encoding)
        if value == "":
            value = 0
    if offset is None:
        offset = 0
        end = len(buf)
    else:
        offset = _validateOffset(offset, "offset")
        end = len(buf) if end is None else _validateOffset(end, "end", 0, len(buf))
        if offset >= end:
            return buf
    if is_number(value):
        pattern = bytes((toUint8(value),))
    elif isinstance(value, str):
        pattern = encode(value, enc)
    elif _isBytesLike(value):
        pattern = bytes(value)
    else:  # (the binding takes Uint32Value of anything else: true is 1, null 0)
        pattern = bytes((toUint8(value),))
    if not pattern:
        raise ERR_INVALID_ARG_VALUE("value", value)
    n = end - offset
    data = pattern * (n // len(pattern) + 1) if len(pattern) > 1 else pattern * n
    bytearray.__setitem__(buf, slice(offset, end), data[:n])
    return buf


def _indexOfOffset(length: int, offset: int, needle: int, forward: bool) -> int:
    """Node's ``IndexOfOffset`` (``node_buffer.cc``): where a search starts, or -1."""
    if offset < 0:
        if offset + length >= 0:
            return length + offset
        if forward or needle == 0:
            return 0
        return -1
    if offset + needle <= length:
        return offset
    if needle == 0:
        return length
    return -1 if forward else length - 1


def _search(hay: bytes, needle: bytes, offset: int, forward: bool, unit: int,
            isBuffer: bool = False) -> int:
    """``SearchString`` over units of ``unit`` bytes (2 for utf16le: aligned matches only),
    from the unit at ``offset // unit``; -1 when not found."""
    if unit == 1:
        if forward:
            return hay.find(needle, offset)
        start = min(offset, len(hay) - len(needle))
        return hay.rfind(needle, 0, start + len(needle))
    units = len(hay) // 2
    nunits = len(needle) // 2
    h = hay[:units * 2].decode("latin-1")
    n = needle[:nunits * 2].decode("latin-1")
    pos = offset // 2
    if forward:
        i = pos * 2
        while True:
            i = h.find(n, i)
            if i < 0 or i % 2 == 0:
                break
            i += 1
    else:
        diff = units - nunits
        i = (min(pos, diff)) * 2 + len(n)
        while True:
            i = h.rfind(n, 0, i)
            if i < 0 or i % 2 == 0:
                break
            i += len(n) - 1
    if i < 0 and isBuffer and len(hay) & 1:
        # IndexOfBuffer compares the unit index found, times 2, with the byte length: on
        # an odd-length haystack its "not found" comes back as length - 1.
        return units * 2
    return i


def _indexOf(buf: Buffer, val: Any, byteOffset: Any, encoding: Any, forward: bool) -> int:
    """Node's ``bidirectionalIndexOf``."""
    if isinstance(byteOffset, str):
        encoding = byteOffset
        byteOffset = None
    offset = js_number(byteOffset) if byteOffset is not None else math.nan
    if offset > 0x7FFFFFFF:
        offset = 0x7FFFFFFF
    elif offset < -0x80000000:
        offset = -0x80000000
    if offset != offset:
        offset = 0 if forward else len(buf)
    offset = int(offset)
    if is_number(val):
        needle = bytes((toUint8(val),))
        at = _indexOfOffset(len(buf), offset, 1, forward)
        if at <= -1 or len(buf) == 0:
            return -1
        data = bytes(buf)
        return data.find(needle, at) if forward else data.rfind(needle, 0, at + 1)
    enc = "utf8" if encoding is None else _encodingOps(encoding)
    if isinstance(val, str):
        if enc is None:
            raise ERR_UNKNOWN_ENCODING(encoding)
        needle = encode(val, enc)
        if enc in ("utf8", "latin1", "utf16le"):
            # indexOfString: the needle's length is Buffer.byteLength's (an estimate)
            size = byteLength(val, enc)
        else:
            size = len(needle)
    elif _isBytesLike(val):
        needle = bytes(val)
        size = len(needle)
        if enc is None:
            enc = "utf8"
    else:
        raise ERR_INVALID_ARG_TYPE("value", ["number", "string", "Buffer", "Uint8Array"], val)
    hay = bytes(buf)
    at = _indexOfOffset(len(hay), offset, size, forward)
    if size == 0:
        return at
    if len(hay) == 0 or at <= -1:
        return -1
    if (forward and size + at > len(hay)) or size > len(hay):
        return -1
    if enc == "utf16le":
        if len(hay) < 2 or len(needle) < 2:
            return -1
        return _search(hay, needle, at, forward, 2, not isinstance(val, str))
    return _search(hay, needle, at, forward, 1)


def _compare(a: Any, b: Any) -> int:
    x, y = bytes(a), bytes(b)
    return (x > y) - (x < y)


_NO_TARGET: Any = object()


class _StaticOrInstance:
    """A name that is a static function on the class and something else on an instance:
    Node's ``Buffer.compare(a, b)`` beside ``buf.compare(target)``, and
    ``Buffer.byteLength(s)`` beside ``buf.byteLength``."""

    def __init__(self, static: Callable[..., Any], instance: Callable[[Any], Any]) -> None:
        self._static = static
        self._instance = instance
        self.__doc__ = static.__doc__

    @classmethod
    def instance(cls, instance: Callable[[Any], Any]) -> Callable[[Callable[..., Any]], Any]:
        """Decorate the static function; ``instance(obj)`` is what ``obj.<name>`` gives."""
        return lambda static: cls(static, instance)

    def __get__(self, obj: Any, objtype: Any = None) -> Any:
        return self._static if obj is None else self._instance(obj)


class Buffer(BufferNumbers):
    """Node's ``Buffer``: a fixed-length byte sequence with Node's methods and errors.

    It is a ``bytearray`` subclass, so it works wherever ``bytes`` does (``socket.send``,
    ``hashlib``, ``struct``, ``os.write``, uvnet's own ``write``), it is mutable as a Node
    Buffer is (``Buffer.alloc(8)`` then ``writeUInt32BE``), and ``'data'`` chunks and
    ``read()`` results of uvnet's streams are Buffers. Where Python forces a difference:

    * ``buf[i]`` is an ``int`` and ``buf[i] = v`` stores ``v`` as a ``Uint8Array`` does
      (``300`` is 44, ``-1`` 255, ``1.5`` 1), but an index follows Python's rules: a
      negative one counts from the end, and one past the end raises ``IndexError`` (Node
      gives ``undefined`` and ignores the write).
    * ``subarray``/``slice`` return a copy (Python cannot make an object over another
      object's memory that every C API accepts): a write to it does not reach the
      original. ``buf[a:b]`` is Python's slice, a ``bytearray``.
    * ``==`` compares bytes, also with ``bytes`` (``chunk == b'hi'``); Node's ``===`` is
      ``is``. A Buffer is mutable, so it is unhashable, as ``bytearray``; ``bytes(buf)`` is
      an immutable copy (a dict key, a set member).
    * ``str(buf)`` is ``buf.toString()`` (JavaScript's ``String(buf)``, ``'' + buf``);
      ``repr(buf)`` is Python's ``Buffer(b'...')``.
    * Python's own ``bytearray`` methods (``append``, ``extend``, ``+=``, ``del``, a slice
      assignment of another length) change the length, which a Node Buffer never does.
    * ``Buffer(...)`` is ``bytearray(...)``: use ``Buffer.from_``/``Buffer.alloc``, as
      Node's ``new Buffer()`` is deprecated. ``allocUnsafe`` memory is zeroed.
    """

    __slots__ = ()

    # --- statics --------------------------------------------------------------------------

    @staticmethod
    def from_(value: Any, encodingOrOffset: Any = None, length: Any = None) -> Buffer:
        """``Buffer.from(value[, encoding])``: a ``str`` encoded (utf8 by default), a copy
        of a bytes-like value, a list of numbers (each stored as a ``Uint8Array`` does), or
        the ``{'type': 'Buffer', 'data': [...]}`` of :meth:`toJSON`. ``ERR_UNKNOWN_ENCODING``
        for an unknown encoding, ``ERR_INVALID_ARG_TYPE`` for anything else."""
        if isinstance(value, str):
            if not isinstance(encodingOrOffset, str) or encodingOrOffset == "":
                return Buffer(encode(value, "utf8")) if value else Buffer()
            enc = _encodingOps(encodingOrOffset)
            if enc is None:
                raise ERR_UNKNOWN_ENCODING(encodingOrOffset)
            return Buffer(encode(value, enc)) if value else Buffer()
        if _isBytesLike(value):
            return Buffer(memoryview(value).cast("B") if isinstance(value, memoryview)
                          and value.ndim != 1 else value)
        if isinstance(value, (list, tuple)):
            return Buffer(bytes(toUint8(v) for v in value))
        if isinstance(value, dict) and value.get("type") == "Buffer" \
                and isinstance(value.get("data"), list):
            return Buffer(bytes(toUint8(v) for v in value["data"]))
        raise ERR_INVALID_ARG_TYPE(
            "first argument", ["string", "Buffer", "ArrayBuffer", "Array", "Array-like Object"],
            value)

    @staticmethod
    def alloc(size: Any, fill: Any = None, encoding: Any = None) -> Buffer:
        """``Buffer.alloc(size[, fill[, encoding]])``: ``size`` zero bytes, then filled as
        :meth:`fill` does. ``ERR_INVALID_ARG_TYPE``/``ERR_OUT_OF_RANGE`` for a bad size."""
        buf = Buffer(_validateSize(size))
        if fill is not None and not (is_number(fill) and fill == 0) and len(buf) > 0:
            _fill(buf, fill, 0, len(buf), encoding)
        return buf

    @staticmethod
    def allocUnsafe(size: Any) -> Buffer:
        """``Buffer.allocUnsafe(size)``; the memory is zeroed here (Python has no
        uninitialised allocation)."""
        return Buffer(_validateSize(size))

    allocUnsafeSlow = allocUnsafe

    @staticmethod
    def concat(list_: Any, totalLength: Any = None) -> Buffer:
        """``Buffer.concat(list[, totalLength])``: one Buffer of the list's bytes, cut or
        zero-padded to ``totalLength``. ``ERR_INVALID_ARG_TYPE`` for an item that is not
        bytes-like (``list[1]``)."""
        if not isinstance(list_, (list, tuple)):
            raise ERR_INVALID_ARG_TYPE("list", "Array", list_)
        if not list_:
            return Buffer()
        if totalLength is None:
            total = 0
            for item in list_:
                if _isBytesLike(item):
                    total += memoryview(item).nbytes
        else:
            total = _validateOffset(totalLength, "length")
        out = Buffer(total)
        view = memoryview(out)
        pos = 0
        for i, item in enumerate(list_):
            if not _isBytesLike(item):
                raise ERR_INVALID_ARG_TYPE(f"list[{i}]", ["Buffer", "Uint8Array"], item)
            src = memoryview(item).cast("B")
            n = min(len(src), total - pos)
            view[pos:pos + n] = src[:n]
            pos += n
        view.release()
        return out

    @_StaticOrInstance.instance(lambda self: len(self))
    def byteLength(string: Any, encoding: Any = None) -> int:
        """``Buffer.byteLength(string[, encoding])``: the bytes of a bytes-like value, or
        what ``string`` encodes to (Node's estimate for base64). On an instance,
        ``buf.byteLength`` is its length (a property, as in Node)."""
        if not isinstance(string, str):
            if _isBytesLike(string):
                return memoryview(string).nbytes
            raise ERR_INVALID_ARG_TYPE("string", ["string", "Buffer", "ArrayBuffer"], string)
        if not string:
            return 0
        enc = _encodingOps(encoding) if encoding else None
        return byteLength(string, enc or "utf8")

    @staticmethod
    def isBuffer(obj: Any) -> bool:
        """``Buffer.isBuffer(obj)``: whether ``obj`` is a :class:`Buffer` (``bytes`` is not,
        as a ``Uint8Array`` is not in Node)."""
        return isinstance(obj, Buffer)

    @staticmethod
    def isEncoding(encoding: Any) -> bool:
        """``Buffer.isEncoding(encoding)``."""
        return isEncoding(encoding)

    @_StaticOrInstance.instance(lambda self: self._compareTo)
    def compare(buf1: Any, buf2: Any) -> int:
        """``Buffer.compare(buf1, buf2)``: -1, 0 or 1, byte by byte then by length.

        On an instance, ``buf.compare(target[, targetStart[, targetEnd[, sourceStart[,
        sourceEnd]]]])`` compares ``buf`` with ``target`` (Node's ``buf.compare``)."""
        if not _isBytesLike(buf1):
            raise ERR_INVALID_ARG_TYPE("buf1", ["Buffer", "Uint8Array"], buf1)
        if not _isBytesLike(buf2):
            raise ERR_INVALID_ARG_TYPE("buf2", ["Buffer", "Uint8Array"], buf2)
        return 0 if buf1 is buf2 else _compare(buf1, buf2)

    # --- properties -----------------------------------------------------------------------

    @property
    def length(self) -> int:
        """``buf.length``: the number of bytes."""
        return len(self)

    # --- index access ---------------------------------------------------------------------

    def __setitem__(self, index: Any, value: Any) -> None:
        """``buf[i] = v`` stores ``v`` as a ``Uint8Array`` does (wrapped to 0..255)."""
        if type(value) is not int or not 0 <= value < 256:
            if type(index) is not slice:
                value = toUint8(value)
        bytearray.__setitem__(self, index, value)

    def __str__(self) -> str:
        return decode(self, "utf8")

    # --- strings --------------------------------------------------------------------------

    def toString(self, encoding: Any = None, start: Any = None, end: Any = None) -> str:
        """``buf.toString([encoding[, start[, end]]])``: the bytes ``start..end`` decoded
        (utf8 by default; invalid UTF-8 becomes U+FFFD). ``ERR_UNKNOWN_ENCODING``."""
        n = len(self)
        s = 0
        if start is not None:  # (undefined: neither <= 0 nor >= length, and truncs to 0)
            v = jsNumber(start)
            if v >= n:
                return ""
            if v > 0:
                s = int(v)
        e = n
        if end is not None:
            v = jsNumber(end)
            if not v > n:
                e = int(v) if v == v and not math.isinf(v) else 0
        if e <= s:
            return ""
        if encoding is None:
            enc: str | None = "utf8"
        else:
            enc = _encodingOps(encoding)
            if enc is None:
                raise ERR_UNKNOWN_ENCODING(encoding)
        return decode(memoryview(self)[s:e], enc)

    def write(self, string: Any, offset: Any = None, length: Any = None,
              encoding: Any = None) -> int:
        """``buf.write(string[, offset[, length]][, encoding])``: encode ``string`` into
        the buffer at ``offset``; only whole characters are written. Returns the bytes
        written. ``ERR_OUT_OF_RANGE`` for a bad offset/length, ``ERR_UNKNOWN_ENCODING``."""
        n = len(self)
        if offset is None:
            encoding = None
            offset = 0
            length = n
        elif length is None and isinstance(offset, str):
            encoding = offset
            length = n
            offset = 0
        else:
            offset = _validateOffset(offset, "offset", 0, n)
            remaining = n - offset
            if length is None:
                length = remaining
            elif isinstance(length, str):
                encoding = length
                length = remaining
            else:
                length = min(_validateOffset(length, "length", 0, n), remaining)
        enc = "utf8" if not encoding or encoding == "utf8" else _encodingOps(encoding)
        if enc is None:
            raise ERR_UNKNOWN_ENCODING(encoding)
        if not isinstance(string, str):
            raise errorWithMessage(ERR_INVALID_ARG_TYPE, "argument must be a string")
        return _writeEncoded(self, string, offset, length, enc)

    def toJSON(self) -> dict[str, Any]:
        """``buf.toJSON()``: ``{'type': 'Buffer', 'data': [bytes as ints]}``."""
        return {"type": "Buffer", "data": list(self)}

    # --- views, search, comparison --------------------------------------------------------

    def subarray(self, start: Any = None, end: Any = None) -> Buffer:
        """``buf.subarray([start[, end]])``: the bytes ``start..end`` (negative from the
        end, clamped), as a new Buffer: a copy here, not a view (see the class notes)."""
        n = len(self)
        s = _adjustOffset(start, n)
        e = _adjustOffset(end, n) if end is not None else n
        return Buffer(memoryview(self)[s:e] if e > s else b"")

    def slice(self, start: Any = None, end: Any = None) -> Buffer:
        """``buf.slice([start[, end]])``: :meth:`subarray` (deprecated in Node)."""
        return self.subarray(start, end)

    def indexOf(self, value: Any, byteOffset: Any = None, encoding: Any = None) -> int:
        """``buf.indexOf(value[, byteOffset][, encoding])``: the first index of ``value``
        (a byte as a number, a ``str`` in ``encoding``, or bytes) from ``byteOffset``
        (negative from the end), or -1."""
        return _indexOf(self, value, byteOffset, encoding, True)

    def lastIndexOf(self, value: Any, byteOffset: Any = None, encoding: Any = None) -> int:
        """``buf.lastIndexOf(value[, byteOffset][, encoding])``: the last index, searching
        back from ``byteOffset``, or -1."""
        return _indexOf(self, value, byteOffset, encoding, False)

    def includes(self, value: Any, byteOffset: Any = None, encoding: Any = None) -> bool:
        """``buf.includes(value[, byteOffset][, encoding])``."""
        return _indexOf(self, value, byteOffset, encoding, True) != -1

    def equals(self, otherBuffer: Any) -> bool:
        """``buf.equals(otherBuffer)``: the same bytes. ``ERR_INVALID_ARG_TYPE`` for a
        value that is not bytes-like."""
        if not _isBytesLike(otherBuffer):
            raise ERR_INVALID_ARG_TYPE("otherBuffer", ["Buffer", "Uint8Array"], otherBuffer)
        return otherBuffer is self or bytearray.__eq__(self, otherBuffer) is True

    def _compareTo(self, target: Any, *ranges: Any) -> int:
        """``buf.compare(target[, targetStart[, targetEnd[, sourceStart[, sourceEnd]]]])``."""
        if not _isBytesLike(target):
            raise ERR_INVALID_ARG_TYPE("target", ["Buffer", "Uint8Array"], target)
        if not ranges:
            return _compare(self, target)
        targetStart, targetEnd, sourceStart, sourceEnd = (ranges + (None,) * 4)[:4]
        tlen = memoryview(target).nbytes
        ts = 0 if targetStart is None else _validateOffset(targetStart, "targetStart")
        te = tlen if targetEnd is None else _validateOffset(targetEnd, "targetEnd", 0, tlen)
        ss = 0 if sourceStart is None else _validateOffset(sourceStart, "sourceStart")
        se = len(self) if sourceEnd is None else _validateOffset(
            sourceEnd, "sourceEnd", 0, len(self))
        if ss >= se:
            return 0 if ts >= te else -1
        if ts >= te:
            return 1
        if ss > len(self):
            raise errorWithMessage(ERR_OUT_OF_RANGE,
                                   'The value of "sourceStart" is out of range.')
        if ts > tlen:
            raise errorWithMessage(ERR_OUT_OF_RANGE,
                                   'The value of "targetStart" is out of range.')
        n = min(se - ss, te - ts, len(self) - ss)
        a = bytes(memoryview(self)[ss:ss + n])
        b = bytes(memoryview(target).cast("B")[ts:ts + n])
        if a != b:
            return 1 if a > b else -1
        return (se - ss > te - ts) - (se - ss < te - ts)

    def copy(self, target: Any = _NO_TARGET, targetStart: Any = None,
             sourceStart: Any = None, sourceEnd: Any = None) -> Any:
        """``buf.copy(target[, targetStart[, sourceStart[, sourceEnd]]])``: copy into
        ``target`` (a Buffer, bytearray or writable memoryview); the bytes copied.

        Without a target it is ``bytearray.copy()`` (a new Buffer of the same bytes), so
        Python code that copies a bytearray this way keeps working."""
        if target is _NO_TARGET:
            return Buffer(self)
        if not _isBytesLike(target) or isinstance(target, bytes) or (
                isinstance(target, memoryview) and target.readonly):
            raise ERR_INVALID_ARG_TYPE("target", ["Buffer", "Uint8Array"], target)
        n = len(self)
        tview = memoryview(target).cast("B")
        if targetStart is None:
            ts = 0
        else:
            ts = _toInteger(targetStart)
            if ts < 0:
                raise ERR_OUT_OF_RANGE("targetStart", ">= 0", ts)
        if sourceStart is None:
            ss = 0
        else:
            ss = _toInteger(sourceStart)
            if ss < 0 or ss > n:
                raise ERR_OUT_OF_RANGE("sourceStart", f">= 0 && <= {n}", ss)
        if sourceEnd is None:
            se = n
        else:
            se = _toInteger(sourceEnd)
            if se < 0:
                raise ERR_OUT_OF_RANGE("sourceEnd", ">= 0", se)
        if ts >= len(tview) or ss >= se:
            return 0
        if se - ss > len(tview) - ts:
            se = ss + len(tview) - ts
        nb = min(se - ss, n - ss)
        tview[ts:ts + nb] = bytes(memoryview(self)[ss:ss + nb])
        return nb

    def _swap(self, code: str, bits: int) -> Buffer:
        if len(self) % (bits // 8):
            raise ERR_INVALID_BUFFER_SIZE(f"{bits}-bits")
        units = array.array(code, self)
        units.byteswap()
        bytearray.__setitem__(self, slice(None), units.tobytes())
        return self

    def swap16(self) -> Buffer:
        """``buf.swap16()``: swap the byte order of each 16-bit unit, in place; returns the
        buffer. ``ERR_INVALID_BUFFER_SIZE`` unless the length is a multiple of 2."""
        return self._swap("H", 16)

    def swap32(self) -> Buffer:
        """``buf.swap32()``: the same for 32-bit units."""
        return self._swap("I", 32)

    def swap64(self) -> Buffer:
        """``buf.swap64()``: the same for 64-bit units."""
        return self._swap("Q", 64)

    def fill(self, value: Any, offset: Any = None, end: Any = None,
             encoding: Any = None) -> Buffer:
        """``buf.fill(value[, offset[, end]][, encoding])``: repeat ``value`` (a number as
        one byte, a ``str`` in ``encoding``, or bytes) over ``offset..end``; returns the
        buffer. ``ERR_INVALID_ARG_VALUE`` for a value that encodes to no bytes."""
        return _fill(self, value, offset, end, encoding)


def _toInteger(value: Any) -> int:
    """Node's ``toInteger(n, 0)`` (``buf.copy``): floored, 0 outside the safe integers."""
    n = js_number(value) if type(value) is not int else value
    if n == n and -(2**53 - 1) <= n <= 2**53 - 1:
        return int(math.floor(n))
    return 0

