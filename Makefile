# Two commands do all set-up on a fresh machine: `make demo` and `make test`.
# Everything installs into .venv from pinned versions in pyproject.toml.

PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
SHARED ?= ../shared
DB     ?= communique.db

.PHONY: install demo test test-fast check lint format typecheck bench clean

$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -c 'import sys; assert sys.version_info >= (3, 11), "communique needs Python >= 3.11"'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e ".[dev]"
	touch $(STAMP)

install: $(STAMP)

## demo: analyse the development reports into $(DB) (SQLite) and print a summary
demo: install
	$(BIN)/communique run $(SHARED)/eval/articles --db $(DB)

## test: run the test suite (real spaCy, SQLite, PostgreSQL, chromium, real files)
test: install
	bash scripts/install-system-deps.sh
	$(BIN)/pytest -q

## test-fast: the inner-loop subset: no PostgreSQL, browser or real-news evaluation gate
test-fast: install
	$(BIN)/pytest -q -x --ignore=tests/pg --ignore=tests/web --ignore=tests/test_eval_gate_real_news.py

lint: install
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/ruff check src tests benchmarks scripts

format: install
	$(BIN)/ruff format src tests benchmarks scripts
	$(BIN)/ruff check --fix src tests benchmarks scripts

typecheck: install
	$(BIN)/mypy

## check: format check, lint, types, tests — what to run before each commit
check: lint typecheck test

## bench: start-up, whole-run and per-stage cost, memory, and the speed-up of process and Ray workers
bench: install
	$(BIN)/python benchmarks/bench_engines.py --docs 200

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm .pytest_cache .mypy_cache .ruff_cache
