"""The cache of proven policy sets and of the confusables table: used when whole and its own, else recomputed."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from ethiq import Checker
from ethiq.engine.cache import CACHE_DIR_VARIABLE, Cache, cache_key, default_cache_dir
from ethiq.engine.errors import PolicyLoadError
from ethiq.engine.evaluate import policies
from ethiq.engine.evaluate.policies import PROOF_NAMESPACE, load_policy_set
from ethiq.engine.graph import context, names
from ethiq.engine.validate import bundled_schemas

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-23"
BANNED = {"kind": "vendor", "id": "ven_ca", "legal_name": "Cambridge Analytica LLC"}

RULE = """package ethiq.rules.vendor.acme

# METADATA
# title: Acme rule
# custom:
#   id: X-001
#   severity: block
#   sources:
#     - seed: S05
deny contains f if {
\tinput.document.legal_name == "Acme"
\tf := {"rule": "X-001"}
}
"""


class Proofs:
    """Counts the proofs load_policy_set runs, so a test can tell a hit from a miss."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch):
        self.count = 0
        prove = policies._prove

        def counted(*args, **kwargs):  # type: ignore[no-untyped-def]
            self.count += 1
            return prove(*args, **kwargs)

        monkeypatch.setattr(policies, "_prove", counted)


@pytest.fixture
def proofs(monkeypatch: pytest.MonkeyPatch) -> Proofs:
    return Proofs(monkeypatch)


def policy_dir(tmp_path: Path, text: str = RULE) -> Path:
    directory = tmp_path / "policies"
    directory.mkdir(exist_ok=True)
    (directory / "acme.rego").write_text(text, encoding="utf-8")
    return directory


def entries(cache_dir: Path, namespace: str = PROOF_NAMESPACE) -> list[Path]:
    return sorted(cache_dir.glob(f"{namespace}-*.json"))


def test_a_proven_set_is_stored_and_read_back_equal(tmp_path: Path, proofs: Proofs) -> None:
    cache = Cache(tmp_path / "cache")
    first = load_policy_set([policy_dir(tmp_path)], cache=cache)
    second = load_policy_set([policy_dir(tmp_path)], cache=cache)
    assert proofs.count == 1
    assert len(entries(tmp_path / "cache")) == 1
    assert second.rules == first.rules
    assert second.entry_points == first.entry_points
    assert [m.path for m in second.modules] == [m.path for m in first.modules]


def test_a_changed_policy_file_is_proven_again_and_its_fault_found(tmp_path: Path, proofs: Proofs) -> None:
    cache = Cache(tmp_path / "cache")
    load_policy_set([policy_dir(tmp_path)], cache=cache)
    broken = RULE.replace('input.document.legal_name == "Acme"', "no_such_function(input.document.legal_name)")
    with pytest.raises(PolicyLoadError):
        load_policy_set([policy_dir(tmp_path, broken)], cache=cache)
    assert proofs.count == 2
    assert len(entries(tmp_path / "cache")) == 1, "a set whose proof failed is never stored"


def test_a_different_probe_context_is_a_different_key(tmp_path: Path, proofs: Proofs) -> None:
    cache = Cache(tmp_path / "cache")
    load_policy_set([], probe_data={"thresholds": {"k_min": 100}}, cache=cache)
    load_policy_set([], probe_data={"thresholds": {"k_min": 50}}, cache=cache)
    assert proofs.count == 2
    assert len(entries(tmp_path / "cache")) == 2


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda text: text[: len(text) // 2], id="truncated"),
        pytest.param(lambda text: "", id="empty"),
        pytest.param(lambda text: "\x00\xff not json", id="garbage"),
        pytest.param(lambda text: text.replace('"block"', '"info"'), id="severity-edited"),
        pytest.param(lambda text: text.replace('"X-001"', '"X-002"', 1), id="rule-id-edited"),
        pytest.param(lambda text: json.dumps({**json.loads(text), "format": 0}), id="older-format"),
    ],
)
def test_a_corrupt_or_edited_entry_is_proven_again(tmp_path: Path, proofs: Proofs, damage) -> None:  # type: ignore[no-untyped-def]
    cache = Cache(tmp_path / "cache")
    fresh = load_policy_set([policy_dir(tmp_path)], cache=cache)
    (entry,) = entries(tmp_path / "cache")
    entry.write_text(damage(entry.read_text(encoding="utf-8")), encoding="utf-8")
    again = load_policy_set([policy_dir(tmp_path)], cache=cache)
    assert proofs.count == 2
    assert again.rules == fresh.rules
    assert again.rules["X-001"].severities == ("block",)
    # ... and the entry was replaced by a good one.
    load_policy_set([policy_dir(tmp_path)], cache=cache)
    assert proofs.count == 2


def test_a_foreign_entry_is_not_trusted(tmp_path: Path, proofs: Proofs) -> None:
    """An entry copied under another key (another policy set's proof) is a miss, not that set's proof."""
    cache = Cache(tmp_path / "cache")
    load_policy_set([], cache=cache)
    (bundled_entry,) = entries(tmp_path / "cache")
    # The key the custom set will look for: prove it once in another directory to learn its file name.
    other = Cache(tmp_path / "other")
    load_policy_set([policy_dir(tmp_path)], cache=other)
    (custom_entry,) = entries(tmp_path / "other")
    (tmp_path / "cache" / custom_entry.name).write_bytes(bundled_entry.read_bytes())
    proven = load_policy_set([policy_dir(tmp_path)], cache=cache)
    assert proofs.count == 3
    assert "X-001" in proven.rules


