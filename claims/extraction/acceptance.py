"""Step 2 of ``pipeline``: the attribution phrase beside each quote span, and whether the
span is a quote at all (a scare quote, a term or a title in quote marks is not)."""

from __future__ import annotations

import re
from functools import cache

from .attribution import parse_after, parse_before, verb_inside
from .budget import charge
from .candidate import Candidate, subject_ref
from .languages import LEXICONS, lexicon
from .lexicon import FIRST_PERSON, NUMBER_WORDS
from .lexicon import word_set as _words
from .quotes import Span
from .text import rstrip_end
from .tokens import tokenize

_TITLE_SMALL = frozenset(
    ["of", "the", "and", "in", "for", "on", "a", "an", "to", "at", "by", "with", "from", "or"]
)


class QuoteAcceptance:
    """The spans of each paragraph with their attributions, and which of them are quotes."""

    def _find_candidates(self, p: int) -> list[Candidate]:
        text, spans, sentences = self.paras[p], self.spans[p], self.sentences[p]
        if not spans and p > 0:
            unmarked = self._unmarked_quote(p)
            return [unmarked] if unmarked is not None else []
        found: list[Candidate] = []
        si = 0
        for k, span in enumerate(spans):
            while si + 1 < len(sentences) and sentences[si][1] <= span.open:
                si += 1
            s_start, s_end = sentences[si] if sentences else (0, len(text))
            nxt = spans[k + 1].open if k + 1 < len(spans) else len(text)
            limit = min(nxt, max(s_end, span.outer_end))
            charge(20)
            cand = Candidate(p, span, si)
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
            cand.name_after(text)
            lo = s_start
            if k and spans[k - 1].outer_end > lo and found[-1].accepted:
                lo = spans[k - 1].outer_end  # not past a title in quote marks
            if lo < span.open:
                cand.before = parse_before(text, lo, span.open)
                if cand.before:
                    cand.before_ref = subject_ref(text, cand.before)
                    if cand.before_ref is None:
                        cand.unnamed = cand.unnamed or cand.before
                        cand.before = None
            if cand.before is None and cand.after is None and lo < span.open:
                inside = verb_inside(text, lo, span.open, span.inner_start)
                ref = subject_ref(text, inside) if inside is not None else None
                if ref is not None and ref.kind in ("org", "person", "surname", "title"):
                    cand.before, cand.before_ref = inside, ref
            cand.accepted = self._is_quote(text, cand, found[-1] if found else None)
            found.append(cand)
        return found

    def _unmarked_quote(self, p: int) -> Candidate | None:
        """ "Esperamos que … para su reutilización, declaró Jane X, coordinadora de Y.": a
        paragraph without a quote mark (a block quotation that lost its setting) in the first
        person, closed by a speech verb and a person's name, is that person's quote, in
        French and Spanish, whose releases print speech so."""
        text = self.paras[p]
        if lexicon().code not in ("fr", "es") or len(text) > 1500 or any(
                mark in text for mark in "“”«»„\""):
            return None
        end = rstrip_end(text, len(text), " .")
        comma = end
        for _ in range(3):
            comma = text.rfind(", ", 0, comma)
            if comma < 40:
                return None
            att = parse_after(text, comma, end)
            if att is None or not att.after_verb or "." in text[att.end:end]:
                continue
            if not _first_person(text, 0, comma):
                return None
            span = Span(0, None, 0, rstrip_end(text, comma), "double", comma)
            cand = Candidate(p, span, 0, after=att)
            cand.name_after(text)
            if cand.after_ref is None or cand.after_ref.kind != "person":
                return None
            cand.accepted = True
            return cand
        return None

    def _is_quote(self, text: str, cand: Candidate, prev: Candidate | None) -> bool:
        span = cand.span
        inner = text[span.inner_start:span.inner_end]
        words = inner.split()
        raw = text[span.open + 1:span.raw_end].rstrip()
        punctuated = raw[-1:] in ",.!?…" if raw else False
        titled = _title_like(words) and not punctuated
        # (A phrase naming no one we can tell, "said the brother of X", still says the
        # words beside it are someone's, unless they are a word or two.)
        adjacent = cand.after is not None or (cand.before is not None and cand.before.direct) \
            or (cand.unnamed is not None and cand.unnamed.direct and len(words) >= 3)
        if not any(ch.isalnum() for ch in inner):
            return False
        titled_by_word = _named_by_a_title_word(text, span.open)
        if titled_by_word and (not adjacent or cand.after is None and lexicon().code in (
                "fr", "es")) or not adjacent and _next_in_list(text, cand, prev):
            # ("presentó la ponencia: “…”": a verb before a title word is no attribution)
            cand.title = True
            return False  # "the study, ‘Paying for convenience: …’", "la campaña “…”"
        if not adjacent and len(words) <= _TERM_WORDS and words[0][:1].isupper() \
                and _after_a_german_article(text, span.open):
            return False  # "das „Recht auf Arbeit“": the article is the named thing's
        if not adjacent and not punctuated and _headed(words):
            return False  # "el foro “Panamá: el centro de …”": a title and its subtitle
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
            # (Three words reach here only beside speech: "said she was “astonished and
            # humbled”", a partial quote; "“tens of millions” of dollars" is an amount.)
            return len(words) >= 4 or len(words) == 3 and not any(
                w.lower() in NUMBER_WORDS or any(ch.isdigit() for ch in w) for w in words)
        sentence_like = punctuated or inner[:1].isupper()
        if adjacent and not titled and (punctuated or len(words) >= 3):
            return True
        if titled:
            return False
        return (len(words) >= 4 and sentence_like) or _whole_sentence(text, span, words)

    def _speech_in_sentence(self, text: str, cand: Candidate) -> bool:
        """A verb of speech, or "according to", in the sentence around a quote: words in
        quote marks with none are a term, a title or a slogan, not a quote."""
        a, b = self.sentences[cand.paragraph][cand.sentence] if self.sentences[
            cand.paragraph] else (0, len(text))
        words = _speech_words(lexicon().code)
        for lo, hi in ((a, cand.span.open), (cand.span.outer_end, b)):
            toks = tokenize(text, lo, min(hi, lo + 600))
            charge(len(toks) // 8)
            if any(t.low in words for t in toks):
                return True
        return False


@cache
def _speech_words(code: str) -> frozenset[str]:
    """Words that show speech around a quote: the verbs of speech and reported speech, the
    participles, and the first word of "according to" ("laut", "selon")."""
    lex = LEXICONS[code]
    according = {form[0] for form in lex.according
                 if len(form) == 1 or form[0] not in ("in", "en", "de", "selon")}
    return lex.speech_verbs | lex.participles | MORE_SPEECH.get(code, frozenset()) | according



def _first_person(text: str, lo: int, hi: int) -> bool:
    """Words of someone speaking of themselves: "nous", "nuestro", "esperamos"."""
    code = lexicon().code
    words = FIRST_PERSON.get(code, frozenset())
    return any(t.low in words or code == "es" and len(t.low) > 5 and t.low.endswith(
        ("amos", "emos", "imos")) for t in tokenize(text, lo, hi))


def _whole_sentence(text: str, span: Span, words: list[str]) -> bool:
    """A quote that is a sentence on its own ("“Others will follow.”" after an attributed
    quote): someone's words, however short, never a scare quote inside a sentence."""
    if span.close is None or len(words) < 2 or not words[0][:1].isupper():
        return False
    end = span.outer_end
    if text[span.inner_end - 1] in ".!?…":
        pass
    elif text[end:end + 1] in (".", "!", "?") and not text[:span.open].strip() \
            and not text[end + 1:].strip():
        # "“Fue el proyecto más difícil de mi carrera”.": a paragraph that is all quote,
        # its full stop after the closing mark (as French, German and Spanish place it)
        end += 1
    else:
        return False
    before = rstrip_end(text, span.open)
    if before and text[before - 1] not in ".!?…”\"’'»":
        return False
    after = text[end:end + 2].lstrip()
    return not after or after[0].isupper() or after[0] in "“\"‘'«„"



# A phrase in quote marks of this many words or fewer is a quote only beside speech.
_TERM_WORDS = 8
# Verbs of speech that attribute a partial quote in reported speech without being
# attribution verbs: "called for", "describes it as", "insisted", "promised to".
MORE_SPEECH = {
    "en": _words("""call calls called calling describe describing described urge urged say
        speak spoke speaking spoken tell told insist warn promise promised pledged pledge
        vow vowed welcomed welcomes welcome criticised criticized condemned condemns
        praised praises thanked thanks expressed expresses reaffirmed reaffirms hailed
        branded labelled labeled dubbed termed referred refers words message remarks
        statement speech interview address letter told reads read"""),
    "fr": _words("""qualifié qualifie appelé appelle appelant parlé parle exprimé exprime
        salué salue dénoncé dénonce promis promet propos discours message déclaration
        entretien lettre communiqué hommage souvenir"""),
    "de": _words("""nannte nennt bezeichnete bezeichnet sprach spricht forderte fordert rief
        ruft lobte lobt kritisierte kritisiert worte worten rede botschaft interview brief heißt
        hieß mitteilung erklärung
        sei seien wolle gelte müsse könne solle dürfe"""),
    "es": _words("""calificó califica llamó llama habló habla pidió pide instó insta
        prometió promete palabras discurso mensaje entrevista carta expresó reza comunicado
        homenaje recuerdo"""),
}



# Nouns and participles that introduce a title in quote marks, not someone's words.
_TITLE_WORDS = _words("""
    titled entitled called named dubbed study report paper book article campaign programme
    program project song film slogan motto theme hashtag exhibition initiative strategy
    themed headlined topic topics themes titles sessions session talk talks lecture seminar
    webinar workshop panel festival competition award series podcast album programmes
    programs campaigns slogans reports books films songs tagline headline banner poster
    intitulé intitulée baptisé baptisée appelé appelée nommé rapport étude livre campagne
    projet programme thème slogan devise exposition initiative stratégie
    titulado titulada denominado denominada llamado llamada informe estudio libro campaña
    proyecto programa lema exposición iniciativa estrategia
    titel namens studie bericht buch kampagne projekt programm motto ausstellung initiative
    strategie
    forum forums conference summit seminar workshop webinar symposium festival principle
    conférence colloque séminaire sommet forum atelier salon circulaire principe charte
    foro conferencia congreso seminario jornada cumbre taller coloquio simposio festival
    principio actividad evento película concurso feria muestra ponencia ponencias tema
    temas charla charlas disertación
    événement spectacle concours film statut
    opération loi label prix plan dispositif charte décret
    operativo ley premio certamen plan decreto reglamento
    aktion gesetz preis verordnung wettbewerb sogenannte sogenannten sogenannter
    sogenanntes
    law act bill award prize operation scheme
    konferenz tagung kongress gipfel seminar grundsatz prinzip leitfaden
""")
# German compounds end in the word that says what they are: "Positionspapier",
# "Jahresbericht", "Fachtagung".
_GERMAN_TITLE_TAILS = ("papier", "bericht", "studie", "titel", "programm", "kampagne",
                       "konferenz", "tagung", "kongress", "motto", "grundsatz", "leitfaden",
                       "forum", "gipfel", "projekt", "preis", "gesetz", "aktion",
                       "initiative", "ausstellung", "wettbewerb", "strategie", "verordnung")
_TITLE_NOUNS = frozenset(["titre", "título", "title", "titel"])
_TITLE_ARTICLES = frozenset(["the", "la", "le", "el", "die", "der", "das"])
# What joins the items of a list: ", ", " and ", ", or ", " y ", " et ", " und ".
_LIST_JOIN = re.compile(r",?\s*(?:(?:and|or|y|o|et|ou|und|oder|&)\s+)?")


def _named_by_a_title_word(text: str, open_i: int) -> bool:
    """The words right before a quote mark name what it holds as a title ("the study,",
    "entitled", "la campaña", "mit dem Titel")."""
    words = text[max(0, open_i - 40):open_i].split()
    if words and words[-1].endswith(":") and any(w.lower() in _TITLE_NOUNS for w in words):
        # "Le titre de l'étude se veut neutre : « … »": what the colon introduces is the
        # title the clause is about.
        return True
    if words and words[-1].lower() in _TITLE_ARTICLES:
        words.pop()
    if len(words) > 1 and [w.lower() for w in words[-2:]] == ["such", "as"]:
        del words[-2:]  # "programmes such as ‘…’"
    elif words and words[-1].lower().rstrip(":") in ("like", "including", "como", "comme"):
        words.pop()  # ("temas como: “…”", "des thèmes comme « … »")
    if len(words) > 1 and lexicon().code in ("fr", "es") and words[-1].islower() \
            and words[-2].lower() in _TITLE_WORDS:
        words.pop()  # "el evento internacional “…”": an adjective after the title word
    last = words[-1].strip(",:;").rsplit("’", 1)[-1].rsplit("'", 1)[-1] if words else ""
    last = last.lower()
    return last in _TITLE_WORDS or (  # ("l’initiative « … »": the word after the elision)
        lexicon().code == "de" and last.endswith(_GERMAN_TITLE_TAILS))


_GERMAN_ARTICLES = _words("der die das den dem des")


def _after_a_german_article(text: str, open_i: int) -> bool:
    """A German definite article right before the opening mark ("das „Recht auf Arbeit“",
    "die „Zeitenwende“"): the marks hold the name of a thing, not someone's words ("von einem
    „historischen Tag“" is a partial quote)."""
    if lexicon().code != "de":
        return False
    words = text[max(0, open_i - 12):open_i].split()
    return bool(words) and text[open_i - 1:open_i] == " " and words[-1] in _GERMAN_ARTICLES


def _headed(words: list[str]) -> bool:
    """ "Geopolitische Zeitenwende: Auswirkungen des Krieges", "La filière : un enjeu": a
    capitalised head of a few words, a colon and what it is about, the shape of a title or
    headline (someone's words without a phrase beside them end as a sentence does)."""
    if not words or not words[0][:1].isupper() or len(words) > 25:
        return False
    head = next((k for k, w in enumerate(words[:11]) if w.endswith(":")), None)
    return head is not None and words[-1][-1:] not in ".!?…"


def _next_in_list(text: str, cand: Candidate, prev: Candidate | None) -> bool:
    """ "the topics ‘A’, ‘B’ and ‘C’": the next title of a list that a title word began."""
    return prev is not None and prev.title and _LIST_JOIN.fullmatch(
        text, prev.span.outer_end, cand.span.open) is not None


def _title_like(words: list[str]) -> bool:
    """ "State of the Climate", "Team Europe": a name in quote marks, not someone's words."""
    content = [w for w in words if w[:1].isalpha() and w.lower() not in _TITLE_SMALL]
    if len(content) < 1 or len(words) > 12:
        return False
    capitalised = sum(1 for w in content if w[:1].isupper())
    # (German writes every noun with a capital: „Unsere Länder sind Freunde“ is a sentence,
    # and only a phrase with no lower-case word but its small words is a title.)
    share = 1.0 if lexicon().code == "de" else 0.7
    return capitalised >= share * len(content) and words[0][:1].isupper()
