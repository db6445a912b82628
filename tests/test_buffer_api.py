"""uvnet.Buffer against Node's Buffer: a table of calls, run by node and by Python in the
same test, compared call by call (result, the buffer's bytes after it, or the error).

Every method, every encoding, and the out-of-range errors. ERR_INVALID_ARG_TYPE messages
name Python's types where Node names JS's (API.md), so for that code only the code is
compared; every other error is compared by code and message.
"""

from __future__ import annotations

import json
import math
import struct
from typing import Any

import pytest

from difftest import run_node
from uvnet import Buffer

ENCS = ["utf8", "utf-8", "UTF8", "ascii", "latin1", "binary", "hex", "base64", "base64url",
        "ucs2", "ucs-2", "utf16le", "utf-16le"]
U = {"t": "undef"}


def buf(h: str) -> dict[str, str]:
    return {"t": "buf", "h": h}


def u8(h: str) -> dict[str, str]:
    return {"t": "u8", "h": h}


def num(v: str) -> dict[str, str]:
    return {"t": "num", "v": v}


def big(v: int) -> dict[str, str]:
    return {"t": "big", "v": str(v)}


NAN, INF, NINF = num("NaN"), num("Infinity"), num("-Infinity")
OFFSETS = [0, 1, 2, 3, 4, 7, 8, 9, -1, 1.5, 1.0, NAN, INF, "1", True, U]
HEX8 = "00ff7f80fedcba98"


