"""Quote marks: where quotes open and close, and the attribution phrase beside each.

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
from dataclasses import dataclass

from .lexicon import SPEECH_PARTICIPLES, SPEECH_VERBS, VERB_PARTICLES
from .names import tokenize

_DOUBLE_OPEN = "“„«‟"
_SINGLE_MARKS = "'‘’‚‹›"
_CURLY_RE = re.compile("[“”„«»‟]")
_STRAIGHT_RE = re.compile("[\"”]")
_CURLY_CLOSERS = {"“": "”", "‟": "”", "”": "”", "„": "“”", "«": "»"}
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

    @property
    def outer_end(self) -> int:
        return self.close + 1 if self.close is not None else self.raw_end


def _before(s: str, i: int) -> str:
    return s[i - 1] if i > 0 else " "


def _after(s: str, i: int) -> str:
    return s[i + 1] if i + 1 < len(s) else " "


def _make_span(s: str, open_i: int, close_i: int | None, family: str) -> Span | None:
    raw_end = close_i if close_i is not None else len(s)
    start, end = open_i + 1, raw_end
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
    return Span(open_i, close_i, start, end, family, raw_end)


def _can_open(s: str, i: int) -> bool:
    prev, nxt = _before(s, i), _after(s, i)
    return not nxt.isspace() and (prev in _OPEN_CONTEXT or prev.isspace())


def _can_close(s: str, i: int) -> bool:
    prev, nxt = _before(s, i), _after(s, i)
    return not prev.isspace() and (nxt.isspace() or nxt in _CLOSE_CONTEXT)


def _double_spans(s: str) -> list[Span]:
    curly = _curly_spans(s)
    straight = _straight_spans(s, curly)
    if not straight:
        return curly
    kept = [c for c in curly if not any(
        q.close is not None and q.open < c.open and c.outer_end <= q.outer_end
        for q in straight)]
    return sorted(kept + straight, key=lambda sp: sp.open)


def _curly_spans(s: str) -> list[Span]:
    """Curly and typographic quotes, each closed only by its own kind of closing mark.

    Straight marks inside are quotes within the quote (a formula, a nickname) and stay in
    its text, unless the closing mark is missing and a straight mark evidently stands in.
    """
    spans: list[Span] = []
    open_i, open_ch = -1, ""
    for m in _CURLY_RE.finditer(s):
        i, ch = m.start(), m.group()
        if open_i < 0:
            if ch in _DOUBLE_OPEN or (ch == "”" and _can_open(s, i)):
                open_i, open_ch = i, ch
            continue
        if ch in _CURLY_CLOSERS[open_ch]:
            _add(spans, _make_span(s, open_i, i, "double"))
            open_i = -1
        elif ch in "“‟„" and open_ch in "“‟”":
            # A second opener before any closer: the first quote was never closed.
            _add(spans, _unclosed(s, open_i, i))
            open_i, open_ch = i, ch
    if open_i >= 0:
        _add(spans, _unclosed(s, open_i, len(s)))
    return spans


def _unclosed(s: str, open_i: int, end: int) -> Span | None:
    """A curly quote without its closing mark, ending at ``end`` or at a lone straight mark
    that closes it instead ("“We will win," she said.")."""
    straight = [i for i in range(open_i + 1, end) if s[i] == "\""]
    if len(straight) % 2:
        close = next((i for i in straight if _can_close(s, i)), None)
        if close is not None:
            return _make_span(s, open_i, close, "double")
    return _open_ended(s, open_i, end)


def _straight_spans(s: str, curly: list[Span]) -> list[Span]:
    """Straight quotes paired among themselves outside the curly spans; a stray ” may close
    one. A straight quote may hold a whole curly quote, but never pairs across a curly
    quote's own marks: one still open at a curly opener ends there, unclosed."""
    marks = [m.start() for m in _STRAIGHT_RE.finditer(s)
             if not any(c.open <= m.start() < c.outer_end for c in curly)]
    spans: list[Span] = []
    open_i = -1
    for i in marks:
        if open_i >= 0:
            between = next((c for c in curly if open_i < c.open < i), None)
            if between is None or (_can_close(s, i) and not _can_open(s, i)):
                _add(spans, _make_span(s, open_i, i, "double"))
                open_i = -1
                continue
            _add(spans, _open_ended(s, open_i, between.open))
            open_i = -1
        if _can_open(s, i):
            open_i = i
    if open_i >= 0:
        after = next((c.open for c in curly if c.open > open_i), len(s))
        _add(spans, _open_ended(s, open_i, after))
    return spans


def _open_ended(s: str, open_i: int, end: int) -> Span | None:
    """A quote never closed: it runs to ``end``, the next quote's opener or the paragraph end."""
    if end >= len(s):
        return _make_span(s, open_i, None, "double")
    span = _make_span(s, open_i, _trim_back(s, end), "double")
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
        )
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
        span = _make_span(s, open_i, None, "single")
        starts_paragraph = not s[:open_i].strip() or s[:open_i].rstrip().endswith(":")
        if span and starts_paragraph and len(s[span.inner_start:span.inner_end].split()) >= 4:
            spans.append(span)
    return spans


