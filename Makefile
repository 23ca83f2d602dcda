# Plansite: every command a board or a maintainer needs. `make help` lists them.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
DATA   ?= data
export PLANSITE_DATA := $(DATA)
export NO_MKDOCS_2_WARNING := 1

.PHONY: help serve build check test lint typecheck unit gates bench deploy schemas clean

help:
	@echo "make serve    preview the site at http://127.0.0.1:8000 (rebuilds on every edit)"
	@echo "make build    build the site into site/ (strict)"
	@echo "make check    check data/ (or DATA=<folder>) and list every problem"
	@echo "make test     run every test (installs what the tests need)"
	@echo "make bench    measure build time against a static baseline"
	@echo "make deploy   publish with mkdocs gh-deploy (only when make check passes)"

$(VENV)/.installed: requirements.txt requirements-dev.txt
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet -r requirements-dev.txt
	touch $@

serve: $(VENV)/.installed
	$(VENV)/bin/mkdocs serve

build: $(VENV)/.installed
	$(VENV)/bin/mkdocs build --strict

check: $(VENV)/.installed
	$(PY) -m macros.check $(DATA)

schemas: $(VENV)/.installed
	$(PY) -m macros.schemas data/schemas

lint: $(VENV)/.installed
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(VENV)/.installed
	$(VENV)/bin/mypy macros

unit: $(VENV)/.installed
	$(VENV)/bin/pytest -q tests

test: lint typecheck check build unit

bench: $(VENV)/.installed
	$(PY) scripts/bench.py

deploy: check
	$(VENV)/bin/mkdocs gh-deploy --strict

clean:
	rm -rf site .pytest_cache .mypy_cache .ruff_cache
