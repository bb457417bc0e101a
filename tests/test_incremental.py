"""``--changed-since``: after random edits to a generated git repository, the incremental check judges every
document whose findings the edits changed, and gives each document it judges exactly a full check's findings
(and only problems a full check reports)."""

from __future__ import annotations

import json
import os
import re
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from test_parallel import generate  # bench/generate.py, loaded once

from ethiq import Checker
from ethiq.engine.errors import UsageError
from ethiq.engine.graph.changes import Changes, Node, _real_paths, _WordIndex, affected_slots, changes_since
from ethiq.engine.read.limits import ReadLimits

ROOT = Path(__file__).resolve().parents[1]
AS_OF = "2026-11-23"
GIT_ENV = {
    "GIT_AUTHOR_NAME": "ethiq",
    "GIT_AUTHOR_EMAIL": "ethiq@example.org",
    "GIT_COMMITTER_NAME": "ethiq",
    "GIT_COMMITTER_EMAIL": "ethiq@example.org",
}


def git(repo: Path, *args: str) -> str:
    env = {**os.environ, **GIT_ENV}
    return subprocess.run(["git", *args], cwd=repo, env=env, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def repository(tmp_path_factory: pytest.TempPathFactory) -> Path:
    repo = tmp_path_factory.mktemp("incremental") / "repo"
    generate(60, seed=5, out=repo)
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "generated")
    return repo


@pytest.fixture(scope="module")
def before(checker: Checker, repository: Path) -> dict[tuple[str, str], list[dict[str, Any]]]:
    return by_document(checker.check([repository]))


def by_document(report: Any) -> dict[tuple[str, str], list[dict[str, Any]]]:
    found: dict[tuple[str, str], list[dict[str, Any]]] = {
        (str(result.kind), str(result.id)): [] for result in report.documents if result.id is not None
    }
    for finding in report.findings:
        found.setdefault((finding.kind, finding.document_id), []).append(finding.to_dict())
    return found


def single_document_files(repo: Path) -> list[Path]:
    """Files holding one document (mapping), which an edit can rewrite whole."""
    files = []
    for path in sorted(repo.rglob("*")):
        if ".git" in path.parts or path.name.startswith(".") or path.suffix not in (".yaml", ".json"):
            continue
        loaded = list(yaml.safe_load_all(path.read_text(encoding="utf-8")))
        if len(loaded) == 1 and isinstance(loaded[0], dict):
            files.append(path.relative_to(repo))
    return files


def rewrite(path: Path, data: dict[str, Any]) -> None:
    if path.suffix == ".json":
        path.write_text(json.dumps(data, indent=2), encoding="utf-8")
    else:
        path.write_text(yaml.safe_dump(data, sort_keys=False, allow_unicode=True), encoding="utf-8")


EDITS = ("touch", "ban_name", "rename_id", "drop_references", "delete", "add_copy", "flip_political")


def apply(repo: Path, relative: Path, edit: str, serial: int) -> None:
    path = repo / relative
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    if edit == "touch":  # the text changes, the document does not
        path.write_text(path.read_text(encoding="utf-8") + ("\n" if path.suffix == ".json" else "# touched\n"))
    elif edit == "ban_name":
        for key in ("legal_name", "name", "display_name"):
            if key in data:
                data[key] = "Cambridge Analytica LLC"
        rewrite(path, data)
    elif edit == "rename_id":  # whatever referenced the old id now names nothing
        data["id"] = f"{data['id']}_renamed_{serial}"
        rewrite(path, data)
    elif edit == "drop_references":
        for key in ("vendor_id", "audience_ids", "account_id", "data_source_ids", "parent_chain", "lineage"):
            data.pop(key, None)
        rewrite(path, data)
    elif edit == "delete":
        path.unlink()
    elif edit == "flip_political":  # what the data sources it reaches learn of it (input.dependents)
        political = data.setdefault("political", {})
        for key in ("is_political_advertising", "is_political_advertisement"):
            political[key] = not political.get(key, False)
        rewrite(path, data)
    elif edit == "add_copy":  # a new, untracked document that others do not reference yet
        data["id"] = f"{data['id']}_copy_{serial}"
        rewrite(path.with_name(f"copy-{serial}-{path.name}"), data)


