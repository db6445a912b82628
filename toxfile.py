"""tox inline plugin: let plain `tox` find every pyenv-installed Python by itself.

The pyenv shims only run the versions that `pyenv global`/`.python-version` select, so
`python3.9` on PATH may be a shim that refuses to run. This hook hands tox the real
interpreters under ``$PYENV_ROOT/versions/*/bin`` (and ``~/.pyenv``, ``/root/.pyenv``)
as "try these first" candidates: the same as ``tox --discover ...`` on the command line.
tox still picks, for each env, the one whose version matches (py39 -> 3.9.x, ...).
"""

from __future__ import annotations

import glob
import os
import re

from tox.plugin import impl

_EXE = re.compile(r"python3\.\d+$")


def _pyenv_pythons() -> list[str]:
    roots = [os.environ.get("PYENV_ROOT", ""), os.path.expanduser("~/.pyenv"), "/root/.pyenv"]
    found: list[str] = []
    for root in dict.fromkeys(r for r in roots if r):
        for exe in sorted(glob.glob(os.path.join(root, "versions", "*", "bin", "python3.*"))):
            if _EXE.search(exe) and os.access(exe, os.X_OK) and exe not in found:
                found.append(exe)
    return found


@impl
def tox_add_core_config(core_conf, state) -> None:
    options = state.conf.options
    given = list(getattr(options, "discover", None) or [])
    options.discover = given + [exe for exe in _pyenv_pythons() if exe not in given]
