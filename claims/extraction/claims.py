"""What makes a sentence checkable: its reasons, kind and score.

Reasons come from a fixed vocabulary (``model.REASONS``). The kind is the strongest reason:
reported speech, then prediction (future tense), quantity (a number), comparison, event
(an event verb or a date), else other. The score adds a weight per reason.
"""

from __future__ import annotations

import re

from .budget import charge
from .lexicon import (
    COMPARISON_WORDS,
    EVENT_VERBS,
    NUMBER_WORDS,
    ORG_WORDS,
    PLACE_WORDS,
)
from .tokens import tokenize

WEIGHTS = {
    "date": 0.15,
    "number": 0.2,
    "named_person": 0.1,
    "place": 0.1,
    "organization": 0.1,
    "future_tense": 0.15,
    "comparison": 0.15,
    "event_verb": 0.15,
    "reported_speech": 0.1,
}
_BASE = 0.1

_MONTH_NAMES = (
    "January|February|March|April|May|June|July|August|September|October|November|December"
    "|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
# Each pattern first looks ahead for a character a match can start with, so the search
# skips the rest of the text at once (several times faster on a long release).
_DATE = re.compile(
    r"(?=[\dJFMASONDTWtyln])\b(?:(?:\d{1,2}(?:st|nd|rd|th)?\s+)?(?:" + _MONTH_NAMES
    + r")\.?(?:\s+\d{1,2}(?:st|nd|rd|th)?)?"
    r"(?:,?\s+\d{4})?"
    r"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)"
    r"|(?:19|20)\d\d(?:s)?|\d{1,2}/\d{1,2}/\d{2,4}|\d{4}-\d\d-\d\d"
    r"|today|yesterday|tomorrow|(?:last|next|this) (?:week|month|year|spring|summer|autumn"
    r"|winter|quarter|decade))\b"
)
_NUMBER = re.compile(
    r"(?=[€$£¥\d])(?:[€$£¥]\s?\d"
    r"|\d[\d,.]*\s?(?:%|per ?cent|percent|bn|m\b|million|billion|km|kg|tonnes)|\b\d[\d,.]*\b)"
)
_DIGIT = re.compile(r"\d")
_FUTURE = re.compile(
    r"(?=[wsgpiaedn’'])(?:\b(?:will|shall|won[’']t|going to|plans? to|planned to|intends? to"
    r"|aims? to|expected to|set to|due to|is to|are to|next (?:week|month|year))|[’']ll)\b",
    re.IGNORECASE,
)
_PLACE_AFTER = re.compile(
    r"(?=[iaftn])\b(?:in|at|from|to|across|near|throughout) (?:the )?([A-Z][\w’'-]+)"
)


def reasons_for(text: str, *, named_person: bool = False, reported: bool = False,
                toks: list | None = None) -> list[str]:
    """The reasons (from ``model.REASONS``) that make ``text`` worth checking."""
    charge(len(text) // 20 + 1)
    toks = tokenize(text) if toks is None else toks
    lows = {t.low for t in toks}
    capitalised = {t.low for t in toks if t.cap}
    acronym = any(t.cls == "A" and len(t.text) > 1 for t in toks)
    found: list[str] = []
    dates = [m.span() for m in _DATE.finditer(text)]
    if dates:
        found.append("date")
    numbers, k = 0, 0
    # (Every figure holds a digit: a text without one is not searched for figures.)
    for m in _NUMBER.finditer(text) if _DIGIT.search(text) else ():
        while k < len(dates) and dates[k][1] <= m.start():
            k += 1
        if not (k < len(dates) and dates[k][0] <= m.start()):
            numbers += 1  # a figure that is not part of a date
    if numbers > 0 or not lows.isdisjoint(NUMBER_WORDS):
        found.append("number")
    if named_person:
        found.append("named_person")
    if not capitalised.isdisjoint(PLACE_WORDS) or any(
        m.group(1).lower() not in ORG_WORDS and m.start() > 0 for m in _PLACE_AFTER.finditer(text)
    ):
        found.append("place")
    if acronym or not capitalised.isdisjoint(ORG_WORDS):
        found.append("organization")
    if _FUTURE.search(text):
        found.append("future_tense")
    if not lows.isdisjoint(COMPARISON_WORDS):
        found.append("comparison")
    if not lows.isdisjoint(EVENT_VERBS):
        found.append("event_verb")
    if reported:
        found.append("reported_speech")
    return found


def kind_for(reasons: list[str]) -> str:
    """The claim kind that best describes a sentence with these reasons."""
    if "reported_speech" in reasons:
        return "reported_speech"
    if "future_tense" in reasons:
        return "prediction"
    if "number" in reasons:
        return "quantity"
    if "comparison" in reasons:
        return "comparison"
    if "event_verb" in reasons or "date" in reasons:
        return "event"
    return "other"


def score_for(reasons: list[str]) -> float:
    """Check-worthiness in [0, 1], two decimals."""
    return round(min(1.0, _BASE + sum(map(WEIGHTS.__getitem__, reasons))), 2)


_NORMALIZE = re.compile(r"[^\w\s]")


def fingerprint(text: str) -> str:
    """Lower-case words only, for matching a headline to the quote it repeats."""
    return " ".join(_NORMALIZE.sub(" ", text.casefold()).split())


def repeats(part: str, quote: str) -> bool:
    """A headline part repeats a quote: one contains the other, or nearly all its words."""
    a, b = fingerprint(part), fingerprint(quote)
    if not a or not b or len(a.split()) < 3:
        return False
    if a in b or b in a:
        return min(len(a), len(b)) >= 15
    words_a, words_b = set(a.split()), set(b.split())
    overlap = len(words_a & words_b)
    return overlap >= 4 and overlap >= 0.8 * min(len(words_a), len(words_b))
