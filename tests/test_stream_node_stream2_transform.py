"""Port of Node v20's test/parallel/test-stream2-transform.js."""

from __future__ import annotations

import json

from stream_node import common, node_common  # noqa: F401

import uvnet
from uvnet.stream import PassThrough, Transform


def stringify(obj: object) -> str:
    return json.dumps(obj, separators=(",", ":"))


def write_words(pt: Transform, words: list[bytes]) -> None:
    for w in words:
        pt.write(w)


WORDS = [b"foog", b"bark", b"bazy", b"kuel"]


def test_writable_side_consumption() -> None:
    tx = Transform(highWaterMark=10)
    transformed = [0]

    def _transform(chunk, encoding, cb):  # type: ignore[no-untyped-def]
        transformed[0] += len(chunk)
        tx.push(chunk)
        cb()

    tx._transform = _transform  # type: ignore[method-assign]
    for i in range(1, 11):
        tx.write(bytes(i))
    tx.end()
    assert tx.readableLength == 10
    assert transformed[0] == 10
    assert [len(c["chunk"]) for c in tx.writableBuffer] == [5, 6, 7, 8, 9, 10]


def test_passthrough() -> None:
    pt = PassThrough()
    write_words(pt, WORDS)
    pt.end()
    assert pt.read(5) == b"foogb"
    assert pt.read(5) == b"arkba"
    assert pt.read(5) == b"zykue"
    assert pt.read(5) == b"l"


def test_object_passthrough() -> None:
    pt = PassThrough(objectMode=True)
    for v in [1, True, False, 0, "foo", "", {"a": "b"}]:
        pt.write(v)
    pt.end()
    assert pt.read() == 1
    assert pt.read() is True
    assert pt.read() is False
    assert pt.read() == 0
    assert pt.read() == "foo"
    assert pt.read() == ""
    assert pt.read() == {"a": "b"}


def test_constructors() -> None:
    assert isinstance(PassThrough(), PassThrough)
    assert isinstance(Transform(), Transform)


def test_simple_transform() -> None:
    pt = Transform()

    def _transform(c, e, cb):  # type: ignore[no-untyped-def]
        pt.push(b"x" * len(c))
        cb()

    pt._transform = _transform  # type: ignore[method-assign]
    write_words(pt, WORDS)
    pt.end()
    assert pt.read(5) == b"xxxxx"
    assert pt.read(5) == b"xxxxx"
    assert pt.read(5) == b"xxxxx"
    assert pt.read(5) == b"x"


def test_simple_object_transform() -> None:
    pt = Transform(objectMode=True)

    def _transform(c, e, cb):  # type: ignore[no-untyped-def]
        pt.push(stringify(c))
        cb()

    pt._transform = _transform  # type: ignore[method-assign]
    for v in [1, True, False, 0, "foo", "", {"a": "b"}]:
        pt.write(v)
    pt.end()
    for want in ["1", "true", "false", "0", '"foo"', '""', '{"a":"b"}']:
        assert pt.read() == want


def test_async_passthrough() -> None:
    pt = Transform()

    def _transform(chunk, encoding, cb):  # type: ignore[no-untyped-def]
        def later() -> None:
            pt.push(chunk)
            cb()
        uvnet.setTimeout(later, 10)

    pt._transform = _transform  # type: ignore[method-assign]
    write_words(pt, WORDS)
    pt.end()

    def onfinish() -> None:
        assert pt.read(5) == b"foogb"
        assert pt.read(5) == b"arkba"
        assert pt.read(5) == b"zykue"
        assert pt.read(5) == b"l"

    pt.on("finish", common.mustCall(onfinish))
    uvnet.run()


def test_asymmetric_expand() -> None:
    pt = Transform()

    def _transform(chunk, encoding, cb):  # type: ignore[no-untyped-def]
        def first() -> None:
            pt.push(chunk)

            def second() -> None:
                pt.push(chunk)
                cb()

            uvnet.setTimeout(second, 10)

        uvnet.setTimeout(first, 10)

    pt._transform = _transform  # type: ignore[method-assign]
    write_words(pt, WORDS)
    pt.end()

    def onfinish() -> None:
        for want in [b"foogf", b"oogba", b"rkbar", b"kbazy", b"bazyk", b"uelku", b"el"]:
            assert pt.read(5) == want

    pt.on("finish", common.mustCall(onfinish))
    uvnet.run()


def test_asymmetric_compress() -> None:
    pt = Transform()
    state = [""]

    def _transform(chunk, encoding, cb):  # type: ignore[no-untyped-def]
        s = (chunk or b"").decode()

        def later() -> None:
            state[0] += s[:1]
            if len(state[0]) == 3:
                pt.push(state[0].encode())
                state[0] = ""
            cb()

        uvnet.setTimeout(later, 10)

    def _flush(cb):  # type: ignore[no-untyped-def]
        pt.push(state[0].encode())
        state[0] = ""
        cb()

    pt._transform = _transform  # type: ignore[method-assign]
    pt._flush = _flush  # type: ignore[attr-defined]
    for w in [b"aaaa", b"bbbb", b"cccc", b"dddd", b"eeee"] * 2 + [b"aaaa", b"bbbb", b"cccc",
                                                                  b"dddd"]:
        pt.write(w)
    pt.end()

    def onfinish() -> None:
        assert pt.read(5) == b"abcde"
        assert pt.read(5) == b"abcde"
        assert pt.read(5) == b"abcd"

    pt.on("finish", common.mustCall(onfinish))
    uvnet.run()


