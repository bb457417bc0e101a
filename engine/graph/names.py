"""Normal forms of names, domains and registry ids, and the blocklist index built from them.

Every rule that compares names (VEN-001/002/003 against the Cambridge Analytica blocklist, ACC-001 and
AD-004 against the party) must compare the *same* normal form, or a rule could match a name another rule
misses. So the normal form is computed here, once per distinct string, and handed to the policies as
``input.names`` and ``data.ethiq.index``; Rego never normalises.

The normal form (research §6.3), in the order applied:

1. NFKC: fullwidth ``SCL`` (U+FF33 U+FF23 U+FF2C) becomes ASCII, ligatures and circled letters open up.
2. Diacritics go (NFD, then combining marks are dropped), and so do Latin letters whose modifier Unicode
   does not encode as a combining mark (``ƈ``, ``ⱥ``: "LATIN SMALL LETTER C WITH HOOK" becomes ``c``).
3. Characters confusable with a Latin letter or digit become that letter (the UTS #39 prototype, from the
   ``confusable_homoglyphs`` data): Cyrillic small a (U+0430) becomes ``a``. This runs *before*
   casefolding as well as after it, because casefolding changes the look of some capitals: Greek capital
   eta (U+0397) looks like ``H``, its lower case (U+03B7) like ``n``; Cyrillic capital ka (U+041A) looks
   like ``K``, its lower case (U+043A) like small-capital kra (U+0138). Mapping first keeps a Greek "HK"
   equal to ``hk``.
4. ``casefold()``.
5. Punctuation and symbols (any category P* or S*) separate tokens; invisible format characters
   (zero-width space, soft hyphen, bidi marks) are removed, so they cannot split a word.
6. Acronyms are joined: single letters separated only by punctuation (``s.c.l.``, ``s-c-l``), and runs of
   words that are each a single letter (``s c l``, ``S. C. L.``). ``L.L.C.`` becomes ``llc``.
7. Legal-form tokens (``ltd``, ``llc``, ``ab``, ...) are dropped wherever they stand, unless nothing else
   is left: ``Limited`` alone stays ``limited``. ``group`` is not a legal form: ``SCL Group`` is a name.

Only non-ASCII characters are mapped in step 3: a full UTS #39 skeleton would also rewrite ASCII (``m`` to
``rn``, ``I`` and ``1`` to ``l``), and the normal form is shown to people in findings.

Near matches (:meth:`NameIndex.describe`) are for ``needs_review`` only; see :func:`_coverage` for the rule
and why plain ``token_set_ratio`` is not it.
"""

from __future__ import annotations

import functools
import importlib.util
import re
import unicodedata
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Final, TypedDict

from ..cache import Cache, cache_key
from ..errors import ContextError

__all__ = [
    "IndexTables",
    "NameDescription",
    "NameIndex",
    "NearMatches",
    "normalize_domain",
    "normalize_name",
    "normalize_registry_id",
]

#: Tokens that name a company's legal form, not the company. Research §6.3 step 5, plus ``corporation``,
#: ``company``, ``oyj``, ``nv``, ``ag`` and ``holding`` (same role in other jurisdictions), ``llp``/``lp``
#: (partnerships) and ``publ`` (Swedish "AB (publ)"). Dropped anywhere in a name, so "Emerdata Holdings
#: Limited" and "Emerdata Ltd" meet at "emerdata".
LEGAL_FORMS: Final[frozenset[str]] = frozenset(
    {
        "ab", "ag", "as", "bv", "co", "company", "corp", "corporation", "gmbh", "holding", "holdings",
        "inc", "incorporated", "limited", "llc", "llp", "lp", "ltd", "nv", "oy", "oyj", "plc", "publ", "sa",
    }
)  # fmt: skip

#: A normal form this short is an acronym ("scl", "aiq", "gsr", "ca"): it matches only as the whole
#: normal form, never fuzzily, or "SCL Health" would be near "SCL" (research §6.3 step 6).
SHORT_NAME_MAX: Final = 4
#: Score (0-100) at which a name is near a blocklist name.
NEAR_THRESHOLD: Final = 90.0
#: Token similarity (``fuzz.ratio``) below which two tokens count as different words. 80 lets one letter
#: differ in a 9-letter word ("analytics"/"analytica": 88.9), and not "turner"/"turnbull" (57).
TOKEN_FLOOR: Final = 80.0
#: A one-word blocklist name this long is coined enough ("emerdata", "aggregateiq") to be looked for as
#: a word inside longer names. Shorter ones ("ripon", a town) are compared only as whole names.
DISTINCTIVE_WORD_MIN: Final = 8

