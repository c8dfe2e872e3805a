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

from bisect import bisect_left

from .acceptance import QuoteAcceptance
from .budget import DEFAULT_UNITS, budget, charge, current
from .candidate import Candidate, Pending
from .claim_cutting import ClaimCutting
from .continuation import QuoteChains, block_quotation
from .frames import spoken_about
from .language import detect_language
from .languages import lexicon, speaking
from .model import Claim, Extraction, Quote, ReleaseText
from .name_shape import NameShape
from .names import find_refs
from .quotes import find_spans
from .resolution import SpeakerResolution
from .sentences import split_sentences
from .speakers import Context, Person, Registry
from .tokens import Ref, forget_paragraphs, tokenize


def extract(release: ReleaseText, *, units: int | None = DEFAULT_UNITS) -> Extraction:
    """Speakers, quotes and claims of a release (see ``model`` for the JSON shape).

    Raises ``TooMuchWork`` past ``units`` of work (``budget``) with the work reading the
    release spent, or past the budget of the extraction it runs in.
    """
    if current() is None:
        with budget(units) as own:
            own.charge(release.work)
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


class _Document(QuoteAcceptance, QuoteChains, SpeakerResolution, ClaimCutting):
    """One release on its way through the steps; each mixin holds the methods of one step."""

    def __init__(self, paragraphs: list[str], quoted: list[int] = ()) -> None:
        # What every step costs a paragraph, however short, paid before any is taken: a
        # page of a hundred thousand one-word list items is refused at once.
        charge(8 * len(paragraphs))
        self.paras = paragraphs
        self.spans = [find_spans(p) for p in paragraphs]
        self.quoted = set(quoted)
        for p in self.quoted:
            if 0 < p < len(paragraphs) and not self.spans[p]:
                self.spans[p] = block_quotation(paragraphs[p])
        self.sentences = [
            split_sentences(p, s) for p, s in zip(paragraphs, self.spans, strict=True)
        ]
        self.registry = Registry()
        self.ctx = Context(self.registry)
        self.candidates: list[list[Candidate]] = []
        self.opens: list[list[int]] = []  # where each paragraph's candidates open, in order
        self.refs: dict[tuple[int, int], list[Ref]] = {}
        self.excluded: dict[int, list[tuple[int, int]]] = {}
        self.quotes: list[Quote] = []
        self._headline_person: Person | None | bool = False  # False: not looked for yet
        self._headline_person_at = 0  # the headline's paragraph, or the standfirst's
        self._signer: Person | None | bool = False  # who signs the release at its end
        self.reported: dict[int, Person | None] = {}  # whose speech a paragraph reports
        self.named_in: dict[int, dict[Person, int]] = {}  # who a paragraph names, and where
        self.ends_a_longer_name: dict[str, bool] = {}  # one name read as a whole speaker
        # The people the body names before the paragraph being read, and those who open a
        # paragraph as its subject, read up to paragraph ``people_read_to``.
        self.people_before: set[Person] = set()
        self.openers: set[Person] = set()
        self.people_read_to = 1
        self.claims: list[Claim] = []
        self.bodies_in_full: dict[str, str | None] = {}  # a kind of body's one full name
        self.named_by_name: set[Person] = set()  # the people named so far, not by title
        self.declined: set[Person] = set()  # names refused as speakers, no pronoun's either
        self._name_shape: NameShape | None = None  # what the release tells of its words
        self._shaped: dict[Person, tuple[Person | None, str]] = {}  # each speaker, checked

    def run(self, title: str) -> Extraction:
        for p in range(len(self.paras)):
            self.candidates.append(self._find_candidates(p))
            self.opens.append([c.span.open for c in self.candidates[-1]])
        self._link_chains()
        self._first_look()
        pending: tuple[Person | None, str] | None = None
        for p in range(len(self.paras)):
            pending = self._walk(p, pending)
        self._attributed_at_the_end()
        self._finish_chains()
        for person in list(self.registry.people):
            if person.output and not person.is_org:
                # The release's speakers list shows the people it names with a role as
                # well as those quoted; their names pass the same check.
                self._person_shaped(person)
        self._headline_claims()
        self.claims.sort(key=lambda c: (c.paragraph, c.start))
        return Extraction(title=title, paragraphs=self.paras, speakers=self.registry.speakers(),
                          quotes=self.quotes, claims=self.claims)


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
        last_quote: Candidate | None = None
        by_sentence: dict[int, list[Candidate]] = {}
        for cand in cands:
            by_sentence.setdefault(cand.sentence, []).append(cand)
        for si, (a, b) in enumerate(self.sentences[p]):
            in_sentence = by_sentence.get(si, [])
            attributed_later: Candidate | None = None
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
                    self.ctx.last_quoted = cand.person
            if intro and intro[2] == si:
                span, ref, _si, attribution, how, note = intro
                person, how, sure, note = self._speaker(p, ref, how) if ref else (
                    None, "", False, note)
                self.ctx.note(person)
                next_pending = Pending(person, attribution, how, sure, note)
                self.excluded.setdefault(p, []).append(span)
            self._note_refs(p, si)
            if p > 0:
                self._sentence_claims(p, si, a, b, in_sentence)
        return next_pending


    def _note_refs(self, p: int, si: int) -> Person | None:
        refs = self.refs.get((p, si), [])
        subject = None
        text = self.paras[p]
        a, b = self.sentences[p][si]
        first = tokenize(text, a, min(b, a + 20))[:1]
        if first and first[0].low in lexicon().pronouns and not (
                refs and refs[0].start == a and refs[0].text.lower() != first[0].low):
            # "She noted that Prime Minister X was …", "Er folgt auf Prof. X": the sentence
            # is about the person "she" stands for, not about X (a pronoun read as a bare
            # word is the pronoun still).
            subject = False
        together: list[Person] = []
        about: list[Person] = []  # ("paid tribute to X": the one the sentence speaks about)
        for i, ref in enumerate(refs):
            if ref.kind == "org":
                self.registry.saw_org(ref.name)
                if ref.org:
                    self.registry.saw_acronym(ref.name, ref.org)
                continue
            person = self.ctx.resolve(ref)
            if person is None or ref.possessive or person in self.declined:
                continue
            if not person.is_org and person not in together and ref.kind != "title":
                together.append(person)  # named, not only called "the midfielder"
                self.named_by_name.add(person)
                if spoken_about(text, a, ref.start):
                    about.append(person)
            if not person.is_org:
                self.ctx.last_named = person
                self.named_in.setdefault(p, {})[person] = ref.start
            if subject is None:
                subject = person
                group = i + 1 < len(refs) and text[ref.end:refs[i + 1].start].strip() == "and"
                self.ctx.note(person, group=group)
        self.ctx.named_together(together, about)
        return subject or None

