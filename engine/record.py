"""The accountability record of a run, and its verification: what was decided, on which exact inputs.

GDPR Art. 5(2) makes the controller prove compliance. A record (:func:`record_of`) holds the sha256 of every
file a run read (input documents, policy modules and the seed catalog, context files, document schemas, the
waiver and baseline files), ethiq's and the engine's versions, ``as_of``, the git commit of the working
directory (and whether it had uncommitted changes), the verdict per document and the fingerprint of every
finding. It is built from the :class:`~ethiq.engine.Report` alone, so every front end records the same run
the same way; it reads no clock.

:func:`verify_record` re-hashes the recorded files and re-runs the check with the recorded settings, and
says whether the decision is the same. Paths inside the working directory are recorded relative to it, files
of ethiq's bundled policy library relative to that library, so a record verifies on another machine from a
checkout of the same repository.

Structure: ``policies/schemas/record.schema.json`` (documented in docs/report-format.md).
"""

from __future__ import annotations

import hashlib
import json
import os
from collections import Counter
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path, PurePath
from typing import Any

from .errors import InputError
from .evaluate import bundled_policy_dir, engine_version
from .pipeline import check
from .report import TOOL_VERSION, Report, is_file_name
from .resources import package_dir

__all__ = [
    "RECORD_VERSION",
    "FileCheck",
    "RecordFileError",
    "RecordVerification",
    "check_record",
    "git_state",
    "load_record",
    "record_of",
    "record_schema",
    "verify_record",
]

RECORD_VERSION = "1.0"

#: The roles a recorded file plays, in the order the record lists them.
ROLES = ("input", "policy", "context", "schema", "waivers", "baseline")


class RecordFileError(InputError):
    """The record file is unreadable, not JSON, or breaks the record schema (exit 2)."""


@cache
def record_schema() -> dict[str, Any]:
    """The JSON Schema (draft-07) of a record."""
    text = package_dir("ethiq.policies").joinpath("schemas", "record.schema.json").read_text(encoding="utf-8")
    schema: dict[str, Any] = json.loads(text)
    return schema


def sha256_of(path: str | os.PathLike[str]) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as stream:
        for block in iter(lambda: stream.read(1 << 16), b""):
            digest.update(block)
    return digest.hexdigest()


def _shown(file: str, root: Path) -> tuple[str, bool]:
    """``file`` as recorded, and whether it belongs to the bundled policy library: relative to the library,
    else relative to ``root`` (forward slashes) when inside it, else absolute. Compared lexically, not
    resolved, so a symlinked checkout keeps the names the user gave."""
    full = os.path.normpath(os.path.join(root, file))
    for base, bundled in ((os.path.normpath(bundled_policy_dir()), True), (os.path.normpath(root), False)):
        try:
            inside = os.path.commonpath([base, full]) == base
        except ValueError:  # another drive on Windows
            inside = False
        if inside:
            return PurePath(os.path.relpath(full, base)).as_posix(), bundled
    return Path(full).as_posix(), False


def _located(path: str, bundled: bool, root: Path) -> Path:
    """Where a recorded file is now: in this installation's policy library, or under ``root``."""
    return (bundled_policy_dir() if bundled else root) / path


def _origin_file(origin: str) -> str:
    """The file of a context origin ``file:line``."""
    file, sep, line = origin.rpartition(":")
    return file if sep and line.isdigit() else origin


def git_state(root: str | os.PathLike[str] | None = None) -> dict[str, Any] | None:
    """The commit checked out at ``root`` (default: the working directory) and whether the tree has changes
    (untracked files count), or None outside a repository or without git."""
    import subprocess  # only a record asks git

    where = Path.cwd() if root is None else Path(root)

    def git(*args: str) -> str | None:
        try:
            done = subprocess.run(["git", *args], cwd=where, capture_output=True, text=True, timeout=30, check=False)
        except (OSError, subprocess.SubprocessError):
            return None
        return done.stdout if done.returncode == 0 else None

    commit = git("rev-parse", "--verify", "HEAD")
    if commit is None:
        return None
    status = git("status", "--porcelain")
    return {"commit": commit.strip(), "dirty": None if status is None else bool(status.strip())}


def _policy_files(report: Report) -> list[str]:
    seed = bundled_policy_dir() / "data" / "seed.yaml"
    return [*report.policy_files, str(seed)]