def test_a_well_formed_entry_that_does_not_describe_a_policy_set_is_a_miss(tmp_path: Path, proofs: Proofs) -> None:
    cache = Cache(tmp_path / "cache")
    load_policy_set([policy_dir(tmp_path)], cache=cache)
    (entry,) = entries(tmp_path / "cache")
    key = entry.name[len(PROOF_NAMESPACE) + 1 : -len(".json")]
    cache.store(PROOF_NAMESPACE, key, {"rules": {"X-001": {"id": "X-001"}}, "entry_points": {}})
    assert load_policy_set([policy_dir(tmp_path)], cache=cache).rules["X-001"].title == {"en": "Acme rule"}
    assert proofs.count == 2


def test_an_unwritable_cache_only_costs_the_proof(tmp_path: Path, proofs: Proofs) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a directory")
    cache = Cache(blocker / "cache")
    load_policy_set([policy_dir(tmp_path)], cache=cache)
    load_policy_set([policy_dir(tmp_path)], cache=cache)
    assert proofs.count == 2


def test_a_cached_checker_judges_exactly_as_an_uncached_one(tmp_path: Path) -> None:
    uncached = Checker(as_of=AS_OF, cache=False).check([BANNED])
    Checker(as_of=AS_OF, cache=tmp_path / "cache")  # fills the cache
    cached = Checker(as_of=AS_OF, cache=tmp_path / "cache").check([BANNED])
    assert int(cached.exit_code) == int(uncached.exit_code) == 1
    assert [f.to_dict() for f in cached.findings] == [f.to_dict() for f in uncached.findings]


def test_the_confusables_table_is_cached_and_a_corrupt_copy_rebuilt(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    built = names._build_skeleton_table()
    monkeypatch.setattr(names, "_TABLES", {})
    cache = Cache(tmp_path / "cache")
    names.load_skeleton_table(cache)
    (entry,) = entries(tmp_path / "cache", names.SKELETON_NAMESPACE)
    assert names._skeleton_table() == built

    entry.write_text(entry.read_text(encoding="utf-8").replace('"a"', '"b"'), encoding="utf-8")
    monkeypatch.setattr(names, "_TABLES", {})
    names.load_skeleton_table(cache)
    assert names._skeleton_table() == built
    assert names.normalize_name("C\u0430mbridge An\u0430lytica") == names.normalize_name("Cambridge Analytica")


def test_the_bundled_context_is_cached_and_an_edited_copy_read_again(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    schemas = bundled_schemas()
    monkeypatch.setattr(context, "_BUNDLED", {})
    read = context.build_context(schemas=schemas)
    monkeypatch.setattr(context, "_BUNDLED", {})
    cache = Cache(tmp_path / "cache")
    stored = context.build_context(schemas=schemas, cache=cache)
    (entry,) = entries(tmp_path / "cache", context.BUNDLED_NAMESPACE)
    assert (stored.data, stored.origins) == (read.data, read.origins)

    monkeypatch.setattr(context, "_BUNDLED", {})
    assert context.build_context(schemas=schemas, cache=cache).data == read.data  # read back from the entry

    edited = json.loads(entry.read_text(encoding="utf-8"))
    edited["value"]["data"]["thresholds"] = {"min_audience_size": 1}
    entry.write_text(json.dumps(edited), encoding="utf-8")
    monkeypatch.setattr(context, "_BUNDLED", {})
    again = context.build_context(schemas=schemas, cache=cache)
    assert again.data == read.data
    assert again.data["thresholds"] != {"min_audience_size": 1}


def test_keys_separate_their_parts() -> None:
    assert cache_key([("a", "bc")]) != cache_key([("ab", "c")])
    assert cache_key([("a", "b"), ("c", "")]) != cache_key([("a", "bc")])


def test_the_cache_directory_follows_the_platform_rules(tmp_path: Path) -> None:
    assert default_cache_dir({CACHE_DIR_VARIABLE: str(tmp_path)}) == tmp_path
    if sys.platform.startswith("linux"):
        assert default_cache_dir({"HOME": "/home/u"}) == Path("/home/u/.cache/ethiq")
        assert default_cache_dir({"HOME": "/home/u", "XDG_CACHE_HOME": "/xdg"}) == Path("/xdg/ethiq")
        assert default_cache_dir({"HOME": "/home/u", "XDG_CACHE_HOME": "relative"}) == Path("/home/u/.cache/ethiq")


def test_the_cli_uses_ethiq_cache_dir_and_no_cache_writes_nothing(tmp_path: Path) -> None:
    document = tmp_path / "vendor.json"
    document.write_text(json.dumps(BANNED), encoding="utf-8")

    def run(*flags: str, cache_dir: Path) -> subprocess.CompletedProcess[str]:
        env = {**os.environ, CACHE_DIR_VARIABLE: str(cache_dir)}
        command = [sys.executable, "-m", "ethiq", "check", str(document), "--as-of", AS_OF, "-f", "json", *flags]
        return subprocess.run(command, capture_output=True, text=True, env=env, cwd=tmp_path, check=False)

    plain = run("--no-cache", cache_dir=tmp_path / "unused")
    assert plain.returncode == 1, plain.stderr
    assert not (tmp_path / "unused").exists()
    first = run(cache_dir=tmp_path / "cache")
    second = run(cache_dir=tmp_path / "cache")
    assert entries(tmp_path / "cache")
    assert first.returncode == second.returncode == 1
    assert (
        json.loads(first.stdout)["findings"]
        == json.loads(second.stdout)["findings"]
        == json.loads(plain.stdout)["findings"]
    )
