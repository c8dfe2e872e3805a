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
from bisect import bisect_left
from dataclasses import dataclass, field

from .attribution import Attribution, latter_word, parse_after, parse_before
from .budget import DEFAULT_UNITS, budget, charge, current
from .claims import kind_for, reasons_for, repeats, score_for
from .frames import (
    implied_ref,
    is_statement_headline,
    names_several,
    person_like,
    pronoun_ref_of,
    statement_subject,
)
from .language import detect_language
from .languages import lexicon, speaking
from .lexicon import EVENT_VERBS, REPORTING_VERBS, SPEECH_PARTICIPLES
from .lexicon import word_set as _words
from .model import Claim, Extraction, Quote, ReleaseText
from .names import Ref, analyze_subject, find_refs, forget_paragraphs, pronoun_ref, tokenize
from .quotes import Span, continuation_span, find_spans
from .sentences import split_sentences
from .speakers import Context, Person, Registry
from .text import UPPER, rstrip_end

_TRIM = " \t,;:—–-"
_HEADLINE_SEPARATORS = re.compile(r"\s*(?::|\s[–—-]\s|\s\|\s)\s*")
_TITLE_SMALL = frozenset(
    ["of", "the", "and", "in", "for", "on", "a", "an", "to", "at", "by", "with", "from", "or"]
)
_MESSAGE_FROM = re.compile(
    r"(?:That|This|Such|Those|These) (?:was|were|is|are) (?:the )?(?:key )?(?:message|words?"
    r"|verdict|view|warning|call|assessment|reaction|response|advice) (?:from|of) ",
)
# A sentence after a quote that takes it up and names who said it.
_RESUMPTIVE = {
    "de": re.compile(r"(?:Das|Dies|So)\s+(?P<verb>[^\W\d_]+)\s+(?:(?:auch|am|gestern|heute)\s+"
                     r"[^\W\d_]*\s*)?"),
    "es": re.compile(r"(?:Así|Eso|Esto)\s+(?:lo\s+)?(?:ha\s+|han\s+)?(?P<verb>[^\W\d_]+)"
                     r"\s+"),
    "fr": re.compile(r"(?:[Cc][’']est|[Vv]oilà)\s+ce\s+qu[’']\s*(?:a|ont|avait)\s+"
                     r"(?P<verb>[^\W\d_]+)\s+"),
    "en": re.compile(r"(?:That|This)(?:[’']s| is| was) what\s+(?P<verb>)"),
}
_NEEDS_THAT = frozenset(["agreed", "agrees", "announced", "announces", "confirmed", "confirms"])
_SO_SAID = re.compile(r"So (?:said|says) ")
_SIGNATURE = re.compile(r"\s*[-–—―]+\s*(?=[" + UPPER + "])")
_NAME_LINE = re.compile(r"(?=[" + UPPER + "])")


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
    unnamed: Attribution | None = None  # an attribution phrase naming no one we can tell
    accepted: bool = False
    chain_prev: _Candidate | None = None
    head: _Candidate | None = None  # the first segment of the quote this one continues
    person: Person | None = None
    how: str = ""  # model.SPEAKER_HOW
    sure: bool = False
    note: str = ""  # why there is no speaker (or why it is unsure)
    role: str = ""
    attribution: str = ""
    attribution_span: tuple[int, int] | None = None
    index: int = -1
    next_attributed: _Candidate | None = None  # the next quote of its sentence with a phrase
    chain: list[_Candidate] = field(default_factory=list)


def extract(release: ReleaseText, *, units: int | None = DEFAULT_UNITS) -> Extraction:
    """Speakers, quotes and claims of a release (see ``model`` for the JSON shape).

    Raises ``TooMuchWork`` past ``units`` of work (``budget``), or past the budget of the
    extraction it runs in.
    """
    if current() is None:
        with budget(units):
            return extract(release)
    code = detect_language("\n".join(release.paragraphs[:200]))
    try:
        with speaking(code):
            found = _Document(list(release.paragraphs), release.quoted).run(release.title)
    finally:
        forget_paragraphs()
    found.language = code
    found.left_out = list(release.left_out)
    return found


