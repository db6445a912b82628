"""The package itself: its version, its exports, its own pyuv, its `uvnet` command, and the
steps of its build (setup.py) that need no compiler or network.

The builds themselves (pip/uv/pipx, sdist, wheel, editable, Debian's python3) are the
install matrix, `make install-check`; every tox env installs uvnet through that build.
"""

from __future__ import annotations

import hashlib
import importlib.metadata
import importlib.util
import os
import pathlib
import platform
import re
import subprocess
import sys
import tarfile
import types

import pytest

import uvnet
import uvnet.net
from difftest import run_python
from uvnet.__main__ import versions
from uvnet._vendor import pyuv

REPO = pathlib.Path(__file__).resolve().parent.parent


def _load_setup() -> types.ModuleType:
    """setup.py's build steps, imported as a module (setuptools runs it only as __main__)."""
    spec = importlib.util.spec_from_file_location("uvnet_setup", REPO / "setup.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


build = _load_setup()


def test_version_is_the_distributions() -> None:
    assert re.fullmatch(r"\d+\.\d+\.\d+", uvnet.__version__)
    # The version's one place is uvnet.__version__: pyproject.toml reads it from there ...
    pyproject = (REPO / "pyproject.toml").read_text(encoding="utf-8")
    assert 'dynamic = ["version"]' in pyproject
    assert 'version = { attr = "uvnet.__version__" }' in pyproject
    # ... so the installed distribution says the same (under tox, where uvnet is installed).
    if os.environ.get("UVNET_TEST_INSTALLED"):
        assert importlib.metadata.version("uvnet") == uvnet.__version__


def test_all_is_the_public_api() -> None:
    for module in (uvnet, uvnet.net):
        assert not [n for n in module.__all__ if n.startswith("_")], module.__name__
        assert all(hasattr(module, n) for n in module.__all__)
    # net.js exports its two underscored internals: uvnet.net has them, import * does not.
    assert callable(uvnet.net._createServerHandle) and callable(uvnet.net._normalizeArgs)
    assert not hasattr(uvnet, "_normalizeArgs") and not hasattr(uvnet, "_createServerHandle")
    names: dict[str, object] = {}
    exec("from uvnet import *", names)
    assert "_normalizeArgs" not in names and "createServer" in names


def test_uvnet_runs_on_its_own_pyuv() -> None:
    assert pyuv.__version__ == build.PYUV_VERSION == "1.4.0"
    assert pyuv.LIBUV_VERSION.startswith("1.13.")
    # The C modules and types carry uvnet's name (setup.py renames them), not pyuv's.
    assert pyuv.TCP.__module__ == "uvnet._vendor.pyuv._cpyuv"
    assert pyuv.error.UVError.__module__ == "uvnet._vendor.pyuv._cpyuv.error"
    assert pyuv.errno.__name__ == "uvnet._vendor.pyuv._cpyuv.errno"
    assert not [m for m in sys.modules if m == "pyuv" or m.startswith("pyuv.")]


def test_accept_fd_and_open_accepted_take_libuv_146s_accept_steps() -> None:
    """patches/pyuv-1.4.0-stream-accept-hangup.patch: ``pyuv.accept_fd`` is libuv's
    uv__accept (the fd already non-blocking and close-on-exec, so ``open_accepted`` needs
    no ioctl; errors as negative errnos) and the opened stream reads and writes."""
    import errno
    import fcntl
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)
    listener.setblocking(False)
    client = socket.create_connection(listener.getsockname())
    handle = None
    try:
        fd = -1
        for _ in range(200):  # (the connection is in the backlog once connect returns)
            fd = pyuv.accept_fd(listener.fileno())
            if fd != -errno.EAGAIN:
                break
        assert fd >= 0
        assert fcntl.fcntl(fd, fcntl.F_GETFL) & os.O_NONBLOCK
        assert fcntl.fcntl(fd, fcntl.F_GETFD) & fcntl.FD_CLOEXEC
        assert pyuv.accept_fd(listener.fileno()) == -errno.EAGAIN  # nothing waiting
        assert pyuv.accept_fd(-1) == pyuv.errno.UV_EBADF
        loop = pyuv.Loop()
        handle = pyuv.TCP(loop)
        handle.open_accepted(fd)
        assert handle.readable and handle.writable and handle.fileno() == fd
        got: list[bytes] = []
        handle.start_read(lambda h, data, error: (got.append(bytes(data or b"")), h.stop_read()))
        client.sendall(b"ping")
        loop.run()
        assert got == [b"ping"] and handle.event_hup is False  # a plain read: no hang-up
        handle.try_write(b"pong")
        assert client.recv(4) == b"pong"
    finally:
        client.close()
        listener.close()
        if handle is not None:
            handle.close()
            handle.loop.run()  # (its close callback)


