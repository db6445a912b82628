"""Run each ported Node test as Node runs it: in a process of its own.

Node runs every ``test/parallel`` file in a fresh process, and its ``test/common`` checks
the ``mustCall`` counters when that process exits. Here each test item runs in a forked
child: the child sets up, runs the test body (which calls ``uvnet.run()``), checks the
counters (``common.verify()``) and tears down, then sends its reports to the parent. A
test that leaves handles behind therefore cannot disturb the next one, and a loop that
never ends is killed after ``UVNET_NODE_TEST_TIMEOUT`` seconds (default 30) with the
Python stacks of the child in the failure report.

``UVNET_NODE_TEST_NOFORK=1`` runs the items in-process instead (for a debugger).
"""

from __future__ import annotations

import faulthandler
import json
import os
import select
import signal
import sys
import tempfile
import time
from typing import Any

import pytest
from _pytest.reports import TestReport
from _pytest.runner import runtestprotocol

_HERE = os.path.dirname(os.path.abspath(__file__))
if _HERE not in sys.path:
    sys.path.insert(0, _HERE)

import common  # noqa: E402

TIMEOUT = float(os.environ.get('UVNET_NODE_TEST_TIMEOUT', '30'))
FORK = hasattr(os, 'fork') and not os.environ.get('UVNET_NODE_TEST_NOFORK')


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item) -> Any:
    common.reset()
    result = yield
    common.verify()
    return result


def _child(item: pytest.Item, wfd: int, stacks: str) -> None:
    code = 0
    try:
        with open(stacks, 'w') as fh:
            faulthandler.dump_traceback_later(TIMEOUT, exit=True, file=fh)
            reports = runtestprotocol(item, log=False, nextitem=None)
            faulthandler.cancel_dump_traceback_later()
        hook = item.config.hook
        data = [hook.pytest_report_to_serializable(config=item.config, report=r)
                for r in reports]
        payload = json.dumps(data).encode()
        while payload:
            payload = payload[os.write(wfd, payload):]
    except BaseException:  # noqa: BLE001 - the parent reports the missing result
        import traceback
        traceback.print_exc()
        code = 1
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def _read_all(rfd: int, deadline: float) -> tuple[bytes, bool]:
    chunks = []
    while True:
        left = deadline - time.monotonic()
        if left <= 0:
            return b''.join(chunks), False
        ready, _, _ = select.select([rfd], [], [], left)
        if ready:
            chunk = os.read(rfd, 1 << 16)
            if not chunk:
                return b''.join(chunks), True
            chunks.append(chunk)


def _failed(item: pytest.Item, text: str) -> TestReport:
    return TestReport(item.nodeid, item.location, {x: 1 for x in item.keywords}, 'failed',
                      text, 'call')


def _run_forked(item: pytest.Item) -> list[TestReport]:
    fd, stacks = tempfile.mkstemp(prefix='uvnet-node-stacks-')
    os.close(fd)
    rfd, wfd = os.pipe()
    sys.stdout.flush()
    sys.stderr.flush()
    pid = os.fork()
    if pid == 0:
        os.close(rfd)
        _child(item, wfd, stacks)
    os.close(wfd)
    try:
        data, complete = _read_all(rfd, time.monotonic() + TIMEOUT + 5)
        if not complete:
            os.kill(pid, signal.SIGKILL)
        _, status = os.waitpid(pid, 0)
        os.close(rfd)
        if complete and data:
            hook = item.config.hook
            reports = [hook.pytest_report_from_serializable(config=item.config, data=d)
                       for d in json.loads(data)]
            for report in reports:  # JSON made the skip location tuple a list
                if isinstance(report.longrepr, list):
                    report.longrepr = tuple(report.longrepr)
            return reports
        with open(stacks) as fh:
            # the child's stacks, without the pytest/pluggy frames below the test
            where = ''.join(line for line in fh if '_pytest' not in line
                            and 'pluggy' not in line and 'runpy' not in line)
        why = (f'timed out after {TIMEOUT:g} s (the loop never ended)' if not complete
               or 'Timeout' in where else f'child process died (wait status {status})')
        return [_failed(item, f'{why}\n{where}')]
    finally:
        os.unlink(stacks)


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_protocol(item: pytest.Item, nextitem: Any) -> Any:
    # This hook is global once this conftest is loaded: fork only the items of tests/node.
    if not FORK or not str(item.path).startswith(_HERE + os.sep):
        return None
    ihook = item.ihook
    ihook.pytest_runtest_logstart(nodeid=item.nodeid, location=item.location)
    for report in _run_forked(item):
        ihook.pytest_runtest_logreport(report=report)
    ihook.pytest_runtest_logfinish(nodeid=item.nodeid, location=item.location)
    return True


@pytest.fixture(autouse=True)
def _node_tmpdir() -> Any:
    """Node tests call ``tmpdir.refresh()`` themselves; clean up after the process ends."""
    yield
    import shutil
    shutil.rmtree(common.tmpdir.path, ignore_errors=True)
