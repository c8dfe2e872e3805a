"""Words with their classes (honorific, role word, particle, initial, name-capable ...), and
the ``Ref`` that ``names`` builds from them: the vocabulary the rest of extraction reads text
in. A paragraph is scanned once per release and its words reused."""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

from .budget import charge
from .languages import LEXICONS, german_role_stem, is_role_word, lexicon
from .lexicon import (
    COMMON_NOUN_ENDINGS,
    HONORIFICS,
    HYPHEN_PREFIXES,
    MIXED_CASE_POSTNOMINALS,
    NAMES_WITH_NOUN_ENDINGS,
    NON_NAME_WORDS,
    PARTICLES,
    POSTNOMINALS,
    ROLE_SYNONYMS,
    TITLE_ABBREVIATIONS,
    WEAK_ROLE_WORDS,
)

WORD = re.compile(r"[^\W_]+(?:[’'\-‐‑][^\W_]+)*")
POSSESSIVE = ("’s", "'s")


@dataclass(slots=True)
class Tok:
    """A word: its text without a possessive "’s", offsets, and a class letter.

    Classes: H honorific, R role word, P name particle, I initial, A acronym,
    X post-nominal, O capitalised non-name, N name-capable, l lower-case word.
    """

    text: str
    start: int
    end: int
    low: str
    cls: str
    cap: bool
    possessive: bool
    dotted: bool


@dataclass(slots=True)
class Ref:
    """One reference to a speaker at ``start:end`` of the text it was found in."""

    kind: str  # person | surname | bare | title | org | pronoun
    start: int
    end: int
    text: str
    name: str = ""
    honorific: str = ""
    role: str = ""
    org: str = ""
    gender: str = ""
    role_key: str = ""
    plural: bool = False
    possessive: bool = False
    nickname: str = ""  # "Cuco Rovirosa Ramírez" for "José Eduardo “Cuco” Rovirosa Ramírez"


# German job nouns by their ending ("Kämmerin", "Journalistin", "Oberärztin", "Biologe"):
# capitalised like names, they are no part of the name after them.
# ("Valentin", "Konstantin", "Baptist" are given names: no "-entin", "-antin", short "-ist".)
_GERMAN_AGENTS = ("erin", "istin", "orin", "eurin", "ärztin", "arzt", "rätin", "eur",
                  "loge", "login", "trainer", "trainerin", "wart", "wartin", "meisterin",
                  "beamter", "beamtin")


def _classify(core: str, low: str, code: str) -> str:
    if low in LEXICONS[code].honorifics or core in TITLE_ABBREVIATIONS:
        return "H"
    if is_role_word(low) or (code == "de" and len(low) > 6 and (
            low.endswith(_GERMAN_AGENTS) or len(low) > 7 and low.endswith("ist")
            and not low.endswith(("qvist", "kvist")))):  # ("Lindqvist" is a surname)
        return "R"
    if core == "Les" and code == "en":
        return "N"  # in English a given name (Leslie), never the French article
    if low in PARTICLES:
        return "P"
    if len(low) > 3 and low[0] in "ld" and low[1] in "’'" and is_role_word(low[2:]):
        return "R"  # "l’ingénieur", "L’avocat": a role after an elided article
    if not core[0].isupper():
        return "l"
    if len(core) > 3 and core[0] in "LD" and core[1] in "’'" and core[2].islower():
        # "D’après": an elided article or preposition opening a sentence and a common word
        # after it ("D’Souza", "L’Oréal" go on in capitals).
        return "O"
    parts = re.split("[-‐‑]", core)
    if any(part[:1].islower() for part in parts[1:]) and (
            parts[0].lower() in HYPHEN_PREFIXES or any(len(p) > 4 for p in parts[1:])):
        return "O"  # "Co-author", "Vice-chair": a hyphenated common noun, not a name
    if len(core) == 1:
        return "I"
    if low in POSTNOMINALS and core.isupper() or core in MIXED_CASE_POSTNOMINALS:
        return "X"
    if core.isupper():
        return "A"
    if low in NON_NAME_WORDS or any(c.isdigit() for c in core):
        return "O"
    if low.endswith(COMMON_NOUN_ENDINGS.get(code, ())) and len(low) > 5 \
            and low not in NAMES_WITH_NOUN_ENDINGS:
        return "O"  # "Entscheidung", "Política", "Numérique": a capitalised common word
    return "N"


@lru_cache(maxsize=65536)
def _word_info(core: str, code: str) -> tuple[str, str, bool]:
    low = core.lower()
    return low, _classify(core, low, code), core[0].isupper()


