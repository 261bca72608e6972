# Two commands for a fresh machine with only python3 and make (see README.md):
#   make demo   creates .venv, installs the package and prints a follow-up report
#   make test   creates .venv with the dev extras and runs every check CI runs
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export HYPOTHESIS_PROFILE ?= ci
export NO_MKDOCS_2_WARNING := 1
# Every tool the checks use is pinned by constraints.txt (`make lock` refreshes it), also
# inside pip's isolated build environments, so what passes today passes tomorrow.
CONSTRAINTS := constraints.txt
export PIP_CONSTRAINT := $(abspath $(CONSTRAINTS))
MKDOCS_CONFIG ?= mkdocs.yml
SITE_DIR ?= site

.PHONY: demo test lint typecheck unit fuzz-short fuzz docs dist browser-check bench mutation lock clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.installed: pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(CONSTRAINTS) | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@ $(VENV)/.installed

# The main job: the Swedish follow-up report of a bundled example from its bundled
# (synthetic) follow-up data, computed for a fixed date so that it reads the same every run.
demo: $(VENV)/.installed
	$(BIN)/dua report --example hallefors-2015 --on 2017-12-31

lint: $(VENV)/.installed-dev
	$(BIN)/ruff check src tests benchmarks tools
	$(BIN)/ruff format --check src tests benchmarks tools
	$(BIN)/lint-imports --no-cache --no-logo

typecheck: $(VENV)/.installed-dev
	$(BIN)/mypy --strict src/dua

# The tests run in parallel (pytest-xdist): TEST_JOBS worker processes, one per CPU core by
# default (`auto`); `make unit TEST_JOBS=0` runs them in this one process, e.g. to debug with
# `--pdb`. `worksteal` hands a worker that is done part of another's queue, so that the few
# slow tests do not leave a core idle at the end. Only here: `make mutation` runs pytest
# itself, without xdist.
TEST_JOBS ?= auto
XDIST := -n $(TEST_JOBS) --dist worksteal

unit: $(VENV)/.installed-dev
	$(BIN)/pytest -q $(XDIST) src tests tools --ignore=tests/fuzz --ignore=tests/browser

# Fuzzing (tests/fuzz, issue 8): agreement files, every table reader and the commands,
# mutated. `fuzz-short` is the bounded, derandomised run of `make test` (under a minute on
# two cores); `fuzz` the long, randomised one (FUZZ_FACTOR times the examples, shrinking
# what fails), to run by hand or nightly. Both in parallel, as `unit`.
fuzz-short: $(VENV)/.installed-dev
	$(BIN)/pytest -q $(XDIST) tests/fuzz

fuzz: $(VENV)/.installed-dev
	HYPOTHESIS_PROFILE=fuzz $(BIN)/pytest -q $(XDIST) tests/fuzz

# Never silence this build: hiding its warnings would leave the strict mode unable to
# fail (tests/test_docs_build.py proves that a broken cross-reference fails this recipe).
docs: $(VENV)/.installed-dev
	$(BIN)/mkdocs build --strict --config-file $(MKDOCS_CONFIG) --site-dir $(SITE_DIR)

dist: $(VENV)/.installed-dev
	rm -rf dist
	$(BIN)/python -m build --outdir dist . > /dev/null
	$(BIN)/twine check --strict dist/*

test: lint typecheck unit docs dist fuzz-short

# The HTML report in a real browser (tests/browser, issue 12): `dua report --format html` on
# each example, loaded in headless Chromium from Debian's package `chromium` (DUA_CHROMIUM
# names another path), must draw, show its charts and log no console error. It fails,
# never skips, when Chromium is missing. CI (.ci/run) runs it after `make test`.
browser-check: $(VENV)/.installed-dev
	$(BIN)/pytest -q -p no:cacheprovider tests/browser

# Every benchmark in benchmarks/ at its default size (1 M rows or persons where it has a
# size), one after the other: each prints its figures beside their targets and baselines,
# `name: value = ratio× baseline (target …)  PASS|MISS` (docs/testing.md, "Benchmarks").
# A benchmark, not a test: a MISS does not fail the target, a crash does.
bench: $(VENV)/.installed-dev
	@for script in benchmarks/*.py; do \
	  echo "== $$script"; \
	  $(BIN)/python $$script || exit 1; \
	done

# Mutation testing of rules/, metrics/ and identifiers.py (docs/testing.md): slow, so not
# part of `make test`. MUTANTS narrows the run to mutant names (globs), e.g.
#   make mutation MUTANTS='dua.rules.kaa.*'
# A second run re-tests only the functions that changed since the last one. Hypothesis runs
# under the derandomised `ci` profile, so that a mutant's verdict does not depend on luck.
# MUTATION_TESTS narrows the tests to paths (tests/conftest.py deselects the others), e.g.
#   make mutation MUTANTS='dua.metrics.*' MUTATION_TESTS='tests/metrics tests/examples tests/io'
# With another choice, mutmut adds the stats of tests it has not seen and forgets those no
# longer chosen, but earlier verdicts stand until their mutants are named again (or
# `make clean`): widen the choice to re-run survivors against more tests by name.
MUTANTS ?=
MUTATION_JOBS ?= 2
MUTATION_TESTS ?=
# The Hypothesis profile is `ci` (fixed examples, as in `make test`), so that a mutant's
# verdict does not depend on the examples one run happens to draw.
mutation: $(VENV)/.installed-dev
	HYPOTHESIS_PROFILE=ci DUA_MUTATION_TESTS='$(MUTATION_TESTS)' \
	  $(BIN)/mutmut run --max-children $(MUTATION_JOBS) $(MUTANTS)
	$(BIN)/python tools/mutation_report.py

# Refresh constraints.txt: resolve the dev extra afresh in a throw-away venv and freeze it.
# Run it on purpose (e.g. monthly), then `make test`, and commit the new file.
lock:
	rm -rf .lock-venv
	env -u PIP_CONSTRAINT $(PYTHON) -m venv .lock-venv
	env -u PIP_CONSTRAINT .lock-venv/bin/python -m pip install --quiet --upgrade pip
	env -u PIP_CONSTRAINT .lock-venv/bin/python -m pip install --quiet -e '.[dev]'
	{ echo "# Pins for every development tool; made by 'make lock', used by every make target."; \
	  .lock-venv/bin/python -m pip freeze --all --exclude-editable; } > $(CONSTRAINTS).new
	mv $(CONSTRAINTS).new $(CONSTRAINTS)
	rm -rf .lock-venv

clean:
	rm -rf $(VENV) .lock-venv dist site mutants .mypy_cache .ruff_cache .pytest_cache .hypothesis
