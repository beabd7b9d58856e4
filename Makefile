# Quick start: `make run` (the app on a terminal, the summary when piped) and `make test`.
# Recipes are silent and set-up messages go to stderr, so `make run | less` shows only the summary.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test clean bytecode

# pip's and setuptools' own chatter (the "Editable installation" banner, index warnings) goes to
# $(VENV)/install.log, shown only when the installation fails.
$(STAMP): pyproject.toml
	@echo "setting up $(VENV) (once)..." >&2
	@$(PYTHON) -m venv $(VENV)
	@{ $(BIN)/python -m pip install --quiet --upgrade pip && \
	   $(BIN)/python -m pip install --quiet -e '.[test]'; } > $(VENV)/install.log 2>&1 || \
	   { cat $(VENV)/install.log >&2; echo "setting up $(VENV) failed (log: $(VENV)/install.log)" >&2; exit 1; }
	@touch $(STAMP)

# The project's bytecode, written ahead (as pip does for a regular install), so that every run reads
# it even where PYTHONDONTWRITEBYTECODE is set: compiling the modules anew costs 50 ms a run.
bytecode: $(STAMP)
	@$(BIN)/python -m compileall -q summarizer tui > /dev/null

run: bytecode
	@$(BIN)/newsdigest

test: $(STAMP)
	@$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) build *.egg-info
