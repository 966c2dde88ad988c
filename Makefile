# One venv, installed from the lock file only.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
# Pagefind, which indexes the built site for /soeg/, from the npm registry (package-lock.json).
NODE_STAMP := node_modules/.package-lock.json

.PHONY: setup site test lint typecheck unit node-deps browser-deps test-deps golden bench-validate bench-build bench-search serve lock clean

$(STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --require-hashes --no-deps -r requirements.lock
	$(BIN)/python -m pip install --quiet --no-deps --no-build-isolation -e .
	touch $(STAMP)

$(NODE_STAMP): package.json package-lock.json | node-deps
	npm ci --ignore-scripts --no-audit --no-fund --loglevel=error
	touch $(NODE_STAMP)

## Node.js and npm, for Pagefind (root installs Debian's packages when missing).
node-deps:
	@command -v npm >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null; \
	  else echo "Install Node.js and npm: Pagefind, the site's search, comes from the npm registry." >&2; exit 1; fi; }

setup: $(STAMP) $(NODE_STAMP)

## Validate the records and build the public site into site/; then say how to look at it.
site: $(STAMP) $(NODE_STAMP)
	$(BIN)/portfolio build
	@echo "Se sitet med 'make serve' på http://127.0.0.1:8000/ – mappen site/ kan ikke åbnes"
	@echo "direkte fra disken: dens adresser er mapper, og søgningen henter sit indeks over http."

## Lint, type-check and run every test, browser tests included.
test: $(STAMP) $(NODE_STAMP) test-deps
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/portfolio validate
	$(BIN)/pytest -n 2

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

unit: $(STAMP) $(NODE_STAMP)
	$(BIN)/pytest -n 2 -m "not browser"

## Debian's Chromium for the browser tests (root installs it when missing).
browser-deps:
	@command -v chromium >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null; \
	  else echo "Install Debian's chromium package to run the browser tests." >&2; exit 1; fi; }

## The tools the tests run besides Python: Chromium and jq (the workflows filter gh's output with it).
test-deps: browser-deps
	@command -v jq >/dev/null 2>&1 || { \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq jq >/dev/null; \
	  else echo "Install Debian's jq package to run the workflow tests." >&2; exit 1; fi; }

## Regenerate the golden files of the rendered pages after an intended change.
golden: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m tests.golden

bench-validate: $(STAMP)
	$(BIN)/python -m bench.validate

## Time portfolio build by stage beside the bare engines, and the preview, at 1,000 ideas.
bench-build: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m bench.build

## Pagefind search in Chromium at 10,000 ideas: three queries beside a page without search, and the goals.
bench-search: $(STAMP) $(NODE_STAMP) browser-deps
	$(BIN)/python -m bench.search

## Preview the site on http://127.0.0.1:8000/; a saved record shows on its page at once.
serve: $(STAMP) $(NODE_STAMP)
	$(BIN)/portfolio serve

## Re-pin every dependency after editing requirements.in or package.json.
lock:
	npm install --package-lock-only --ignore-scripts --no-audit --no-fund
	uv pip compile requirements.in --generate-hashes --python-version 3.11 \
	  --python-platform x86_64-unknown-linux-gnu --custom-compile-command "make lock" -o requirements.lock

clean:
	rm -rf $(VENV) node_modules site .pytest_cache .mypy_cache .ruff_cache
