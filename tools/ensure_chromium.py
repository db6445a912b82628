"""Make sure Debian's ``chromium`` is on PATH, for the docs render test (tox env ``docs``).

Nothing to do when it is there. Otherwise, as root, install Debian's package quietly
(``apt-get install``; ``apt-get update`` first only if the package lists do not have it);
as another user, say how and exit 1. Prints one line either way, the apt log only when
apt fails.

Usage::

    python tools/ensure_chromium.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys


def _apt(*args: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    return subprocess.run(["apt-get", "-qq", *args], capture_output=True, text=True, env=env,
                          stdin=subprocess.DEVNULL)


def main() -> int:
    found = shutil.which("chromium")
    if found:
        print(f"ensure_chromium: {found}")
        return 0
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        print("ensure_chromium: chromium is not on PATH; install Debian's package "
              "(apt-get install chromium) to run the docs render test", file=sys.stderr)
        return 1
    print("ensure_chromium: installing Debian's chromium package (apt-get) ...", flush=True)
    # fonts-liberation: the one font chromium recommends (text renders with it on a bare
    # machine); the rest of its recommends (upower, udev, mesa ...) a headless run needs not.
    install = ("install", "-y", "--no-install-recommends", "chromium", "fonts-liberation")
    proc = _apt(*install)
    if proc.returncode != 0:
        update = _apt("update")
        proc = _apt(*install) if update.returncode == 0 else update
    if proc.returncode != 0 or not shutil.which("chromium"):
        sys.stderr.write(proc.stdout + proc.stderr)
        print("ensure_chromium: apt-get could not install chromium", file=sys.stderr)
        return 1
    print(f"ensure_chromium: installed {shutil.which('chromium')}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
