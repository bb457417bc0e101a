"""Hypothesis strategies for names: blocklisted names in disguise, and clean company names.

Each strategy builds the case it tests (STYLE.md): a disguised name is made from a blocklisted one by
drawn transformations that a reader would not take for a different name, so its normal form must be the
blocklisted one. Nothing is filtered.
"""

from __future__ import annotations

from collections.abc import Sequence

from hypothesis import strategies as st

#: Lower-case Latin letters and the Cyrillic letters that look the same.
CYRILLIC_LOOKALIKES = {
    "a": "\u0430",
    "e": "\u0435",
    "o": "\u043e",
    "p": "\u0440",
    "c": "\u0441",
    "x": "\u0445",
    "i": "\u0456",
    "s": "\u0455",
}
#: Upper-case Latin letters and the Greek capitals that look the same.
GREEK_LOOKALIKES = {
    "A": "\u0391",
    "B": "\u0392",
    "E": "\u0395",
    "Z": "\u0396",
    "H": "\u0397",
    "I": "\u0399",
    "K": "\u039a",
    "M": "\u039c",
    "N": "\u039d",
    "O": "\u039f",
    "P": "\u03a1",
    "T": "\u03a4",
    "X": "\u03a7",
    "Y": "\u03a5",
}
LOOKALIKES = {**CYRILLIC_LOOKALIKES, **GREEK_LOOKALIKES}

#: Legal forms the normal form drops, as companies write them.
LEGAL_SUFFIXES = (
    "Ltd", "Ltd.", "LTD", "Limited", "LLC", "L.L.C.", "Inc", "Inc.", "Incorporated", "PLC", "plc",
    "Corp.", "Corporation", "Co.", "Company", "AB", "A.B.", "GmbH", "S.A.", "B.V.", "N.V.", "AG", "Oy",
    "Oyj", "AS", "Holdings", "Holding", "LLP", "AB (publ)",
)  # fmt: skip

# Between two words. Those without whitespace would glue two dotted acronyms into one ("S.C.L.U.S.A"),
# so they are only drawn where at most one neighbour is an acronym.
SPACE_SEPARATORS = (
    " ",
    "  ",
    "   ",
    "\t",
    "\u00a0",
    "\u2003",
    "\u3000",
    " - ",
    ", ",
    " / ",
    " & ",
    " \u2013 ",
)
TIGHT_SEPARATORS = ("-", ".", ",", "_", "/", "\u2010", ":")
# Between the letters of an acronym ("S.C.L", "S-C-L"): punctuation only, no whitespace.
LETTER_SEPARATORS = (".", "-", ",", "/", "\u00b7", "_")
# Characters a reader does not see: zero-width space, non-joiner, joiner, word joiner, soft hyphen, BOM.
INVISIBLES = ("\u200b", "\u200c", "\u200d", "\u2060", "\u00ad", "\ufeff")
# Combining diacritics (all of U+0300-U+036F are nonspacing marks).
COMBINING_MARKS = st.integers(min_value=0x0300, max_value=0x036F).map(chr)


def _is_acronym(word: str) -> bool:
    """Whether ``word`` is two to four capitals a reader spells out: "SCL", "USA", "(UK)"."""
    core = word.strip("()")
    return 2 <= len(core) <= 4 and core.isascii() and core.isalpha() and core.isupper()


@st.composite
def _spelled_out(draw: st.DrawFn, word: str) -> str:
    """An acronym with punctuation between its letters, sometimes after the last: "S.C.L.", "S-C-L"."""
    core = word.strip("()")
    separator = draw(st.sampled_from(LETTER_SEPARATORS))
    spelled = separator.join(core) + draw(st.sampled_from(("", separator)))
    return word.replace(core, spelled)


@st.composite
def _disguised_char(draw: st.DrawFn, char: str) -> str:
    """One character: case, then fullwidth or a lookalike or as it is, then maybe a diacritic."""
    if char.isalpha() and char.isascii():
        char = draw(st.sampled_from((char.lower(), char.upper())))
    forms = [char]
    if "!" <= char <= "~":
        forms.append(chr(ord(char) + 0xFEE0))  # U+FF01-FF5E, fullwidth forms of ASCII
    if char in LOOKALIKES:
        forms.append(LOOKALIKES[char])
    out = draw(st.sampled_from(forms))
    if char.isalpha():
        if draw(st.booleans()):
            out += draw(COMBINING_MARKS)
        if draw(st.integers(0, 9)) == 0:
            out += draw(st.sampled_from(INVISIBLES))
    return out


