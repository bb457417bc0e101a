"""Facts the engine derives from a document because Rego cannot: today, the content hash of an ad's text.

regorus has no hash built-ins, and a declared ``equivalence: identical`` must not be trusted (AD-006), so
the engine computes the normalised-text hash of ``creative.text`` and passes it as
``input.derived.creative_text_sha256``. The party's public-post index must carry hashes computed the same
way: :func:`content_sha256` (also ``ethiq.content_sha256``) is that function.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping
from typing import Any
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

_URL = re.compile(r"https?://[^\s<>\"']+", re.IGNORECASE)
_TRACKING = re.compile(r"^(utm_[a-z0-9_]+|fbclid|gclid|dclid|msclkid|mc_eid|igshid)$", re.IGNORECASE)


def _strip_tracking(url: str) -> str:
    parts = urlsplit(url)
    query = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True) if not _TRACKING.match(k)]
    return urlunsplit((parts.scheme, parts.netloc, parts.path, urlencode(query), parts.fragment))


def normalize_text(text: str) -> str:
    """NFKC, case-folded, tracking parameters removed from URLs, white space collapsed."""
    folded = unicodedata.normalize("NFKC", text).casefold()
    without_tracking = _URL.sub(lambda m: _strip_tracking(m.group(0)), folded)
    return " ".join(without_tracking.split())


def content_sha256(text: str) -> str:
    """The hex sha256 of :func:`normalize_text`: equal for texts a reader would call the same message."""
    return hashlib.sha256(normalize_text(text).encode("utf-8")).hexdigest()


def derive(data: Mapping[str, Any]) -> dict[str, Any]:
    """``input.derived`` for one document (empty when nothing applies)."""
    derived: dict[str, Any] = {}
    creative = data.get("creative") if data.get("kind") == "ad" else None
    if isinstance(creative, Mapping) and isinstance(creative.get("text"), str):
        derived["creative_text_sha256"] = content_sha256(creative["text"])
    return derived
