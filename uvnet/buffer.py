"""Node's string encodings for ``str`` <-> ``bytes`` (``lib/buffer.js``, ``string_bytes.cc``).

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

import base64 as _b64
import binascii
import re
from typing import Any

from .internal.errors import ERR_UNKNOWN_ENCODING

__all__ = ["normalizeEncoding", "isEncoding", "encode", "decode", "byteLength"]

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
    enc = encoding if encoding == "utf8" else _canonical(encoding)  # (utf8: the usual one)
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
        return bytes(b).decode("utf-8", "replace")
    if enc == "latin1":
        return bytes(b).decode("latin-1")
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
