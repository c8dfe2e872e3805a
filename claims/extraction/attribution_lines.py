"""Lines that introduce or sign a quote: "Dr Jane Doe, Director of X, said:" closing the
paragraph before a quote-only one, "X made the following statement:", and the signature line
under a quote ("- The Honourable Jane Doe, Minister of X")."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from .attribution import Attribution, parse_before
from .candidate import TRIM, Candidate, subject_ref
from .frames import BYLINE, names_several, statement_subject
from .languages import lexicon
from .lexicon import EVENT_VERBS, FIRST_PERSON_SINGULAR, FUNCTION_WORDS
from .lexicon import word_set as _words
from .organisations import is_org_word
from .speakers import Person
from .subjects import analyze_subject
from .text import UPPER, rstrip_end
from .tokens import Ref, tokenize

SIGNATURE = re.compile(r"\s*[-–—―]+\s*(?=[" + UPPER + "])")
_NAME_LINE = re.compile(r"(?=[" + UPPER + "])")
_IN_BRACKETS = re.compile(r"\(\s*(?=[" + UPPER + "])")
# Small words inside an organisation's name ("Board of Trustees of the X Trust").
_NAME_JOINS = _words("of the and for in on at &")


# Words that open a clause, not a role: relative pronouns and the verbs that carry one.
_CLAUSE_WORDS = _words("""
    who which whose is are was were has have had will would can could may might does did
    welcher welche ist sind war waren hat haben wird werden
    qui dont est sont était ont sera quien cuyo es son era fue ha han será
