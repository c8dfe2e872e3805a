"""Step 4 of ``pipeline``: whose words a quote is. The phrase beside it, a line introducing
or signing it, a sentence taking it up ("That was the message from X"), or the quotes and
people around it; left empty, with the reason, when none of them is sure."""

from __future__ import annotations

import re

from .acceptance import MORE_SPEECH
from .attribution import Attribution, parse_before
from .candidate import TRIM, Candidate, subject_ref
from .frames import (
    names_several,
    person_like,
    statement_subject,
)
from .languages import lexicon
from .lexicon import EVENT_VERBS, FIRST_PERSON, SPEECH_PARTICIPLES
from .lexicon import word_set as _words
from .names import analyze_subject
from .organisations import is_org_word
from .speakers import Person
from .text import UPPER, rstrip_end
from .tokens import Ref, tokenize

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
_SO_SAID = re.compile(r"So (?:said|says) ")
SIGNATURE = re.compile(r"\s*[-–—―]+\s*(?=[" + UPPER + "])")
_NAME_LINE = re.compile(r"(?=[" + UPPER + "])")
# Small words inside an organisation's name ("Board of Trustees of the X Trust").
_NAME_JOINS = _words("of the and for in on at &")
# A title's complement naming a body: "la directora de Compras", "the head of Exampleton".
_OF_A_BODY = re.compile(r"\s+(?:of|for|at|de|del|de la|du|des|der|des|von)\s+(?:the\s+|l[’'])?["
                        + UPPER + "]")
# Titles of people who speak for someone else and are seldom named ("a police spokesperson").
_SPOKESPERSON_WORDS = _words("""
    spokesperson spokesman spokeswoman representative porte-parole portavoz vocero vocera
    sprecher sprecherin pressesprecher pressesprecherin
""")


def _titled(ref: Ref) -> bool:
    """ "Chief Goodman", "Minister Dutton", "Mayor Brandt": a capitalised role word right
    before a surname, which names a person as an honorific does."""
    toks = tokenize(ref.text)
    return ref.role != "" or (len(toks) == 2 and toks[0].cap and toks[0].cls == "R"
                              and toks[1].text == ref.name)


# Kinds of body a release calls an organisation by once it has named it in full ("the
# department", "the agency"): not "the company" or "the government", which a release uses
# for bodies it never names so.
_BODY_NOUNS = {
    "en": _words("""department ministry agency service council authority commission office
        board trust association foundation union federation society committee institute
        university college hospital bureau directorate museum library charity club court
        tribunal police corporation"""),
    "fr": _words("""ministère agence direction service conseil commission office fondation
        association fédération syndicat comité institut université hôpital préfecture mairie
        police gendarmerie tribunal organisation institution"""),
    "es": _words("""ministerio agencia dirección servicio consejo comisión oficina fundación
        asociación federación sindicato comité instituto universidad hospital alcaldía
        municipalidad ayuntamiento policía tribunal organización institución secretaría
        gobernación"""),
    "de": _words("""ministerium behörde agentur direktion dienst rat kommission amt stiftung
        verein verband gewerkschaft ausschuss institut universität hochschule klinik polizei
        gericht organisation stadtverwaltung verwaltung"""),
}


# Articles before a kind of body: "the ministry", "le ministère", "l’agence", "la
# institución", "das Ministerium".
_BODY_ARTICLES = {"en": ("the",), "fr": ("le", "la", "l"), "es": ("el", "la"),
                  "de": ("der", "die", "das")}


def _body_noun(toks) -> str | None:
    """The kind of body a two-word subject names by its article ("the department", "le
    ministère", "l’agence"), or None."""
    code = lexicon().code
    nouns = _BODY_NOUNS.get(code, ())
    if len(toks) == 1 and toks[0].low[:2] in ("l’", "l'") and code == "fr":
        return toks[0].low[2:] if toks[0].low[2:] in nouns else None
    if len(toks) == 2 and toks[0].low in _BODY_ARTICLES.get(code, ()) and toks[1].low in nouns:
        return toks[1].low
    return None