def _cases() -> list[list[Any]]:
    c: list[list[Any]] = []  # [init hex, method, args, static?]
    ints = [("UInt8", 1), ("Int8", 1), ("UInt16LE", 2), ("UInt16BE", 2), ("Int16LE", 2),
            ("Int16BE", 2), ("UInt32LE", 4), ("UInt32BE", 4), ("Int32LE", 4), ("Int32BE", 4),
            ("FloatLE", 4), ("FloatBE", 4), ("DoubleLE", 8), ("DoubleBE", 8),
            ("BigUInt64LE", 8), ("BigUInt64BE", 8), ("BigInt64LE", 8), ("BigInt64BE", 8)]
    for name, _size in ints:
        for off in OFFSETS:
            c.append([HEX8, "read" + name, [off], False])
        c.append([HEX8, "read" + name, [], False])
        c.append(["", "read" + name, [0], False])
    for alias in ["readUint8", "readUint16LE", "readUint16BE", "readUint32LE", "readUint32BE",
                  "readBigUint64LE", "readBigUint64BE"]:
        c.append([HEX8, alias, [0], False])
    values = {
        1: [0, 255, 256, -1, -128, 127, -129, 1.5, -1.5, NAN, INF, "7", True, U],
        2: [0, 65535, 65536, -1, -32768, 32767, -32769, 258.7, NAN, "0x10"],
        4: [0, 2**32 - 1, 2**32, -1, -2**31, 2**31 - 1, -2**31 - 1, 2**40, 3.75, -3.75, NAN],
    }
    for name, size in ints[:10]:
        for v in values[size]:
            for off in [0, 1, 5, 8, -1, 1.5, U]:
                c.append(["00" * 8, "write" + name, [v, off], False])
    for name in ["FloatLE", "FloatBE", "DoubleLE", "DoubleBE"]:
        for v in [0, 1.5, -2.25, 3.4028235677973366e38, 3.5e38, 1e-46, NAN, INF, NINF, "2.5",
                  U, 123456789.123]:
            for off in [0, 1, 4, 5, -1, U]:
                c.append(["00" * 8, "write" + name, [v, off], False])
    for name in ["BigUInt64LE", "BigUInt64BE", "BigInt64LE", "BigInt64BE"]:
        for v in [big(0), big(1), big(-1), big(2**64 - 1), big(2**64), big(2**63 - 1),
                  big(-2**63), big(-2**63 - 1), big(2**63), 1.5, -1.5]:
            for off in [0, 1, -1, U]:
                c.append(["00" * 9, "write" + name, [v, off], False])
    for alias in ["writeUint8", "writeUint16LE", "writeUint16BE", "writeUint32LE",
                  "writeUint32BE"]:
        c.append(["00" * 8, alias, [200, 1], False])
    c.append(["00" * 8, "writeBigUint64LE", [big(5), 0], False])
    c.append(["00" * 8, "writeBigUint64BE", [big(5), 0], False])
    for kind in ["UIntLE", "UIntBE", "IntLE", "IntBE", "UintLE", "UintBE"]:
        for bl in [1, 2, 3, 4, 5, 6, 0, 7, 2.5, U, "2", True]:
            for off in [0, 1, 3, U]:
                c.append([HEX8, "read" + kind, [off, bl], False])
            for v in [0, 1, -1, 2**8, 2**16 - 1, 2**24, 2**32 + 5, 2**40 - 1, 2**40, 2**47,
                      2**48 - 1, -(2**47), -(2**47) - 1, 1.5, -0.5, -1.5, NAN]:
                for off in [0, 2, U]:
                    c.append(["00" * 8, "write" + kind, [v, off, bl], False])
    # strings
    texts = ["", "hello", "h\u00e9llo \u20ac\U0001F600", "aGVsbG8=", "68656c6c6f", "zz",
             "a-_b", "\ud83d", "\u0100\u00ff"]
    for t in texts:
        for enc in ENCS + [U, "", "bogus", 5]:
            c.append(["", "from", [t, enc], True])
            c.append(["", "byteLength", [t, enc], True])
    src = "00ff7f80e282ac41f09f988061"
    for enc in ENCS + [U, "", "bogus", "hex"]:
        for se in [[], [0], [1], [1, 5], [-1, 3], [3, 1], [1.5, 4.5], [NAN, 4], [0, 100],
                   [100], ["1", "4"], [U, 4]]:
            c.append([src, "toString", [enc, *se], False])
    c.append([src, "toString", [], False])
    c.append(["", "toString", ["bogus"], False])
    for t in ["ab", "\u20ac\u20ac", "\U0001F600", "6869", "aGk=", "\u00e9x"]:
        for args in [[], [1], [3], [0, 2], [1, 1], [2, 5], [9], [-1], [1.5], ["latin1"],
                     ["hex"], [0, "ucs2"], [1, 3, "base64"], [0, 8, "bogus"], [0, 8, ""],
                     [0, 3, "utf8"], [0, 3, U], [U, U, "hex"], [1, 3, "ascii"]]:
            c.append(["00" * 8, "write", [t, *args], False])
    c.append(["00" * 4, "write", [5], False])
    c.append(["00" * 4, "write", [5, 0, 2, "hex"], False])
    # from/alloc/concat/isBuffer/isEncoding/compare statics
    for v in [[1, 2, 256, -1, 1.5, "3", True], [], buf("0102"), u8("0304"),
              {"t": "json", "v": {"type": "Buffer", "data": [1, 2, 300]}}, 5, U, True]:
        c.append(["", "from", [v], True])
    for size in [0, 1, 5, 1.5, -1, 2**32 + 1, "5", U, NAN]:
        c.append(["", "alloc", [size], True])
        c.append(["", "allocUnsafe", [size], True])
    for fill in [0, 1, 257, "ab", "", "abc", buf("0102"), buf(""), "zz", True, 1.5]:
        for enc in [U, "hex", "latin1", "bogus", 5]:
            c.append(["", "alloc", [5, fill, enc], True])
    for lst, total in [([buf("01"), buf("0203")], U), ([], U), ([buf("01"), u8("02")], 1),
                       ([buf("01")], 4), ([buf("01"), 5], U), ("ab", U), ([buf("01")], -1),
                       ([buf("01")], 1.5), ([buf("01"), buf("0203")], 2)]:
        c.append(["", "concat", [{"t": "list", "v": lst}, total], True])
    for v in [buf("01"), u8("01"), "ab", 5, U]:
        c.append(["", "isBuffer", [v], True])
    for e in ENCS + ["", "bogus", 5, U, "UTF-16LE", "Latin1"]:
        c.append(["", "isEncoding", [e], True])
    pairs = [("", ""), ("01", ""), ("", "01"), ("0102", "0103"), ("0103", "0102"), ("01", "0100"),
             ("0102", "0102")]
    for a, b in pairs:
        c.append(["", "compare", [buf(a), buf(b)], True])
        c.append([a, "compare", [buf(b)], False])
        c.append([a, "equals", [u8(b)], False])
    c.append(["", "compare", ["ab", buf("")], True])
    c.append(["", "compare", [buf(""), 5], True])
    c.append(["01", "equals", ["ab"], False])
    for args in [[0, 3], [1, 2], [0, 3, 1], [0, 3, 1, 2], [5], [0, 4], [0, 3, 0, 9], [-1],
                 [1.5], [U, U, 1, 2], [2, 1], [0, 0, 2, 1], [0, 3, 2, 2], ["1"]]:
        c.append(["010203", "compare", [buf("020304"), *args], False])
    c.append(["01", "compare", ["ab"], False])
    # copy
    for args in [[], [2], [0, 1], [0, 1, 2], [6], [-1], [0, 4], [0, -1], [0, 0, -1],
                 [1.5, 0.5, 2.7], ["1"], [0, 3, 3], [3, 0, 3], [U, U, 2]]:
        c.append(["01020304", "copy", [{"t": "target", "n": 5}, *args], False])
    c.append(["0102", "copy", ["ab"], False])
    # fill
    for v in [0, 255, 256, -1, 1.5, "a", "ab", "\u20ac", "", "6869", "zz", buf("0102"),
              buf(""), u8("0506"), True, U]:
        for args in [[], [1], [1, 3], [3, 1], ["hex"], [0, "latin1"], [0, 4, "ucs2"],
                     [0, 4, "bogus"], [-1], [0, 9], [1.5], [0, 4, 5], ["1"]]:
            c.append(["00" * 6, "fill", [v, *args], False])
    # search
    hay = "616263616263e282ac00"  # abcabc€\0
    for needle in [0x61, 0x161, 0, -1, 99, "a", "bc", "abc", "", "\u20ac", "z", buf("6263"),
                   u8(""), "6263", "YmM=", "b\u0000", {"t": "obj"}, True]:
        for args in [[], [1], [4], [-3], [-100], [100], [1.5], [NAN], ["latin1"], ["hex"],
                     [0, "base64"], [0, "ucs2"], [0, "bogus"], [2**40], [-2**40], [U, "hex"],
                     ["2"]]:
            for m in ["indexOf", "lastIndexOf", "includes"]:
                c.append([hay, m, [needle, *args], False])
    for h in ["610062006300", "00610062", "6100620063"]:
        for needle in ["b", "bc", "a", buf("6200"), buf("0062")]:
            for args in [[0, "ucs2"], [1, "ucs2"], [-1, "utf16le"]]:
                for m in ["indexOf", "lastIndexOf"]:
                    c.append([h, m, [needle, *args], False])
    # subarray / slice / toJSON / length / byteLength / index
    for args in [[], [1], [1, 3], [-2], [-2, -1], [3, 1], [1.5, 3.7], [NAN, 2], [0, 100],
                 [-100, 2], [U, 2], ["1", "3"]]:
        c.append(["01020304", "subarray", args, False])
        c.append(["01020304", "slice", args, False])
    c.append(["0102ff", "toJSON", [], False])
    c.append(["", "toJSON", [], False])
    c.append(["0102ff", "length", None, False])
    c.append(["0102ff", "byteLength", None, False])
    for v in [0, 255, 256, -1, 1.5, -1.5, NAN, "7", True]:
        c.append(["000000", "setIndex", [1, v], False])
    for h in ["", "01", "0102", "010203", "01020304", "0102030405060708", "01" * 12, "01" * 16]:
        for m in ["swap16", "swap32", "swap64"]:
            c.append([h, m, [], False])
    return c


