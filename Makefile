# Everything from a fresh machine (python3 with pip and venv, gcc, patch, node):
#   make demo    .venv-demo: `pip install .` (uvnet's build compiles its own pyuv), then
#                run examples/echo_demo.py
#   make test    .venv-tools: tox, then `tox`: tests on every Python 3.9 - 3.13 found, ruff
#                (lint), mypy (type), the docs site (docs); says loudly which Pythons are
#                missing (CI=true: all five required)
#   make docs    .venv-tools: tox, then `tox -e docs`: the docs site in docs/_build/html
#                (warnings are errors) and its render check in headless Chromium
# For contributors (CONTRIBUTING.md):
#   make dev     .venv: the editable dev install, `pip install -e .[test]`
#   make check   the suite on that one interpreter; make check PYTEST_ARGS=tests/test_events.py
#   make install-check   the install matrix (pip/uv/pipx, sdist, wheel), by hand, not in CI
#   make bench   issue #12's and #14's benchmark targets remeasured (bench/targets.py, ~20 min)
# The pyuv sdist that the build downloads is cached in $UVNET_CACHE (default ~/.cache/uvnet).

PYTHON ?= python3
VENV := .venv
DEMO := .venv-demo
TOOLS := .venv-tools
TOX_VERSION := 4.67.15
PIP := -m pip --disable-pip-version-check
PYTEST_ARGS ?= -q tests

.PHONY: demo dev check test docs install-check soak bench clean

# Always reinstall: cheap next to the demo, and never runs a stale uvnet.
demo:
	test -x $(DEMO)/bin/python || $(PYTHON) -m venv $(DEMO)
	$(DEMO)/bin/python $(PIP) install .
	$(DEMO)/bin/python examples/echo_demo.py

# Reinstalled when what the build reads changes (the Python files are used in place).
$(VENV)/.dev: pyproject.toml setup.py $(wildcard patches/*.patch)
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/python $(PIP) install -e '.[test]'
	touch $@

dev: $(VENV)/.dev

check: $(VENV)/.dev
	$(VENV)/bin/python -m pytest $(PYTEST_ARGS)

$(TOOLS)/.tox-$(TOX_VERSION):
	rm -rf $(TOOLS)
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python $(PIP) install -q tox==$(TOX_VERSION)
	touch $@

test: $(TOOLS)/.tox-$(TOX_VERSION)
	$(TOOLS)/bin/tox

# The docs site, warnings as errors, then its render check in headless Chromium.
docs: $(TOOLS)/.tox-$(TOX_VERSION)
	$(TOOLS)/bin/tox -e docs

install-check:
	tools/install_check.sh

# The stress suite (tests/stress, issue #11) with every figure larger: more connections
# and lifecycles, 4 GiB through the proxy, 20,000 fuzzed calls (UVNET_SOAK=1).
soak: $(VENV)/.dev
	cd tests && UVNET_SOAK=1 ../$(VENV)/bin/python -m pytest -p no:cacheprovider -o timeout=3600 -s stress

# The benchmark targets of issues #12 and #14, measured in one session (bench/targets.md).
bench: $(VENV)/.dev
	$(VENV)/bin/python bench/targets.py $(BENCH_ARGS)

clean:
	rm -rf $(VENV) $(DEMO) $(TOOLS) .tox build dist *.egg-info uvnet/_vendor/pyuv/_cpyuv*.so docs/_build
