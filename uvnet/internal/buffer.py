"""Buffer's number readers and writers (Node's ``lib/internal/buffer.js``).

:class:`BufferNumbers` holds ``read/write{UInt,Int}{8,16,32}{LE,BE}``, the variable-width
``read/write{UInt,Int}{LE,BE}(offset, byteLength)``, ``read/writeBig{UInt,Int}64{LE,BE}``,
``read/write{Float,Double}{LE,BE}`` and Node's lowercase ``Uint`` aliases; ``uvnet.Buffer``
derives from it (Node's ``addBufferPrototypeMethods``). Each checks its arguments in
Node's order and raises Node's error: ``ERR_INVALID_ARG_TYPE`` for an offset that is not a
number, ``ERR_OUT_OF_RANGE`` for an offset or value out of range (with Node's range text),
``ERR_BUFFER_OUT_OF_BOUNDS`` when the buffer is shorter than the number.
"""

from __future__ import annotations

import math
import struct
from typing import Any

from .errors import ERR_BUFFER_OUT_OF_BOUNDS, ERR_INVALID_ARG_TYPE, ERR_OUT_OF_RANGE
from .validators import is_number, js_number

__all__ = ["BufferNumbers", "boundsError", "jsNumber", "toUint8"]


def _integral(value: Any) -> bool:
    """``MathFloor(value) === value`` (an infinity counts as integral, NaN does not)."""
    if type(value) is int:
        return True
    return value == value and (math.isinf(value) or value == math.floor(value))


def boundsError(value: Any, length: int, name: str | None = None) -> None:
    """Node's ``boundsError``: a non-integer, a buffer too short, or an offset past its end."""
    if not is_number(value) or not _integral(value):
        if not is_number(value):
            raise ERR_INVALID_ARG_TYPE(name, "number", value)
        raise ERR_OUT_OF_RANGE(name or "offset", "an integer", value)
    if length < 0:
        raise ERR_BUFFER_OUT_OF_BOUNDS()
    raise ERR_OUT_OF_RANGE(name or "offset", f">= {1 if name else 0} and <= {length}", value)


def _offset(buf: bytearray, offset: Any, size: int) -> int:
    """``validateNumber(offset, 'offset')`` and the test that ``buf[offset]`` and
    ``buf[offset + size - 1]`` exist (else ``boundsError``): the offset as an ``int``."""
    if type(offset) is int:
        if 0 <= offset <= len(buf) - size:
            return offset
    elif not is_number(offset):
        raise ERR_INVALID_ARG_TYPE("offset", "number", offset)
    elif offset == offset and not math.isinf(offset) and offset == int(offset) \
            and 0 <= offset <= len(buf) - size:
        return int(offset)
    boundsError(offset, len(buf) - size)
    raise AssertionError  # (boundsError always raises)


def jsNumber(value: Any) -> Any:
    """``+value``: an ``int`` stays exact, anything else is JavaScript's ``Number(value)``."""
    if type(value) is int or type(value) is float:
        return value
    return math.nan if value is None else js_number(value)


def _uint32(value: Any) -> int:
    """JavaScript's ``ToUint32``: truncated, modulo 2 ** 32; NaN and infinities are 0."""
    if type(value) is int:
        return value & 0xFFFFFFFF
    if value != value or math.isinf(value):
        return 0
    return int(value) & 0xFFFFFFFF


def toUint8(value: Any) -> int:
    """What a ``Uint8Array`` stores for ``value`` (``ToUint8`` of ``Number(value)``)."""
    return _uint32(jsNumber(value)) & 0xFF


