# Plansite: every command a board or a maintainer needs. `make help` lists them.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
# the board's folder is named once, as `data_dir: !ENV [PLANSITE_DATA, <folder>]` in mkdocs.yml
# (make new-board DATA=<folder> names it there); DATA=<folder> or PLANSITE_DATA name another for
# one command. Only then is PLANSITE_DATA set: the engine reads mkdocs.yml's folder itself.
ifdef DATA
export PLANSITE_DATA := $(DATA)
endif
# the folder `make check`, `make import` and `make export` read (they do not read mkdocs.yml);
# plansite/read/board_folder.py is standard library only: it runs before .venv exists
BOARD := $(or $(PLANSITE_DATA),$(shell $(PYTHON) -m plansite.read.board_folder),data)
export NO_MKDOCS_2_WARNING := 1
# Python's default, even where the shell turns it off: the tests start hundreds of Python
# processes, and each would compile the package from source again (about 0.4 s a build)
export PYTHONDONTWRITEBYTECODE :=

.PHONY: import export help new-board serve build check test quick lint typecheck unit gates test-tools bench deploy schemas clean

help:
	@echo "make new-board  start a new board's data folder (NAME=, AREA=, URL=, DATA=<folder>);"
	@echo "              DATA= names it in mkdocs.yml, and every command below then uses it"
	@echo "make serve    preview the site at http://127.0.0.1:8000 (rewrites the pages each edit changes)"
	@echo "make build    build the site into site/ (strict)"
	@echo "make check    check the board's folder ($(BOARD); DATA=<folder>: another) and list every problem"
	@echo "make import FILE=plan.docx PLAN=<id>   write $(BOARD)/plans/<id>.yml from a Word, Excel or CSV plan"
	@echo "              (FORCE=1 replaces it, PLAN_MAP=map.yml names columns, SHEET=name picks a sheet)"
	@echo "make export PLAN=<id>   write site/downloads/<id>.docx, the plan as a Word document"
	@echo "make test     run every test (installs what the tests need)"
	@echo "make quick    the fast tests only: no site builds, LibreOffice or Chromium (under 2 minutes)"
	@echo "make gates    run the quality gates only (accessibility, HTML, privacy, links, ...)"
	@echo "make bench    time first and warm builds (example board, 1,200 and 12,000 actions)"
	@echo "make deploy   publish with properdocs gh-deploy (only when make check passes)"

# Each target below is a thin wrapper over the `plansite` command (plansite/cli.py), which
# `pip install .` installs on its own too.
# What a build needs (requirements.txt) and the project itself (`pip install -e .`): the site
# engine, ProperDocs (the maintained continuation of MkDocs 1.6), finds the `plansite` plugin by
# the `mkdocs.plugins` entry point pyproject.toml declares. `make build` and `make serve` stop
# here; the tests, linters and the bench add requirements-dev.txt. The engine runs as
# `python -m properdocs`, so the plugin's code is always this folder's plansite/ (several checkouts
# may share one environment, whose editable install points at one of them).
# (`-f <this folder>/mkdocs.yml`: ProperDocs' own name for the file is properdocs.yml; both engines
# read this one. Named by its full path, as the engines name the file they find themselves, so
# the paths the build derives from it, the kept templates' keys among them, stay the same.)
ENGINE := $(PY) -m properdocs
PLANSITE := $(PY) -m plansite
# One pip run installs the requirements and the project together (one resolve): from a fresh
# clone, pip is most of `make test`'s set-up. (pip is upgraded first: with the venv's own, 23.2
# with Python 3.11, one fresh-clone install took 500 s at a load of 11, against about 100 s.)
# --no-compile: pip would compile every installed module (about 20 of a fresh clone's 45 s of
# pip); Python compiles, and keeps, those a command imports the first time it imports them.
$(VENV)/.installed: requirements.txt pyproject.toml
	bash scripts/install-pdf-libs.sh
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --upgrade pip
	$(VENV)/bin/pip install --quiet --no-compile -r requirements.txt -e .
	touch $@

