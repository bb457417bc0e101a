"""Platform adapters: each platform's own JSON to the platform-neutral view the rules read.

One adapter per platform, chosen by the document's ``platform`` in :data:`ADAPTERS`. An adapter is a pure
function from a document (its ``native_spec`` and ``native_objects``) to an :class:`Adaptation`: the
derived view, the native path of every value in it, and whatever it did not understand. :func:`derive`
applies it to a document and reconciles the result with what the document states by hand, giving the
document the rules judge and ``input.derived.native``. The shapes are in docs/documents.md ("Platform
adapters") and docs/policy-authoring.md.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any

from . import google_ads, linkedin, meta
from .view import (
    AUDIENCE_ANNOTATIONS,
    CRITERION_ANNOTATIONS,
    LOOKALIKE_ANNOTATIONS,
    NO_ADAPTER,
    REASONS,
    Adaptation,
    Mismatch,
    Path,
    Reconciled,
    Unknown,
    ViewBuilder,
    reconcile,
)

Adapter = Callable[[Mapping[str, Any]], Adaptation]

#: Platform name (a document's ``platform``) -> its adapter.
ADAPTERS: dict[str, Adapter] = {
    google_ads.PLATFORM: google_ads.adapt,
    linkedin.PLATFORM: linkedin.adapt,
    meta.PLATFORM: meta.adapt,
}

#: The kinds whose documents may carry native platform objects.
NATIVE_KINDS = ("audience", "ad")

#: The document fields that hold native platform JSON.
NATIVE_FIELDS = ("native_spec", "native_objects")


@dataclass(frozen=True, slots=True)
class Derivation:
    """A document as the rules see it, with what the engine hands them as ``input.derived.native``."""

    document: dict[str, Any]
    adaptation: Adaptation
    mismatches: tuple[Mismatch, ...]
    #: A derived entry that took annotations from a hand-written one -> the hand-written entry's path.
    annotated: Mapping[Path, Path] = field(default_factory=dict)
    #: Where a view field the native JSON leaves unset is shown: the native spec, when there is one.
    unset: Path | None = None

    def native_input(self) -> dict[str, Any]:
        """``input.derived.native``: the platform, the unknown native keys and the stated/derived mismatches."""
        return {
            "platform": self.adaptation.platform,
            "unknown": [u.to_dict() for u in self.adaptation.unknown],
            "declared_mismatch": [m.to_dict() for m in self.mismatches],
        }

    def locate(self, path: Path) -> Path:
        """Where a finding at ``path`` (a path into :attr:`document`) points in the document as written.

        A path into the derived view is moved to the native place of the path or of its nearest ancestor
        that came from it. A path that is already in the document as written stays: one into the native
        JSON, and the hand-written value of a mismatch that the native JSON does not have (NAT-001). A path
        into an annotation only a person can state (``art9``, ``data_source_ids``, ``lookalike.origin_ref``,
        ...) is shown where the hand-written entry states it.
        """
        if path and path[0] in NATIVE_FIELDS:
            return path
        if any(m.what == "extra" and m.declared_path == path for m in self.mismatches):
            return path
        if len(path) > 3 and path[:3] in self.annotated and _is_annotation(path[:3], path[3:]):
            return (*self.annotated[path[:3]], *path[3:])
        found = self.adaptation.native_path(path)
        if found is None and self.unset is not None and path and path[0] == "normalized":
            return self.unset  # e.g. Advantage+ audience not set: it is the native spec that leaves it out
        return found or path


def _is_annotation(entry: Path, rest: Path) -> bool:
    """Whether ``rest`` (a path inside the view entry ``entry``) is a field only a person states."""
    if entry[1] in ("include", "exclude"):
        return rest[0] in CRITERION_ANNOTATIONS
    return rest[0] in AUDIENCE_ANNOTATIONS or (
        rest[0] == "lookalike" and len(rest) > 1 and rest[1] in LOOKALIKE_ANNOTATIONS
    )


def carries_native(document: Mapping[str, Any]) -> bool:
    """Whether ``document`` holds native platform JSON that an adapter must read."""
    return document.get("kind") in NATIVE_KINDS and any(document.get(f) is not None for f in NATIVE_FIELDS)


def adapt(document: Mapping[str, Any]) -> Adaptation:
    """The adaptation of ``document`` by its platform's adapter; without one, all its native JSON is unknown."""
    platform = document.get("platform")
    adapter = ADAPTERS.get(platform) if isinstance(platform, str) else None
    if adapter is not None:
        return adapter(document)
    builder = ViewBuilder(str(platform))
    for name in NATIVE_FIELDS:
        if document.get(name) is not None:
            builder.flag((name,), name, NO_ADAPTER)
    return builder.build()


def derive(document: Mapping[str, Any]) -> Derivation | None:
    """The document the rules judge and ``input.derived.native``, or None when it carries no native JSON."""
    if not carries_native(document):
        return None
    adaptation = adapt(document)
    targets = document.get("kind") == "audience" and document.get("native_spec") is not None
    if targets and "normalized" not in adaptation.view:  # a spec that targets nothing states a projection: {}
        adaptation = dataclasses.replace(adaptation, view={**adaptation.view, "normalized": {}})
    reconciled = reconcile(document, adaptation)
    unset: Path | None = ("native_spec",) if isinstance(document.get("native_spec"), Mapping) else None
    return Derivation(reconciled.document, adaptation, tuple(reconciled.mismatches), reconciled.annotated, unset)


__all__ = [
    "ADAPTERS",
    "NATIVE_FIELDS",
    "NATIVE_KINDS",
    "REASONS",
    "Adaptation",
    "Adapter",
    "Derivation",
    "Mismatch",
    "Path",
    "Reconciled",
    "Unknown",
    "adapt",
    "carries_native",
    "derive",
]
