"""Who the subject of a verb of speech is: the reference a phrase beside the verb names
("said Jane Doe, professor of …", "Speaking at the launch, Dr Jane Doe said"), a pronoun,
a name printed in capitals, and whether a name is the object of another verb instead."""

from __future__ import annotations

import re
import unicodedata
from dataclasses import replace

from .languages import is_role_word, lexicon
from .lexicon import EVENT_VERBS, NON_NAME_WORDS, ORG_WORDS
from .lexicon import word_set as _words
from .names import find_refs
from .text import UPPER
from .tokens import Ref, tokenize


def pronoun_ref(s: str, lo: int, hi: int) -> Ref | None:
    """The first personal pronoun in ``s[lo:hi]`` ("he", "She", "they")."""
    pronouns = lexicon().pronouns
    for t in tokenize(s, lo, hi):
        if t.low in pronouns and (not t.cap or t.low not in ("her", "him", "them")) \
                and (len(t.text) == 1 or not t.text.isupper()):
            gender = pronouns[t.low]
            return Ref("pronoun", t.start, t.end, t.text, gender=gender if gender in "mf" else "",
                       plural=gender == "p", name=t.low)
    return None


def analyze_subject(s: str, lo: int, hi: int, *, after_verb: bool) -> Ref | None:
    """The speaker reference in a subject phrase next to a speech verb.

    After the verb ("said Jane Doe, professor of ..."), the first reference counts. Before
    it ("Speaking at the launch, Dr Jane Doe, Head of X, said"), the reference in the last
    comma-separated part that has one counts, with the role written beside it.
    """
    if lo >= hi:
        return None
    cased = _ordinary_case(s, lo, hi)
    if cased is not None:
        ref = analyze_subject(cased, 0, len(cased), after_verb=after_verb)
        return replace(ref, start=ref.start + lo, end=ref.end + lo) if ref else None
    refs = find_refs(s, lo, hi)
    pron = pronoun_ref(s, lo, hi)
    candidates = refs + ([pron] if pron else [])
    if not candidates:
        return None
    candidates.sort(key=lambda r: r.start)
    if after_verb:
        first = _named_in_phrase(candidates, 0, s)
        if first.kind in ("person", "surname", "bare") and "," not in s[lo:first.start] \
                and (_OF_SOMEONE.search(s, lo, first.start) and not first.role
                     or first.possessive):
            # "a dit l’allié politique de Jean X", "said the brother of John X", "said John
            # X’s daughter": the speaker is the one described, not the person named after
            # "of" or before "’s"; named, it is after a comma ("…, Jane X").
            return _apposed(candidates, first, s)
        if first.kind in ("title", "org", "bare"):
            # "sagte die neue Vorsitzende des Ausschusses, die Bundesrätin Christine X",
            # "said The University of Y, Acting Vice-Chancellor, Professor Gurmeet Singh":
            # the person the title or organisation introduces, a few phrases on.
            later = next((c for c in candidates if c.start > first.start
                          and c.kind in ("person", "surname") and not c.possessive
                          and s.count(",", first.end, c.start) <= 2
                          and s[first.end:c.start].split()[-1:] not in _ON_BEHALF
                          and not any(w in _CONJUNCTIONS for w in
                                      s[first.end:c.start].lower().split())), None)
            if later is not None:
                return later
        return first
    comma = s.rfind(",", lo, hi)
    tail = s[comma + 1:hi].split() if comma >= 0 else []
    if len(tail) == 1 and tail[0].lower() in _RELATIVE:
        # "X thanked Y, who said:": the one named right before "who" speaks.
        before = [c for c in candidates if c.end <= comma
                  and c.kind in ("person", "surname", "bare") and not c.possessive]
        named = [c for c in before if c.kind != "bare"] or before
        if named:
            return named[-1]
    candidates = [c for c in candidates if not _in_relative_clause(s, lo, hi, c)]
    for kinds in (("person", "surname", "title", "pronoun"), ("bare",), ("org",)):
        chosen = [c for c in candidates if c.kind in kinds and not c.possessive
                  and not object_of_a_verb(s, lo, c.start)
                  and not (c.kind in ("person", "surname") and not c.role
                           and _OF_SOMEONE.search(s, lo, c.start))]
        while len(chosen) > 1:
            last_part = s.rfind(",", lo, chosen[-1].start)
            if last_part < 0 or not _FROM_PLACE.match(s, last_part + 1) \
                    or chosen[0].start > last_part:
                break
            # "Ana Ruiz, del Instituto Pablo Neruda, explica": the part after the comma says
            # where the person named before it works; a name in it is the place's.
            chosen = [c for c in chosen if c.start < last_part]
        if chosen:
            last_part = s.rfind(",", lo, chosen[-1].start)
            first = next(i for i, c in enumerate(chosen) if c.start > last_part)
            ref = _named_in_phrase(chosen, first, s)
            if ref.kind == "title" and first and chosen[first - 1].kind == "person" and (
                    _APPOSITION.fullmatch(s, chosen[first - 1].end, ref.start)
                    or _second_role(s, chosen[first - 1].end, ref)):
                # "The Rt Hon Jane X MP, Secretary of State for Y, who …, said": the role
                # after her name is hers, and she is the subject.
                return chosen[first - 1]
            return ref
    return None