# From nothing (a fresh clone), the build's requirements come in the same pip run as these
# (requirements-dev.txt names requirements.txt), and .installed is marked done with it.
$(VENV)/.installed-dev: requirements-dev.txt requirements.txt pyproject.toml
	bash scripts/install-pdf-libs.sh
	test -x $(PY) || { $(PYTHON) -m venv $(VENV) && $(VENV)/bin/pip install --quiet --upgrade pip; }
	$(VENV)/bin/pip install --quiet --no-compile -r requirements-dev.txt -e .
	touch $(VENV)/.installed $@

# asks for what is not given; never overwrites an existing board.yml
new-board: $(VENV)/.installed
	$(PLANSITE) new-board --data "$(BOARD)" --config mkdocs.yml --name "$(NAME)" --area "$(AREA)" --url "$(URL)"

# --dirty: a rebuild rewrites only the pages an edit changed (plansite/engine/preview.py); an edit to the
# menu (a title, a new priority) still rebuilds every page
serve: $(VENV)/.installed
	$(PLANSITE) serve --config "$(CURDIR)/mkdocs.yml"

build: $(VENV)/.installed
	$(PLANSITE) build --config "$(CURDIR)/mkdocs.yml"

check: $(VENV)/.installed
	$(PLANSITE) check $(BOARD)

import: $(VENV)/.installed
	@test -n "$(FILE)" -a -n "$(PLAN)" || { echo "usage: make import FILE=<plan.docx|plan.xlsx|plan.csv> PLAN=<id> [FORCE=1] [PLAN_MAP=map.yml] [SHEET=name]"; exit 2; }
	$(PLANSITE) import "$(FILE)" "$(PLAN)" --data "$(BOARD)" $(if $(FORCE),--force) $(if $(PLAN_MAP),--map "$(PLAN_MAP)") $(if $(SHEET),--sheet "$(SHEET)")

export: $(VENV)/.installed
	@test -n "$(PLAN)" || { echo "usage: make export PLAN=<id>"; exit 2; }
	$(PLANSITE) export --data "$(BOARD)" -- "$(PLAN)"

schemas: $(VENV)/.installed
	$(PY) -m plansite.schemas data/schemas

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

typecheck: $(VENV)/.installed-dev
	$(VENV)/bin/mypy plansite

# every test, the quality gates (tests/gates/) included: they need Chromium and the Nu Html Checker.
# -n auto: one pytest-xdist worker a core; each test module runs whole on one worker (its
# fixtures are made once) and each site is built once for all workers (tests/conftest.py)
unit: $(VENV)/.installed-dev test-tools
	$(VENV)/bin/pytest -q -n auto tests

# the inner loop: every test that neither builds a site nor runs LibreOffice or Chromium (the
# `slow` marker, tests/conftest.py); `make test` still runs everything
quick: $(VENV)/.installed-dev
	$(VENV)/bin/pytest -q -n auto -m "not slow" tests

# the quality gates alone: accessibility, valid HTML, privacy, injection, links, determinism, publishing
gates: $(VENV)/.installed-dev test-tools
	$(VENV)/bin/pytest -q -n auto tests/gates

test-tools:
	bash scripts/install-test-tools.sh

# The test tools (apt, npm) install beside pip; then lint, typecheck, `check` and the tests run
# side by side (-j): ruff, mypy and `check` are single-threaded and short, and the tests build
# the example site themselves (`example_site`, a strict build of data/) on one worker while
# the other runs a module that does not need it. Another board (DATA=) is built beside them
# too. Any of them failing fails `make test`.
# (install-pdf-libs.sh first, alone: two apt-get runs at once would fail on dpkg's lock)
test:
	bash scripts/install-pdf-libs.sh
	$(MAKE) --no-print-directory -j2 $(VENV)/.installed-dev test-tools
	$(MAKE) --no-print-directory -j4 lint typecheck check unit $(if $(filter data,$(BOARD)),,build)

# The bench times builds, not Python compiling the modules a first build imports (pip installs
# without compiling them): every module is compiled first, as pip would have.
bench: $(VENV)/.installed-dev
	$(PY) -m compileall -q -j0 $(VENV)/lib plansite scripts > /dev/null
	$(PY) scripts/bench.py --table  # issue 26: the example board, 1,200 and 12,000 actions, from an empty cache

deploy: check
	$(ENGINE) gh-deploy --strict -f "$(CURDIR)/mkdocs.yml"

clean:
	rm -rf site .site.plansite-*.part .cache .pytest_cache .mypy_cache .ruff_cache
