"""The values extraction produces, and their JSON form.

JSON conventions (a public interface, see DESIGN.md "Extraction"):

- an unknown ``role`` or ``organization`` is ``""`` on the dataclass and ``null`` in JSON;
- a quote or claim with no known speaker has ``speaker: null``; an organization quoted as
  a body ("the European Commission said") is a speaker named after the organization, with
  ``role`` and ``organization`` null;
- ``attribution`` is the phrase as written ("said the Secretary General") or ``""``;
- ``continues`` is the index in ``quotes`` of the first entry of a quote that runs over
  several paragraphs, ``null`` on that first entry and on single-paragraph quotes;
- ``repeats`` (claims) is the index in ``quotes`` of a body quote a headline repeats.

Offsets are character offsets into the paragraph text as stored:
``paragraphs[p][start:end] == text`` for every quote and claim.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

CLAIM_KINDS = ("event", "quantity", "prediction", "reported_speech", "comparison", "other")

# How a quote's speaker was found (``Quote.speaker_how``).
SPEAKER_HOW = (
    "named",               # a name in the attribution phrase ("said Jane Doe")
    "title",               # a title used earlier with a name ("the Minister")
    "honorific",           # an honorific or role with a surname ("Mr Doe", "Minister Doe")
    "surname",             # a surname alone, of someone named in full earlier
    "pronoun",             # "he said": the person last named or quoted
    "implied",             # a verb without a subject ("dijo"): the person the text is about
    "same_paragraph",      # no phrase of its own: the speaker of the quote before it
    "previous_paragraph",  # a quote-only paragraph: the speaker of the paragraph before
    "next_paragraph",      # a quote-only paragraph: the named speaker of the quote after it
    "only_person",         # a quote-only paragraph: the one person the release named before
    "continues",           # a later paragraph of a quote that runs on
    "introduced",          # "Jane Doe, Director of X, said:" closing the paragraph before
    "statement",           # "X released the following statement:"
    "headline",            # "Statement by X" as the headline of a whole-body quote
    "signature",           # "— Jane Doe, Director of X" under the quote
    "organization",        # an organisation the text says said it
)

# Why a sentence is worth checking; the words that can appear in ``Claim.reasons``.
REASONS = (
    "date",            # a date, weekday, month or year
    "number",          # a figure, percentage, amount or number word
    "named_person",    # a person the release names
    "place",           # a country, city or "in <Place>"
    "organization",    # an acronym or a named body
    "future_tense",    # will, plans to, is expected to ...
    "comparison",      # more than, the largest, a record ...
    "event_verb",      # met, signed, announced, arrested ...
    "reported_speech", # a speaker's words reported without quote marks
)


def _or_none(value: str) -> str | None:
    return value or None


@dataclass(frozen=True)
class DecodedText:
    """Text decoded from uploaded bytes; ``note`` says what was assumed, if anything."""

    text: str
    encoding: str
    note: str | None = None


@dataclass
class ReleaseText:
    """A release split into paragraphs; ``paragraphs[0]`` is the headline (== ``title``)."""

    title: str
    paragraphs: list[str]
    left_out: list[str] = field(default_factory=list)  # boilerplate dropped, in order
    quoted: list[int] = field(default_factory=list)  # paragraphs set as a block quotation
    # Units of work reading it spent (``budget``): extracting it counts them, so a release
    # read and extracted in two calls has one budget, as in one.
    work: int = 0


@dataclass
class Speaker:
    """One person (or organization) quoted or named with a role; aliases as written."""

    name: str
    role: str = ""
    organization: str = ""
    aliases: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "name": self.name,
            "role": _or_none(self.role),
            "organization": _or_none(self.organization),
            "aliases": list(self.aliases),
        }


@dataclass
class Quote:
    """Words inside quote marks: ``paragraphs[paragraph][start:end] == text``."""

    text: str
    speaker: str | None
    role: str
    paragraph: int
    start: int
    end: int
    attribution: str = ""
    continues: int | None = None
    speaker_how: str = ""  # one of SPEAKER_HOW, "" when no speaker was found
    speaker_sure: bool = False
    speaker_note: str = ""  # why the speaker is empty (or what makes it unsure)

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "speaker": self.speaker,
            "role": _or_none(self.role),
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "attribution": self.attribution,
            "continues": self.continues,
            "speaker_how": _or_none(self.speaker_how),
            "speaker_sure": self.speaker_sure,
            "speaker_note": _or_none(self.speaker_note),
        }


@dataclass
class Claim:
    """A checkable sentence (or part) outside quotes, with its kind, score and reasons."""

    text: str
    kind: str
    score: float
    reasons: list[str]
    paragraph: int
    start: int
    end: int
    speaker: str | None = None
    repeats: int | None = None

    def to_json(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "kind": self.kind,
            "score": self.score,
            "reasons": list(self.reasons),
            "paragraph": self.paragraph,
            "start": self.start,
            "end": self.end,
            "speaker": self.speaker,
            "repeats": self.repeats,
        }


@dataclass
class Extraction:
    """Everything pulled out of one release."""

    title: str
    paragraphs: list[str]
    speakers: list[Speaker] = field(default_factory=list)
    quotes: list[Quote] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    language: str = "en"
    left_out: list[str] = field(default_factory=list)

    def to_json(self) -> dict[str, Any]:
        return {
            "title": self.title,
            "paragraphs": [{"index": i, "text": t} for i, t in enumerate(self.paragraphs)],
            "speakers": [s.to_json() for s in self.speakers],
            "quotes": [q.to_json() for q in self.quotes],
            "claims": [c.to_json() for c in self.claims],
            "language": self.language,
            "left_out": list(self.left_out),
        }
