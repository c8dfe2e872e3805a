"""Sentence boundaries that survive abbreviations, initials, decimals and quotes."""

from __future__ import annotations

import re

from .budget import charge
from .quotes import Span

# Words that end with a full stop without ending the sentence ("Mr.", "Jan. 31", "No. 5").
ABBREVIATIONS = frozenset([
    "mr", "mrs", "ms", "mx", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "col", "lt",
    "capt", "cmdr", "sgt", "gov", "sen", "rep", "rev", "hon", "fr", "pres", "supt", "insp",
    "det", "cllr", "no", "nos", "vol", "fig", "figs", "pp", "p", "para", "art", "sec", "ch",
    "approx", "est", "dept", "univ", "inc", "ltd", "corp", "co", "bros", "plc", "vs", "v", "cf",
    "al", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun",
    # Titles before a name in German and Spanish ("Mag.", "Ing.", "Bgm.", "la Lic.", "Arq.").
    "mag", "mmag", "dipl", "ing", "ddr", "dkfm", "kommr", "bgm", "vzbgm", "abg", "lic", "lcda",
    "lcdo", "licda", "licdo", "arq", "dra", "mtro", "mtra", "sra", "srta", "dña",
])
# (“ and ‘ close a German quote, » « one in chevrons: „Wir kommen.“ Er nickte.)
_TERMINATOR = re.compile(r"[.!?…]+[”“\"’‘'»«›‹)\]]*(?=\s|$)")
_WORD_MARKS = frozenset("_.’'-")  # what a word before a full stop holds besides letters
_DOTTED = re.compile(r"(?:[A-Za-z]\.)+[A-Za-z]?\.?$")
_ENDING_ABBREVIATIONS = frozenset(["inc", "ltd", "corp", "co", "bros", "plc", "al", "etc"])
_TITLE_ABBREVIATIONS = ABBREVIATIONS - _ENDING_ABBREVIATIONS


def _word_before(text: str, dot: int) -> str:
    """The word (letters, digits, dots, apostrophes, hyphens) ending at ``dot``, or before
    a line break there, read back at most 30 characters (a loop back from the dot: a
    pattern anchored at the dot would be tried from each of the 30 starts)."""
    lo = max(0, dot - 30)
    end = dot - 1 if text[dot - 1:dot] == "\n" else dot
    i = end
    while i > lo and (text[i - 1].isalnum() or text[i - 1] in _WORD_MARKS):
        i -= 1
    return text[i:end]


def _abbreviation(text: str, dot: int) -> str:
    """"title" for Mr./Dr./Jan./No. and initials, "other" for U.S./Inc./e.g., "" for none."""
    word = _word_before(text, dot)
    if not word:
        return ""
    low = word.lower()
    if low in _TITLE_ABBREVIATIONS or (len(word) == 1 and word.isupper()):
        return "title"
    if low in _ENDING_ABBREVIATIONS or _DOTTED.fullmatch(word + "."):
        return "other"
    return ""


def split_sentences(text: str, spans: list[Span]) -> list[tuple[int, int]]:
    """``(start, end)`` of each sentence; a boundary never falls inside a quote."""
    bounds: list[tuple[int, int]] = []
    start = 0
    k = 0
    n = len(text)
    for m in _TERMINATOR.finditer(text):
        charge(1)
        pos, end = m.start(), m.end()
        while k < len(spans) and spans[k].outer_end < pos:
            k += 1
        inside = k < len(spans) and spans[k].open < pos and end <= spans[k].outer_end - (
            1 if spans[k].close is not None else 0)
        if inside and not (spans[k].close is not None and end == spans[k].close + 1):
            continue
        nxt = end
        while nxt < n and text[nxt].isspace():
            nxt += 1
        if nxt >= n:
            break
        following = text[nxt]
        if not (following.isupper() or following.isdigit() or following in "“\"‘'«»‹›„(["):
            continue
        kind = _abbreviation(text, pos) if text[pos] == "." and end - pos == 1 else ""
        if kind == "title" or (kind == "other" and not _starts_sentence(text, nxt)):
            continue
        bounds.append((start, end))
        start = nxt
    if start < n and text[start:].strip():
        bounds.append((start, len(text.rstrip())))
    return [(a, b) for a, b in bounds if b > a]


_STARTERS = frozenset([
    "The", "He", "She", "They", "It", "We", "I", "In", "On", "At", "This", "That", "But", "And",
    "A", "An", "However", "Its", "Our",
])


def _starts_sentence(text: str, i: int) -> bool:
    m = re.match(r"[\w’']+", text[i:i + 20])
    return bool(m) and m.group() in _STARTERS
