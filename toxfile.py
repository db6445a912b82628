"""tox inline plugin: plain `tox` finds every pyenv-installed Python by itself, and says
loudly which of the five test Pythons (3.9 - 3.13) this machine lacks.

The pyenv shims only run the versions that `pyenv global`/`.python-version` select, so
`python3.9` on PATH may be a shim that refuses to run. This hook hands tox the real
interpreters under ``$PYENV_ROOT/versions/*/bin`` (and ``~/.pyenv``, ``/root/.pyenv``)
as "try these first" candidates: the same as ``tox --discover ...`` on the command line.
tox still picks, for each env, the one whose version matches (py39 -> 3.9.x, ...).

A test env whose Python is missing: with ``CI=true`` it fails the run (tox.ini's
``skip_missing_interpreters = false``); otherwise tox skips it, and a banner at the very
end of the output names each one skipped. ``--skip-missing-interpreters`` on the command
line overrides both.
"""

from __future__ import annotations

import atexit
import glob
import os
import re
import shutil
import subprocess
import sys

from tox.plugin import impl

_EXE = re.compile(r"python3\.\d+$")
_TEST_ENV = re.compile(r"py3(\d+)$")
VERSIONS = ["3.9", "3.10", "3.11", "3.12", "3.13"]
# The commands that run envs (plain `tox` is "legacy"); `tox list`, `tox config` ... run none.
_RUNS = {"legacy", "le", "run", "r", "run-parallel", "p"}


def _pyenv_pythons() -> list[str]:
    roots = [os.environ.get("PYENV_ROOT", ""), os.path.expanduser("~/.pyenv"), "/root/.pyenv"]
    found: list[str] = []
    for root in dict.fromkeys(r for r in roots if r):
        for exe in sorted(glob.glob(os.path.join(root, "versions", "*", "bin", "python3.*"))):
            if _EXE.search(exe) and os.access(exe, os.X_OK) and exe not in found:
                found.append(exe)
    return found


def _runs_as(exe: str, version: str) -> bool:
    """Does exe run, and is it Python `version`? (A pyenv shim of another version is not.)"""
    try:
        out = subprocess.run([exe, "-c", "import sys; print('%d.%d' % sys.version_info[:2])"],
                             capture_output=True, text=True, timeout=30)
    except (OSError, subprocess.SubprocessError):
        return False
    return out.returncode == 0 and out.stdout.strip() == version


def _missing(versions: list[str], candidates: list[str]) -> list[str]:
    """The versions that no candidate (nor python3.X on PATH) runs as."""
    missing = []
    for version in versions:
        named = [exe for exe in candidates if exe.endswith(f"python{version}")]
        on_path = shutil.which(f"python{version}")
        if not any(_runs_as(exe, version) for exe in named + ([on_path] if on_path else [])):
            missing.append(version)
    return missing


def _requested(env: object) -> list[str]:
    """The test Pythons this run asks for: all five by default, else those named by -e."""
    if getattr(env, "is_all", False) or getattr(env, "is_default_list", True):
        return list(VERSIONS)
    names = [m.group(1) for m in map(_TEST_ENV.match, env) if m]  # type: ignore[call-overload]
    return [v for v in VERSIONS if v.split(".")[1] in names]


def _banner(missing: list[str], ci: bool) -> None:
    names = ", ".join(f"Python {v} (py3{v.split('.')[1]})" for v in missing)
    what = "the run FAILS (CI=true requires all five)" if ci else "their envs were SKIPPED"
    line = "!" * 78
    print(f"\n{line}\n!! MISSING {names}: not tested: {what}.\n"
          f"!! Install it (e.g. `pyenv install {missing[0]}`): uvnet supports Python 3.9 - 3.13."
          f"\n{line}", file=sys.stderr, flush=True)


@impl
def tox_add_core_config(core_conf, state) -> None:
    options = state.conf.options
    given = list(getattr(options, "discover", None) or [])
    options.discover = given + [exe for exe in _pyenv_pythons() if exe not in given]
    if getattr(options, "command", "legacy") not in _RUNS:
        return
    missing = _missing(_requested(getattr(options, "env", None)), options.discover)
    if not missing:
        return
    ci = os.environ.get("CI", "").lower() in ("1", "true", "yes")
    if not ci and getattr(options, "skip_missing_interpreters", "config") == "config":
        options.skip_missing_interpreters = "true"
    atexit.register(_banner, missing, ci)