def _schema_files(report: Report) -> list[str]:
    kinds = sorted({d.kind for d in report.documents if d.kind})
    schemas = bundled_policy_dir() / "schemas"
    return [str(schemas / f"{kind}.schema.json") for kind in kinds if (schemas / f"{kind}.schema.json").is_file()]


def record_of(
    report: Report, *, root: str | os.PathLike[str] | None = None, stdin_text: str | None = None
) -> dict[str, Any]:
    """The accountability record of ``report``. ``root`` (default: the working directory) is what paths are
    recorded relative to and where git is asked for the commit; ``stdin_text``, when documents came from
    standard input, is hashed so the record says which text was judged."""
    base = Path(os.path.abspath(Path.cwd() if root is None else root))
    sources = [d.file for d in report.documents] + [p.file for p in report.problems if p.file]
    input_files = list(dict.fromkeys(f for f in sources if is_file_name(f)))
    others = sorted({f for f in sources if not is_file_name(f)})
    context_files = list(dict.fromkeys(_origin_file(o) for o in report.context_origins))
    extra_context = [f for f in context_files if f not in set(input_files)]

    files: list[dict[str, Any]] = []
    seen: set[tuple[str, str]] = set()

    def add(role: str, file: str) -> dict[str, Any] | None:
        path, bundled = _shown(file, base)
        if (role, path) in seen:
            return None
        seen.add((role, path))
        entry: dict[str, Any] = {"role": role, "path": path, "bundled": bundled}
        try:
            entry["sha256"] = sha256_of(os.path.join(base, file))
            entry["bytes"] = os.path.getsize(os.path.join(base, file))
        except OSError:  # gone since the run read it: recorded as unreadable, never as a hash
            entry["sha256"] = None
            entry["bytes"] = None
        files.append(entry)
        return entry

    for file in input_files:
        add("input", file)
    for file in _policy_files(report):
        add("policy", file)
    for file in extra_context:
        add("context", file)
    for file in _schema_files(report):
        add("schema", file)
    if report.waivers_file:
        add("waivers", report.waivers_file)
    if report.baseline is not None:
        add("baseline", report.baseline.file)
    if report.config_file:  # hashed, so that a changed configuration shows; its settings are recorded above
        add("config", report.config_file)

    def setting(role: str) -> list[str]:
        return [f["path"] for f in files if f["role"] == role and not f["bundled"]]

    import platform  # only a record names the interpreter

    waivers = setting("waivers")
    baseline = setting("baseline")
    return {
        "record_version": RECORD_VERSION,
        "tool": {"name": "ethiq", "version": _version(), "engine": report.engine, "python": platform.python_version()},
        "as_of": report.as_of,
        "lang": report.lang,
        "fail_on": report.fail_on,
        "git": git_state(base),
        "settings": {
            "policies": setting("policy"),
            "context": setting("context"),
            "waivers": waivers[0] if waivers else None,
            "baseline": baseline[0] if baseline else None,
        },
        "files": files,
        "other_sources": [
            {
                "name": name,
                "sha256": (
                    hashlib.sha256(stdin_text.encode("utf-8", "surrogateescape")).hexdigest()
                    if name == "-" and stdin_text is not None
                    else None
                ),
            }
            for name in others
        ],
        "exit_code": int(report.exit_code),
        "summary": report.summary(),
        "documents": [
            {
                "file": _shown(d.file, base)[0] if is_file_name(d.file) else d.file,
                "id": d.id,
                "kind": d.kind,
                "line": d.line,
                "verdict": str(d.verdict),
            }
            for d in report.documents
        ],
        "findings": sorted(
            (_finding_entry(f, report.fail_on) for f in report.findings),
            key=lambda e: (e["fingerprint"], e["rule_id"], e["document_id"], e["status"]),
        ),
        "problems": [
            {
                "kind": str(p.kind),
                "file": (_shown(p.file, base)[0] if is_file_name(p.file) else p.file) if p.file else None,
                "line": p.line,
                "document_id": p.document_id,
                "message": p.message,
            }
            for p in report.problems
        ],
        "notices": [{"code": n.code, "message": n.message} for n in getattr(report, "notices", ())],
        "context_relaxations": [
            {"describe": r.describe(), **r.to_dict()} for r in getattr(report, "context_relaxations", ())
        ],
    }


