"""Text extraction for factcheck: pure text processing, no Django.

Public API (the Django side calls exactly this)::

    decode_release(data: bytes) -> DecodedText        # raises EmptyRelease, BinaryFile
    normalize_text(text: str) -> str
    parse_release(text: str, *, is_html: bool | None = None) -> ReleaseText
                                                      # raises EmptyRelease, NoBodyText
    extract(release: ReleaseText) -> Extraction       # raises TooMuchWork only
    extract_text(text: str) -> Extraction             # extract(parse_release(text))

Parsing and extraction run within a budget of work (``budget``): an input that would take
more than a few seconds raises ``TooMuchWork`` (an ``ExtractionError``) instead.

``Extraction.to_json()`` gives the public JSON shape documented in ``model``.
"""

from __future__ import annotations

from .budget import DEFAULT_UNITS, TooMuchWork, budget, current
from .errors import BinaryFile, EmptyRelease, ExtractionError, NoBodyText
from .model import (
    CLAIM_KINDS,
    REASONS,
    Claim,
    DecodedText,
    Extraction,
    Quote,
    ReleaseText,
    Speaker,
)
from .pipeline import extract
from .release import parse_release
from .text import decode_release, normalize_text


def extract_text(text: str, *, is_html: bool | None = None,
                 units: int | None = DEFAULT_UNITS) -> Extraction:
    """Parse and extract a release given as text (plain or HTML), within one budget (the
    budget of the extraction it runs in, if any)."""
    if current() is not None:
        return extract(parse_release(text, is_html=is_html))
    with budget(units):
        return extract(parse_release(text, is_html=is_html))


__all__ = [
    "CLAIM_KINDS",
    "REASONS",
    "BinaryFile",
    "Claim",
    "DecodedText",
    "EmptyRelease",
    "Extraction",
    "ExtractionError",
    "NoBodyText",
    "Quote",
    "ReleaseText",
    "Speaker",
    "TooMuchWork",
    "budget",
    "decode_release",
    "extract",
    "extract_text",
    "normalize_text",
    "parse_release",
]
