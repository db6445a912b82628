"""Node's ``StringDecoder`` (``lib/string_decoder.js`` over ``src/string_decoder.cc``).

``write(buf)`` decodes ``buf`` but holds back an incomplete character at its end -- a
partial UTF-8 sequence, an odd byte or a high surrogate in UTF-16LE, the last 1-2 bytes of
an incomplete 3-byte base64 group -- and completes it with the next ``write``; ``end()``
flushes what is held back (an incomplete UTF-8 character becomes U+FFFD, a lone odd
UTF-16LE byte is dropped). The rules, including which bytes a broken UTF-8 sequence
swallows, are the C++ decoder's; ``hex``/``latin1``/``ascii`` never hold anything back.
"""

from __future__ import annotations

import base64 as _b64
from typing import Any

from .buffer import decode as _decode
from .buffer import normalizeEncoding
from .internal.errors import ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_ENCODING

__all__ = ["StringDecoder"]

_SIMPLE = frozenset(("ascii", "hex", "latin1"))


def _make_string(data: bytes | bytearray, enc: str) -> str:
    if enc == "utf8":
        return data.decode("utf-8", "replace")
    if enc == "utf16le":
        return data.decode("utf-16-le", "surrogatepass")
    if enc == "base64":
        return _b64.b64encode(data).decode("ascii")
    return _b64.urlsafe_b64encode(data).decode("ascii").rstrip("=")


class StringDecoder:
    """Decode a stream of byte chunks to ``str`` without splitting characters."""

    __slots__ = ("encoding", "_buf", "_missing")

    def __init__(self, encoding: str | None = None) -> None:
        enc = normalizeEncoding(encoding)
        if enc is None:
            raise ERR_UNKNOWN_ENCODING(encoding)
        self.encoding: str = enc
        # the incomplete character's bytes (kIncompleteCharacters)
        self._buf: bytes | bytearray = b""
        self._missing = 0  # kMissingBytes

    # --- Node's legacy read-only views of the native state ------------------------------
    @property
    def lastChar(self) -> bytes | bytearray:
        return self._buf

    @property
    def lastNeed(self) -> int:
        return self._missing

    @property
    def lastTotal(self) -> int:
        return len(self._buf) + self._missing

    def write(self, buf: Any) -> str:
        """Decode ``buf``; an incomplete trailing character is kept for the next call."""
        if isinstance(buf, str):
            return buf
        if not isinstance(buf, (bytes, bytearray, memoryview)):
            raise ERR_INVALID_ARG_TYPE("buf", ["Buffer", "TypedArray", "DataView"], buf)
        enc = self.encoding
        if enc in _SIMPLE:
            return _decode(buf, enc)
        # (a Buffer decodes as it is: no copy on a read path with setEncoding)
        data = buf if isinstance(buf, (bytes, bytearray)) else bytes(buf)
        if enc == "utf8" and not self._missing and (not data or data[-1] < 0x80):
            return data.decode("utf-8", "replace")  # nothing to finish, nothing to hold back
        return self._decode_data(data, enc)

    def _decode_data(self, data: bytes | bytearray, enc: str) -> str:
        # StringDecoder::DecodeData
        pos = 0
        nread = len(data)
        prepend: str | None = None
        missing = self._missing
        if missing > 0:
            if enc == "utf8":
                # A byte that is not a continuation byte ends the incomplete character early.
                for i in range(min(nread, missing)):
                    if (data[i] & 0xC0) != 0x80:
                        missing = 0
                        self._buf += data[:i]
                        pos = i
                        nread -= i
                        break
            found = min(nread, missing)
            self._buf += data[pos:pos + found]
            pos += found
            nread -= found
            missing -= found
            self._missing = missing
            if missing == 0:
                prepend = _make_string(self._buf, enc)
                self._buf = b""
        if nread == 0:
            return prepend if prepend is not None else ""
        end = pos + nread
        buffered = 0
        missing = 0
        if enc == "utf8":
            if data[end - 1] & 0x80:
                i = end - 1
                while True:
                    buffered += 1
                    byte = data[i]
                    if (byte & 0xC0) == 0x80:
                        if buffered >= 4 or i == pos:
                            buffered = 0  # not a character V8 could hold; let it decode
                            break
                    else:
                        if (byte & 0xE0) == 0xC0:
                            missing = 2
                        elif (byte & 0xF0) == 0xE0:
                            missing = 3
                        elif (byte & 0xF8) == 0xF0:
                            missing = 4
                        else:
                            buffered = 0
                            break
                        if buffered >= missing:
                            missing = 0
                            buffered = 0
                        missing -= buffered
                        break
                    i -= 1
        elif enc == "utf16le":
            if nread & 1:
                buffered = missing = 1
            elif (data[end - 1] & 0xFC) == 0xD8:
                buffered = missing = 2
        else:  # base64, base64url
            buffered = nread % 3
            if buffered:
                missing = 3 - buffered
        self._missing = missing
        if buffered:
            nread -= buffered
            self._buf = data[pos + nread:end]
        body = _make_string(data[pos:pos + nread], enc) if nread > 0 else ""
        if prepend is None:
            return body
        if (enc == "utf16le" and body and "\ud800" <= prepend[-1:] <= "\udbff"
                and "\udc00" <= body[0] <= "\udfff"):
            # JS strings pair a high surrogate with the low one that follows it.
            joined = (prepend + body).encode("utf-16-le", "surrogatepass")
            return joined.decode("utf-16-le", "surrogatepass")
        return prepend + body

    def end(self, buf: Any = None) -> str:
        """Decode ``buf`` (if given), then flush whatever incomplete character is held."""
        ret = "" if buf is None else self.write(buf)
        if self._buf:
            ret += self._flush()
        return ret

    def _flush(self) -> str:
        # StringDecoder::FlushData
        enc = self.encoding
        buf = self._buf
        if enc == "utf16le" and len(buf) & 1:
            buf = buf[:-1]  # a single trailing byte is ignored
            self._missing -= 1
        self._buf = b""
        if not buf:
            return ""
        self._missing = 0
        return _make_string(buf, enc)

    def text(self, buf: Any, offset: int) -> str:
        """Legacy: forget any held bytes and decode ``buf[offset:]``."""
        self._missing = 0
        self._buf = b""
        return self.write(buf[offset:])