# The explicit overrides: where the package's mapping is wrong for this normal form. UTS #39 uses "l" as
# the prototype of the vertical stroke class {I, l, 1, |} because its skeleton also maps ASCII "I" to
# "l". This normal form casefolds ASCII instead ("I" -> "i"), so the capital-I lookalikes must become
# "I" too, or "INSIGHT" with a Greek capital iota would read "lnsight". These are the uppercase letters
# whose package prototype is "l" (test_capital_i_lookalikes_become_i).
_SKELETON_OVERRIDES: Final[Mapping[str, str]] = {
    "\u0196": "I",  # LATIN CAPITAL LETTER IOTA
    "\u0399": "I",  # GREEK CAPITAL LETTER IOTA
    "\u0406": "I",  # CYRILLIC CAPITAL LETTER BYELORUSSIAN-UKRAINIAN I
    "\u04c0": "I",  # CYRILLIC LETTER PALOCHKA
    "\u2c92": "I",  # COPTIC CAPITAL LETTER IAUDA
}

# Latin blocks holding letters with hooks, strokes, curls and tails that NFD does not decompose.
_LATIN_BLOCKS: Final = ((0x00C0, 0x0250), (0x1D00, 0x1DC0), (0x1E00, 0x1F00), (0x2C60, 0x2C80),
                        (0xA720, 0xA800), (0xAB30, 0xAB70))  # fmt: skip
_LATIN_WITH: Final = re.compile(r"LATIN (SMALL|CAPITAL) LETTER ([A-Z]) WITH ")
_BIDI_MARKS: Final = "\u200e\u200f"


def _drop_marks(text: str) -> str:
    """Decompose and drop nonspacing and enclosing marks: "é" -> "e", "ï" -> "i"."""
    decomposed = unicodedata.normalize("NFD", text)
    return "".join(char for char in decomposed if unicodedata.category(char) not in ("Mn", "Me"))


SKELETON_NAMESPACE = "skeleton"
_TABLES: dict[str, dict[int, str]] = {}  # the table once built or loaded, for the life of the process


def _skeleton_table() -> dict[int, str]:
    """The ``str.translate`` table of step 2 and 3, built once per process (or taken from the cache)."""
    table = _TABLES.get(SKELETON_NAMESPACE)
    if table is None:
        table = _TABLES[SKELETON_NAMESPACE] = _build_skeleton_table()
    return table


def load_skeleton_table(cache: Cache | None) -> None:
    """Take the table from ``cache``, or build it and keep it there; without a cache it is built on first use.

    Building it reads the Unicode names of the Latin blocks and the confusables data (about a third of a
    cold start), and it depends only on this module, Python's Unicode version and that data, which make
    its key.
    """
    if cache is None or SKELETON_NAMESPACE in _TABLES:
        return
    spec = importlib.util.find_spec("confusable_homoglyphs")
    origin = spec.origin if spec is not None else None
    if origin is None:
        return
    key = cache_key(
        [
            ("names", Path(__file__).read_bytes()),
            ("unicode", unicodedata.unidata_version),
            ("confusables", (Path(origin).parent / "confusables.json").read_bytes()),
        ]
    )
    value = cache.load(SKELETON_NAMESPACE, key)
    if isinstance(value, dict) and all(
        isinstance(code, str) and code.isdigit() and isinstance(text, str) for code, text in value.items()
    ):
        _TABLES[SKELETON_NAMESPACE] = {int(code): text for code, text in value.items()}
        return
    table = _TABLES[SKELETON_NAMESPACE] = _build_skeleton_table()
    cache.store(SKELETON_NAMESPACE, key, {str(code): text for code, text in table.items()})


