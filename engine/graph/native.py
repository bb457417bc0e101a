"""The platforms' own JSON at intake: the document the rules judge is the one its platform adapter derives.

An audience or ad that carries native platform JSON (``native_spec``, ``native_objects``) is judged on what
that JSON says, not on a hand-written copy: :func:`judged` hands the rules the document with the view its
platform adapter (:mod:`ethiq.engine.platforms`) derives from it, reconciled with whatever the document
states by hand, and keeps the :class:`~ethiq.engine.platforms.Derivation` that says where each derived value
came from (so a finding is shown in the native JSON) and what did not match or was not understood
(``input.derived.native``). A document without native JSON is judged as it is.

The same holds for a document reached through references: an ad's audience is seen by the ad's rules as
derived too (:meth:`~ethiq.engine.graph.DocumentIndex.judged_data`). Adapters are pure, so deriving the same
document twice gives the same view.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from ..platforms import Derivation, carries_native, derive
from ..read import Document


def judged(document: Document) -> tuple[Document, Derivation | None]:
    """The document as the rules see it, and its derivation (None when it carries no native JSON)."""
    derivation = derive(document.data) if carries_native(document.data) else None
    if derivation is None:
        return document, None
    return dataclasses.replace(document, data=derivation.document), derivation


def judged_data(data: dict[str, Any]) -> dict[str, Any]:
    """The data the rules see of a document: with the derived view where it carries native JSON."""
    if not carries_native(data):
        return data
    derivation = derive(data)
    return data if derivation is None else derivation.document


__all__ = ["judged", "judged_data"]
