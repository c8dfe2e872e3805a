"""Bytes to text, text normalization, and plain-text paragraph splitting."""

from __future__ import annotations

import codecs
import re

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

_RUN_OF_SPACES = re.compile(r"  +")  # (two spaces as its prefix: found by a fast scan)
# Any character that is neither a space nor invisible: what a blank text lacks.
_VISIBLE = re.compile(f"[^\\s{_INVISIBLE}]")


def _upper_class() -> str:
    """Every capital letter of the alphabets that have capitals (Latin, Greek, Cyrillic,
    Armenian, Georgian and their extensions) as a regex class body, in ranges: names start
    with "Ł", "Ś", "Č" or "Ø" as well as with "A-Z" and "À-Ý"."""
    ranges: list[list[int]] = []
    codes = [*range(0x2000), *range(0x2C00, 0x2D30), *range(0xA640, 0xA800),
             *range(0xFF21, 0xFF3B)]
    for code in codes:
        if chr(code).isupper():
            if ranges and ranges[-1][1] == code - 1:
                ranges[-1][1] = code
            else:
                ranges.append([code, code])
    return "".join(re.escape(chr(a)) if a == b else f"{re.escape(chr(a))}-{re.escape(chr(b))}"
                   for a, b in ranges)


# A capital letter in any alphabet, for ``[...]`` classes: f"[{UPPER}]".
UPPER = _upper_class()