def _build_skeleton_table() -> dict[int, str]:
    """Build the ``str.translate`` table of step 2 and 3 from Unicode and the package's data.

    Only letters, digits and marks are mapped: a symbol such as DIVIDES (U+2223) or MULTIPLICATION SIGN
    (U+00D7) separates words as punctuation does, even though UTS #39 finds it confusable with "l" or "x".
    """
    table: dict[int, str] = {}
    for start, stop in _LATIN_BLOCKS:
        for code in range(start, stop):
            match = _LATIN_WITH.match(unicodedata.name(chr(code), ""))
            if match:
                letter = match.group(2)
                table[code] = letter if match.group(1) == "CAPITAL" else letter.lower()
    # The package's table maps each character to its homoglyphs; for a non-ASCII character confusable
    # with ASCII, that list holds exactly its prototype (checked: no character has two ASCII ones).
    # Prototypes with a mark ("o̸" for "ø", "n̩" for "η") count as their base letter.
    from confusable_homoglyphs import confusables  # imported only when the table is built

    data: Mapping[str, list[Mapping[str, str]]] = confusables.confusables_data
    for char, homoglyphs in data.items():
        if len(char) != 1 or char.isascii() or unicodedata.category(char)[0] not in "LNM":
            continue
        for glyph in homoglyphs:
            prototype = _drop_marks(glyph["c"].strip(_BIDI_MARKS))
            if prototype.isascii() and prototype.isalnum():
                table[ord(char)] = prototype
                break
    table.update({ord(char): ascii_ for char, ascii_ in _SKELETON_OVERRIDES.items()})
    return table


def _fold(text: str) -> str:
    """Steps 1-4: NFKC, diacritics, confusables, casefold (see the module docstring for the order)."""
    table = _skeleton_table()
    folded = _drop_marks(unicodedata.normalize("NFKC", text)).translate(table).casefold()
    # casefold can bring marks back ("İ" -> "i̇") and lower-case forms the first pass did not see.
    return _drop_marks(folded).translate(table)


def _chunks(text: str) -> Iterator[list[str]]:
    """Step 5: split on whitespace into chunks, and each chunk on punctuation into parts.

    The two levels are kept apart because acronyms are told by what separates their letters.
    """
    chunk: list[str] = []
    part: list[str] = []
    for char in text:
        kind = unicodedata.category(char)
        if kind == "Cf":
            continue  # invisible: "Cam\u200bbridge" is "Cambridge"
        is_space = kind[0] == "Z" or kind == "Cc"
        if not is_space and kind[0] not in "PS":
            part.append(char)
            continue
        if part:  # whitespace and punctuation both end a part
            chunk.append("".join(part))
            part = []
        if is_space and chunk:  # only whitespace ends a chunk
            yield chunk
            chunk = []
    if part:
        chunk.append("".join(part))
    if chunk:
        yield chunk


def _is_letter(token: str) -> bool:
    return len(token) == 1 and token.isalpha()


def _join_letter_runs(tokens: list[str]) -> list[str]:
    """Join every run of two or more single letters in one chunk: "s.c.l.-group" -> ["scl", "group"]."""
    joined: list[str] = []
    run: list[str] = []
    for token in [*tokens, ""]:
        if _is_letter(token):
            run.append(token)
            continue
        if len(run) > 1:
            joined.append("".join(run))
        else:
            joined.extend(run)
        run = []
        if token:
            joined.append(token)
    return joined


def _drop_legal_forms(tokens: list[str]) -> list[str]:
    """Step 7; a name made only of legal forms ("Limited") keeps them, so it never becomes empty."""
    kept = [token for token in tokens if token not in LEGAL_FORMS]
    return kept if kept else tokens


def _join_single_letter_chunks(chunks: Iterable[list[str]]) -> list[str]:
    """Join runs of chunks that are each one letter ("S. C. L.", "s c l"); other chunks stay as they are.

    Only whole chunks take part, so the letters of two dotted acronyms side by side stay apart:
    "S.C.L. U.S.A." is "scl usa", not "sclusa".
    """
    tokens: list[str] = []
    run: list[str] = []
    for parts in [*chunks, []]:
        if len(parts) == 1 and _is_letter(parts[0]):
            run.append(parts[0])
            continue
        if len(run) > 1:
            tokens.append("".join(run))
        else:
            tokens.extend(run)
        run = []
        tokens.extend(parts)
    return tokens