@pytest.mark.slow
@settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(data=st.data())
def test_incremental_findings_equal_a_full_checks(
    checker: Checker, repository: Path, before: dict[tuple[str, str], list[dict[str, Any]]], data: st.DataObject
) -> None:
    git(repository, "checkout", "-q", "--", ".")
    git(repository, "clean", "-qfd")
    files = single_document_files(repository)
    edits = data.draw(
        st.lists(
            st.tuples(st.sampled_from(files), st.sampled_from(EDITS)), min_size=1, max_size=3, unique_by=lambda e: e[0]
        )
    )
    for serial, (relative, edit) in enumerate(edits):
        apply(repository, relative, edit, serial)

    full_report = checker.check([repository])
    incremental_report = checker.check([repository], changed_since="HEAD")
    full, incremental = by_document(full_report), by_document(incremental_report)

    for key, findings in incremental.items():
        assert findings == full.get(key, []), key
    changed = {key for key in full if full[key] != before.get(key)}
    assert changed <= set(incremental), sorted(changed - set(incremental))
    full_problems = [p.to_dict() for p in full_report.problems]
    assert all(p.to_dict() in full_problems for p in incremental_report.problems)
    assert len(incremental) < len(full) or len(full) < 10, "an edit of a few documents judges a part of the repository"


@pytest.mark.parametrize("flag", ["true", "false"])
def test_an_audience_whose_flag_flips_judges_the_source_it_excludes_again(
    checker: Checker, tmp_path: Path, flag: str
) -> None:
    """The member register's DAT-013 depends on the political audience that excludes it (input.dependents):
    flipping the audience's flag changes the source's findings, so an incremental check judges it too."""
    fixture = ROOT / "fixtures" / "rules" / "AUD-003" / "deny" / "excluded-member-register"
    repo = tmp_path / "repo"
    repo.mkdir()
    for file in fixture.iterdir():
        text = file.read_text(encoding="utf-8").replace(
            "is_political_advertising: true", f"is_political_advertising: {flag}"
        )
        (repo / file.name).write_text(text, encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "fixture")
    audience = repo / "audience.yaml"
    flipped = "false" if flag == "true" else "true"
    audience.write_text(
        audience.read_text(encoding="utf-8").replace(
            f"is_political_advertising: {flag}", f"is_political_advertising: {flipped}"
        )
    )
    full = by_document(checker.check([repo]))
    incremental = by_document(checker.check([repo], changed_since="HEAD"))
    assert set(incremental) == {("audience", "aud_excluding_members"), ("data_source", "ds_member_register")}
    assert incremental == {key: full[key] for key in incremental}
    assert any(f["rule_id"] == "DAT-013" for f in full[("data_source", "ds_member_register")]) == (flipped == "true")


def _small_repository(tmp_path: Path) -> Path:
    repo = tmp_path / "repo"
    repo.mkdir()
    for file in (ROOT / "fixtures" / "rules" / "AUD-003" / "deny" / "excluded-member-register").iterdir():
        (repo / file.name).write_text(file.read_text(encoding="utf-8"), encoding="utf-8")
    git(repo, "init", "-q")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "fixture")
    return repo


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="FIFOs are POSIX")
def test_a_fifo_in_the_tree_is_reported_not_waited_for(checker: Checker, tmp_path: Path) -> None:
    repo = _small_repository(tmp_path)
    os.mkfifo(repo / "pipe.yaml")
    (repo / "audience.yaml").write_text((repo / "audience.yaml").read_text(encoding="utf-8") + "# edited\n")
    report = checker.check([repo], changed_since="HEAD")  # reading the FIFO's text would block for ever
    assert [(Path(p.file).name, p.message) for p in report.problems] == [
        ("pipe.yaml", "not a regular file: a FIFO (named pipe)")
    ]
    assert int(report.exit_code) == 2


def test_a_file_too_large_to_read_at_the_revision_judges_everything(tmp_path: Path) -> None:
    repo = _small_repository(tmp_path)
    big = repo / "member-register.yaml"
    size = big.stat().st_size
    big.write_text(big.read_text(encoding="utf-8") + "# padding\n" * 200, encoding="utf-8")
    git(repo, "commit", "-qam", "padded")
    big.write_text(big.read_text(encoding="utf-8")[:size], encoding="utf-8")  # back under the limit
    limits = ReadLimits(max_file_size=size + 100)
    changes = changes_since("HEAD", repo, limits)
    assert changes.unread_before  # what it held at HEAD is unknown
    assert changes.judges_everything
    assert affected_slots(GRAPH, changes) is None
    assert not changes_since("HEAD", repo).judges_everything  # read within the default limits


def test_nothing_changed_judges_nothing(checker: Checker, repository: Path) -> None:
    git(repository, "checkout", "-q", "--", ".")
    git(repository, "clean", "-qfd")
    report = checker.check([repository], changed_since="HEAD")
    assert report.documents == ()
    assert int(report.exit_code) == 0
    # The run says what it did: an incremental check of no change, not a clean repository.
    assert [notice.code for notice in report.notices] == ["incremental"]
    assert "HEAD" in report.notices[0].message


