# Targets match CI: `make test` is what .ci/run runs.
PYTHON ?= python3

.PHONY: install opa test lint typecheck rego-test check

install:
	$(PYTHON) -m pip install -e '.[dev]'

# OPA itself, for the parity tests (tools/install_opa.py: pinned, hash-checked, idempotent).
opa:
	$(PYTHON) tools/install_opa.py

test: opa
	$(PYTHON) -m pytest

rego-test:
	ethiq test --coverage

lint:
	ruff check .
	ruff format --check engine cli ethiq

# mypy cannot follow setuptools' package-dir mapping (ethiq.engine -> engine/), so it checks a tree of links.
typecheck:
	rm -rf build/typecheck && mkdir -p build/typecheck/ethiq
	for f in ethiq/*.py ethiq/py.typed; do ln -s ../../../$$f build/typecheck/ethiq/; done
	ln -s ../../../engine build/typecheck/ethiq/engine && ln -s ../../../cli build/typecheck/ethiq/cli
	cd build/typecheck && mypy --strict -p ethiq

check: lint typecheck test
