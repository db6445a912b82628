"""Run the Node test ports (tests/node) and write docs/node-compat.md.

    python tools/node_compat.py [--python PYTHON] [--output docs/node-compat.md] [-- PYTEST ARGS]

Every Node v20.11.1 ``test/parallel/test-net-*`` file is listed (research/node-net.md
§4.1), plus every other Node file a module in ``tests/node`` ports (its docstring starts
with ``Port of test-....js``). A second table lists the Node files (event emitter, streams,
timers ...) ported inside the other test modules of ``tests/``: a test function counts for
the Node files named in its docstring or its own comments, else in the ``# --- test-x.js``
section comment above it, else in the module docstring when that names a single file.
Each file is one of:

- passes: every test in its port passed (a test skipped for the platform, such as IPv6
  missing, is reported as skipped with pytest's reason);
- fails: a test of its port failed; the reason is the first line of the failure;
- not applicable: the behaviour cannot exist in Python/uvnet (``NOT_APPLICABLE`` below
  says why); no port exists;
- not ported: a Node file with neither a port nor a reason (should not happen).

The table is written from this run only: nothing is claimed that the run did not show.
"""

from __future__ import annotations

import argparse
import ast
import os
import re
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from dataclasses import dataclass

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TESTS = os.path.join(ROOT, 'tests', 'node')

# Node v20.11.1 test/parallel/test-net-*.js (139 files, node-net.md §4.1), without prefix.
NET_FILES = """
access-byteswritten after-close allow-half-open autoselectfamily-commandline-option
autoselectfamily-default autoselectfamily-ipv4first autoselectfamily
better-error-messages-listen-path better-error-messages-listen better-error-messages-path
better-error-messages-port-hostname binary bind-twice buffersize bytes-read bytes-stats
bytes-written-large can-reset-timeout child-process-connect-reset client-bind-twice
connect-abort-controller connect-after-destroy connect-buffer connect-buffer2
connect-call-socket-connect connect-destroy connect-immediate-destroy
connect-immediate-finish connect-keepalive connect-memleak connect-no-arg connect-nodelay
connect-options-allowhalfopen connect-options-fd connect-options-invalid
connect-options-ipv6 connect-options-path connect-options-port connect-paused-connection
connect-reset-after-destroy connect-reset-before-connected connect-reset-until-connected
connect-reset deprecated-setsimultaneousaccepts dns-custom-lookup dns-error
dns-lookup-skip dns-lookup during-close eaddrinuse end-close end-destroyed
end-without-connect error-twice isip isipv4 isipv6 keepalive large-string
listen-after-destroying-stdin listen-close-server-callback-is-not-function
listen-close-server listen-error listen-exclusive-random-ports listen-fd0
listen-invalid-port listen-ipv6only listening local-address-port localerror normalize-args
onread-static-buffer options-lookup pause-resume-connecting perf_hooks persistent-keepalive
persistent-nodelay persistent-ref-unref pingpong pipe-connect-errors reconnect
remote-address-port remote-address server-async-dispose.mjs
server-call-listen-multiple-times server-capture-rejection server-close
server-drop-connections server-keepalive server-listen-handle server-listen-options-signal
server-listen-options server-listen-path server-listen-remove-callback
server-max-connections-close-makes-more-available server-max-connections server-nodelay
server-options server-pause-on-connect server-reset
server-simultaneous-accepts-produce-warning-once server-try-ports server-unref-persistent
server-unref settimeout socket-byteswritten socket-close-after-end
socket-connect-invalid-autoselectfamily
socket-connect-invalid-autoselectfamilyattempttimeout socket-connect-without-cb
socket-connecting socket-constructor socket-destroy-send socket-destroy-twice
socket-end-before-connect socket-end-callback socket-local-address
socket-no-halfopen-enforcer socket-ready-without-cb socket-reset-send socket-reset-twice
socket-setnodelay socket-timeout-unref socket-timeout socket-write-after-close
socket-write-error stream sync-cork throttle timeout-no-handle writable write-after-close
write-after-end-nt write-arguments write-cb-on-destroy-before-connect write-connect-write
write-fully-async-buffer write-fully-async-hex-string write-slow
""".split()

