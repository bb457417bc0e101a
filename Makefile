# Targets match CI: `make test` is what .ci/run runs.
PYTHON ?= python3

.PHONY: install test lint typecheck rego-test check

install:
	$(PYTHON) -m pip install -e '.[dev]'

test:
	$(PYTHON) -m pytest

rego-test:
	ethiq test --coverage

lint:
	ruff check .
	ruff format --check engine cli ethiq

typecheck:
	mypy

check: lint typecheck test
