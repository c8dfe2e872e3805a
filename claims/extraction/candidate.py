"""A quote span with what surrounds it, and the reference its attribution makes: what the
steps of ``pipeline`` pass between them."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .attribution import Attribution, latter_word
from .frames import (
    implied_ref,
    pronoun_ref_of,
)
from .languages import lexicon
from .quotes import Span
from .speakers import Person
from .subjects import analyze_subject
from .text import rstrip_end
from .tokens import Ref, tokenize

TRIM = " \t,;:—–-"


@dataclass
class Candidate:
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
    title: bool = False  # a title in quote marks, named so by the words before it
    chain_prev: Candidate | None = None
    head: Candidate | None = None  # the first segment of the quote this one continues
    person: Person | None = None
    how: str = ""  # model.SPEAKER_HOW
    sure: bool = False
    note: str = ""  # why there is no speaker (or why it is unsure)
    role: str = ""
    attribution: str = ""
    attribution_span: tuple[int, int] | None = None
    index: int = -1
    next_attributed: Candidate | None = None  # the next quote of its sentence with a phrase
    chain: list[Candidate] = field(default_factory=list)

    def name_after(self, text: str) -> None:
        """Read who the attribution after the quote names; one naming no one we can tell is
        kept as ``unnamed`` instead."""
        if self.after is not None:
            self.after_ref = subject_ref(text, self.after)
            if self.after_ref is None:
                self.unnamed, self.after = self.after, None



@dataclass
class Pending:
    """What a paragraph ending "X said:" hands to the quote opening the next one."""

    person: Person | None
    attribution: str
    how: str
    sure: bool
    note: str



def subject_ref(text: str, att: Attribution) -> Ref | None:
    """The reference an attribution's subject makes (a pronoun inside the verb, a subject
    the language leaves out, "the latter", or the phrase's words)."""
    if att.pronoun:
        ref = pronoun_ref_of(text, att.start, att.pronoun)
        ref.plural = ref.plural or att.plural
        return ref
    if att.implied:
        ref = implied_ref(att.start)
        ref.plural = att.plural
        return ref
    words = tokenize(text, att.subj_lo, att.subj_hi)[:3]
    if any(latter_word(t.low) and not (k and words[k - 1].low in _FINALLY_BEFORE)
           for k, t in enumerate(words)):
        ref = pronoun_ref_of(text, att.subj_lo, "latter")
        ref.text = text[att.subj_lo:att.subj_hi]
        return ref
    if len(words) == 3 and words[0].low in _BACK_DETERMINERS and words[1].low in _SAME \
            and words[2].low in _SOURCE:
        # "ajoute la même source", "precisó la misma fuente": whoever was quoted last.
        return Ref("pronoun", words[0].start, words[2].end,
                   text[words[0].start:words[2].end], name="source")
    every = tokenize(text, att.subj_lo, att.subj_hi)
    if len(every) == 4 and every[0].low in _BACK_DETERMINERS and every[1].low in _GENERIC \
            and every[2].low in ("de", "del", "du", "of", "aus", "von") and every[3].cap:
        # "reafirmó el político de Tepetitán": the person just talked about, by where they
        # come from, found as a pronoun is.
        return Ref("pronoun", every[0].start, every[1].end,
                   text[every[0].start:every[3].end], name=every[1].low,
                   gender=_GENERIC[every[1].low])
    ref = analyze_subject(text, att.subj_lo, att.subj_hi, after_verb=att.after_verb)
    if ref is None:
        head = _head_of_body(text, att)
        if head is not None:
            return head
        words = tokenize(text, att.subj_lo, att.subj_hi)[:3]
        noun = words[1].low.rsplit("-", 1)[-1] if len(words) >= 2 else ""
        if (len(words) == 2 or len(words) == 3 and not words[2].cap and noun in _GENERIC) \
                and words[0].low in _BACK_DETERMINERS and (
                noun in _GENERIC or _AGE_NOUN.fullmatch(words[1].low)):
            # "indicó la funcionaria", "said the official", "the 52-year-old told",
            # "kündigte die Grünen-Politikerin an", "puntualizó el funcionario federal": the
            # person just talked about, found as a pronoun is (and left empty when two
            # people fit).
            gender = _GENERIC.get(noun, "")
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


def _head_of_body(text: str, att: Attribution) -> Ref | None:
    """ "sostuvo la máxima autoridad universitaria" (or between commas: "sostuvo a través
    de un comunicado, la máxima autoridad universitaria, precisando"): the person at the
    head of the body the release is about, found as a pronoun is (and left empty when two
    people fit)."""
    lo = att.subj_lo
    while lo < att.subj_hi:
        hi = text.find(",", lo, att.subj_hi)
        hi = att.subj_hi if hi < 0 else hi
        top = tokenize(text, lo, hi)
        if len(top) in (3, 4) and top[0].low in _BACK_DETERMINERS and top[1].low in _TOP \
                and top[2].low in _HEADS and (len(top) == 3 or not top[3].cap):
            return Ref("pronoun", top[0].start, top[2].end, text[top[0].start:top[2].end],
                       name=top[2].low)
        lo = hi + 1
    return None


# Nouns that stand for a person just named, like a pronoun, and the sex they tell.
_GENERIC = {"official": "", "funcionario": "m", "funcionaria": "f", "politician": "",
            "politiker": "m", "politikerin": "f", "élu": "m", "élue": "f", "dirigente": "",
            "dirigeant": "m", "dirigeante": "f", "expert": "", "experte": "f", "experta": "f",
            "experto": "m", "expertin": "f", "político": "m", "política": "f"}
# "la máxima autoridad", "le plus haut responsable": the person at the head of a body (a
# bare "autoridad" may be the body itself: "la autoridad sanitaria").
_TOP = frozenset(["máxima", "máximo", "top", "highest"])
_HEADS = frozenset(["autoridad", "responsable", "official", "representante", "dirigente"])
_SAME = frozenset(["même", "misma", "mismo", "same", "selbe", "gleiche"])
_SOURCE = frozenset(["source", "fuente", "quelle"])
# "Por último", "en dernier": "finally", not "the latter".
_FINALLY_BEFORE = frozenset(["por", "en"])
_AGE_NOUN = re.compile(r"\d{1,3}-year-old")
_BACK_DETERMINERS = frozenset(["the", "la", "el", "le", "l", "der", "die"])



def trim(text: str, lo: int, hi: int) -> tuple[int, int]:
    while lo < hi and text[lo] in TRIM:
        lo += 1
    while hi > lo and text[hi - 1] in TRIM:
        hi -= 1
    return lo, hi