class _Document:
    def __init__(self, paragraphs: list[str], quoted: list[int] = ()) -> None:
        self.paras = paragraphs
        self.spans = [find_spans(p) for p in paragraphs]
        self.quoted = set(quoted)
        for p in self.quoted:
            if 0 < p < len(paragraphs) and not self.spans[p]:
                self.spans[p] = _block_quotation(paragraphs[p])
        self.sentences = [
            split_sentences(p, s) for p, s in zip(paragraphs, self.spans, strict=True)
        ]
        self.registry = Registry()
        self.ctx = Context(self.registry)
        self.candidates: list[list[_Candidate]] = []
        self.opens: list[list[int]] = []  # where each paragraph's candidates open, in order
        self.refs: dict[tuple[int, int], list[Ref]] = {}
        self.excluded: dict[int, list[tuple[int, int]]] = {}
        self.quotes: list[Quote] = []
        self._headline_person: Person | None | bool = False  # False: not looked for yet
        self.reported: dict[int, Person | None] = {}  # whose speech a paragraph reports
        self.named_in: dict[int, dict[Person, int]] = {}  # who a paragraph names, and where
        self.claims: list[Claim] = []

    def run(self, title: str) -> Extraction:
        for p in range(len(self.paras)):
            self.candidates.append(self._find_candidates(p))
            self.opens.append([c.span.open for c in self.candidates[-1]])
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
            charge(20)
            cand = _Candidate(p, span, si)
            if s_end <= span.outer_end + 1 and si + 1 < len(sentences) and limit < nxt:
                # “Luiz is a special player!” Arrizabalaga-Ruiz said. — the phrase is a
                # sentence of its own after a quote ending in its own full stop.
                n_start, n_end = sentences[si + 1]
                after = parse_after(text, span.outer_end, min(nxt, n_end))
                if after is not None and after.start == n_start and after.subj_hi > after.subj_lo \
                        and not text[after.end:n_end].strip(" .!?"):
                    cand.after = after
            if span.outer_end < limit and cand.after is None:
                cand.after = parse_after(text, span.outer_end, limit)
            if cand.after:
                cand.after_ref = _subject_ref(text, cand.after)
                if cand.after_ref is None:
                    cand.unnamed, cand.after = cand.after, None
            lo = s_start
            if k and spans[k - 1].outer_end > lo and found[-1].accepted:
                lo = spans[k - 1].outer_end  # not past a title in quote marks
            if lo < span.open:
                cand.before = parse_before(text, lo, span.open)
                if cand.before:
                    cand.before_ref = _subject_ref(text, cand.before)
                    if cand.before_ref is None:
                        cand.unnamed = cand.unnamed or cand.before
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
        if not adjacent and _named_by_a_title_word(text, span.open):
            return False  # "the study, ‘Paying for convenience: …’", "la campaña “…”"
        if span.family == "double":
            if adjacent and (not titled or punctuated):
                return True
            if titled:
                return False
            if _whole_sentence(text, span, words):
                return True
            if len(words) <= _TERM_WORDS and span.close is not None \
                    and text[:span.open].rstrip()[-1:] != ":" \
                    and text[span.inner_end - 1] not in ".!?…" \
                    and not self._speech_in_sentence(text, cand):
                return False  # "a “zero-tolerance approach to waste”": a term, no one's words
            return len(words) >= 4 or (span.close is None and len(words) >= 3)
        sentence_like = punctuated or inner[:1].isupper()
        if adjacent and not titled and (punctuated or len(words) >= 3):
            return True
        if titled:
            return False
        return (len(words) >= 4 and sentence_like) or _whole_sentence(text, span, words)

    def _speech_in_sentence(self, text: str, cand: _Candidate) -> bool:
        """A verb of speech, or "according to", in the sentence around a quote: words in
        quote marks with none are a term, a title or a slogan, not a quote."""
        a, b = self.sentences[cand.paragraph][cand.sentence] if self.sentences[
            cand.paragraph] else (0, len(text))
        lex = lexicon()
        verbs = lex.speech_verbs | lex.participles | _MORE_SPEECH.get(lex.code, frozenset())
        according = {form[0] for form in lex.according
                     if len(form) == 1 or form[0] not in ("in", "en", "de", "selon")}
        for lo, hi in ((a, cand.span.open), (cand.span.outer_end, b)):
            for t in tokenize(text, lo, min(hi, lo + 600)):
                if t.low in verbs or t.low in according:
                    return True
        return False

    def _link_chains(self) -> None:
        for p in range(1, len(self.paras)):
            prev = [c for c in self.candidates[p - 1] if c.accepted]
            cur = self.candidates[p]
            if not prev:
                continue
            last = prev[-1]
            if last.span.close is None and last.span.raw_end >= len(self.paras[p - 1]) - 1 \
                    and (not cur or cur[0].span.open != 0):
                cur = self._carried_over(p) or cur
                if not cur and self._resumed_after(p) and self._first_person(p):
                    cur = self._unmarked_continuation(p, last.span.family)
            if not cur:
                continue
            first = cur[0]
            if last.span.close is None and last.span.raw_end >= len(self.paras[p - 1]) - 1 \
                    and first.span.open == 0 and last.span.family == first.span.family:
                first.accepted = True
                first.chain_prev = last
                first.head = last.head or last

    def _resumed_after(self, p: int) -> bool:
        """Paragraph ``p`` (no quote marks) sits inside a quote running over several
        paragraphs: one of the next few paragraphs goes on with it, reopening with a fresh
        mark or closing it without one, before any paragraph of narrative."""
        for q in range(p + 1, min(p + 4, len(self.paras))):
            text = self.paras[q]
            if text[:1] in "“\"«„" or continuation_span(text) is not None:
                return True
            if self.candidates[q] or len(text) > 1500:
                return False
        return False

    def _first_person(self, p: int) -> bool:
        """Paragraph ``p`` speaks in the first person ("we", "our", "nous", "wir", "nuestro"),
        as a speaker's words do and a release's narrative does not."""
        words = _FIRST_PERSON.get(lexicon().code, _FIRST_PERSON["en"])
        return any(t.low in words for t in tokenize(self.paras[p], 0, 1500))

    def _unmarked_continuation(self, p: int, family: str) -> list[_Candidate]:
        """ "“We had a remarkable year. / Our teams delivered … / “We will build on it.”": a
        paragraph with no marks between two of a quote is the quote's next segment."""
        text = self.paras[p]
        end = rstrip_end(text, len(text))
        span = Span(0, None, 0, end, family, len(text))
        cand = _Candidate(p, span, 0)
        cand.accepted = True
        self.candidates[p] = [cand]
        self.opens[p] = [0]
        return self.candidates[p]

    def _carried_over(self, p: int) -> list[_Candidate] | None:
        """A paragraph continuing the quote before it without reopening it: its text up to
        the closing mark becomes the quote's next segment."""
        span = continuation_span(self.paras[p])
        if span is None:
            return None
        span.open = 0
        cand = _Candidate(p, span, 0)
        rest = [c for c in self.candidates[p] if c.span.open >= span.outer_end]
        self.candidates[p] = [cand, *rest]
        self.opens[p] = [c.span.open for c in self.candidates[p]]
        return self.candidates[p]

    # -- 3: names with roles ---------------------------------------------------------------
    def _free_ranges(self, p: int, a: int, b: int, extra=()) -> list[tuple[int, int]]:
        cands, opens = self.candidates[p], self.opens[p]
        k = max(0, bisect_left(opens, a) - 1)
        inside = []
        while k < len(cands) and cands[k].span.open < b:
            c = cands[k]
            if c.accepted and c.span.outer_end > a:
                inside.append((c.span.open, c.span.outer_end))
            k += 1
        cuts = sorted(inside + [r for r in extra if r[0] < b and r[1] > a])
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
        cands = [c for c in self.candidates[p] if c.accepted]
        intro = self._intro(p, cands)
        trailer = self._trailer(p, cands)
        next_pending = None
        last_quote: _Candidate | None = None
        by_sentence: dict[int, list[_Candidate]] = {}
        for cand in cands:
            by_sentence.setdefault(cand.sentence, []).append(cand)
        for si, (a, b) in enumerate(self.sentences[p]):
            in_sentence = by_sentence.get(si, [])
            attributed_later: _Candidate | None = None
            for cand in reversed(in_sentence):
                cand.next_attributed = attributed_later
                if cand.after or cand.before:
                    attributed_later = cand
            for cand in in_sentence:
                self._resolve_quote(p, cand, last_quote, pending, trailer)
                pending = None if cand.person is not None or cand.note else pending
                last_quote = cand
                if cand.person is not None:
                    self.ctx.note(cand.person)
            if intro and intro[2] == si:
                span, ref, _si, attribution, how, note = intro
                person, how, sure, note = self._speaker(ref, how) if ref else (None, "", False,
                                                                               note)
                self.ctx.note(person)
                next_pending = _Pending(person, attribution, how, sure, note)
                self.excluded.setdefault(p, []).append(span)
            self._note_refs(p, si)
            if p > 0:
                self._sentence_claims(p, si, a, b, in_sentence)
        return next_pending

    def _intro(self, p: int, cands: list[_Candidate]):
        """ "Dr Jane Doe, Director of X, said:" closing a paragraph before a quote-only one."""
        text = self.paras[p]
        if not self.sentences[p] or p + 1 >= len(self.paras) or (
                self.paras[p + 1][:1] not in "“\"‘'«„" and p + 1 not in self.quoted):
            return None
        si = len(self.sentences[p]) - 1
        lo = self.sentences[p][si][0]
        if not text.rstrip(" .").endswith((":", "statement", "Statement")):
            # "X issued the following statement regarding the bill." before the quotes: a
            # statement line, whatever it ends with (read whole: abbreviations like "Pres."
            # may have cut it in sentences).
            if cands or len(text) > 400 or statement_subject(text, 0, len(text)) is None:
                return None
            si, lo = 0, 0
        for cand in cands:
            if cand.sentence == si:
                lo = max(lo, cand.span.outer_end)
        statement = statement_subject(text, lo, len(text))
        if statement is not None:
            a, b = statement
            if names_several(text, a, b):
                return (a, len(text)), None, si, "", "introduced", "the statement is by " \
                    "several people"
            ref = analyze_subject(text, a, b, after_verb=False)
            if ref is None:
                return None
            return (a, len(text)), ref, si, text[a:len(text)].strip(_TRIM), "statement", ""
        att = parse_before(text, lo, len(text))
        if att is None:
            return None
        if names_several(text, att.subj_lo, att.subj_hi):
            return (att.start, len(text)), None, si, "", "introduced", "the attribution " \
                "names several people"
        ref = _subject_ref(text, att)
        if ref is None:
            return None
        start = att.start if att.after_verb else min(ref.start, att.end)
        span = (start, len(text))
        return span, ref, si, text[start:att.end].strip(_TRIM), "introduced", ""

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
        if not cands or p + 1 >= len(self.paras) or any(
                c.accepted for c in self.candidates[p + 1]):
            return None  # (a campaign's name in quote marks on the line is no quote)
        text = self.paras[p]
        if len(text[cands[-1].span.outer_end:].strip(" .")) > 0:
            return None
        line = self.paras[p + 1]
        m = _SIGNATURE.match(line) or _NAME_LINE.match(line)
        if not m or len(line.split()) > 30:
            return None
        ref = analyze_subject(line, m.end(), len(line), after_verb=True)
        if ref is None or ref.kind not in ("person", "surname", "title"):
            return None
        if not _SIGNATURE.match(line) and (ref.kind != "person" or ref.start != 0 or not (
                line.startswith(",", ref.end) or ref.end >= len(line.rstrip(". ")))
                or line.rstrip().endswith(":")
                or any(t.low in self._verbs() or t.low in EVENT_VERBS
                       or t.low in lexicon().participles for t in tokenize(line))):
            return None  # a name line: "Jane Doe, Director of X." and nothing else
        person = self._resolve(ref)
        if person is None:
            return None
        person.output = True
        self.excluded.setdefault(p + 1, []).append((0, len(line)))
        for cand in cands:
            head = cand.head or cand
            if head is not cand and head.after is None and head.before is None:
                head.person = person
        return person, line[m.end():].strip(_TRIM)

    def _speaker(self, ref: Ref | None, how: str = ""):
        """(person, how, sure, note) for the reference an attribution names.

        Only a name with a person's shape, an organisation the text makes the subject of
        the verb, or one person found by title, honorific, pronoun or left-out subject is a
        speaker; anything less leaves the speaker empty and says why.
        """
        if ref is None:
            return None, "", False, "no attribution found"
        if ref.kind == "implied":
            # The person the text is about: someone quoted or named with a role, with a
            # person's name ("Estados Unidos", talked about last, is no one).
            people = [p for p in self.ctx.recent if not p.is_org and p.output
                      and person_like(p.name)]
            if people:
                return people[-1], "implied", False, "the verb has no subject of its own"
            return None, "", False, "the verb has no subject and no one was named before"
        if ref.kind == "pronoun" and ref.name == "latter":
            person = self.ctx.last_named
            if person is None or person.is_org:
                return None, "", False, f"“{ref.text}” refers to no one named before"
            return person, "pronoun", False, ""
        if ref.kind == "pronoun":
            person = self.ctx.pronoun(ref)
            if person is None and self.ctx.ambiguous:
                first, second = self.ctx.ambiguous
                return None, "", False, (f"“{ref.text}” could be {first.name} or {second.name}, "
                                         "named in the same sentence")
            if person is None:
                return None, "", False, f"“{ref.text}” refers to no one named before"
            return person, "pronoun", False, ""
        if ref.kind == "org" and ref.name.isupper() and len(ref.name) > 6:
            return None, "", False, f"“{ref.name}” is a dateline or a heading, not a speaker"
        if ref.kind == "org":
            known = self.registry.find_token(ref.name) if " " not in ref.name else None
            if known is not None and not known.is_org and person_like(known.name):
                return known, "surname", True, ""  # "MARCHETTI told her": a surname in capitals
            return self.registry.add_org(ref.name), "organization", True, ""
        person = self._resolve(ref)
        if ref.kind == "title":
            if person is None:
                return None, "", False, f"the title “{ref.text}” names no one in the release"
            return person, "title", True, ""
        if person is None:
            return None, "", False, f"“{ref.text}” is no one named in the release"
        if person.is_org:
            return person, "organization", True, ""
        if not person_like(person.name):
            if ref.kind in ("surname", "bare") and ref.honorific \
                    and len(person.name.split()) == 1 and person.name[:1].isupper():
                return person, "honorific", False, "only the surname is given"
            return None, "", False, f"“{person.name}” is not a person’s name"
        if ref.kind == "person":
            return person, how or "named", True, ""
        return person, "honorific" if (ref.honorific or ref.role) else "surname", True, ""

    def _resolve_quote(self, p, cand, last_quote, pending, trailer=None) -> None:
        text = self.paras[p]
        att, ref = (cand.after, cand.after_ref) if cand.after else (cand.before, cand.before_ref)
        if att is not None and ref is not None:
            if names_several(text, att.subj_lo, att.subj_hi):
                cand.note = "the attribution names several people"
            else:
                cand.person, cand.how, cand.sure, cand.note = self._speaker(ref)
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
        later = self._message_from(p, cand) if cand.unnamed is not None else None
        if later is not None:
            cand.person, cand.attribution = later
            cand.how, cand.sure = "named", True
            return
        if cand.unnamed is not None and cand.unnamed.direct:
            u = cand.unnamed
            cand.note = ("the attribution names several people"
                         if names_several(text, u.subj_lo, u.subj_hi) else
                         f"the attribution “{text[u.start:u.end].strip(_TRIM)}” names no person")
            return
        if trailer is not None:
            cand.person, cand.attribution = trailer
            cand.how, cand.sure = "signature", True
            return
        if cand.span.open == 0 and pending is not None:
            cand.person, cand.attribution = pending.person, pending.attribution
            cand.how, cand.sure, cand.note = pending.how, pending.sure, pending.note
            return
        later = self._message_from(p, cand)
        if later is not None:
            cand.person, cand.attribution = later
            cand.how, cand.sure = "named", True
            return
        last = (last_quote.head or last_quote) if last_quote is not None else None
        if last is not None and (last.person is not None or last.note):
            cand.person, cand.note = last.person, last.note
            cand.how, cand.sure = "same_paragraph", last.sure
            return
        if self.reported.get(p) is not None:
            # "Lizzy Baker from the sponsor says it's fantastic. “When it comes to …”"
            cand.person = self.reported[p]
            cand.how, cand.sure = "same_paragraph", False
            return
        if cand.next_attributed is not None:
            nxt = cand.next_attributed
            cand.person, cand.how, cand.sure, cand.note = self._speaker(
                nxt.after_ref or nxt.before_ref)
            return
        if cand.span.open == 0 and p > 0:
            prev = [c for c in self.candidates[p - 1] if c.accepted]
            if prev:
                last = prev[-1].head or prev[-1]
                if last.person is not None or last.note:
                    cand.person, cand.note = last.person, last.note
                    cand.how, cand.sure = "previous_paragraph", False
                    return
            elif self.reported.get(p - 1) is not None:
                # "Chair Professor Jones says around 600 students …" then a quote-only
                # paragraph: the person whose words the paragraph before reported.
                cand.person = self.reported[p - 1]
                cand.how, cand.sure = "previous_paragraph", False
                return
            elif self._opened_by_one_person(p - 1) is not None:
                # "Jane Doe, a student who started the competition, is pleased …" then a
                # paragraph of quote: the person that paragraph is about, named first.
                cand.person = self._opened_by_one_person(p - 1)
                cand.how, cand.sure = "previous_paragraph", False
                return
            elif p > 1:
                # A paragraph of figures (naming no one else) between two paragraphs of one
                # person's quote.
                before = [c for c in self.candidates[p - 2] if c.accepted]
                last = (before[-1].head or before[-1]) if before else None
                if last is not None and last.person is not None and not last.person.is_org \
                        and not set(self.named_in.get(p - 1, {})) - {last.person}:
                    cand.person = last.person
                    cand.how, cand.sure = "previous_paragraph", False
                    return
        cand.note = "no attribution in the quote’s sentence or paragraph"

    def _named_inside(self, cand: _Candidate) -> bool:
        """A speaker found by inference who is named inside the quote itself ("To her
        credit, Minister Jane Doe listened") is someone else's subject, not its speaker."""
        text = self.paras[cand.paragraph][cand.span.inner_start:cand.span.inner_end]
        surname = cand.person.name.split()[-1] if cand.person else ""
        return len(surname) > 2 and re.search(rf"\b{re.escape(surname)}\b", text) is not None

    def _opened_by_one_person(self, q: int) -> Person | None:
        """The one person paragraph ``q`` names, if it opens with them (its subject)."""
        named = self.named_in.get(q, {})
        if len(named) != 1:
            return None
        person, at = next(iter(named.items()))
        return person if at <= 2 and person_like(person.name) else None

    @staticmethod
    def _verbs():
        return lexicon().speech_verbs

    @staticmethod
    def _participle(text: str, att: Attribution) -> bool:
        toks = tokenize(text, att.subj_hi, min(len(text), att.subj_hi + 30))
        return bool(toks) and toks[0].low in SPEECH_PARTICIPLES

    def _message_from(self, p: int, cand: _Candidate):
        """ "That was the message from Dr X." in the sentence after the quote, or "Das sagte
        X", "c'est ce qu'a déclaré X" right after it."""
        text = self.paras[p]
        sentences = self.sentences[p]
        s_end = sentences[cand.sentence][1] if sentences else len(text)
        m = None
        if cand.span.outer_end < s_end:
            # "„…“ Das sagte X." / "« … », c'est ce qu'a déclaré X": in the quote's sentence.
            q, b = p, s_end
            a = cand.span.outer_end
            while a < b and (text[a].isspace() or text[a] in ",;—–"):
                a += 1
            m = self._resumptive(text, a, b)
        if m is None:
            if cand.sentence + 1 < len(sentences):
                q = p
                a, b = sentences[cand.sentence + 1]
            elif p + 1 < len(self.paras) and self.sentences[p + 1]:
                q = p + 1
                a, b = self.sentences[q][0]
            else:
                return None
            text = self.paras[q]
            m = _MESSAGE_FROM.match(text, a, b) or _SO_SAID.match(text, a, b) \
                or self._resumptive(text, a, b)
        if not m:
            return None
        end = rstrip_end(text, b, " .!")
        ref = analyze_subject(text, m.end(), end, after_verb=True)
        person = self._resolve(ref)
        if person is None:
            return None
        self.excluded.setdefault(q, []).append((a, b))
        person.output = True
        return person, text[a:end]

    @staticmethod
    def _resumptive(text: str, a: int, b: int):
        """ "Das sagte X", "Así lo afirmó X", "C'est ce qu'a déclaré X", "That's what X
        said" opening the sentence after a quote: X said it. Matches up to the subject."""
        lex = lexicon()
        m = _RESUMPTIVE.get(lex.code, _RESUMPTIVE["en"]).match(text, a, b)
        if m is None:
            return None
        verb = m.group("verb").lower()
        return m if verb in lex.speech_verbs or verb in _MORE_SPEECH.get(lex.code, ()) else None

    def _note_refs(self, p: int, si: int) -> Person | None:
        refs = self.refs.get((p, si), [])
        subject = None
        text = self.paras[p]
        a, b = self.sentences[p][si]
        first = tokenize(text, a, min(b, a + 20))[:1]
        if first and first[0].low in lexicon().pronouns and not (refs and refs[0].start == a):
            # "She noted that Prime Minister X was …": the sentence is about the person
            # "she" stands for, not about X.
            subject = False
        together: list[Person] = []
        for i, ref in enumerate(refs):
            if ref.kind == "org":
                self.registry.saw_org(ref.name)
                continue
            person = self.ctx.resolve(ref)
            if person is None or ref.possessive:
                continue
            if not person.is_org and person not in together and ref.kind != "title":
                together.append(person)  # named, not only called "the midfielder"
            if not person.is_org:
                self.ctx.last_named = person
                self.named_in.setdefault(p, {})[person] = ref.start
            if subject is None:
                subject = person
                group = i + 1 < len(refs) and text[ref.end:refs[i + 1].start].strip() == "and"
                self.ctx.note(person, group=group)
        self.ctx.named_together(together)
        return subject or None

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
        charge(10)
        text = self.paras[p]
        segment = text[lo:hi]
        words = segment.split()
        if len(words) < 3 or segment.rstrip().endswith("?"):
            return
        speaker, reported = self._reported(text, lo, hi, quote_speaker)
        if reported and speaker is not None and not speaker.is_org:
            self.reported.setdefault(p, speaker)
        if refs is None:
            refs = find_refs(text, lo, hi)
        first = bisect_left(refs, lo, key=lambda r: r.start)
        last = bisect_left(refs, hi, key=lambda r: r.start)
        refs = [r for r in refs[first:last] if r.kind != "org"]
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
        toks = tokenize(text, lo, min(hi, lo + 300))[:24]
        if not toks:
            return None, False
        if toks[0].low in SPEECH_PARTICIPLES and not toks[0].cap:
            return quote_speaker or (self.ctx.recent[-1] if self.ctx.recent else None), True
        lex = lexicon()
        verbs = REPORTING_VERBS if lex.code == "en" else lex.speech_verbs - {"so"}
        for v in range(1, len(toks)):
            t = toks[v]
            if t.low in verbs and not t.cap:
                if t.low in _NEEDS_THAT and not text.startswith((" that", ":"), t.end):
                    return None, False
                ref = pronoun_ref(text, lo, t.start) if v <= 2 else None
                if ref is None or ref.start != toks[0].start:
                    ref = analyze_subject(text, lo, t.start, after_verb=False)
                    if ref is None or v > (8 if lex.code == "en" else 20):
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
                head = cand.head or cand
                if head is not cand:
                    head.chain.append(cand)
                cand.index = len(self.quotes)
                self.quotes.append(None)  # type: ignore[arg-type]
        for cands in self.candidates:
            for cand in cands:
                if not cand.accepted or cand.chain_prev is not None:
                    continue
                members = [cand, *cand.chain]
                for m in members:
                    if m.person is not None and not m.sure and self._named_inside(m):
                        m.person, m.how = None, ""
                        m.note = "the person it would be is named inside the quote"
                source = next((m for m in members if m.person is not None and m.sure),
                              None) or next((m for m in members if m.person is not None), None)
                if source is None and not any(m.note for m in members if m.note.startswith(
                        ("the statement", "the attribution names several"))):
                    source = self._headline_speaker(cand)
                person = source.person if source else None
                attribution = next((m.attribution for m in members if m.attribution), "")
                role = next((m.role for m in members if m.role), "")
                note = "" if person else next((m.note for m in members if m.note), "")
                for m in members:
                    span = m.span
                    self.quotes[m.index] = Quote(
                        text=self.paras[m.paragraph][span.inner_start:span.inner_end],
                        speaker=person.name if person else None,
                        role=(person.role if person else role),
                        paragraph=m.paragraph, start=span.inner_start, end=span.inner_end,
                        attribution=m.attribution or (attribution if m is not cand else ""),
                        continues=None if m is cand else cand.index,
                        speaker_how=(source.how if m is source or m is cand
                                     else "continues") if person else "",
                        speaker_sure=bool(person) and source.sure,
                        speaker_note=(source.note if person else note),
                    )
                    if person is not None:
                        person.output = True

    def _headline_speaker(self, head: _Candidate) -> _Candidate | None:
        """A quote no phrase attributes, under a headline that calls the release one
        person's statement ("Statement by X", "Stellungnahme … / X, Role"): that person."""
        if self._headline_person is False:
            self._headline_person = None
            title = self.paras[0]
            if is_statement_headline(title):
                people = [r for r in find_refs(title) if r.kind == "person"]
                if len(people) == 1:
                    person, how, sure, note = self._speaker(people[0])
                    if person is not None:
                        self._headline_person = person
        if self._headline_person is None:
            return None
        text = self.paras[head.paragraph]
        last = head.chain[-1] if head.chain else head
        before = rstrip_end(text, head.span.open)
        if (before and text[before - 1] not in "-–—:") or last.span.outer_end < len(
                self.paras[last.paragraph].rstrip(" .")) - 1:
            return None  # only a quote that is the whole body of its paragraphs
        found = _Candidate(head.paragraph, head.span, head.sentence)
        found.person, found.how, found.sure = self._headline_person, "headline", False
        found.note = "named only in the headline"
        return found

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
                    # A headline is short; a "headline" of thousands of characters is not
                    # compared with every quote.
                    index = None if len(text) > 2000 else next(
                        (q_i for q_i, q in enumerate(self.quotes[:500])
                         if q.paragraph > 0 and repeats(part, q.text)), None)
                    added = len(self.claims)
                    self._add_claim(0, lo, hi, None, index)
                    if index is not None and len(self.claims) > added:
                        self.claims[-1].speaker = self.quotes[index].speaker
                pos = m.end() if m else b