def test_a_full_check_of_an_empty_tree_still_judges_nothing_as_a_failure(checker: Checker, tmp_path: Path) -> None:
    assert int(checker.check([tmp_path]).exit_code) == 2


def test_a_changed_policy_context_judges_every_document(checker: Checker, repository: Path) -> None:
    git(repository, "checkout", "-q", "--", ".")
    git(repository, "clean", "-qfd")
    (repository / "context.yaml").write_text(
        "kind: policy_context\nid: stricter\nthresholds: {min_audience_size: 5000}\n", encoding="utf-8"
    )
    try:
        incremental = checker.check([repository], changed_since="HEAD")
        full = checker.check([repository])
    finally:
        (repository / "context.yaml").unlink()
    assert by_document(incremental) == by_document(full)


def test_an_unknown_revision_is_a_usage_error(checker: Checker, repository: Path) -> None:
    with pytest.raises(UsageError, match="not a commit"):
        checker.check([repository], changed_since="no-such-revision")


def test_outside_a_git_repository_is_a_usage_error(checker: Checker, tmp_path: Path) -> None:
    (tmp_path / "vendor.yaml").write_text("kind: vendor\nid: ven_a\nlegal_name: Acme AB\n", encoding="utf-8")
    with pytest.raises(UsageError, match="git"):
        checker.check([tmp_path], changed_since="HEAD")


def node(slot: int, kind: str, ident: str, *references: tuple[str, str]) -> Node:
    return Node(slot, f"/repo/{ident}.yaml", (kind, ident), tuple(references))


def changes_of(*files: str, old_keys: frozenset[tuple[str, str]] = frozenset(), context: bool = False) -> Changes:
    return Changes("HEAD", frozenset(f"/repo/{name}.yaml" for name in files), old_keys, context)


GRAPH = [
    node(0, "vendor", "v"),
    node(1, "data_source", "ds", ("vendor", "v")),
    node(2, "audience", "aud", ("data_source", "ds"), ("campaign", "cmp")),
    node(3, "ad", "ad", ("audience", "aud"), ("campaign", "cmp")),
    node(4, "campaign", "cmp", ("ad", "ad"), ("audience", "aud")),
    node(5, "ad", "other_ad", ("campaign", "cmp")),
    node(6, "vendor", "unrelated"),
]


def test_a_vendor_change_reaches_everything_that_leads_to_it() -> None:
    assert affected_slots(GRAPH, changes_of("v")) == {0, 1, 2, 3, 4}


def test_a_campaign_change_reaches_what_names_it_but_not_through_it() -> None:
    # Ads and audiences see their campaign (a reference not followed further): they are judged again;
    # a change that only the campaign sees does not reach the other ad of the campaign.
    assert affected_slots(GRAPH, changes_of("cmp")) == {2, 3, 4, 5}
    assert 5 not in affected_slots(GRAPH, changes_of("ds"))  # type: ignore[operator]


def test_a_removed_key_reaches_what_referenced_it() -> None:
    assert affected_slots(GRAPH, changes_of(old_keys=frozenset({("data_source", "ds")}))) == {1, 2, 3, 4}


def test_a_change_reaches_the_data_sources_whose_dependents_it_alters() -> None:
    # A source's input.dependents lists the audiences and ads that reach it: a changed audience or ad (its
    # political flag, what it names) changes them, down the lineage too; the vendor is no dependent's route.
    lineage = [*GRAPH, node(7, "data_source", "parent"), node(8, "data_source", "child", ("data_source", "parent"))]
    lineage[2] = node(2, "audience", "aud", ("data_source", "ds"), ("data_source", "child"), ("campaign", "cmp"))
    assert affected_slots(lineage, changes_of("aud")) == {1, 2, 3, 4, 7, 8}
    assert affected_slots(lineage, changes_of("ad")) == {1, 3, 4, 7, 8}
    assert affected_slots(lineage, changes_of("cmp")) == {2, 3, 4, 5}  # a campaign is no dependent
    assert affected_slots(lineage, changes_of("v")) == {0, 1, 2, 3, 4}


def test_a_reference_a_change_removed_still_reaches_its_data_source() -> None:
    # The audience named ds at the revision and names nothing now: ds lost a dependent.
    graph = [node(1, "data_source", "ds"), Node(2, "/repo/aud.yaml", ("audience", "aud"), (), (False, ()))]
    named = {("audience", "aud"): (False, (("data_source", "ds", "custom_audience"),))}
    assert affected_slots(graph, Changes("HEAD", frozenset({"/repo/aud.yaml"}), frozenset(), False, named)) == {1, 2}


