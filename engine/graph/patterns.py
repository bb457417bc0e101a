"""The context's name patterns matched by the engine, once per distinct name: ``input.name_patterns``.

AUD-002 and AUD-003 ask whether an unclassified criterion's display name matches any of the context's
``sensitive_criteria_map.name_patterns`` (RE2, Go syntax). regorus compiles a pattern on every
``regex.match``, so an audience cost one compilation per pattern and criterion. The engine matches each
distinct name against every pattern once per run and hands over the patterns it matched.

The engine answers only where Python's ``re`` is known to decide exactly as ``regex.match`` does (Go's
RE2, and regorus's Rust ``regex``, which agree there): names of printable ASCII characters only, and
patterns written in a small subset of the syntax whose meaning is the same in all three (literals,
classes, groups, alternation, the usual quantifiers, the anchors ``^`` and ``$``, a leading ``(?i)``,
``\\b``, ``\\B``, ``\\d``, ``\\w``, ``\\s`` and escaped punctuation). Over ASCII text ``\\b``, ``\\w``,
``\\d`` and ``\\s`` are the same in all three, ``.`` and ``$`` meet no line break, and case folding under
``(?i)`` pairs only ASCII letters with each other unless the pattern holds a character whose case forms
include an ASCII letter (the Kelvin sign, the long s, the dotted and dotless i), which is refused. Any other
pattern makes the engine give no answer at all, and any other name gets none: the rules then call
``regex.match`` themselves, as before.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

#: Escapes that mean the same in RE2, Rust's regex and Python's re over printable ASCII text.
_CLASS_ESCAPES = frozenset("dDwWsS")
_ANCHOR_ESCAPES = frozenset("bB")
_PUNCTUATION = frozenset("\\.+*?()|[]{}^$-")  # the metacharacters: escaped, themselves in all three
_MAX_REPEAT = 1000  # RE2 refuses a larger count
_QUANTIFIER = re.compile(r"\{(\d+)(,(\d+)?)?\}")
_NAME_CACHE_SIZE = 65_536


def _is_printable_ascii(text: str) -> bool:
    return all(" " <= char <= "~" for char in text)


def _folds_to_ascii(char: str) -> bool:
    """A non-ASCII character one of whose case forms holds an ASCII letter (the Kelvin sign, the long s, ...)."""
    return any(
        other.isascii() and other.isalpha() for form in (char.lower(), char.upper(), char.casefold()) for other in form
    )


def translate(pattern: str) -> str | None:
    """``pattern`` for Python's ``re``, or None when its meaning could differ from RE2's on ASCII names."""
    for char in pattern:
        if not char.isascii() and (not char.isprintable() or _folds_to_ascii(char)):
            return None
    if not _supported(pattern.removeprefix("(?i)")):
        return None
    try:
        re.compile(pattern)
    except re.error:
        return None
    return pattern


def _supported(body: str) -> bool:
    i, depth, in_class = 0, 0, False
    while i < len(body):
        char = body[i]
        if char == "\\":
            if i + 1 >= len(body):
                return False
            escaped = body[i + 1]
            anchor = escaped in _ANCHOR_ESCAPES and not in_class
            if not (escaped in _CLASS_ESCAPES or escaped in _PUNCTUATION or anchor):
                return False  # \p{..}, \Q..\E, \z, \A, \x.., \1, \C, \pN: not in the subset
            i += 2
            continue
        if in_class:
            if char == "]":
                in_class = False
            elif char == "[" or body[i : i + 2] in ("--", "&&", "~~", "||"):
                return False  # POSIX classes and nested sets differ (or warn) between the engines
            i += 1
            continue
        if char == "[":
            in_class = True
            i += 1
            if body[i : i + 1] == "^":
                i += 1
            if body[i : i + 1] == "]":
                i += 1  # a leading ] is a literal in both
            continue
        if char == "(":
            if body[i + 1 : i + 2] == "?":
                if body[i + 2 : i + 3] != ":":
                    return False  # flags inside, named groups, lookarounds: not in the subset
                i += 2
            depth += 1
        elif char == ")":
            depth -= 1
            if depth < 0:
                return False
        elif char == "{":
            quantifier = _QUANTIFIER.match(body, i)
            if quantifier is None:
                return False  # {,n} and a literal { are read differently
            low, high = int(quantifier[1]), int(quantifier[3] or quantifier[1])
            if low > _MAX_REPEAT or high > _MAX_REPEAT or low > high:
                return False
            i = quantifier.end()
            if body[i : i + 1] == "+":
                return False
            continue
        elif char in "*+?" and body[i + 1 : i + 2] == "+":
            return False  # possessive: Python only
        i += 1
    return depth == 0 and not in_class


class NamePatterns:
    """The context's name patterns, compiled once; which of them each name matches, remembered per name."""

    def __init__(self, context: Mapping[str, Any]):
        self._compiled: list[tuple[str, re.Pattern[str]]] | None = _compile(context)
        self._memo: dict[str, list[str]] = {}

    @property
    def usable(self) -> bool:
        """Whether every pattern of the context can be matched here (else no name gets an answer)."""
        return self._compiled is not None

    def hits(self, name: str) -> list[str] | None:
        """The patterns ``name`` matches, in the context's order; None where the engine does not answer."""
        if self._compiled is None or not _is_printable_ascii(name):
            return None
        found = self._memo.get(name)
        if found is None:
            found = [pattern for pattern, compiled in self._compiled if compiled.search(name)]
            if len(self._memo) >= _NAME_CACHE_SIZE:
                self._memo.clear()
            self._memo[name] = found
        return found


def _compile(context: Mapping[str, Any]) -> list[tuple[str, re.Pattern[str]]] | None:
    """Every pattern of ``sensitive_criteria_map.name_patterns``, or None when the context has none (the
    rules then use their own list) or any of them is outside the subset."""
    criteria = context.get("sensitive_criteria_map")
    patterns = criteria.get("name_patterns") if isinstance(criteria, Mapping) else None
    if not isinstance(patterns, list):
        return None
    compiled = []
    for entry in patterns:
        pattern = entry.get("pattern") if isinstance(entry, Mapping) else None
        if not isinstance(pattern, str):
            continue  # the rules skip an entry without a pattern string too
        translated = translate(pattern)
        if translated is None:
            return None
        compiled.append((pattern, re.compile(translated)))
    return compiled