@dataclass
class _Pending:
    """What a paragraph ending "X said:" hands to the quote opening the next one."""

    person: Person | None
    attribution: str
    how: str
    sure: bool
    note: str


def _subject_ref(text: str, att: Attribution) -> Ref | None:
    """The reference an attribution's subject makes (a pronoun inside the verb, a subject
    the language leaves out, "the latter", or the phrase's words)."""
    if att.pronoun:
        return pronoun_ref_of(text, att.start, att.pronoun)
    if att.implied:
        return implied_ref(att.start)
    words = tokenize(text, att.subj_lo, att.subj_hi)[:3]
    if any(latter_word(t.low) for t in words):
        ref = pronoun_ref_of(text, att.subj_lo, "latter")
        ref.text = text[att.subj_lo:att.subj_hi]
        return ref
    ref = analyze_subject(text, att.subj_lo, att.subj_hi, after_verb=att.after_verb)
    if ref is None:
        words = tokenize(text, att.subj_lo, att.subj_hi)[:3]
        if len(words) == 2 and words[0].low in _BACK_DETERMINERS and words[1].low in _GENERIC:
            # "indicó la funcionaria", "said the official": the person just talked about,
            # found as a pronoun is (and left empty when two people fit).
            gender = _GENERIC[words[1].low]
            return Ref("pronoun", words[0].start, words[1].end,
                       text[words[0].start:words[1].end], name=words[1].low, gender=gender)
    if ref is None and not att.after_verb and lexicon().code == "es":
        # "En este sentido, sostuvo que …": a phrase before the verb but no subject; Spanish
        # leaves it out. (A subject with an article, "La empresa destacó", is someone.)
        hi = rstrip_end(text, att.subj_hi, " ,")
        part = text[text.rfind(",", att.subj_lo, hi) + 1 or att.subj_lo:hi]
        determiners = lexicon().determiners
        if not any(t.low in determiners for t in tokenize(part)):
            return implied_ref(att.start)
    return ref


