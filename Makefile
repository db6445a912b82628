# Everything from a fresh machine (system python3 with pip and venv, gcc, node):
#   make demo   .venv: patched pyuv + uvnet, then run examples/echo_demo.py
#   make test   .venv-tools: tox, then `tox` (py39..py313, lint, type)
# pyuv 1.4.0 is built from its PyPI sdist by tools/pyuv_wheel.py (wheels cached in
# $UVNET_CACHE, default ~/.cache/uvnet); see README.md.

PYTHON ?= python3
VENV := .venv
TOOLS := .venv-tools
TOX_VERSION := 4.67.15

.PHONY: demo test soak clean

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

# Always reinstall: cheap (the pyuv wheel is cached) and never runs a stale uvnet.
demo: $(VENV)/bin/python
	$(VENV)/bin/python tools/install_uvnet.py
	$(VENV)/bin/python examples/echo_demo.py

$(TOOLS)/.tox-$(TOX_VERSION):
	rm -rf $(TOOLS)
	$(PYTHON) -m venv $(TOOLS)
	$(TOOLS)/bin/python -m pip install --disable-pip-version-check -q tox==$(TOX_VERSION)
	touch $@

test: $(TOOLS)/.tox-$(TOX_VERSION)
	$(TOOLS)/bin/tox

# The stress suite (tests/stress, issue #11) with every figure larger: more connections
# and lifecycles, 4 GiB through the proxy, 20,000 fuzzed calls (UVNET_SOAK=1).
soak: $(VENV)/bin/python
	$(VENV)/bin/python tools/install_uvnet.py
	$(VENV)/bin/python -m pip install --disable-pip-version-check -q pytest pytest-timeout hypothesis
	cd tests && UVNET_SOAK=1 ../$(VENV)/bin/python -m pytest -p no:cacheprovider -o timeout=3600 -s stress

clean:
	rm -rf $(VENV) $(TOOLS) .tox build dist *.egg-info
