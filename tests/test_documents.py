"""Reading JSON and YAML: formats, multi-document files, stdin, problems with lines, positions."""

from __future__ import annotations

from pathlib import Path

import pytest

from ethiq.engine.errors import DocumentReadError
from ethiq.engine.read.documents import Document, ReadProblem, _walk, iter_documents, iter_files, parse_documents


def test_yaml_multi_document_keeps_each_start_line() -> None:
    docs = parse_documents("kind: vendor\nid: a\n---\n---\nkind: vendor\nid: b\n", name="v.yaml")
    assert [(d.id, d.source.line) for d in docs] == [("a", 1), ("b", 5)]


def test_yaml_keeps_norway_and_dates_as_strings() -> None:
    (doc,) = parse_documents("kind: vendor\nid: a\ncountry: NO\nsince: 2026-01-10\nflag: yes\nok: true\n")
    assert doc.data["country"] == "NO"
    assert doc.data["since"] == "2026-01-10"
    assert doc.data["flag"] == "yes"
    assert doc.data["ok"] is True


@pytest.mark.parametrize(
    ("text", "name", "line"),
    [
        ("kind: vendor\nid: a\nid: b\n", "dup.yaml", 3),
        ("kind: vendor\nid: [a\n", "bad.yaml", 3),
        ('{"kind": "vendor",, "id": "a"}', "bad.json", 1),
    ],
)
def test_syntax_problems_carry_a_line(text: str, name: str, line: int) -> None:
    with pytest.raises(DocumentReadError) as info:
        parse_documents(text, name=name)
    assert info.value.file == name
    assert info.value.line == line


def test_json_duplicate_key_is_refused() -> None:
    with pytest.raises(DocumentReadError, match="duplicate key 'id'"):
        parse_documents('{"kind": "vendor", "id": "a",\n "id": "b"}', name="d.json")


def test_a_document_must_be_a_mapping() -> None:
    with pytest.raises(DocumentReadError, match="must be a mapping"):
        parse_documents("- a\n- b\n", name="list.yaml")


def test_json_array_holds_several_documents_with_lines() -> None:
    docs = parse_documents('[\n {"kind": "vendor", "id": "a"},\n {"kind": "vendor", "id": "b", "x": [1, 2]}\n]')
    assert [(d.id, d.source.line) for d in docs] == [("a", 2), ("b", 3)]
    assert docs[1].locate(("x", 1)) == (3, 41)


def test_locate_yaml_value_and_nearest_ancestor() -> None:
    (doc,) = parse_documents("kind: data_source\nid: d\ncollection:\n  method: quiz_app\n", name="d.yaml")
    assert doc.locate(("collection", "method")) == (4, 11)
    assert doc.locate(("collection", "platform_app_id")) == (4, 3)


def test_directories_are_walked_sorted_and_hidden_folders_skipped(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / ".git").mkdir()
    (tmp_path / "b" / "z.yaml").write_text("kind: vendor\nid: z\n")
    (tmp_path / "a.json").write_text('{"kind": "vendor", "id": "a"}')
    (tmp_path / ".git" / "x.yaml").write_text("kind: vendor\nid: hidden\n")
    (tmp_path / "notes.txt").write_text("not a document")
    items = list(iter_documents([tmp_path]))
    assert [i.id for i in items if isinstance(i, Document)] == ["a", "z"]


def test_a_walk_lists_what_a_pathlib_walk_lists_in_its_order(tmp_path: Path) -> None:
    """The walk skips hidden folders without entering them; what it lists, and in which order, is what a
    sorted ``rglob`` gives with the hidden paths and the directories taken out."""
    for name in ["a", "a-b", "a/b", "A", "a/.h", ".git/objects", "b/c/d", "ü"]:
        (tmp_path / name).mkdir(parents=True, exist_ok=True)
    for name in [
        "a-b/x.yaml",
        "a/b/x.yaml",
        "a/x.json",
        "A/x.YML",
        "a/.h/x.yaml",
        ".git/objects/x.yaml",
        "b/c/d/x.yaml",
        "ü/x.yaml",
        "a/.x.yaml",
        "a.yaml",
        "a/notes.txt",
        "a0.yml",
    ]:
        (tmp_path / name).write_text("kind: vendor\nid: x\n")
    (tmp_path / "b" / "up").symlink_to("..")  # a link to a directory: listed, not entered
    (tmp_path / "loop.yaml").symlink_to(tmp_path / "loop.yaml")
    (tmp_path / "dangling.yaml").symlink_to(tmp_path / "nowhere.yaml")

    def reference() -> list[Path]:
        paths = sorted(tmp_path.rglob("*"))
        visible = [p for p in paths if not any(part.startswith(".") for part in p.relative_to(tmp_path).parts)]
        return [p for p in visible if p.is_symlink() or not p.is_dir()]

    assert _walk(tmp_path) == reference()
    names = [str(item.file) if isinstance(item, ReadProblem) else str(item) for item in iter_files(tmp_path)]
    assert [Path(n).relative_to(tmp_path).as_posix() for n in names] == [
        "A/x.YML",
        "a/b/x.yaml",
        "a/x.json",
        "a-b/x.yaml",
        "a.yaml",
        "a0.yml",
        "b/c/d/x.yaml",
        "b/up",
        "dangling.yaml",
        "loop.yaml",
        "ü/x.yaml",
    ]


def test_problems_do_not_stop_other_files(tmp_path: Path) -> None:
    (tmp_path / "a.yaml").write_text("kind: [\n")
    (tmp_path / "b.yaml").write_text("kind: vendor\nid: b\n")
    items = list(iter_documents([tmp_path, tmp_path / "missing.yaml"]))
    assert [type(i).__name__ for i in items] == ["ReadProblem", "Document", "ReadProblem"]
    missing = items[2]
    assert isinstance(missing, ReadProblem)
    assert missing.message == "no such file or directory"


def test_stdin_is_read_once_and_located() -> None:
    items = list(iter_documents(["-"], stdin_text="kind: vendor\nid: s\nlegal_name: X\n"))
    (doc,) = items
    assert isinstance(doc, Document)
    assert doc.source.file == "-"
    assert doc.locate(("legal_name",)) == (3, 13)


def test_non_utf8_file_is_a_problem(tmp_path: Path) -> None:
    path = tmp_path / "latin1.yaml"
    path.write_bytes("kind: vendor\nid: å\n".encode("latin-1"))
    (item,) = list(iter_documents([path]))
    assert isinstance(item, ReadProblem)
    assert "UTF-8" in item.message