# Nouns that stand for a person just named, like a pronoun, and the sex they tell.
_GENERIC = {"official": "", "funcionario": "m", "funcionaria": "f", "politician": "",
            "politiker": "m", "politikerin": "f", "élu": "m", "élue": "f", "dirigente": "",
            "dirigeant": "m", "dirigeante": "f", "expert": "", "experte": "f", "experta": "f",
            "experto": "m", "expertin": "f"}
_BACK_DETERMINERS = frozenset(["the", "la", "el", "le", "l", "der", "die"])


def _block_quotation(text: str) -> list[Span]:
    """A paragraph set as a block quotation without quote marks: its whole text is the quote
    (not a signature line under it, "— Jane Doe, Director", nor a few words)."""
    if len(text.split()) < 4 or _SIGNATURE.match(text) and len(text.split()) <= 25:
        return []
    return [Span(0, None, 0, rstrip_end(text, len(text)), "double", len(text))]


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
    before = rstrip_end(text, span.open)
    if before and text[before - 1] not in ".!?…”\"’'»":
        return False
    after = text[span.close + 1:span.close + 3].lstrip()
    return not after or after[0].isupper() or after[0] in "“\"‘'«„"


_FIRST_PERSON = {
    "en": _words("i we our ours us my me"),
    "fr": _words("je j nous notre nos mon ma mes"),
    "de": _words("ich wir unser unsere unseren unserer uns mein meine"),
    "es": _words("yo nosotros nosotras nuestro nuestra nuestros nuestras mi mis nos hemos"),
}
# A phrase in quote marks of this many words or fewer is a quote only beside speech.
_TERM_WORDS = 8
# Verbs of speech that attribute a partial quote in reported speech without being
# attribution verbs: "called for", "describes it as", "insisted", "promised to".
_MORE_SPEECH = {
    "en": _words("""call calls called calling describe describing described urge urged say
        speak spoke speaking spoken tell told insist warn promise promised pledged pledge
        vow vowed welcomed welcomes welcome criticised criticized condemned condemns
        praised praises thanked thanks expressed expresses reaffirmed reaffirms hailed
        branded labelled labeled dubbed termed referred refers words message remarks
        statement speech interview address letter told reads read"""),
    "fr": _words("""qualifié qualifie appelé appelle appelant parlé parle exprimé exprime
        salué salue dénoncé dénonce promis promet propos discours message déclaration
        entretien lettre communiqué"""),
    "de": _words("""nannte nennt bezeichnete bezeichnet sprach spricht forderte fordert rief
        ruft lobte lobt kritisierte kritisiert worte rede botschaft interview brief heißt
        hieß mitteilung erklärung"""),
    "es": _words("""calificó califica llamó llama habló habla pidió pide instó insta
        prometió promete palabras discurso mensaje entrevista carta expresó reza comunicado"""),
}


