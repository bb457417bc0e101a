"""The data-protection officer's report (``--format html`` and ``markdown``) and the deadlines it lists:
summary, findings by rule with the Swedish seed sentence verbatim, waivers, what falls due in 30 days, both
languages, escaping; and the HTML page loaded in a real headless Chromium, without JavaScript."""

from __future__ import annotations

import html
import io
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from conftest import AS_OF, FIXTURES
from ethiq.cli.output import renderer
from ethiq.cli.output.dpo import LABELS, escape_control_characters
from ethiq.engine import git_state, parse_documents
from ethiq.engine.judge.deadlines import add_months, deadlines_of, upcoming_deadlines
from ethiq.engine.judge.waivers import parse_waivers

EXAMPLE = FIXTURES / "example-campaign"
CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
HOSTILE = "<script>alert(1)</script> \x1b[31mred\x1b[0m \u202eevil"

WAIVERS = {
    "waivers": [
        {
            "id": "W-RETENTION",
            "rule": "DAT-012",
            "documents": "ds_engagers_seed",
            "reason": "Retention set in the record of processing. " + HOSTILE,
            "owner": "dpo@example.org",
            "expires": "2026-12-01",
        },
        {
            "id": "W-OLD",
            "rule": "ACC-007",
            "documents": "acc_fb_l_kungsholmen",
            "reason": "Growth explained by a televised debate.",
            "owner": "campaign-manager@example.org",
            "expires": "2026-11-01",
        },
    ]
}


