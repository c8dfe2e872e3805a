"""Whether the words a rule gives a quote as its speaker are a person's name.

Every way of finding a speaker (a name beside the verb, a title, a headline, a surname, the
previous paragraph ...) ends in a string, and each can pick up words that are no part of a
name: a job before it ("Verleger Oliver X"), a preposition ("Par Pierre X"), a headline's verb
("Requests Staff Study"), the end of an organisation ("Commonwealth Office"), the dateline's
town. One check, run on every quote's speaker and on the release's list of speakers, judges
the string on evidence the release itself gives, so that it holds for releases no rule was
written from:

- a word the release writes in lower case (in German: as a noun, after an article) is a
  common word; with the ending of a noun for someone who does something, at the front of a
  full name, it is a job and is cut off; a name the release writes whole in mid-sentence
  keeps every word, so given names and surnames that are also words stay;
- a title-case headline capitalises its verbs and nouns: a name only the headline gives
  ends before the words the body writes in lower case;
- an organisation's or a group's word, or a noun for a thing by its ending, makes a name
  a body's, not a person's;
- a title-case headline's run that opens with its verb ("Announces …") is its predicate;
- a preposition, an article or a conjunction ("Et Alain X", "Y Juana X") is no part of a
  name, except the particles between a given name and a surname ("de la", "von der", "van
  den"); a run the release writes after an article is a title ("la Primera Dama de la
  Nación");
- the place a dateline opens with is no person;
- a name printed without its accents is spelt as the release spells it elsewhere.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right

from .languages import LEXICONS
from .lexicon import (
    CONJUNCTIONS,
    FUNCTION_WORDS,
    NAME_SUFFIXES,
    NAMES_WITH_NOUN_ENDINGS,
    PARTICLES,
    word_set,
)
from .names import GERMAN_AGENT_NOUNS, SURNAME_NOUNS
from .organisations import is_org_word
from .tokens import tokenize

# The articles of each language ("a" and "an" are prepositions in Spanish and German:
# "a Josu X", "an Roger X").
_OWN_ARTICLES = {
    "en": word_set("the a an"),
    "fr": word_set("le la les un une"),
    "es": word_set("el la los las un una unos unas"),
    "de": word_set("der die das den dem des ein eine einen einem eines"),
}
# Articles of the four languages: a capitalised word after one is a noun ("der Verleger",
# "the Commissioner"), not the start of a person's name.
_ARTICLES = frozenset().union(*_OWN_ARTICLES.values())
# Particles that open a surname ("de Gaulle", "von Trier", "van Gogh"), unlike articles.
_NAME_PARTICLES = word_set("de del du da di van von")
# Endings of nouns for things and ideas in the four languages ("Extinction", "Leadership",
# "Gemeinschaft", "Argument", "Capitalismo"), on words long enough that no given name or
# surname ends so. (Not the Spanish "-ción": "Asunción", "Concepción" are given names; not
# the French "-ment": "Lallement" is a surname.)
_THING_ENDINGS = ("tion", "sion", "ship", "ism", "ology", "ismus", "ismo", "isme", "ität",
                  "schaft", "heit", "keit", "ung", "miento", "logía", "ologie", "idad", "ité")
_THING_ENDINGS_HERE = {"en": ("ment",), "de": ("ment",)}
_THING_MIN = 8
# Words for a group of people playing, singing or serving together ("Regimental Band",
# "Kammerchor", "Orquesta Sinfónica"); not "banda", a surname too.
_GROUP_WORDS = word_set(
    "band orchestra choir chorus ensemble quartet quintet trio troupe squad brigade regiment "
    "battalion orchester chor kapelle orchestre chœur choeur fanfare orquesta coro conjunto")
# Endings of nouns for people by what they do ("beekeeper", "director", "journalist",
# "viticulteur", "secrétaire", "ganadero", "periodista", "Verleger", "Produzent").
_AGENT_ENDINGS = {
    "en": ("er", "or", "ist", "ian", "ant", "ent", "eer", "ee", "man", "woman"),
    "fr": ("eur", "euse", "rice", "iste", "ien", "ienne", "aire", "ant", "ante", "ent",
           "ente", "ier", "ière"),
    "es": ("or", "ora", "ero", "era", "ista", "ante", "ente", "ario", "aria"),
    "de": ("er", "erin", "or", "orin", "ist", "istin", "ent", "entin", "ant", "antin", "eur",
           "eurin", "loge", "login"),
}
_STEM = 5  # letters two words share at the front to be forms of one word
# Endings of a headline's verb: the present's third person and the past participle
# ("Announces", "Launched", "Annonce", "Nommé", "Anuncia", "Inauguran", "Eröffnet").
_VERB_ENDINGS = {
    "en": ("s", "ed"),
    "fr": ("e", "ent", "é", "ée"),
    "es": ("a", "e", "an", "en", "ó", "ado", "ada"),
    "de": ("t", "en"),
}
# A dateline: the place, then a dash after its state, agency or date ("SANTA ANA, Calif. —",
# "Kiel (ots) –", "Genève, le 3 mars —"); a name before a comma is followed by no dash.
_DATELINE = re.compile(r"\s*([^\W\d_][\w.'’\- ]{1,40}?)\s*(?:,|\(|[–—]|-\s)")
_DASH = re.compile(r"[–—]|\s--?\s")
# Web and mail addresses and handles write names in lower case ("jane.doe@", "/jane-doe").
# A capitalised word next: the run goes on into a longer name ("the Jane X Foundation").
_NEXT_WORD = re.compile(r"[ \t]+(\w)")
# A web or mail address, a path or a handle: a run of non-spaces holding one of "@/#_" or two
# dots ("www.x.org"); its words are no evidence of how the release writes words.
_ADDRESS = re.compile(r"(?<!\S)(?:[^\s@/#_]*[@/#_]|[^\s.]*\.[^\s.]*\.)\S*")


class NameShape:
    """The evidence one release gives about its words, read once, and the check."""

    def __init__(self, paragraphs: list[str], code: str) -> None:
        self.paras = paragraphs
        self.code = code
        # ("Y Juana X", but "Y. Tanaka": an initial has its full stop)
        self._conjunctions = CONJUNCTIONS | LEXICONS[code].conjunctions
        self._common: set[str] | None = None
        self._nouns: set[str] | None = None
        self._places: set[str] | None = None
        self._spellings: dict[str, str] | None = None  # accented words, by their plain form
        self._stems: set[str] | None = None  # the stems of the words written in lower case
        # Where each capitalised word follows a lower-case one in its sentence: (¶, offset).
        self._after_lower: dict[str, list[tuple[int, int]]] | None = None
        # Where each capitalised word follows an article: (¶, offset).
        self._articled: dict[str, list[tuple[int, int]]] | None = None

    def check(self, name: str) -> tuple[str | None, str]:
        """(the person's name, "") with any word that is not part of it cut off, or
        (None, the reason for an editor) when the string names no person."""
        words = name.split()
        low = [w.strip(".,;:").lower() for w in words]
        if " ".join(low) in self._dateline_places():
            return None, f"“{name}” is the place in the dateline, not a person"
        # English, French and Spanish write a common word in lower case except where a
        # sentence or a title-case headline opens with it: a name the release writes whole,
        # capitalised, in mid-sentence is all name, even where its words are also common
        # ones ("said Frank Ellery X", "said Omar Said"). German capitalises every noun.
        whole = self.code != "de" and any(self._common_word(w, front=True) for w in low) \
            and self._mid_sentence(name)
        # A preposition, an article ("Par Pierre X") or a job ("Verleger Oliver X") at the
        # front of a full name: a common word with the ending of a noun for someone who does
        # something, so that a given name that is also a word stays ("Victoria X Ruiz" over
        # "una victoria", "Pierre X Y" over "en pierre"). A full name keeps two words after
        # it ("Will", "Rose", "Frank", "Les" before a surname stay), and a given name that is
        # no word of the release ("Summer Rain X" over "the summer rain" is one name).
        classes = [t.cls for t in tokenize(name)] if len(words) > 2 else []
        lead = 0
        while len(words) - lead > 2 and low[lead] not in PARTICLES and (
                low[lead] in FUNCTION_WORDS
                or not lead and words[0].lower() in self._conjunctions
                or not whole and self._common_word(low[lead], front=True)
                and low[lead].endswith(_AGENT_ENDINGS.get(self.code, ()))
                and not self._common_word(low[lead + 1])
                or len(classes) == len(words) and classes[lead] in ("R", "H")
                or self.code == "de" and len(low[lead]) > 7
                and low[lead].endswith(GERMAN_AGENT_NOUNS)):
            lead += 1
        # A title-case headline capitalises every word, so a name only the headline gives may
        # run on into its verb and object ("The Mayor Requests Staff Study", "Jane X
        # Nominated for …", "Ana X Inaugura Puente"): a word the body writes in lower case
        # (past two words, one of the same stem: "inauguró") ends it, unless it is a
        # surname after a given name ("Anthony Lake"); a run of words cut down to one is no
        # one's name. (In a sentence, a capitalised word after a name is the name's:
        # "Kate Brown, the governor, said".)
        headline = not whole and self._headline_only(name)
        # A headline puts its verb before its object ("Foundation Announces Harbour Studio",
        # "Ville Annonce …", "Alcaldía Inaugura …"); a name never opens with a verb, so a run
        # only the headline writes that opens with one (a word with a verb's ending whose
        # stem the body writes in lower case: "announced", "inauguró") is the headline's
        # predicate, and whatever follows the verb is its object, not a person.
        if headline and len(words) > 1 and self._verb_form(low[0]):
            return None, (f"“{name}” is the headline’s verb and what it acts on, "
                          "not a person’s name")
        end = len(words)
        while end > lead and headline and not (
                low[end - 1] in SURNAME_NOUNS and end - lead == 2) and (
                self._common_word(low[end - 1])
                or end - lead > 2 and self._common_stem(low[end - 1])):
            end -= 1
        if end - lead < (1 if len(words) == 1 else 2) and end < len(words):
            return None, f"“{name}” is made of common words, not a person’s name"
        if end < len(words) and self._genitive(words[lead:end]) is not None:
            return self._genitive(words[lead:end]), ""
        words, low = words[lead:end], low[lead:end]
        if not words:
            return None, f"“{name}” is made of common words, not a person’s name"
        last = low[-1]
        if len(words) >= 3 and self._thing(last) and self._genitive(words[:-1]) is not None:
            return self._genitive(words[:-1]), ""
        if self.names_a_body(" ".join(words)):
            return None, f"“{name}” is the name of an organisation or a thing, not a person"
        # No language puts an article before a person's name, but every one puts it before a
        # title ("la Primera Dama de la Nación", "the Chief Inspector", "le Haut-Commissaire",
        # "der Erste Bürgermeister"): a run the release writes whole after an article, as it
        # was given or with its front cut off ("Chief Warden", "Warden"), is an office,
        # whoever holds it.
        if self._after_article(name.split()) or self._after_article(words):
            return None, (f"“{name}” is a title the release writes after an article, "
                          "not a person’s name")
        article = next((w for k, w in enumerate(words) if w[:1].islower()
                        and low[k] in _ARTICLES and low[k] not in _NAME_PARTICLES
                        and not (k and low[k - 1] in _NAME_PARTICLES)), None)
        if article is not None:
            # ("de la Vega", "von der Aue", "van den Berg": an article after a particle)
            return None, f"“{name}” holds the article “{article}”, so it is not one name"
        # A lone word the release writes in lower case ("Und"), or a headline's run of them,
        # is no one; in the body, given names and surnames may be words ("Will Price", "Paz
        # Luz Blanca", "Ernst Koch").
        if not whole and (len(words) == 1 or headline) and all(
                self._common_word(w, front=True) for w in low if w not in PARTICLES):
            return None, f"“{name}” is made of common words, not a person’s name"
        inner = [w for w in low[1:-1]
                 if w in FUNCTION_WORDS and w not in PARTICLES and len(w) > 1]  # ("A.")
        if inner:
            return None, f"“{name}” runs over the word “{inner[0]}”, so it is not one name"
        return " ".join(self._accented(w) for w in words), ""

    def names_a_body(self, name: str) -> bool:
        """The name ends in an organisation's or a group's word ("Commonwealth Office",
        "Regimental Band") or holds a noun for a thing by its ending ("Extinction
        Rebellion"); a surname that is also a common noun after a given name ("Anthony
        Lake") is none."""
        low = [w.strip(".,;:").lower() for w in name.split()]
        return bool(low) and (is_org_word(low[-1]) or low[-1] in _GROUP_WORDS
                              or any(self._thing(w) for w in low)) \
            and not (low[-1] in SURNAME_NOUNS and len(low) > 1)

    def _accented(self, word: str) -> str:
        """The word as the release spells it with its accents, where it writes it without them
        too (capitals often drop them: "EYMEOUD" for "Eyméoud")."""
        if self._spellings is None:
            self._spellings = {}
            for text in self.paras:
                for t in tokenize(text):
                    if t.cap and not t.text.isascii() and t.text[1:].islower():
                        self._spellings.setdefault(_plain(t.text), t.text)
        return self._spellings.get(word, word) if word.isascii() else word

    def _headline_only(self, name: str) -> bool:
        """The name is the headline's alone, and the headline capitalises its words."""
        title = self.paras[0] if self.paras else ""
        if name not in title or any(name in text for text in self.paras[1:]):
            return False
        long = [w for w in title.split() if len(w) > 3]
        return sum(w[:1].isupper() for w in long) > 0.7 * len(long)

    def _after_article(self, words: list[str]) -> bool:
        """The release writes the words, and no capitalised word after them, right after an
        article of its own (not one after a particle: "de la Vega", "von der Aue"; not one
        written with a capital in mid-sentence: "Marine Le Pen")."""
        if self._articled is None:
            self._read_words()
        run = " ".join(words)
        for p, at in self._articled.get(words[0].lower(), ()):
            text = self.paras[p]
            after = _NEXT_WORD.match(text, at + len(run))
            if text.startswith(run, at) and not (after and after.group(1).isupper()):
                return True
        return False

    def _verb_form(self, low: str) -> bool:
        """The word has the ending of a verb's form in a headline and the release writes a
        word of its stem in lower case, and never the word itself as a name in a sentence."""
        if self._after_lower is None:
            self._read_words()
        return low.endswith(_VERB_ENDINGS.get(self.code, ())) and self._common_stem(low) \
            and low not in self._after_lower

    def _common_stem(self, low: str) -> bool:
        """The release writes a word of the same stem in lower case ("inaugura", "inauguró";
        "opening", "opens"; "brücke", "brücken")."""
        if self._stems is None:
            if self._common is None:
                self._read_words()
            self._stems = {w[:_STEM] for w in self._common if len(w) >= _STEM}
            if self.code == "de":
                self._stems |= {w[:_STEM] for w in self._nouns if len(w) >= _STEM}
        return len(low) >= _STEM and low[:_STEM] in self._stems

    def _mid_sentence(self, name: str) -> bool:
        """The release writes the name, capitalised, after a word in lower case in the same
        sentence (not after a full stop: "… helped. Beekeeper X said")."""
        if self._after_lower is None:
            self._read_words()
        first = name.split()[0].lower() if name.split() else ""
        return any(self.paras[p].startswith(name, at)
                   for p, at in self._after_lower.get(first, ()))

    def _genitive(self, words: list[str]) -> str | None:
        """ "Paul Walkers" before the thing that is his ("Paul Walkers Argument"): the name
        without the genitive's "s", when the release writes it so."""
        owner = " ".join(words)
        if owner.endswith(("’s", "'s")):
            owner = owner[:-2]
        elif owner.endswith("s"):
            owner = owner[:-1]
        else:
            return None
        return owner if len(words) >= 2 and any(owner in text for text in self.paras) else None

    def _thing(self, low: str) -> bool:
        low = low.rsplit("-", 1)[-1]  # ("Sai-hung", "Kwok-hung": given names)
        return len(low) >= _THING_MIN and low not in NAMES_WITH_NOUN_ENDINGS and (
            low.endswith(_THING_ENDINGS) or low.endswith(_THING_ENDINGS_HERE.get(self.code, ())))

    def _common_word(self, low: str, *, front: bool = False) -> bool:
        """The release writes the word in lower case (or, at the front of a name, as a noun
        after an article): a common word, not a name."""
        if low in NAME_SUFFIXES or len(low) < 3:
            return False
        if self._common is None:
            self._read_words()
        return low in self._common or front and (
            low in self._nouns or self.code == "de" and low + "in" in self._nouns)

    def _read_words(self) -> None:
        self._common, self._nouns, self._after_lower, self._articled = set(), set(), {}, {}
        for p, text in enumerate(self.paras):
            if not any(c.isupper() for c in text):
                continue  # (a headline all in lower case says nothing of its words)
            toks = tokenize(text)  # (the paragraph's words as every step reads them)
            addresses = [m.span() for m in _ADDRESS.finditer(text)]
            if addresses:
                starts = [a for a, _ in addresses]
                words = [(k, t) for k, t in enumerate(toks)
                         if not ((at := bisect_right(starts, t.start) - 1) >= 0
                                 and t.start < addresses[at][1])]
            else:
                words = list(enumerate(toks))
            # (Most words are in lower case: gathered at once, the loop reads the others.)
            self._common.update([t.low for _, t in words if not t.cap])
            for k, t in words:
                if not t.cap:
                    continue
                if k and not toks[k - 1].cap \
                        and text[toks[k - 1].end:t.start].strip(" ,;") == "":
                    self._after_lower.setdefault(t.low, []).append((p, t.start))
                if k and toks[k - 1].low in _OWN_ARTICLES.get(self.code, ()) \
                        and (k == 1 or not toks[k - 1].cap) \
                        and not (k > 1 and toks[k - 2].low in _NAME_PARTICLES) \
                        and text[toks[k - 1].end:t.start].isspace():
                    self._articled.setdefault(t.low, []).append((p, t.start))
                if self.code == "de" and k and not (k > 1 and toks[k - 2].low in PARTICLES) \
                        and (toks[k - 1].low in _ARTICLES or not toks[k - 1].cap
                             and k + 1 < len(toks) and not toks[k + 1].cap
                             and toks[k + 1].low not in PARTICLES):
                    # German capitalises every noun; an article before one, or lower-case
                    # words on both sides, tell it from a given name ("der Verleger Oliver
                    # X", "sind wir Verleger des …"), though not beside a name's particles
                    # ("sagte Marie von der Aue"). (Its feminine, "Schauspielerin", is the
                    # same noun.)
                    self._nouns.add(t.low)

    def _dateline_places(self) -> set[str]:
        """The place each paragraph's dateline opens with, lower-cased."""
        if self._places is None:
            self._places = set()
            for text in self.paras[1:6]:
                m = _DATELINE.match(text)
                if m is None:
                    continue
                place = m.group(1).strip()
                if _DASH.search(text, m.end(1), m.end(1) + 40):
                    self._places.add(place.lower())
        return self._places


def _plain(word: str) -> str:
    """The word without its accents ("Eyméoud" -> "Eymeoud")."""
    return "".join(c for c in unicodedata.normalize("NFD", word) if not unicodedata.combining(c))
