"""The docs site builds with warnings as errors and its pages render in headless Chromium.

Run by the tox env ``docs`` (``make docs``, and ``make test`` with the other envs), which
builds the site into ``docs/_build/html`` first and names it in ``UVNET_DOCS_HTML``.
Without that variable (``python -m pytest docs/test_docs.py`` in a venv that has
``docs/requirements.txt``) the test builds the site itself, the same way.

Each page is loaded by Chromium (``--dump-dom``: the DOM after the page's scripts ran)
and must hold the real content: the classes and methods that autodoc rendered from the
docstrings, a highlighted code block, the hand-written pages' text. A screenshot of the
Socket page must be a real picture (many colours, not a blank page).
"""

from __future__ import annotations

import concurrent.futures
import os
import pathlib
import re
import shutil
import struct
import subprocess
import sys
import tempfile
import zlib

import pytest

DOCS = pathlib.Path(__file__).resolve().parent
CHROMIUM_FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
]


@pytest.fixture(scope="module")
def site() -> pathlib.Path:
    given = os.environ.get("UVNET_DOCS_HTML")
    if given:
        return pathlib.Path(given)
    out = pathlib.Path(tempfile.mkdtemp(prefix="uvnet-docs-"))
    proc = subprocess.run(
        [sys.executable, "-m", "sphinx", "-W", "--keep-going", "-q", "-b", "html",
         "-d", str(out / ".doctrees"), str(DOCS), str(out / "html")],
        capture_output=True, text=True, timeout=120,
        cwd=out,  # `-m` puts the working directory on sys.path: not a work tree's ./uvnet
    )
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return out / "html"


@pytest.fixture(scope="module")
def chromium() -> str:
    exe = shutil.which("chromium")
    assert exe, "chromium is not on PATH: apt-get install chromium (tools/ensure_chromium.py)"
    return exe


def _chromium(exe: str, *args: str) -> subprocess.CompletedProcess[str]:
    with tempfile.TemporaryDirectory(prefix="uvnet-chromium-") as profile:
        return subprocess.run(
            [exe, *CHROMIUM_FLAGS, f"--user-data-dir={profile}", *args],
            capture_output=True, text=True, timeout=60,
        )


def dom(exe: str, page: pathlib.Path) -> str:
    assert page.is_file(), page
    proc = _chromium(exe, "--dump-dom", page.as_uri())
    assert proc.returncode == 0, proc.stderr
    return proc.stdout


def _text(html: str) -> str:
    """The DOM's text, tags dropped and whitespace folded (what a reader sees)."""
    text = re.sub(r"<(script|style)\b.*?</\1>", " ", html, flags=re.S)
    text = re.sub(r"<[^>]+>", "", text)
    for entity, char in (("&lt;", "<"), ("&gt;", ">"), ("&quot;", '"'), ("&#39;", "'"),
                         ("&amp;", "&"), ("\u00b6", "")):
        text = text.replace(entity, char)
    return re.sub(r"\s+", " ", text)


def test_index_renders(site: pathlib.Path, chromium: str) -> None:
    html = dom(chromium, site / "index.html")
    text = _text(html)
    assert "<title>uvnet" in html
    assert "Node.js's net module for Python" in text
    # the echo server example, highlighted by Pygments
    assert 'class="highlight-python' in html
    assert "uvnet.createServer(lambda sock: sock.pipe(sock))" in text
    # the navigation reaches every part of the site
    for title in ("Getting started", "Porting Node code", "Examples", "API reference",
                  "Node.js test compatibility"):
        assert title in text, title


def test_socket_reference_renders(site: pathlib.Path, chromium: str) -> None:
    html = dom(chromium, site / "api" / "socket.html")
    text = _text(html)
    # autodoc rendered the class and its members, with their docstrings
    assert 'id="uvnet.Socket"' in html
    for member in ("connect", "write", "end", "setKeepAlive", "setNoDelay", "address",
                   "remoteAddress", "bytesWritten", "destroySoon", "resetAndDestroy"):
        assert f'id="uvnet.Socket.{member}"' in html, member
    assert "Node's net.Socket" in text
    # a rendered, highlighted code block
    assert '<div class="highlight"><pre>' in html
    assert "uvnet.connect(8124" in text
    # users' text only: no implementation notes, no EventEmitter constructor text
    assert "write(2) took it all" not in text
    assert "kShapeMode" not in text


def test_porting_guide_renders(site: pathlib.Path, chromium: str) -> None:
    text = _text(dom(chromium, site / "porting.html"))
    for needle in ("jsLength", "jsSlice", "UTF-16", "None", "this", "Buffer", "errno",
                   "UVException", "NodeError", "uvnet.Promise", "python -m uvnet.trace",
                   "NODE_DEBUG"):
        assert needle in text, needle


