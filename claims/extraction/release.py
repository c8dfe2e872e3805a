"""Release text (plain or HTML) -> headline and paragraphs."""

from __future__ import annotations

import unicodedata

from .budget import DEFAULT_UNITS, budget, current
from .errors import EmptyRelease
from .html import looks_like_html, parse_html_blocks
from .model import ReleaseText
from .text import is_blank, normalize_text, split_plain


def parse_release(text: str, *, is_html: bool | None = None,
                  units: int | None = DEFAULT_UNITS) -> ReleaseText:
    """Split a release into paragraphs; ``paragraphs[0]`` is the headline (and ``title``).

    ``is_html=None`` detects HTML (a doctype, ``<html>``, ``<p>``, ``<body>`` ...).
    Raises ``EmptyRelease`` when there is no text and ``NoBodyText`` for an HTML page with
    no body paragraphs.
    """
    if current() is None:
        with budget(units):
            return parse_release(text, is_html=is_html)
    spent_before = current().spent
    if not text or is_blank(text):
        raise EmptyRelease()
    if not unicodedata.is_normalized("NFC", text):
        # "Ju" + U+0308 + "nemann", as some pages and editors write "Jünemann": letters
        # with their accents composed, so that a name is one word and compares equal.
        text = unicodedata.normalize("NFC", text)
    if is_html is None:
        is_html = looks_like_html(text)
    quoted: list[int] = []
    if is_html:
        paragraphs, left_out, quoted = parse_html_blocks(text)
    else:
        paragraphs, left_out = split_plain(normalize_text(text))
    if not paragraphs:
        raise EmptyRelease()
    return ReleaseText(title=paragraphs[0], paragraphs=paragraphs, left_out=left_out,
                       quoted=quoted, work=current().spent - spent_before)