def _second_role(s: str, name_end: int, title: Ref) -> bool:
    """ "Mayor Jane X of Y, MO and President of Z": a role after "and" with no article,
    a few words after a name, is the same person's second role ("and the President of Z"
    is someone else)."""
    between = s[name_end:title.start].split()
    return 0 < len(between) <= 8 and between[-1].lower() in _CONJUNCTIONS \
        and title.text.split()[0].lower() not in lexicon().determiners


# Relative pronouns opening a clause between commas ("X, whom Y praised, said"); not the
# German "der"/"die", which open an apposition as often ("…, die Bundesrätin X, sagte").
_RELATIVE = _words("who whom qui quien")


def _in_relative_clause(s: str, lo: int, hi: int, ref: Ref) -> bool:
    """The reference sits in a clause between commas opened by a relative pronoun, after
    the name it describes ("Hadley, whom Brennan praised, said")."""
    opened = s.rfind(",", lo, ref.start)
    words = s[opened + 1:ref.start].split() if opened >= 0 else []
    return bool(words) and words[0].lower() in _RELATIVE and s.find(",", ref.end, hi) >= 0


# Between a name and the role after it: a comma, maybe letters after the name ("MP", "QC").
_APPOSITION = re.compile(r"(?:\s+[A-Z]{2,4})*\s*,\s*(?:the\s+|a\s+)?")
_OBJECT_LEAD = _words("the a an his her their its our by")


def object_of_a_verb(s: str, lo: int, start: int, *, prepositions: bool = True) -> bool:
    """ "H.E. Mr. X, presented his credentials, thanked the President and said": a name
    right after an English verb in the past (or "joined by") is its object, not the
    subject of the verb of speech further on; so is one right after a preposition ("Asked
    about his new coach, X smiled:", "Together with the Mayor, X said"), but for "according
    to", which names the speaker; and so is the subject of a clause opened by "that". In
    French, German and Spanish, grammar marks the object itself (``_marked_object``)."""
    if lexicon().code != "en":
        return _marked_object(s, lo, start)
    toks = tokenize(s, max(lo, start - 40), start)
    while toks and toks[-1].low in _OBJECT_LEAD and toks[-1].low != "by":
        toks.pop()
    if not toks or s.find(",", toks[-1].end, start) >= 0:
        return False
    low = toks[-1].low
    if low in _SUBORDINATORS:
        return True  # "X suggested that the city manager draw up a policy, adding, “…”"
    if low in _PREPOSITIONS:
        return prepositions and not (low == "to" and len(toks) > 1
                                     and toks[-2].low == "according")
    if toks[-1].cap:
        return False
    return low == "by" or (low.endswith("ed") and len(low) > 4) or low in EVENT_VERBS


# What grammar sets before a person who is a verb's object, never its subject: Spanish's
# personal "a" ("agradeció al embajador X y aseguró que"), German's dative and accusative
# articles ("dankte dem Botschafter X und sagte"), a French compound past's participle ("a
# remercié l'ambassadeur X et a assuré que"). Articles and a role may stand between. Only
# where a second verb joined by "and" follows the object does the object's verb share its
# subject with the verb of speech ("condena a X por haber dicho" leaves X the one who said).
_OBJECT_MARKS = {"es": _words("a al"), "de": _words("dem den einem einen")}
_ARTICLES_BEFORE_A_ROLE = {
    "es": _words("el la los las su sus"),
    "fr": _words("le la les l son sa ses leur"),
    "de": _words("dem den einem einen seinem seinen ihrem ihren"),
}
_FRENCH_AUXILIARIES = _words("a ont avait avaient")
_AND_NEXT_VERB = re.compile(r"[^,;:.()“”„«»\"]{0,80}?\s(?:y|e|et|und)\s+[^\W\d_A-ZÀ-Þ]")


def _marked_object(s: str, lo: int, start: int) -> bool:
    """The name at ``start`` follows a mark of a verb's object (see ``_OBJECT_MARKS``), with
    at most an article and a role between them, and "and" a second verb after it."""
    code = lexicon().code
    toks = tokenize(s, max(lo, start - 60), start)
    while toks and (toks[-1].cls in ("R", "H") or is_role_word(toks[-1].low)):
        toks.pop()
    marks = _OBJECT_MARKS.get(code, frozenset())
    if toks and toks[-1].low in _ARTICLES_BEFORE_A_ROLE.get(code, ()) \
            and toks[-1].low not in marks:
        toks.pop()
    if not toks or toks[-1].cap or s.find(",", toks[-1].end, start) >= 0 \
            or not _AND_NEXT_VERB.match(s, start):
        return False
    if code == "fr":
        return len(toks) > 1 and toks[-2].low in _FRENCH_AUXILIARIES \
            and toks[-1].low.endswith(("é", "ée", "és"))
    return toks[-1].low in marks


