"""Who an attribution names: one person, several, an organisation, or no one sure.

The rules that keep a wrong name out: a speaker is a person whose name has the shape of a
name (given name and surname, particles and initials allowed; no organisation, place,
product or common word among them), or an organisation the text says said it, or one
person found by title, honorific, pronoun or the verb's left-out subject. An attribution
naming two people ("X and Y said"), or a group ("the organisers"), names no one speaker.
"""

from __future__ import annotations

import re
from functools import lru_cache

from .languages import is_role_word, lexicon
from .lexicon import (
    FUNCTION_WORDS,
    MONTHS,
    NAME_SUFFIXES,
    NUMBER_WORDS,
    PARTICLES,
    POSTNOMINALS,
    RANK_TITLES,
)
from .lexicon import word_set as _words
from .names import SURNAME_NOUNS, find_refs
from .text import UPPER
from .tokens import Ref, Tok, tokenize

# A statement line: "X has released the following statement:", "X issued this statement."
_STATEMENT_LINE = {
    "en": re.compile(r"\b(?:has|have|had)?\s*(?:released|issued|made|published|delivered|"
                     r"given|sent|provided)\s+(?:the\s+following|this|a|the)\s+(?:[\w-]+\s+)?"
                     r"statements?\b", re.IGNORECASE),
    "fr": re.compile(r"\b(?:a|ont)\s+(?:publié|diffusé|fait|rendu public|transmis)\s+"
                     r"(?:la|le|cette|ce)\s+(?:déclaration|communiqué)", re.IGNORECASE),
    "de": re.compile(r"\b(?:hat|haben|gab|gaben)\s+(?:die\s+)?(?:folgende|diese)\s+"
                     r"(?:Erklärung|Stellungnahme|Mitteilung)", re.IGNORECASE),
    "es": re.compile(r"\b(?:emitió|publicó|difundió|emitieron|publicaron)\s+(?:el|la|este|esta)"
                     r"\s+(?:siguiente\s+)?(?:comunicado|declaración)", re.IGNORECASE),
}
# A headline saying the body is one person's statement: "Statement by X", "Stellungnahme".
_STATEMENT_HEADLINE = re.compile(
    r"\b(?:statement|statements|déclaration|communiqué|stellungnahme|erklärung|"
    r"declaración|comunicado)\b", re.IGNORECASE)
# Plural subjects that stand for several people.
_GROUP_WORDS = {
    "en": _words("organisers organizers ministers leaders members partners researchers "
                    "authors officials"),
    "fr": _words("organisateurs ministres responsables membres partenaires chercheurs "
                    "auteurs"),
    "de": _words("organisatoren veranstalter partner forscher autoren"),
    "es": _words("organizadores ministros responsables miembros socios investigadores "
                    "autores"),
}


# "By Jane Doe, Mayor of X", "Par Jean X, maire de Y", "Von …", "Por …" opening a line: a
# byline. Under a quote it signs it as a name line does; above the quotes it names whoever
# wrote the release, who is not thereby their speaker.
BYLINE = re.compile(r"\s*(?:By|BY|Par|PAR|Von|VON|Por|POR)\s+(?=[" + UPPER + "])")


def is_byline(line: str) -> bool:
    """A line that is a byline and nothing else: after "By" only names, roles and the
    small words between them ("By March, Jane X had finished" is a sentence)."""
    return bool(BYLINE.match(line)) and len(line.split()) <= 16 and all(
        t.cap or t.cls in ("R", "H", "P") or t.low in FUNCTION_WORDS or is_role_word(t.low)
        for t in tokenize(line))


def statement_subject(text: str, lo: int, hi: int) -> tuple[int, int] | None:
    """Whose statement a line in ``text[lo:hi]`` introduces, as a span, or None: "X released
    the following statement", or "… the following statement from X" / "The following is a
    statement by X:" (then X, up to a participle or the end)."""
    by = _STATEMENT_BY.search(text, lo, hi)
    if by:
        end = hi
        cut = _STATEMENT_BY_END.search(text, by.end(), hi)
        if cut:
            end = cut.start()
        return (by.end(), end) if end > by.end() else None
    pattern = _STATEMENT_LINE.get(lexicon().code)
    m = pattern.search(text, lo, hi) if pattern else None
    if not m or m.start() <= lo:
        return None
    dateline = _DATELINE.match(text, lo, m.start()) or _DATED_LINE.match(text, lo, m.start())
    if dateline:
        lo = dateline.end()  # "SANTA ANA, Calif. – The Office has released …": not a name
    return lo, m.start()


# A dateline opening a paragraph: a place in capitals, maybe a region or a date after a comma,
# and a dash.
_DATELINE = re.compile(r"\s*[" + UPPER + r"][" + UPPER + r"\s.’'-]+(?:,[^–—\n]{1,40}?)?"
                       r"\s+[–—-]+\s+")