def test_a_document_that_tells_its_sources_nothing_new_reaches_none() -> None:
    # Only the text changed (a comment, a creative): the sources it reaches keep their dependents. Its flag
    # flipped, or its facts unknown: they are judged again.
    facts = (False, (("data_source", "ds", "custom_audience"),))
    graph = [
        node(1, "data_source", "ds"),
        Node(2, "/repo/aud.yaml", ("audience", "aud"), (("data_source", "ds"),), facts),
    ]
    same = Changes("HEAD", frozenset({"/repo/aud.yaml"}), frozenset(), False, {("audience", "aud"): facts})
    assert affected_slots(graph, same) == {2}
    flipped = Changes(
        "HEAD", frozenset({"/repo/aud.yaml"}), frozenset(), False, {("audience", "aud"): (True, facts[1])}
    )
    assert affected_slots(graph, flipped) == {1, 2}
    assert affected_slots(graph, changes_of("aud")) == {1, 2}  # nothing known of the revision: reached


def test_a_policy_context_change_judges_everything() -> None:
    assert affected_slots(GRAPH, changes_of(context=True)) is None
    assert affected_slots(GRAPH, changes_of("ctx"), ["/repo/ctx.yaml"]) is None


# --- which files hold an id --------------------------------------------------------------------------------

_ID_TEXT = st.text(alphabet="aB1_.-:", min_size=1, max_size=4).filter(lambda t: t[0] not in "_.-:")
_FILLER = st.sampled_from(
    ["", " ", "\n", "x", "a", "é", "-", ".", ":", '"', "'", "id: ", '"id": "', "id:", "xid: ", "éid:", "_", "[", ", "]
)


def _held_by_pattern(ident: str, text: str, *, defining: bool) -> bool:
    """What "a file holds an id" means, written as one pattern: the id not next to a word character, ``.`` or
    ``-`` (as the value of an ``id`` field, with ``defining``)."""
    word = rf"(?<![\w.-]){re.escape(ident)}(?![\w.-])"
    return re.search(rf"\bid[\"']?\s*:\s*[\"']?{word}" if defining else word, text) is not None


@settings(max_examples=300, deadline=None)
@example(texts=["xid: a1", "éid: a1", "id: a1"], ids={"a1"}, defining=True, indexed=True)
@example(texts=["id: a1.b", "[a1]", "a1-"], ids={"a1"}, defining=False, indexed=False)
@example(texts=["x: aB1", "ab1", "“aB1”"], ids={"aB1"}, defining=False, indexed=True)
@example(
    texts=['"id" : "a1"', "id:\n  'a1'", "id\t:a1", "id: :a1", "id a1", "idx a1", "_id: a1", "id: a11"],
    ids={"a1"},
    defining=True,
    indexed=False,
)
@given(
    texts=st.lists(st.lists(st.one_of(_FILLER, _ID_TEXT), max_size=12).map("".join), min_size=1, max_size=4),
    ids=st.sets(_ID_TEXT, min_size=1, max_size=3),
    defining=st.booleans(),
    indexed=st.booleans(),
)
def test_the_word_index_finds_the_files_a_pattern_finds(
    texts: list[str], ids: set[str], defining: bool, indexed: bool
) -> None:
    """Searched as text (a few ids) or looked up in the index of every file's words (many): the same files."""
    files = [f"f{n}.yaml" for n in range(len(texts))]
    index = _WordIndex(files, dict(zip(files, texts, strict=True)), index_above=0 if indexed else len(ids))
    expected = [
        f for f, t in zip(files, texts, strict=True) if any(_held_by_pattern(i, t, defining=defining) for i in ids)
    ]
    assert index.holding(ids, defining=defining) == expected


def test_real_paths_are_what_realpath_gives(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a" / "b").mkdir(parents=True)
    (tmp_path / "a" / "b" / "f.yaml").write_text("")
    (tmp_path / "l").symlink_to(tmp_path / "a" / "b")
    (tmp_path / "a" / "g.yaml").symlink_to(tmp_path / "a" / "b" / "f.yaml")
    monkeypatch.chdir(tmp_path)
    files = ["a/b/f.yaml", "l/f.yaml", "a/g.yaml", f"{tmp_path}/l/../a/b/f.yaml", "a/./b/f.yaml", "no/x.yaml", "f"]
    assert _real_paths(files) == {file: os.path.realpath(file) for file in files}
