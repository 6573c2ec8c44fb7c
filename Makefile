# Two commands: `make serve` / `make build` run the example site, `make test` runs the tests.
# Each target creates .venv on first use and installs openwork into it.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
STAMP := $(VENV)/.installed

.PHONY: serve build build-zensical serve-zensical test lint bench golden clean chromium

$(STAMP): pyproject.toml
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

serve: $(STAMP)
	$(BIN)/mkdocs serve

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

test: $(STAMP) chromium
	$(BIN)/ruff check plugins tests $(wildcard benchmarks)
	$(BIN)/python -m pytest

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
