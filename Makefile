# Quick start: `make demo` (set up, ingest the sample corpus, print the report) and `make test`.
PYTHON ?= python3
VENV ?= .venv
CORPUS ?= ../shared/corpus/seeds
DB ?= rashomon.db
BIN := $(VENV)/bin

.PHONY: demo test install lint bench clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet -e .
	@touch $@

$(VENV)/.installed-test: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[test]'
	@touch $@

install: $(VENV)/.installed

demo: $(VENV)/.installed
	$(BIN)/rashomon ingest "$(CORPUS)" --db "$(DB)"
	$(BIN)/rashomon report --db "$(DB)"
	@echo
	@echo "Open the workbench: $(BIN)/rashomon serve --db $(DB)   (then http://127.0.0.1:8765/)"

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest -q

lint: $(VENV)/.installed-test
	$(BIN)/ruff check src tests bench
	$(BIN)/ruff format --check src tests bench

$(VENV)/.installed-bench: pyproject.toml $(VENV)/.installed
	$(BIN)/pip install --quiet -e '.[bench]'
	@touch $@

bench: $(VENV)/.installed-bench
	$(BIN)/python bench/throughput.py
	$(BIN)/python bench/entities_re3d.py
	$(BIN)/python bench/geo_gwn.py
	$(BIN)/python bench/quotes_polnear.py
	$(BIN)/python bench/numbers_newsquant.py
	$(BIN)/python bench/events_plover.py
	$(BIN)/python bench/events_location.py
	$(BIN)/python bench/stories_ecb.py
	$(BIN)/python bench/incidents_fakes.py

clean:
	rm -rf $(VENV) $(DB) $(DB)-wal $(DB)-shm