@functools.lru_cache(maxsize=65536)
def normalize_name(text: str) -> str:
    """Return the normal form of a company or person name (module docstring, research §6.3).

    Two names that a reader would take for the same entity written differently ("Cambridge-Analytica,
    L.L.C.", "CAMBRIDGE ANALYTICA LLC", "Cambridge Analytica" with a Cyrillic a, U+0430) get the same normal
    form, so an exact blocklist hit is a dictionary lookup. Cached: it runs for every name in every
    document, and the same vendor names recur across documents.
    """
    # "s.c.l." and "L.L.C." are one chunk each: their letters join inside the chunk.
    chunks = [_join_letter_runs(parts) for parts in _chunks(_fold(text))]
    return " ".join(_drop_legal_forms(_join_single_letter_chunks(chunks)))


_SCHEME: Final = re.compile(r"^[a-z][a-z0-9+.\-]*://")


@functools.lru_cache(maxsize=16384)
def normalize_domain(domain: str) -> str:
    """Return a domain as the blocklist stores it: lower case, no scheme, ``www.``, port, path or final dot.

    Punycode labels are decoded (``xn--bcher-kva.de`` -> ``bücher.de``) so that a domain written either
    way has one form. Confusables are *not* mapped: a lookalike domain is a different registration, and
    a domain hit is an automatic fail.
    """
    host = unicodedata.normalize("NFKC", domain).strip().lower()
    host = host.replace("\u3002", ".")  # ideographic full stop: a label separator in IDNA
    host = _SCHEME.sub("", host)
    host = re.split(r"[/?#]", host, maxsplit=1)[0]
    host = host.rpartition("@")[2]
    name, colon, port = host.rpartition(":")
    if colon and port.isdigit():
        host = name
    host = host.rstrip(".")
    host = host.removeprefix("www.")
    return ".".join(_decode_label(label) for label in host.split("."))


def _decode_label(label: str) -> str:
    """A punycode label in Unicode; an invalid one as written (it can still match itself)."""
    if label.startswith("xn--"):
        try:
            return label.encode("ascii").decode("idna")
        except UnicodeError:
            return label
    return label


def normalize_registry_id(rid: str) -> str:
    """Return a registry id as the blocklist stores it: ``gb-coh: 05514098`` -> ``GB-COH:05514098``."""
    return "".join(unicodedata.normalize("NFKC", rid).upper().split())


class IndexTables(TypedDict):
    """``data.ethiq.index``: the lookup tables of docs/policy-authoring.md."""

    blocked_names: dict[str, str]
    review_names: dict[str, str]
    blocked_registry_ids: dict[str, str]
    blocked_domains: dict[str, str]
    review_registry_ids: dict[str, str]
    review_domains: dict[str, str]
    party_names: dict[str, bool]
    people_names: dict[str, str]


class NearMatches(TypedDict):
    """Blocklist ids a name nearly (not exactly) matches."""

    vendors: list[str]
    people: list[str]


class NameDescription(TypedDict):
    """One value of ``input.names``."""

    norm: str
    near: NearMatches


@dataclass(frozen=True, slots=True)
class _Candidate:
    """One blocklist name that takes part in fuzzy matching."""

    entry_id: str
    tokens: tuple[str, ...]
    compact: str
    weight: int  # letters in the name: each token counts by its length

    @property
    def is_token_matched(self) -> bool:
        """Whether the token rule applies (see :func:`_coverage`); else only the whole-name rule does."""
        return len(self.tokens) > 1 or len(self.compact) >= DISTINCTIVE_WORD_MIN


def _abbreviates(short: str, word: str) -> bool:
    """Whether ``short`` is a given-name abbreviation of ``word``: "alex" or "a" for "alexander"."""
    return (len(short) >= 3 and word.startswith(short)) or (len(short) == 1 and word[0] == short)


