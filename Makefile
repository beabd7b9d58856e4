# Quick start: `make run` (the app on a terminal, the summary when piped) and `make test`.
# Recipes are silent and set-up messages go to stderr, so `make run | less` shows only the summary.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test clean

$(STAMP): pyproject.toml
	@echo "setting up $(VENV) (once)..." >&2
	@$(PYTHON) -m venv $(VENV)
	@$(BIN)/python -m pip install --quiet --upgrade pip >&2
	@$(BIN)/python -m pip install --quiet -e '.[test]' >&2
	@touch $(STAMP)

run: $(STAMP)
	@$(BIN)/newsdigest

test: $(STAMP)
	@$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build *.egg-info
