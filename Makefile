# Warta's everyday commands. `make site` and `make test` set everything up
# from nothing (a virtualenv in .venv with the pinned requirements) first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
# Material 9.8 prints an end-of-life banner on every run; the pin is deliberate.
export NO_MKDOCS_2_WARNING := 1
export DISABLE_MKDOCS_2_WARNING := true

.PHONY: setup site test serve check schema

setup: $(VENV)/.installed

$(VENV)/.installed: requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.txt -e .
	touch $@

site: setup
	$(BIN)/mkdocs build --strict

test: setup
	$(BIN)/python -m pytest

serve: setup
	$(BIN)/mkdocs serve --livereload

check: setup
	$(BIN)/warta check

schema: setup
	$(BIN)/warta schema
