# Warta's everyday commands. `make site` and `make test` set everything up
# from nothing (a virtualenv in .venv with the pinned requirements) first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material 9.8 prints an end-of-life banner on every run; the pin is deliberate.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

# The browser tests (tests/test_browser.py) inject axe-core from node_modules;
# npm ci installs the exact version package-lock.json records.
NODE_DEPS := node_modules/.package-lock.json

.PHONY: setup site test serve check schema bench bench-quick attacks screenshots

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt -e .
	touch $@

$(NODE_DEPS): package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

site: setup
	$(BIN)/mkdocs build --strict

test: setup $(NODE_DEPS)
	$(BIN)/python -m pytest

serve: setup
	$(BIN)/mkdocs serve --dirty --livereload

check: setup
	$(BIN)/warta check

schema: setup
	$(BIN)/warta schema

# Benchmark (issue 5; bench/README.md): N = 100, 1,000 and 5,000 events,
# figures in bench/out/results.json. bench-quick is CI's N = 100 smoke run.
bench: setup
	$(BIN)/python bench/run.py --sizes 100 1000 5000 --serve-sizes 1000 5000

bench-quick: setup
	$(BIN)/python bench/run.py --quick

# Issue 12's kinds of attack, replayed on real builds (tools/attacks.py); prints the counts.
attacks: setup
	$(BIN)/python tools/attacks.py

# docs/screenshots/: both examples at 390 px and 1280 px (Debian's chromium).
screenshots: setup
	$(BIN)/python tools/screenshots.py