_MAGIC = (
    (b"%PDF", "a PDF document"),
    (b"PK\x03\x04", "a ZIP archive (a Word or OpenDocument file, perhaps)"),
    (b"\x89PNG", "a PNG image"),
    (b"GIF8", "a GIF image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"\xd0\xcf\x11\xe0", "an old Microsoft Office document"),
    (b"{\\rtf", "an RTF document"),
)


def rstrip_end(s: str, hi: int, chars: str | None = None) -> int:
    """``len(s[:hi].rstrip(chars))`` without copying ``s[:hi]`` (which, once per quote of a
    long paragraph, would make the work grow with the square of its length)."""
    while hi > 0 and (s[hi - 1].isspace() if chars is None else s[hi - 1] in chars):
        hi -= 1
    return hi


def normalize_text(text: str) -> str:
    """Unify newlines and spaces; keep quotes, apostrophes, dashes and accents as they are.

    CRLF and CR become LF; NBSP and other unicode spaces become a plain space; zero-width
    characters and soft hyphens are removed; runs of spaces and tabs collapse to one space;
    every line is stripped and blank lines at either end are dropped.
    """
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    # (Each kind replaced only where one of its characters is: looking for one character is
    # many times quicker than matching a class, and most texts have none of them.)
    for chars, pattern, replacement in _REPLACED:
        if any(c in text for c in chars):
            text = pattern.sub(replacement, text)
    text = _RUN_OF_SPACES.sub(" ", text)
    return "\n".join(line.strip() for line in text.split("\n")).strip("\n")


_REPLACED = ((_SPACES, _SPACE_RE, " "), (_INVISIBLE, _INVISIBLE_RE, ""), (_BREAKS, _BREAK_RE, "\n"))


def is_blank(text: str) -> bool:
    """Nothing but spaces, line breaks and invisible characters: ``normalize_text(text)``
    would be empty, found without normalizing the whole text."""
    return _VISIBLE.search(text) is None


def decode_release(data: bytes):
    """Decode uploaded bytes: UTF-8 (BOM or not), UTF-16 with a BOM, else Windows-1252.

    Raises ``EmptyRelease`` for empty or blank input and ``BinaryFile`` for bytes that are
    not text, judged on the whole input, not its first kilobytes. A few NUL characters in
    otherwise plain text (no database stores them in text) are removed, and ``note`` says
    so; ``note`` also names the encoding assumed when the file was not UTF-8.
    """
    from .model import DecodedText

    if not data or not data.strip():
        raise EmptyRelease()
    for magic, what in _MAGIC:
        if data.startswith(magic):
            raise BinaryFile(f"The file is {what}, not text; copy the release text into a "
                             "plain-text file or save the web page as HTML.")
    notes = []
    if data.startswith(codecs.BOM_UTF8):
        text, encoding = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, encoding = data.decode("utf-16", errors="replace"), "utf-16"
    else:
        try:
            text, encoding = data.decode("utf-8"), "utf-8"
        except UnicodeDecodeError:
            try:
                text, encoding = data.decode("cp1252"), "cp1252"
                notes.append("The file was not UTF-8; it was read as Windows-1252.")
            except UnicodeDecodeError:
                text, encoding = data.decode("latin-1"), "latin-1"
                notes.append("The file was not UTF-8; it was read as Latin-1 (ISO-8859-1).")
    if _looks_binary(text):
        raise BinaryFile()
    nuls = text.count("\x00")
    if nuls:
        text = text.replace("\x00", "")
        notes.append(f"The file held {nuls:,} NUL character{'s' if nuls > 1 else ''} "
                     "(never part of a text); removed.")
    if is_blank(text):
        raise EmptyRelease()
    return DecodedText(text=text, encoding=encoding, note=" ".join(notes) or None)


# Control characters other than the whitespace ones: a text has none or a handful.
_CONTROLS = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def _looks_binary(text: str) -> bool:
    """Bytes that are not text: NULs or other control characters, anywhere in the input.

    A NUL in the first kilobyte (where every text format starts with words), or more than
    one control character in fifty anywhere, is binary.
    """
    if "\x00" in text[:1024]:
        return True
    controls = sum(1 for _ in _CONTROLS.finditer(text))
    return controls > max(2, len(text) // 50)


_BOILERPLATE = re.compile(
    r"^(?:#{3,}|(?:# ){2,}#|[-–—*\s]*(?:ends?|end of (?:press )?release|fin|ende|30)[-–—*\s]*)$",
    re.IGNORECASE,
)
# Headings that open the trailing sections of a release: contacts, notes to editors, and
# "About <Organisation>", in the four languages.
_TRAILER_LABEL = re.compile(
    r"^(?:notes? (?:to|for) editors?|editors?[’']? notes?|media (?:contacts?|enquiries|inquiries)"
    r"|press (?:contacts?|office|enquiries|inquiries)|for (?:further|more) information"
    r"|contacts?|background|about us|media|press"
    r"|contacts? (?:presse|médias?)|notes? (?:aux|à l[’']attention des) (?:rédactions?|éditeurs)"
    r"|pour (?:plus d[’']informations|en savoir plus)|à propos|a propos"
    r"|pressekontakt|kontakt|medienkontakt|ansprechpartner(?:in)?"
    r"|hinweise? für (?:die )?redaktion(?:en)?"
    r"|über uns"
    r"|contactos?(?: de prensa| para medios)?|nota (?:para|a los) (?:editores|redactores)"
    r"|para más información|sobre nosotros|acerca de nosotros)\s*:?$",
    re.IGNORECASE,
)
_ABOUT = re.compile(
    r"^(?:about|à propos d[eu’']|a propos d[eu’']|über|acerca de|sobre)\s*"
    r"(?:the |l[ae’'] ?|les |die |der |das |el |la |los |las )?(.{2,80}?)\s*:?$",
    re.IGNORECASE,
)
_NAME_LINKS = frozenset(["of", "for", "and", "the", "&", "de", "du", "des", "la", "le", "et",
                         "für", "und", "der", "die", "des", "del", "y", "e", "of", "on", "in"])
_OPENING_MARKS = re.compile(r"[“„«\"]\s*\w+(?:\s+\S+){3}")
_BULLET = re.compile(r"^(?:[-•*▪◦–]|\d{1,2}[.)])\s")


def is_boilerplate(line: str) -> bool:
    """A line that only marks the end of a release ("###", "-ENDS-", "- 30 -")."""
    return bool(_BOILERPLATE.match(line))


def is_trailer_heading(line: str) -> bool:
    """A heading that opens a trailing section: "Notes to editors", "Media contact",
    "About the Portvale Harbour Board", "À propos de X", "Über X".

    "About 200 residents attended." is a sentence, not a heading: an "About" heading names
    something (capitalised words, an acronym), holds no figure and no full stop at its end.
    """
    if len(line) > 90:
        return False
    if _TRAILER_LABEL.match(line):
        return True
    m = _ABOUT.match(line)
    if not m or line.rstrip(": ").endswith((".", "!", "?")):
        return False
    words = m.group(1).split()
    if not words or len(words) > 10 or any(ch.isdigit() for ch in m.group(1)[:1]):
        return False
    named = [w for w in words if w.lower() not in _NAME_LINKS]
    return bool(named) and all(w[:1].isupper() or w[:1] in "(&" for w in named)


def split_plain(text: str) -> tuple[list[str], list[str]]:
    """Split normalized plain text into paragraphs (the headline first) and what is left out.

    With blank lines between blocks, each block is a paragraph and hard-wrapped lines are
    joined with a space (a bullet starts a new paragraph); without them, one paragraph per
    line. End markers ("###", "-ENDS-") are left out, and so is the trailing part of the
    release from an end marker or a trailing heading ("Notes to editors", "About X", "Media
    contact") on, when nothing after it is quoted speech: the second list holds every
    paragraph left out, so nothing of a body goes without trace.
    """
    lines = text.split("\n")
    first = next((i for i, line in enumerate(lines) if line), None)
    if first is None:
        return [], []
    headline, body = lines[first], lines[first + 1:]
    while body and not body[-1]:
        body.pop()
    has_blocks = _blank_between(body)
    blocks: list[str] = []
    markers: set[int] = set()
    current: list[str] = []

    def flush() -> None:
        if current:
            blocks.append(" ".join(current))
            current.clear()

    for line in body:
        if not line:
            flush()
        elif is_boilerplate(line) or (not current and is_trailer_heading(line)):
            flush()
            markers.add(len(blocks))
            blocks.append(line)
        elif has_blocks and not _BULLET.match(line):
            current.append(line)
        else:
            flush()
            current.append(line)
            if not has_blocks:
                flush()
    flush()
    cut = _trailing_cut(blocks, markers)
    kept = [b for i, b in enumerate(blocks[:cut]) if i not in markers or not is_boilerplate(b)]
    left_out = [b for i, b in enumerate(blocks[:cut]) if i in markers and is_boilerplate(b)]
    return [headline, *kept], left_out + blocks[cut:]


def _trailing_cut(blocks: list[str], markers: set[int]) -> int:
    """Where the trailing boilerplate starts: the first marker once the body has begun (two
    paragraphs in) with no quoted speech after it; ``len(blocks)`` when there is none."""
    cut = len(blocks)
    for i in range(len(blocks) - 1, 1, -1):
        if i in markers:
            cut = i
        elif _OPENING_MARKS.search(blocks[i]):
            break
    return cut


def _blank_between(body: list[str]) -> bool:
    seen_text = False
    for i, line in enumerate(body):
        if line:
            seen_text = True
        elif seen_text and any(body[i + 1:]):
            return True
    return False