def test_another_pyuv_first_on_the_path_is_never_imported(tmp_path: pathlib.Path) -> None:
    fake = tmp_path / "pyuv"
    fake.mkdir()
    (fake / "__init__.py").write_text("raise ImportError('the wrong pyuv was imported')\n")
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(
        p for p in (str(tmp_path), os.environ.get("PYTHONPATH", "")) if p))
    code = ("import sys, uvnet.__main__ as m\n"
            "assert m.main([]) == 0\n"
            "print(sorted(n for n in sys.modules if n.split('.')[0] == 'pyuv'))\n")
    out = subprocess.run([sys.executable, "-c", code], env=env, cwd=tmp_path,
                         capture_output=True, text=True, timeout=60)
    assert out.returncode == 0, out.stderr
    assert out.stdout.splitlines() == [
        f"uvnet {uvnet.__version__} (pyuv 1.4.0, libuv {pyuv.LIBUV_VERSION}, "
        f"Python {platform.python_version()}): echo round trip on 127.0.0.1 ok",
        "[]"]


def test_uvnet_command_version() -> None:
    out = run_python("import sys\nfrom uvnet.__main__ import main\n"
                     "sys.argv = ['uvnet', '--version']\nmain()\n")
    assert out == f"{versions()}\n"


def test_no_module_imports_pyuv_but_through_uvnet() -> None:
    """`import pyuv` would find whatever pyuv is installed: everything uses uvnet's own."""
    wrong = re.compile(r"^\s*(import pyuv\b|from pyuv\b)", re.M)
    found = [str(path.relative_to(REPO))
             for folder in ("uvnet", "tests", "bench", "examples", "tools")
             for path in sorted((REPO / folder).rglob("*.py"))
             if wrong.search(path.read_text(encoding="utf-8"))]
    assert found == [], "write `from uvnet._vendor import pyuv` instead of `import pyuv`"


# -- the build steps ------------------------------------------------------------------

def _tree(tmp: pathlib.Path) -> pathlib.Path:
    tree = tmp / "pyuv-1.4.0"
    (tree / "src").mkdir(parents=True)
    (tree / "src" / "a.c").write_text('int x = 1;\n"pyuv._cpyuv.TCP" "pyuv._cpyuvx"\n')
    return tree


def test_patches_apply_in_sorted_order(tmp_path: pathlib.Path) -> None:
    tree = _tree(tmp_path)
    patches = tmp_path / "patches"
    patches.mkdir()
    # 2-*.patch applies only on top of 1-*.patch; glob order would not guarantee it.
    (patches / "2-second.patch").write_text(
        "--- a/src/a.c\n+++ b/src/a.c\n@@ -1 +1 @@\n-int x = 2;\n+int x = 3;\n")
    (patches / "1-first.patch").write_text(
        "A header that patch ignores.\n\n"
        "--- a/src/a.c\n+++ b/src/a.c\n@@ -1 +1 @@\n-int x = 1;\n+int x = 2;\n")
    build._apply_patches(tree, patches)
    assert (tree / "src" / "a.c").read_text().splitlines()[0] == "int x = 3;"
    # Applied already: 1-first.patch's hunk is found reversed, and that fails the build.
    with pytest.raises(build.BuildError, match="1-first.patch does not apply"):
        build._apply_patches(tree, patches)


