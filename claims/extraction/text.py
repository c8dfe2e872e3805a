"""Bytes to text, text normalization, and plain-text paragraph splitting."""

from __future__ import annotations

import codecs
import re
import unicodedata

from .errors import BinaryFile, EmptyRelease

# Spaces that look like a space but are not U+0020: NBSP, figure, narrow, thin, em ... spaces.
_SPACES = "\u00a0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008\u2009\u200a" \
    "\u202f\u205f\u3000\t"
# Invisible characters that only get in the way of matching: zero-width, BOM, soft hyphen.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff\u00ad"
# Line breaks other than "\n": CR (handled first), NEL, VT, FF, LINE and PARAGRAPH SEPARATOR.
_BREAKS = "\u0085\u000b\u000c\u2028\u2029"

_SPACE_RE = re.compile(f"[{_SPACES}]")
_INVISIBLE_RE = re.compile(f"[{_INVISIBLE}]")
_BREAK_RE = re.compile(f"[{_BREAKS}]")

_RUN_OF_SPACES = re.compile(r" {2,}")

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a Word or OpenDocument file, perhaps)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
)


def normalize_text(text: str) -> str:
    """Unify newlines and spaces; keep quotes, apostrophes, dashes and accents as they are.

    CRLF and CR become LF; NBSP and other unicode spaces become a plain space; zero-width
    characters and soft hyphens are removed; runs of spaces and tabs collapse to one space;
    every line is stripped and blank lines at either end are dropped.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _BREAK_RE.sub("\n", _INVISIBLE_RE.sub("", _SPACE_RE.sub(" ", text)))
    text = _RUN_OF_SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip("\n")


def decode_release(data: bytes):
    """Decode uploaded bytes: UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252.

    Raises ``EmptyRelease`` for empty or blank input and ``BinaryFile`` for bytes that are
    not text. ``note`` names the encoding assumed when the file was not UTF-8.
    """
    from .model import DecodedText

    if not data or not data.strip():
        raise EmptyRelease()
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryFile(f"The file is {what}, not text; copy the release text into a "
                             "plain-text file or save the web page as HTML.")
    note = None
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = data.decode("utf-16", errors="replace"), "utf-16"
    else:
        if b"\x00" in data:
            raise BinaryFile()
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
                note = "The file was not UTF-8; it was read as Windows-1252."
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
                note = "The file was not UTF-8; it was read as Latin-1 (ISO-8859-1)."
    if _looks_binary(text):
        raise BinaryFile()
    if not normalize_text(text).strip():
        raise EmptyRelease()
    return DecodedText(text=text, encoding=encoding, note=note)


def _looks_binary(text: str) -> bool:
    sample = text[:8192]
    if "\x00" in sample:
        return True
    controls = sum(
        1 for c in sample if c not in "\n\r\t\f\v" and unicodedata.category(c) == "Cc"
    )
    return controls > max(2, len(sample) // 50)


_BOILERPLATE = re.compile(
    r"^(?:#{3,}|(?:# ){2,}#|[-–—*\s]*(?:ends?|end of (?:press )?release|30)[-–—*\s]*)$",
    re.IGNORECASE,
)
_TRAILER = re.compile(
    r"^(?:notes? (?:to|for) editors?|editors?[’']? notes?|media (?:contacts?|enquiries|inquiries)"
    r"|press (?:contacts?|office|enquiries)|for (?:further|more) information|contacts?"
    r"|background|about (?:the )?[\w&.,’' -]{2,60})\s*:?$",
    re.IGNORECASE,
)
_BULLET = re.compile(r"^(?:[-•*▪◦–]|\d{1,2}[.)])\s")


def is_boilerplate(line: str) -> bool:
    """A line that only marks the end of a release ("###", "-ENDS-", "- 30 -")."""
    return bool(_BOILERPLATE.match(line))


def split_plain(text: str) -> list[str]:
    """Split normalized plain text into paragraphs, the headline first.

    With blank lines between blocks, each block is a paragraph and hard-wrapped lines are
    joined with a space (a bullet starts a new paragraph); without them, one paragraph per
    line. End markers ("###", "-ENDS-") are dropped, and so is a trailing "Notes to editors",
    "About X" or "Media contact" section once the body has started: it is boilerplate, not
    the release.
    """
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None:
        return []
    headline, body = lines[first], lines[first + 1:]
    while body and not body[-1]:
        body.pop()
    has_blocks = _blank_between(body)
    paragraphs: list[str] = [headline]
    current: list[str] = []

    def flush() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    for line in body:
        if not line:
            flush()
            continue
        if is_boilerplate(line):
            flush()
            if len(paragraphs) > 2:
                break
            continue
        if len(paragraphs) > 2 and not current and _TRAILER.match(line) and len(line) < 70:
            break
        if has_blocks and not _BULLET.match(line):
            current.append(line)
        else:
            flush()
            current.append(line)
            if not has_blocks:
                flush()
    flush()
    return paragraphs


def _blank_between(body: list[str]) -> bool:
    seen_text = False
    for i, line in enumerate(body):
        if line:
            seen_text = True
        elif seen_text and any(body[i + 1:]):
            return True
    return False
