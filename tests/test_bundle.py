"""The OPA bundle: its exact layout, reproducible bytes, and a reader that refuses what OPA refuses.

That OPA loads it and decides as ethiq does is tested in test_opa_parity.py.
"""

from __future__ import annotations

import gzip
import io
import json
import tarfile
from pathlib import Path
from typing import Any

import pytest

from ethiq.engine.errors import PolicyLoadError
from ethiq.engine.evaluate.bundle import build_bundle, bundle_files, read_bundle, root_contains, roots_overlap
from ethiq.engine.evaluate.policies import Module, bundled_policy_dir, load_policy_set
from ethiq.engine.graph import build_context

POLICY_SET = load_policy_set()
DATA = build_context().rego_data()


def _tar(files: dict[str, bytes]) -> bytes:
    raw = io.BytesIO()
    with tarfile.open(fileobj=raw, mode="w") as archive:
        for name, content in files.items():
            info = tarfile.TarInfo(name)
            info.size = len(content)
            archive.addfile(info, io.BytesIO(content))
    return gzip.compress(raw.getvalue())


def _manifest(roots: list[str]) -> bytes:
    return json.dumps({"revision": "r1", "roots": roots}).encode()


def test_the_bundle_holds_the_policies_the_context_and_a_manifest() -> None:
    files = bundle_files(POLICY_SET.modules, DATA, entry_points=POLICY_SET.entry_points)
    policies = {"/policies/" + Path(m.path).relative_to(bundled_policy_dir()).as_posix() for m in POLICY_SET.modules}
    assert set(files) == {"/.manifest", "/data.json", *policies}
    assert not any(name.endswith("_test.rego") for name in files)
    assert json.loads(files["/data.json"]) == DATA
    manifest = json.loads(files["/.manifest"])
    assert manifest == {
        "revision": manifest["revision"],
        "roots": ["ethiq"],
        "rego_version": 1,
        "metadata": {"entry_points": dict(sorted(POLICY_SET.entry_points.items()))},
    }
    assert manifest["revision"].startswith("sha256:")


def test_the_same_contents_give_the_same_bytes_and_revision() -> None:
    first = build_bundle(POLICY_SET.modules, DATA, entry_points=POLICY_SET.entry_points)
    assert first == build_bundle(POLICY_SET.modules, DATA, entry_points=POLICY_SET.entry_points)
    other_data = {"ethiq": {**DATA["ethiq"], "context": {**DATA["ethiq"]["context"], "thresholds": {}}}}
    assert read_bundle(build_bundle(POLICY_SET.modules, other_data)).revision != read_bundle(first).revision
    assert read_bundle(build_bundle(POLICY_SET.modules, DATA, revision="2026-11-23.1")).revision == "2026-11-23.1"


def test_reading_the_bundle_back_gives_the_modules_and_data() -> None:
    bundle = read_bundle(build_bundle(POLICY_SET.modules, DATA))
    assert sorted(text for _, text in bundle.modules) == sorted(m.text for m in POLICY_SET.modules)
    assert bundle.data == DATA
    assert bundle.roots == ["ethiq"]


def test_extra_policies_go_below_extra_and_add_their_root(tmp_path: Path) -> None:
    (tmp_path / "org" / "lib").mkdir(parents=True)
    text = 'package org.lib.words\n\nbanned := {"x"}\n'
    (tmp_path / "org" / "lib" / "words.rego").write_text(text)
    rules = 'package ethiq.rules.vendor\n\nwarn contains "org" if false\n'
    (tmp_path / "org" / "vendor.rego").write_text(rules)
    extra = [
        Module(str(tmp_path / "org" / "lib" / "words.rego"), text, "org.lib.words", bundled=False),
        Module(str(tmp_path / "org" / "vendor.rego"), rules, "ethiq.rules.vendor", bundled=False),
    ]
    files = bundle_files([*POLICY_SET.modules, *extra], DATA)
    assert {name for name in files if name.startswith("/extra/")} == {"/extra/lib/words.rego", "/extra/vendor.rego"}
    assert json.loads(files["/.manifest"])["roots"] == ["ethiq", "org"]


@pytest.mark.parametrize(
    ("files", "message"),
    [
        (
            {"/.manifest": _manifest(["ethiq"]), "/x.rego": b"package other\n\nx := 1\n"},
            "do not permit package 'other'",
        ),
        ({"/.manifest": _manifest(["ethiq", "ethiq/rules"])}, "overlapped roots"),
        (
            {"/.manifest": _manifest(["ethiq"]), "/data.json": b'{"other": {"a": 1}}'},
            "do not permit data at path '/other'",
        ),
        ({"/.manifest": _manifest(["ethiq/context"]), "/ethiq/data.json": b'{"index": {}}'}, "path '/ethiq/index'"),
        ({"/.manifest": b'["not", "an", "object"]'}, "the manifest is not an object"),
        ({"/data.json": b"{not json"}, "not JSON"),
        ({"/ethiq/data.json": b'{"a": 1}', "/ethiq/a/data.json": b'{"b": 2}'}, "data conflicts at ethiq/a"),
    ],
)
def test_reading_refuses_what_opa_refuses(files: dict[str, bytes], message: str) -> None:
    with pytest.raises(PolicyLoadError, match=message):
        read_bundle(_tar(files))


def test_data_files_land_at_their_directory() -> None:
    files = {
        "/.manifest": _manifest(["ethiq", "org"]),
        "/data.json": b'{"ethiq": {"context": {"a": 1}}}',
        "/ethiq/index/data.json": b'{"names": ["x"]}',
        "org/data.json": b'{"k": true}',
    }
    assert read_bundle(_tar(files)).data == {
        "ethiq": {"context": {"a": 1}, "index": {"names": ["x"]}},
        "org": {"k": True},
    }


def test_a_bundle_that_is_not_a_gzipped_tar_is_refused() -> None:
    with pytest.raises(PolicyLoadError, match="not a gzipped tar"):
        read_bundle(b"PK\x03\x04 a zip file")


@pytest.mark.parametrize(
    ("first", "second", "overlap"),
    [("ethiq", "ethiq/rules", True), ("ethiq", "ethiqx", False), ("", "org", True), ("a/b", "a/c", False)],
)
def test_roots_overlap_by_whole_segments(first: str, second: str, overlap: bool) -> None:
    assert roots_overlap(first, second) is overlap


def test_a_root_contains_the_paths_below_it() -> None:
    roots: list[Any] = ["ethiq", "org/lib"]
    assert [root_contains(roots, p) for p in ("ethiq/rules/ad", "org/lib", "org", "ethiqx")] == [
        True,
        True,
        False,
        False,
    ]
