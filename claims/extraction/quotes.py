"""Quote marks: where quotes open and close in a paragraph.

Double quotes are paired first: curly and typographic ones (“…”, „…“, «…») each with
their own kind of closing mark, so straight marks inside them are quotes within the quote;
then straight ones ("…") outside those, never across a curly quote's marks. Single quotes
(‘…’, '…') are then paired outside them, so UK-style outer single quotes work and single
quotes nested inside double quotes are left alone. An apostrophe inside a word (I’ve,
Japan’s, don't), an elision (’90s) or a plural possessive (students’ union) never opens or
closes a quote.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from dataclasses import dataclass

from .budget import charge
from .languages import lexicon
from .text import rstrip_end

_DOUBLE_OPEN = "“„«‟"
_SINGLE_MARKS = "'‘’‚‹›"
# Curly and typographic double marks, and two single marks standing for one (‘’…’’, '',
# and the typewriter's ``…'').
_CURLY_RE = re.compile("‘’|’’|‘‘|''|``|[“”„«»‟]")
_NUMBERED = re.compile(r"\d{1,3}[.)]\s+")
_PAIRS = ("‘’", "’’", "‘‘", "''", "``")
# A straight quote's marks, and the curly closing marks that may close one: ” and, as
# German sets it, “ after a word ("…Arbeit“, so die Ministerin" after a straight opener).
_STRAIGHT_RE = re.compile("[\"”“]")
# What closes each opening mark. Mixed pairs are common in real releases: « closed by ”,
# a pair of single marks closed by », ” or another pair, and a double opener closed by a
# pair of single marks (“…'', typed where the keyboard has no closing double mark).
_CURLY_CLOSERS = {"“": "”»", "‟": "”", "”": "”", "„": "“”", "«": "»”", "»": "«»",
                  "pair": "»”"}
_PAIR_CLOSES = ("’’", "''")
_SINGLE_RE = re.compile(f"[{_SINGLE_MARKS}]")
_OPEN_CONTEXT = "([{—–-/:;\"“„«‘'‚‹ \n"
_CLOSE_CONTEXT = ".,;:!?)]}—–-…\"”»’'›"


@dataclass
class Span:
    """A quote: marks at ``open`` and ``close`` (None when it runs to the paragraph end)."""

    open: int
    close: int | None
    inner_start: int
    inner_end: int
    family: str  # "double" or "single"
    raw_end: int  # end of the text inside the marks, before trimming
    close_width: int = 1  # two for a closing pair of single marks (’’)

    @property
    def outer_end(self) -> int:
        return self.close + self.close_width if self.close is not None else self.raw_end


def _before(s: str, i: int) -> str:
    return s[i - 1] if i > 0 else " "


def _after(s: str, i: int) -> str:
    return s[i + 1] if i + 1 < len(s) else " "


def _make_span(s: str, open_i: int, close_i: int | None, family: str, *,
               open_width: int = 1, close_width: int = 1) -> Span | None:
    raw_end = close_i if close_i is not None else len(s)
    start, end = open_i + open_width, raw_end
    while start < end and s[start].isspace():
        start += 1
    while end > start and s[end - 1].isspace():
        end -= 1
    while end > start and s[end - 1] == ",":
        end -= 1
    while end > start and s[end - 1].isspace():
        end -= 1
    if end <= start:
        return None
    return Span(open_i, close_i, start, end, family, raw_end, close_width)


def _can_open(s: str, i: int, width: int = 1) -> bool:
    prev, nxt = _before(s, i), _after(s, i + width - 1)
    return not nxt.isspace() and nxt not in _CLOSE_CONTEXT.replace("-", "").replace("…", "") \
        and (prev in _OPEN_CONTEXT or prev.isspace() or _elided(s, i))


def _elided(s: str, i: int) -> bool:
    """ "la mémoire d’‘’un génie’’", "l’« exemple »": a French article or preposition
    elided right before the mark, which opens there as after a space."""
    return i >= 2 and s[i - 1] in "’'" and s[i - 2].isalpha() and (
        i < 3 or not s[i - 3].isalpha() or s[i - 3:i - 1].lower() == "qu")


def _can_close(s: str, i: int, width: int = 1) -> bool:
    prev, nxt = _before(s, i), _after(s, i + width - 1)
    return not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_CONTEXT)


def _double_spans(s: str) -> list[Span]:
    curly = _curly_spans(s)
    straight = _straight_spans(s, curly)
    if not straight:
        return curly
    closed = [q for q in straight if q.close is not None]
    kept = [c for c in curly if _enclosing(closed, c) is None]
    return sorted(kept + straight, key=lambda sp: sp.open)


def _enclosing(spans: list[Span], inner: Span) -> Span | None:
    """The span of ``spans`` (in order, not overlapping) that holds ``inner``, if any."""
    k = bisect_left(spans, inner.open, key=lambda sp: sp.open) - 1
    if k >= 0 and spans[k].open < inner.open and inner.outer_end <= spans[k].outer_end:
        return spans[k]
    return None


def _curly_spans(s: str) -> list[Span]:
    """Curly and typographic quotes, each closed by a mark that closes its kind.

    Straight marks inside are quotes within the quote (a formula, a nickname) and stay in
    its text, unless the closing mark is missing and a straight mark evidently stands in.
    A second opener that can only close ("…,“ said X") closes; a closing mark before any
    opener, at the start of a paragraph's text, ends a quote whose opening mark is missing.
    """
    spans: list[Span] = []
    open_i, open_ch, open_width = -1, "", 1
    marks = [(m.start(), m.group()) for m in _CURLY_RE.finditer(s)]
    nested_until = -1  # the closing mark of a quote nested in the open one
    for k, (i, ch) in enumerate(marks):
        pair = ch in _PAIRS
        key = "pair" if pair else ch
        w = len(ch)
        if open_i < 0:
            if pair or ch == "»" or ch == "”" or (
                    # (German closes with “: "… zu handeln.“ Die X sagte: …")
                    ch == "“" and _can_close(s, i, w) and not _can_open(s, i, w)):
                if _can_open(s, i, w) and not (ch == "»" and _can_close(s, i)):
                    open_i, open_ch, open_width = i, key, w
                elif not spans and _can_close(s, i, w) and ch != "»" \
                        and s.find('"', 0, i) < 0 and s.count(" ", 0, i) >= 2 \
                        and not (ch in _PAIR_CLOSES and _single_opener_before(s, i)):
                    # A quote whose opening mark is missing: from its first word (after a
                    # paragraph number such as "5. ").
                    number = _NUMBERED.match(s)
                    start = number.end() - 1 if number else 0
                    _add(spans, _make_span(s, start, i, "double",
                                           open_width=1 if number else 0, close_width=w))
                elif spans and ch == "”" and _can_close(s, i, w):
                    # “A,” said X. B.”: the quote goes on after its attribution, its opening
                    # mark left out; it starts with the sentence after the attribution.
                    _add(spans, _resumed_without_mark(s, spans[-1], i))
            elif ch in _DOUBLE_OPEN:
                open_i, open_ch, open_width = i, key, 1
            continue
        if i <= nested_until:
            continue
        closes = (ch in _CURLY_CLOSERS[open_ch] or (pair and open_ch == "pair")) and (
            _can_close(s, i, w) or not _can_open(s, i, w))
        if not closes and ch in _PAIR_CLOSES and open_ch != "pair":
            closes = _can_close(s, i, w) and not _can_open(s, i, w)
        if not closes and ch in "“„«" and open_ch in "“„«" and (_can_open(s, i) or ch == "«") \
                and k + 2 < len(marks) and _closer(s, marks[k + 1]) \
                and _closer(s, marks[k + 2]):
            # “A “b” c.”: a quote inside the quote, with the same marks.
            nested_until = marks[k + 1][0]
            continue
        if closes or (ch in "“‟" and open_ch in "“‟”" and (
                (_can_close(s, i) and not _can_open(s, i))
                or (_before(s, i) == " " and _after(s, i) == " " and s[i - 2:i - 1] in ",.!?"))):
            # ‘…boats, “ Mr Dutton said’: a closing mark written as an opening one.
            _add(spans, _make_span(s, open_i, i, "double", open_width=open_width,
                                   close_width=len(ch)))
            open_i = -1
        elif ch in "“‟„«" and open_ch in "“‟”«" and _can_open(s, i):
            # A second opener before any closer: the first quote was never closed.
            _add(spans, _unclosed(s, open_i, i, open_width))
            open_i, open_ch, open_width = i, key, 1
    if open_i >= 0:
        _add(spans, _unclosed(s, open_i, len(s), open_width))
    return spans


def _single_opener_before(s: str, i: int) -> bool:
    """A single opening mark before ``i`` ("said: ‘Our crew …’’"): a pair of single marks
    closing there closes that single quote, with one mark too many, rather than a double
    quote whose opening mark is missing."""
    return any(_can_open(s, m.start()) for m in re.finditer("‘", s[:i]))


def _resumed_without_mark(s: str, before: Span, close_i: int) -> Span | None:
    """The sentence ending at the closing mark ``close_i``, when only a short attribution
    ("said Jane Doe.") stands between it and the quote ``before``."""
    if before.close is None:
        return None
    end = s.rfind(". ", before.outer_end, close_i)
    if end < 0 or end - before.outer_end > 80 or s.count(" ", end + 2, close_i) < 2 \
            or not s[end + 2:end + 3].isupper():
        return None
    return _make_span(s, end + 2, close_i, "double", open_width=0)


def _closer(s: str, mark: tuple[int, str]) -> bool:
    i, ch = mark
    # (French sets » after a space: « a « b » c ».)
    return ch in "”“»" and (_can_close(s, i) or ch == "»") and not _can_open(s, i)


def _unclosed(s: str, open_i: int, end: int, width: int = 1) -> Span | None:
    """A curly quote without its closing mark, ending at ``end`` or at a lone straight mark
    that closes it instead ("“We will win," she said.")."""
    straight = [i for i in range(open_i + 1, end) if s[i] == "\""]
    if len(straight) % 2:
        close = next((i for i in straight if _can_close(s, i)), None)
        if close is not None:
            return _make_span(s, open_i, close, "double", open_width=width)
    return _open_ended(s, open_i, end, width)


def _straight_spans(s: str, curly: list[Span]) -> list[Span]:
    """Straight quotes paired among themselves outside the curly spans; a stray ” or a “
    that can only close may close one. A straight quote may hold a whole curly quote, but
    never pairs across a curly quote's own marks: one still open at a curly opener ends
    there, unclosed."""
    opens = [c.open for c in curly]

    def first_curly_after(i: int) -> Span | None:
        k = bisect_right(opens, i)
        return curly[k] if k < len(curly) else None

    def inside_curly(i: int) -> bool:
        k = bisect_right(opens, i) - 1
        return k >= 0 and i < curly[k].outer_end

    marks = [m.start() for m in _STRAIGHT_RE.finditer(s) if not inside_curly(m.start())
             and (s[m.start()] != "“" or _can_close(s, m.start()) and not _can_open(s, m.start()))]
    spans: list[Span] = []
    open_i = -1
    for i in marks:
        if open_i >= 0:
            between = first_curly_after(open_i)
            if between is not None and between.open >= i:
                between = None
            if between is None and _can_open(s, i) and not _can_close(s, i) \
                    and s[rstrip_end(s, i) - 1:i][:1] in (".", "!", "?", "…"):
                # ‘"A. "B.’: a new quote opens after a finished sentence; the one before
                # was never closed.
                _add(spans, _open_ended(s, open_i, i))
                open_i = i
                continue
            if between is None or (_can_close(s, i) and not _can_open(s, i)):
                _add(spans, _make_span(s, open_i, i, "double"))
                open_i = -1
                continue
            _add(spans, _open_ended(s, open_i, between.open))
            open_i = -1
        if _can_open(s, i) or (s[i - 2:i] == ": " and _after(s, i) == " ") or (
                s[i + 1:i + 2] == " " and s[i + 2:i + 3].isupper()
                and (i == 0 or s[i - 2:i] in (". ", "! ", "? "))):
            # ‘said: " We are …’ and ‘… in Iraq. " The ICRC urges …, " he said’ open too,
            # their space and all
            open_i = i
    if open_i >= 0:
        after = first_curly_after(open_i)
        _add(spans, _open_ended(s, open_i, after.open if after is not None else len(s)))
    return spans


def _open_ended(s: str, open_i: int, end: int, width: int = 1) -> Span | None:
    """A quote never closed: it runs to ``end``, the next quote's opener or the paragraph end."""
    if end >= len(s):
        return _make_span(s, open_i, None, "double", open_width=width)
    span = _make_span(s, open_i, _trim_back(s, end), "double", open_width=width)
    if span:
        span.close = None
    return span


def _add(spans: list[Span], span: Span | None) -> None:
    if span:
        spans.append(span)


def _trim_back(s: str, i: int) -> int:
    while i > 0 and s[i - 1].isspace():
        i -= 1
    return i


def _is_apostrophe(s: str, i: int) -> bool:
    prev, nxt = _before(s, i), _after(s, i)
    if prev.isalnum() and nxt.isalnum():
        return True  # don't, I’ve, Japan’s, O’Brien
    if nxt.isdigit() and re.match(r"\d\ds\b", s[i + 1:i + 4]):
        return True  # ’90s
    rest = s[i + 1:i + 6].lower()
    return not prev.isalnum() and rest.startswith(("em ", "til ", "cause ", "tis ", "n’ ", "n' "))


def _single_spans(s: str, blocked: list[Span]) -> list[Span]:
    spans: list[Span] = []
    open_i = -1
    block_iter = iter(blocked)
    block = next(block_iter, None)
    for m in _SINGLE_RE.finditer(s):
        i, ch = m.start(), m.group()
        while block is not None and i >= block.outer_end:
            block = next(block_iter, None)
        if block is not None and block.open <= i or _is_apostrophe(s, i):
            continue
        prev, nxt = _before(s, i), _after(s, i)
        can_open = ch not in "’›" and not nxt.isspace() and (
            prev.isspace() or prev in _OPEN_CONTEXT
        ) or ch in "'‘" and _spaced_after_speech(s, i)
        can_close = ch not in "‘‚‹" and not prev.isspace() and (
            nxt.isspace() or nxt in _CLOSE_CONTEXT
        )
        if open_i < 0:
            if can_open:
                open_i = i
        elif can_close and not _possessive_plural(s, i):
            span = _make_span(s, open_i, i, "single")
            if span:
                spans.append(span)
            open_i = -1
    if open_i >= 0:
        starts_paragraph = not s[:open_i].strip() or s[:open_i].rstrip().endswith(":")
        # 'The plan …," said Ms Kelly: a single opener closed by a double mark.
        double = _LONE_DOUBLE_CLOSER.search(s, open_i + 1)
        if starts_paragraph and double and _can_close(s, double.start()):
            _add(spans, _make_span(s, open_i, double.start(), "single"))
            return spans
        span = _make_span(s, open_i, None, "single")
        if span and starts_paragraph and len(s[span.inner_start:span.inner_end].split()) >= 4:
            spans.append(span)
    return spans


def _spaced_after_speech(s: str, i: int) -> bool:
    """ "said ' We thought …'": a single mark set off by spaces after a verb of speech (or a
    colon) opens a quote."""
    if s[i - 1:i] != " " or s[i + 1:i + 2] != " " or not s[i + 2:i + 3].isupper():
        return False
    before = s[max(0, i - 30):i].split()
    return bool(before) and (before[-1].endswith(":")
                             or before[-1].lower() in lexicon().speech_verbs)


_LONE_DOUBLE_CLOSER = re.compile('[,.!?]["”]')


_DOUBLE_MARKS = re.compile('‘’|’’|‘‘|[“”„«»"]')
# "» J’ai demandé … »": French typography reopens each further paragraph of a quote with a
# reminder mark, a closing guillemet and a space ("” " in Spanish); it closes nothing.
_REMINDER = re.compile(r"\s*[»”][\s\u00a0\u202f]")


def continuation_span(s: str) -> Span | None:
    """The rest of a quote carried over from the paragraph before and published without an
    opening mark: from the paragraph's start to the first closing mark no opener in this
    paragraph accounts for (None when there is no such mark, unless a reminder mark opens
    the paragraph: then the quote runs on to the next)."""
    depth = 0
    reminder = _REMINDER.match(s)
    for m in _DOUBLE_MARKS.finditer(s, reminder.end() if reminder else 0):
        i, ch = m.start(), m.group()
        w = len(ch)
        opens, closes = _can_open(s, i, w), _can_close(s, i, w)
        if ch == "«" and _after(s, i).isspace() or ch == "»" and _before(s, i).isspace() and (
                _after(s, i).isspace() or _after(s, i) in _CLOSE_CONTEXT):
            # French spacing, « … »: the mark's side tells, not the spaces around it.
            opens, closes = ch == "«", ch == "»"
        if ch in "“„«" and opens and not (ch == "“" and closes and not opens):
            depth += 1
        elif closes and not opens:
            if depth == 0:
                number = _NUMBERED.match(s)  # "5. " numbering the paragraph is not quoted
                opened = reminder.end() - 2 if reminder else number.end() - 1 if number else -1
                return _make_span(s, opened, i, "double", close_width=w)
            depth -= 1
        elif ch == '"' and opens:
            depth += 1
    return _make_span(s, reminder.end() - 2, None, "double") if reminder else None


def _possessive_plural(s: str, i: int) -> bool:
    """students’ union: an s, the mark, a space and a lower-case noun, then a later closer."""
    if _before(s, i) not in "sS" or _after(s, i) != " ":
        return False
    m = re.match(r" ([a-z][\w-]*)", s[i + 1:i + 40])
    if not m or m.group(1) in ("he", "she", "they", "said", "says", "added", "according"):
        return False
    # A closing mark later in the same stretch of text (a long way off is another matter).
    return bool(_LATER_CLOSER.search(s, i + 1, i + 400))


_LATER_CLOSER = re.compile(r"[^\s]['’](?=[\s,.;:!?)]|$)")


_DIALOGUE_DASHES = "—―–"
# The dash that opens a narrator's aside inside dialogue: " —dijo", " —afirmó la ministra".
_ASIDE = re.compile(r"\s[—―–](?=[^\W\d_])")


def _dialogue_spans(s: str) -> list[Span]:
    """Spanish dialogue: a paragraph opening with a dash and no space ("—Vamos a trabajar
    —dijo X—. Es un compromiso.") holds the speaker's words up to the dash that opens the
    narrator's aside, and again after the dash that closes it."""
    spans: list[Span] = []
    open_i, start = 0, 1
    while start < len(s):
        aside = _ASIDE.search(s, start)
        close = aside.start() + 1 if aside else None
        span = _make_span(s, open_i, close, "double")
        if span is not None:
            span.inner_start = max(span.inner_start, start)
            _add(spans, span)
        if close is None:
            break
        back = next((k for k in range(close + 1, len(s)) if s[k] in _DIALOGUE_DASHES), None)
        if back is None:
            break
        start = back + 1
        while start < len(s) and (s[start].isspace() or s[start] in ".,;:"):
            start += 1
        if start >= len(s) or not any(c.isalpha() for c in s[start:start + 40]):
            break
        open_i = back
    return spans


def _is_dialogue(s: str) -> bool:
    return len(s) > 2 and s[0] in _DIALOGUE_DASHES and (s[1].isalpha() or s[1] in "¿¡") \
        and lexicon().code == "es"


def find_spans(s: str) -> list[Span]:
    """All quote spans in a paragraph, outer quotes only, in order."""
    if _is_dialogue(s):
        dialogue = _dialogue_spans(s)
        charge(2 * len(dialogue) + 1)
        return dialogue
    doubles = _double_spans(s)
    singles = _single_spans(s, doubles)
    charge(2 * (len(doubles) + len(singles)) + 1)
    if lexicon().code == "fr":
        doubles = [part for span in doubles for part in _split_at_incise(s, span)]
    if not singles:
        return doubles
    kept = [d for d in doubles if _enclosing(singles, d) is None]
    return sorted(kept + singles, key=lambda sp: sp.open)


_INCISE_COMMA = re.compile(r",\s+(?=[^\W\d_])")
_INCISE_END = re.compile(r"[.,;]")
# A full stop after a word in lower case ("Dorval. La …"; not "M. Dorval", "Dr. X").
_SENTENCE_STOP = re.compile(r"(?<=[^\W\d_A-Z]{2})[.!?](?=\s)")


def _split_at_incise(s: str, span: Span) -> list[Span]:
    """ "« Je remercie X pour son mandat, a déclaré Y au sortir de la réunion. Il a toujours
    œuvré … »": French sets the attribution inside the guillemets, with no closing and
    reopening marks around it. The words on either side of it are two quotes, the
    attribution between them (as after “A,” she said, “B”)."""
    from .attribution import parse_after  # (attribution reads names, which read no spans)

    if span.close is None:
        return [span]
    lex = lexicon()
    parts: list[Span] = []
    tried = 0
    pos = span.inner_start
    while tried < 30:
        m = _INCISE_COMMA.search(s, pos, span.inner_end)
        if m is None:
            break
        pos = m.end()
        word = s[m.end():m.end() + 30].split(" ", 1)[0].lower().rstrip(",.;:")
        if word not in lex.auxiliaries and word not in lex.speech_verbs and "-t-" not in word \
                and not word.endswith(("-il", "-elle")):
            continue
        tried += 1
        # (the incise ends with its sentence: "…, ajoute Luc X. La suite …")
        stop = _SENTENCE_STOP.search(s, m.end(), span.inner_end)
        att = parse_after(s, m.start(), min(stop.start() if stop else span.inner_end,
                                            m.start() + 200))
        if att is None or not att.after_verb or (att.subj_hi <= att.subj_lo and not att.pronoun):
            continue
        end = _INCISE_END.search(s, att.end, min(span.inner_end, att.end + 150))
        if end is None or any(c in s[att.end:end.start()] for c in "«»“”\""):
            continue
        rest = end.end()
        while rest < span.inner_end and s[rest].isspace():
            rest += 1
        if len(s[rest:span.inner_end].split()) < 2:
            continue
        first = _make_span(s, span.open, m.start(), "double", open_width=1)
        if first is None:
            continue
        first.close = None
        first.inner_start = max(first.inner_start, span.inner_start)
        parts.append(first)
        # The words after the attribution, to the closing mark, may hold another one.
        span = Span(end.start(), span.close, rest, span.inner_end, "double", span.raw_end,
                    span.close_width)
        pos = rest
    return [*parts, span]
