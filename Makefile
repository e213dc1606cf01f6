# coffeechat: `make run` to use it, `make test` to check it. Everything it needs is installed here.
SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip --disable-pip-version-check -q
CHROMIUM ?= /usr/bin/chromium
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: run test check lint test-python test-node lint-extension bench bench-full parse-score browser-deps clean

run: $(VENV)/.installed
	$(VENV)/bin/coffeechat serve

test: $(VENV)/.installed-test browser-deps node_modules/.installed
	$(MAKE) --no-print-directory lint lint-extension test-node test-python

# The quick loop: lint, types, the import contracts and every test that needs no browser and is not slow (about a minute).
check: $(VENV)/.installed-test
	$(MAKE) --no-print-directory lint
	$(PY) -m pytest -q -p no:cacheprovider -n 2 -m "not browser and not slow"

lint: $(VENV)/.installed-test
	$(VENV)/bin/ruff check server tests bench
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache

test-python: $(VENV)/.installed-test
	$(PY) -m pytest -q -p no:cacheprovider -n 2

test-node:
	node --test tests/extension/

lint-extension: node_modules/.installed
	npx --no-install web-ext lint --source-dir extension --no-config-discovery

bench: $(VENV)/.installed-test
	$(PY) -m bench --quick

bench-full: $(VENV)/.installed-test
	$(PY) -m bench

parse-score: $(VENV)/.installed
	$(PY) -m bench.parse_score

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(VENV)/bin/python
	$(PIP) install -e '.[test]'
	touch $@ $(VENV)/.installed

# Debian's Chromium for the real-browser tests (Playwright drives it; it never downloads a browser),
# and openssl, which makes the test HTTPS site's throw-away certificate.
browser-deps:
	@missing=""; [ -x $(CHROMIUM) ] || missing="chromium chromium-driver"; \
	command -v openssl >/dev/null || missing="$$missing openssl"; \
	if [ -n "$$missing" ]; then \
	  echo "Installing from Debian's packages for the browser tests:$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing >/dev/null; \
	fi

node_modules/.installed: package.json
	npm install --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf $(VENV) node_modules .pytest_cache test-artifacts
