"""Quotes over several paragraphs (steps 1 and 5 of ``pipeline``): a paragraph that goes on
with the quote before it, with a fresh mark, with none or set as a block quotation, and the
speaker the segments of one quote share."""

from __future__ import annotations

import re

from .attribution import parse_after
from .attribution_lines import SIGNATURE
from .candidate import Candidate
from .claims import repeats
from .frames import (
    is_statement_headline,
    statement_subject,
)
from .languages import lexicon
from .lexicon import FIRST_PERSON
from .model import Quote
from .name_shape import NameShape
from .names import find_refs
from .quotes import Span, continuation_span
from .speakers import Person
from .text import rstrip_end
from .tokens import Ref, tokenize

_ANY_MARK = re.compile("[“”„«»\"]")


# The ways of finding a speaker where the text itself gives the speaker's name.
_NAMED_AS_SPEAKER = frozenset(["named", "statement", "headline", "signature", "introduced"])


class QuoteChains:
    """Links the segments of a quote running over paragraphs and gives them one speaker."""

    def _link_chains(self) -> None:
        marked = [p for p, cands in enumerate(self.candidates) if cands]
        last_marked = marked[-1] if marked else -1
        for p in range(1, len(self.paras)):
            prev = [c for c in self.candidates[p - 1] if c.accepted]
            cur = self.candidates[p]
            if not prev:
                continue
            last = prev[-1]
            if last.span.close is None and last.span.raw_end >= len(self.paras[p - 1]) - 1 \
                    and (not cur or cur[0].span.open != 0):
                cur = self._carried_over(p) or cur
                # (a term in quote marks inside it, "a ‘going concern’", is no quote of its own)
                if last.span.family == "double" and cur and cur[0].span.open != 0:
                    for c in cur:
                        if c.span.family == "single":
                            c.accepted = False  # ‘…’ nested inside the open “…”
                if not any(c.accepted for c in cur) and (
                        self._resumed_after(p) and self._first_person(p)
                        or self._closed_later(p)
                        or self._voice_goes_on(p)
                        or p > last_marked and self._statement_opened(last.head or last)):
                    cur = self._unmarked_continuation(p, last.span.family)
            if not cur:
                continue
            first = cur[0]
            if last.span.close is None and last.span.raw_end >= len(self.paras[p - 1]) - 1 \
                    and first.span.open == 0 and last.span.family == first.span.family:
                first.accepted = True
                first.chain_prev = last
                first.head = last.head or last

    def _statement_opened(self, head: Candidate) -> bool:
        """ "X issued the following statement: / “A … / B … / C …": a statement opened under
        its statement line and never closed (the copy stops) runs on to the end, every
        paragraph of it, when no paragraph after it holds a quote mark."""
        q = head.paragraph
        return head.span.open == 0 and q > 0 and len(self.paras[q - 1]) < 600 \
            and statement_subject(self.paras[q - 1], 0, len(self.paras[q - 1])) is not None

    def _resumed_after(self, p: int) -> bool:
        """Paragraph ``p`` (no quote marks) sits inside a quote running over several
        paragraphs: one of the next few paragraphs goes on with it, reopening with a fresh
        mark or closing it without one, before any paragraph of narrative."""
        for q in range(p + 1, min(p + 4, len(self.paras))):
            text = self.paras[q]
            if text[:1] in "“\"«„" or continuation_span(text) is not None:
                return True
            if any(c.accepted for c in self.candidates[q]) or len(text) > 1500:
                return False
        return False

    def _closed_later(self, p: int) -> bool:
        """ "« A … / B … / C … », a déclaré X": the quote left open before paragraph ``p``
        is closed, without being reopened, by one of the next seven paragraphs, and nothing
        between holds a quote mark: every paragraph up to that mark is the quote's (French
        and Spanish releases mark only its two ends; a communiqué printed whole is one quote
        of several numbered points)."""
        for q in range(p, min(p + 8, len(self.paras))):
            text = self.paras[q]
            if q > p and text[:1] not in "“\"«„" and continuation_span(text) is not None:
                return not any(_ANY_MARK.search(self.paras[r]) for r in range(p, q))
            if _ANY_MARK.search(text) or len(text) > 1500 or not any(c.isalnum() for c in text):
                return False
        return False

    def _voice_goes_on(self, p: int) -> bool:
        """ "Y, comentó: “A … / B … nuestra … / C … nos …" with no closing mark anywhere: a
        quote left open at the end of its paragraph, whose closing mark the copy lost, goes
        on through the unmarked paragraphs that speak in the speaker's first person, and
        through one that leads into such a paragraph ("Today the Group is well placed. / First,
        our …"); the first paragraph of narrative after them ends it."""
        for q in (p, p + 1):
            if q >= len(self.paras) or _ANY_MARK.search(self.paras[q]) \
                    or any(c.accepted for c in self.candidates[q]):
                return False
            if self._first_person(q):
                return True
        return False

    def _first_person(self, p: int) -> bool:
        """Paragraph ``p`` speaks in the first person ("we", "our", "nous", "wir", "nuestro"),
        as a speaker's words do and a release's narrative does not."""
        words = FIRST_PERSON.get(lexicon().code, FIRST_PERSON["en"])
        return any(t.low in words for t in tokenize(self.paras[p], 0, 1500))

    def _unmarked_continuation(self, p: int, family: str) -> list[Candidate]:
        """ "“We had a remarkable year. / Our teams delivered … / “We will build on it.”": a
        paragraph with no marks between two of a quote is the quote's next segment."""
        text = self.paras[p]
        end = rstrip_end(text, len(text))
        if not end:
            return []  # a blank paragraph holds none of the quote's words
        span = Span(0, None, 0, end, family, len(text))
        cand = Candidate(p, span, 0)
        cand.accepted = True
        self.candidates[p] = [cand]
        self.opens[p] = [0]
        return self.candidates[p]

    def _carried_over(self, p: int) -> list[Candidate] | None:
        """A paragraph continuing the quote before it without reopening it: its text up to
        the closing mark becomes the quote's next segment."""
        span = continuation_span(self.paras[p])
        if span is None:
            return None
        span.open = 0
        cand = Candidate(p, span, 0)
        text = self.paras[p]
        # "… municipal », a déclaré la mairesse, X.": the attribution after its closing mark
        # names the speaker of the whole quote.
        sentence_end = next((b for a, b in self.sentences[p] if b > span.outer_end), len(text))
        cand.after = parse_after(text, span.outer_end, sentence_end)
        cand.name_after(text)
        rest = [c for c in self.candidates[p] if c.span.open >= span.outer_end]
        self.candidates[p] = [cand, *rest]
        self.opens[p] = [c.span.open for c in self.candidates[p]]
        return self.candidates[p]


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
                if cand.paragraph == 0 and (source is None or source.person.is_org):
                    # ("PM: “…”": a label read as a body, when the body gives the words again
                    # with the person who said them)
                    source = self._repeated_in_body(cand) or source
                elif source is None and cand.note.startswith("no attribution"):
                    # A standfirst giving the words a later paragraph attributes again.
                    source = self._repeated_in_body(cand)
                person = source.person if source else None
                how = source.how if source else ""
                shape_note = ""
                if person is not None and not person.is_org:
                    name = person.name
                    person, shape_note = self._person_shaped(person)
                    if person is None and how in _NAMED_AS_SPEAKER \
                            and self._name_shape.names_a_body(name):
                        # "Extinction Rebellion sobre …: «…»": a body the text itself makes
                        # the speaker speaks as the organisation.
                        person, how = self.registry.add_org(name), "organization"
                attribution = next((m.attribution for m in members if m.attribution), "")
                role = next((m.role for m in members if m.role), "")
                note = "" if person else shape_note or next(
                    (m.note for m in members if m.note), "")
                for m in members:
                    span = m.span
                    self.quotes[m.index] = Quote(
                        text=self.paras[m.paragraph][span.inner_start:span.inner_end],
                        speaker=person.name if person else None,
                        role=(person.role if person else role),
                        paragraph=m.paragraph, start=span.inner_start, end=span.inner_end,
                        attribution=m.attribution or (attribution if m is not cand else ""),
                        continues=None if m is cand else cand.index,
                        speaker_how=(how if m is source or m is cand
                                     else "continues") if person else "",
                        speaker_sure=bool(person) and source.sure,
                        speaker_note=(source.note if person else note),
                    )
                    if person is not None:
                        person.output = True

    def _person_shaped(self, person: Person) -> tuple[Person | None, str]:
        """The speaker a quote is given, once its name has a person's shape: words that are
        no part of the name cut off ("Verleger Oliver X" is Oliver X, whom the registry may
        know by a fuller name), or no one with the reason ("“Santa Ana” is the place in the
        dateline"). Every way of finding a speaker ends here."""
        if person not in self._shaped:
            if self._name_shape is None:
                self._name_shape = NameShape(self.paras, lexicon().code)
            name, why = self._name_shape.check(person.name)
            if name is None or name != person.name:
                person.output = False
            if name is not None and name != person.name:
                kept = self.registry.add_person(Ref("person", 0, 0, name, name=name),
                                                output=True)
                if kept is person:  # (known by no other form: the words cut off go)
                    person.name = name
                kept.role, kept.org = kept.role or person.role, kept.org or person.org
                self._shaped[person] = (kept, "")
            else:
                self._shaped[person] = (person if name else None, why)
        return self._shaped[person]

    def _repeated_in_body(self, head: Candidate) -> Candidate | None:
        """ "‘We will not back down,’ says union leader" over a body that gives the words
        again with their speaker: the headline's quote (or the standfirst's) is theirs."""
        text = self.paras[head.paragraph][head.span.inner_start:head.span.inner_end]
        if head.paragraph == 0 and len(self.paras[0]) > 2000:
            return None  # (a "headline" of thousands of characters is no headline)
        for cands in self.candidates[1:200]:
            for cand in cands:
                if cand.accepted and cand.person is not None and cand is not head and repeats(
                        text, self.paras[cand.paragraph][cand.span.inner_start:
                                                         cand.span.inner_end]):
                    return cand
        return None

    def _headline_speaker(self, head: Candidate) -> Candidate | None:
        """A quote no phrase attributes, under a headline that calls the release one
        person's statement ("Statement by X", "Stellungnahme … / X, Role"): that person."""
        if self._headline_person is False:
            self._headline_person = None
            title = self.paras[0]
            if not is_statement_headline(title) and len(self.paras) > 2 \
                    and self._statement_standfirst():
                # "Ferry closure / Statement from Mayor Jane X / …": a standfirst under the
                # headline says whose statement the release is, as a headline does.
                title = self.paras[1]
                self._headline_person_at = 1
            if is_statement_headline(title):
                by = statement_subject(title, 0, len(title))
                if by is not None and title.islower():
                    # "statement by senator jane doe on …": a headline all in lower case (a
                    # page address's words); whose statement it is, read capitalised.
                    title = title[:by[0]] + title[by[0]:by[1]].title() + title[by[1]:]
                people = [r for r in find_refs(title, *(by or (0, len(title))))
                          if r.kind == "person"]
                if len(people) == 1:
                    person, how, sure, note = self._speaker(0, people[0])
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
        found = Candidate(head.paragraph, head.span, head.sentence)
        found.person, found.how, found.sure = self._headline_person, "headline", False
        found.note = "named only in the headline" if self._headline_person_at == 0 else \
            "named only in the standfirst"
        return found


    def _statement_standfirst(self) -> bool:
        """The paragraph under the headline is a short line opening on "Statement by X",
        "Erklärung von X" (a few words before the name at most), with no quote."""
        line = self.paras[1]
        by = statement_subject(line, 0, len(line))
        return by is not None and len(line.split()) <= 25 and not any(
            c.accepted for c in self.candidates[1]) and len(line[:by[0]].split()) <= 3

    def _named_inside(self, cand: Candidate) -> bool:
        """A speaker found by inference who is named inside the quote itself ("To her
        credit, Minister Jane Doe listened") is someone else's subject, not its speaker."""
        text = self.paras[cand.paragraph][cand.span.inner_start:cand.span.inner_end]
        if cand.person is not None and cand.person.is_org:
            # (a body's name ends in its town's, which its own words may well name)
            return cand.person.name in text
        surname = cand.person.name.split()[-1] if cand.person else ""
        return len(surname) > 2 and re.search(rf"\b{re.escape(surname)}\b", text) is not None



def block_quotation(text: str) -> list[Span]:
    """A paragraph set as a block quotation without quote marks: its whole text is the quote
    (not a signature line under it, "— Jane Doe, Director", nor a few words)."""
    if len(text.split()) < 4 or SIGNATURE.match(text) and len(text.split()) <= 25:
        return []
    return [Span(0, None, 0, rstrip_end(text, len(text)), "double", len(text))]