@st.composite
def disguise(draw: st.DrawFn, name: str) -> str:
    """``name`` with drawn changes that keep its normal form (see :func:`banned_name_variants`).

    ``name``'s words must be two letters or longer, as every blocklisted name's are: a one-letter word
    next to a spelled-out acronym would read as part of it.
    """
    words = name.split()
    if draw(st.booleans()):
        words.append(draw(st.sampled_from(LEGAL_SUFFIXES)))
    spelled = [
        draw(_spelled_out(word)) if _is_acronym(word) and draw(st.booleans()) else word for word in words
    ]
    parts = [spelled[0]]
    for index in range(1, len(spelled)):
        # The legal suffix is often an acronym too ("L.L.C."): always set it apart by whitespace.
        loose = (_is_acronym(words[index - 1]) and _is_acronym(words[index])) or index == len(name.split())
        choices = SPACE_SEPARATORS if loose else SPACE_SEPARATORS + TIGHT_SEPARATORS
        parts += [draw(st.sampled_from(choices)), spelled[index]]
    text = "".join(draw(_disguised_char(char)) for char in "".join(parts))
    lead = draw(st.sampled_from(("", " ", "\t", "\u3000")))
    trail = draw(st.sampled_from(("", " ", "\n", ".", ",")))
    return lead + text + trail


def banned_name_variants(names: Sequence[str]) -> st.SearchStrategy[str]:
    """Draw one of ``names`` (blocklisted names and aliases) and disguise it.

    The disguise is a drawn combination of: per-character case, extra or other whitespace between words
    (tabs, no-break and ideographic spaces) or punctuation instead of it, punctuation between the letters
    of an acronym, an appended legal form (Ltd, L.L.C., AB (publ) ...), fullwidth forms (U+FF01-FF5E),
    Cyrillic and Greek lookalikes of Latin letters, combining diacritics, and invisible characters.
    Short names (SCL, GSR, AIQ) are drawn too, but always whole: nothing is added inside or around them
    except a legal form, so they stay the whole name, which is the only way they match.
    """
    return st.sampled_from(list(names)).flatmap(disguise)


# Words for realistic company names that are on no blocklist: Nordic places and trade words, plus the
# words a sloppy matcher would trip on ("Cambridge", "Insight", "Health", "Research", "Group").
_PLACES = (
    "Nordic", "Svea", "Göta", "Malmö", "Uppsala", "Norrland", "Baltic", "Lund", "Kista", "Örebro",
    "Cambridge", "Oxford", "Bergen", "Åbo", "Helsingør",
)  # fmt: skip
_TRADES = (
    "Media", "Kommunikation", "Insight", "Analys", "Research", "Digital", "University Press", "Health",
    "Partners", "Strategi", "Opinion", "Reklam", "PR", "Data Lab", "Tryckeri", "Event", "Consulting",
)  # fmt: skip
_TAILS = ("", "", " Group", " Nordic", " & Co", " Sverige")
#: Real names that share a word with a blocklisted one and belong to unrelated organisations (§6.2).
KNOWN_FALSE_POSITIVES = ("SCL Health", "Cambridge University Press", "Nordic Insight AB", "GSR Ventures")


def clean_company_names() -> st.SearchStrategy[str]:
    """Draw a realistic name on no blocklist, with or without a legal form.

    Built from words no blocklisted name is made of alone, so a drawn name can share a word with one
    ("Cambridge Health AB") but never be one.
    """
    built = st.builds(
        lambda place, trade, tail, form: f"{place} {trade}{tail}{form}",
        st.sampled_from(_PLACES),
        st.sampled_from(_TRADES),
        st.sampled_from(_TAILS),
        st.sampled_from(("", " AB", " Ltd", " AB (publ)", " GmbH", " Oy")),
    )
    return st.one_of(st.sampled_from(KNOWN_FALSE_POSITIVES), built)