# Or a place in any case with a date ending in its year, maybe a wire service in brackets,
# then a dash: "Washington, D.C, Aug. 16, 2017 (GLOBE NEWSWIRE) -- ", "Bonn, 5. März 2020 – ".
_DATED_LINE = re.compile(r"\s*[^\W\d_][^–—\n]{0,80}?\b\d{4}\b(?:\s*\([^()\n]{1,40}\))?"
                         r"\.?\s*(?:--|[–—-])\s*")


_STATEMENT_BY = re.compile(
    r"\b(?:statement|déclaration|communiqué|erklärung|stellungnahme|declaración|comunicado"
    r"|message|mensaje|botschaft|palabras|words|quote|comment|remarks|zitat|citation"
    r"|declaraciones)s?"
    r"(?:\s+(?:\w+\s+){0,3}?(?:issued|released|made|published|publiée?|diffusée?|émise?"
    r"|faite?|emitid[oa]|publicad[oa]|difundid[oa]|hech[oa]|wurde|wurden))?"
    r"\s+(?:from|by|of|de|du|des|von|vom|der|del|par|por)\s+(?:the\s+|l[ae]\s+|la\s+)?",
    re.IGNORECASE)
# (The passive names the statement's maker after its verb: "The following statement was
# issued by X", "Le communiqué suivant a été publié par X", "El siguiente comunicado fue
# emitido por X", "Folgende Erklärung wurde von X abgegeben".)
_STATEMENT_BY_END = re.compile(r"\s+(?:expressing|on|about|regarding|concerning|sur|zu|über|"
                               r"sobre|to|in|following)\s|\s+(?:abgegeben|veröffentlicht"
                               r"|herausgegeben|verbreitet)\s*[.:]?\s*$|[.:]\s*$")


def is_statement_headline(headline: str) -> bool:
    return bool(_STATEMENT_HEADLINE.search(headline))


# The first word of a pair joining two subjects, opening the subject, and the second.
_CORRELATIVES = {"both": "and", "tanto": "como", "sowohl": "als"}


def names_several(text: str, lo: int, hi: int) -> bool:
    """ "X and Y have released", "die Organisatoren": a subject naming several people."""
    lex = lexicon()
    conjunctions, groups = lex.conjunctions, _GROUP_WORDS[lex.code]
    toks = tokenize(text, lo, hi)
    if any(t.low in groups and i and toks[i - 1].low in lex.determiners
           for i, t in enumerate(toks)):
        return True
    lows = [t.low for t in toks]
    if lows and lows[0] in _CORRELATIVES and _CORRELATIVES[lows[0]] in lows[2:]:
        return True  # "Tanto la alcaldesa como el concejal", "Both the mayor and the chief"
    if not any(t.low in conjunctions for t in toks):
        return False  # (no "and" to join two of them: the names need not be read)
    people = [r for r in find_refs(text, lo, hi) if r.kind in ("person", "surname", "title")]
    for i, (a, b) in enumerate(zip(people, people[1:], strict=False)):
        if a.kind == "title":
            continue  # "Chair and CEO Jaan Liebermann": two roles of one person
        between = tokenize(text, a.end, b.start)
        if b.kind == "title" and between and between[-1].low in conjunctions \
                and tokenize(text, b.start, b.end)[0].low not in lex.determiners \
                and not any(c.kind != "title" for c in people[i + 2:]):
            # "Mayor X of A and President of B", "maire de A et présidente de B": a role
            # after "and" without an article, and no name after it, is the same person's
            # second role; "and the President of B", "and Governor Y" bring in another.
            continue
        if any(t.low in conjunctions for t in between) and len(between) <= 3:
            return True
    return False


def person_like(name: str) -> bool:
    """A name with the shape of a person's: two to six words, each capitalised (or an
    initial or a particle), none of them a number word, an organisation, place or
    common word, nor an acronym."""
    return _person_like(name, lexicon().code)


@lru_cache(maxsize=4096)
def _person_like(name: str, code: str) -> bool:
    # (Asked of the same few names again and again: each time a pronoun, a title or a
    # quote is resolved.)
    toks = tokenize(name)
    words = [t for t in toks if t.low not in PARTICLES and t.cls != "X"
             and t.low not in NAME_SUFFIXES]
    if not 2 <= len(words) <= 6 or toks[0].cls == "P":
        return False
    for k, t in enumerate(words):
        if t.low in NUMBER_WORDS or t.cls not in ("N", "I", "A") \
                and not _noun_in_name(words, k, code):
            return False
    # An acronym is a surname in capitals ("Jean DUPONT") only beside ordinary words.
    return sum(t.cls == "A" for t in words) <= 1 and words[-1].cls != "I" and any(
        t.cls == "N" for t in words)


