"""Release text (plain or HTML) -> headline and paragraphs."""

from __future__ import annotations

from .errors import EmptyRelease
from .html import looks_like_html, parse_html
from .model import ReleaseText
from .text import normalize_text, split_plain


def parse_release(text: str, *, is_html: bool | None = None) -> ReleaseText:
    """Split a release into paragraphs; ``paragraphs[0]`` is the headline (and ``title``).

    ``is_html=None`` detects HTML (a doctype, ``<html>``, ``<p>``, ``<body>`` ...).
    Raises ``EmptyRelease`` when there is no text and ``NoBodyText`` for an HTML page with
    no body paragraphs.
    """
    if not text or not normalize_text(text).strip():
        raise EmptyRelease()
    if is_html is None:
        is_html = looks_like_html(text)
    paragraphs = parse_html(text) if is_html else split_plain(normalize_text(text))
    if not paragraphs:
        raise EmptyRelease()
    return ReleaseText(title=paragraphs[0], paragraphs=paragraphs)