# Node files whose behaviour cannot exist in Python/uvnet, and why. No port exists for them.
NOT_APPLICABLE: dict[str, str] = {
    'test-net-access-byteswritten.js':
        'checks the bytesWritten getter on the tls.TLSSocket and tty prototypes; '
        'tls and tty are not part of uvnet',
    'test-net-autoselectfamily-commandline-option.js':
        'a node command-line flag, checked against a fake DNS server built on dgram; '
        'uvnet has neither CLI flags nor dgram',
    'test-net-autoselectfamily-default.js':
        'needs a fake DNS server (dgram) and dns.Resolver/setServers; dgram is out of scope',
    'test-net-autoselectfamily-ipv4first.js':
        'needs a fake DNS server (dgram) and dns.Resolver/setServers; dgram is out of scope',
    'test-net-autoselectfamily.js':
        'needs a fake DNS server (dgram) and dns.Resolver/setServers; dgram is out of scope',
    'test-net-child-process-connect-reset.js':
        'spawns a child process holding the listen socket (child_process is out of scope)',
    'test-net-connect-memleak.js':
        'needs --expose-gc and V8 finalization (common/ongc) to prove the connect '
        'listener is collected',
    'test-net-connect-options-fd.js':
        "builds raw Pipe handles from Node's internal pipe_wrap binding (--expose-internals) "
        'and shares them across processes',
    'test-net-deprecated-setsimultaneousaccepts.js':
        'checks the DEP0121 deprecation warning of the Windows-only _setSimultaneousAccepts',
    'test-net-end-close.js':
        "drives a fake handle through Node's internal stream_wrap state "
        '(streamBaseState[kReadBytesOrError], --expose-internals)',
    'test-net-listen-after-destroying-stdin.js':
        'destroys process.stdin, a Node stream that Python has no equivalent of',
    'test-net-listen-exclusive-random-ports.js':
        'needs cluster workers (cluster is out of scope)',
    'test-net-normalize-args.js':
        "calls Node's internal _normalizeArgs (--expose-internals) and inspects its "
        'private result shape',
    'test-net-perf_hooks.js':
        "checks 'net' entries of perf_hooks' PerformanceObserver (perf_hooks is not part "
        'of uvnet)',
    'test-net-server-async-dispose.mjs':
        'Server[Symbol.asyncDispose]() returns a Promise (node:test, await); uvnet has no '
        'Promise/async integration',
    'test-net-server-listen-handle.js':
        "listens on raw handles from Node's internal tcp_wrap/pipe_wrap bindings and on fds "
        'passed from child processes',
    'test-net-server-simultaneous-accepts-produce-warning-once.js':
        'checks the DEP0121 deprecation warning of the Windows-only _setSimultaneousAccepts',
    'test-net-socket-constructor.js':
        'its fd cases run in a cluster worker with extra stdio fds (cluster is out of scope)',
    'test-net-write-fully-async-buffer.js':
        'needs --expose-gc to run V8 garbage collection during writes',
    'test-net-write-fully-async-hex-string.js':
        'needs --expose-gc to run V8 garbage collection during writes',
}

_PORT_OF = re.compile(r'Port of (test-[\w.\-]+?\.m?js)')


@dataclass
class Result:
    node_file: str
    status: str
    reason: str = ''
    module: str = ''


def python_name(node_file: str) -> str:
    stem = re.sub(r'\.m?js$', '', node_file)
    return stem.replace('-', '_') + '.py'


def discover_ports() -> dict[str, str]:
    """Node file name -> port module file name, from each module's docstring."""
    ports: dict[str, str] = {}
    for name in sorted(os.listdir(TESTS)):
        if not (name.startswith('test_') and name.endswith('.py')):
            continue
        with open(os.path.join(TESTS, name), encoding='utf-8') as fh:
            doc = ast.get_docstring(ast.parse(fh.read())) or ''
        m = _PORT_OF.search(doc)
        ports[m.group(1) if m else name] = name
    return ports


_NODE_FILE = re.compile(r'\b(test-[A-Za-z0-9_\-]+\.m?js)\b')
_SECTION = re.compile(r'^#\s*-+\s*(test-[A-Za-z0-9_\-]+\.m?js)')