def _noun_in_name(words: list[Tok], k: int, code: str) -> bool:
    """A word the lexicon reads as a common noun or a role that is part of a name: a surname
    after a given name ("Anthony Lake", "Luke March", "Thomas König"), or a French or Spanish
    title of rank written as a given name ("Pape Sène", as names.py reads it)."""
    low = words[k].low
    if k == 0:
        return low in RANK_TITLES and code in ("fr", "es")
    return k == len(words) - 1 and words[k - 1].cls == "N" and (
        low in SURNAME_NOUNS or low in MONTHS or low in RANK_TITLES)


def surname_capitals(name: str) -> str:
    """ "Jean DUPONT" -> "Jean Dupont", "Marie DUPONT-MOREL" -> "Marie Dupont-Morel": a
    surname printed in capitals is written in its ordinary case (acronyms are left)."""
    words = name.split()
    if len(words) < 2 or not any(w[:1].islower() or (w[:1].isupper() and not w.isupper())
                                 for w in words):
        return name
    out = []
    for w in words:
        letters = [c for c in w if c.isalpha()]
        if w.strip(".,").lower() in _KEEP_CAPITALS:
            out.append(w)
            continue
        if len(letters) >= 3 and w.isupper() and any(c in "AEIOUYÀÂÉÈÊËÎÏÔÖÙÛÜ" for c in w):
            w = "-".join(part.capitalize() for part in w.split("-"))
        out.append(w)
    return " ".join(out)


_KEEP_CAPITALS = NAME_SUFFIXES | POSTNOMINALS | _words("ii iii iv vi vii viii ix")


# The verbs whose object a sentence speaks about, not with: "paid tribute to X", "thanked
# X", "a rendu hommage à X", "gratulierte X", "felicitó a X". Their object is the topic,
# so a pronoun after the sentence means its subject. (Not "met", "welcomed": the one met
# or welcomed may answer.)
_SPOKEN_ABOUT = {
    "en": re.compile(r"(?:\b(?:paid|pays|pay|paying)\s+(?:a\s+)?(?:\w+\s+)?tributes?\s+to|"
                     r"\b(?:praised|praises|praising|thanked|thanks|thanking|congratulated|"
                     r"congratulates|congratulating|commended|commends|honou?red|honou?rs|"
                     r"hailed|hails|lauded|lauds|applauded|remembered|mourned))"
                     r"\s+(?:the\s+late\s+|the\s+)?$"),
    "fr": re.compile(r"(?:\b(?:rendu|rend|rendre|rendant|rendent)\s+(?:un\s+)?(?:\w+\s+)?"
                     r"hommages?\s+(?:\w+\s+)?(?:à|au)|"
                     r"\b(?:salué|salue|saluant|remercié|remercie|remerciant|félicité|"
                     r"félicite|félicitant|honoré|honore|loué|loue))"
                     r"\s+(?:le\s+|la\s+|l’|l')?$"),
    "de": re.compile(r"\b(?:gratulierte|gratuliert|gratulierten|dankte|dankt|dankten|würdigte|"
                     r"würdigt|würdigten|lobte|lobt|lobten|ehrte|ehrt|ehrten|beglückwünschte|"
                     r"gedachte|gedenkt)\s+(?:(?:dem|den|der|die|des)\s+)?$"),
    "es": re.compile(r"(?:\b(?:rindió|rinde|rindieron|rinden)\s+(?:un\s+)?(?:\w+\s+)?"
                     r"homenaje(?:\s+\w+)?|"
                     r"\b(?:felicitó|felicita|felicitaron|agradeció|agradece|agradecieron|"
                     r"homenajeó|elogió|elogia|recordó))"
                     r"\s+(?:a\s+la\s+|al\s+|a\s+)$"),
}


def spoken_about(text: str, lo: int, at: int) -> bool:
    """The person named at ``at`` (in the sentence starting at ``lo``) is the object of a
    verb that speaks about them: "Mayor X paid tribute to Y", "X gratulierte Y"."""
    pattern = _SPOKEN_ABOUT.get(lexicon().code)
    return pattern is not None and pattern.search(text, max(lo, at - 60), at) is not None


def pronoun_ref_of(text: str, att_start: int, word: str) -> Ref:
    """A pronoun written inside the verb ("a-t-il ajouté") as a reference."""
    gender = lexicon().pronouns.get(word.lower(), "")
    return Ref("pronoun", att_start, att_start, word, name=word.lower(),
               gender=gender if gender in ("m", "f") else "", plural=gender == "p")


def implied_ref(at: int) -> Ref:
    """The subject a language leaves out ("dijo"): the person the text is about."""
    return Ref("implied", at, at, "", name="")
