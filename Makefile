# Two commands for a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CHROMIUM := /usr/bin/chromium
AXE := node_modules/axe-core/axe.min.js
LIGHTHOUSE := benchmarks/lighthouse-npm/node_modules/.bin/lighthouse
# Material for MkDocs prints an end-of-life banner on every build; the README covers it.
export NO_MKDOCS_2_WARNING := 1

.PHONY: site site-zensical serve test test-js test-browser check lint benchmark lighthouse clean lock contact-sheet

## site: set up .venv, check the content and build the guide into site/
site: $(VENV)/.installed
	$(BIN)/guide build

## site-zensical: the same guide built by Zensical from `guide export` (README: Other engines)
site-zensical: $(VENV)/.installed-zensical
	$(BIN)/guide build --engine zensical

## serve: preview the guide at http://127.0.0.1:8000 with live reload (another port: make serve PORT=8001)
PORT ?= 8000
serve: $(VENV)/.installed
	GUIDE_SITE_URL=http://127.0.0.1:$(PORT)/ $(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

## contact-sheet: every exercise's key poses as build/contact-sheet.html and one image, build/contact-sheet.png
contact-sheet: $(VENV)/.installed-test $(CHROMIUM)
	$(BIN)/python -m benchmarks.contact_sheet --out build

## check: validate the content only
check: $(VENV)/.installed
	$(BIN)/guide check

## test: set up everything (test tools and Chromium included) and run the whole suite
test: $(VENV)/.installed-test $(CHROMIUM) $(AXE)
	$(BIN)/ruff check generator tests benchmarks
	$(BIN)/mypy
	$(BIN)/codespell content generator README.md
	node --test --test-reporter=dot tests/js/
	$(BIN)/pytest

## test-js: the page scripts' DOM-free logic (plan, finder, player, search) under Node's own test runner
test-js: $(VENV)/.installed
	node --test --test-reporter=dot tests/js/

## test-browser: only the browser tests
test-browser: $(VENV)/.installed-test $(CHROMIUM) $(AXE)
	$(BIN)/pytest -m browser

## benchmark: build cost at 100, 1,000 and 5,000 exercises against plain Material
benchmark: $(VENV)/.installed-test
	$(BIN)/python -m benchmarks.run

## lighthouse: Lighthouse scores (mobile) for each page type, written into BENCHMARKS.md
lighthouse: $(VENV)/.installed-test $(CHROMIUM) $(LIGHTHOUSE)
	$(BIN)/guide build
	CHROME_PATH=$(CHROMIUM) $(BIN)/python -m benchmarks.lighthouse

## lint: ruff and mypy
lint: $(VENV)/.installed-test
	$(BIN)/ruff check generator tests
	$(BIN)/ruff format --check generator tests
	$(BIN)/mypy

# -qq: pip reports errors only, not the notices a newcomer would read as failures.
PIP := $(BIN)/pip install -qq -c constraints.txt

$(VENV)/bin/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml constraints.txt $(VENV)/bin/python
	$(PIP) -e .
	touch $@

$(VENV)/.installed-zensical: pyproject.toml constraints.txt $(VENV)/bin/python
	$(PIP) -e '.[zensical]'
	touch $@ $(VENV)/.installed

$(VENV)/.installed-test: pyproject.toml constraints.txt $(VENV)/bin/python
	$(PIP) -e '.[test]'
	touch $@ $(VENV)/.installed $(VENV)/.installed-zensical

## lock: re-resolve every dependency to its newest allowed release and rewrite constraints.txt
lock:
	rm -rf .venv-lock
	$(PYTHON) -m venv .venv-lock
	.venv-lock/bin/pip install -qq -e '.[test]'
	{ sed -n '1,2p' constraints.txt; .venv-lock/bin/pip freeze --exclude-editable; } > constraints.new
	mv constraints.new constraints.txt
	rm -rf .venv-lock

$(CHROMIUM):
	if [ "$$(id -u)" = 0 ]; then SUDO=; else SUDO=sudo; fi; \
	$$SUDO apt-get update -qq && $$SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium

$(AXE): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Lighthouse and its 200 packages, only for `make lighthouse`.
$(LIGHTHOUSE): benchmarks/lighthouse-npm/package.json benchmarks/lighthouse-npm/package-lock.json
	npm ci --prefix benchmarks/lighthouse-npm --no-audit --no-fund --loglevel=error
	touch $@

clean:
	rm -rf site .site-* test-artifacts
