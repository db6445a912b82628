"""Build (once) and install pyuv 1.4.0 for the interpreter running this script.

pyuv 1.4.0, its last release, does not compile on Python >= 3.10: ``src/handle.c``
assigns to ``Py_REFCNT(...)`` and ``src/common.c`` calls ``PyUnicode_EncodeUTF8``,
which 3.11 removed; on 3.12+ it also crashes on Linux abstract socket names. This
script takes the sdist from PyPI, applies every ``patches/pyuv-1.4.0-*.patch`` in sorted
order (each says what its hunks fix or add), builds a wheel for the running interpreter and
installs it. Everything is cached under ``$UVNET_CACHE`` (default ``~/.cache/uvnet``),
keyed by the interpreter and the patches' content: a second run finds the wheel and
only reinstalls it.

Usage::

    python tools/pyuv_wheel.py            # build the wheel if missing, then install it
    python tools/pyuv_wheel.py --build    # build only; print the wheel's path

It fails loudly (non-zero exit) when the download, the patch or the build fails.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import pathlib
import shutil
import subprocess
import sys
import sysconfig
import tarfile
import tempfile

VERSION = "1.4.0"
ROOT = pathlib.Path(__file__).resolve().parent.parent
PATCHES = sorted((ROOT / "patches").glob(f"pyuv-{VERSION}-*.patch"))
CACHE = pathlib.Path(os.environ.get("UVNET_CACHE", pathlib.Path.home() / ".cache" / "uvnet"))


def _run(*cmd: str, cwd: pathlib.Path | None = None) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, cwd=cwd, check=True)


def _wheelhouse() -> pathlib.Path:
    """One folder per interpreter ABI and patch set, so wheels never mix or go stale."""
    digest = hashlib.sha256()
    for patch in PATCHES:
        digest.update(patch.name.encode() + b"\0" + patch.read_bytes())
    patch_id = digest.hexdigest()[:12]
    tag = f"{sys.implementation.cache_tag}-{sysconfig.get_platform()}-{patch_id}"
    return CACHE / "wheels" / tag


def _sdist() -> pathlib.Path:
    dest = CACHE / "sdist"
    found = sorted(dest.glob(f"pyuv-{VERSION}.tar.gz"))
    if found:
        return found[0]
    dest.mkdir(parents=True, exist_ok=True)
    _run(sys.executable, "-m", "pip", "download", "--no-deps", "--no-binary", ":all:",
         "--disable-pip-version-check", "-d", str(dest), f"pyuv=={VERSION}")
    return dest / f"pyuv-{VERSION}.tar.gz"


def _apply_patches(tree: pathlib.Path) -> None:
    """Apply the patches in order; refuse to go on if one does not apply cleanly."""
    if shutil.which("patch") is None:
        raise SystemExit("pyuv_wheel: the 'patch' program is needed (apt-get install patch)")
    for patch in PATCHES:
        with patch.open("rb") as fh:
            res = subprocess.run(["patch", "-p1", "--forward", "--batch"], cwd=tree, stdin=fh)
        if res.returncode != 0:
            raise SystemExit(f"pyuv_wheel: {patch.name} no longer applies to pyuv {VERSION}")


def build() -> pathlib.Path:
    """Return the path of a pyuv wheel for this interpreter, building it if needed."""
    house = _wheelhouse()
    wheels = sorted(house.glob(f"pyuv-{VERSION}-*.whl"))
    if wheels:
        return wheels[0]
    sdist = _sdist()
    with tempfile.TemporaryDirectory(prefix="pyuv-build-") as tmp:
        with tarfile.open(sdist) as tar:
            safe = {"filter": "data"} if hasattr(tarfile, "data_filter") else {}
            tar.extractall(tmp, **safe)
        tree = pathlib.Path(tmp) / f"pyuv-{VERSION}"
        _apply_patches(tree)
        house.mkdir(parents=True, exist_ok=True)
        _run(sys.executable, "-m", "pip", "wheel", "--no-deps", "--disable-pip-version-check",
             "-w", str(house), str(tree))
    wheels = sorted(house.glob(f"pyuv-{VERSION}-*.whl"))
    if not wheels:
        raise SystemExit("pyuv_wheel: the build produced no wheel")
    return wheels[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--build", action="store_true", help="build only, do not install")
    args = parser.parse_args()
    wheel = build()
    if args.build:
        print(wheel)
        return
    _run(sys.executable, "-m", "pip", "install", "--disable-pip-version-check",
         "--no-deps", "--force-reinstall", "-q", str(wheel))
    _run(sys.executable, "-c",
         "import pyuv; print('pyuv', pyuv.__version__, 'libuv', pyuv.LIBUV_VERSION)")


if __name__ == "__main__":
    main()