def _possessive_plural(s: str, i: int) -> bool:
    """students’ union: an s, the mark, a space and a lower-case noun, then a later closer."""
    if _before(s, i) not in "sS" or _after(s, i) != " ":
        return False
    m = re.match(r" ([a-z][\w-]*)", s[i + 1:i + 40])
    if not m or m.group(1) in ("he", "she", "they", "said", "says", "added", "according"):
        return False
    rest = s[i + 1:]
    return bool(re.search(r"[^\s]['’](?=[\s,.;:!?)]|$)", rest))


def find_spans(s: str) -> list[Span]:
    """All quote spans in a paragraph, outer quotes only, in order."""
    doubles = _double_spans(s)
    singles = _single_spans(s, doubles)
    if not singles:
        return doubles
    kept = [d for d in doubles if not any(
        q.open < d.open and d.outer_end <= q.outer_end for q in singles)]
    return sorted(kept + singles, key=lambda sp: sp.open)


# -- attribution -----------------------------------------------------------------------

@dataclass
class Attribution:
    """An attribution phrase at ``start:end`` whose subject is at ``subj_lo:subj_hi``."""

    start: int
    end: int
    subj_lo: int
    subj_hi: int
    after_verb: bool  # the subject follows the verb ("said the Minister")
    direct: bool  # the phrase touches the quote ("X said:" / ", he said")


_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_EXTRAS = re.compile(
    r"(?:,?\s+(?:today|yesterday|tonight|afterwards|later|also|further|again|earlier|recently"
    r"|simply|firmly|proudly|then|on (?:" + _DAYS + r")|last (?:week|month|year|night)"
    r"|this (?:week|month|morning|afternoon|evening)"
    r"|in (?:a|an|the|her|his|their|its) (?:[a-z]+ ){0,2}(?:statement|release|interview|speech"
    r"|address|message|letter|post|blog|email|call|briefing|conference|note|video|remarks)"
    r"|(?:to|in an interview with|during an interview with) (?:reporters|journalists|the press"
    r"|the media|delegates|the audience|attendees|students|staff|members|guests|participants"
    r"|the [A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}|[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3})"
    r"|at (?:the|a) (?:event|launch|ceremony|conference|meeting|summit|briefing|press conference"
    r"|opening|signing|reception|announcement)))+"
)
_STOPS = frozenset([
    "is", "was", "were", "are", "be", "been", "being", "has", "have", "had", "will", "would",
    "can", "could", "should", "may", "might", "must", "do", "does", "did", "not", "that",
    "which", "because", "if", "when", "whether", "than",
])
_ADVERBS = frozenset([
    "also", "further", "then", "later", "again", "simply", "firmly", "proudly", "once", "a",
    "hat",
])
_CUT_PREPOSITIONS = frozenset([
    "in", "at", "on", "during", "when", "while", "as", "after", "before", "to", "following",
    "from", "via", "am", "im", "bei",
])
_CUT_AFTER_COMMA = frozenset([
    "who", "which", "adding", "noting", "saying", "before", "after", "as", "when", "while",
    "and",
])
_TIME_WORDS = frozenset([
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday",
])


def _skip_punct(s: str, i: int, hi: int) -> int:
    while i < hi and (s[i].isspace() or s[i] in ",;:—–-"):
        i += 1
    return i


def _extend_extras(s: str, end: int, hi: int) -> int:
    m = _EXTRAS.match(s, end, hi)
    return m.end() if m else end


def _verb_particle(s: str, verb_low: str, end: int, hi: int) -> int | None:
    particle = VERB_PARTICLES.get(verb_low)
    if particle is None:
        return end
    if s.startswith(" " + particle, end) and end + len(particle) + 1 <= hi:
        return end + len(particle) + 1
    return None


def _according(toks: list, a: int) -> int:
    """Words in "according to" (2) or "selon" (1) starting at ``a``, else 0."""
    if toks[a].low == "according" and a + 1 < len(toks) and toks[a + 1].low == "to":
        return 2
    return 1 if toks[a].low in ("selon", "laut") else 0


_SIGNATURE = re.compile(r"[ \t]*[-–—―]+[ \t]*(?=[A-Z])")