def _coverage(
    query: list[str], similar: Mapping[str, Mapping[str, float]], candidate: _Candidate, *, people: bool
) -> float:
    """Score (0-100) how well the query's words cover the blocklist name's words.

    This is the token rule of near matching. Each blocklist word is paired with a different query word
    (greedily, best pairs first); a pair scores the words' ``fuzz.ratio`` if it is at least
    ``TOKEN_FLOOR``, and the score is the mean over the blocklist words, weighted by their length.
    Query words without a partner cost nothing.

    Why not ``fuzz.token_set_ratio`` (the research's wording)? It fails T11 in both directions. It gives
    100 whenever one word set contains the other, so "strategic communication" would be near
    "strategic communication laboratories", "global research" near "global science research" and
    "ripon cathedral" near "ripon"; and it gives only 80 to "cambridge analytics nordic" against
    "cambridge analytica", which T11 wants reviewed. Measuring from the blocklist side keeps what
    token-set similarity is for (extra words such as "nordic" are free, word order is free) and drops
    both failures: every word of the blocklisted name must be there, a one-letter slip allowed.

    For people the first word of the blocklisted name (the given name) may also be abbreviated in the
    query ("alex nix", "a nix"); the surname still has to match.
    """
    pairs: list[tuple[float, int, int]] = []
    for b_index, word in enumerate(candidate.tokens):
        for q_index, token in enumerate(query):
            score = similar[token].get(word, 0.0)
            if not score and people and b_index == 0 and _abbreviates(token, word):
                score = 100.0
            if score:
                pairs.append((score, b_index, q_index))
    pairs.sort(key=lambda pair: (-pair[0], pair[1], pair[2]))
    used_b: set[int] = set()
    used_q: set[int] = set()
    total = 0.0
    for score, b_index, q_index in pairs:
        if b_index in used_b or q_index in used_q:
            continue
        used_b.add(b_index)
        used_q.add(q_index)
        total += score * len(candidate.tokens[b_index])
    return total / candidate.weight


class _FuzzyMatcher:
    """Near matching against one list of names (vendors or people), prepared once."""

    def __init__(self, names: Iterable[tuple[str, str]], *, people: bool) -> None:
        candidates: dict[tuple[str, str], _Candidate] = {}
        for norm, entry_id in names:
            if len(norm) <= SHORT_NAME_MAX:
                continue  # acronyms match only exactly
            tokens = tuple(norm.split())
            compact = "".join(tokens)
            candidates[(norm, entry_id)] = _Candidate(entry_id, tokens, compact, len(compact))
        self._people = people
        self._candidates = list(candidates.values())
        self._compacts = [candidate.compact for candidate in self._candidates]
        self._vocabulary = sorted({token for candidate in self._candidates for token in candidate.tokens})

    def near(self, norm: str, exact: frozenset[str]) -> list[str]:
        """Return the sorted ids of entries ``norm`` is near, leaving out those in ``exact``.

        Two rules, either suffices:

        - whole name: the names without spaces have ``fuzz.ratio`` >= 90 ("cambridgeanalytica",
          "emerdatta", "aggregate iq");
        - words: both names have two or more words (or the blocklist name is one distinctive word of
          ``DISTINCTIVE_WORD_MIN`` letters) and :func:`_coverage` >= 90.

        A query of ``SHORT_NAME_MAX`` characters or fewer is never near anything.
        """
        if len(norm) <= SHORT_NAME_MAX or not self._candidates:
            return []
        from rapidfuzz import fuzz, process  # loaded by the first name long enough to compare

        hits: set[str] = set()
        compact = norm.replace(" ", "")
        for _, _, index in process.extract(
            compact, self._compacts, scorer=fuzz.ratio, score_cutoff=NEAR_THRESHOLD, limit=None
        ):
            hits.add(self._candidates[index].entry_id)
        query = norm.split()
        if len(query) > 1:
            similar = {
                token: {
                    word: score
                    for word, score, _ in process.extract(
                        token, self._vocabulary, scorer=fuzz.ratio, score_cutoff=TOKEN_FLOOR, limit=None
                    )
                }
                for token in set(query)
            }
            for candidate in self._candidates:
                if candidate.entry_id in hits or not candidate.is_token_matched:
                    continue
                if _coverage(query, similar, candidate, people=self._people) >= NEAR_THRESHOLD:
                    hits.add(candidate.entry_id)
        return sorted(hits - exact)


