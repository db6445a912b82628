"""uvnet's build step: pyuv 1.4.0, compiled into uvnet's own namespace.

uvnet runs on pyuv 1.4.0 (libuv 1.13), pyuv's last release, whose PyPI sdist no longer
compiles on current Pythons. So uvnet does not depend on the PyPI ``pyuv``: its wheel carries
its own build of it, as the package ``uvnet._vendor.pyuv`` (``uvnet/_vendor/pyuv/__init__.py``
is in this tree; its extension ``_cpyuv`` is made here). When setuptools builds that
extension (``pip install``, ``pip wheel``, ``python -m build``, an editable install, tox),
this step

1. takes pyuv's sdist from ``$UVNET_CACHE`` (default ``~/.cache/uvnet``) or else downloads
   it from the package index's simple API (``$PIP_INDEX_URL``, default PyPI) and keeps it
   there, and checks its sha256 against the pin below, either way;
2. unpacks it into a temporary folder and applies every ``patches/*.patch`` in sorted order
   with ``patch -p1`` (each patch says what it fixes);
3. renames the C modules and types from ``pyuv._cpyuv...`` to ``uvnet._vendor.pyuv._cpyuv...``,
   so they never meet a separately installed pyuv's in ``sys.modules`` or in a traceback;
4. compiles pyuv's extension with pyuv's own ``setup.py build_ext`` (its bundled libuv, its
   flags) and puts it, with pyuv's LICENSE, into uvnet's package.

Everything setuptools makes (``build/``, ``uvnet.egg-info``) goes to a temporary folder
that is removed when the build ends: a build leaves nothing in the work tree but, for an
editable install, the extension itself beside ``uvnet/_vendor/pyuv/__init__.py``.
Any failure (no network and no cached sdist, a wrong checksum, a patch that does not
apply, a compile error) stops the build with a message that says which.
"""

from __future__ import annotations

import atexit
import hashlib
import os
import pathlib
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import urllib.parse
import urllib.request

PYUV_VERSION = "1.4.0"
PYUV_SDIST = f"pyuv-{PYUV_VERSION}.tar.gz"
PYUV_SHA256 = "caea2004d1125fe17cbde3c211c8abc72844e9b8dd7dfa007711e98fbc96fbc2"
# The extension's import name: the package uvnet._vendor.pyuv, as pyuv's own pyuv._cpyuv.
EXTENSION = "uvnet._vendor.pyuv._cpyuv"
ROOT = pathlib.Path(__file__).resolve().parent
PATCHES = ROOT / "patches"
DEFAULT_INDEX = "https://pypi.org/simple"


class BuildError(SystemExit):
    """A build step failed: setuptools reports the message and the build stops."""

    def __init__(self, message: str) -> None:
        super().__init__(f"uvnet build: {message}")


def _cache_dir() -> pathlib.Path | None:
    given = os.environ.get("UVNET_CACHE")
    if given:
        return pathlib.Path(given)
    try:
        return pathlib.Path.home() / ".cache" / "uvnet"
    except RuntimeError:  # no home directory to be found
        return None


