"""The scripts in examples/ run as documented and print exactly what the library finds."""

from __future__ import annotations

import csv
import io
import subprocess
import sys
from pathlib import Path

import pytest

import ethiq
from conftest import AS_OF, FIXTURES, ROOT

EXAMPLES = ROOT / "examples"
QUIZ = FIXTURES / "example-campaign" / "data-sources" / "quiz-which-leader.yaml"
BANNED = ["Cambridge Analytica LLC", "SCL Elections Ltd", "Emerdata Limited", "AggregateIQ Data Services Ltd"]


def run(*args: str, cwd: Path = ROOT) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, *args], capture_output=True, text=True, cwd=cwd, check=False)


@pytest.mark.slow
def test_onboard_vendor_screens_a_vendor_in_memory_with_its_data_sources_from_files(tmp_path: Path) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "id: ven_fun_apps\nlegal_name: Fun Apps Studio AB\ncountry: SE\nroles: [app_developer]\n"
        "gdpr: {role: processor, dpa_signed: true, dpa_date: 2026-01-10}\n",  # an unquoted date: datetime.date
        encoding="utf-8",
    )
    result = run(str(EXAMPLES / "onboard_vendor.py"), str(answers), str(QUIZ), "--as-of", AS_OF)
    assert result.returncode == 1, result.stderr
    vendor = {
        "kind": "vendor", "id": "ven_fun_apps", "legal_name": "Fun Apps Studio AB", "country": "SE",
        "roles": ["app_developer"], "gdpr": {"role": "processor", "dpa_signed": True, "dpa_date": "2026-01-10"},
    }  # fmt: skip
    report = ethiq.check([vendor, QUIZ], as_of=AS_OF)
    printed = [line.split(":")[0] for line in result.stdout.splitlines()[:-1]]
    assert printed == [f"{f.rule_id} {f.status} {f.document_id} {f.json_path}" for f in report.findings]
    assert "DAT-005 fail ds_quiz_2026 $.collection.method" in printed  # the quiz data, from the file
    assert "VEN-011 fail ven_fun_apps $.roles[0]" in printed  # the app developer, from memory
    assert result.stdout.splitlines()[-1].startswith("ven_fun_apps: BLOCKED")


def vendor_rows(count: int) -> tuple[str, dict[str, str]]:
    """A CSV of ``count`` vendors, every 97th named after a banned company; and the verdict each must get."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["id", "legal_name", "country", "aliases"])
    expected = {}
    for number in range(count):
        ident = f"ven_{number:04d}"
        if number % 97 == 0:
            writer.writerow([ident, BANNED[number // 97 % len(BANNED)], "GB", ""])
            expected[ident] = "fail"
        else:
            writer.writerow([ident, f"Nordic Print {number} AB", "SE", f"NP{number};Print {number}"])
            expected[ident] = "needs_review"  # nothing banned, but the facts a vendor must declare are unknown
    return out.getvalue(), expected


@pytest.mark.slow
def test_screen_vendors_screens_a_thousand_rows_through_one_checker(tmp_path: Path) -> None:
    text, expected = vendor_rows(1000)
    (tmp_path / "vendors.csv").write_text(text, encoding="utf-8")
    result = run(str(EXAMPLES / "screen_vendors.py"), str(tmp_path / "vendors.csv"), "--as-of", AS_OF)
    assert result.returncode == 1, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert {row["id"]: row["verdict"] for row in rows} == expected
    assert [row["id"] for row in rows] == list(expected)  # in file order
    banned = [row for row in rows if row["verdict"] == "fail"]
    assert len(banned) == 11
    assert all("VEN-001" in row["rules"].split() for row in banned)
    assert result.stderr.strip().endswith("1000 vendors: 11 fail, 989 needs_review; exit code 1")
