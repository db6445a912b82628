"""Install pyuv (patched, via tools/pyuv_wheel.py) and then uvnet into the running interpreter.

This is what ``make demo`` and every tox test environment run. It installs uvnet
non-editably, so tests exercise the installed package and not the work tree.

Why not just ``pip install .``: setuptools builds in ``./build/lib`` inside the work tree
and never empties it, so a module deleted from ``uvnet/`` would still be copied into the
next wheel. This script builds from a fresh temporary copy of the project instead.
``pip install .`` is still fine for a one-off install by hand (see README.md).

Usage::

    python tools/install_uvnet.py
"""

from __future__ import annotations

import pathlib
import shutil
import subprocess
import sys
import tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
# What the build needs: pyproject.toml (metadata), README.md (readme), the package itself.
COPY = ["pyproject.toml", "README.md", "uvnet"]


def _run(*cmd: str, cwd: str | None = None) -> None:
    print("+", " ".join(cmd), flush=True)
    subprocess.run(cmd, check=True, cwd=cwd)


def main() -> None:
    _run(sys.executable, str(ROOT / "tools" / "pyuv_wheel.py"))
    with tempfile.TemporaryDirectory(prefix="uvnet-src-") as tmp:
        src = pathlib.Path(tmp) / "uvnet-src"
        src.mkdir()
        for name in COPY:
            path = ROOT / name
            if path.is_dir():
                shutil.copytree(path, src / name,
                                ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
            elif path.exists():
                shutil.copy2(path, src / name)
            else:
                raise SystemExit(f"install_uvnet: {path} is missing")
        # --no-deps: pyuv is installed above; letting pip resolve pyuv==1.4.0 again could
        # send it to the sdist that does not build.
        _run(sys.executable, "-m", "pip", "install", "--disable-pip-version-check", "-q",
             "--no-deps", "--force-reinstall", str(src))
        # Run from outside the work tree, or `-c` would find ./uvnet through sys.path[0].
        _run(sys.executable, "-c", "import importlib.util as u; print('uvnet installed in', "
             "u.find_spec('uvnet').submodule_search_locations[0])", cwd=tmp)


if __name__ == "__main__":
    main()