JS = r"""
const cases = __CASES__;
function val(v) {
  if (v && typeof v === 'object' && !Array.isArray(v)) {
    switch (v.t) {
      case 'buf': return Buffer.from(v.h, 'hex');
      case 'u8': return new Uint8Array(Buffer.from(v.h, 'hex'));
      case 'big': return BigInt(v.v);
      case 'num': return Number(v.v);
      case 'undef': return undefined;
      case 'obj': return {};
      case 'json': return v.v;
      case 'list': return Array.isArray(v.v) ? v.v.map(val) : val(v.v);
      case 'target': return Buffer.alloc(v.n);
    }
  }
  return v;
}
function out(r, m) {
  if (m === 'allocUnsafe') return {len: r.length};  // (uninitialised memory)
  if (Buffer.isBuffer(r)) return {buf: r.toString('hex')};
  if (typeof r === 'bigint') return {big: r.toString()};
  if (typeof r === 'number') {
    if (Number.isNaN(r)) return 'NaN';
    if (Number.isInteger(r) && Math.abs(r) < 2 ** 53) return {int: String(r)};
    const b = Buffer.alloc(8); b.writeDoubleBE(r); return {f: b.toString('hex')};
  }
  return r;
}
const lines = [];
for (const [init, m, args, isStatic] of cases) {
  const b = Buffer.from(init, 'hex');
  const a = args === null ? null : args.map(val);
  let res;
  try {
    let r;
    if (args === null) r = b[m];
    else if (m === 'setIndex') { b[a[0]] = a[1]; r = b[a[0]]; }
    else if (isStatic) r = Buffer[m](...a);
    else r = b[m](...a);
    res = {r: out(r, m), b: b.toString('hex')};
    const t = a && a.find((x) => x instanceof Buffer && x.length === 5);
    if (m === 'copy' && t) res.t = t.toString('hex');
  } catch (e) {
    res = {e: e.code || e.name, n: e.name,
           m: e.code === 'ERR_INVALID_ARG_TYPE' ? '' : e.message};
  }
  lines.push(JSON.stringify(res));
}
console.log(lines.join('\n'));
"""


