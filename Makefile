# The two set-up commands (see README): `make demo` and `make test`.
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test clean

$(STAMP): pyproject.toml
	python3 -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[test,eval]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/heard demo

test: $(STAMP)
	$(BIN)/python -m pytest

clean:
	rm -rf $(VENV) heard.db