def _finding_entry(finding: Any, fail_on: str) -> dict[str, Any]:
    return {
        "fingerprint": finding.fingerprint,
        "rule_id": finding.rule_id,
        "document_id": finding.document_id,
        "kind": finding.kind,
        "status": str(finding.status),
        "severity": finding.severity,
        "blocking": finding.blocks_at(fail_on),
        "waiver": str(finding.waiver.get("id")) if finding.waiver is not None else None,
        "baselined": finding.baselined,
    }


def _version() -> str:
    return TOOL_VERSION


# --- verification --------------------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FileCheck:
    """One recorded file re-hashed: ``same``, ``changed``, ``missing`` (or unreadable), or ``added`` (a file
    of the bundled policy library the record does not name)."""

    role: str
    path: str
    bundled: bool
    state: str
    recorded: str | None = None
    actual: str | None = None


@dataclass(frozen=True, slots=True)
class RecordVerification:
    """The outcome of :func:`verify_record`. ``exit_code``: 0 the same files give the same decision; 1 a
    file changed or the decision differs; 2 the decision cannot be reproduced (a recorded file is missing,
    or documents came from standard input or memory)."""

    files: tuple[FileCheck, ...]
    differences: tuple[str, ...] = ()  # how the re-run's decision differs from the recorded one
    unreproducible: tuple[str, ...] = ()  # why the check could not be re-run
    notes: tuple[str, ...] = ()  # differences that do not change the decision (versions)
    rerun_exit_code: int | None = None
    recorded_exit_code: int = 0
    checked: Mapping[str, int] = field(default_factory=dict)  # role -> files re-hashed

    @property
    def changed(self) -> list[FileCheck]:
        return [f for f in self.files if f.state != "same"]

    def file_states(self) -> dict[str, int]:
        """Number of files per state."""
        return dict(sorted(Counter(c.state for c in self.files).items()))

    @property
    def exit_code(self) -> int:
        if self.unreproducible or any(f.state == "missing" for f in self.files):
            return 2
        if self.changed or self.differences:
            return 1
        return 0


def load_record(path: str | os.PathLike[str]) -> dict[str, Any]:
    """Read and validate a record file; :class:`RecordFileError` (exit 2) lists what is wrong with it."""
    try:
        text = Path(path).read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as err:
        raise RecordFileError(f"{path}: cannot read the record: {err}") from err
    try:
        record = json.loads(text)
    except json.JSONDecodeError as err:
        raise RecordFileError(f"{path}:{err.lineno}:{err.colno}: the record is not JSON: {err.msg}") from err
    check_record(record, file=str(path))
    if not isinstance(record, dict):  # pragma: no cover - the schema requires an object
        raise RecordFileError(f"{path}: a record is a JSON object")
    return record


def check_record(record: Any, *, file: str = "<record>") -> None:
    """Raise :class:`RecordFileError` unless ``record`` is valid against the record schema."""
    from jsonschema import Draft7Validator  # only a record read back is checked

    errors = sorted(Draft7Validator(record_schema()).iter_errors(record), key=lambda e: list(map(str, e.path)))
    if errors:
        lines = [f"{e.json_path}: {e.message}" for e in errors[:20]]
        raise RecordFileError(f"{file}: not an ethiq record:\n  " + "\n  ".join(lines))