def _val(v: Any) -> Any:
    if isinstance(v, dict):
        t = v["t"]
        if t == "buf":
            return Buffer.from_(v["h"], "hex")
        if t == "u8":
            return bytearray.fromhex(v["h"])
        if t == "big":
            return int(v["v"])
        if t == "num":
            return float(v["v"].replace("Infinity", "inf"))
        if t == "undef":
            return None
        if t == "obj":
            return {}
        if t == "json":
            return v["v"]
        if t == "list":
            return [_val(x) for x in v["v"]] if isinstance(v["v"], list) else _val(v["v"])
        if t == "target":
            return Buffer.alloc(v["n"])
    return v


def _out(r: Any, method: str) -> Any:
    if method == "allocUnsafe":
        return {"len": len(r)}
    if isinstance(r, Buffer):
        return {"buf": r.toString("hex")}
    if isinstance(r, bool) or isinstance(r, (str, dict, list)) or r is None:
        return r
    if isinstance(r, int) and method.startswith("readBig"):
        return {"big": str(r)}
    if isinstance(r, float) and math.isnan(r):
        return "NaN"
    if isinstance(r, int) or (isinstance(r, float) and math.isfinite(r) and r == int(r)
                              and abs(r) < 2**53):
        return {"int": str(int(r))}
    return {"f": struct.pack(">d", r).hex()}


def _run_python(cases: list[list[Any]]) -> list[dict[str, Any]]:
    results = []
    for init, m, args, is_static in cases:
        b = Buffer.from_(init, "hex")
        a = None if args is None else [_val(x) for x in args]
        try:
            if a is None:
                r = getattr(b, m)
            elif m == "setIndex":
                b[a[0]] = a[1]
                r = b[a[0]]
            elif is_static:
                r = getattr(Buffer, "from_" if m == "from" else m)(*a)
            else:
                r = getattr(b, m)(*a)
            res: dict[str, Any] = {"r": _out(r, m), "b": b.toString("hex")}
            t = [x for x in (a or []) if isinstance(x, Buffer) and len(x) == 5]
            if m == "copy" and t:
                res["t"] = t[0].toString("hex")
        except Exception as e:  # noqa: BLE001 - the error is the result being compared
            code = getattr(e, "code", None)
            name = getattr(e, "name", type(e).__name__)
            res = {"e": code or name, "n": name,
                   "m": "" if code == "ERR_INVALID_ARG_TYPE" else str(e)}
        results.append(res)
    return results


@pytest.fixture(scope="module")
def table() -> tuple[list[list[Any]], list[Any]]:
    cases = _cases()
    out = run_node(JS.replace("__CASES__", json.dumps(cases)))
    node = [json.loads(line) for line in out.splitlines()]
    return cases, node


def test_every_call_matches_node(table: tuple[list[list[Any]], list[Any]]) -> None:
    cases, node = table
    assert len(node) == len(cases)
    mine = _run_python(cases)
    bad = [(case, want, got) for case, want, got in zip(cases, node, mine) if want != got]
    assert not bad, f"{len(bad)} of {len(cases)} calls differ; first ones:\n" + "\n".join(
        f"{case}\n  node:   {want}\n  python: {got}" for case, want, got in bad[:40])
    assert len(cases) > 3000


def test_a_buffer_goes_wherever_bytes_goes() -> None:
    """hashlib, struct, socket, os.write, bytes(), ==, pickling; unhashable as it is mutable;
    str() is toString() as JS's String(buf); Python slices are bytearrays."""
    import hashlib
    import os
    import pickle
    import socket

    b = Buffer.from_("hello")
    assert hashlib.sha256(b).hexdigest() == hashlib.sha256(b"hello").hexdigest()
    assert struct.unpack_from(">H", b, 1) == (0x656C,)
    out = Buffer.alloc(4)
    struct.pack_into(">I", out, 0, 0xDEADBEEF)
    assert out.readUInt32BE(0) == 0xDEADBEEF
    a, c = socket.socketpair()
    with a, c:
        a.sendall(b)
        assert c.recv(16) == b"hello"
        r, w = os.pipe()
        try:
            os.write(w, b)
            assert os.read(r, 16) == b"hello"
        finally:
            os.close(r)
            os.close(w)
    assert b == b"hello" and b"hello" == b and b != b"hellO" and b == bytearray(b"hello")
    assert bytes(b) == b"hello" and type(bytes(b)) is bytes
    assert b"<" + b == b"<hello" and isinstance(b, bytearray)
    with pytest.raises(TypeError):
        hash(b)
    again = pickle.loads(pickle.dumps(b))
    assert type(again) is Buffer and again == b
    assert str(Buffer.from_("h\u00e9")) == "h\u00e9" and f"{b}" == "hello"
    assert repr(b) == "Buffer(b'hello')"
    assert type(b[1:3]) is bytearray and b[1] == 0x65 and b[-1] == 0x6F
    assert type(b.copy()) is Buffer and b.copy() == b and b.copy() is not b
    b[0] = 0x168
    assert b[0] == 0x68 and Buffer.isBuffer(b) and not Buffer.isBuffer(b"hello")