def test_complex_transform() -> None:
    count = [0]
    saved: list[bytes | None] = [None]
    pt = Transform(highWaterMark=3)

    def _transform(c, e, cb):  # type: ignore[no-untyped-def]
        count[0] += 1
        if count[0] - 1 == 1:
            saved[0] = c
        else:
            if saved[0]:
                pt.push(saved[0])
                saved[0] = None
            pt.push(c)
        cb()

    pt._transform = _transform  # type: ignore[method-assign]

    def onreadable() -> None:
        def later() -> None:
            pt.write(b"d")
            pt.write(b"ef", common.mustCall(lambda err: pt.end()))
            assert pt.read() == b"abcdef"
            assert pt.read() is None
        uvnet.nextTick(later)

    pt.once("readable", onreadable)
    pt.write(b"abc")
    uvnet.run()


def test_passthrough_event_emission() -> None:
    pt = PassThrough()
    emits = [0]
    pt.on("readable", lambda: emits.__setitem__(0, emits[0] + 1))
    pt.write(b"foog")
    pt.write(b"bark")
    assert emits[0] == 0
    assert pt.read(5) == b"foogb"
    assert pt.read(5) is None
    assert emits[0] == 0
    pt.write(b"bazy")
    pt.write(b"kuel")
    assert emits[0] == 0
    assert pt.read(5) == b"arkba"
    assert pt.read(5) == b"zykue"
    assert pt.read(5) is None
    pt.end()
    assert emits[0] == 1
    assert pt.read(5) == b"l"
    assert pt.read(5) is None
    assert emits[0] == 1
    uvnet.run()


def test_passthrough_event_emission_reordering() -> None:
    pt = PassThrough()
    emits = [0]
    pt.on("readable", lambda: emits.__setitem__(0, emits[0] + 1))
    pt.write(b"foog")
    pt.write(b"bark")
    assert emits[0] == 0
    assert pt.read(5) == b"foogb"
    assert pt.read(5) is None

    def third() -> None:
        assert pt.read(5) == b"l"
        assert pt.read(5) is None
        assert emits[0] == 3

    def second() -> None:
        assert pt.read(5) == b"zykue"
        assert pt.read(5) is None
        pt.once("readable", common.mustCall(third))
        pt.end()

    def first() -> None:
        assert pt.read(5) == b"arkba"
        assert pt.read(5) is None
        pt.once("readable", common.mustCall(second))
        pt.write(b"kuel")

    pt.once("readable", common.mustCall(first))
    pt.write(b"bazy")
    uvnet.run()


def test_passthrough_facade() -> None:
    pt = PassThrough()
    datas: list[str] = []
    pt.on("data", lambda chunk: datas.append(chunk.decode()))

    def onend() -> None:
        assert datas == ["foog", "bark", "bazy", "kuel"]

    pt.on("end", common.mustCall(onend))
    pt.write(b"foog")

    def step(words: list[bytes]) -> None:
        if words:
            pt.write(words[0])
            uvnet.setTimeout(lambda: step(words[1:]), 10)
        else:
            pt.end()

    uvnet.setTimeout(lambda: step([b"bark", b"bazy", b"kuel"]), 10)
    uvnet.run()


OBJECTS = [{"foo": "bar"}, 100, "string",
           {"nested": {"things": [{"foo": "bar"}, 100, "string"]}}]


def test_object_transform_json_parse() -> None:
    jp = Transform(objectMode=True)

    def _transform(data, encoding, cb):  # type: ignore[no-untyped-def]
        try:
            jp.push(json.loads(data))
            cb()
        except Exception as er:  # noqa: BLE001
            cb(er)

    jp._transform = _transform  # type: ignore[method-assign]
    ended = [False]
    jp.on("end", lambda: ended.__setitem__(0, True))
    for obj in OBJECTS:
        jp.write(stringify(obj))
        assert jp.read() == obj
    jp.end()
    jp.read()  # one more read to get 'end'
    uvnet.nextTick(common.mustCall(lambda: assertTrue(ended[0])))
    uvnet.run()


def test_object_transform_json_stringify() -> None:
    js = Transform(objectMode=True)

    def _transform(data, encoding, cb):  # type: ignore[no-untyped-def]
        js.push(stringify(data))
        cb()

    js._transform = _transform  # type: ignore[method-assign]
    ended = [False]
    js.on("end", lambda: ended.__setitem__(0, True))
    for obj in OBJECTS:
        js.write(obj)
        assert js.read() == stringify(obj)
    js.end()
    js.read()
    uvnet.nextTick(common.mustCall(lambda: assertTrue(ended[0])))
    uvnet.run()


def test_push_from_construct() -> None:
    s: Transform

    def construct(callback):  # type: ignore[no-untyped-def]
        s.push("header from constructor")
        callback()

    s = Transform(objectMode=True, construct=construct,
                  transform=lambda row, encoding, callback: callback(None, row))
    expected = ["header from constructor", "firstLine", "secondLine"]
    s.on("data", common.mustCall(lambda data: assertTrue(data == expected.pop(0)), 3))
    s.write("firstLine")
    uvnet.nextTick(lambda: s.write("secondLine"))
    uvnet.run()


def assertTrue(v: object) -> None:
    assert v