def verify_record(
    record: Mapping[str, Any], *, root: str | os.PathLike[str] | None = None, rerun: bool = True
) -> RecordVerification:
    """Re-hash the files of ``record`` and re-run its check: does the same input give the same decision?

    ``root`` (default: the working directory) is where the record's relative paths are found: the directory
    the recorded run was started in, in a checkout of the same repository.
    """
    check_record(record)
    base = Path(os.path.abspath(Path.cwd() if root is None else root))
    checks: list[FileCheck] = []
    for entry in record["files"]:
        located = _located(entry["path"], entry["bundled"], base)
        try:
            actual: str | None = sha256_of(located)
        except OSError:
            actual = None
        recorded = entry["sha256"]
        # Unreadable then and now is "same": a missing path was an input problem of the recorded run too.
        state = "same" if actual == recorded else "missing" if actual is None else "changed"
        checks.append(FileCheck(entry["role"], entry["path"], entry["bundled"], state, recorded, actual))
    recorded_policies = {e["path"] for e in record["files"] if e["role"] == "policy" and e["bundled"]}
    for module in _bundled_modules():
        if module not in recorded_policies:
            checks.append(FileCheck("policy", module, True, "added", None, sha256_of(bundled_policy_dir() / module)))

    unreproducible = [
        f"documents came from {source['name']}, which cannot be read again" for source in record["other_sources"]
    ]
    notes = []
    tool = record["tool"]
    if tool["version"] != _version():
        notes.append(f"recorded with ethiq {tool['version']}, verified with ethiq {_version()}")
    if tool["engine"] != engine_version():
        notes.append(f"recorded with {tool['engine']}, verified with {engine_version()}")

    counts = Counter(c.role for c in checks if c.state != "added")
    outcome = RecordVerification(
        files=tuple(checks),
        unreproducible=tuple(unreproducible),
        notes=tuple(notes),
        recorded_exit_code=int(record["exit_code"]),
        checked=dict(counts),
    )
    if not rerun or outcome.exit_code == 2:
        return outcome
    report = _rerun(record, base)
    again = record_of(report, root=base)
    return RecordVerification(
        files=outcome.files,
        differences=tuple(_differences(record, again)),
        notes=outcome.notes,
        rerun_exit_code=int(report.exit_code),
        recorded_exit_code=outcome.recorded_exit_code,
        checked=outcome.checked,
    )


def _bundled_modules() -> list[str]:
    root = bundled_policy_dir()
    return sorted(
        PurePath(os.path.relpath(p, root)).as_posix() for p in root.rglob("*.rego") if not p.name.endswith("_test.rego")
    )


def _rerun(record: Mapping[str, Any], base: Path) -> Report:
    """The recorded check again: the recorded input files (no directory walk, no configuration file), as_of,
    language, threshold, extra policies and context, waivers and baseline."""
    settings = record["settings"]

    def here(path: str) -> str:
        return str(base / path)

    inputs = [here(e["path"]) for e in record["files"] if e["role"] == "input"]
    return check(
        inputs,
        as_of=record["as_of"],
        lang=record["lang"],
        fail_on=record["fail_on"],
        policies=[here(p) for p in settings["policies"]],
        context=[here(p) for p in settings["context"]],
        waivers=here(settings["waivers"]) if settings["waivers"] else None,
        baseline=here(settings["baseline"]) if settings["baseline"] else None,
    )


def _differences(recorded: Mapping[str, Any], again: Mapping[str, Any]) -> Iterable[str]:
    """How the re-run's decision differs from the recorded one, in words."""
    if recorded["exit_code"] != again["exit_code"]:
        yield f"exit code {recorded['exit_code']} recorded, {again['exit_code']} now"

    def verdicts(record: Mapping[str, Any]) -> dict[tuple[Any, ...], str]:
        return {(d["file"], d["id"], d["kind"], d["line"]): d["verdict"] for d in record["documents"]}

    before, after = verdicts(recorded), verdicts(again)
    for key in sorted(before.keys() | after.keys(), key=lambda k: tuple(str(p) for p in k)):
        file, doc, kind, line = key
        where = f"{file}:{line} {kind} {doc}"
        if key not in after:
            yield f"{where}: recorded as {before[key]}, not judged now"
        elif key not in before:
            yield f"{where}: judged {after[key]} now, not in the record"
        elif before[key] != after[key]:
            yield f"{where}: verdict {before[key]} recorded, {after[key]} now"

    def findings(record: Mapping[str, Any]) -> Counter[tuple[Any, ...]]:
        return Counter(
            tuple(f[k] for k in ("fingerprint", "rule_id", "document_id", "status", "blocking", "waiver", "baselined"))
            for f in record["findings"]
        )

    old, new = findings(recorded), findings(again)
    for entry in sorted((old - new).keys(), key=str):
        yield f"finding {entry[1]} on {entry[2]} ({entry[3]}, fingerprint {entry[0]}) recorded, not found now"
    for entry in sorted((new - old).keys(), key=str):
        yield f"finding {entry[1]} on {entry[2]} ({entry[3]}, fingerprint {entry[0]}) found now, not in the record"
    problems_before = Counter((p["kind"], p["file"], p["document_id"]) for p in recorded["problems"])
    problems_after = Counter((p["kind"], p["file"], p["document_id"]) for p in again["problems"])
    if problems_before != problems_after:
        yield f"{sum(problems_before.values())} problems recorded, {sum(problems_after.values())} now"