""")


def _goes_on_as_a_sentence(line: str, name_end: int) -> bool:
    """ "Jane Doe, who founded the bakery, now employs 40 people.": after the name, a
    clause (a relative pronoun, a verb) or a last part that opens on a common lower-case
    word, not a role ("founder of X", "Director of Y"): narrative, not a signature."""
    toks = tokenize(line, name_end, len(line))
    if any(t.low in _CLAUSE_WORDS and not t.cap for t in toks):
        return True
    last = tokenize(line, line.rfind(",", name_end) + 1, len(line))[:1]
    return bool(last) and line.rfind(",", name_end) >= 0 and not last[0].cap \
        and last[0].cls not in ("R", "H", "P") and last[0].low not in lexicon().determiners \
        and (last[0].low not in FUNCTION_WORDS or last[0].low in _ADVERBS) \
        and last[0].low not in _PREPOSITIONS  # ("…, on the launch of X": a signature's topic)


_ADVERBS = _words("also today yesterday tomorrow tonight later earlier then thus meanwhile "
                  "however")
_PREPOSITIONS = _words("sur sobre zu über en à au aux con mit para pour por bei von")


def _plain_words(name: str) -> list[str]:
    """A name's words, lower case and without accents, as a signature in capitals may drop
    them ("EYMEOUD" for "Eyméoud")."""
    return ["".join(c for c in unicodedata.normalize("NFD", w) if not unicodedata.combining(c))
            for w in name.lower().split()]


def _signature(line: str) -> tuple[re.Match, Ref | None] | None:
    """Whether ``line`` is a signature: a dash, "By" or nothing before a name (or a title)
    and what role or place follows it, and nothing else (no verb, no clause). (where the
    name starts, the person's reference), with no reference for a line of capitalised
    words that may be an organisation's; None for anything else."""
    m = SIGNATURE.match(line) or BYLINE.match(line) or _NAME_LINE.match(line)
    if not m or len(line.split()) > 30:
        return None
    ref = analyze_subject(line, m.end(), len(line), after_verb=True)
    if ref is None or ref.kind not in ("person", "surname", "title"):
        return m, None
    if not SIGNATURE.match(line) and (ref.kind != "person" or ref.start != m.end() or not (
            line.startswith(",", ref.end) or ref.end >= len(line.rstrip(". ")))
            or line.rstrip().endswith(":")
            or any(t.low in lexicon().speech_verbs or t.low in EVENT_VERBS
                   or t.low in lexicon().participles for t in tokenize(line))
            or _goes_on_as_a_sentence(line, ref.end)):
        return None  # a name line: "Jane Doe, Director of X." and nothing else
    return m, ref


class AttributionLines:
    """The lines around quotes that say whose they are (a mixin of ``pipeline._Document``)."""

    def _intro(self, p: int, cands: list[Candidate]):
        """ "Dr Jane Doe, Director of X, said:" closing a paragraph before a quote-only one."""
        text = self.paras[p]
        if not self.sentences[p] or p + 1 >= len(self.paras) or (
                self.paras[p + 1][:1] not in "“\"‘'«„" and p + 1 not in self.quoted):
            return None
        si = len(self.sentences[p]) - 1
        lo = self.sentences[p][si][0]
        if not cands and len(text) <= 60:
            # "SASHA SNOW" / "Jane Doe:" alone above a paragraph opening a quote: a byline
            # or a speaker's label, naming whose words follow.
            ref = analyze_subject(text, 0, len(text), after_verb=True)
            if ref is not None and ref.kind == "person" and not text[:ref.start].strip() \
                    and not text[ref.end:].strip(" .:"):
                return (0, len(text)), ref, si, text.strip(TRIM), "introduced", ""
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
            return (a, len(text)), ref, si, text[a:len(text)].strip(TRIM), "statement", ""
        att = parse_before(text, lo, len(text))
        if att is None:
            return None
        if names_several(text, att.subj_lo, att.subj_hi):
            return (att.start, len(text)), None, si, "", "introduced", "the attribution " \
                "names several people"
        ref = subject_ref(text, att) or self._body_introducing(text, att)
        if ref is None:
            return None
        start = att.start if att.after_verb else min(ref.start, att.end)
        span = (start, len(text))
        return span, ref, si, text[start:att.end].strip(TRIM), "introduced", ""


    def _body_introducing(self, text: str, att: Attribution) -> Ref | None:
        """ "The club, in a statement, said:" over the quotes: a kind of body names the one
        organisation of that kind named before, as it does beside a quote; an aside after
        the noun ("in a statement") is no part of the subject."""
        comma = text.find(",", att.subj_lo, att.subj_hi)
        subject = replace(att, subj_hi=comma) if comma >= 0 else att
        org = self._org_by_common_noun(text, subject)
        if org is None:
            return None
        return Ref("org", att.subj_lo, subject.subj_hi, text[att.subj_lo:subject.subj_hi],
                   name=org.name)

    def _trailer(self, p: int, cands: list[Candidate]):
        """ "- The Honourable Jane Doe, Minister of X" as the paragraph after a quote: the
        signature line that Canadian and many corporate releases put under each quote."""
        if not cands or p + 1 >= len(self.paras) or any(
                c.accepted for c in self.candidates[p + 1]):
            return None  # (a campaign's name in quote marks on the line is no quote)
        text = self.paras[p]
        if len(text[cands[-1].span.outer_end:].strip(" .")) > 0:
            return None
        line = self.paras[p + 1]
        signature = _signature(line)
        if signature is None:
            return None
        m, ref = signature
        if ref is None:
            person = self._org_signature(line, m.end(), cands)
        else:
            person = self._resolve(ref)
            if person is not None and ref.kind == "person":
                person = self._as_signed(person, ref.name)
        if person is None:
            return None
        person.output = True
        self.excluded.setdefault(p + 1, []).append((0, len(line)))
        for cand in cands:
            head = cand.head or cand
            if head is not cand and head.after is None and head.before is None:
                head.person, head.how, head.sure, head.note = person, "signature", True, ""
        self._sign_quotes_above(p, person)
        return person, line[m.end():].strip(TRIM)

    def _release_signer(self) -> Person | None:
        """The person whose name line ends the release ("Tilda X, Mayor of Y"), who wrote
        it: in a release in the first person, whom "I" stands for. Read once."""
        if self._signer is False:
            self._signer = None
            last = self.paras[-1] if len(self.paras) > 2 else ""
            signature = _signature(last) if not self.candidates[-1] else None
            if signature is not None and signature[1] is not None \
                    and signature[1].kind == "person" and self._first_person_body():
                person = self._resolve(signature[1])
                if person is not None and not person.is_org:
                    self._signer = self._as_signed(person, signature[1].name)
        return self._signer

    def _first_person_body(self) -> bool:
        """The release's own words, outside its quotes, say "I" in more than one sentence:
        it is written in the first person, not only a sentence of it."""
        words = FIRST_PERSON_SINGULAR.get(lexicon().code, ())
        sentences = 0
        for p in range(1, len(self.paras)):
            for a, b in self.sentences[p]:
                sentences += any(t.low in words for lo, hi in self._free_ranges(p, a, b)
                                 for t in tokenize(self.paras[p], lo, hi))
                if sentences > 1:
                    return True
        return False

    def _as_signed(self, person: Person, signed: str) -> Person:
        """Who signs writes their own name in full: the one name the release reads elsewhere
        with more words before the signed ones ("maire de Vars Pierre X" read as "Vars
        Pierre X", signed "Pierre X, maire de Vars") is the signer's, and the words before
        are none of it; it keeps the release's spelling ("Eyméoud" for "EYMEOUD")."""
        mine = _plain_words(signed)
        longer = [other for other in self.registry.people if not other.is_org
                  and len(_plain_words(other.name)) > len(mine) >= 2
                  and _plain_words(other.name)[-len(mine):] == mine]
        if len(longer) != 1:
            return person
        kept = longer[0]
        kept.name = " ".join(kept.name.split()[-len(mine):])
        if person is not kept:
            person.output = False
        return kept

    def _sign_quotes_above(self, p: int, person: Person) -> None:
        """A statement of several paragraphs of quote is signed once, under its last: the
        signature is the speaker of each paragraph of quote right above it that says
        nothing else and names no speaker of its own. A paragraph of narrative, or a quote
        with an attribution or a speaker, ends the statement."""
        for q in range(p - 1, 0, -1):
            if not self._unattributed_quote(q):
                return
            heads = [c.head or c for c in self.candidates[q] if c.accepted]
            if any(head.after or head.before or head.unnamed for head in heads):
                return
            for head in heads:
                head.person, head.how, head.sure, head.note = person, "signature", True, ""

    def _attributed_at_the_end(self) -> None:
        """ "“A …”. / “B …”, manifestó X.": paragraphs of quote in a row, attributed once after
        the last one's closing mark, are one speaker's; the paragraphs before it that say
        nothing else and name no speaker of their own are X's too, unless the narrative
        before them names someone else."""
        for p in range(2, len(self.paras)):
            cands = [c for c in self.candidates[p] if c.accepted]
            last = cands[0] if cands else None
            if last is None or last.span.open != 0 or last.after is None \
                    or last.person is None or not last.sure or last.person.is_org:
                continue
            q = p - 1
            while q > 1 and self._unattributed_quote(q):
                q -= 1
            if q == p - 1 or set(self.named_in.get(q, {})) - {last.person}:
                continue  # (no run before it, or the narrative names another person)
            for r in range(q + 1, p):
                for cand in self.candidates[r]:
                    if cand.accepted:
                        head = cand.head or cand
                        head.person, head.how, head.sure = last.person, "next_paragraph", False
                        head.note = "the quote after it names its speaker"

    def _unattributed_quote(self, p: int) -> bool:
        """Paragraph ``p`` is all quote, and no rule found whose."""
        cands = [c for c in self.candidates[p] if c.accepted]
        return bool(cands) and self._all_quote(p, cands) and all(
            (c.head or c).person is None and (c.head or c).note.startswith("no attribution")
            for c in cands)

    def _all_quote(self, p: int, cands: list[Candidate]) -> bool:
        """The paragraph holds nothing but its quotes (and the marks and stops around them)."""
        text, pos = self.paras[p], 0
        for cand in cands:
            if text[pos:cand.span.open].strip(" .,;:!?…–—-\u00a0"):
                return False
            pos = max(pos, cand.span.outer_end)
        return not text[pos:].strip(" .,;:!?…–—-\u00a0")

    def _signed_after(self, p: int, cand: Candidate):
        """ "“…” Jane Doe, Director of X.": a quote closed by its full stop and followed, in its
        paragraph, only by a name and a role or place, as a signature line is. (person,
        attribution) or None."""
        text = self.paras[p]
        end = cand.span.outer_end
        if cand.span.close is None or text[cand.span.inner_end - 1:cand.span.inner_end] not in (
                ".", "!", "?", "…") or len(text) - end > 150:
            return None
        line = text[end:].strip()
        lo = len(text) - len(text[end:].lstrip())
        m = SIGNATURE.match(text, lo) or _NAME_LINE.match(text, lo)
        if line[:1] == "(" and line.rstrip(".").endswith(")"):
            m = _IN_BRACKETS.match(text, lo)  # "“…” (Jane Doe, Director of X)"
        if not line or m is None:
            return None
        ref = analyze_subject(text, m.end(), len(text), after_verb=True)
        if ref is None or ref.kind != "person" or ref.start != m.end() or not (
                text.startswith(",", ref.end) or ref.end >= len(text.rstrip(". )"))) \
                or _goes_on_as_a_sentence(text, ref.end) or any(
                    not t.cap and t.cls not in ("R", "H", "P") and t.low not in FUNCTION_WORDS
                    for t in tokenize(text, ref.end, len(text))):
            return None
        person = self._resolve(ref)
        if person is None:
            return None
        person.output = True
        self.excluded.setdefault(p, []).append((end, len(text)))
        return person, text[m.end():].strip(TRIM)

    def _org_signature(self, line: str, lo: int, cands: list[Candidate]) -> Person | None:
        """ "Board of Trustees of the Pellworth Heritage Trust" alone on the line under a
        statement that fills its paragraphs: the organisation signs it. Only a line of
        capitalised words (joined by "of", "and", "the") holding a word for a body counts."""
        first = cands[0].head or cands[0]
        if first.span.open != 0 or first.after is not None or first.before is not None:
            return None
        name = line[lo:].strip(" .")
        toks = tokenize(name)
        if not 2 <= len(toks) <= 14 or not toks[0].cap or name[-1:] in ",;:" or any(
                not t.cap and t.low not in _NAME_JOINS for t in toks) or not any(
                is_org_word(t.low) for t in toks) or len(toks) != len(name.split()):
            return None
        return self.registry.add_org(name)


    def _statement_before(self, p: int, cand: Candidate) -> bool:
        """ "Chief Jane Doe made the following statement regarding the incident, “…”": a
        statement line leading into the quote in its own sentence names its speaker."""
        text = self.paras[p]
        sentences = self.sentences[p]
        lo = sentences[cand.sentence][0] if sentences else 0
        hi = rstrip_end(text, cand.span.open)
        if hi - lo < 10 or text[hi - 1] not in ",:" or hi - lo > 400:
            return False
        found = statement_subject(text, lo, hi)
        if found is None or names_several(text, *found):
            return False
        ref = analyze_subject(text, found[0], found[1], after_verb=False)
        if ref is None:
            return False
        cand.person, how, cand.sure, cand.note = self._speaker(p, ref, "statement")
        cand.how = how if cand.person is not None else ""
        cand.attribution_span = (ref.start, hi)
        cand.attribution = text[ref.start:hi].strip(TRIM)
        return True

