"""Who the paragraphs around a quote are about: the one person named before it, the one
opening its paragraph, another person named nearer the quote. The rules for quotes that no
phrase attributes read them."""

from __future__ import annotations

import re
from bisect import bisect_right

from .attribution import Attribution
from .candidate import Candidate
from .frames import is_byline, person_like
from .languages import lexicon
from .lexicon import FIRST_PERSON
from .lexicon import word_set as _words
from .speakers import Person, other_holder
from .subjects import object_of_a_verb
from .text import UPPER, rstrip_end
from .tokens import Ref, tokenize

# A title's complement naming a body: "la directora de Compras", "the head of Exampleton".
_OF_A_BODY = re.compile(r"\s+(?:of|for|at|de|del|de la|du|des|der|des|von)\s+(?:the\s+|l[’'])?["
                        + UPPER + "]")
# Titles of people who speak for someone else and are seldom named ("a police spokesperson").
_SPOKESPERSON_WORDS = _words("""
    spokesperson spokesman spokeswoman representative porte-parole portavoz vocero vocera
    sprecher sprecherin pressesprecher pressesprecherin
""")



class Neighbours:
    """The people around a quote (a mixin of ``pipeline._Document``)."""

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
                or set(ref.role_key.split()) & _SPOKESPERSON_WORDS \
                or other_holder(ref.text):
            return None  # ("la directora de Compras": the head of a body the release may not name)
        person = self._one_role_holder_before(p)
        if person is None or not ref.gender or person.gender and ref.gender != person.gender:
            # ("the project engineer said" after "Mayor X": a title that does not even say
            # a gender, as "el jefe comunal" and "la candidate" do, may be anyone's)
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

    def _named_between(self, p: int, lo: int, hi: int, person: Person | None
                       ) -> Person | None:
        """Another person than ``person`` named in paragraph ``p`` between ``lo`` and ``hi``
        (outside quotes), by name, surname or honorific, who is quoted or given a role or an
        honorific somewhere (a pair of capitalised words alone is no sure person)."""
        sentences = self.sentences[p]
        # (from the first sentence ending after ``lo``: a paragraph of thousands of quotes
        # is not read once per quote)
        for si in range(bisect_right(sentences, lo, key=lambda sentence: sentence[1]),
                        len(sentences)):
            if sentences[si][0] >= hi:
                break
            for ref in self.refs.get((p, si), []):
                if not lo <= ref.start < hi or ref.kind not in ("person", "surname") \
                        or ref.possessive:
                    continue
                other = self.ctx.resolve(ref)
                if other is not None and other is not person and not other.is_org \
                        and other.output and person_like(other.name):
                    return other
        return None

    def _named_after(self, q: int, person: Person) -> Person | None:
        """Another person, quoted or given a role somewhere, whom paragraph ``q`` first names
        after it first names ``person``."""
        named = self.named_in.get(q, {})
        at = named.get(person, -1)
        return next((other for other, where in named.items() if where > at
                     and other is not person and not other.is_org and other.output
                     and person_like(other.name)), None)

    def _opened_by_one_person(self, q: int) -> Person | None:
        """The one person paragraph ``q`` names, if it opens with them (its subject)."""
        named = self.named_in.get(q, {})
        text = self.paras[q]
        if is_byline(text):
            return None  # ("By Jane X, Press Officer": who wrote it, not who it is about)
        if len(named) > 1:
            # ("Ambassador X praised Y, …": Y, the object of a verb, is not who it is about;
            # "X presented it with Y" names two who did it)
            named = {person: at for person, at in named.items()
                     if not object_of_a_verb(text, 0, at, prepositions=False)}
        if len(named) != 1:
            return None
        person, at = next(iter(named.items()))
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

    def _sentence_subject(self, p: int, cand: Candidate) -> Person | None:
        """ "Jane X, dirigeante du club, a rendu hommage à « un monument »", "Tras dar la
        bienvenida a Y, el rector solicitó …, “…”", "Il a promis de « … »": a partial quote
        inside a sentence whose subject is a person (named, or by a title held by one), the
        body or person just quoted (by "il", "elle" or "le ministère"), in French or
        Spanish, with no other person named between the subject and the quote."""
        if lexicon().code not in ("fr", "es") or not self.sentences[p]:
            return None
        text = self.paras[p]
        a, _b = self.sentences[p][cand.sentence]
        if cand.span.open - a < 8:
            return None
        first = tokenize(text, a, min(cand.span.open, a + 40))[:2]
        if first and first[0].low in lexicon().pronouns and first[0].low in _SUBJECT_PRONOUNS:
            quoted = self.ctx.last_quoted
            ref = Ref("pronoun", first[0].start, first[0].end, first[0].text,
                      name=first[0].low, gender=lexicon().pronouns[first[0].low])
            person = self.ctx.pronoun(ref)
            return person if person is not None and person is quoted else None
        if len(first) == 2 and first[0].low in _ARTICLES and first[1].low in _BODIES:
            quoted = self.ctx.last_quoted
            if quoted is not None and quoted.is_org and first[1].low in quoted.name.lower():
                return quoted  # "Le ministère remercie …": the ministry just quoted
            return None
        subject = None
        for ref in self.refs.get((p, cand.sentence), []):
            if ref.start >= cand.span.open:
                break
            if ref.kind not in ("person", "surname", "title") or ref.possessive:
                continue
            if subject is not None:
                return None  # someone else named between the subject and the quote
            lo = max(a, text.rfind(",", a, ref.start) + 1)
            lead = tokenize(text, lo, ref.start)
            after = tokenize(text, ref.end, min(len(text), ref.end + 30))[:1]
            opens = lo == a or after and not after[0].cap \
                and after[0].low not in lexicon().determiners
            role = next((k for k, t in enumerate(lead) if t.cls == "R"), len(lead))
            if len(lead) > 5 or not opens or any(
                    not t.cap and t.cls not in ("R", "H", "P")
                    and t.low not in lexicon().determiners for t in lead[:role]):
                continue  # (after a role, its complement: "Le maître de judo X")
            subject = self.ctx.resolve(ref)
            if subject is None or subject.is_org or not person_like(subject.name):
                return None
        return subject


    def _indefinite_before(self, p: int, ref: Ref) -> bool:
        """The word right before a title is an indefinite article ("a", "un", "eine")."""
        words = tokenize(self.paras[p], max(0, ref.start - 12), ref.start)
        return bool(words) and words[-1].end == ref.start - 1 \
            and words[-1].low in _INDEFINITE_ARTICLES

    def _with_article(self, p: int, ref: Ref) -> str:
        start = self.paras[p].rfind(" ", 0, ref.start - 1) + 1
        return self.paras[p][start:ref.end]

    def _speech_left_open(self, p: int) -> Candidate | None:
        """The quote (its first paragraph) still open before paragraph ``p``: the last quote
        of the nearest paragraph with quotes, two or three paragraphs back, left without its
        closing mark, with only paragraphs that name no one after it."""
        for q in range(p - 1, max(0, p - 4), -1):
            quoted = [c for c in self.candidates[q] if c.accepted]
            if quoted:
                last = quoted[-1]
                head = last.head or last
                if last.span.close is None and q < p - 1 and head.person is not None:
                    return head
                return None
            if self.named_in.get(q):
                return None
        return None

    def _subject_of_sentence_before(self, p: int, at: int) -> Person | None:
        """The person opening, as its subject, the sentence of paragraph ``p`` before the
        one holding ``at``: by name or by a title one person holds, after at most an opening
        phrase and its comma ("Por su parte, el concejal X explicó …", "La Rectora de la Y
        manifestó que …")."""
        sentences = self.sentences[p]
        si = next((k for k, (a, b) in enumerate(sentences) if a <= at < b), None)
        if not si or any(r.start < at and r.kind in ("person", "surname", "title")
                         for r in self.refs.get((p, si), [])):
            return None  # (the quote's own sentence names someone before the verb)
        a, _b = sentences[si - 1]
        refs = self.refs.get((p, si - 1), [])
        if not refs or refs[0].kind not in ("person", "surname", "title") \
                or refs[0].possessive:
            return None
        ref, text = refs[0], self.paras[p]
        comma = text.rfind(",", a, ref.start)
        lead = tokenize(text, a if comma < 0 else comma + 1, ref.start)
        if comma >= 0 and len(tokenize(text, a, comma)) > 4 or any(
                not t.cap and t.cls not in ("R", "H") and t.low not in lexicon().determiners
                for t in lead):
            return None  # (only a role or an article before the name: its subject)
        person = self.ctx.resolve(ref) if ref.kind != "title" else \
            self.registry.find_title(ref.role_key, ref.org)
        if person is None or person.is_org or not person_like(person.name):
            return None
        return person

    def _body_of_title(self, p: int, ref: Ref, person: Person) -> str | None:
        """The complement naming a body right after a title ("of the club", "del club",
        "des Vereins"), when ``person`` is not said to hold the role there; else None."""
        m = _BODY_COMPLEMENT.match(self.paras[p], ref.end)
        if m is None or m.group("noun")[0].isupper() and not _ARTICLE_IN.search(m.group(0)):
            return None  # ("the mayor of Ashcombe": a place, which may be hers)
        noun = m.group("noun").lower()
        held = f"{person.role} {person.org}".lower()
        return None if noun[:5] in held else m.group(0).strip()

    def _met(self, person: Person) -> bool:
        """The reader has met ``person`` so far, by name (a title the text resolved to them
        is no meeting)."""
        return person in self.named_by_name

    def _named_earlier(self, p: int, at: int, other: Person) -> Person | None:
        """Someone besides ``other`` named (in full or by title) in paragraph ``p`` before
        ``at``."""
        for si in range(len(self.sentences[p])):
            for r in self.refs.get((p, si), ()):
                if r.start < at and r.kind in ("person", "title"):
                    person = self.ctx.resolve(r) or (
                        self.registry.find_title(r.role_key) if r.kind == "title" else None)
                    if person is not None and person is not other and not person.is_org \
                            and person_like(person.name):
                        return person
        return None

