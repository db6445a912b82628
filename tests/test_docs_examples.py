"""The porting guide's worked example (docs/porting.md) is true: its Node program and its
Python port, run by ``node`` and by uvnet, print the same bytes, and those are the bytes
the guide shows."""

from __future__ import annotations

import pathlib
import re

from difftest import assert_same_output

GUIDE = pathlib.Path(__file__).resolve().parent.parent / "docs" / "porting.md"


def _worked_example() -> tuple[str, str, str]:
    text = GUIDE.read_text(encoding="utf-8")
    section = text[text.index("## A worked example"):]
    section = section[:section.index("\n## ", 1)]
    blocks = re.findall(r"```(\w+)\n(.*?)```", section, re.S)
    assert [lang for lang, _ in blocks] == ["js", "python", "text"], blocks
    return blocks[0][1], blocks[1][1], blocks[2][1]


def test_worked_example_prints_what_node_prints() -> None:
    js, py, shown = _worked_example()
    assert assert_same_output(js, py) == shown
