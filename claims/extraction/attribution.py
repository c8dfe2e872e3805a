"""The attribution phrase beside a quote, in the words of the release's language.

After the closing mark: ", said X" / ", X said" / ", according to X" / "», a déclaré X" /
"», a-t-il ajouté" / "“, erläutert X" / "”, dijo X" / "”, dijo." (Spanish drops the subject:
it is the person the text is about) / a signature "— Name, Role". Before the opening mark:
"X said:" / "X warned that" / "According to X," / "Dazu sagt X: „" / "Según X: “".
The verbs, auxiliaries and "according to" words come from ``languages.lexicon()``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from .languages import LEXICONS, lexicon
from .lexicon import word_set as _words
from .names import find_refs
from .text import UPPER, rstrip_end
from .tokens import Tok, tokenize


@dataclass
class Attribution:
    """An attribution phrase at ``start:end`` whose subject is at ``subj_lo:subj_hi``.

    An empty subject (``subj_lo == subj_hi``) is one the language leaves out ("dijo"): the
    speaker is the person the text is about.
    """

    start: int
    end: int
    subj_lo: int
    subj_hi: int
    after_verb: bool  # the subject follows the verb ("said the Minister")
    direct: bool  # the phrase touches the quote ("X said:" / ", he said")
    pronoun: str = ""  # a pronoun inside the verb ("a-t-il ajouté", "ajoute-t-elle")
    plural: bool = False  # the verb's form says several spoke ("sagten sie", "dijeron")

    @property
    def implied(self) -> bool:
        return self.subj_lo >= self.subj_hi and not self.pronoun


_DAYS = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday"
_EXTRAS = re.compile(
    r"(?:,?\s+(?:today|yesterday|tonight|afterwards|later|also|further|again|earlier|recently"
    r"|simply|firmly|proudly|then|on (?:" + _DAYS + r")|last (?:week|month|year|night)"
    r"|this (?:week|month|morning|afternoon|evening)"
    r"|in (?:a|an|the|her|his|their|its) (?:[a-z]+ ){0,2}(?:statement|release|interview|speech"
    r"|address|message|letter|post|blog|email|call|briefing|conference|note|video|remarks)"
    r"|(?:to|in an interview with|during an interview with) (?:reporters|journalists|the press"
    r"|the media|delegates|the audience|attendees|students|staff|members|guests|participants"
    r"|the [A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3}|[A-Z][\w’'.-]*(?: [A-Z][\w’'.-]*){0,3})"
    r"|at (?:the|a) (?:event|launch|ceremony|conference|meeting|summit|briefing|press conference"
    r"|opening|signing|reception|announcement)))+"
)
# Words after which no subject of a speech verb can start or go on.
_STOPS = _words("""
    is was were are be been being has have had will would can could should may might must do
    does did not that which because if when whether than
    est était sont étaient sera serait peut doit que qui lorsque quand si parce
    ist war sind waren wird würde kann könnte soll muss dass weil wenn ob als
    es era son eran será sería puede debe que cuando si porque
""")
_ADVERBS = _words("""
    also further then later again simply firmly proudly once a hat
    aussi encore ensuite enfin également auch dazu weiter zudem außerdem abschließend
    también además luego finalmente asimismo
    notamment toutefois cependant néanmoins pourtant ainsi alors jedoch allerdings dabei
    igualmente posteriormente
""")
_AS_WORDS = {"es": frozenset(["como"]), "fr": frozenset(["comme"])}
_CUT_PREPOSITIONS = _words("""
    in at on during when while as after before to following from via am im bei
    lors au aux à dans pendant en avant après depuis
    beim auf nach vor während zum zur
    durante al tras antes después desde ante para pour
""")
_CUT_AFTER_COMMA = _words("""
    who which adding noting saying before after as when while and
    qui lequel laquelle ajoutant soulignant et
    der die das welche welcher und
    quien quienes que y e
