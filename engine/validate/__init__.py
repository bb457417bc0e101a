"""Stage 2, validate: the JSON Schemas (draft-07) of every kind, built once, and the problems they find.

:mod:`.schema` loads and applies the published schemas with jsonschema's error model; :mod:`.fast` is the
set a run uses (references inlined, a compiled fast path that can only say "valid"); :mod:`.problems` turns
an item read into its stage and its problems.
"""

from .fast import bundled_schemas
from .problems import Stage, duplicate_problem, validate_item
from .schema import JUDGED_KINDS, KINDS, SchemaSet, SchemaViolation, load_schema

__all__ = [
    "JUDGED_KINDS",
    "KINDS",
    "SchemaSet",
    "SchemaViolation",
    "Stage",
    "bundled_schemas",
    "duplicate_problem",
    "load_schema",
    "validate_item",
]
