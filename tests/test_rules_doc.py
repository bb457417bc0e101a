"""docs/rules.md is the catalog as `ethiq rules --format markdown` renders it, and SARIF links every rule to it."""

from __future__ import annotations

import io
import re
from typing import Any

from conftest import ROOT
from ethiq.cli.catalog import render_rules, rule_anchor, sorted_rules
from ethiq.cli.output.sarif import documentation_base, to_sarif

DOC = ROOT / "docs" / "rules.md"


def test_docs_rules_md_is_the_generated_catalog(checker: Any) -> None:
    out = io.StringIO()
    render_rules(sorted_rules(checker.policy_set), out, fmt="markdown", lang="en")
    assert DOC.read_text(encoding="utf-8") == out.getvalue(), (
        "docs/rules.md is stale: run `ethiq rules --format markdown > docs/rules.md`"
    )


def test_every_rule_has_a_section_whose_anchor_is_its_id(checker: Any) -> None:
    headings = set(re.findall(r"^## (\S+)$", DOC.read_text(encoding="utf-8"), flags=re.MULTILINE))
    assert headings == set(checker.policy_set.rules)
    assert all(rule_anchor(rule_id) == rule_id.lower() for rule_id in headings)


def test_every_sarif_rule_links_to_its_section(checker: Any) -> None:
    base = documentation_base()
    assert base is not None, "an editable install or a clone knows where its docs are"
    report = checker.check([ROOT / "fixtures" / "example-campaign"])
    rules = to_sarif(report)["runs"][0]["tool"]["driver"]["rules"]
    for rule in rules:
        if rule["id"] in checker.policy_set.rules:
            assert rule["helpUri"] == f"{base}rules.md#{rule['id'].lower()}"