def _section(value: Any, where: str) -> Mapping[str, Any]:
    """A mapping from the context, or an empty one where the context leaves it out."""
    if value is None:
        return {}
    if not isinstance(value, Mapping):
        raise ContextError(f"{where}: expected a mapping, got {type(value).__name__}")
    return value


def _strings(value: Any, where: str) -> list[str]:
    """A list of strings from the context (``aliases``, ``domains``, ...); missing means empty."""
    if value is None:
        return []
    if not isinstance(value, list) or not all(isinstance(item, str) for item in value):
        raise ContextError(f"{where}: expected a list of strings")
    return value


def _string(value: Any, where: str) -> str:
    if not isinstance(value, str) or not value.strip():
        raise ContextError(f"{where}: expected a non-empty string")
    return value


@dataclass(slots=True)
class _VendorIndex:
    """The vendor half of the index: exact tables per match policy, and every (normal form, id)."""

    names: dict[str, dict[str, str]]
    registry_ids: dict[str, dict[str, str]]
    domains: dict[str, dict[str, str]]
    all_names: list[tuple[str, str]]


def _entry_names(entry: Mapping[str, Any], where: str, name_key: str) -> list[str]:
    """The non-empty normal forms of an entry's name and aliases (an empty one would match every
    empty name)."""
    raw = [_string(entry.get(name_key), f"{where}.{name_key}")]
    raw += _strings(entry.get("aliases"), f"{where}.aliases")
    return [norm for norm in map(normalize_name, raw) if norm]


def _index_vendors(vendors: Mapping[str, Any]) -> _VendorIndex:
    """Index ``blocklists.vendors``: block entries first, so a key a block entry holds never reappears
    in a review table, and within a policy the smallest entry id keeps a shared key."""
    by_policy: dict[str, list[tuple[str, Mapping[str, Any]]]] = {"block": [], "review": []}
    for entry_id in sorted(vendors):
        where = f"blocklists.vendors.{entry_id}"
        entry = _section(vendors[entry_id], where)
        # A missing policy blocks: an entry on the blocklist must never pass for want of a field.
        policy = entry.get("match_policy", "block")
        if policy not in by_policy:
            raise ContextError(f"{where}.match_policy: expected 'block' or 'review', got {policy!r}")
        by_policy[policy].append((str(entry_id), entry))

    index = _VendorIndex({}, {}, {}, [])
    seen: tuple[set[str], set[str], set[str]] = (set(), set(), set())
    for policy, entries in by_policy.items():
        names: dict[str, str] = {}
        rids: dict[str, str] = {}
        domains: dict[str, str] = {}
        for entry_id, entry in entries:
            where = f"blocklists.vendors.{entry_id}"
            for norm in _entry_names(entry, where, "canonical_name"):
                index.all_names.append((norm, entry_id))
                if norm not in seen[0]:
                    names.setdefault(norm, entry_id)
            for rid in _strings(entry.get("registry_ids"), f"{where}.registry_ids"):
                if (key := normalize_registry_id(rid)) and key not in seen[1]:
                    rids.setdefault(key, entry_id)
            for domain in _strings(entry.get("domains"), f"{where}.domains"):
                if (key := normalize_domain(domain)) and key not in seen[2]:
                    domains.setdefault(key, entry_id)
        for taken, table in zip(seen, (names, rids, domains), strict=True):
            taken.update(table)
        index.names[policy], index.registry_ids[policy], index.domains[policy] = names, rids, domains
    return index


def _party_names(party: Mapping[str, Any]) -> dict[str, bool]:
    """``party_names``: the party's and its sub-entities' legal names and aliases."""
    raw: list[str] = []
    if party.get("legal_name") is not None:
        raw.append(_string(party.get("legal_name"), "party.legal_name"))
    raw += _strings(party.get("aliases"), "party.aliases")
    sub_entities = party.get("sub_entities") or []
    if not isinstance(sub_entities, list):
        raise ContextError("party.sub_entities: expected a list")
    for position, item in enumerate(sub_entities):
        where = f"party.sub_entities[{position}]"
        sub = _section(item, where)
        if sub.get("legal_name") is not None:
            raw.append(_string(sub.get("legal_name"), f"{where}.legal_name"))
        raw += _strings(sub.get("aliases"), f"{where}.aliases")
    return {norm: True for norm in map(normalize_name, raw) if norm}


