"""uvnet's typing, checked by mypy --strict (the project's [tool.mypy] config) in one run:
uvnet/ and examples/ are clean, so are the correct ports in tests/typing/ports.py, and
every mistake in tests/typing/mistakes.py (a line ending in ``# E: <code>``) is reported
with its error code, and nothing else is.

Runs where mypy is installed: tox's ``type`` env (which passes the cache its own ``mypy``
run filled in ``UVNET_MYPY_CACHE``, so this second run only checks what changed)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from collections import defaultdict

import pytest

pytest.importorskip("mypy")

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPING = os.path.join("tests", "typing")
MISTAKES = os.path.join(TYPING, "mistakes.py")
EXPECT = re.compile(r"#\s*E:\s*([a-z-]+)\s*$")
ERROR = re.compile(
    r"^(?P<path>[^:]+):(?P<line>\d+): error: (?P<msg>.*?)(?:  \[(?P<code>[a-z-]+)\])?$")


@pytest.fixture(scope="module")
def errors(tmp_path_factory: pytest.TempPathFactory) -> dict[str, dict[int, list[str]]]:
    """mypy's errors by file and line, from one run over uvnet/, examples/ and tests/typing/."""
    cache = os.environ.get("UVNET_MYPY_CACHE") or str(tmp_path_factory.mktemp("mypy-cache"))
    # cwd: the config's files and module lookup are relative to the project
    proc = subprocess.run(
        [sys.executable, "-m", "mypy", "--config-file", "pyproject.toml", "--cache-dir", cache,
         "--no-error-summary", "--hide-error-context", "--no-pretty", "--show-error-codes",
         "--no-color-output", "uvnet", "examples", TYPING],
        cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert proc.returncode in (0, 1) and not proc.stderr, proc.stdout + proc.stderr
    found: dict[str, dict[int, list[str]]] = defaultdict(lambda: defaultdict(list))
    for line in proc.stdout.splitlines():
        m = ERROR.match(line)
        if m:
            path = os.path.normpath(m["path"])
            found[path][int(m["line"])].append(f"{m['code']}: {m['msg']}")
        else:
            assert ": note: " in line, f"unexpected mypy output: {line}"
    return found


def test_package_examples_and_ports_are_clean(errors: dict[str, dict[int, list[str]]]) -> None:
    unexpected = {path: dict(lines) for path, lines in errors.items()
                  if path != os.path.normpath(MISTAKES)}
    assert unexpected == {}


def test_each_mistake_is_reported_with_its_code(
        errors: dict[str, dict[int, list[str]]]) -> None:
    expected: dict[int, str] = {}
    with open(os.path.join(ROOT, MISTAKES), encoding="utf-8") as fh:
        for number, text in enumerate(fh, 1):
            m = EXPECT.search(text)
            if m:
                expected[number] = m[1]
    assert len(expected) >= 20
    reported = errors[os.path.normpath(MISTAKES)]
    missing = {n: code for n, code in expected.items()
               if not any(msg.startswith(f"{code}:") for msg in reported.get(n, []))}
    assert missing == {}, f"mistakes mypy did not report: {missing}"
    stray = {n: msgs for n, msgs in reported.items() if n not in expected}
    assert stray == {}, f"errors on lines with no mistake: {stray}"
