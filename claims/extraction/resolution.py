"""Step 4 of ``pipeline``: whose words a quote is. The phrase beside it, a line introducing
or signing it, a sentence taking it up ("That was the message from X"), or the quotes and
people around it; left empty, with the reason, when none of them is sure."""

from __future__ import annotations

import re

from .acceptance import MORE_SPEECH
from .attribution import Attribution
from .attribution_lines import AttributionLines
from .bodies import BODY_NOUNS, Bodies
from .candidate import TRIM
from .frames import names_several, person_like
from .languages import lexicon
from .later_naming import LaterNaming
from .lexicon import FIRST_PERSON_SINGULAR, SPEECH_PARTICIPLES
from .neighbours import Neighbours
from .speakers import Person
from .tokens import Ref, tokenize


def _titled(ref: Ref) -> bool:
    """ "Chief Goodman", "Minister Dutton", "Mayor Brandt": a capitalised role word right
    before a surname, which names a person as an honorific does."""
    toks = tokenize(ref.text)
    return ref.role != "" or (len(toks) == 2 and toks[0].cap and toks[0].cls == "R"
                              and toks[1].text == ref.name)


_WITH_THESE_WORDS = re.compile(
    r"[\s,.]*[–—-]?\s*(?:[Mm]it diesen Worten|[Ww]ith these words|[Cc]on estas palabras"
    r"|[Pp]ar ces mots)\b")


# Roles written as initials in headline labels ("PM: “…”"), and the role each stands for.
_ROLE_ABBREVIATIONS = {"pm": "prime minister", "dpm": "deputy prime minister",
                       "fm": "foreign minister", "vp": "vice president"}