def _group(names: Iterable[tuple[str, str]]) -> dict[str, frozenset[str]]:
    """Normal form -> every entry id carrying it (several entries may share one)."""
    grouped: dict[str, set[str]] = {}
    for norm, entry_id in names:
        grouped.setdefault(norm, set()).add(entry_id)
    return {norm: frozenset(ids) for norm, ids in grouped.items()}


class NameIndex:
    """The blocklist and party names of one policy context, normalised once, for every document.

    Build it when the policy context is loaded; :meth:`tables` is ``data.ethiq.index`` and
    :meth:`describe` gives each value of ``input.names``.

    Where two entries share a normal form, the entry with the smallest id keeps it, and a ``block``
    entry wins over a ``review`` one: an exact hit must name one entry, and the stricter one. A review
    entry's registry ids and domains go to ``review_registry_ids`` and ``review_domains``: an exact id
    of an entity whose link to Cambridge Analytica is itself unconfirmed is a review, not a fail.
    """

    def __init__(self, context: Mapping[str, Any]) -> None:
        blocklists = _section(context.get("blocklists"), "blocklists")
        vendors = _index_vendors(_section(blocklists.get("vendors"), "blocklists.vendors"))
        people = _section(blocklists.get("people"), "blocklists.people")
        people_names = [
            (norm, str(person_id))
            for person_id in sorted(people)
            for norm in _entry_names(
                _section(people[person_id], f"blocklists.people.{person_id}"),
                f"blocklists.people.{person_id}",
                "name",
            )
        ]
        people_table: dict[str, str] = {}
        for norm, person_id in people_names:
            people_table.setdefault(norm, person_id)

        self._tables: IndexTables = {
            "blocked_names": vendors.names["block"],
            "review_names": vendors.names["review"],
            "blocked_registry_ids": vendors.registry_ids["block"],
            "blocked_domains": vendors.domains["block"],
            "review_registry_ids": vendors.registry_ids["review"],
            "review_domains": vendors.domains["review"],
            "party_names": _party_names(_section(context.get("party"), "party")),
            "people_names": people_table,
        }
        self._vendor_exact = _group(vendors.all_names)
        self._people_exact = _group(people_names)
        self._vendors = _FuzzyMatcher(vendors.all_names, people=False)
        self._people = _FuzzyMatcher(people_names, people=True)
        # Per instance, not on the method: an lru_cache on a method would keep every index alive.
        self._describe = functools.lru_cache(maxsize=65536)(self._describe_uncached)

    def tables(self) -> IndexTables:
        """Return ``data.ethiq.index``: a fresh copy, so a caller cannot change the index."""
        tables = self._tables
        return {
            "blocked_names": dict(tables["blocked_names"]),
            "review_names": dict(tables["review_names"]),
            "blocked_registry_ids": dict(tables["blocked_registry_ids"]),
            "blocked_domains": dict(tables["blocked_domains"]),
            "review_registry_ids": dict(tables["review_registry_ids"]),
            "review_domains": dict(tables["review_domains"]),
            "party_names": dict(tables["party_names"]),
            "people_names": dict(tables["people_names"]),
        }

    def describe(self, text: str) -> NameDescription:
        """Return ``{"norm": ..., "near": {"vendors": [...], "people": [...]}}`` for one name.

        ``near`` lists entries the name nearly matches (for ``needs_review``), never one it matches
        exactly: an exact match is the rules' to find in the tables, and is a fail, not a review.
        Cached per index: the same names recur in every document that references the same vendor.
        """
        norm, vendors, people = self._describe(text)
        return {"norm": norm, "near": {"vendors": list(vendors), "people": list(people)}}

    def _describe_uncached(self, text: str) -> tuple[str, tuple[str, ...], tuple[str, ...]]:
        norm = normalize_name(text)
        empty: frozenset[str] = frozenset()
        vendors = self._vendors.near(norm, self._vendor_exact.get(norm, empty))
        people = self._people.near(norm, self._people_exact.get(norm, empty))
        return norm, tuple(vendors), tuple(people)