# Nouns and participles that introduce a title in quote marks, not someone's words.
_TITLE_WORDS = _words("""
    titled entitled called named dubbed study report paper book article campaign programme
    program project song film slogan motto theme hashtag exhibition initiative strategy
    intitulé intitulée baptisé baptisée appelé appelée nommé rapport étude livre campagne
    projet programme thème slogan devise exposition initiative stratégie
    titulado titulada denominado denominada llamado llamada informe estudio libro campaña
    proyecto programa lema exposición iniciativa estrategia
    titel namens studie bericht buch kampagne projekt programm motto ausstellung initiative
    strategie
""")
_TITLE_ARTICLES = frozenset(["the", "la", "le", "el", "die", "der", "das"])


def _named_by_a_title_word(text: str, open_i: int) -> bool:
    """The words right before a quote mark name what it holds as a title ("the study,",
    "entitled", "la campaña", "mit dem Titel")."""
    words = text[max(0, open_i - 40):open_i].split()
    if words and words[-1].lower() in _TITLE_ARTICLES:
        words.pop()
    last = words[-1].strip(",:;").rsplit("’", 1)[-1].rsplit("'", 1)[-1] if words else ""
    return last.lower() in _TITLE_WORDS  # ("l’initiative « … »": the word after the elision)


def _title_like(words: list[str]) -> bool:
    """ "State of the Climate", "Team Europe": a name in quote marks, not someone's words."""
    content = [w for w in words if w[:1].isalpha() and w.lower() not in _TITLE_SMALL]
    if len(content) < 1 or len(words) > 12:
        return False
    capitalised = sum(1 for w in content if w[:1].isupper())
    return capitalised >= 0.7 * len(content) and words[0][:1].isupper()
