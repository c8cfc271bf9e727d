# The partnership-review research workbook — run `make help` for the targets.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
LOCK   := requirements.lock
# The development sets the theme tie-breaker learns from (never a test set). dev8 is left out: with its
# items the shipped corpus's theme accuracy fell 0.856 -> 0.847 (README, "Extracting and coding items").
EXAMPLE_SETS := dev dev2 dev3 dev4 dev5 dev6 dev7 dev8 dev9 dev10 dev11 dev12 dev13
NPM_DIR := .cache/npm
AXE_VERSION := 4.14.1

.DEFAULT_GOAL := help
.PHONY: help setup setup-dev run test lab brief evaluate examples benchmark lock clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

$(BIN)/python:
	@$(PYTHON) -c 'import sys; sys.exit("Python >= 3.11 is needed (found %s); set PYTHON=python3.11" % sys.version.split()[0]) if sys.version_info < (3, 11) else None'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(VENV)/.core: $(BIN)/python pyproject.toml $(LOCK)
	$(BIN)/pip install --quiet -c $(LOCK) -e .
	@touch $@

$(VENV)/.dev: $(VENV)/.core
	$(BIN)/pip install --quiet -c $(LOCK) -e ".[dev,scale]"
	@touch $@

setup: $(VENV)/.core ## create .venv and install the locked dependencies and the package
setup-dev: $(VENV)/.dev

run: setup ## run the whole workbook on data/raw: tables in data/processed, briefing in reports/
	$(BIN)/python -m helpers run

brief: setup ## one council's briefing: make brief COUNCIL="Southwark Council"
	$(BIN)/python -m helpers brief --council "$(COUNCIL)"

$(NPM_DIR)/node_modules/axe-core/axe.min.js:
	@if command -v npm >/dev/null 2>&1; then npm install --silent --no-save --no-audit --no-fund --prefix $(NPM_DIR) axe-core@$(AXE_VERSION); \
	else echo "npm not found: the browser accessibility test will be skipped"; fi

test: setup-dev $(NPM_DIR)/node_modules/axe-core/axe.min.js ## install the test tools and run the test suite (notebooks included)
	$(BIN)/python -m pytest

evaluate: setup ## measure extraction and coding on the held-out sets coded by someone else (benchmarks/results/heldout.md)
	$(BIN)/python -m helpers evaluate $(sort $(dir $(wildcard data/heldout/*/items_gold.csv))) --out benchmarks/results/heldout.md

examples: setup ## rebuild the theme tie-breaker's labelled examples from the development sets (never the test sets)
	$(BIN)/python -m helpers examples $(addprefix data/heldout/,$(EXAMPLE_SETS)) --out src/helpers/data/theme_examples.csv

benchmark: setup-dev ## the scale benchmarks (slow): writes benchmarks/RESULTS.md; SIZES="1000 10000" to choose
	$(BIN)/python benchmarks/bench_pipeline.py --sizes $(or $(SIZES),1000 10000 100000)
	$(BIN)/python benchmarks/bench_cluster.py

lab: setup ## open JupyterLab on the notebooks with the workbook's kernel
	$(BIN)/pip install --quiet -c $(LOCK) -e ".[lab]"
	$(BIN)/jupyter lab notebooks

lock: ## rebuild requirements.lock from a fresh venv with every extra but embeddings
	rm -rf .lockenv && $(PYTHON) -m venv .lockenv && .lockenv/bin/pip install --quiet --upgrade pip
	.lockenv/bin/pip install --quiet -e ".[dev,lab,scale]"
	.lockenv/bin/pip freeze --exclude-editable | grep -v '^-e ' > $(LOCK)
	rm -rf .lockenv

clean: ## delete generated tables and reports (data/raw and data/annotations are kept)
	rm -rf data/processed/* reports/*