def test_patches_folder_must_have_patches(tmp_path: pathlib.Path) -> None:
    with pytest.raises(build.BuildError, match="no patches"):
        build._apply_patches(_tree(tmp_path), tmp_path)


def test_the_repos_patches_are_what_the_build_applies() -> None:
    assert build.PATCHES == REPO / "patches" and sorted(build.PATCHES.glob("*.patch"))


def test_c_names_move_into_uvnets_namespace(tmp_path: pathlib.Path) -> None:
    tree = _tree(tmp_path)
    build._rename_modules(tree)
    assert (tree / "src" / "a.c").read_text() == (
        'int x = 1;\n"uvnet._vendor.pyuv._cpyuv.TCP" "pyuv._cpyuvx"\n')
    with pytest.raises(build.BuildError, match="no \"pyuv._cpyuv\" names"):
        build._rename_modules(tree)


def _index(tmp: pathlib.Path, data: bytes) -> str:
    """A PEP 503 index on disk listing a pyuv-1.4.0.tar.gz with these bytes."""
    (tmp / "files").mkdir()
    (tmp / "files" / build.PYUV_SDIST).write_bytes(data)
    (tmp / "simple" / "pyuv").mkdir(parents=True)
    sha = hashlib.sha256(data).hexdigest()
    (tmp / "simple" / "pyuv" / "index.html").write_text(
        '<html><body><a href="../../files/pyuv-1.3.0.tar.gz">pyuv-1.3.0.tar.gz</a>\n'
        f'<a href="../../files/{build.PYUV_SDIST}#sha256={sha}">{build.PYUV_SDIST}</a>'
        "</body></html>\n")
    return (tmp / "simple").as_uri()


def test_the_sdist_is_found_on_the_index_and_checked(tmp_path: pathlib.Path,
                                                     monkeypatch: pytest.MonkeyPatch) -> None:
    index = _index(tmp_path, b"not pyuv")
    assert build._sdist_url(index) == (tmp_path / "files" / build.PYUV_SDIST).as_uri() + (
        "#sha256=" + hashlib.sha256(b"not pyuv").hexdigest())
    monkeypatch.setenv("PIP_INDEX_URL", index)
    monkeypatch.setenv("UVNET_CACHE", str(tmp_path / "cache"))
    (tmp_path / "cache").mkdir()
    (tmp_path / "cache" / build.PYUV_SDIST).write_bytes(b"a damaged download")
    # A cached file with the wrong sha256 is not used; the index's, wrong too, fails.
    with pytest.raises(build.BuildError, match=f"expected {build.PYUV_SHA256}"):
        build._sdist(tmp_path)
    (tmp_path / "old" / "pyuv").mkdir(parents=True)
    (tmp_path / "old" / "pyuv" / "index.html").write_text('<a href="pyuv-1.3.0.tar.gz">x</a>')
    with pytest.raises(build.BuildError, match="pyuv-1.4.0.tar.gz is not listed"):
        build._sdist_url((tmp_path / "old").as_uri())


def test_a_cached_sdist_with_the_pinned_sha256_is_used(tmp_path: pathlib.Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    # A cached sdist whose sha256 is the pin is used as it is, without the index (here a
    # stand-in sdist, with the pin set to its sha256).
    sdist = tmp_path / "cache" / build.PYUV_SDIST
    sdist.parent.mkdir()
    with tarfile.open(sdist, "w:gz") as tar:
        tar.add(_tree(tmp_path), arcname="pyuv-1.4.0")
    monkeypatch.setenv("UVNET_CACHE", str(sdist.parent))
    monkeypatch.setenv("PIP_INDEX_URL", (tmp_path / "nowhere").as_uri())
    monkeypatch.setattr(build, "PYUV_SHA256", hashlib.sha256(sdist.read_bytes()).hexdigest())
    assert build._sdist(tmp_path / "unused") == sdist
    tree = build._unpack(sdist, tmp_path / "unpacked")
    assert (tree / "src" / "a.c").is_file()
