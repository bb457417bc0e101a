# Targets match CI: `make test` is what .ci/run runs.
PYTHON ?= python3

.PHONY: install opa test lint typecheck rego-test check mutate contract contract-witnesses

install:
	$(PYTHON) -m pip install -e '.[dev]'

# OPA itself, for the parity tests (tools/install_opa.py: pinned, hash-checked, idempotent).
opa:
	$(PYTHON) tools/install_opa.py

test: opa
	$(PYTHON) -m pytest

rego-test:
	ethiq test --coverage

# Mutation testing of the Rego library (not part of `make test`): a stratified sample, the score and survivors.
MUTANTS ?= 200
SEED ?= 1
JOBS ?= 2
mutate:
	$(PYTHON) tools/mutate_rego.py --sample $(MUTANTS) --seed $(SEED) --jobs $(JOBS)

# The field contract with the pairs listed as not yet provable searched too: tells which may leave the list.
contract:
	ETHIQ_CONTRACT=full $(PYTHON) -m pytest tests/test_field_contract.py

lint:
	ruff check .
	ruff format --check engine cli ethiq

# mypy --strict on the package as installed (a real install into build/typecheck): the test that CI runs too.
typecheck:
	$(PYTHON) -m pytest -q -p no:cacheprovider tests/test_typecheck.py

check: lint typecheck test

# Where each documented pair was last shown to move, tried first by the field contract (an order, not a verdict).
contract-witnesses:
	rm -f .contract-witnesses.jsonl
	ETHIQ_CONTRACT_RECORD=$(CURDIR)/.contract-witnesses.jsonl $(PYTHON) -m pytest tests/test_field_contract.py -k moves_its_rules
	$(PYTHON) tools/contract_witnesses.py .contract-witnesses.jsonl && rm -f .contract-witnesses.jsonl
