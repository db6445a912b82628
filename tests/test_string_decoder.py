"""uvnet.string_decoder.StringDecoder against Node's StringDecoder."""

from __future__ import annotations

import json
import random

import pytest

from difftest import run_node
from uvnet.internal.errors import ERR_INVALID_ARG_TYPE, ERR_UNKNOWN_ENCODING
from uvnet.string_decoder import StringDecoder

ENCODINGS = ["utf8", "utf16le", "base64", "base64url", "hex", "latin1", "ascii"]


def test_random_chunkings_match_node() -> None:
    """write() per chunk and end(): the same strings, replacement characters included."""
    rng = random.Random(7)
    pool = [0x41, 0x80, 0xbf, 0xc2, 0xc3, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80, 0xed,
            0xa0, 0xd8, 0x3d, 0xdc, 0xff, 0xfe, 0xc0, 0xf8, 0xe0, 0x90, 0xf4, 0x8f]
    cases = []
    for enc in ENCODINGS:
        for _ in range(250):
            chunks = [[rng.choice(pool) for _ in range(rng.randint(0, 6))]
                      for _ in range(rng.randint(1, 5))]
            cases.append([enc, chunks])
    js = (f"const {{ StringDecoder }} = require('string_decoder');\n"
          f"const cases = {json.dumps(cases)};\n"
          "console.log(JSON.stringify(cases.map(([enc, chunks]) => {\n"
          "  const d = new StringDecoder(enc);\n"
          "  const r = chunks.map((c) => d.write(Buffer.from(c)));\n"
          "  r.push(d.end());\n"
          "  return r;\n"
          "})));\n")
    want = json.loads(run_node(js))
    for (enc, chunks), expected in zip(cases, want):
        d = StringDecoder(enc)
        got = [d.write(bytes(c)) for c in chunks] + [d.end()]
        assert json.dumps(got) == json.dumps(expected), (enc, chunks)


def test_end_with_buffer_lastneed_and_reuse() -> None:
    js = r"""
const { StringDecoder } = require('string_decoder');
const d = new StringDecoder('utf8');
const out = [d.write(Buffer.from([0xe2, 0x82])), d.lastNeed, d.lastTotal,
             d.end(Buffer.from([0xac])), d.write(Buffer.from('ok')), d.end(),
             d.write(Buffer.from([0xf0])), d.end(), d.end()];
const u = new StringDecoder('ucs2');
out.push(u.write(Buffer.from([0x61])), u.write(Buffer.from([0x00, 0x3d, 0xd8])), u.end());
const b = new StringDecoder('base64');
out.push(b.write(Buffer.from('ab')), b.write(Buffer.from('cd')), b.end(), b.encoding);
out.push(new StringDecoder().encoding, new StringDecoder('UCS-2').encoding,
         new StringDecoder('binary').encoding, d.write('as is'));
console.log(JSON.stringify(out));
"""
    d = StringDecoder("utf8")
    out: list = [d.write(bytes([0xe2, 0x82])), d.lastNeed, d.lastTotal,
                 d.end(bytes([0xac])), d.write(b"ok"), d.end(),
                 d.write(bytes([0xf0])), d.end(), d.end()]
    u = StringDecoder("ucs2")
    out += [u.write(bytes([0x61])), u.write(bytes([0x00, 0x3d, 0xd8])), u.end()]
    b = StringDecoder("base64")
    out += [b.write(b"ab"), b.write(b"cd"), b.end(), b.encoding]
    out += [StringDecoder().encoding, StringDecoder("UCS-2").encoding,
            StringDecoder("binary").encoding, d.write("as is")]
    assert json.dumps(out) == json.dumps(json.loads(run_node(js)))


def test_errors() -> None:
    with pytest.raises(ERR_UNKNOWN_ENCODING) as info:
        StringDecoder("nope")
    assert str(info.value) == "Unknown encoding: nope"
    with pytest.raises(ERR_INVALID_ARG_TYPE) as info2:
        StringDecoder().write(42)
    assert info2.value.code == "ERR_INVALID_ARG_TYPE"


def test_memoryview_and_bytearray_inputs() -> None:
    d = StringDecoder("utf8")
    assert d.write(bytearray(b"\xe2\x82")) == ""
    assert d.write(memoryview(b"\xac!")) == "\u20ac!"