def _scan(s: str, lo: int, hi: int) -> list[Tok]:
    charge((hi - lo) // 6 + 1)  # about one unit a word, charged before the work is done
    toks = []
    append = toks.append
    code = lexicon().code
    for m in WORD.finditer(s, lo, hi):
        text = m.group()
        start, end = m.span()
        possessive = False
        if text[-1] == "s":  # (most words end otherwise: one test, not three)
            if len(text) > 2 and text[-2] in "’'":
                text = text[:-2]
                end -= 2
                possessive = True
            elif s[end:end + 1] in ("’", "'") and not s[end + 1:end + 2].isalpha():
                possessive = True  # "Sheriffs’ Association": a plural's possessive
        low, cls, cap = _word_info(text, code)
        append(Tok(text, start, end, low, cls, cap, possessive, end < hi and s[end] == "."))
    return toks


@lru_cache(maxsize=8192)
def _paragraph_tokens(s: str, code: str) -> tuple[list[Tok], list[int]]:
    toks = _scan(s, 0, len(s))
    return toks, [t.start for t in toks]


def forget_paragraphs() -> None:
    """Drop the cached word lists once a release is done (they only speed up one release)."""
    _paragraph_tokens.cache_clear()


def tokenize(s: str, lo: int = 0, hi: int | None = None) -> list[Tok]:
    """Words of ``s[lo:hi]`` with their classes (a paragraph is scanned once and reused)."""
    hi = len(s) if hi is None else hi
    if hi - lo < 64 and len(s) > 4096:
        return _scan(s, lo, hi)  # a few words of a long text: not worth caching it whole
    toks, starts = _paragraph_tokens(s, lexicon().code)
    i, j = bisect_left(starts, lo), bisect_left(starts, hi)
    while j > i and toks[j - 1].end + (2 if toks[j - 1].possessive else 0) > hi:
        j -= 1
    return toks[i:j]


def canonical_role(text: str) -> str:
    """Lower-case role words with synonyms unified: "Chief Executive Officer" -> "ceo"
    (German compounds and cases by their plain role: "des Innenministers" -> "minister")."""
    return _canonical_role(text, lexicon().code)


@lru_cache(maxsize=4096)
def _canonical_role(text: str, code: str) -> str:
    whole = " " + " ".join(w.lower() for w in WORD.findall(text)) + " "
    for long, short in ROLE_SYNONYMS:
        if " " in long:  # "jefe de estado": synonyms of several words, before the filter
            whole = whole.replace(" " + long + " ", " " + short + " ")
    key = " " + " ".join(german_role_stem(w) if code == "de" else _masculine(w, code)
                         for w in whole.split() if is_role_word(w) or w in HONORIFICS) + " "
    for long, short in ROLE_SYNONYMS:
        key = key.replace(" " + long + " ", " " + short + " ")
    key = key.replace("-", " ")
    return " ".join(key.split())


# Feminine endings of French and Spanish roles and their masculine forms: a title names its
# holder whichever form either is written in ("la conseillère X" … "le conseiller",
# "el concejal X" … "la concejala", "la Première ministre" … "le Premier ministre").
_FEMININE_TO_MASCULINE = {
    "fr": (("trice", "teur"), ("euse", "eur"), ("ère", "er"), ("ète", "et"), ("ienne", "ien"),
           ("e", "")),
    "es": (("esa", "e"), ("a", "o"), ("a", "e"), ("a", "")),
}


def _masculine(low: str, code: str) -> str:
    """The masculine form of a French or Spanish role word, when it is a role too."""
    for ending, masculine in _FEMININE_TO_MASCULINE.get(code, ()):
        if low.endswith(ending) and is_role_word(low[:-len(ending)] + masculine):
            return low[:-len(ending)] + masculine
    return low


def is_strong_role(words: list[str]) -> bool:
    """A run of role words that names a role on its own ("Chief Executive", "Minister")."""
    roles = [w for w in words if is_role_word(w)]
    if not roles:
        return False
    if any(w not in WEAK_ROLE_WORDS for w in roles):
        return True
    return len(roles) >= 2 and roles[0] in ("chief", "managing", "executive", "vice")


def adjacent(a: Tok, b: Tok, s: str) -> bool:
    gap = s[a.end + (2 if a.possessive else 0):b.start]
    if gap == " ":
        return not a.possessive
    if gap in (". ", ".") and a.dotted:
        return a.cls in ("I", "H") or a.low in ("st", "jr", "sr")
    return False