# A title's complement naming where the role is held: "of the club", "del club", "du
# conseil", "des Vereins".
_BODY_COMPLEMENT = re.compile(
    r"(?:\s+(?:of|at)\s+(?:the\s+|this\s+)?|\s+(?:de la|de l[’']|du|des|del|de los|de las|de"
    r"|der|von der|vom|von)\s+(?:la\s+|el\s+|los\s+|las\s+)?)(?P<noun>[^\W\d_][\w’'-]{2,})",
    re.IGNORECASE)
# An article in a title's complement, which makes it a kind of body ("of the club", "des
# Vereins"), not a place's name.
_ARTICLE_IN = re.compile(r"\b(?:the|this|la|el|los|las|du|des|del|der|vom)\s", re.IGNORECASE)
# Articles that bring in someone not met before ("a member", "un élu", "eine Sprecherin").
_INDEFINITE_ARTICLES = _words("""a an another un une ein eine einer eines einem einen una
    otro otra""")
# Subject pronouns a sentence may open with ("Il a promis de « … »", "Ella pidió “…”").
_SUBJECT_PRONOUNS = frozenset(["il", "elle", "él", "ella"])
_ARTICLES = frozenset(["le", "la", "el", "l’", "l'"])
# Bodies a release calls by their kind once named ("le ministère", "la institución").
_BODIES = frozenset(["ministère", "ministerio", "direction", "dirección", "agence", "agencia",
                     "institution", "institución", "gouvernement", "gobierno", "secretaría"])