def _checkInt(value: Any, lo: int, hi: int, size: int, bigint: bool = False) -> None:
    """Node's ``checkInt`` range test, with its range text for ``size`` bytes."""
    if value > hi or value < lo:
        n = "n" if bigint else ""
        if size > 4:
            bits = size * 8
            if lo == 0:
                rng = f">= 0{n} and < 2{n} ** {bits}{n}"
            else:
                rng = f">= -(2{n} ** {bits - 1}{n}) and < 2{n} ** {bits - 1}{n}"
        else:
            rng = f">= {lo}{n} and <= {hi}{n}"
        raise ERR_OUT_OF_RANGE("value", rng, value, bigint)


def _bits(value: Any, size: int) -> int:
    """The ``size`` bytes Node stores for the (range-checked) ``value``: ``ToUint32`` of it,
    and above 32 bits ``ToUint32(Math.floor(value * 2 ** -32))``, as its 40/48-bit writers."""
    low = _uint32(value)
    if size <= 4:
        return low & ((1 << (size * 8)) - 1)
    if type(value) is int:
        high = value >> 32
    else:
        high = math.floor(value * 2.0 ** -32) if value == value and not math.isinf(value) else 0
    return ((_uint32(high) << 32) | low) & ((1 << (size * 8)) - 1)


def _write(buf: bytearray, value: Any, offset: Any, size: int, lo: int, hi: int,
           order: str) -> int:
    """Node's ``writeU_Int{8,16,24,32,40,48}{LE,BE}``: ``+value``, the range, the offset."""
    value = jsNumber(value)
    if size == 1:  # writeU_Int8 checks the offset's type before the value
        if not is_number(offset):
            raise ERR_INVALID_ARG_TYPE("offset", "number", offset)
        if value > hi or value < lo:
            raise ERR_OUT_OF_RANGE("value", f">= {lo} and <= {hi}", value)
    else:
        _checkInt(value, lo, hi, size)
    at = _offset(buf, offset, size)
    bytearray.__setitem__(buf, slice(at, at + size),
                          _bits(value, size).to_bytes(size, order))  # type: ignore[arg-type]
    return at + size


def _read(buf: bytearray, offset: Any, size: int, order: str, signed: bool) -> int:
    at = _offset(buf, offset, size)
    return int.from_bytes(buf[at:at + size], order, signed=signed)  # type: ignore[arg-type]


def _byteLengthError(byteLength: Any) -> None:
    boundsError(byteLength, 6, "byteLength")


_U = {1: 0xFF, 2: 0xFFFF, 3: 0xFFFFFF, 4: 0xFFFFFFFF, 5: 0xFFFFFFFFFF, 6: 0xFFFFFFFFFFFF}


def _width(byteLength: Any) -> int:
    """``byteLength`` as one of 1..6 (``===``: a bool is no number), else ``boundsError``."""
    if is_number(byteLength) and byteLength in _U:
        return int(byteLength)
    _byteLengthError(byteLength)
    raise AssertionError


def _float_bytes(fmt: struct.Struct, value: float) -> bytes:
    try:
        return fmt.pack(value)
    except OverflowError:  # a double past float32's range rounds to an infinity, as in JS
        return fmt.pack(math.copysign(math.inf, value))


def _defaulted(offset: Any) -> Any:
    return 0 if offset is None else offset  # (``offset = 0``: undefined takes the default)


_F32LE, _F32BE = struct.Struct("<f"), struct.Struct(">f")
_F64LE, _F64BE = struct.Struct("<d"), struct.Struct(">d")


