# Quick start: `make run` (the app on a terminal, the summary when piped) and `make test`.
# Recipes are silent and set-up messages go to stderr, so `make run | less` shows only the summary.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test clean

# pip's and setuptools' own chatter (the "Editable installation" banner, index warnings) goes to
# $(VENV)/install.log, shown only when the installation fails.
$(STAMP): pyproject.toml
	@echo "setting up $(VENV) (once)..." >&2
	@$(PYTHON) -m venv $(VENV)
	@{ $(BIN)/python -m pip install --quiet --upgrade pip && \
	   $(BIN)/python -m pip install --quiet -e '.[test]'; } > $(VENV)/install.log 2>&1 || \
	   { cat $(VENV)/install.log >&2; echo "setting up $(VENV) failed (log: $(VENV)/install.log)" >&2; exit 1; }
	@touch $(STAMP)

run: $(STAMP)
	@$(BIN)/newsdigest

test: $(STAMP)
	@$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build *.egg-info