""")
_TIME_WORDS = frozenset([
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today",
    "yesterday",
])
_SUBJECT_DETERMINERS = _words("the a an this our their its his her")
_SIGNATURE = re.compile(r"[ \t]*[-–—―]+[ \t]*(?=[" + UPPER + "])")
_DIRECT_TAIL = re.compile(
    r"(?:\s*(?:out|on|up|hinzu|klar|aus|hervor))?(?:\s*(?:that|que|dass|que))?\s*[:,—–-]?"
)


def _skip_punct(s: str, i: int, hi: int) -> int:
    while i < hi and (s[i].isspace() or s[i] in ",;:—–-"):
        i += 1
    return i


def _extend_extras(s: str, end: int, hi: int) -> int:
    m = _EXTRAS.match(s, end, hi)
    return m.end() if m else end


def _according(toks: list[Tok], a: int) -> int:
    """How many words of an "according to" form start at ``toks[a]`` (0 for none)."""
    if toks[a].low not in _FIRST_WORDS:
        return 0
    for form in lexicon().according:
        width = len(form)
        if a + width <= len(toks) and all(
                toks[a + k].low.replace("'", "’") == w.replace("'", "’")
                for k, w in enumerate(form)):
            if a + width + 1 < len(toks) and toks[a + width + 1].low in _SIDE_WORDS:
                return 0  # "pour sa part", "por su parte": on their side, not "according to"
            return width
    return 0


_SIDE_WORDS = _words("part parte côté lado")
# "according to" forms that also mean "for": only opening a sentence or clause ("Pour le
# maire, « … »", "Para la ministra, “…”").
_FOR_WORDS = _words("pour para für")


# The first words of every language's "according to" forms.
_FIRST_WORDS = frozenset(form[0] for lex in LEXICONS.values() for form in lex.according) | {
    "d’après"}


def _is_verb(t: Tok, *, first: bool = False, s: str = "") -> bool:
    """A speech verb of the language; capitalised only right after a quote ("Said X"); not
    one that means something else before its word ("contó con", given the text ``s``)."""
    lex = lexicon()
    if t.low not in lex.speech_verbs or (t.cap and not first):
        return False
    other = lex.not_speech_before.get(t.low)
    return not (other and s and s[t.end:t.end + len(other) + 2].split()[:1] == [other])


def _inverted_pronoun(t: Tok) -> str:
    """ "ajoute-t-il", "a-t-elle": a French verb with its subject pronoun after it."""
    if "-" not in t.low:
        return ""
    parts = t.low.split("-")
    lex = lexicon()
    if parts[-1] in lex.pronouns and (parts[0] in lex.speech_verbs or parts[0] in lex.auxiliaries):
        return t.text.rsplit("-", 1)[-1]
    return ""


def _particle_end(s: str, t: Tok, hi: int) -> int | None:
    """Where the verb ends with its particle ("pointed out"); None when it lacks one."""
    particle = lexicon().particles.get(t.low)
    if particle is None:
        return t.end
    if lexicon().code == "de":
        # A German particle comes after the subject: "fügte X hinzu", "teilte die Polizei
        # mit"; without it "gab", "stellte", "führte" say nothing of speech.
        return t.end if _german_particle(s, t.end, hi, particle) else None
    if s.startswith(" " + particle, t.end) and t.end + len(particle) + 1 <= hi:
        return t.end + len(particle) + 1
    return None


def _german_particle(s: str, at: int, hi: int, particle: str) -> bool:
    """The separable particle of a German verb later in its clause (within 150 characters)."""
    stop = min(hi, at + 150)
    for mark in ".;:!?„“\"»«":
        k = s.find(mark, at, stop)
        if k >= 0:
            stop = k
    return re.search(rf"\b{particle}\b", s[at:stop + 1]) is not None


def _starts_subject(t: Tok) -> bool:
    """A subject after the verb starts with a name, a title, a determiner or a pronoun
    ("one of", "einer der", "l’un des", "uno de")."""
    lex = lexicon()
    return (t.cap or t.cls in ("R", "H") or t.low in lex.determiners
            or t.low in _SUBJECT_DETERMINERS or t.low in lex.pronouns or t.low in _ONE_OF
            or latter_word(t.low))


def _subject_ahead(s: str, toks: list[Tok], j: int) -> bool:
    """A subject starts at ``toks[j]``, or within its first words ("market committee chair
    Anna X"), before any punctuation."""
    if _starts_subject(toks[j]):
        return True
    for k in range(j + 1, min(j + 4, len(toks))):
        if any(c in s[toks[k - 1].end:toks[k].start] for c in ",;:.()"):
            return False
        if toks[k].cap or toks[k].cls == "R":
            return True
    return False


_ONE_OF = _words("""
    one einer eine un une l’un l'un l’une l'une uno una this ce cette celle celui diese dieser
    ésta éste esta este
""")
# "the latter", "ce dernier", "letztere", "ésta última": the person named last.
_LATTER = _words("""
    latter dernier dernière letztere letzterer letztgenannte letztgenannter último última
""")


def latter_word(low: str) -> bool:
    return low in _LATTER


def parse_after(s: str, lo: int, hi: int) -> Attribution | None:
    """An attribution right after a closing mark (see the module's docstring)."""
    signature = _SIGNATURE.match(s, lo, hi)
    if signature and hi >= len(s.rstrip()) and len(s[signature.end():hi].split()) <= 25:
        end = rstrip_end(s, hi, " .;")
        return Attribution(lo, end, signature.end(), end, True, True)
    i = _skip_punct(s, lo, hi)
    if i < hi and s[i] == "." and s[i + 1:i + 2] == " " and s[i + 2:i + 3].islower():
        i = _skip_punct(s, i + 1, hi)  # "…consumidores”. dijo Fabien X": a stray full stop
    if i >= hi:
        return None
    toks = tokenize(s, i, min(hi, i + 400))[:40]
    if not toks or toks[0].start != i:
        return None
    width = _according(toks, 0)
    if width:
        if width >= len(toks) or not _starts_subject(toks[width]):
            return None
        end = _cut_subject(s, toks, width, hi)
        if end <= toks[width].start:
            return None
        return Attribution(i, end, toks[width].start, end, True, True)
    k = 0
    while k < len(toks) and toks[k].low in _ADVERBS:
        k += 1
    lex = lexicon()
    if k + 1 < len(toks) and toks[k].low in _AS_WORDS.get(lex.code, ()):
        # "…", como (lo) dijo X / «…», comme l’a rappelé X: "as X said it".
        k += 1
        if k + 1 < len(toks) and toks[k].low in ("lo", "l’a", "l'a"):
            k += 1
    if k + 1 < len(toks) and toks[k].low in ("se", "s", "sich") and lex.code != "en" \
            and _is_verb(toks[k + 1]):
        k += 1  # "se félicite X", "se felicitó X": a reflexive speech verb
    elif k + 1 < len(toks) and toks[k].low in _OBJECT_PRONOUNS.get(lex.code, ()) and (
            _is_verb(toks[k + 1]) or toks[k + 1].low in lex.auxiliaries):
        k += 1  # "le dijo X a Y", "nous a confié X": whom it was said to, before the verb
    if k + 1 < len(toks) and toks[k].low in lex.auxiliaries and _is_verb(toks[k + 1]):
        k += 1  # "a déclaré X", "ha dicho X"
    if k < len(toks):
        pronoun = _inverted_pronoun(toks[k])
        if pronoun:
            return Attribution(i, toks[k].end, toks[k].end, toks[k].end, True, True, pronoun)
    infinitive = False
    if k < len(toks) and lex.infinitives:
        k, infinitive = _de_infinitive(s, toks, k)
    if k < len(toks) and (infinitive or _is_verb(
            toks[k], first=k == 0 and s[lo:i].strip() in ("", ","), s=s)):
        after = _particle_end(s, toks[k], hi)
        if after is None:
            return None
        j = next((x for x in range(k + 1, len(toks)) if toks[x].start >= after), len(toks))
        if j < len(toks):
            pronoun = _inverted_pronoun(toks[j]) or (
                toks[j].text if toks[j].low in lex.pronouns and lex.code != "en" else "")
            if pronoun:
                return Attribution(i, toks[j].end, toks[j].end, toks[j].end, True, True, pronoun,
                                   plural=_plural_verb(toks[k].low, pronoun.lower()))
        if j >= len(toks) or not _subject_ahead(s, toks, j):
            if lex.code == "es":  # "”, dijo en alusión a …": the subject is left out
                return Attribution(i, toks[k].end, toks[k].end, toks[k].end, True, True,
                                   plural=_plural_verb(toks[k].low, ""))
            return None
        end = _cut_subject(s, toks, j, hi)
        if end <= toks[j].start:
            return None
        return Attribution(i, end, toks[j].start, end, True, True)
    for v in range(1, min(len(toks), 16)):
        t = toks[v]
        verb = _is_verb(t, s=s) or (t.low in lex.auxiliaries and v + 1 < len(toks)
                                    and _is_verb(toks[v + 1], s=s))
        if verb:
            last = toks[v + 1] if t.low in lex.auxiliaries else t
            end = _particle_end(s, last, hi)
            if end is None:
                return None
            subj_hi = rstrip_end(s, t.start, " ,")
            j = next((x for x in range(v + 1, len(toks)) if toks[x].start >= end), len(toks))
            if lex.code != "en" and s[subj_hi:t.start].strip() == "," and j < len(toks) \
                    and (toks[j].cap or toks[j].cls == "H") and s[end:toks[j].start] == " ":
                # "« … », une chaîne de télévision privée, a expliqué M. Sène": the words
                # between commas gloss the quote's last words; the subject follows the verb.
                subj_end = _cut_subject(s, toks, j, hi)
                if subj_end > toks[j].start:
                    return Attribution(i, subj_end, toks[j].start, subj_end, True, True)
            end = _extend_extras(s, end, hi)
            return Attribution(i, end, i, subj_hi, False, True)
        if t.low in _STOPS or (t.low in lex.participles and v > 0):
            return None
    return None


def _plural_verb(verb: str, pronoun: str) -> bool:
    """A verb whose form is plural where the pronoun does not say: "sagten sie" (German
    "sie" is she or they), "dijeron", "señalan" (Spanish leaves the subject out)."""
    code = lexicon().code
    if code == "de":
        return pronoun == "sie" and verb.endswith("n")
    if code == "es":
        return not pronoun and verb.endswith(("ron", "an", "en"))
    return False


def _de_infinitive(s: str, toks: list[Tok], k: int) -> tuple[int, bool]:
    """ "de dénoncer X", "d’ajouter X": the infinitive's index and True, or ``k`` and False."""
    t = toks[k]
    infinitives = lexicon().infinitives
    if t.low == "de" and k + 1 < len(toks) and toks[k + 1].low in infinitives \
            and s[t.end:toks[k + 1].start] == " ":
        return k + 1, True
    if t.low[:2] in ("d’", "d'") and t.low[2:] in infinitives:
        return k, True
    return k, False


def _cut_subject(s: str, toks: list[Tok], j: int, hi: int) -> int:
    """Where a subject after the verb ends: before "in a statement", ", adding that" ..."""
    end = toks[j - 1].end if j else toks[0].start
    conjunctions = lexicon().conjunctions
    for x in range(j, len(toks)):
        t = toks[x]
        gap = s[toks[x - 1].end:t.start] if x else ""
        if x > j and "," in gap and t.cls != "R" and (
                t.low in _CUT_AFTER_COMMA or t.low.endswith("ing")) and not (
                t.low in ("der", "die", "das") and x + 1 < len(toks) and toks[x + 1].cap):
            break  # ", adding that", ", who", ", die … sagte" (but not ", die Bundesrätin X")
        if x > j and t.low in conjunctions and x + 1 < len(toks) and not toks[x + 1].cap \
                and toks[x + 1].low not in lexicon().determiners:
            break  # "…, Peter Ganten und dankt den Unternehmen"
        if x > j and t.low in _CUT_PREPOSITIONS and x + 1 < len(toks):
            nxt = toks[x + 1]
            det = nxt.low in ("a", "an", "the", "his", "her", "their", "its", "this", "last")
            after = toks[x + 2] if det and x + 2 < len(toks) else nxt
            if not after.cap or after.low in _TIME_WORDS:
                break
        if any(c in gap for c in ";—–") or t.low in _STOPS:
            break
        end = t.end + (2 if t.possessive else 0)
        if s.startswith(".", end) and (t.cls in ("I", "H") or t.low in ("jr", "sr", "st")):
            end += 1
    return min(end, hi)


def parse_before(s: str, lo: int, hi: int) -> Attribution | None:
    """An attribution ahead of an opening mark: "X said:", "X warned that", "According to X,"."""
    lo = max(lo, hi - 400)
    toks = tokenize(s, lo, hi)
    if not toks:
        return None
    end = rstrip_end(s, hi)
    tail = s[lo:end]
    for a in range(len(toks) - 1, max(-1, len(toks) - 41), -1):
        width = _according(toks, a)
        if width == 1 and toks[a].low in _FOR_WORDS and a and "," not in s[
                toks[a - 1].end:toks[a].start]:
            continue  # "une opportunité pour Hollywood, de …": "for", not "according to"
        if width and a + width < len(toks) and _starts_subject(toks[a + width]):
            subj_hi = rstrip_end(s, end, " ,:")
            if subj_hi - toks[a + width].start > 150:
                break
            return Attribution(toks[a].start, subj_hi, toks[a + width].start, subj_hi, True, True)
    lex = lexicon()
    first = max(0, len(toks) - 30)
    for v in range(len(toks) - 1, first - 1, -1):
        t = toks[v]
        if t.cap or (not _is_verb(t, s=s) and t.low not in lex.participles):
            continue
        particle = lex.particles.get(t.low)
        if particle and lex.code != "de" and not s.startswith(" " + particle, t.end):
            continue
        if particle and lex.code == "de" and not _german_particle(s, t.end, end, particle):
            continue  # "gab es Lob des Ministers:" is no "gab … bekannt"
        after = _extend_extras(s, t.end, end)
        direct = bool(_DIRECT_TAIL.fullmatch(s, after, end))
        att_end = rstrip_end(s, end, " ,:—–-") if direct else t.end
        # "Dazu sagt Peter Ganten: „…“": in German, French and Spanish the subject may
        # follow the verb even before the quote.
        # ("Christian Dubois a, pour sa part, commenté les compétences de X :" has its
        # subject before the verb, and what follows it is the object.)
        # ("Herrero le dijo a la concejal, … de Y: “…”": Spanish "a" after the verb opens
        # whom it was said to, and the subject is before the verb.)
        if lex.code != "en" and v + 1 < len(toks) and _starts_subject(toks[v + 1]) \
                and toks[v + 1].low != "a" \
                and s[rstrip_end(s, end) - 1:end][:1] in (",", ":") and end - t.end < 250 \
                and not any(x.low in lex.pronouns for x in toks[:v]) \
                and not _subject_name_before(s, toks, v) \
                and not _subject_opens_clause(s, toks, v):
            subj_hi = rstrip_end(s, end, " ,:")
            return Attribution(t.start, subj_hi, toks[v + 1].start, subj_hi, True, True)
        subj_hi = t.start
        if v - 1 > first and toks[v - 1].low in _OBJECT_PRONOUNS.get(lex.code, ()):
            # "X, qui nous confirme que", "Y nos dijo que": the pronoun before the verb is
            # whom it was said to; the subject is before it.
            subj_hi = rstrip_end(s, toks[v - 1].start)
        return Attribution(lo, att_end, lo, subj_hi, False, direct)
    intro = _STATEMENT_INTRO.search(s, max(lo, end - 60), end)
    if intro:
        # "gibt die Polizeipräsidentin X folgendes Statement (ab):", "nimmt X wie folgt
        # Stellung:": the subject of the sentence gives the statement.
        return Attribution(lo, end, lo, intro.start(), False, True)
    words_of = _WORDS_OF.search(s, max(lo, end - 120), end)
    if words_of:
        # "gab es Lob des Ministers: „…“", "les mots du maire : « … »", "palabras de la
        # alcaldesa: “…”": the words introduced are those of whom the phrase names.
        subj_hi = rstrip_end(s, end, " :")
        return Attribution(words_of.start(), subj_hi, words_of.start("who"), subj_hi, True,
                           True)
    if tail.endswith(":") and len(toks) > 8 and end - lo < 300:
        subject = _opening_subject(s, toks, end)
        if subject is not None:
            # "Er begrüßte die Gäste und gab einen Ausblick: „…“": a sentence whose subject
            # opens it, leading into the quote with a colon.
            return Attribution(lo, end, subject[0], subject[1], False, True)
    if tail.endswith(":") and len(toks) <= 8:
        return Attribution(toks[0].start, end - 1, toks[0].start, end - 1, False, True)
    words = _WITH_WORDS.search(s, max(lo, end - 80), end) if tail.rstrip(" :").endswith(
        _WITH_NOUNS) else None
    if words:
        # "X verabschiedete seine Gäste mit den Worten: „…“", "X closed with the words: “…”":
        # the sentence's subject said it.
        return Attribution(lo, end, lo, words.start(), False, True)
    return None


def verb_inside(s: str, lo: int, open_: int, inner: int) -> Attribution | None:
    """ "le ministère X ‘’informe que …’’": the quote opens on a speech verb and "que" (a
    communiqué's own words, its attribution printed inside the marks); the words before the
    mark, back to the clause's comma, are the verb's subject."""
    lex = lexicon()
    toks = tokenize(s, inner, min(len(s), inner + 40))[:2]
    if lex.code == "en" or len(toks) < 2 or toks[0].cap or not _is_verb(toks[0], s=s) \
            or toks[1].low not in ("que", "qu", "dass"):
        return None
    hi = rstrip_end(s, open_)
    subj_lo = max(lo, s.rfind(",", lo, hi) + 1)
    while subj_lo < hi and s[subj_lo].isspace():
        subj_lo += 1
    if hi - subj_lo < 3 or hi - subj_lo > 150 or s[hi - 1] in ",:;":
        return None
    return Attribution(subj_lo, hi, subj_lo, hi, False, True)


def _subject_name_before(s: str, toks: list[Tok], v: int) -> bool:
    """A name (two capitalised words) before the verb ``toks[v]`` that may be its subject:
    not one after a preposition ("Gegenüber Rolf X erklärte Jane Y:", "Face à Paul X, a
    répondu Jane Y :"), which is whom or what the sentence speaks of."""
    for k in range(v - 1):
        x, y = toks[k], toks[k + 1]
        if x.cls == "N" and y.cls == "N" and s[x.end:y.start] == " " \
                and x.low not in _BEFORE_AN_OBJECT \
                and not (k and toks[k - 1].low in _BEFORE_AN_OBJECT):
            return True
    return False


# Prepositions whose noun is no subject: the ones that end a subject, and those that open a
# sentence with whom it was said to or about.
_BEFORE_AN_OBJECT = _CUT_PREPOSITIONS | _words("""
    gegenüber mit für zu von über an durch dank seitens laut selon avec pour par face chez
    devant según con para por ante sobre frente entre with for to by from about
""")


def _subject_opens_clause(s: str, toks: list[Tok], v: int) -> bool:
    """ "La même source ajoute le patrouilleur X, …": an article and its noun open the
    clause of the verb ``toks[v]``: the subject comes before the verb, and the words after
    it are what is said."""
    k = v - 1
    if k >= 0 and toks[k].low in lexicon().auxiliaries:
        k -= 1
    first = k
    while first > 0 and not any(c in s[toks[first - 1].end:toks[first].start] for c in ",;:("):
        first -= 1
    return 0 <= first < k and toks[first].low in _CLAUSE_ARTICLES


_CLAUSE_ARTICLES = frozenset(["le", "la", "les", "l", "el", "los", "las", "der", "die", "das"])


def _opening_subject(s: str, toks: list[Tok], end: int) -> tuple[int, int] | None:
    """Where a person, a title or a pronoun opening the sentence ``toks`` is written."""
    first = toks[0]
    lex = lexicon()
    if first.low in lex.pronouns and lex.pronouns[first.low] in ("m", "f"):
        return first.start, first.end
    refs = find_refs(s, first.start, end)
    if refs and refs[0].start == first.start and refs[0].kind in ("person", "surname", "title") \
            and not refs[0].possessive:
        return refs[0].start, refs[0].end
    return None


# Pronouns standing between a subject and its verb as the one spoken to.
_OBJECT_PRONOUNS = {"fr": _words("nous vous lui leur me m’ m' te"),
                    "es": _words("nos les le me te")}
_WORDS_OF = re.compile(
    r"\b(?:Lob|Worte|Dank|Kritik|Appell|Fazit|Botschaft|Mahnung|Warnung|Bilanz|propos|mots"
    r"|paroles|message|appel|constat|bilan|palabras|mensaje|llamado|balance|words|message"
    r"|verdict)\s+(?:des|der|vom|von|du|de la|de l[’']|des|del|de|of|of the)\s+"
    r"(?P<who>[^\W\d_][^:;.!?“”„«»\"]{2,80}?)\s*:\s*$")
_STATEMENT_INTRO = re.compile(
    r"\s(?:(?:folgendes|folgende|folgenden|nachstehendes|nachstehende)\s+(?:kurzes\s+)?"
    r"(?:Statement|Erklärung|Stellungnahme|Mitteilung)(?:\s+ab)?|wie\s+folgt\s+Stellung)\s*:\s*$")
_WITH_NOUNS = ("Worten", "Hinweis", "Bemerkung", "Aussage", "Satz", "words", "remark", "mots",
               "paroles", "palabras")
_WITH_WORDS = re.compile(
    r"\b(?:mit|with|avec|con)\s+(?:den|dem|der|the|these|ces|ses|estas|sus|las)\s+"
    r"(?:[^\W\d_]+\s+)?(?:Worten|Hinweis|Bemerkung|Aussage|Satz|words|remark|mots|paroles"
    r"|palabras)\s*:?\s*$")
