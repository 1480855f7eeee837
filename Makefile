# Sealroom: `make demo` (set up + run the pipeline on the samples), `make test` (set up + tests).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed-stamp
export SSL_CERT_FILE ?= $(wildcard /etc/ssl/certs/ca-certificates.crt)

.PHONY: setup demo test lint lock audit bench-e2e samples clean

setup: $(STAMP)

$(STAMP): pyproject.toml requirements.lock requirements-bootstrap.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check --require-hashes \
	  -r requirements-bootstrap.txt
	$(BIN)/uv pip install -q --python $(BIN)/python --require-hashes -r requirements.lock
	$(BIN)/uv pip install -q --python $(BIN)/python --no-deps -e .
	touch $(STAMP)

# Re-resolve the locked, hash-pinned dependency set after changing pyproject.toml.
lock:
	$(BIN)/uv pip compile -q pyproject.toml --extra dev --generate-hashes \
	  --python-version 3.11 -o requirements.lock
	$(BIN)/uv pip compile -q requirements-bootstrap.in --generate-hashes \
	  --python-version 3.11 -o requirements-bootstrap.txt

# Known vulnerabilities in the locked set (PyPI's advisory service); says so when unreachable.
audit: $(STAMP)
	$(BIN)/python scripts/audit_deps.py requirements.lock

demo: $(STAMP)
	$(BIN)/sealroom demo

# Two pytest-xdist workers, each test file wholly on one of them (a file's module fixtures,
# e.g. its moto server or Prefect cluster, stay in one process): much of the suite waits on
# subprocesses and servers, so two workers save minutes even on CI's two cores. Files go out
# in collection order (--no-loadscope-reorder): the few-test, minutes-long files under
# tests/faults and tests/flows start first instead of last (xdist's default sorts by test
# count), so neither worker is left with them at the end.
test: $(STAMP)
	$(BIN)/pytest -n 2 --dist loadfile --no-loadscope-reorder

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/mypy models config intake redaction formats vault review audit stages composition flows cli workbench

samples: $(STAMP)
	$(BIN)/python scripts/make_samples.py

bench-e2e: $(STAMP)
	$(BIN)/python bench/bench_e2e.py --docs 1000

clean:
	rm -rf .sealroom .pytest_cache .mypy_cache .ruff_cache
