"""A run on a date before the rules' effective dates says that no rule was in force, in every format, instead
of reading as a clean run; an ad is judged on its own start date, so its rules may be in force when the
evaluation date is earlier."""

from __future__ import annotations

import datetime as dt
import io
import json
import xml.etree.ElementTree as ET

import pytest

from conftest import FIXTURES
from ethiq import Checker, Report
from ethiq.cli.output import FORMATS, renderer

VENDOR = FIXTURES / "rules" / "VEN-001" / "allow"
EXAMPLE = FIXTURES / "example-campaign"


@pytest.fixture(scope="module")
def before() -> Checker:
    return Checker(as_of="1999-01-01")


def rendered(report: Report, fmt: str) -> str:
    out = io.StringIO()
    renderer(fmt)(report, out)
    return out.getvalue()


def test_no_rule_in_force_before_every_effective_date(before: Checker) -> None:
    report = before.check([VENDOR])
    assert report.judged >= 1
    assert report.out_of_force == report.judged
    assert [n.code for n in report.notices] == ["no_rule_in_force"]
    assert "1999-01-01" in report.notices[0].message
    assert report.to_dict()["notices"] == [n.to_dict() for n in report.notices]
    assert int(report.exit_code) == 0  # a notice changes no exit code


def test_no_notice_when_rules_are_in_force(checker: Checker) -> None:
    report = checker.check([VENDOR])
    assert report.judged >= 1
    assert report.out_of_force == 0
    assert report.notices == ()
    assert report.to_dict()["notices"] == []


def test_the_day_a_rule_takes_effect(checker: Checker) -> None:
    """The earliest effective date of the vendor rules is the first day with a rule in force."""
    first = min(m.effective_from or "" for m in checker.policy_set.rules.values() if "vendor" in m.kinds)
    day_before = Checker(as_of=first).check([VENDOR])
    assert day_before.out_of_force == 0
    earlier = (dt.date.fromisoformat(first) - dt.timedelta(days=1)).isoformat()
    assert Checker(as_of=earlier).check([VENDOR]).out_of_force == day_before.judged


def test_an_ad_is_judged_on_its_own_start(before: Checker) -> None:
    """The example campaign's ads start in 2026: their rules are in force whatever the evaluation date, so
    the notice counts only the other documents."""
    report = before.check([EXAMPLE])
    assert 0 < report.out_of_force < report.judged
    assert [n.code for n in report.notices] == ["some_without_rule_in_force"]
    assert f"{report.out_of_force} of the {report.judged}" in report.notices[0].message


def test_swedish_notice() -> None:
    report = Checker(as_of="1999-01-01", lang="sv").check([VENDOR])
    assert report.notices[0].message.startswith("Ingen regel gällde per 1999-01-01")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_says_so(before: Checker, fmt: str) -> None:
    report = before.check([VENDOR])
    text = rendered(report, fmt)
    message = report.notices[0].message
    if fmt == "json":
        assert json.loads(text)["notices"][0]["code"] == "no_rule_in_force"
    elif fmt == "sarif":
        notes = json.loads(text)["runs"][0]["invocations"][0]["toolExecutionNotifications"]
        assert [(n["descriptor"]["id"], n["message"]["text"]) for n in notes] == [("ethiq/no_rule_in_force", message)]
    elif fmt == "junit":
        values = {p.get("name"): p.get("value") for p in ET.fromstring(text).iter("property")}
        assert values["notice.no_rule_in_force"] == message
    elif fmt == "github":
        assert "::warning title=ethiq/no_rule_in_force::" in text
    else:
        assert "No rule was in force on 1999-01-01" in " ".join(text.split())
        assert "No findings." not in text
