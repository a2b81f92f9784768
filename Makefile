# Two commands on a fresh machine: `make demo` and `make test`. Both create .venv and install
# everything the project needs (Python packages pinned in requirements.lock, Debian packages with apt-get).

SHELL := /bin/bash
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SAMPLES := ../shared/samples/syria-assad
OUT := out
STAMP := $(VENV)/.installed
SYSTEM_STAMP := $(VENV)/.system-packages
# Debian packages: Perl's XML::DOM for tilse's ROUGE-1.5.5; Chromium for the browser tests.
DEBIAN_PACKAGES := libxml-dom-perl chromium

.PHONY: demo test lint typecheck unit bench install system clean

install: $(STAMP)

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c requirements.lock -e ".[bench,dev]"
	touch $@

system: $(SYSTEM_STAMP)

$(SYSTEM_STAMP): | $(STAMP)
	@missing=""; for p in $(DEBIAN_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing >/dev/null; \
	fi
	touch $@

demo: $(STAMP)
	@mkdir -p $(OUT)
	$(BIN)/storyline summarize $(SAMPLES) --format md --quiet > $(OUT)/summary.md
	@cat $(OUT)/summary.md
	$(BIN)/storyline timeline $(SAMPLES) --per-date 2 --format md --quiet > $(OUT)/timeline.md
	@cat $(OUT)/timeline.md
	@# The CNN sample states no date; given its date (Wed 17 Aug 2011), "on Thursday" lands on 18 Aug.
	$(BIN)/storyline timeline $(SAMPLES)/000_c1571f36e716054d.txt --published 2011-08-17 --format md --quiet > $(OUT)/timeline-cnn.md
	$(BIN)/storyline report $(SAMPLES) -o $(OUT)/brief.html --quiet
	@echo "the brief: $(abspath $(OUT))/brief.html (summary: $(OUT)/summary.md, timeline: $(OUT)/timeline.md, $(OUT)/timeline-cnn.md)"

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	@# import contracts (pyproject.toml, [tool.importlinter]): layers, runtime free of training/evaluation, no cycles
	$(BIN)/lint-imports --no-logo

typecheck: $(STAMP)
	$(BIN)/mypy

unit: $(STAMP) $(SYSTEM_STAMP)
	$(BIN)/python -m pytest -q

test: lint typecheck unit

bench: $(STAMP) $(SYSTEM_STAMP)
	@for script in benchmarks/*.py; do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) $(OUT) .pytest_cache .mypy_cache .ruff_cache .import_linter_cache
