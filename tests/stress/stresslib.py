"""Helpers for the stress suite: a uvnet child process, its RSS, CPU and fd figures."""

from __future__ import annotations

import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from typing import Any

TESTS_DIR = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOAK = os.environ.get("UVNET_SOAK") == "1"
FULL = SOAK or os.environ.get("UVNET_STRESS_FULL") == "1" or sys.version_info[:2] == (3, 11)


def size(full: int, reduced: int, soak: int | None = None) -> int:
    """A figure's size: ``soak`` under ``make soak``, ``full`` on the full Python."""
    if SOAK and soak is not None:
        return soak
    return full if FULL else reduced


def raise_nofile() -> int:
    """Raise this process's soft RLIMIT_NOFILE to the hard limit; return it."""
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < hard:
        resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))
    return hard


def child_env() -> dict[str, str]:
    """The child's environment: the uvnet it imports is the one under test (installed, as
    difftest's children), and tests/ is on its path."""
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(p for p in (TESTS_DIR, env.get("PYTHONPATH", "")) if p)
    return env


class Child:
    """A uvnet program in a child process that prints one JSON line per figure set.

    ``nofile`` sets the child's RLIMIT_NOFILE (soft and hard), as ``prlimit`` would.
    """

    def __init__(self, source: str, *args: str, nofile: int | None = None) -> None:
        def limit() -> None:
            if nofile is not None:
                resource.setrlimit(resource.RLIMIT_NOFILE, (nofile, nofile))
            else:
                raise_nofile()
        # cwd: `-c` puts the working directory first on sys.path, and the work tree's
        # ./uvnet must not stand in for the uvnet under test.
        self.proc = subprocess.Popen(
            [sys.executable, "-c", source, *args], stdout=subprocess.PIPE,
            stderr=subprocess.PIPE, stdin=subprocess.DEVNULL, text=True,
            env=child_env(), preexec_fn=limit, cwd=tempfile.gettempdir())

    @property
    def pid(self) -> int:
        return self.proc.pid

    def line(self, timeout: float = 60) -> Any:
        """The next JSON line the child prints."""
        assert self.proc.stdout is not None
        deadline = time.monotonic() + timeout
        import select
        while True:
            left = deadline - time.monotonic()
            if left <= 0:
                self.kill()
                raise AssertionError(f"child printed nothing in {timeout} s: {self.stderr()}")
            ready, _, _ = select.select([self.proc.stdout], [], [], left)
            if ready:
                text = self.proc.stdout.readline()
                if not text:
                    raise AssertionError(f"child ended: {self.stderr()}")
                return json.loads(text)

    def stderr(self) -> str:
        try:
            self.proc.wait(2)
        except subprocess.TimeoutExpired:
            return "(still running)"
        assert self.proc.stderr is not None
        return self.proc.stderr.read()[-3000:]

    def wait(self, timeout: float = 60) -> int:
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            raise

    def kill(self) -> None:
        if self.proc.poll() is None:
            self.proc.kill()
            self.proc.wait()

    def __enter__(self) -> Child:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.kill()
        for f in (self.proc.stdout, self.proc.stderr):
            if f is not None:
                f.close()


def cpu_seconds(pid: int) -> float:
    """User + system CPU time of process ``pid`` so far."""
    with open(f"/proc/{pid}/stat") as fh:
        fields = fh.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def rss_kib(pid: int, field: str = "VmRSS") -> int:
    """``VmRSS`` (or ``VmHWM``, the peak) of process ``pid``, in KiB."""
    with open(f"/proc/{pid}/status") as fh:
        for line in fh:
            if line.startswith(field + ":"):
                return int(line.split()[1])
    raise AssertionError(f"no {field}")