def discover_other_ports() -> dict[str, list[tuple[str, str]]]:
    """Node file -> [(module file, test function)] for the ports outside tests/node."""
    found: dict[str, list[tuple[str, str]]] = {}
    tests_dir = os.path.dirname(TESTS)
    for name in sorted(os.listdir(tests_dir)):
        if not (name.startswith('test_') and name.endswith('.py')):
            continue
        with open(os.path.join(tests_dir, name), encoding='utf-8') as fh:
            source = fh.read()
        lines = source.splitlines()
        tree = ast.parse(source)
        module_files = _NODE_FILE.findall(ast.get_docstring(tree) or '')
        section: list[str] = []
        previous_end = 0
        for node in tree.body:
            for line in lines[previous_end:node.lineno - 1]:
                m = _SECTION.match(line.strip())
                if m:
                    section = [m.group(1)]
            previous_end = getattr(node, 'end_lineno', node.lineno)
            if not (isinstance(node, ast.FunctionDef) and node.name.startswith('test_')):
                continue
            own = _NODE_FILE.findall(ast.get_docstring(node) or '')
            own += [f for line in lines[node.lineno - 1:previous_end]
                    if line.strip().startswith('#') for f in _NODE_FILE.findall(line)]
            files = own or section or (module_files if len(set(module_files)) == 1 else [])
            for f in dict.fromkeys(files):
                if not f.startswith('test-net-'):
                    found.setdefault(f, []).append((name, node.name))
    return found


def run_pytest(python: str, extra: list[str]) -> ET.Element:
    with tempfile.TemporaryDirectory() as tmp:
        xml = os.path.join(tmp, 'junit.xml')
        env = dict(os.environ, PYTHONPATH=os.pathsep.join(
            p for p in (ROOT, os.environ.get('PYTHONPATH', '')) if p))
        others = sorted({m for uses in discover_other_ports().values() for m, _ in uses})
        cmd = [python, '-m', 'pytest', 'tests/node', *(f'tests/{m}' for m in others), '-q',
               '-p', 'no:cacheprovider', f'--junitxml={xml}', *extra]
        print('$', ' '.join(cmd), flush=True)
        subprocess.run(cmd, cwd=ROOT, env=env, stdin=subprocess.DEVNULL)
        return ET.parse(xml).getroot()


def _first_line(text: str) -> str:
    for line in (text or '').splitlines():
        line = line.strip()
        if line:
            return line[:200]
    return ''


_RANK = {'passes': 0, 'skipped': 1, 'fails': 2}


def case_outcomes(root: ET.Element) -> dict[tuple[str, str], tuple[str, str]]:
    """(module file, test function) -> (status, reason); parametrized cases are merged."""
    out: dict[tuple[str, str], tuple[str, str]] = {}
    for case in root.iter('testcase'):
        module = case.get('classname', '').split('.')[-1] + '.py'
        test = case.get('name', '')
        status, reason = 'passes', ''
        for tag in ('failure', 'error'):
            el = case.find(tag)
            if el is not None:
                status = 'fails'
                reason = f"{test}: {_first_line(el.get('message', '') or el.text or '')}"
        el = case.find('skipped')
        if status == 'passes' and el is not None:
            status, reason = 'skipped', f"{test}: {_first_line(el.get('message', ''))}"
        key = (module, test.split('[')[0])
        previous = out.get(key)
        if previous is None or _RANK[status] > _RANK[previous[0]]:
            out[key] = (status, reason)
    return out


def merge(outcomes: list[tuple[str, str]]) -> tuple[str, str]:
    """The worst outcome (the first one of that rank): fails > skipped > passes."""
    if not outcomes:
        return 'fails', 'no test result (collection error?)'
    worst = max(_RANK[s] for s, _ in outcomes)
    return next(o for o in outcomes if _RANK[o[0]] == worst)


