"""Schema violations in the user's words, the words of docs/documents.md, rather than jsonschema's.

jsonschema says ``'Sweden' does not match '^[A-Z]{2}$'`` and ``'no' is not one of [True, False,
'unknown']``; a person editing YAML needs ``country must be an ISO 3166-1 alpha-2 code such as SE, not
'Sweden'`` and ``write true, false or "unknown", not no``. :func:`message_of` words the common validators
(enum with a did-you-mean, pattern, type, required, format, bounds, lengths, const); anything else keeps
jsonschema's message, which is never wrong, only less friendly.
"""

from __future__ import annotations

import difflib
import json
import re
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # a message is worded only for a document jsonschema judged, so jsonschema is loaded already
    from jsonschema.exceptions import ValidationError

#: Patterns of the bundled schemas, without their anchors, and what a value must look like to match them.
PATTERNS = {
    r"[A-Z]{2}": "an ISO 3166-1 alpha-2 code such as SE",
    r"[A-Z]{3}": "an ISO 4217 currency code such as SEK",
    r"[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}": "an id of letters, digits, _ . : - (at most 128, starting with a letter "
    "or digit, no spaces)",
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}": "a date written YYYY-MM-DD, such as 2026-09-13",
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt ][0-9]{2}:[0-9]{2}(:[0-9]{2}(\.[0-9]+)?)?([Zz]|[+-][0-9]{2}:[0-9]{2})": "a date "
    "and time with its offset, such as 2026-09-13T18:00:00+02:00",
    r"https?://\S+": "a web address starting with https:// or http://",
    r"\S+": "text without spaces",
    r"\S": "text that does not start with a space",
    r"[a-z]{2,3}(-[A-Za-z0-9]{2,8})*": "a language tag such as sv or en-GB",
    r"v?[0-9]+\.[0-9]+": "a version such as v23.0",
    r"[A-Z]{2}-[A-Z0-9]+:.+": "a country-prefixed register id such as SE-ORG:556677-8899",
    r"(?:[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?\.)+[A-Za-z]{2,63}": "a domain name such as example.org",
    r"[0-9a-f]{64}": "a sha256 digest: 64 lower-case hexadecimal digits",
    r"[a-z][a-z0-9_]*(\.[a-z0-9_]+)*": "a dotted lower-case name such as user.contact.email",
}

_ANCHORS = re.compile(r"^\^|(\$\(\?!\\n\)|\$|\\Z|\\z|\(\?!\\n\)\$?)$")

_TYPE_NAMES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "object": "a mapping of fields",
    "array": "a list",
    "null": "null",
}


def shown(value: Any) -> str:
    """A value as the user would write it in YAML: ``no``, ``'Sweden'`` (text with spaces or punctuation
    quoted), ``true``, ``null``, ``3``; long values are cut."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return str(value)
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return text if re.fullmatch(r"[A-Za-z0-9_.-]+", text) and text[0].isalpha() and text.islower() else repr(text)
    if isinstance(value, list):
        return "a list" if value else "an empty list"
    if isinstance(value, dict):
        return "a mapping" if value else "an empty mapping"
    return repr(value)


def _choice(value: Any, *, quote_text: bool) -> str:
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False) if quote_text else value
    return shown(value)


def _either(words: list[str]) -> str:
    return words[0] if len(words) == 1 else ", ".join(words[:-1]) + " or " + words[-1]


def _field(error: ValidationError) -> str:
    for part in reversed(list(error.absolute_path)):
        if isinstance(part, str):
            return part
    return "the document"


def message_of(error: ValidationError) -> str:
    """The violation in words (falls back to jsonschema's message)."""
    validator, expected, value = error.validator, error.validator_value, error.instance
    field = _field(error)
    if validator == "enum" and isinstance(expected, list):
        # Booleans among the choices: the text ones must be quoted, or YAML reads `yes` as text anyway.
        quote = any(isinstance(choice, bool) for choice in expected)
        choices = [_choice(choice, quote_text=quote) for choice in expected]
        if quote:
            return f"write {_either(choices)}, not {shown(value)}"
        hint = ""
        if isinstance(value, str):
            close = difflib.get_close_matches(value, [c for c in expected if isinstance(c, str)], n=1, cutoff=0.6)
            hint = f" (did you mean {close[0]}?)" if close else ""
        if len(choices) > 8:
            return f"{field} must be one of the {len(choices)} values the schema lists, not {shown(value)}{hint}"
        return f"{field} must be {_either(choices)}, not {shown(value)}{hint}"
    if validator == "const":
        return f"{field} must be {_choice(expected, quote_text=False)}, not {shown(value)}"
    if validator == "pattern" and isinstance(expected, str):
        described = PATTERNS.get(_ANCHORS.sub("", expected))
        if described:
            return f"{field} must be {described}, not {shown(value)}"
    if validator == "type":
        types = expected if isinstance(expected, list) else [expected]
        wanted = _either([_TYPE_NAMES.get(str(t), str(t)) for t in types])
        return f"{field} must be {wanted}, not {shown(value)}"
    if validator == "required" and isinstance(expected, list):
        missing = re.match(r"'(.+)' is a required property", error.message)
        if missing:
            return f"missing field '{missing.group(1)}', which is required here"
    if validator == "format":
        if expected == "date":
            return f"{field} must be a date that exists, written YYYY-MM-DD, not {shown(value)}"
        if expected == "date-time":
            return (
                f"{field} must be a date and time that exist, with an offset (2026-09-13T18:00:00+02:00), "
                f"not {shown(value)}"
            )
    if validator in ("minimum", "exclusiveMinimum"):
        bound = "at least" if validator == "minimum" else "more than"
        return f"{field} must be {bound} {expected}, not {shown(value)}"
    if validator in ("maximum", "exclusiveMaximum"):
        bound = "at most" if validator == "maximum" else "less than"
        return f"{field} must be {bound} {expected}, not {shown(value)}"
    if validator == "minLength":
        return f"{field} must not be empty" if expected == 1 else f"{field} must have at least {expected} characters"
    if validator == "maxLength":
        return f"{field} must have at most {expected} characters"
    if validator == "minItems":
        return f"{field} must list at least {expected} {'item' if expected == 1 else 'items'}"
    if validator == "maxItems":
        return f"{field} must list at most {expected} {'item' if expected == 1 else 'items'}"
    if validator == "uniqueItems":
        return f"{field} lists an item twice"
    return error.message
