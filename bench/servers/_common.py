"""Shared bits of the Python echo servers: the port argument and the fd limit."""

from __future__ import annotations

import os
import resource
import sys


def port_arg() -> int:
    """The port from argv (0: any free port; the server prints the one it got)."""
    return int(sys.argv[1]) if len(sys.argv) > 1 else 0


def raise_nofile(want: int = 65536) -> None:
    """Raise RLIMIT_NOFILE to `want` (root may raise the hard limit too)."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft >= want:
        return
    try:
        resource.setrlimit(resource.RLIMIT_NOFILE, (want, max(hard, want)))
    except (ValueError, OSError):
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))


def ready(port: int) -> None:
    """Tell the harness the server listens: `ready PORT` on stdout."""
    sys.stdout.write(f"ready {port}\n")
    sys.stdout.flush()


def use_work_tree() -> None:
    """Import uvnet from this work tree (bench/servers/../..), not an installed copy."""
    root = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
    if root not in sys.path:
        sys.path.insert(0, root)