def _sha256(path: pathlib.Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _index_url() -> str:
    for name in ("PIP_INDEX_URL", "UV_DEFAULT_INDEX", "UV_INDEX_URL"):
        value = os.environ.get(name, "").strip()
        if value:
            return value
    return DEFAULT_INDEX


def _fetch(url: str) -> bytes:
    """GET url, three tries: the index is on the network (or a file:// one on disk)."""
    parts = urllib.parse.urlsplit(url)
    if parts.scheme == "file" and os.path.isdir(urllib.request.url2pathname(parts.path)):
        url = urllib.parse.urljoin(url, "index.html")  # a PEP 503 index laid out as folders
    request = urllib.request.Request(url, headers={"User-Agent": "uvnet-build"})
    for attempt in range(3):
        try:
            with urllib.request.urlopen(request, timeout=60) as response:
                return response.read()
        except OSError as exc:
            if attempt == 2:
                raise BuildError(f"cannot download {url}: {exc}") from exc
            time.sleep(1 + attempt)
    raise AssertionError("unreachable")


def _sdist_url(index: str) -> str:
    """pyuv's sdist link on the index's simple API page (PEP 503)."""
    page_url = index.rstrip("/") + "/pyuv/"
    page = _fetch(page_url).decode("utf-8", "replace")
    for href in re.findall(r"""href\s*=\s*["']([^"']+)["']""", page):
        url = urllib.parse.urljoin(page_url, href.replace("&amp;", "&"))
        if urllib.parse.urlsplit(url).path.rsplit("/", 1)[-1] == PYUV_SDIST:
            return url
    raise BuildError(f"{PYUV_SDIST} is not listed on {page_url}")


def _sdist(tmp: pathlib.Path) -> pathlib.Path:
    """pyuv's sdist, checked against the pin: from the cache, or downloaded (and cached)."""
    cache = _cache_dir()
    if cache is not None:
        cached = cache / PYUV_SDIST
        if cached.is_file() and _sha256(cached) == PYUV_SHA256:
            return cached
    url = _sdist_url(_index_url())
    print(f"uvnet build: downloading {url.split('#')[0]}", flush=True)
    data = _fetch(url)
    got = hashlib.sha256(data).hexdigest()
    if got != PYUV_SHA256:
        raise BuildError(f"{url} has sha256 {got}, expected {PYUV_SHA256}")
    path = tmp / PYUV_SDIST
    path.write_bytes(data)
    if cache is not None:
        try:  # a cache that cannot be written is no reason to fail the build
            cache.mkdir(parents=True, exist_ok=True)
            part = cache / f"{PYUV_SDIST}.{os.getpid()}.part"
            part.write_bytes(data)
            os.replace(part, cache / PYUV_SDIST)
        except OSError as exc:
            print(f"uvnet build: not cached ({exc})", flush=True)
    return path


def _unpack(sdist: pathlib.Path, dest: pathlib.Path) -> pathlib.Path:
    with tarfile.open(sdist) as tar:
        safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
        tar.extractall(dest, **safe)  # noqa: S202 (checked sdist; data filter where known)
    return dest / f"pyuv-{PYUV_VERSION}"


def _apply_patches(tree: pathlib.Path, folder: pathlib.Path) -> None:
    """Apply every folder/*.patch to tree, in sorted order; any that does not apply fails."""
    patches = sorted(folder.glob("*.patch"))
    if not patches:
        raise BuildError(f"no patches in {folder}: the build needs patches/*.patch")
    if shutil.which("patch") is None:
        raise BuildError("the 'patch' program is needed (Debian: apt-get install patch)")
    for patch in patches:
        with patch.open("rb") as fh:
            res = subprocess.run(["patch", "-p1", "--forward", "--batch", "--silent"],
                                 cwd=tree, stdin=fh, capture_output=True)
        if res.returncode != 0:
            out = (res.stdout + res.stderr).decode(errors="replace")
            raise BuildError(f"{patch.name} does not apply to pyuv {PYUV_VERSION}:\n{out}")


def _rename_modules(tree: pathlib.Path) -> None:
    """pyuv._cpyuv... -> uvnet._vendor.pyuv._cpyuv... in every C string that names one."""
    count = 0
    for source in sorted((tree / "src").glob("*.[ch]")):
        text = source.read_text(encoding="utf-8")
        new, n = re.subn(r'"pyuv\._cpyuv\b', f'"{EXTENSION}', text)
        if n:
            source.write_text(new, encoding="utf-8")
            count += n
    if count == 0:
        raise BuildError("found no \"pyuv._cpyuv\" names to rename in pyuv's sources")


def build_pyuv(target: pathlib.Path, patches: pathlib.Path = PATCHES) -> None:
    """Make pyuv's extension as the file target (a ``_cpyuv`` name), pyuv's LICENSE beside it."""
    with tempfile.TemporaryDirectory(prefix="uvnet-pyuv-") as tmp_name:
        tmp = pathlib.Path(tmp_name)
        tree = _unpack(_sdist(tmp), tmp)
        _apply_patches(tree, patches)
        _rename_modules(tree)
        cmd = [sys.executable, "setup.py", "build_ext",
               "--build-lib", str(tmp / "lib"), "--build-temp", str(tmp / "temp")]
        print(f"uvnet build: compiling pyuv {PYUV_VERSION} and its libuv", flush=True)
        # pyuv's setup.py imports setup_libuv.py beside it: its folder must be on sys.path,
        # which PYTHONSAFEPATH (set by pipx for the pip it runs) would prevent.
        env = {k: v for k, v in os.environ.items() if k != "PYTHONSAFEPATH"}
        res = subprocess.run(cmd, cwd=tree, env=env, stdout=subprocess.PIPE,
                             stderr=subprocess.STDOUT)
        if res.returncode != 0:
            log = res.stdout.decode(errors="replace")
            raise BuildError(f"compiling pyuv failed:\n{log[-6000:]}")
        built = sorted((tmp / "lib" / "pyuv").glob("_cpyuv*"))
        if len(built) != 1:
            raise BuildError(f"pyuv's build made {built}, not one _cpyuv extension")
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(built[0], target)
        shutil.copyfile(tree / "LICENSE", target.parent / "LICENSE")


# setuptools runs this file as __main__; tests import the steps above without setuptools.
if __name__ == "__main__":
    from setuptools import Extension, setup
    from setuptools.command.build_ext import build_ext

    class BuildPyuv(build_ext):
        """setuptools' build_ext, where uvnet's one extension is pyuv's, built as above."""

        def build_extension(self, ext: Extension) -> None:
            if ext.name == EXTENSION:
                build_pyuv(pathlib.Path(self.get_ext_fullpath(ext.name)))
            else:
                super().build_extension(ext)

    # setuptools' own work folders go to one temporary folder, never into the work tree.
    work = tempfile.mkdtemp(prefix="uvnet-setup-")
    atexit.register(shutil.rmtree, work, ignore_errors=True)
    setup(
        ext_modules=[Extension(EXTENSION, sources=[])],
        cmdclass={"build_ext": BuildPyuv},
        options={"build": {"build_base": os.path.join(work, "build")},
                 "egg_info": {"egg_base": work}},
    )
