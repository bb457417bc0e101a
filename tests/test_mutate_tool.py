"""tools/mutate_rego.py without running a mutant: which rules read a change, and what a sample holds."""

from __future__ import annotations

from pathlib import Path

from conftest import ROOT, load_script

tool = load_script(ROOT / "tools" / "mutate_rego.py", "ethiq_mutate_rego")

LIB = """package ethiq.lib.things

import data.ethiq.lib.facts

# Read by the deny rule only.
strict(x) if {
	x > 3
	facts.present(x)
}

# Read by the warn rule only.
gentle(x) if {
	x > 1
}

# Read by no rule.
unread := {"a", "b"}
"""

RULES = """package ethiq.rules.thing

import data.ethiq.lib.things

# METADATA
# custom:
#   id: THG-001
#   severity: block
deny contains finding if {
	things.strict(input.document.n)
	finding := {"rule": "THG-001"}
}

# METADATA
# custom:
#   id: THG-002
#   severity: warn
warn contains finding if {
	things.gentle(input.document.n)
	finding := _made("THG-002")
}

_made(id) := {"rule": id}
"""


def _tree(tmp_path: Path) -> list[Path]:
    (tmp_path / "lib").mkdir()
    (tmp_path / "rules").mkdir()
    (tmp_path / "lib" / "things.rego").write_text(LIB, encoding="utf-8")
    (tmp_path / "rules" / "thing.rego").write_text(RULES, encoding="utf-8")
    return [tmp_path / "lib" / "things.rego", tmp_path / "rules" / "thing.rego"]


def _mutant(file: str, text: str, source: str) -> object:
    line = source.splitlines().index(text) + 1
    return tool.Mutant(file, line, "delete", text, "", 0)


def test_a_change_is_blocking_when_a_deny_rule_reads_it(tmp_path: Path) -> None:
    reach = tool.Reach.of(_tree(tmp_path), root=tmp_path)
    strict = _mutant("lib/things.rego", "\tx > 3", LIB)
    assert reach.rules(strict) == ["deny:THG-001"]
    assert reach.blocking(strict)


def test_a_change_only_a_warn_rule_reads_is_not_blocking(tmp_path: Path) -> None:
    reach = tool.Reach.of(_tree(tmp_path), root=tmp_path)
    gentle = _mutant("lib/things.rego", "\tx > 1", LIB)
    assert reach.rules(gentle) == ["warn:THG-002"]
    assert not reach.blocking(gentle)
    made = _mutant("rules/thing.rego", '_made(id) := {"rule": id}', RULES)
    assert reach.rules(made) == ["warn:THG-002"]
    assert not reach.blocking(made)


def test_a_change_no_rule_is_known_to_read_counts_as_blocking(tmp_path: Path) -> None:
    reach = tool.Reach.of(_tree(tmp_path), root=tmp_path)
    unread = _mutant("lib/things.rego", 'unread := {"a", "b"}', LIB)
    assert reach.rules(unread) == []
    assert reach.blocking(unread)


def test_a_sample_holds_every_policy_file_and_is_fixed_by_its_seed() -> None:
    mutants = tool.all_mutants([])
    chosen = tool.sample(mutants, 60, 7)
    assert {m.file for m in chosen} == {m.file for m in mutants}
    assert len(chosen) >= 60
    assert len(set(chosen)) == len(chosen)
    assert [m.key for m in tool.sample(mutants, 60, 7)] == [m.key for m in chosen]