def test_reference_pages_render(site: pathlib.Path, chromium: str) -> None:
    expected = {
        "server.html": ["uvnet.Server.listen", "uvnet.Server.close", "uvnet.Server.address"],
        "events.html": ["uvnet.EventEmitter.on", "uvnet.EventEmitter.emit",
                        "uvnet.EventEmitter.removeListener"],
        "stream.html": ["uvnet.stream.Readable.pipe", "uvnet.stream.Writable.write",
                        "uvnet.stream.pipeline"],
        "timers.html": ["uvnet.setTimeout", "uvnet.timers.Timeout.unref"],
        "process.html": ["uvnet.run", "uvnet.nextTick"],
        "errors.html": ["uvnet.UVException", "uvnet.NodeError"],
    }
    # one Chromium per page, a few at a time (each mostly waits for its own start-up)
    with concurrent.futures.ThreadPoolExecutor(max_workers=3) as pool:
        doms = dict(zip(expected, pool.map(lambda page: dom(chromium, site / "api" / page),
                                           expected)))
    for page, ids in expected.items():
        html = doms[page]
        for ident in ids:
            assert f'id="{ident}"' in html, (page, ident)


def test_examples_page_renders(site: pathlib.Path, chromium: str) -> None:
    html = dom(chromium, site / "examples.html")
    text = _text(html)
    # the example programs, included from examples/ and highlighted
    assert 'class="highlight-python' in html and 'class="highlight-javascript' in html
    assert "class ChatRoom" in text
    assert "net.createServer" in text  # echo_demo.js


def test_node_compat_page_renders(site: pathlib.Path, chromium: str) -> None:
    html = dom(chromium, site / "node-compat.html")
    assert "<table" in html
    assert "test-net-pingpong.js" in _text(html)


def test_every_public_name_is_in_the_reference(site: pathlib.Path) -> None:
    # What `import uvnet` exports (the __all__ of uvnet, uvnet.stream, uvnet.util and
    # uvnet.console) has an entry in the API reference: an anchor with its full name on
    # one of the pages.
    import uvnet
    import uvnet.console
    import uvnet.stream
    import uvnet.util

    anchors: set[str] = set()
    for page in site.rglob("*.html"):
        # an object's anchor is its full name, a module's is module-<name>
        anchors.update(re.findall(r'id="(?:module-)?(uvnet[\w.]*)"',
                                  page.read_text(encoding="utf-8")))
    modules = (uvnet, uvnet.stream, uvnet.util, uvnet.console)
    missing = [f"{mod.__name__}.{name}" for mod in modules
               for name in mod.__all__
               if not name.startswith("_") and f"{mod.__name__}.{name}" not in anchors]
    assert not missing, (f"public but not in the API reference: {missing}; add each to "
                         "the page of its module in docs/api/ (autofunction/autoclass)")


def _png_pixels(data: bytes) -> tuple[int, int, set[bytes]]:
    """Width, height and the set of distinct RGB(A) pixels of an 8-bit PNG."""
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    pos, idat, header = 8, b"", b""
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        if kind == b"IHDR":
            header = body
        elif kind == b"IDAT":
            idat += body
        pos += 12 + length
    width, height, depth, colour = struct.unpack(">IIBB", header[:10])
    assert depth == 8 and colour in (2, 6), (depth, colour)
    bpp = 3 if colour == 2 else 4
    raw = zlib.decompress(idat)
    stride = width * bpp
    prev = bytearray(stride)
    colours: set[bytes] = set()
    for y in range(height):
        ftype = raw[y * (stride + 1)]
        line = bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
        for i in range(stride):  # undo the PNG row filter
            a = line[i - bpp] if i >= bpp else 0
            b = prev[i]
            c = prev[i - bpp] if i >= bpp else 0
            if ftype == 1:
                line[i] = (line[i] + a) & 0xFF
            elif ftype == 2:
                line[i] = (line[i] + b) & 0xFF
            elif ftype == 3:
                line[i] = (line[i] + ((a + b) >> 1)) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                pred = a if pa <= pb and pa <= pc else (b if pb <= pc else c)
                line[i] = (line[i] + pred) & 0xFF
        if y % 8 == 0:
            colours.update(bytes(line[i:i + bpp]) for i in range(0, stride, bpp * 4))
        prev = line
    return width, height, colours


def test_socket_page_screenshot(site: pathlib.Path, chromium: str,
                                tmp_path: pathlib.Path) -> None:
    shot = tmp_path / "socket.png"
    proc = _chromium(chromium, "--window-size=1024,768", f"--screenshot={shot}",
                     (site / "api" / "socket.html").as_uri())
    assert proc.returncode == 0, proc.stderr
    width, height, colours = _png_pixels(shot.read_bytes())
    assert (width, height) == (1024, 768)
    # text, a highlighted code block, a sidebar: a page, not a blank or an error screen
    assert len(colours) > 50, len(colours)
