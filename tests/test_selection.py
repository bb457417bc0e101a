"""Rule selection and the trial threshold: decided in the engine, the same for every caller."""

from __future__ import annotations

from typing import Any

import pytest

from conftest import FIXTURES
from ethiq.engine import Report
from ethiq.engine.errors import UsageError
from ethiq.engine.judge.selection import select_rules

EXAMPLE = FIXTURES / "example-campaign"


@pytest.fixture(scope="module")
def catalog(checker: Any) -> Any:
    return checker.policy_set.rules


def _non_waivable(catalog: Any) -> set[str]:
    return {rule_id for rule_id, rule in catalog.items() if rule.non_waivable}


def test_ids_globs_and_kinds_select_rules(catalog: Any) -> None:
    assert select_rules(catalog) is None
    vendor_rules = {rule_id for rule_id, rule in catalog.items() if "vendor" in rule.kinds}
    assert select_rules(catalog, ["vendor"]) == frozenset(vendor_rules | _non_waivable(catalog))
    assert select_rules(catalog, ["dat-00?"]) == frozenset(
        {r for r in catalog if r.startswith("DAT-00")} | _non_waivable(catalog)
    )
    skipped = select_rules(catalog, skip_rules=["DAT-012", "ACC-*"])
    assert skipped is not None
    assert "DAT-012" not in skipped
    assert "DAT-013" in skipped
    assert {r for r in catalog if r.startswith("ACC-")} & skipped == _non_waivable(catalog) & {
        r for r in catalog if r.startswith("ACC-")
    }


def test_a_non_waivable_rule_cannot_be_skipped(catalog: Any) -> None:
    banned = sorted(_non_waivable(catalog))[0]
    with pytest.raises(UsageError, match="non-waivable"):
        select_rules(catalog, skip_rules=[banned])
    kind = catalog[banned].kinds[0]
    selection = select_rules(catalog, skip_rules=[kind])
    assert selection is not None
    assert banned in selection


@pytest.mark.parametrize(("option", "pattern"), [("rules", "vendr"), ("skip_rules", "XYZ-*"), ("rules", " ")])
def test_a_pattern_naming_no_rule_is_a_usage_error(catalog: Any, option: str, pattern: str) -> None:
    with pytest.raises(UsageError, match=r"names no rule|empty"):
        select_rules(catalog, **{option: [pattern]})


def test_a_selected_run_reports_only_its_rules_and_recomputes_verdicts(checker: Any) -> None:
    full: Report = checker.check([EXAMPLE])
    only: Report = checker.check([EXAMPLE], rules=["DAT-012"])
    kept = {f.rule_id for f in only.findings}
    assert kept <= {"DAT-012"} | _non_waivable(checker.policy_set.rules)
    assert "DAT-012" in kept
    assert len(only.findings) < len(full.findings)
    warned = {d.id for d in only.documents if d.verdict == "warn"}
    assert "ds_quiz_2026" not in warned  # it still fails DAT-005, which no selection leaves out
    assert {d.verdict for d in only.documents if d.id == "ds_newsletter_signups"} <= {"pass", "warn"}


def test_fail_on_none_fails_only_on_non_waivable_bans(checker: Any, example_checker: Any) -> None:
    report: Report = example_checker.check([EXAMPLE], fail_on="none")
    assert report.blocking
    assert all(f.non_waivable and f.severity == "block" for f in report.blocking)
    assert int(report.exit_code) == 1
    ad = EXAMPLE / "ads" / "dsp-schools-display.yaml"
    assert int(checker.check([ad]).exit_code) == 1
    soft: Report = checker.check([ad], fail_on="none")
    assert int(soft.exit_code) == 0, [f.rule_id for f in soft.blocking]
    assert any(f.severity == "block" for f in soft.findings)


def test_fail_on_none_still_exits_2_on_unusable_input(checker: Any, tmp_path: Any) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("kind: vendor\nid: [\n", encoding="utf-8")
    report: Report = checker.check([bad], fail_on="none")
    assert int(report.exit_code) == 2