class BufferNumbers(bytearray):
    """The number methods of ``uvnet.Buffer`` (see :mod:`uvnet.buffer`)."""

    __slots__ = ()

    # --- fixed-width integers ------------------------------------------------------------

    def readUInt8(self, offset: Any = 0) -> int:
        """``buf.readUInt8([offset])``: the unsigned byte at ``offset``."""
        return self[_offset(self, _defaulted(offset), 1)]

    def readInt8(self, offset: Any = 0) -> int:
        """``buf.readInt8([offset])``: the signed byte at ``offset``."""
        v = self[_offset(self, _defaulted(offset), 1)]
        return v - 256 if v > 127 else v

    def readUInt16LE(self, offset: Any = 0) -> int:
        """``buf.readUInt16LE([offset])``."""
        return _read(self, _defaulted(offset), 2, "little", False)

    def readUInt16BE(self, offset: Any = 0) -> int:
        """``buf.readUInt16BE([offset])``."""
        return _read(self, _defaulted(offset), 2, "big", False)

    def readInt16LE(self, offset: Any = 0) -> int:
        """``buf.readInt16LE([offset])``."""
        return _read(self, _defaulted(offset), 2, "little", True)

    def readInt16BE(self, offset: Any = 0) -> int:
        """``buf.readInt16BE([offset])``."""
        return _read(self, _defaulted(offset), 2, "big", True)

    def readUInt32LE(self, offset: Any = 0) -> int:
        """``buf.readUInt32LE([offset])``."""
        return _read(self, _defaulted(offset), 4, "little", False)

    def readUInt32BE(self, offset: Any = 0) -> int:
        """``buf.readUInt32BE([offset])``."""
        return _read(self, _defaulted(offset), 4, "big", False)

    def readInt32LE(self, offset: Any = 0) -> int:
        """``buf.readInt32LE([offset])``."""
        return _read(self, _defaulted(offset), 4, "little", True)

    def readInt32BE(self, offset: Any = 0) -> int:
        """``buf.readInt32BE([offset])``."""
        return _read(self, _defaulted(offset), 4, "big", True)

    def readBigUInt64LE(self, offset: Any = 0) -> int:
        """``buf.readBigUInt64LE([offset])``: a JS BigInt is a Python ``int``."""
        return _read(self, _defaulted(offset), 8, "little", False)

    def readBigUInt64BE(self, offset: Any = 0) -> int:
        """``buf.readBigUInt64BE([offset])``."""
        return _read(self, _defaulted(offset), 8, "big", False)

    def readBigInt64LE(self, offset: Any = 0) -> int:
        """``buf.readBigInt64LE([offset])``."""
        return _read(self, _defaulted(offset), 8, "little", True)

    def readBigInt64BE(self, offset: Any = 0) -> int:
        """``buf.readBigInt64BE([offset])``."""
        return _read(self, _defaulted(offset), 8, "big", True)

    def writeUInt8(self, value: Any, offset: Any = 0) -> int:
        """``buf.writeUInt8(value[, offset])``: the offset after the byte written."""
        return _write(self, value, _defaulted(offset), 1, 0, 0xFF, "big")

    def writeInt8(self, value: Any, offset: Any = 0) -> int:
        """``buf.writeInt8(value[, offset])``."""
        return _write(self, value, _defaulted(offset), 1, -0x80, 0x7F, "big")

    def writeUInt16LE(self, value: Any, offset: Any = 0) -> int:
        """``buf.writeUInt16LE(value[, offset])``."""
        return _write(self, value, _defaulted(offset), 2, 0, 0xFFFF, "little")

    def writeUInt16BE(self, value: Any, offset: Any = 0) -> int:
        """``buf.writeUInt16BE(value[, offset])``."""
        return _write(self, value, _defaulted(offset), 2, 0, 0xFFFF, "big")

    def writeInt16LE(self, value: Any, offset: Any = 0) -> int:
        """``buf.writeInt16LE(value[, offset])``."""
        return _write(self, value, _defaulted(offset), 2, -0x8000, 0x7FFF, "little")

    def writeInt16BE(self, value: Any, offset: Any = 0) -> int:
        """``buf.writeInt16BE(value[, offset])``."""
        return _write(self, value, _defaulted(offset), 2, -0x8000, 0x7FFF, "big")

    def writeUInt32LE(self, value: Any, offset: Any = 0) -> int:
        """``buf.writeUInt32LE(value[, offset])``."""
        return _write(self, value, _defaulted(offset), 4, 0, 0xFFFFFFFF, "little")

    def writeUInt32BE(self, value: Any, offset: Any = 0) -> int:
        """``buf.writeUInt32BE(value[, offset])``."""
        return _write(self, value, _defaulted(offset), 4, 0, 0xFFFFFFFF, "big")

    def writeInt32LE(self, value: Any, offset: Any = 0) -> int:
        """``buf.writeInt32LE(value[, offset])``."""
        return _write(self, value, _defaulted(offset), 4, -0x80000000, 0x7FFFFFFF, "little")

    def writeInt32BE(self, value: Any, offset: Any = 0) -> int:
        """``buf.writeInt32BE(value[, offset])``."""
        return _write(self, value, _defaulted(offset), 4, -0x80000000, 0x7FFFFFFF, "big")

    def _writeBig(self, value: Any, offset: Any, signed: bool, order: str) -> int:
        # Node's writeBigU_Int64{LE,BE}: checkInt with BigInt bounds, then the offset.
        lo, hi = (-(2**63), 2**63 - 1) if signed else (0, 2**64 - 1)
        if not (type(value) is int or is_number(value)):
            raise TypeError("Cannot mix BigInt and other types, use explicit conversions")
        _checkInt(value, lo, hi, 8, True)
        at = _offset(self, _defaulted(offset), 8)
        if type(value) is not int:
            raise TypeError("Cannot mix BigInt and other types, use explicit conversions")
        bytearray.__setitem__(self, slice(at, at + 8),
                              (value & (2**64 - 1)).to_bytes(8, order))  # type: ignore[arg-type]
        return at + 8

    def writeBigUInt64LE(self, value: int, offset: Any = 0) -> int:
        """``buf.writeBigUInt64LE(value[, offset])``: ``value`` an ``int`` (a JS BigInt)."""
        return self._writeBig(value, offset, False, "little")

    def writeBigUInt64BE(self, value: int, offset: Any = 0) -> int:
        """``buf.writeBigUInt64BE(value[, offset])``."""
        return self._writeBig(value, offset, False, "big")

    def writeBigInt64LE(self, value: int, offset: Any = 0) -> int:
        """``buf.writeBigInt64LE(value[, offset])``."""
        return self._writeBig(value, offset, True, "little")

    def writeBigInt64BE(self, value: int, offset: Any = 0) -> int:
        """``buf.writeBigInt64BE(value[, offset])``."""
        return self._writeBig(value, offset, True, "big")

    # --- variable width (1 to 6 bytes) ---------------------------------------------------

    def _readVar(self, offset: Any, byteLength: Any, order: str, signed: bool) -> int:
        if offset is None:
            raise ERR_INVALID_ARG_TYPE("offset", "number", offset)
        return _read(self, offset, _width(byteLength), order, signed)

    def readUIntLE(self, offset: Any, byteLength: Any) -> int:
        """``buf.readUIntLE(offset, byteLength)``: ``byteLength`` 1 to 6."""
        return self._readVar(offset, byteLength, "little", False)

    def readUIntBE(self, offset: Any, byteLength: Any) -> int:
        """``buf.readUIntBE(offset, byteLength)``."""
        return self._readVar(offset, byteLength, "big", False)

    def readIntLE(self, offset: Any, byteLength: Any) -> int:
        """``buf.readIntLE(offset, byteLength)``."""
        return self._readVar(offset, byteLength, "little", True)

    def readIntBE(self, offset: Any, byteLength: Any) -> int:
        """``buf.readIntBE(offset, byteLength)``."""
        return self._readVar(offset, byteLength, "big", True)

    def _writeVar(self, value: Any, offset: Any, byteLength: Any, order: str,
                  signed: bool) -> int:
        size = _width(byteLength)
        if signed:
            hi = _U[size] >> 1
            return _write(self, value, offset, size, -hi - 1, hi, order)
        return _write(self, value, offset, size, 0, _U[size], order)

    def writeUIntLE(self, value: Any, offset: Any, byteLength: Any) -> int:
        """``buf.writeUIntLE(value, offset, byteLength)``: ``byteLength`` 1 to 6."""
        return self._writeVar(value, offset, byteLength, "little", False)

    def writeUIntBE(self, value: Any, offset: Any, byteLength: Any) -> int:
        """``buf.writeUIntBE(value, offset, byteLength)``."""
        return self._writeVar(value, offset, byteLength, "big", False)

    def writeIntLE(self, value: Any, offset: Any, byteLength: Any) -> int:
        """``buf.writeIntLE(value, offset, byteLength)``."""
        return self._writeVar(value, offset, byteLength, "little", True)

    def writeIntBE(self, value: Any, offset: Any, byteLength: Any) -> int:
        """``buf.writeIntBE(value, offset, byteLength)``."""
        return self._writeVar(value, offset, byteLength, "big", True)

    # --- floats ----------------------------------------------------------------------------

    def _readFloat(self, offset: Any, fmt: struct.Struct) -> float:
        at = _offset(self, _defaulted(offset), fmt.size)
        return float(fmt.unpack_from(self, at)[0])

    def _writeFloat(self, value: Any, offset: Any, fmt: struct.Struct) -> int:
        value = float(jsNumber(value))
        at = _offset(self, _defaulted(offset), fmt.size)
        bytearray.__setitem__(self, slice(at, at + fmt.size),
                              _float_bytes(fmt, value))
        return at + fmt.size

    def readFloatLE(self, offset: Any = 0) -> float:
        """``buf.readFloatLE([offset])``: a 32-bit float."""
        return self._readFloat(offset, _F32LE)

    def readFloatBE(self, offset: Any = 0) -> float:
        """``buf.readFloatBE([offset])``."""
        return self._readFloat(offset, _F32BE)

    def readDoubleLE(self, offset: Any = 0) -> float:
        """``buf.readDoubleLE([offset])``: a 64-bit float."""
        return self._readFloat(offset, _F64LE)

    def readDoubleBE(self, offset: Any = 0) -> float:
        """``buf.readDoubleBE([offset])``."""
        return self._readFloat(offset, _F64BE)

    def writeFloatLE(self, value: Any, offset: Any = 0) -> int:
        """``buf.writeFloatLE(value[, offset])``: rounded to 32 bits, as a Float32Array does."""
        return self._writeFloat(value, offset, _F32LE)

    def writeFloatBE(self, value: Any, offset: Any = 0) -> int:
        """``buf.writeFloatBE(value[, offset])``."""
        return self._writeFloat(value, offset, _F32BE)

    def writeDoubleLE(self, value: Any, offset: Any = 0) -> int:
        """``buf.writeDoubleLE(value[, offset])``."""
        return self._writeFloat(value, offset, _F64LE)

    def writeDoubleBE(self, value: Any, offset: Any = 0) -> int:
        """``buf.writeDoubleBE(value[, offset])``."""
        return self._writeFloat(value, offset, _F64BE)

    # Node's lowercase aliases (``readUint16BE`` is ``readUInt16BE`` ...).
    readUint8 = readUInt8
    readUint16LE = readUInt16LE
    readUint16BE = readUInt16BE
    readUint32LE = readUInt32LE
    readUint32BE = readUInt32BE
    readUintLE = readUIntLE
    readUintBE = readUIntBE
    readBigUint64LE = readBigUInt64LE
    readBigUint64BE = readBigUInt64BE
    writeUint8 = writeUInt8
    writeUint16LE = writeUInt16LE
    writeUint16BE = writeUInt16BE
    writeUint32LE = writeUInt32LE
    writeUint32BE = writeUInt32BE
    writeUintLE = writeUIntLE
    writeUintBE = writeUIntBE
    writeBigUint64LE = writeBigUInt64LE
    writeBigUint64BE = writeBigUInt64BE

