"""uvnet.buffer against Node's Buffer: encode/decode/byteLength/isEncoding/normalizeEncoding."""

from __future__ import annotations

import json
import random

import pytest

from difftest import run_node
from uvnet.buffer import byteLength, decode, encode, isEncoding, normalizeEncoding
from uvnet.internal.errors import ERR_UNKNOWN_ENCODING

ENCODINGS = ["utf8", "utf16le", "latin1", "ascii", "hex", "base64", "base64url"]

STRINGS = [
    "", "hello", "h\u00e9llo", "\u20ac", "\U0001F600", "\ud83d", "\ude00x", "a\ud800b\udc00",
    "\u00ff\u0100\u7fff", "abc", "0123456789abcdefABCDEF", "12zz34", "1 2", "f", "fff",
    "YQ==", "YWJj", "YWJ", "Y", "YQ=YQ", "YWJj\nZGVm", "a-_b", "a+/b", "%%YWJj", "=YWJj",
    "YWJj====ZGVm", "YW\u00e9Jj", "Y=Q", "YWJ=j", "  YQ  ", "\x00\x7f\x80",
]


def _js_string(s: str) -> str:
    """A JS string literal for ``s`` (UTF-16 code units, lone surrogates kept)."""
    units = s.encode("utf-16-le", "surrogatepass")
    return "'" + "".join(f"\\u{units[i] | (units[i + 1] << 8):04x}"
                         for i in range(0, len(units), 2)) + "'"


@pytest.fixture(scope="module")
def node_encodings() -> list:
    js = "const out = [];\n"
    for s in STRINGS:
        for enc in ENCODINGS:
            js += (f"out.push([Buffer.from({_js_string(s)}, '{enc}').toString('hex'), "
                   f"Buffer.byteLength({_js_string(s)}, '{enc}')]);\n")
    js += "console.log(JSON.stringify(out));\n"
    return json.loads(run_node(js))


def test_encode_and_byte_length_match_node(node_encodings: list) -> None:
    i = 0
    for s in STRINGS:
        for enc in ENCODINGS:
            want_hex, want_len = node_encodings[i]
            i += 1
            assert encode(s, enc).hex() == want_hex, (s, enc)
            assert byteLength(s, enc) == want_len, (s, enc)


def test_decode_matches_node_on_random_bytes() -> None:
    rng = random.Random(3)
    pool = [0x00, 0x41, 0x7f, 0x80, 0xbf, 0xc0, 0xc2, 0xc3, 0xe0, 0xe2, 0xed, 0xa0, 0x82,
            0xac, 0xf0, 0xf4, 0xf5, 0x90, 0x9f, 0x98, 0xd8, 0xdc, 0x3d, 0xfe, 0xff]
    samples = [bytes(rng.choice(pool) for _ in range(rng.randint(0, 9))) for _ in range(300)]
    js = f"const samples = {json.dumps([list(b) for b in samples])};\n"
    js += f"const encs = {json.dumps(ENCODINGS)};\n"
    js += ("console.log(JSON.stringify(samples.map((b) => "
           "encs.map((e) => Buffer.from(b).toString(e)))));\n")
    want = json.loads(run_node(js))
    for b, row in zip(samples, want):
        for enc, expected in zip(ENCODINGS, row):
            got = decode(b, enc)
            # json round-trips lone surrogates identically in both languages
            assert json.dumps(got) == json.dumps(expected), (b.hex(), enc)


def test_documented_node_quirks() -> None:
    assert encode("\u00e9", "ascii") == b"\xe9"  # Node's ascii writer takes the low byte
    assert encode("\u0100", "latin1") == b"\x00"
    assert encode("\ud800", "utf8") == b"\xef\xbf\xbd"
    assert encode("\U0001F600", "utf16le") == b"\x3d\xd8\x00\xde"
    assert encode("abc", "hex") == b"\xab"
    assert encode("12zz34", "hex") == b"\x12"
    assert encode("YQ", "base64") == b"a"
    assert encode("a-_b", "base64") == encode("a+/b", "base64url") == b"\x6b\xef\xdb"
    assert decode(b"\xff\x80A", "ascii") == "\x7f\x00A"
    assert decode(b"\xff", "utf8") == "\ufffd"
    assert decode(b"\xfb\xff", "base64") == "+/8="
    assert decode(b"\xfb\xff", "base64url") == "-_8"
    assert decode(b"\xab\xcd", "hex") == "abcd"
    assert decode(b"\x3d\xd8\x41", "utf16le") == "\ud83d"
    assert byteLength(b"abc") == 3
    assert byteLength(memoryview(b"abcd")) == 4


def test_normalize_and_is_encoding() -> None:
    assert normalizeEncoding(None) == "utf8"
    assert normalizeEncoding("") == "utf8"
    for name, want in [("utf8", "utf8"), ("UTF-8", "utf8"), ("Utf8", "utf8"),
                       ("ucs2", "utf16le"), ("UCS-2", "utf16le"), ("utf-16le", "utf16le"),
                       ("UTF16LE", "utf16le"), ("binary", "latin1"), ("Latin1", "latin1"),
                       ("BASE64", "base64"), ("base64URL", "base64url"), ("HEX", "hex"),
                       ("Ascii", "ascii")]:
        assert normalizeEncoding(name) == want, name
    for bad in ["utf16", "utf-16", "buffer", "latin-1", "nope", 5]:
        assert normalizeEncoding(bad) is None, bad
    assert isEncoding("hex") and isEncoding("UCS2")
    assert not isEncoding("") and not isEncoding(None) and not isEncoding("buffer")
    with pytest.raises(ERR_UNKNOWN_ENCODING) as info:
        encode("x", "nope")
    assert info.value.code == "ERR_UNKNOWN_ENCODING"
    assert str(info.value) == "Unknown encoding: nope"
    with pytest.raises(TypeError):
        decode(b"x", "nope")


def test_is_encoding_matches_node() -> None:
    names = ["utf8", "UTF8", "utf-8", "UTF-8", "uTf-8", "ucs2", "Ucs-2", "utf16le", "UTF-16LE",
             "latin1", "BINARY", "base64", "Base64url", "hex", "HeX", "ascii", "ASCII", "",
             "buffer", "utf16", "utf32", "latin-1", "raw", "raws"]
    js = f"console.log(JSON.stringify({json.dumps(names)}.map((n) => Buffer.isEncoding(n))));"
    assert json.loads(run_node(js)) == [isEncoding(n) for n in names]