class SpeakerResolution:
    """Resolves each quote's speaker from the text around it."""

    def _intro(self, p: int, cands: list[Candidate]):
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
            return (a, len(text)), ref, si, text[a:len(text)].strip(TRIM), "statement", ""
        att = parse_before(text, lo, len(text))
        if att is None:
            return None
        if names_several(text, att.subj_lo, att.subj_hi):
            return (att.start, len(text)), None, si, "", "introduced", "the attribution " \
                "names several people"
        ref = subject_ref(text, att)
        if ref is None:
            return None
        start = att.start if att.after_verb else min(ref.start, att.end)
        span = (start, len(text))
        return span, ref, si, text[start:att.end].strip(TRIM), "introduced", ""

    def _resolve(self, ref: Ref | None) -> Person | None:
        if ref is None:
            return None
        person = self.ctx.resolve(ref)
        if person is None and ref.kind == "bare":
            person = self.registry.add_person(ref, output=True)
        return person

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
        m = SIGNATURE.match(line) or _NAME_LINE.match(line)
        if not m or len(line.split()) > 30:
            return None
        ref = analyze_subject(line, m.end(), len(line), after_verb=True)
        if ref is None or ref.kind not in ("person", "surname", "title"):
            person = self._org_signature(line, m.end(), cands)
        elif not SIGNATURE.match(line) and (ref.kind != "person" or ref.start != 0 or not (
                line.startswith(",", ref.end) or ref.end >= len(line.rstrip(". ")))
                or line.rstrip().endswith(":")
                or any(t.low in self._verbs() or t.low in EVENT_VERBS
                       or t.low in lexicon().participles for t in tokenize(line))):
            return None  # a name line: "Jane Doe, Director of X." and nothing else
        else:
            person = self._resolve(ref)
        if person is None:
            return None
        person.output = True
        self.excluded.setdefault(p + 1, []).append((0, len(line)))
        for cand in cands:
            head = cand.head or cand
            if head is not cand and head.after is None and head.before is None:
                head.person, head.how, head.sure, head.note = person, "signature", True, ""
        return person, line[m.end():].strip(TRIM)

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

    def _speaker(self, ref: Ref | None, how: str = ""):
        """(person, how, sure, note) for the reference an attribution names.

        Only a name with a person's shape, an organisation the text makes the subject of
        the verb, or one person found by title, honorific, pronoun or left-out subject is a
        speaker; anything less leaves the speaker empty and says why.
        """
        if ref is None:
            return None, "", False, "no attribution found"
        if ref.kind == "implied" and ref.plural:
            return None, "", False, "the verb is plural and has no subject: several people"
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
            if ref.kind in ("surname", "bare") and (ref.honorific or _titled(ref)) \
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
                    cand.person, cand.how, cand.sure, cand.note = self._one_person_for_title(
                        p, ref) or (None, "", False, cand.note)
            if cand.person is None and self._one_name_beside_the_verb(text, att, ref):
                # "a déclaré Larissa, au nom du mouvement", "Flavia nous écrit que": one
                # name, the verb's own subject, is all the release gives.
                cand.person = self.registry.add_person(ref, output=True)
                cand.how, cand.sure, cand.note = "named", False, "only one name is given"
            if cand.how == "implied" and cand.person is not None:
                other = self._named_before_in_sentence(p, cand, cand.person)
                last = self.ctx.last_named
                named_here = self.named_in.get(p, {})
                if other is None and last is not None and last is not cand.person \
                        and last in named_here and cand.person not in named_here:
                    other = last  # (named in this paragraph, though not as a subject)
                if other is not None and person_like(other.name) and not other.is_org:
                    # "…, tal como lo destacó la directora, Ana X. “…” señaló": the verb
                    # without a subject may be hers as well as the one talked about.
                    cand.note = (f"the verb has no subject; {cand.person.name} or "
                                 f"{other.name} may have said it")
                    cand.person, cand.how = None, ""
            if ref.kind == "title" and cand.person is None:
                cand.role = ref.role
            start = att.start if att is cand.after or att.after_verb else ref.start
            end = att.end
            if start > end:
                start = att.start
            if att is cand.before and att.subj_hi < len(text) and self._participle(text, att):
                start = att.subj_hi
            cand.attribution_span = (start, end)
            cand.attribution = text[start:end].strip(TRIM)
            if cand.person is not None and cand.person.is_org is False:
                cand.person.output = True
            return
        if cand.chain_prev is not None:
            return
        if cand.unnamed is None and self._statement_before(p, cand):
            return
        later = self._message_from(p, cand) if cand.unnamed is not None else None
        if later is not None:
            cand.person, cand.attribution = later
            cand.how, cand.sure = "named", True
            return
        if cand.unnamed is not None and cand.unnamed.direct:
            u = cand.unnamed
            org = self._org_by_common_noun(text, u)
            if org is not None:
                cand.person, cand.how, cand.sure = org, "organization", True
                cand.attribution = text[u.start:u.end].strip(TRIM)
                cand.attribution_span = (u.start, u.end)
                return
            cand.note = ("the attribution names several people"
                         if names_several(text, u.subj_lo, u.subj_hi) else
                         f"the attribution “{text[u.start:u.end].strip(TRIM)}” names no person")
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
        named = self._named_right_after(p, cand)
        if named is not None:
            # "« … », s’époumone Yvon X": a phrase we cannot read names someone right after
            # the quote; the people around it are no safer a guess.
            cand.note = f"{named} is named right after the quote, by words not understood"
            return
        last = (last_quote.head or last_quote) if last_quote is not None else None
        if last is not None and (last.person is not None or last.note):
            cand.person, cand.note = last.person, last.note
            cand.how, cand.sure = "same_paragraph", last.sure
            return
        if self.reported.get(p) is not None:
            # "Lizzy Baker from the sponsor says it's fantastic. “When it comes to …”"
            other = self._named_before_in_sentence(p, cand, self.reported[p])
            if other is not None:
                # "… wie dem Präsidenten der Universität Kiel, Gerd X, der es als „…“
                # bezeichnete, „…“": someone else is named between, nearer the quote.
                cand.note = f"{other.name}, named nearer the quote, may be its speaker"
                return
            cand.person = self.reported[p]
            cand.how, cand.sure = "same_paragraph", False
            return
        if cand.next_attributed is not None:
            nxt = cand.next_attributed
            cand.person, cand.how, cand.sure, cand.note = self._speaker(
                nxt.after_ref or nxt.before_ref)
            return
        if cand.span.open > 0 and self._opens_sentence(p, cand) \
                and self._opened_by_one_person(p) is not None:
            # "Opposition leader Jane Doe disagreed. “The plan has no money behind it.”": the
            # one person the paragraph is about, named as the subject of its first sentence.
            cand.person = self._opened_by_one_person(p)
            cand.how, cand.sure = "same_paragraph", False
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
                # person's quote; after a paragraph of narrative, the government's or the
                # writer's, the quote could be anyone's named before.
                before = [c for c in self.candidates[p - 2] if c.accepted]
                last = (before[-1].head or before[-1]) if before else None
                if last is not None and last.person is not None and not last.person.is_org \
                        and not set(self.named_in.get(p - 1, {})) - {last.person} \
                        and any(ch.isdigit() for ch in self.paras[p - 1]):
                    cand.person = last.person
                    cand.how, cand.sure = "previous_paragraph", False
                    return
        if cand.span.open == 0 and self._only_person_before(p) is not None \
                and self._first_person_quote(p, cand):
            # A release that introduces one person by role ("chief executive Jane Doe opened
            # the bakery") and later gives a paragraph of quote in the first person: theirs.
            cand.person = self._only_person_before(p)
            cand.how, cand.sure = "only_person", False
            return
        cand.note = "no attribution in the quote’s sentence or paragraph"


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
        cand.person, how, cand.sure, cand.note = self._speaker(ref, "statement")
        cand.how = how if cand.person is not None else ""
        cand.attribution_span = (ref.start, hi)
        cand.attribution = text[ref.start:hi].strip(TRIM)
        return True

    def _only_person_before(self, p: int) -> Person | None:
        """The one person the body before paragraph ``p`` names, if it names one, with a role,
        as the subject of a paragraph (English only: the rule is measured on English)."""
        if lexicon().code != "en":
            return None
        person = self._one_role_holder_before(p)
        return person if person in self.openers else None

    def _one_role_holder_before(self, p: int) -> Person | None:
        """The one person the body before paragraph ``p`` names, if it names only one and
        gives them a role."""
        # Read each paragraph once, however many quotes ask (the walk goes in order).
        for q in range(max(1, self.people_read_to), p):
            self.people_before.update(
                person for person in self.named_in.get(q, {}) if not person.is_org)
            opener = self._opened_by_one_person(q)
            if opener is not None:
                self.openers.add(opener)
        self.people_read_to = max(self.people_read_to, p)
        if len(self.people_before) != 1:
            return None
        person = next(iter(self.people_before))
        if not person.role or not person_like(person.name):
            return None
        return person

    def _one_person_for_title(self, p: int, ref: Ref):
        """ "el jefe comunal manifestó", "a déclaré la candidate": a title that matches no
        role in the release, in a release that so far named one person and gave them a role,
        is another way of naming them (unsure). A spokesperson's title is not: a spokesperson
        is usually someone the release never names. (person, how, sure, note) or None."""
        if ref.org or _OF_A_BODY.match(self.paras[p], ref.end) \
                or set(ref.role_key.split()) & _SPOKESPERSON_WORDS:
            return None  # ("la directora de Compras": the head of a body the release may not name)
        person = self._one_role_holder_before(p)
        if person is None or ref.gender and person.gender and ref.gender != person.gender:
            return None
        return (person, "only_person", False,
                f"the title “{ref.text}” matches no role given in the release; "
                f"{person.name} is the one person named before")

    def _first_person_quote(self, p: int, cand: Candidate) -> bool:
        words = FIRST_PERSON.get(lexicon().code, FIRST_PERSON["en"])
        return any(t.low in words for t in tokenize(
            self.paras[p], cand.span.inner_start, min(cand.span.inner_end,
                                                      cand.span.inner_start + 1500)))

    def _opens_sentence(self, p: int, cand: Candidate) -> bool:
        """The quote is a sentence of its own, right after the paragraph's first sentence."""
        sentences = self.sentences[p]
        return bool(sentences) and cand.sentence == 1 and rstrip_end(
            self.paras[p], cand.span.open) <= sentences[cand.sentence][0]

    def _org_by_common_noun(self, text: str, att: Attribution) -> Person | None:
        """ "the department said", "the agency added": an organisation named in full earlier
        is called by its kind of body afterwards, and a reader takes the one named so; when
        none or two of them are, the speaker stays empty."""
        toks = tokenize(text, att.subj_lo, att.subj_hi)
        noun = _body_noun(toks)
        if noun is None:
            return None
        name = self.registry.org_called(noun)
        return self.registry.add_org(name) if name is not None else None

    def _one_name_beside_the_verb(self, text: str, att: Attribution, ref: Ref) -> bool:
        """The attribution's subject is a single capitalised name word right beside the verb
        (after it, or before it with at most a pronoun between), that is no place, no
        organisation and no surname of someone else, in French, German or Spanish."""
        if lexicon().code == "en" or ref.kind != "bare" or " " in ref.name or ref.honorific:
            return False
        words = tokenize(text, ref.start, ref.end)
        if len(words) != 1 or words[0].cls != "N" or len(ref.name) < 3:
            return False
        part = text[att.subj_lo:att.subj_hi]
        part = part.split(",")[0] if att.after_verb else part.rsplit(",", 1)[-1]
        known = self.registry.find_token(ref.name)
        if part.strip() != ref.name or (known is not None and known.name != ref.name):
            return False
        if not att.after_verb and text[:ref.start].rstrip()[-1:] in ("", ".", "!", "?", "\"",
                                                                     "”", "“", "»", ":"):
            # A sentence's first word is capitalised whatever it is ("Weiters stellt das
            # Gutachten fest"): no sign of a name.
            return False
        # Nor the last word of a longer name written elsewhere ("María Soledad “Titi” X").
        cache = self.ends_a_longer_name
        if ref.name not in cache:
            longer = re.compile(rf"[{UPPER}][\w’'-]+(?:\s+[\"“«‘'][^\"”»’']{{1,30}}"
                                rf"[\"”»’'])?\s+{re.escape(ref.name)}\b")
            cache[ref.name] = any(longer.search(para) for para in self.paras)
        return not cache[ref.name]

    def _named_right_after(self, p: int, cand: Candidate) -> str | None:
        """The name of a person written within three words after the quote's closing mark,
        in its sentence."""
        text = self.paras[p]
        end = cand.span.outer_end
        for ref in self.refs.get((p, cand.sentence), []):
            if ref.start >= end and ref.kind == "person" and len(
                    text[end:ref.start].split()) <= 3 and not any(
                    c in text[end:ref.start] for c in ".;:“”«»\"„"):
                return ref.name
        return None

    def _named_before_in_sentence(self, p: int, cand: Candidate, person: Person
                                  ) -> Person | None:
        """Another person than ``person`` named in the quote's sentence before it."""
        for ref in self.refs.get((p, cand.sentence), []):
            if ref.start >= cand.span.open or ref.kind not in ("person", "surname"):
                continue
            other = self.ctx.resolve(ref)
            if other is not None and other is not person and not other.is_org:
                return other
        return None

    def _opened_by_one_person(self, q: int) -> Person | None:
        """The one person paragraph ``q`` names, if it opens with them (its subject)."""
        named = self.named_in.get(q, {})
        if len(named) != 1:
            return None
        person, at = next(iter(named.items()))
        text = self.paras[q]
        # (After an opening phrase and its comma: "Durante la sesión, la regidora X …".)
        comma = text.rfind(",", 0, at) if at > 2 else -1
        if comma >= 0 and len(text[:comma].split()) > 5:
            return None
        lead = tokenize(text, comma + 1, at) if at > 2 else []
        determiners = lexicon().determiners
        if len(lead) > 8 or any(not t.cap and t.cls not in ("R", "H", "P")
                                and t.low not in determiners for t in lead):
            # (only a role may come before the name: "Opposition leader X", "Le maire de
            # Portvale, X")
            return None
        return person if person_like(person.name) else None

    @staticmethod
    def _verbs():
        return lexicon().speech_verbs

    @staticmethod
    def _participle(text: str, att: Attribution) -> bool:
        toks = tokenize(text, att.subj_hi, min(len(text), att.subj_hi + 30))
        return bool(toks) and toks[0].low in SPEECH_PARTICIPLES

    def _message_from(self, p: int, cand: Candidate):
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
        return m if verb in lex.speech_verbs or verb in MORE_SPEECH.get(lex.code, ()) else None