class SpeakerResolution(AttributionLines, LaterNaming, Neighbours, Bodies):
    """Resolves each quote's speaker from the text around it (a mixin of
    ``pipeline._Document``; the mixins it builds on read the lines and people around)."""

    def _resolve(self, ref: Ref | None) -> Person | None:
        if ref is None:
            return None
        person = self.ctx.resolve(ref)
        if person is None and ref.kind == "bare":
            person = self.registry.add_person(ref, output=True)
        return person

    def _speaker(self, p: int, ref: Ref | None, how: str = ""):
        """(person, how, sure, note) for the reference an attribution in paragraph ``p``
        names.

        Only a name with a person's shape, an organisation the text makes the subject of
        the verb, or one person found by title, honorific, pronoun or left-out subject is a
        speaker; anything less leaves the speaker empty and says why.
        """
        if ref is None:
            return None, "", False, "no attribution found"
        if ref.kind == "implied" and ref.plural:
            return None, "", False, "the verb is plural and has no subject: several people"
        if ref.kind == "implied":
            before = self._subject_of_sentence_before(p, ref.start)
            if before is not None:
                # "Por su parte, el concejal X explicó los detalles. “…”, indicó": a verb
                # without a subject goes on with the subject of the sentence before it.
                return before, "implied", False, (f"the verb has no subject; {before.name} "
                                                  "opens the sentence before")
            # The person the text is about: someone quoted or named with a role, with a
            # person's name ("Estados Unidos", talked about last, is no one).
            people = [p for p in self.ctx.recent if not p.is_org and p.output
                      and person_like(p.name)]
            nearer = next((q for q in reversed(self.ctx.recent) if not q.is_org
                           and person_like(q.name)), None)
            if people and nearer is not None and nearer is not people[-1]:
                # "La alcaldesa X inauguró el puente. Y, que lo diseñó, … “…”, añadió": the
                # person the text is about, or whoever it named since, may have said it.
                return None, "", False, (f"the verb has no subject; {people[-1].name} or "
                                         f"{nearer.name} may have said it")
            subject = self._named_earlier(p, ref.start, people[-1]) if people else None
            if subject is not None:
                # "La rectora … manifestó que …. “…”, apuntó": the paragraph names its own
                # subject, who may be the one speaking, not the person quoted before.
                return None, "", False, (f"the verb has no subject; {people[-1].name} or "
                                         f"{subject.name} may have said it")
            if people:
                return people[-1], "implied", False, "the verb has no subject of its own"
            return None, "", False, "the verb has no subject and no one was named before"
        if ref.kind == "pronoun" and ref.name == "source":
            person = self.ctx.last_quoted
            if person is None:
                return None, "", False, f"“{ref.text}” refers to no one quoted before"
            return person, "pronoun", False, ""
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
            if person is None and ref.text.lower() in FIRST_PERSON_SINGULAR.get(
                    lexicon().code, ()) and self._release_signer() is not None:
                # "“…,” I told the operator" in a release signed at its end "Tilda X,
                # Mayor of Y": the one who writes "I" is the one who signs.
                return self._release_signer(), "signature", False, (
                    "the release speaks in the first person and is signed by them")
            if person is None:
                return None, "", False, f"“{ref.text}” refers to no one named before"
            return person, "pronoun", False, ""
        if ref.kind == "org" and ref.name.isupper() and len(ref.name) > 6:
            return None, "", False, f"“{ref.name}” is a dateline or a heading, not a speaker"
        if ref.kind == "org" and ref.name.lower() in _ROLE_ABBREVIATIONS:
            # "PM: “…”" over a release: the holder of the role, if the release names one
            person = self.registry.find_title(_ROLE_ABBREVIATIONS[ref.name.lower()])
            if person is None:
                return None, "", False, f"“{ref.name}” names a role, and no one holding it"
            return person, "title", False, ""
        if ref.kind == "org" and ref.name.lower() in BODY_NOUNS.get(lexicon().code, ()):
            # "Der Verband fordert", "The Department said": a kind of body, which names the one
            # organisation of that kind named before, or no one.
            name = self.registry.org_called(ref.name.lower())
            if name is None:
                return None, "", False, f"“{ref.text}” names no organisation named before"
            return self.registry.add_org(name), "organization", True, ""
        if ref.kind == "org":
            known = self.registry.find_token(ref.name) if " " not in ref.name else None
            if known is not None and not known.is_org and person_like(known.name):
                return known, "surname", True, ""  # "MARCHETTI told her": a surname in capitals
            return self.registry.add_org(ref.name), "organization", True, ""
        if ref.kind == "title" and self._indefinite_before(p, ref):
            # "Ein Jurymitglied drückte es so aus", "said a council member", "a déclaré un
            # élu": an indefinite article brings in someone the release does not name, not
            # whoever else holds a role of that kind.
            return None, "", False, (f"“{self._with_article(p, ref)}” is someone the release "
                                     "does not name")
        person = self._resolve(ref)
        if ref.kind == "title":
            if person is None:
                return self._one_person_for_title(p, ref) or (
                    None, "", False, f"the title “{ref.text}” names no one in the release")
            # "the Minister" after two ministers were named, anywhere before: either of
            # them, unless the last sentence naming anyone was about one of them alone.
            # (One named only later, "then Minister" in the next paragraph, is no one the
            # reader could have meant.)
            rivals = [other for other in self.registry.title_rivals(
                person, ref.role_key, ref.org, ref.gender) if self._met(other)]
            if rivals and self.ctx.last_sentence != [person]:
                return None, "", False, (f"the title “{ref.text}” fits {person.name} and "
                                         f"{rivals[0].name}")
            body = self._body_of_title(p, ref, person)
            if body is not None:
                # "said the president of the club" after "President X" of a country: the
                # role held at a body the release does not say X belongs to.
                return None, "", False, (f"the title “{ref.text} {body}” names a body "
                                         f"{person.name} is not said to belong to")
            return person, "title", True, ""
        if person is None:
            return None, "", False, f"“{ref.text}” is no one named in the release"
        if person.is_org:
            return person, "organization", True, ""
        if not person_like(person.name):
            if ref.kind in ("surname", "bare") and (ref.honorific or _titled(ref)) \
                    and len(person.name.split()) == 1 and person.name[:1].isupper():
                other = self.ctx.last_quoted
                if other is not None and other is not person and not other.is_org \
                        and other in self.named_in.get(p, {}) and person_like(other.name):
                    # "Abou X a salué « … ». « … », a témoigné M. Y": a surname no one
                    # named has, after someone named in full was quoted in the paragraph
                    # (a misprint of theirs, or someone else); nor is it whom a later
                    # pronoun means.
                    self.declined.add(person)
                    return None, "", False, (f"“{ref.text}” is no one named in the release; "
                                             f"{other.name} was quoted just before")
                return person, "honorific", False, "only the surname is given"
            return None, "", False, f"“{person.name}” is not a person’s name"
        if ref.kind == "person":
            return person, how or "named", True, ""
        fitting = [other for other in (person, *self.registry.namesakes(person, ref.name))
                   if not (ref.gender and other.gender and other.gender != ref.gender)]
        if person not in fitting and len(fitting) == 1:
            person = fitting[0]  # "Ms X" after "Mr Tom X and Ms Tilda X": the woman
        namesakes = [other for other in fitting
                     if other is not person and self._named_together(person, other)]
        if namesakes:
            return None, "", False, (f"“{ref.text}” could be {person.name} or "
                                     f"{namesakes[0].name}")
        return person, "honorific" if (ref.honorific or ref.role) else "surname", True, ""

    def _named_together(self, person: Person, other: Person) -> bool:
        """Both were named in the last sentence that named anyone: a title or surname that
        fits both means either ("Health Minister X met Finance Minister Y. “…,” the Minister
        said"; "Tom X and his son Rolf X …"); after that, the one talked about last."""
        return person in self.ctx.last_sentence and other in self.ctx.last_sentence

    def _resolve_quote(self, p, cand, last_quote, pending, trailer=None) -> None:
        self._find_speaker(p, cand, last_quote, pending, trailer)
        if cand.person is not None and cand.person.is_org and self._speaks_as_one_person(p, cand):
            # "“I have waited ten years,” the Trust said": someone speaks for the body, and
            # the release does not say who.
            cand.note = (f"the quote speaks as one person (“I”); {cand.person.name} is an "
                         "organisation")
            cand.person, cand.how, cand.sure = None, "", False

    def _speaks_as_one_person(self, p: int, cand) -> bool:
        words = FIRST_PERSON_SINGULAR.get(lexicon().code, FIRST_PERSON_SINGULAR["en"])
        return any(t.low in words for t in tokenize(
            self.paras[p], cand.span.inner_start, min(cand.span.inner_end,
                                                      cand.span.inner_start + 1500)))

    def _find_speaker(self, p, cand, last_quote, pending, trailer=None) -> None:
        text = self.paras[p]
        att, ref = (cand.after, cand.after_ref) if cand.after else (cand.before, cand.before_ref)
        if att is not None and ref is not None:
            if names_several(text, att.subj_lo, att.subj_hi):
                cand.note = "the attribution names several people"
            else:
                cand.person, cand.how, cand.sure, cand.note = self._speaker(p, ref)
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
            subject = self._subject_speaking(p, cand, asides=True) \
                if text[:u.start].rstrip().endswith(",") else None
            if subject is not None:
                # "El Dr. X, rector de Y, en el marco del encuentro, para la firma, dijo:
                # «…»": the sentence's subject, before the asides, says it.
                cand.person, cand.how, cand.sure = subject, "named", True
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
        words_of = self._with_these_words(p, cand)
        if words_of is not None:
            # "„…“ – mit diesen Worten verteidigte Trainer X die Aufstellung"
            cand.person, cand.how, cand.sure = words_of, "named", True
            return
        signed = self._signed_after(p, cand)
        if signed is not None:
            # "„…“ Paul X, Kanton Uri.": the quote signed by a name line in its paragraph.
            cand.person, cand.attribution = signed
            cand.how, cand.sure = "signature", True
            return
        named = self._named_right_after(p, cand)
        if named is not None:
            # "« … », s’époumone Yvon X": a phrase we cannot read names someone right after
            # the quote; the people around it are no safer a guess.
            cand.note = f"{named} is named right after the quote, by words not understood"
            return
        last = (last_quote.head or last_quote) if last_quote is not None else None
        if last is not None and last.person is not None:
            other = self._named_between(p, last_quote.span.outer_end, cand.span.open,
                                        last.person)
            if other is not None:
                # "“…,” said Ms X. Engineer Y, who built it, disagreed. “…”": someone else is
                # named after the quote before, and may be this one's speaker.
                cand.note = (f"{other.name}, named after {last.person.name}’s quote, may "
                             "be its speaker")
                return
        if last is not None and (last.person is not None or last.note):
            cand.person, cand.note = last.person, last.note
            cand.how, cand.sure = "same_paragraph", last.sure
            return
        subject = self._subject_speaking(p, cand)
        if subject is not None:
            # "Landrätin Jane X sprach von einem „historischen Tag“", "Dr Jane X described
            # it as “a turning point”": the sentence's subject, by a verb of speech.
            cand.person, cand.how, cand.sure = subject, "named", False
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
                p, nxt.after_ref or nxt.before_ref)
            return
        subject = self._sentence_subject(p, cand)
        if subject is not None:
            cand.person, cand.how, cand.sure = subject, "same_paragraph", False
            cand.note = "the subject of the quote’s sentence, which has no verb of speech"
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
                other = self._named_between(p - 1, prev[-1].span.outer_end,
                                            len(self.paras[p - 1]), last.person)
                if last.person is not None and other is not None:
                    # "“…,” said Ms X. Engineer Y designed the bridge." then a paragraph of
                    # quote: Y, named last, may be its speaker as well as X.
                    cand.note = (f"{other.name}, named after {last.person.name}’s quote, "
                                 "may be its speaker")
                    return
                if last.person is not None or last.note:
                    cand.person, cand.note = last.person, last.note
                    cand.how, cand.sure = "previous_paragraph", False
                    return
            elif self.reported.get(p - 1) is not None:
                # "Chair Professor Jones says around 600 students …" then a quote-only
                # paragraph: the person whose words the paragraph before reported, unless
                # someone else is named after them ("Engineer Y designed it.").
                other = self._named_after(p - 1, self.reported[p - 1])
                if other is not None:
                    cand.note = (f"{other.name}, named after {self.reported[p - 1].name}, "
                                 "may be its speaker")
                    return
                cand.person = self.reported[p - 1]
                cand.how, cand.sure = "previous_paragraph", False
                return
            elif self._opened_by_one_person(p - 1) is not None:
                # "Jane Doe, a student who started the competition, is pleased …" then a
                # paragraph of quote: the person that paragraph is about, named first.
                opener = self._opened_by_one_person(p - 1)
                other = next((o for o in self.named_in.get(p - 1, {}) if o is not opener
                              and not o.is_org and person_like(o.name)), None)
                if other is not None:
                    cand.note = (f"{opener.name} and {other.name} are named in the paragraph "
                                 "before, and nothing says which one speaks")
                    return
                cand.person = opener
                cand.how, cand.sure = "previous_paragraph", False
                return
            elif p > 2 and self._speech_left_open(p) is not None:
                # "“Our department is … / This is an amazing robot … / “We have already …":
                # a quote left open (no closing mark) goes on through the paragraphs after it
                # that name no one; one reopening after them is the same speaker's.
                last = self._speech_left_open(p)
                cand.person, cand.note = last.person, last.note
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

    def _with_these_words(self, p: int, cand) -> Person | None:
        """ "„…“ – mit diesen Worten eröffnete X …", "“…” With these words, X opened …": the
        one person the rest of the sentence names says it."""
        text = self.paras[p]
        m = _WITH_THESE_WORDS.match(text, cand.span.outer_end)
        if m is None or not self.sentences[p]:
            return None
        people = [r for r in self.refs.get((p, cand.sentence), [])
                  if r.start >= m.end() and r.kind == "person" and not r.possessive]
        if len(people) != 1:
            return None
        person = self.ctx.resolve(people[0])
        return person if person is not None and not person.is_org else None

    def _subject_speaking(self, p: int, cand, asides: bool = False) -> Person | None:
        """The person opening the quote's sentence as its subject (only a role or title
        before the name), when a verb of speech stands between them and the quote and no one
        else is named there."""
        text = self.paras[p]
        if not self.sentences[p]:
            return None
        a = self.sentences[p][cand.sentence][0]
        refs = [r for r in self.refs.get((p, cand.sentence), []) if r.start < cand.span.open]
        if not refs or refs[0].kind != "person" or any(
                r.kind in ("person", "surname", "title", "bare") for r in refs[1:]):
            return None
        ref = refs[0]
        if any(not t.cap and t.cls not in ("R", "H") for t in tokenize(text, a, ref.start)):
            return None
        lex = lexicon()
        verbs = lex.speech_verbs | MORE_SPEECH.get(lex.code, frozenset())
        between = tokenize(text, ref.end, cand.span.open)
        if len(between) > (40 if asides else 12) or not any(
                t.low in verbs and not t.cap for t in between):
            return None
        person = self.ctx.resolve(ref)
        return person if person is not None and not person.is_org else None

    @staticmethod
    def _participle(text: str, att: Attribution) -> bool:
        toks = tokenize(text, att.subj_hi, min(len(text), att.subj_hi + 30))
        return bool(toks) and toks[0].low in SPEECH_PARTICIPLES

