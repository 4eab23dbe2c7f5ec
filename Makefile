# The two commands: `make run` serves the demo site, `make test` runs every test.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test lint e2e bench install clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

# Stamps make a second `make run` or `make test` skip installing when nothing changed.
$(VENV)/.installed-run: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	touch $@

$(VENV)/.installed-test: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,e2e,bench,model]"
	touch $@ $(VENV)/.installed-run

install: $(VENV)/.installed-run

run: $(VENV)/.installed-run
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	$(BIN)/python manage.py runserver $(HOST):$(PORT)

test: $(VENV)/.installed-test
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(VENV)/.installed-test
	$(BIN)/ruff check .
	$(BIN)/lint-imports

e2e: $(VENV)/.installed-test
	$(BIN)/python -m pytest -m e2e $(PYTEST_ARGS)

# bench/chat.py needs Redis at 127.0.0.1:6379; bench/bare_relay.py is its baseline, not a bench.
BENCHES := bench/screening.py bench/forums.py bench/chat.py

bench: $(VENV)/.installed-test
	@for script in $(BENCHES); do echo "== $$script"; $(BIN)/python $$script || exit 1; done

clean:
	rm -rf $(VENV) staticfiles .pytest_cache .ruff_cache
