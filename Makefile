# Two commands: `make serve` / `make build` run the example site, `make test` runs the tests.
# Each target creates .venv on first use and installs openwork into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
STAMP := $(VENV)/.installed
AXE := tests/.node/node_modules/axe-core/axe.min.js

.PHONY: serve build build-zensical serve-zensical check test lint bench golden clean chromium

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

# --dirty: a save re-renders only the pages it changes (docs/guides/publishing.md).
serve: $(STAMP)
	$(BIN)/mkdocs serve --dirty

build: $(STAMP)
	$(BIN)/mkdocs build --strict

# The same site built by Zensical (docs/guides/zensical.md): openwork writes the pages into
# .openwork/build/, Zensical builds them, openwork adds the feeds.
build-zensical: $(STAMP)
	$(BIN)/openwork build --engine zensical

serve-zensical: $(STAMP)
	$(BIN)/openwork generate
	$(BIN)/openwork generate --watch & trap 'kill $$!' EXIT INT TERM; \
	  $(BIN)/zensical serve -f .openwork/build/mkdocs.yml

# The same verdict as `make build` on the content, without building: any problem fails.
check: $(STAMP)
	$(BIN)/openwork check --strict

test: $(STAMP) chromium $(AXE)
	$(BIN)/ruff check plugins tests $(wildcard benchmarks)
	$(BIN)/lint-imports --no-cache
	$(BIN)/python -m pytest

# The accessibility tests run axe-core, from the npm registry, in the browser.
$(AXE):
	npm install --silent --prefix tests/.node axe-core@4 --no-audit --no-fund

# The browser tests drive Debian's Chromium; install it when it is missing (as .ci/run does).
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  SUDO=$$([ "$$(id -u)" = 0 ] || echo sudo); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq chromium >/dev/null; }

lint: $(STAMP)
	$(BIN)/ruff check plugins tests $(wildcard benchmarks)
	$(BIN)/ruff format --check plugins tests $(wildcard benchmarks)

bench: $(STAMP)
	$(BIN)/python benchmarks/bench.py

golden: $(STAMP)
	OPENWORK_REGENERATE_GOLDEN=1 $(BIN)/python -m pytest -q $(wildcard tests/test_golden*.py)

clean:
	rm -rf site $(VENV)