_PREPOSITIONS = _words("""about with to for from into towards alongside among against
    beside besides behind without""")
# Words opening a clause of its own, whose subject is not the speaker's.
_SUBORDINATORS = _words("that whether")


_OF_SOMEONE = re.compile(r"[^\W\d_]{3,}\s+(?:de|du|des|of|von|vom|del|de la|d[’'])\s*$")
_FROM_PLACE = re.compile(
    r"\s*(?:del|de la|de las|de los|de l[’']|du|des|de|von|vom|of|from|at|bei|beim)\s", re.I)


_TWO_CAPITALS = re.compile(f"[{UPPER}]{{2}}")
_CAPS_WORD = re.compile(r"[^\W\d_]{2,}(?:[’'\-‐‑][^\W\d_]+)*")


def _ordinary_case(s: str, lo: int, hi: int) -> str | None:
    """ "said JEAN DUPONT, president of …", "MARÍA GONZÁLEZ, secretaria, dijo": a subject
    whose name is printed in capitals, read with the name in ordinary case.

    Only a run of two to six capitalised words side by side, each with a vowel and none of
    them an organisation or place word, is a name in capitals ("NATO", "UN", "WHO" alone
    are not; "NATO SECRETARY GENERAL JENS HOLM" keeps "NATO" and reads the role and name).
    Returns ``s[lo:hi]`` so recased (it keeps its length, so offsets still point into the
    paragraph once shifted by ``lo``), or None when it holds no name in capitals."""
    if hi - lo > 400 or not _TWO_CAPITALS.search(s, lo, hi):
        return None
    words = [m for m in _CAPS_WORD.finditer(s, lo, hi) if m.group().isupper()]
    runs: list[list[re.Match]] = []
    for m in words:
        if runs and s[runs[-1][-1].end():m.start()] == " ":
            runs[-1].append(m)
        else:
            runs.append([m])
    changed = None
    for run in runs:
        while run and (run[0].group().lower() in ORG_WORDS or not _has_vowel(run[0].group())
                       or len(run[0].group()) <= 2 and len(run) > 2):
            run = run[1:]  # "NATO SECRETARY …", "UN ENVOY …": an acronym before the role
        people = [m for m in run if not is_role_word(m.group().lower())]
        if not 2 <= len(people) <= 6 or len(run) > 8 or any(
                m.group().lower() in NON_NAME_WORDS or not _has_vowel(m.group()) for m in people):
            continue
        for m in run:
            word = m.group()
            cased = "-".join(part.capitalize() for part in word.split("-"))
            if len(cased) == len(word):
                changed = changed if changed is not None else s[lo:hi]
                changed = changed[:m.start() - lo] + cased + changed[m.end() - lo:]
    return changed


def _has_vowel(word: str) -> bool:
    base = unicodedata.normalize("NFD", word.upper())
    return any(c in "AEIOUY" for c in base)


def _apposed(refs: list[Ref], described: Ref, s: str) -> Ref | None:
    """The person named right after ``described`` and a comma ("la fille de X, Jane Y"), who
    is the one it describes; None when there is none."""
    nxt = next((r for r in refs if r.start > described.end), None)
    if nxt is None or nxt.kind not in ("person", "surname") or nxt.possessive:
        return None
    gap = s[described.end:nxt.start]
    if gap.count(",") != 1 or any(w in _CONJUNCTIONS for w in gap.lower().split()):
        return None
    return nxt


def _named_in_phrase(refs: list[Ref], i: int, s: str) -> Ref:
    """``refs[i]``, unless it is only a modifier or role of a named person written right
    after it in the same phrase: "market committee chair Anna Cavallini", "MTA Chair and CEO
    Jaan Liebermann", "Deputy Prime Minister and Housing Secretary Joanne Treloar"."""
    ref = refs[i]
    if ref.kind not in ("org", "title"):
        return ref
    for nxt in refs[i + 1:]:
        if _PHRASE_BREAK.search(s, ref.end, nxt.start) \
                or s[ref.end:nxt.start].split()[-1:] in _ON_BEHALF:
            break  # ("a spokesperson for Mayor X" is not the mayor)
        if nxt.kind in ("person", "surname") and not nxt.possessive:
            return nxt
    return ref


# The words after a title that make the person named next someone it serves.
_ON_BEHALF = [["for"], ["pour"], ["para"], ["für"]]


_CONJUNCTIONS = frozenset(["and", "et", "und", "y", "e", "&"])
_PHRASE_BREAK = re.compile(r"[,;:()\[\]“”\"]|\s[–—-]\s")
