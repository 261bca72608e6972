# Two commands for a fresh machine with only python3 and make (see README.md):
#   make demo   creates .venv, installs the package and prints a follow-up report
#   make test   creates .venv with the dev extras and runs every check CI runs
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export HYPOTHESIS_PROFILE ?= ci
export NO_MKDOCS_2_WARNING := 1

.PHONY: demo test lint typecheck unit docs dist bench mutation clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

# The main job: the Swedish follow-up report of a bundled example from its bundled
# (synthetic) follow-up data, computed for a fixed date so that it reads the same every run.
demo: $(VENV)/.installed
	$(BIN)/dua report --example hallefors-2015 --on 2017-12-31

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy --strict src/dua

unit: $(VENV)/.installed-dev
	$(BIN)/pytest -q src tests tools

docs: $(VENV)/.installed-dev
	$(BIN)/mkdocs build --strict --quiet --site-dir site

dist: $(VENV)/.installed-dev
	rm -rf dist
	$(BIN)/python -m build --outdir dist . > /dev/null
	$(BIN)/twine check --strict dist/*

test: lint typecheck unit docs dist

bench: $(VENV)/.installed-dev
	@for script in benchmarks/*.py; do $(BIN)/python $$script; done

# Mutation testing of rules/, metrics/ and identifiers.py (docs/testing.md): slow, so not
# part of `make test`. MUTANTS narrows the run to mutant names (globs), e.g.
#   make mutation MUTANTS='dua.rules.kaa.*'
# A second run re-tests only the functions that changed since the last one.
MUTANTS ?=
MUTATION_JOBS ?= 2
mutation: $(VENV)/.installed-dev
	$(BIN)/mutmut run --max-children $(MUTATION_JOBS) $(MUTANTS)
	$(BIN)/python tools/mutation_report.py

clean:
	rm -rf $(VENV) dist site mutants .mypy_cache .ruff_cache .pytest_cache .hypothesis
