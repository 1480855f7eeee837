# Sealroom: `make demo` (set up + run the pipeline on the samples), `make test` (set up + tests).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export SSL_CERT_FILE ?= $(wildcard /etc/ssl/certs/ca-certificates.crt)

.PHONY: setup demo test lint bench bench-e2e samples clean

setup: $(STAMP)

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check uv
	$(BIN)/uv pip install -q --python $(BIN)/python -e '.[dev]' \
	  || $(BIN)/python -m pip install -q -e '.[dev]'
	touch $(STAMP)

demo: $(STAMP)
	$(BIN)/sealroom demo

test: $(STAMP)
	$(BIN)/pytest

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy models config intake redaction formats vault review audit stages composition flows cli workbench

samples: $(STAMP)
	$(BIN)/python scripts/make_samples.py

bench-e2e: $(STAMP)
	$(BIN)/python bench/bench_e2e.py --docs 1000

clean:
	rm -rf .sealroom .pytest_cache .mypy_cache .ruff_cache