def collect(root: ET.Element) -> tuple[list[Result], list[Result]]:
    ports = discover_ports()
    cases = case_outcomes(root)
    names = [f'test-net-{n}' + ('' if n.endswith('.mjs') else '.js') for n in NET_FILES]
    names += sorted(n for n in ports if n not in names and n.startswith('test-'))
    results = []
    for name in names:
        module = ports.get(name)
        if module:
            status, reason = merge([o for (m, _), o in cases.items() if m == module])
            results.append(Result(name, status, reason, module))
        elif name in NOT_APPLICABLE:
            results.append(Result(name, 'not applicable', NOT_APPLICABLE[name]))
        else:
            results.append(Result(name, 'not ported', 'no port and no reason recorded'))
    others = []
    for name, uses in sorted(discover_other_ports().items()):
        status, reason = merge([cases[u] for u in uses if u in cases])
        modules = ', '.join(dict.fromkeys(m for m, _ in uses))
        others.append(Result(name, status, reason, f'{modules} ({len(uses)} tests)'))
    return results, others


def _cell(text: str) -> str:
    return text.replace('|', '\\|').replace('\n', ' ')


def _table(results: list[Result]) -> list[str]:
    lines = ['| Node file | port | status | reason |', '| --- | --- | --- | --- |']
    for r in results:
        port = f'`{r.module}`' if r.module else ''
        lines.append(f'| {r.node_file} | {port} | {r.status} | {_cell(r.reason)} |')
    return lines


def render(results: list[Result], others: list[Result], python: str) -> str:
    version = subprocess.run([python, '-c', 'import sys; print(sys.version.split()[0])'],
                             capture_output=True, text=True).stdout.strip()
    commit = subprocess.run(['git', 'rev-parse', '--short', 'HEAD'], cwd=ROOT,
                            capture_output=True, text=True).stdout.strip()
    counts: dict[str, int] = {}
    for r in results:
        counts[r.status] = counts.get(r.status, 0) + 1
    net = [r for r in results if r.node_file.startswith('test-net-')]
    ported = [r for r in net if r.module]
    net_pass = sum(r.status == 'passes' for r in net)
    lines = [
        '# Node.js test compatibility',
        '',
        'Generated by `python tools/node_compat.py` from one run of `pytest tests/node`',
        f'(Python {version}, uvnet commit `{commit}`). Do not edit by hand.',
        '',
        "Each row is a file of Node v20's `test/parallel`; its port is the module of the same",
        'name in `tests/node/`. The Node `test-net-*` list is v20.11.1 (139 files).',
        '',
        '## Totals',
        '',
        '| status | files |',
        '| --- | --- |',
    ]
    for status in ('passes', 'skipped', 'fails', 'not applicable', 'not ported'):
        if counts.get(status):
            lines.append(f'| {status} | {counts[status]} |')
    lines.append(f'| **all** | **{len(results)}** |')
    lines += [
        '',
        f'`test-net-*`: {len(net)} files, {len(ported)} ported, {net_pass} pass '
        f'({net_pass * 100 // max(len(ported), 1)}% of the ported ones, '
        f'{net_pass * 100 // len(net)}% of all).',
        '',
        '## Files',
        '',
        *_table(results),
    ]
    if others:
        other_pass = sum(r.status == 'passes' for r in others)
        lines += [
            '',
            '## Node files ported inside other test modules',
            '',
            'Event emitter, stream and timer files of Node\'s `test/parallel`, ported as test',
            'functions of the modules named (not one module per file, and often in part: see',
            f'each module). {len(others)} files, {other_pass} pass.',
            '',
            *_table(others),
        ]
    return '\n'.join(lines) + '\n'


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument('--python', default=sys.executable,
                        help='interpreter that runs pytest (default: this one)')
    parser.add_argument('--output', default=os.path.join(ROOT, 'docs', 'node-compat.md'))
    parser.add_argument('pytest_args', nargs='*', help='extra pytest arguments (after --)')
    args = parser.parse_args(argv)
    root = run_pytest(args.python, args.pytest_args)
    results, others = collect(root)
    os.makedirs(os.path.dirname(args.output), exist_ok=True)
    with open(args.output, 'w', encoding='utf-8') as fh:
        fh.write(render(results, others, args.python))
    by = {s: sum(r.status == s for r in results) for s in {r.status for r in results}}
    print(f'wrote {os.path.relpath(args.output, ROOT)}: {by}')
    return 0


if __name__ == '__main__':
    sys.exit(main())
