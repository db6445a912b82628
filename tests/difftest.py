"""Differential tests: run a Node program and its uvnet port, compare what they print.

    from difftest import assert_same_output, normalize_ports

    def test_echo():
        assert_same_output(JS, PY, normalize=normalize_ports)

- ``run_node(js)`` runs the JavaScript with ``node``; ``run_python(py)`` runs the Python
  with ``sys.executable`` (the interpreter under test, where uvnet is installed). Each
  returns the program's stdout as ``str``, and raises ``AssertionError`` (with stderr) if
  the program exits non-zero, unless ``check=False``, or if it runs past ``timeout``
  seconds (it is then killed).
- Each program is written to a fresh temporary directory, which is also its working
  directory unless ``cwd`` is given. ``uvnet/trace/trace.js`` is copied beside the JS, so
  ``require('./trace')`` works; the Python child has ``tests/`` on ``PYTHONPATH``, so
  ``from pytrace import trace`` works (and so does ``from difftest import ...``). The Python
  child never sees the work tree's ``uvnet/``: it imports the installed one.
- ``assert_same_output(js, py)`` runs both and asserts their stdout is the same, line by
  line, after the optional ``normalize(text) -> text`` is applied to both; on a mismatch
  the message is a unified diff (``-`` node, ``+`` python) followed by both stderrs.
  The default is no normalization. With ``check=False`` a non-zero exit is allowed, but
  both programs must then agree on whether they failed (an uncaught error exits 1 in both).
- ``run_both(js, py)`` runs both and returns their two ``Result`` s (``returncode``,
  ``stdout``, ``stderr``), for a test that compares stderr as well.
- ``normalize_ports(text)`` replaces every 2-5 digit number that directly follows ``:``
  (``127.0.0.1:41234``, ``"port":41234``), or follows the word ``port`` (any case) and at
  most three non-word characters (``port 41234``, ``remotePort: 41234``), with ``PORT``.
"""

from __future__ import annotations

import difflib
import os
import re
import shutil
import subprocess
import sys
import tempfile
from typing import Callable

from uvnet.trace import jsTracer

TESTS_DIR = os.path.dirname(os.path.abspath(__file__))
TRACE_JS = jsTracer()  # uvnet/trace/trace.js, of the uvnet under test
NODE = os.environ.get('NODE', 'node')


class Result:
    """What a child program did: its exit status and its decoded stdout/stderr."""

    def __init__(self, argv: list[str], returncode: int, stdout: str, stderr: str) -> None:
        self.argv = argv
        self.returncode = returncode
        self.stdout = stdout
        self.stderr = stderr


def _decode(data: bytes | None) -> str:
    return (data or b'').decode('utf-8', 'replace')


def _run(kind: str, source: str, *, timeout: float, cwd: str | None,
         env: dict[str, str] | None = None) -> Result:
    with tempfile.TemporaryDirectory(prefix=f'difftest-{kind}-') as tmp:
        env = dict(os.environ, **(env or {}))
        if kind == 'node':
            script = os.path.join(tmp, 'main.js')
            shutil.copy(TRACE_JS, os.path.join(tmp, 'trace.js'))
            argv = [NODE, script]
        else:
            script = os.path.join(tmp, 'main.py')
            argv = [sys.executable, script]
            env['PYTHONPATH'] = os.pathsep.join(
                p for p in (TESTS_DIR, env.get('PYTHONPATH', '')) if p)
            env['PYTHONIOENCODING'] = 'utf-8'
            env['PYTHONDONTWRITEBYTECODE'] = '1'
        with open(script, 'w', encoding='utf-8') as fh:
            fh.write(source)
        try:
            proc = subprocess.run(argv, cwd=cwd or tmp, env=env, stdin=subprocess.DEVNULL,
                                  capture_output=True, timeout=timeout)
        except subprocess.TimeoutExpired as exc:
            raise AssertionError(
                f'{kind} program timed out after {timeout} s\n'
                f'--- stdout so far ---\n{_decode(exc.stdout)}'
                f'--- stderr so far ---\n{_decode(exc.stderr)}') from None
        return Result(argv, proc.returncode, _decode(proc.stdout), _decode(proc.stderr))


def _checked(kind: str, res: Result, check: bool) -> str:
    if check and res.returncode != 0:
        raise AssertionError(
            f'{kind} program exited with {res.returncode}\n'
            f'--- stdout ---\n{res.stdout}--- stderr ---\n{res.stderr}')
    return res.stdout


def run_node(js: str, *, timeout: float = 30, cwd: str | None = None,
             check: bool = True) -> str:
    """Run JavaScript source with node; return its stdout."""
    return _checked('node', _run('node', js, timeout=timeout, cwd=cwd), check)


def run_python(py: str, *, timeout: float = 30, cwd: str | None = None,
               check: bool = True) -> str:
    """Run Python source with the interpreter under test; return its stdout."""
    return _checked('python', _run('python', py, timeout=timeout, cwd=cwd), check)


_PORT_AFTER_COLON = re.compile(r'(?<=:)\d{2,5}\b')
_PORT_AFTER_WORD = re.compile(r'(port\W{0,3})\d{2,5}\b', re.IGNORECASE)


def normalize_ports(text: str) -> str:
    """Replace port-looking numbers (after ':' or after 'port') with PORT."""
    text = _PORT_AFTER_COLON.sub('PORT', text)
    return _PORT_AFTER_WORD.sub(r'\1PORT', text)


def run_both(js: str, py: str, *, timeout: float = 30, cwd: str | None = None,
             env: dict[str, str] | None = None) -> tuple[Result, Result]:
    """Run ``js`` with node and ``py`` with Python (with ``env`` added to the
    environment); return both :class:`Result` s (exit status, stdout and stderr), for
    tests that compare stderr too."""
    return (_run('node', js, timeout=timeout, cwd=cwd, env=env),
            _run('python', py, timeout=timeout, cwd=cwd, env=env))


def assert_same_output(js: str, py: str, *, normalize: Callable[[str], str] | None = None,
                       timeout: float = 30, cwd: str | None = None,
                       check: bool = True) -> str:
    """Assert that node running ``js`` and Python running ``py`` print the same lines.

    Returns the (normalized) common output, for further assertions.
    """
    node = _run('node', js, timeout=timeout, cwd=cwd)
    pyres = _run('python', py, timeout=timeout, cwd=cwd)
    _checked('node', node, check)
    _checked('python', pyres, check)
    out_js, out_py = node.stdout, pyres.stdout
    if normalize is not None:
        out_js, out_py = normalize(out_js), normalize(out_py)
    lines_js, lines_py = out_js.splitlines(), out_py.splitlines()
    if lines_js != lines_py:
        diff = '\n'.join(difflib.unified_diff(lines_js, lines_py, 'node', 'python',
                                              lineterm=''))
        raise AssertionError(
            f'node and python printed different output:\n{diff}\n'
            f'--- node stderr ---\n{node.stderr}--- python stderr ---\n{pyres.stderr}')
    if (node.returncode == 0) != (pyres.returncode == 0):
        raise AssertionError(
            f'same output, but node exited {node.returncode} and python {pyres.returncode}\n'
            f'--- node stderr ---\n{node.stderr}--- python stderr ---\n{pyres.stderr}')
    return out_js