@pytest.fixture(scope="module")
def campaign(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The example campaign with a trust seal that expires in 17 days, and a waiver file."""
    root = tmp_path_factory.mktemp("dpo")
    shutil.copytree(EXAMPLE, root / "campaign")
    vendor = root / "campaign" / "vendors" / "nordic-insight.yaml"
    vendor.write_text(
        vendor.read_text(encoding="utf-8").replace('seal_expires_at: "2026-01-10"', 'seal_expires_at: "2026-12-10"'),
        encoding="utf-8",
    )
    (root / "waivers.json").write_text(json.dumps(WAIVERS), encoding="utf-8")
    return root


def rendered(fmt: str, report: Any) -> str:
    out = io.StringIO()
    renderer(fmt)(report, out)
    return out.getvalue()


@pytest.fixture(scope="module")
def report(campaign: Path) -> Any:
    from ethiq import check

    named = [campaign / "campaign" / "context.yaml"]
    return check([campaign / "campaign"], as_of=AS_OF, context=named, waivers=campaign / "waivers.json")


@pytest.fixture(scope="module")
def report_sv(campaign: Path) -> Any:
    from ethiq import check

    named = [campaign / "campaign" / "context.yaml"]
    return check([campaign / "campaign"], as_of=AS_OF, lang="sv", context=named, waivers=campaign / "waivers.json")


# --- deadlines ----------------------------------------------------------------------------------------------


def test_months_are_added_as_ven006_adds_them() -> None:
    import datetime as dt

    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)
    assert add_months(dt.date(2026, 1, 15), 8) == dt.date(2026, 9, 15)
    assert add_months(dt.date(2027, 8, 31), 6) == dt.date(2028, 2, 29)


def test_deadlines_in_the_window_from_documents_context_and_waivers() -> None:
    documents = parse_documents(
        """
kind: vendor
id: ven_sealed
edaa: {status: trust_seal, seal_expires_at: "2026-12-23"}
gdpr: {dpa_date: "2026-12-24"}
---
kind: vendor
id: ven_joined
edaa: {status: joined, joined_at: "2026-06-01"}
---
kind: vendor
id: ven_self
edaa: {status: self_certified, joined_at: "2026-04-10"}
---
kind: campaign
id: cmp_2026
ttpa: {risk_assessment: {date: "2025-12-01"}}
""",
        name="docs.yaml",
    )
    context = parse_documents(
        """
kind: policy_context
platform_timeline:
  tiktok: {eu_political_ads_allowed_until: "2026-11-30T00:00:00+01:00"}
  meta: {eu_political_ads_allowed_until: "2025-10-06"}
thresholds: {risk_assessment_max_age_days: 365}
elections:
  - {id: SE-EXTRA-2026, date: "2026-11-23"}
""",
        name="context.yaml",
    )
    waivers = parse_waivers(
        json.dumps({"waivers": [{**WAIVERS["waivers"][1], "expires": "2026-11-24"}]}), file="waivers.json"
    )
    found = [(d.date, d.days, d.kind, d.subject) for d in deadlines_of(documents, context, waivers, AS_OF)]
    assert found == [
        ("2026-11-23", 0, "election", "SE-EXTRA-2026"),
        ("2026-11-24", 1, "waiver_expires", "W-OLD"),
        ("2026-11-30", 7, "platform_cutoff", "tiktok"),
        ("2026-12-01", 8, "edaa_self_certification_due", "ven_joined"),  # 2026-06-01 + 6 months
        ("2026-12-01", 8, "risk_assessment_due", "cmp_2026"),  # 2025-12-01 + 365 days
        ("2026-12-10", 17, "edaa_seal_due", "ven_self"),  # 2026-04-10 + 8 months
        ("2026-12-23", 30, "edaa_seal_expires", "ven_sealed"),  # the window's last day is included
    ]
    # Meta's cut-off lies in the past and the DPA on day 31: neither is listed.
    window = deadlines_of(documents, context, waivers, AS_OF, days=31)
    assert ("dpa_dated", "ven_sealed") in {(d.kind, d.subject) for d in window}


def test_the_runs_deadlines_point_at_the_line_that_holds_the_date(report: Any, campaign: Path) -> None:
    found = {(d.kind, d.subject): d for d in upcoming_deadlines(report)}
    seal = found["edaa_seal_expires", "ven_nordic_insight"]
    assert (seal.date, seal.days) == ("2026-12-10", 17)
    assert seal.file is not None
    assert seal.file.endswith("nordic-insight.yaml")
    assert seal.line == 11
    waiver = found["waiver_expires", "W-RETENTION"]
    assert (waiver.date, waiver.days, waiver.file) == ("2026-12-01", 8, str(campaign / "waivers.json"))
    assert ("waiver_expires", "W-OLD") not in found  # expired before as_of


# --- html and markdown ----------------------------------------------------------------------------------------


def test_html_summary_seed_sentence_remediation_waivers_and_deadlines(report: Any) -> None:
    page = rendered("html", report)
    assert page.startswith("<!DOCTYPE html>")
    assert '<html lang="en">' in page
    assert "<h1>ethiq compliance report</h1>" in page
    assert "<strong>Blocked</strong>" in page
    assert f"<time datetime='{AS_OF}'>{AS_OF}</time>" in page
    summary = report.summary()
    state = git_state()  # the working directory's commit, as the record names it
    assert (state["commit"] if state else "not in a git repository") in page
    assert f"{summary['documents']} (" in page
    # Every rule with a finding has its section, with its sources and remediation.
    for rule_id in {f.rule_id for f in report.findings}:
        assert f"<code>{html.escape(rule_id)}</code>" in page
    ven009 = report.rules["VEN-009"]
    seed = next(s for s in ven009.sources if s.ref == "S15")
    assert f'<blockquote lang="sv">{html.escape(seed.sv)}</blockquote>' in page
    assert html.escape(ven009.remediation["en"]) in page
    # Waivers with owner and expiry; the expired one marked.
    assert "W-RETENTION" in page
    assert "dpo@example.org" in page
    assert "2026-12-01" in page
    assert "applied to 2 findings" in page  # retention_days and ropa_ref
    assert "W-OLD" in page
    assert "expired" in page
    # What falls due: the waiver in 8 days, the trust seal in 17.
    deadlines = page[page.index('id="deadlines"') : page.index('id="findings"')]
    assert "Waiver expires" in deadlines
    assert "8 days" in deadlines
    assert "EDAA trust seal expires" in deadlines
    assert "ven_nordic_insight" in deadlines
    assert "17 days" in deadlines


def test_html_is_self_contained(report: Any) -> None:
    page = rendered("html", report)
    lowered = page.lower()
    assert "<script" not in lowered
    assert "<link" not in lowered
    assert "<img" not in lowered
    assert "@import" not in lowered
    assert "url(" not in lowered
    assert "default-src 'none'" in page
    # Every href is an in-page anchor or a source's citation link, which a browser does not fetch.
    for part in page.split('href="')[1:]:
        target = part.split('"', 1)[0]
        assert target.startswith(("#", "https://", "http://")), target


def test_document_text_is_escaped_in_html_and_markdown(report: Any) -> None:
    page = rendered("html", report)
    assert "<script>alert" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    assert "\x1b" not in page
    assert "\u202e" not in page
    assert "\\x1b[31mred\\x1b[0m" in page
    assert "\\u202eevil" in page
    text = rendered("markdown", report)
    assert "<script>" not in text
    assert "\x1b" not in text
    assert "\u202e" not in text
    assert "\\<script\\>" in text


def test_escape_control_characters_keeps_text_and_shows_controls() -> None:
    assert escape_control_characters("Ingen psykografisk profilering") == "Ingen psykografisk profilering"
    assert escape_control_characters("a\x00b\x9bc\x7f\td\n") == "a\\x00b\\x9bc\\x7f\td\n"


def test_markdown_has_the_same_sections(report: Any) -> None:
    text = rendered("markdown", report)
    assert text.startswith("# ethiq compliance report\n")
    for heading in ("## Summary", "## Due in the next 30 days", "## Findings by rule", "## Problems", "## Waivers"):
        assert f"\n{heading}\n" in text
    seed = next(s for s in report.rules["VEN-009"].sources if s.ref == "S15")
    assert f"  > {seed.sv}" in text
    assert "| `W-RETENTION` | `DAT-012` | `ds_engagers_seed` | dpo@example.org | 2026-12-01 |" in text
    assert "| `ven_nordic_insight` |" in text
    assert not [line for line in text.splitlines() if line != line.rstrip()]


def test_swedish_report_translates_headings_and_labels(report_sv: Any) -> None:
    page = rendered("html", report_sv)
    assert '<html lang="sv">' in page
    for key in ("title", "summary", "findings_by_rule", "waivers", "remediation", "owner", "expires"):
        assert html.escape(LABELS["sv"][key]) in page, key
    assert "Förfaller inom 30 dagar" in page
    assert "<strong>Blockerad</strong>" in page
    for english in ("Summary", "Findings by rule", "Remediation", "Owner", "Due in the next", "Swedish original"):
        assert english not in page, english
    text = rendered("markdown", report_sv)
    assert "## Sammanfattning" in text
    assert "## Undantag" in text


def test_every_label_exists_in_both_languages() -> None:
    assert LABELS["en"].keys() == LABELS["sv"].keys()


def test_cli_writes_html_and_markdown(campaign: Path) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "ethiq", "check", "campaign", "--as-of", AS_OF, "--waivers", "waivers.json",
         "--context", "campaign/context.yaml",
         "--format", "markdown", "--output", "html=report.html", "--lang", "sv"],
        capture_output=True, text=True, cwd=campaign, check=False,
    )  # fmt: skip
    assert result.returncode == 1, result.stderr
    assert result.stdout.startswith("# ethiq efterlevnadsrapport")
    assert "`campaign/vendors/fun-apps.yaml:7:" in result.stdout  # paths relative to the working directory
    assert (campaign / "report.html").read_text(encoding="utf-8").startswith("<!DOCTYPE html>")


# --- a real browser ------------------------------------------------------------------------------------------

CHROMIUM = next((shutil.which(name) for name in ("chromium", "chromium-headless-shell", "chromium-browser")
                 if shutil.which(name)), None)  # fmt: skip


def chromium(*args: str) -> subprocess.CompletedProcess[str]:
    assert CHROMIUM is not None
    # Scripts stay enabled: headless Chromium's --dump-dom and --screenshot need them. The page has none to run
    # (test_html_is_self_contained), and its Content-Security-Policy would refuse any.
    command = [CHROMIUM, "--headless", "--disable-gpu", "--no-first-run", "--disable-extensions",
               "--disable-dev-shm-usage"]  # fmt: skip
    if hasattr(os, "geteuid") and os.geteuid() == 0:
        command.append("--no-sandbox")  # Chromium refuses to run as root inside its sandbox
    return subprocess.run([*command, *args], capture_output=True, text=True, timeout=120, check=False)


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="Chromium is not installed (Debian: apt-get install chromium)")
def test_html_loads_in_headless_chromium(report: Any, tmp_path: Path) -> None:
    page = tmp_path / "report.html"
    page.write_text(rendered("html", report), encoding="utf-8")
    dom = chromium("--dump-dom", page.as_uri())
    assert dom.returncode == 0, dom.stderr[-2000:]
    loaded = dom.stdout
    # The DOM the browser built holds the sections, the seed sentence and the deadlines, and no injected script.
    assert "<h1>ethiq compliance report</h1>" in loaded
    for section in ("summary", "deadlines", "findings", "problems", "waivers"):
        assert f'id="{section}"' in loaded
    assert 'lang="sv"' in loaded
    assert "Quiz-appar" in loaded
    assert "ven_nordic_insight" in loaded
    assert "<script" not in loaded.lower()

    shot = tmp_path / "report.png"
    done = chromium(f"--screenshot={shot}", "--window-size=1280,1000", "--hide-scrollbars", page.as_uri())
    assert done.returncode == 0, done.stderr[-2000:]
    data = shot.read_bytes()
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    width, height = int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")
    assert (width, height) == (1280, 1000)
    assert len(data) > 20_000  # a blank page compresses to a few kilobytes


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_any_text_becomes_inert_html_and_markdown(text: str) -> None:
    from ethiq.cli.output.html import e
    from ethiq.cli.output.markdown import code, md

    shown = e(text)
    assert not CONTROLS.search(shown)
    assert "<" not in shown
    assert '"' not in shown
    assert html.unescape(shown) == escape_control_characters(text)  # nothing lost but the controls' rawness
    for cell in (md(text), code(text)):
        assert not CONTROLS.search(cell)
        assert "\n" not in cell  # a table cell stays on its line
        assert "|" not in cell.replace("\\|", "")  # no unescaped pipe can split a table cell
