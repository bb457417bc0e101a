"""What the rules receive, without judging: the exact ``input`` of each document, and its derived view.

``ethiq inspect`` and ``ethiq input`` (and :meth:`ethiq.Checker.inputs`) read, validate and index the
inputs as a check does, then build each judgeable document's ``input`` with the very builder the check
uses (:meth:`.stages.DocumentStages.input_json`): the text sent to the engine, so what is shown is what is
judged, and what an OPA server given the same policies would need. A document with native platform JSON
also shows the view its platform adapter derived from it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from ..evaluate.parallel import intake_items
from ..graph.native import judged
from ..read import Document, ReadProblem
from ..report import ExitCode, Problem
from .stages import DocumentStages


@dataclass(frozen=True, slots=True)
class DocumentInput:
    """One judgeable document: where it is, the view derived from its native JSON, and its ``input``."""

    id: str | None
    kind: str | None
    file: str
    line: int
    platform: str | None
    view: dict[str, Any] | None  # the fields the platform adapter derived; None without native JSON
    input: dict[str, Any]  # exactly what the rules receive
    input_json: str  # the same, as the JSON text the engine is given

    def to_dict(self) -> dict[str, Any]:
        return {
            "id": self.id,
            "kind": self.kind,
            "file": self.file,
            "line": self.line,
            "platform": self.platform,
            "derived_view": self.view,
            "input": self.input,
        }


@dataclass(frozen=True, slots=True)
class Inspection:
    """The inputs of a run: one :class:`DocumentInput` per judgeable document, and the problems of the rest."""

    documents: tuple[DocumentInput, ...]
    problems: tuple[Problem, ...]

    @property
    def exit_code(self) -> ExitCode:
        """2 when some input could not be used (it has no ``input``), else 0: nothing was judged."""
        return ExitCode.INPUT_ERROR if self.problems else ExitCode.OK


def inspect_items(stages: DocumentStages, items: Iterable[Document | ReadProblem]) -> Inspection:
    """The ``input`` of every judgeable document of ``items``, built as the check builds it."""
    run = intake_items(stages, items)  # as the check takes them in: the input shown is the input judged
    out = []
    for _, document in run.pending:
        text = stages.input_json(document, run.index, run.context)
        _, derivation = judged(document)
        platform = document.data.get("platform")
        out.append(
            DocumentInput(
                id=document.id,
                kind=document.kind,
                file=document.source.file,
                line=document.source.line,
                platform=platform if isinstance(platform, str) else None,
                view=_plain(derivation.adaptation.view) if derivation is not None else None,
                input=json.loads(text),
                input_json=text,
            )
        )
    return Inspection(tuple(out), run.ledger.finish().problems)


def _plain(value: Any) -> Any:
    return json.loads(json.dumps(value, ensure_ascii=False))


__all__ = ["DocumentInput", "Inspection", "inspect_items"]