def parse_after(s: str, lo: int, hi: int) -> Attribution | None:
    """An attribution right after a closing mark: ", said X", ", X said", ", according to X",
    or a signature closing the paragraph: "“...” — Jane Doe, President of X"."""
    signature = _SIGNATURE.match(s, lo, hi)
    if signature and hi >= len(s.rstrip()) and len(s[signature.end():hi].split()) <= 25:
        end = len(s[:hi].rstrip(" .;"))
        return Attribution(lo, end, signature.end(), end, True, True)
    i = _skip_punct(s, lo, hi)
    if i >= hi:
        return None
    toks = tokenize(s, i, min(hi, i + 400))[:40]
    if not toks or toks[0].start != i:
        return None
    width = _according(toks, 0)
    if width:
        end = _cut_subject(s, toks, width, hi)
        if width >= len(toks) or end <= toks[width].start:
            return None
        return Attribution(i, end, toks[width].start, end, True, True)
    k = 0
    while k < len(toks) and toks[k].low in _ADVERBS:
        k += 1
    if k < len(toks) and toks[k].low in SPEECH_VERBS and not toks[k].cap:
        after = _verb_particle(s, toks[k].low, toks[k].end, hi)
        if after is None:
            return None
        j = next((x for x in range(k + 1, len(toks)) if toks[x].start >= after), len(toks))
        if j >= len(toks):
            return None
        end = _cut_subject(s, toks, j, hi)
        if end <= toks[j].start:
            return None
        return Attribution(i, end, toks[j].start, end, True, True)
    for v in range(1, min(len(toks), 16)):
        t = toks[v]
        if t.low in SPEECH_VERBS and not t.cap:
            end = _verb_particle(s, t.low, t.end, hi)
            if end is None:
                return None
            end = _extend_extras(s, end, hi)
            subj_hi = len(s[:t.start].rstrip(" ,"))
            return Attribution(i, end, i, subj_hi, False, True)
        if t.low in _STOPS or (t.low in SPEECH_PARTICIPLES and v > 0):
            return None
    return None


def _cut_subject(s: str, toks: list, j: int, hi: int) -> int:
    """Where a subject after the verb ends: before "in a statement", ", adding that" ..."""
    end = toks[j - 1].end if j else toks[0].start
    for x in range(j, len(toks)):
        t = toks[x]
        gap = s[toks[x - 1].end:t.start] if x else ""
        if x > j and "," in gap and (t.low in _CUT_AFTER_COMMA or t.low.endswith("ing")):
            break
        if x > j and t.low in _CUT_PREPOSITIONS and x + 1 < len(toks):
            nxt = toks[x + 1]
            det = nxt.low in ("a", "an", "the", "his", "her", "their", "its", "this", "last")
            after = toks[x + 2] if det and x + 2 < len(toks) else nxt
            if not after.cap or after.low in _TIME_WORDS:
                break
        if any(c in gap for c in ";—–") or t.low in _STOPS:
            break
        end = t.end + (2 if t.possessive else 0)
        if s.startswith(".", end) and (t.cls in ("I", "H") or t.low in ("jr", "sr", "st")):
            end += 1
    return min(end, hi)


_DIRECT_TAIL = re.compile(r"(?:\s*(?:out|on|up))?(?:\s*that)?\s*[:,—–-]?")


def parse_before(s: str, lo: int, hi: int) -> Attribution | None:
    """An attribution ahead of an opening mark: "X said:", "X warned that", "According to X,"."""
    lo = max(lo, hi - 400)
    toks = tokenize(s, lo, hi)
    if not toks:
        return None
    end = len(s[:hi].rstrip())
    tail = s[lo:end]
    for a in range(len(toks) - 1, -1, -1):
        width = _according(toks, a)
        if width and a + width < len(toks):
            subj_hi = len(s[:end].rstrip(" ,:"))
            if subj_hi - toks[a + width].start > 150:
                break
            return Attribution(toks[a].start, subj_hi, toks[a + width].start, subj_hi, True, True)
    first = max(0, len(toks) - 30)
    for v in range(len(toks) - 1, first - 1, -1):
        t = toks[v]
        if t.cap or (t.low not in SPEECH_VERBS and t.low not in SPEECH_PARTICIPLES):
            continue
        if VERB_PARTICLES.get(t.low) and not s.startswith(" " + VERB_PARTICLES[t.low], t.end):
            continue
        after = _extend_extras(s, t.end, end)
        direct = bool(_DIRECT_TAIL.fullmatch(s, after, end))
        att_end = len(s[:end].rstrip(" ,:—–-")) if direct else t.end
        return Attribution(lo, att_end, lo, t.start, False, direct)
    if tail.endswith(":") and len(toks) <= 8:
        return Attribution(toks[0].start, end - 1, toks[0].start, end - 1, False, True)
    return None
