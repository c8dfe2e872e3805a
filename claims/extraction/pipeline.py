"""extract(): paragraphs -> speakers, quotes and claims, in one pass over the text.

The steps, in order:
1. quote spans and sentences per paragraph (``quotes.find_spans``, ``split_sentences``);
2. the attribution phrase beside each span, and whether the span is a quote at all
   (a scare quote or a title in quote marks is not);
3. a first look at every name with a role or honorific, so "the Secretary General" and
   "Mr Stoltenberg" resolve even before the full name has been read;
4. a walk through the sentences in reading order that resolves each quote's speaker
   (explicit attribution, else the rules for quote-only paragraphs) and keeps track of
   who was talked about last, for pronouns; claims are cut from the text outside quotes
   and attributions on the way;
5. quotes running over several paragraphs share their speaker; a headline that repeats a
   body quote points at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .claims import kind_for, reasons_for, repeats, score_for
from .lexicon import REPORTING_VERBS, SPEECH_PARTICIPLES
from .model import Claim, Extraction, Quote, ReleaseText
from .names import Ref, analyze_subject, find_refs, forget_paragraphs, pronoun_ref, tokenize
from .quotes import Attribution, Span, find_spans, parse_after, parse_before
from .sentences import split_sentences
from .speakers import Context, Person, Registry

_TRIM = " \t,;:—–-"
_HEADLINE_SEPARATORS = re.compile(r"\s*(?::|\s[–—-]\s|\s\|\s)\s*")
_TITLE_SMALL = frozenset(
    ["of", "the", "and", "in", "for", "on", "a", "an", "to", "at", "by", "with", "from", "or"]
)
_MESSAGE_FROM = re.compile(
    r"(?:That|This|Such|Those|These) (?:was|were|is|are) (?:the )?(?:key )?(?:message|words?"
    r"|verdict|view|warning|call|assessment|reaction|response|advice) (?:from|of) ",
)
_NEEDS_THAT = frozenset(["agreed", "agrees", "announced", "announces", "confirmed", "confirms"])
_SO_SAID = re.compile(r"So (?:said|says) ")
_SIGNATURE = re.compile(r"\s*[-–—―]+\s*(?=[A-Z])")


@dataclass
class _Candidate:
    """A quote span with what surrounds it."""

    paragraph: int
    span: Span
    sentence: int
    after: Attribution | None = None
    after_ref: Ref | None = None
    before: Attribution | None = None
    before_ref: Ref | None = None
    accepted: bool = False
    chain_prev: _Candidate | None = None
    person: Person | None = None
    role: str = ""
    attribution: str = ""
    attribution_span: tuple[int, int] | None = None
    index: int = -1
    chain: list[_Candidate] = field(default_factory=list)


def extract(release: ReleaseText) -> Extraction:
    """Speakers, quotes and claims of a release (see ``model`` for the JSON shape)."""
    try:
        return _Document(list(release.paragraphs)).run(release.title)
    finally:
        forget_paragraphs()


class _Document:
    def __init__(self, paragraphs: list[str]) -> None:
        self.paras = paragraphs
        self.spans = [find_spans(p) for p in paragraphs]
        self.sentences = [
            split_sentences(p, s) for p, s in zip(paragraphs, self.spans, strict=True)
        ]
        self.registry = Registry()
        self.ctx = Context(self.registry)
        self.candidates: list[list[_Candidate]] = []
        self.refs: dict[tuple[int, int], list[Ref]] = {}
        self.excluded: dict[int, list[tuple[int, int]]] = {}
        self.quotes: list[Quote] = []
        self.claims: list[Claim] = []

    def run(self, title: str) -> Extraction:
        for p in range(len(self.paras)):
            self.candidates.append(self._find_candidates(p))
        self._link_chains()
        self._first_look()
        pending: tuple[Person | None, str] | None = None
        for p in range(len(self.paras)):
            pending = self._walk(p, pending)
        self._finish_chains()
        self._headline_claims()
        self.claims.sort(key=lambda c: (c.paragraph, c.start))
        return Extraction(title=title, paragraphs=self.paras, speakers=self.registry.speakers(),
                          quotes=self.quotes, claims=self.claims)

    # -- 1, 2: spans, attributions, acceptance ----------------------------------------------
    def _find_candidates(self, p: int) -> list[_Candidate]:
        text, spans, sentences = self.paras[p], self.spans[p], self.sentences[p]
        found: list[_Candidate] = []
        si = 0
        for k, span in enumerate(spans):
            while si + 1 < len(sentences) and sentences[si][1] <= span.open:
                si += 1
            s_start, s_end = sentences[si] if sentences else (0, len(text))
            nxt = spans[k + 1].open if k + 1 < len(spans) else len(text)
            limit = min(nxt, max(s_end, span.outer_end))
            cand = _Candidate(p, span, si)
            if span.outer_end < limit:
                cand.after = parse_after(text, span.outer_end, limit)
                if cand.after:
                    cand.after_ref = analyze_subject(text, cand.after.subj_lo, cand.after.subj_hi,
                                                     after_verb=cand.after.after_verb)
                    if cand.after_ref is None:
                        cand.after = None
            lo = s_start
            if k and spans[k - 1].outer_end > lo:
                lo = spans[k - 1].outer_end
            if lo < span.open:
                cand.before = parse_before(text, lo, span.open)
                if cand.before:
                    cand.before_ref = analyze_subject(
                        text, cand.before.subj_lo, cand.before.subj_hi,
                        after_verb=cand.before.after_verb)
                    if cand.before_ref is None:
                        cand.before = None
            cand.accepted = self._is_quote(text, cand)
            found.append(cand)
        return found

    def _is_quote(self, text: str, cand: _Candidate) -> bool:
        span = cand.span
        inner = text[span.inner_start:span.inner_end]
        words = inner.split()
        raw = text[span.open + 1:span.raw_end].rstrip()
        punctuated = raw[-1:] in ",.!?…" if raw else False
        titled = _title_like(words) and not punctuated
        adjacent = cand.after is not None or (cand.before is not None and cand.before.direct)
        if not any(ch.isalnum() for ch in inner):
            return False
        if span.family == "double":
            if adjacent and (not titled or punctuated):
                return True
            if titled:
                return False
            return (len(words) >= 4 or (span.close is None and len(words) >= 3)
                    or _whole_sentence(text, span, words))
        sentence_like = punctuated or inner[:1].isupper()
        if adjacent and not titled and (punctuated or len(words) >= 3):
            return True
        if titled:
            return False
        return (len(words) >= 4 and sentence_like) or _whole_sentence(text, span, words)

    def _link_chains(self) -> None:
        for p in range(1, len(self.paras)):
            prev = [c for c in self.candidates[p - 1] if c.accepted]
            cur = self.candidates[p]
            if not prev or not cur:
                continue
            last, first = prev[-1], cur[0]
            if last.span.close is None and last.span.raw_end >= len(self.paras[p - 1]) - 1 \
                    and first.span.open == 0 and last.span.family == first.span.family:
                first.accepted = True
                first.chain_prev = last

    # -- 3: names with roles ---------------------------------------------------------------
    def _free_ranges(self, p: int, a: int, b: int, extra=()) -> list[tuple[int, int]]:
        cuts = sorted([(c.span.open, c.span.outer_end) for c in self.candidates[p]
                       if c.accepted and c.span.open < b and c.span.outer_end > a]
                      + [r for r in extra if r[0] < b and r[1] > a])
        ranges, pos = [], a
        for lo, hi in cuts:
            if lo > pos:
                ranges.append((pos, lo))
            pos = max(pos, hi)
        if pos < b:
            ranges.append((pos, b))
        return ranges

    def _first_look(self) -> None:
        for p, text in enumerate(self.paras):
            for si, (a, b) in enumerate(self.sentences[p]):
                refs: list[Ref] = []
                for lo, hi in self._free_ranges(p, a, b):
                    refs.extend(find_refs(text, lo, hi))
                self.refs[(p, si)] = refs
                for ref in refs:
                    if ref.kind == "person":
                        self.registry.add_person(ref, output=bool(ref.role or ref.honorific))
            for cand in self.candidates[p]:
                for ref in (cand.after_ref, cand.before_ref):
                    if cand.accepted and ref is not None and ref.kind == "person":
                        self.registry.add_person(ref, output=True)

    # -- 4: the walk -----------------------------------------------------------------------
    def _walk(self, p: int, pending: tuple[Person | None, str] | None):
        self.paras[p]
        cands = [c for c in self.candidates[p] if c.accepted]
        intro = self._intro(p, cands)
        trailer = self._trailer(p, cands)
        next_pending = None
        last_person: Person | None = None
        for si, (a, b) in enumerate(self.sentences[p]):
            in_sentence = [c for c in cands if c.sentence == si]
            for cand in in_sentence:
                self._resolve_quote(p, cand, cands, pending, last_person, trailer)
                pending = None if cand.person is not None else pending
                if cand.person is not None:
                    last_person = cand.person
                    self.ctx.note(cand.person)
            if intro and intro[2] == si:
                person = self._resolve(intro[1])
                self.ctx.note(person)
                next_pending = (person, intro[3])
                self.excluded.setdefault(p, []).append(intro[0])
            self._note_refs(p, si)
            if p > 0:
                self._sentence_claims(p, si, a, b, in_sentence)
        return next_pending

    def _intro(self, p: int, cands: list[_Candidate]):
        """ "Dr Jane Doe, Director of X, said:" closing a paragraph before a quote-only one."""
        text = self.paras[p]
        if not text.endswith(":") or not self.sentences[p] or p + 1 >= len(self.paras):
            return None
        nxt = self.paras[p + 1]
        if nxt[:1] not in "“\"‘'«„":
            return None
        si = len(self.sentences[p]) - 1
        lo = self.sentences[p][si][0]
        for cand in cands:
            if cand.sentence == si:
                lo = max(lo, cand.span.outer_end)
        att = parse_before(text, lo, len(text))
        if att is None:
            return None
        ref = analyze_subject(text, att.subj_lo, att.subj_hi, after_verb=att.after_verb)
        if ref is None:
            return None
        start = att.start if att.after_verb else min(ref.start, att.end)
        span = (start, len(text))
        return span, ref, si, text[start:att.end].strip(_TRIM)

    def _resolve(self, ref: Ref | None) -> Person | None:
        if ref is None:
            return None
        person = self.ctx.resolve(ref)
        if person is None and ref.kind == "bare":
            person = self.registry.add_person(ref, output=True)
        return person

    def _trailer(self, p: int, cands: list[_Candidate]):
        """ "- The Honourable Jane Doe, Minister of X" as the paragraph after a quote: the
        signature line that Canadian and many corporate releases put under each quote."""
        if not cands or p + 1 >= len(self.paras) or self.candidates[p + 1]:
            return None
        text = self.paras[p]
        if len(text[cands[-1].span.outer_end:].strip(" .")) > 0:
            return None
        line = self.paras[p + 1]
        m = _SIGNATURE.match(line)
        if not m or len(line.split()) > 30:
            return None
        ref = analyze_subject(line, m.end(), len(line), after_verb=True)
        if ref is None or ref.kind not in ("person", "surname", "title"):
            return None
        person = self._resolve(ref)
        if person is None:
            return None
        person.output = True
        self.excluded.setdefault(p + 1, []).append((0, len(line)))
        for cand in cands:
            head = cand
            while head.chain_prev is not None:
                head = head.chain_prev
            if head is not cand and head.after is None and head.before is None:
                head.person = person
        return person, line[m.end():].strip(_TRIM)

    def _resolve_quote(self, p, cand, cands, pending, last_person, trailer=None) -> None:
        text = self.paras[p]
        att, ref = (cand.after, cand.after_ref) if cand.after else (cand.before, cand.before_ref)
        if att is not None and ref is not None:
            cand.person = self._resolve(ref)
            if ref.kind == "title" and cand.person is None:
                cand.role = ref.role
            start = att.start if att is cand.after or att.after_verb else ref.start
            end = att.end
            if start > end:
                start = att.start
            if att is cand.before and att.subj_hi < len(text) and self._participle(text, att):
                start = att.subj_hi
            cand.attribution_span = (start, end)
            cand.attribution = text[start:end].strip(_TRIM)
            if cand.person is not None and cand.person.is_org is False:
                cand.person.output = True
            return
        if cand.chain_prev is not None:
            return
        if trailer is not None:
            cand.person, cand.attribution = trailer
            return
        if cand.span.open == 0 and pending is not None:
            cand.person, cand.attribution = pending
            return
        later = self._message_from(p, cand)
        if later is not None:
            cand.person, cand.attribution = later
            return
        earlier = [c for c in cands if c.span.open < cand.span.open and c.person is not None]
        if earlier:
            cand.person = earlier[-1].person
            return
        following = [c for c in cands if c.span.open > cand.span.open
                     and c.sentence == cand.sentence and (c.after or c.before)]
        if following:
            nxt = following[0]
            ref = nxt.after_ref or nxt.before_ref
            cand.person = self._resolve(ref)
            return
        if cand.span.open == 0 and p > 0:
            prev = [c for c in self.candidates[p - 1] if c.accepted and c.person is not None]
            if prev:
                cand.person = prev[-1].person
                return
        # Last resort: the person the text was last about, as for a pronoun.
        people = [person for person in self.ctx.recent if not person.is_org]
        if people:
            cand.person = people[-1]

    @staticmethod
    def _participle(text: str, att: Attribution) -> bool:
        toks = tokenize(text, att.subj_hi, min(len(text), att.subj_hi + 30))
        return bool(toks) and toks[0].low in SPEECH_PARTICIPLES

    def _message_from(self, p: int, cand: _Candidate):
        """ "That was the message from Dr X." in the sentence after the quote."""
        if cand.sentence + 1 < len(self.sentences[p]):
            q = p
            a, b = self.sentences[p][cand.sentence + 1]
        elif p + 1 < len(self.paras) and self.sentences[p + 1]:
            q = p + 1
            a, b = self.sentences[q][0]
        else:
            return None
        text = self.paras[q]
        m = _MESSAGE_FROM.match(text, a, b) or _SO_SAID.match(text, a, b)
        if not m:
            return None
        end = len(text[:b].rstrip(" .!"))
        ref = analyze_subject(text, m.end(), end, after_verb=True)
        person = self._resolve(ref)
        if person is None:
            return None
        self.excluded.setdefault(q, []).append((a, b))
        person.output = True
        return person, text[a:end]

    def _note_refs(self, p: int, si: int) -> Person | None:
        refs = self.refs.get((p, si), [])
        subject = None
        text = self.paras[p]
        for i, ref in enumerate(refs):
            if ref.kind == "org":
                continue
            person = self.ctx.resolve(ref)
            if person is None or ref.possessive:
                continue
            if subject is None:
                subject = person
                group = i + 1 < len(refs) and text[ref.end:refs[i + 1].start].strip() == "and"
                self.ctx.note(person, group=group)
        return subject

    # -- claims -----------------------------------------------------------------------------
    def _sentence_claims(self, p, si, a, b, in_sentence) -> None:
        text = self.paras[p]
        extra = [c.attribution_span for c in in_sentence if c.attribution_span]
        extra += self.excluded.get(p, [])
        quote_speaker = in_sentence[-1].person if in_sentence else None
        refs = self.refs.get((p, si), [])
        for lo, hi in self._free_ranges(p, a, b, extra):
            lo, hi = _trim(text, lo, hi)
            if hi <= lo:
                continue
            self._add_claim(p, lo, hi, quote_speaker, refs=refs)

    def _add_claim(self, p: int, lo: int, hi: int, quote_speaker: Person | None,
                   repeats_index: int | None = None, refs: list[Ref] | None = None) -> None:
        text = self.paras[p]
        segment = text[lo:hi]
        words = segment.split()
        if len(words) < 3 or segment.rstrip().endswith("?"):
            return
        speaker, reported = self._reported(text, lo, hi, quote_speaker)
        if refs is None:
            refs = find_refs(text, lo, hi)
        refs = [r for r in refs if r.kind != "org" and lo <= r.start < hi]
        named = any(self.ctx.registry.find_token(r.name) is not None or r.kind == "person"
                    for r in refs if r.name) or any(
            r.kind == "title" and self.registry.find_title(r.role_key) for r in refs)
        reasons = reasons_for(segment, named_person=named, reported=reported,
                              toks=tokenize(text, lo, hi))
        if not reasons and len(words) < 6 and repeats_index is None:
            return
        if speaker is not None and not speaker.is_org:
            speaker.output = True
        self.claims.append(Claim(
            text=segment, kind=kind_for(reasons), score=score_for(reasons), reasons=reasons,
            paragraph=p, start=lo, end=hi, speaker=speaker.name if speaker else None,
            repeats=repeats_index,
        ))

    def _reported(self, text: str, lo: int, hi: int, quote_speaker: Person | None):
        toks = tokenize(text, lo, min(hi, lo + 200))[:14]
        if not toks:
            return None, False
        if toks[0].low in SPEECH_PARTICIPLES and not toks[0].cap:
            return quote_speaker or (self.ctx.recent[-1] if self.ctx.recent else None), True
        for v in range(1, len(toks)):
            t = toks[v]
            if t.low in REPORTING_VERBS and not t.cap:
                if t.low in _NEEDS_THAT and not text.startswith((" that", ":"), t.end):
                    return None, False
                ref = pronoun_ref(text, lo, t.start) if v <= 2 else None
                if ref is None or ref.start != toks[0].start:
                    ref = analyze_subject(text, lo, t.start, after_verb=False)
                    if ref is None or v > 8:
                        return None, False
                if ref.kind == "pronoun":
                    return self.ctx.pronoun(ref), True
                return self.ctx.resolve(ref), True
            if t.low in ("is", "was", "are", "were", "has", "have", "had", "will", "that"):
                break
        return None, False

    # -- 5: chains and the headline ----------------------------------------------------------
    def _finish_chains(self) -> None:
        for cands in self.candidates:
            for cand in cands:
                if not cand.accepted:
                    continue
                head = cand
                while head.chain_prev is not None:
                    head = head.chain_prev
                if head is not cand:
                    head.chain.append(cand)
                cand.index = len(self.quotes)
                self.quotes.append(None)  # type: ignore[arg-type]
        for cands in self.candidates:
            for cand in cands:
                if not cand.accepted or cand.chain_prev is not None:
                    continue
                members = [cand, *cand.chain]
                person = next((m.person for m in members if m.person is not None), None)
                attribution = next((m.attribution for m in members if m.attribution), "")
                role = next((m.role for m in members if m.role), "")
                for m in members:
                    span = m.span
                    self.quotes[m.index] = Quote(
                        text=self.paras[m.paragraph][span.inner_start:span.inner_end],
                        speaker=person.name if person else None,
                        role=(person.role if person else role),
                        paragraph=m.paragraph, start=span.inner_start, end=span.inner_end,
                        attribution=m.attribution or (attribution if m is not cand else ""),
                        continues=None if m is cand else cand.index,
                    )
                    if person is not None:
                        person.output = True

    def _headline_claims(self) -> None:
        if not self.paras:
            return
        text = self.paras[0]
        for a, b in self._free_ranges(0, 0, len(text)):
            pos = a
            for m in [*_HEADLINE_SEPARATORS.finditer(text, a, b), None]:
                end = m.start() if m else b
                lo, hi = _trim(text, pos, end)
                if hi > lo:
                    part = text[lo:hi]
                    index = next((q_i for q_i, q in enumerate(self.quotes)
                                  if q.paragraph > 0 and repeats(part, q.text)), None)
                    added = len(self.claims)
                    self._add_claim(0, lo, hi, None, index)
                    if index is not None and len(self.claims) > added:
                        self.claims[-1].speaker = self.quotes[index].speaker
                pos = m.end() if m else b


def _trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo] in _TRIM:
        lo += 1
    while hi > lo and text[hi - 1] in _TRIM:
        hi -= 1
    return lo, hi


def _whole_sentence(text: str, span: Span, words: list[str]) -> bool:
    """A quote that is a sentence on its own ("“Others will follow.”" after an attributed
    quote): someone's words, however short, never a scare quote inside a sentence."""
    if span.close is None or len(words) < 2 or not words[0][:1].isupper():
        return False
    if text[span.inner_end - 1] not in ".!?…":
        return False
    before = text[:span.open].rstrip()
    if before and before[-1] not in ".!?…”\"’'»":
        return False
    after = text[span.close + 1:span.close + 3].lstrip()
    return not after or after[0].isupper() or after[0] in "“\"‘'«„"


def _title_like(words: list[str]) -> bool:
    """ "State of the Climate", "Team Europe": a name in quote marks, not someone's words."""
    content = [w for w in words if w[:1].isalpha() and w.lower() not in _TITLE_SMALL]
    if len(content) < 1 or len(words) > 12:
        return False
    capitalised = sum(1 for w in content if w[:1].isupper())
    return capitalised >= 0.7 * len(content) and words[0][:1].isupper()
