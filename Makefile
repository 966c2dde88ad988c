# One venv, installed from the lock file only.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed

.PHONY: setup site test lint typecheck unit browser-deps golden bench-validate bench-build bench-search serve lock clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

setup: $(STAMP)

## Validate the records and build the public site into site/.
site: $(STAMP)
	$(BIN)/portfolio build

## Lint, type-check and run every test, browser tests included.
test: $(STAMP) browser-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/portfolio validate
	$(BIN)/pytest -n 2

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/pytest -n 2 -m "not browser"

## Debian's Chromium for the browser tests (root installs it when missing).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "Install Debian's chromium package to run the browser tests." >&2; exit 1; fi; }

## Regenerate the golden files of the rendered pages after an intended change.
golden: $(STAMP)
	$(BIN)/python -m tests.golden

bench-validate: $(STAMP)
	$(BIN)/python -m bench.validate

bench-build: $(STAMP)
	$(BIN)/python -m bench.build

## Pagefind search in Chromium at 1,000 and 10,000 ideas, beside Material's former lunr search.
bench-search: $(STAMP) browser-deps
	$(BIN)/python -m bench.search

serve: $(STAMP)
	$(BIN)/portfolio serve

## Re-pin every dependency after editing requirements.in.
lock:
	uv pip compile requirements.in --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-unknown-linux-gnu --custom-compile-command "make lock" -o requirements.lock

clean:
	rm -rf $(VENV) site .pytest_cache .mypy_cache .ruff_cache
