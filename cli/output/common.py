"""What the CI formats share: where a file is shown, the rule ids of problems, exit-code texts, orders.

Where a file is shown is relative to the working directory, which in CI is the checkout; input and engine
problems are reported under synthetic rule ids, so a schema violation has the same name in every format.
"""

from __future__ import annotations

import hashlib
import os
import re
from pathlib import Path, PurePath

from ethiq.engine import ExitCode, Finding, Problem

PROBLEM_RULES = {
    "read_error": "ethiq/read-error",
    "schema_violation": "ethiq/schema-violation",
    "duplicate_id": "ethiq/duplicate-id",
    "waiver_error": "ethiq/waiver-error",
    "baseline_error": "ethiq/baseline-error",
    "context_error": "ethiq/context-error",
    "engine_error": "ethiq/engine-error",
    "policy_error": "ethiq/policy-error",
}
"""Problem kind -> the rule id it is reported under by the CI formats (all at level error)."""


EXIT_MEANINGS = {
    "en": {
        ExitCode.OK: "no blocking finding, and every input was judged",
        ExitCode.BLOCKING: "blocking findings: fail or needs_review of a rule of severity {fail_on} or above, "
        "not waived",
        ExitCode.INPUT_ERROR: "unusable input: unreadable, unparsable, schema-invalid, duplicate id, usage error",
        ExitCode.POLICY_ERROR: "broken policy, policy data or engine",
    },
    "sv": {
        ExitCode.OK: "inga blockerande fynd, och all indata bedömdes",
        ExitCode.BLOCKING: "blockerande fynd: fail eller needs_review från en regel med allvarlighetsgrad "
        "{fail_on} eller högre, utan undantag",
        ExitCode.INPUT_ERROR: "oanvändbar indata: oläslig, otolkbar, bryter mot schemat, dubblerat id, "
        "felaktig användning",
        ExitCode.POLICY_ERROR: "trasig policy, policydata eller motor",
    },
}


TRIAL_BLOCKING = {
    "en": "blocking findings: a fail of a non-waivable rule (the run fails on nothing else)",
    "sv": "blockerande fynd: underkänt mot en regel utan undantag (körningen stoppas inte av något annat)",
}


def exit_meaning(code: ExitCode, lang: str, fail_on: str = "block") -> str:
    """What exit code ``code`` means, in ``lang`` (the README's table)."""
    if code == ExitCode.BLOCKING and fail_on == "none":
        return TRIAL_BLOCKING.get(lang, TRIAL_BLOCKING["en"])
    return EXIT_MEANINGS.get(lang, EXIT_MEANINGS["en"])[code].format(fail_on=fail_on)


def finding_order(finding: Finding) -> tuple[object, ...]:
    """The order of findings in the CI formats: by place, then rule, so two runs give the same output."""
    f = finding
    return (f.file, f.line or 0, f.column or 0, f.rule_id, f.document_id, f.json_path, f.status, f.message)


def problem_order(problem: Problem) -> tuple[object, ...]:
    p = problem
    return (p.file or "", p.line or 0, p.column or 0, p.kind, p.document_id or "", p.message)


def problem_rule_id(problem: Problem) -> str:
    return PROBLEM_RULES.get(problem.kind, f"ethiq/{problem.kind.replace('_', '-')}")


def problem_fingerprint(problem: Problem) -> str:
    """Like :attr:`Finding.fingerprint`: what the problem is and where, but not its line."""
    path = "" if problem.path is None else "/".join(str(p) for p in problem.path)
    key = "\x1f".join((problem.kind, problem.file or "", problem.document_id or "", path, problem.message))
    return hashlib.sha256(key.encode()).hexdigest()[:32]


def relative_file(file: str, root: str | os.PathLike[str] | None = None) -> tuple[str, bool]:
    """``file`` as a forward-slash path relative to ``root`` (default: the working directory) if it lies
    inside it, and whether it does. Paths are compared lexically, not resolved: a symlinked checkout must
    keep the names the user gave."""
    base = os.path.abspath(root if root is not None else os.getcwd())
    full = os.path.normpath(os.path.join(base, file))
    try:
        inside = os.path.commonpath([base, full]) == base
    except ValueError:  # another drive on Windows
        inside = False
    if inside:
        return PurePath(os.path.relpath(full, base)).as_posix(), True
    return Path(full).as_posix(), False


def escape_markdown(text: str) -> str:
    """Plain text inside Markdown (GitHub's CommonMark): characters that would start markup, links or HTML
    are backslash-escaped; an underscore inside a word (``ds_quiz_2026``) cannot emphasise and stays."""
    text = re.sub(r"([\\`*\[\]<>~|&])", r"\\\1", text)
    text = re.sub(r"(?<![0-9A-Za-z])_|_(?![0-9A-Za-z])", r"\\_", text)
    return re.sub(r"^(\s*)([#>+-])", r"\1\\\2", text)
