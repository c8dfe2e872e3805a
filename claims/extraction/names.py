"""Words, names, roles and references to people in a stretch of text.

A *reference* (``Ref``) is one way the text points at a speaker: a full name with or without
a role ("NATO Secretary General Jens Stoltenberg"), an honorific or role with a surname
("Mr Stoltenberg", "Prime Minister Kishida"), a title ("the Secretary General"), a bare
capitalised word that may be a known surname ("Stoltenberg"), an organization ("the European
Commission") or a pronoun. Nothing here knows the release as a whole; ``speakers.py`` turns
references into speakers.
"""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_left
from dataclasses import dataclass, replace
from functools import lru_cache

from .budget import charge
from .languages import LEXICONS, is_role_word, lexicon
from .lexicon import (
    COMMON_NOUN_ENDINGS,
    FEMALE_HONORIFICS,
    FUNCTION_WORDS,
    HONORIFICS,
    HYPHEN_PREFIXES,
    MALE_HONORIFICS,
    MONTHS,
    NAME_SUFFIXES,
    NON_NAME_WORDS,
    ORG_WORDS,
    PARTICLES,
    POSTNOMINALS,
    ROLE_SYNONYMS,
    TITLE_ABBREVIATIONS,
    TITLE_DETERMINERS,
    WEAK_ROLE_WORDS,
    WEEKDAYS,
)
from .lexicon import word_set as _words
from .text import UPPER, rstrip_end

WORD = re.compile(r"[^\W_]+(?:[’'\-‐‑][^\W_]+)*")
_POSSESSIVE = ("’s", "'s")
_CLAUSE_BREAKS = ",;()[]:—–"


@dataclass(slots=True)
class Tok:
    """A word: its text without a possessive "’s", offsets, and a class letter.

    Classes: H honorific, R role word, P name particle, I initial, A acronym,
    X post-nominal, O capitalised non-name, N name-capable, l lower-case word.
    """

    text: str
    start: int
    end: int
    low: str
    cls: str
    cap: bool
    possessive: bool
    dotted: bool


@dataclass(slots=True)
class Ref:
    """One reference to a speaker at ``start:end`` of the text it was found in."""

    kind: str  # person | surname | bare | title | org | pronoun
    start: int
    end: int
    text: str
    name: str = ""
    honorific: str = ""
    role: str = ""
    org: str = ""
    gender: str = ""
    role_key: str = ""
    plural: bool = False
    possessive: bool = False


# German job nouns by their ending ("Kämmerin", "Journalistin", "Oberärztin", "Biologe"):
# capitalised like names, they are no part of the name after them.
# ("Valentin", "Konstantin", "Baptist" are given names: no "-entin", "-antin", short "-ist".)
_GERMAN_AGENTS = ("erin", "istin", "orin", "eurin", "ärztin", "arzt", "rätin", "eur",
                  "loge", "login", "trainer", "trainerin", "wart", "wartin", "meisterin",
                  "beamter", "beamtin")


def _classify(core: str, low: str, code: str) -> str:
    if low in LEXICONS[code].honorifics or core in TITLE_ABBREVIATIONS:
        return "H"
    if is_role_word(low) or (code == "de" and len(low) > 6 and (
            low.endswith(_GERMAN_AGENTS) or len(low) > 7 and low.endswith("ist"))):
        return "R"
    if low in PARTICLES:
        return "P"
    if not core[0].isupper():
        return "l"
    parts = re.split("[-‐‑]", core)
    if any(part[:1].islower() for part in parts[1:]) and (
            parts[0].lower() in HYPHEN_PREFIXES or any(len(p) > 4 for p in parts[1:])):
        return "O"  # "Co-author", "Vice-chair": a hyphenated common noun, not a name
    if len(core) == 1:
        return "I"
    if low in POSTNOMINALS and core.isupper():
        return "X"
    if core.isupper():
        return "A"
    if low in NON_NAME_WORDS or any(c.isdigit() for c in core):
        return "O"
    if low.endswith(COMMON_NOUN_ENDINGS.get(code, ())) and len(low) > 5:
        return "O"  # "Entscheidung", "Política", "Numérique": a capitalised common word
    return "N"


@lru_cache(maxsize=65536)
def _word_info(core: str, code: str) -> tuple[str, str, bool]:
    low = core.lower()
    return low, _classify(core, low, code), core[0].isupper()


def _scan(s: str, lo: int, hi: int) -> list[Tok]:
    charge((hi - lo) // 6 + 1)  # about one unit a word, charged before the work is done
    toks = []
    append = toks.append
    code = lexicon().code
    for m in WORD.finditer(s, lo, hi):
        text = m.group()
        start, end = m.span()
        possessive = len(text) > 2 and text[-2] in "’'" and text[-1] == "s"
        if possessive:
            text = text[:-2]
            end -= 2
        elif text[-1:] == "s" and s[end:end + 1] in ("’", "'") and not s[end + 1:end + 2].isalpha():
            possessive = True  # "Sheriffs’ Association": a plural's possessive
        low, cls, cap = _word_info(text, code)
        dotted = end < hi and s[end] == "."
        append(Tok(text, start, end, low, cls, cap, possessive, dotted))
    return toks


@lru_cache(maxsize=8192)
def _paragraph_tokens(s: str, code: str) -> tuple[list[Tok], list[int]]:
    toks = _scan(s, 0, len(s))
    return toks, [t.start for t in toks]


def forget_paragraphs() -> None:
    """Drop the cached word lists once a release is done (they only speed up one release)."""
    _paragraph_tokens.cache_clear()


def tokenize(s: str, lo: int = 0, hi: int | None = None) -> list[Tok]:
    """Words of ``s[lo:hi]`` with their classes (a paragraph is scanned once and reused)."""
    hi = len(s) if hi is None else hi
    if hi - lo < 64 and len(s) > 4096:
        return _scan(s, lo, hi)  # a few words of a long text: not worth caching it whole
    toks, starts = _paragraph_tokens(s, lexicon().code)
    i, j = bisect_left(starts, lo), bisect_left(starts, hi)
    while j > i and toks[j - 1].end + (2 if toks[j - 1].possessive else 0) > hi:
        j -= 1
    return toks[i:j]


@lru_cache(maxsize=4096)
def canonical_role(text: str) -> str:
    """Lower-case role words with synonyms unified: "Chief Executive Officer" -> "ceo"."""
    whole = " " + " ".join(w.lower() for w in WORD.findall(text)) + " "
    for long, short in ROLE_SYNONYMS:
        if " " in long:  # "jefe de estado": synonyms of several words, before the filter
            whole = whole.replace(" " + long + " ", " " + short + " ")
    key = " " + " ".join(w for w in whole.split() if is_role_word(w) or w in HONORIFICS) + " "
    for long, short in ROLE_SYNONYMS:
        key = key.replace(" " + long + " ", " " + short + " ")
    key = key.replace("-", " ")
    return " ".join(key.split())


def is_strong_role(words: list[str]) -> bool:
    """A run of role words that names a role on its own ("Chief Executive", "Minister")."""
    roles = [w for w in words if is_role_word(w)]
    if not roles:
        return False
    if any(w not in WEAK_ROLE_WORDS for w in roles):
        return True
    return len(roles) >= 2 and roles[0] in ("chief", "managing", "executive", "vice")


def _adjacent(a: Tok, b: Tok, s: str) -> bool:
    gap = s[a.end + (2 if a.possessive else 0):b.start]
    if gap == " ":
        return not a.possessive
    if gap in (". ", ".") and a.dotted:
        return a.cls in ("I", "H") or a.low in ("st", "jr", "sr")
    return False


def _runs(toks: list[Tok], s: str) -> list[tuple[int, int]]:
    """Index ranges of runs of capitalised words (with particles) side by side."""
    runs, start = [], None
    for i, t in enumerate(toks):
        capable = t.cap or (t.cls == "P" and _particle_leads_to_name(toks, i))
        if capable and start is not None and _adjacent(toks[i - 1], t, s):
            continue
        if start is not None:
            runs.append((start, i))
        start = i if capable else None
    if start is not None:
        runs.append((start, len(toks)))
    return runs


def _particle_leads_to_name(toks: list[Tok], i: int) -> bool:
    """ "von der Aue", "de la Fuente": particles count in a name when one capitalised
    name word follows them and ends the name; "Daniel Dietrich von der Open Knowledge
    Foundation" is a person from an organisation."""
    for k in range(i + 1, min(i + 4, len(toks))):
        t = toks[k]
        if t.cap:
            after = toks[k + 1] if k + 1 < len(toks) else None
            return t.cls == "N" and (after is None or not after.cap or after.cls == "P"
                                     or after.start - t.end > 1)
        if t.cls != "P":
            return False
    return False


def _gender(honorific: str) -> str:
    low = honorific.lower()
    lex = lexicon()
    if low in MALE_HONORIFICS or low in lex.male_honorifics:
        return "m"
    if low in FEMALE_HONORIFICS or low in lex.female_honorifics:
        return "f"
    return ""


def _org_of(role: str) -> str:
    """The organization named inside a role ("Head of X at the University of Leeds")."""
    toks = tokenize(role)
    if not toks:
        return ""
    first_role = next((i for i, t in enumerate(toks) if t.cls == "R"), None)
    if first_role:
        head = toks[:first_role]
        while head and head[0].low in ("the", "a", "an"):
            head = head[1:]
        # A name, not a common noun: an acronym ("NATO"), or capitalized words of which at
        # least one names it ("Leeds City Council"); a lone "Cabinet" or "council" is not one.
        # The possessive belongs to the role ("Council’s leader"), not to the name.
        named = any(t.cls == "A" for t in head) or (
            len(head) > 1 and all(t.cap for t in head)
            and any(t.low in ORG_WORDS for t in head)
        )
        if named:
            return role[head[0].start:head[-1].end]
    for marker in (" at ", " of ", " for ", " with ", " del ", " de la ", " du ", " de ",
                   " der ", " des ", " von "):
        idx = role.rfind(marker) if marker == " at " else role.find(marker)
        while idx >= 0:
            rest = role[idx + len(marker):]
            if rest.startswith("the "):
                rest = rest[4:]
            if rest[:1].isupper():
                return rest.strip(" ,.")
            idx = role.find(marker, idx + 1) if marker != " at " else -1
    return ""


def _strip_article(text: str) -> str:
    for article in ("the ", "The ", "a ", "A ", "an ", "An ", "who is ", "who is the "):
        if text.startswith(article):
            return text[len(article):]
    return text


def _alias_text(text: str) -> str:
    return "the " + text[4:] if text.startswith("The ") else text


def _run_ref(toks: list[Tok], a: int, b: int, s: str, sentence_start: int) -> Ref | None:
    run = toks[a:b]
    if len(run) >= 2 and run[-1].cls == "A" and run[-2].cls == "N" and len(run[-1].text) >= 3 \
            and any(c in "AEIOUYÀÂÉÈÊÎÔÛÜÖÄ" for c in run[-1].text) \
            and run[-1].low not in ORG_WORDS:
        # "Fabien JAUTARD": a surname printed in capitals after a given name.
        run[-1] = replace(run[-1], cls="N")
    if len(run) >= 3 and run[-1].cls == "O" and run[-1].low in SURNAME_NOUNS \
            and run[-2].cls == "N" and run[-3].cls in ("R", "H"):
        # "Executive Director Anthony Lake", "Mayor Ann Bridge": after a role and a given
        # name, a capitalised common noun ends the name as a surname.
        run[-1] = replace(run[-1], cls="N")
    elif len(run) >= 2 and run[-1].low in MONTHS and run[-2].cls == "N" and run[-1].cap \
            and s[run[-1].end:run[-1].end + 1] in (",", "’", "'") and len(run[-1].text) > 3:
        # "Luke March, Chairman of …": a month after a given name, before a comma, is a
        # surname ("in March, the board …" has no given name before it).
        run[-1] = replace(run[-1], cls="N")
    end = len(run)
    suffix = None
    while end and (run[end - 1].cls == "X" or run[end - 1].low in NAME_SUFFIXES or (
            # "Iain Livingstone QPM": capitals after a full name are letters after it.
            end == len(run) and end >= 3 and run[end - 1].cls == "A"
            and run[end - 2].cls == "N" and run[end - 3].cls in ("N", "I"))):
        if run[end - 1].low in NAME_SUFFIXES:
            suffix = run[end - 1]
        end -= 1
    j = end
    while j and run[j - 1].cls in ("N", "I", "P"):
        j -= 1
    # A particle after an honorific starts a name ("Mme de Lys"); after a role it does too in
    # German and English ("Minister von Allwörden"), but in French and Spanish "de" there
    # says whose role it is ("Jefe de Estado", "directeur de Cabinet").
    keep_after = ("H",) if lexicon().code in ("fr", "es") else ("H", "R")
    if keep_after == ("H",) and 0 < j < end and run[j].cls == "P" and run[j - 1].cls == "R":
        j = end  # "Jefe de Estado": the whole run is a title
    while j < end and run[j].cls == "P" and not (j and run[j - 1].cls in keep_after):
        j += 1
    name = run[j:end]
    # "Hamdan bin Mohammed bin Rashid Al Maktoum", "Juan Carlos de la Vega y Ortiz": a name
    # with particles (lineage, "of the") runs longer than a plain one.
    longest = 9 if len(name) > 6 and sum(t.cls == "P" for t in name) >= 2 else 6
    if len(name) > longest:
        name = name[:longest] if name[1].cls == "P" else name[-longest:]
    while name and name[-1].cls == "P":
        name.pop()
    if name and name[0].start == sentence_start and name[0].low.endswith(("ing", "ed", "ly")):
        name = name[1:]
        j += 1
    prefix = run[:j]
    lead = 0
    while lead < len(prefix) and (
        prefix[lead].low in FUNCTION_WORDS or prefix[lead].low in WEEKDAYS
        or prefix[lead].low in MONTHS
    ) and prefix[lead].cls not in ("H", "R"):
        lead += 1
    prefix = prefix[lead:]
    if prefix and prefix[0].cls == "O":
        # "Statement By UNICEF Executive Director X": "Statement By" is no part of the role.
        cut = -1
        for i, t in enumerate(prefix):
            if t.cls != "O":
                break
            if t.low in FUNCTION_WORDS:
                cut = i
        prefix = prefix[cut + 1:]
    honorific = next((t.text for t in prefix if t.cls == "H"), "")
    role_toks = [t for t in prefix if t.cls != "H"] if honorific else prefix
    role_words = [t.low for t in role_toks]
    role = ""
    if role_toks and is_strong_role(role_words):
        role = s[role_toks[0].start:role_toks[-1].end]
    names = [t for t in name if t.cls != "P"]
    start = (prefix[0].start if prefix else name[0].start) if (prefix or name) else run[0].start
    if len(names) >= 2 and names[-1].cls == "N" and any(t.cls == "N" for t in names):
        name = name[-longest:]
        text = s[name[0].start:name[-1].end]
        stop = name[-1].end
        if suffix is not None:
            stop = suffix.end + (1 if suffix.dotted and not suffix.text.isupper() else 0)
            text += " " + s[suffix.start:stop]
        return Ref("person", start, stop, s[start:stop], name=text,
                   honorific=honorific, role=role, org=_org_of(role) if role else "",
                   gender=_gender(honorific), role_key=canonical_role(role or honorific))
    if len(names) == 1 and names[0].cls == "N" and prefix and not (honorific or role) \
            and is_org_word(prefix[0].low) and all(t.cls in ("O", "P", "A") for t in prefix):
        # "Universität Hamburg", "Polizeipräsidium Nordhafen", "Ministerio de Educación": an
        # organisation word and the place or field it serves.
        return Ref("org", prefix[0].start, name[-1].end, s[prefix[0].start:name[-1].end],
                   name=s[prefix[0].start:name[-1].end])
    if len(names) == 1 and names[0].cls == "N":
        text = s[name[0].start:name[-1].end]
        kind = "surname" if (honorific or role) else "bare"
        return Ref(kind, start, name[-1].end, s[start:name[-1].end], name=text,
                   honorific=honorific, role=role, org=_org_of(role) if role else "",
                   gender=_gender(honorific), role_key=canonical_role(role or honorific))
    if name:
        return None
    if role:
        return Ref("title", start, role_toks[-1].end, _alias_text(s[start:role_toks[-1].end]),
                   role=role, org=_org_of(role), role_key=canonical_role(role))
    org_toks = prefix or run
    if any(t.cls == "A" or is_org_word(t.low) for t in org_toks):
        last = org_toks[-1]
        return Ref("org", org_toks[0].start, last.end, s[org_toks[0].start:last.end],
                   name=s[org_toks[0].start:last.end])
    return None


# Common nouns that are also surnames, read as one only after a role and a given name.
SURNAME_NOUNS = _words("""
    lake street road bridge tower castle church river port hall bank banks wood hill field
    stone king bishop house marsh brook
""")


def find_refs(s: str, lo: int = 0, hi: int | None = None) -> list[Ref]:
    """References to people (and organizations) in ``s[lo:hi]``, in order.

    Pronouns are not included: they only matter next to a speech verb.
    """
    hi = len(s) if hi is None else hi
    toks = tokenize(s, lo, hi)
    if not toks:
        return []
    sentence_start = toks[0].start
    refs: list[Ref] = []
    run_of: dict[int, int] = {}
    runs = _runs(toks, s)
    charge(10 * len(runs))
    for a, b in runs:
        for k in range(a, b):
            run_of[k] = a
        if b - a == 1 and toks[a].cls == "O" and toks[a].low not in ORG_WORDS:
            continue  # "The", "However", "Tuesday": a capitalised word that is no one
        ref = _run_ref(toks, a, b, s, sentence_start)
        if ref is None:
            continue
        if ref.kind == "bare" and a + 1 < b and toks[a].cls == "A" and len(toks[a].text) <= 2 \
                and toks[a].low not in ("un", "eu", "uk", "us") and b - a == 2:
            # "DJ Mountney": initials written together as a given name.
            ref = Ref("person", toks[a].start, toks[b - 1].end, s[toks[a].start:toks[b - 1].end],
                      name=s[toks[a].start:toks[b - 1].end])
        if ref.kind == "person":
            _comma_suffix(ref, s, hi)
            _drop_role_complement(ref, toks, a, s)
        if ref.kind in ("person", "bare") and not (ref.role or ref.honorific) \
                and _after_article(toks, a, b, s.find(ref.name, ref.start)):
            continue  # "des Deutschen Buchhandels", "the Smith Report": a thing, not a person
        if ref.kind in ("person", "surname", "bare") and not ref.role:
            _borrow_role_before(ref, toks, a, s)
            ref = _complement_title(ref, s)
        elif ref.kind == "title" and s[max(0, ref.start - 4):ref.start] in ("the ", "The "):
            ref.start -= 4
            ref.text = _alias_text(s[ref.start:ref.end])
        if ref.kind == "title" and not ref.org:
            # "Presidente del Banco Interamericano": the title of someone at that body.
            m = _TITLE_OF.match(s, ref.end, hi)
            if m:
                ref.org = m.group(1)
        ref.possessive = s.startswith(_POSSESSIVE, ref.end) or (
            ref.text.endswith("s") and s[ref.end:ref.end + 1] in ("’", "'")
            and not s[ref.end + 1:ref.end + 2].isalpha())
        refs.append(ref)
    refs.extend(_lowercase_titles(toks, s, run_of))
    code = lexicon().code
    if code != "en":
        refs.extend(_lowercase_organisations(toks, s, hi, run_of))
    refs.sort(key=lambda r: r.start)
    if code != "en":
        refs = _join_titles(refs, s)  # "La ministra" + "ministra de Salud"
    refs = _organisation_complements(refs, toks, s, hi)
    return _merge_appositions(_merge_nicknames(refs, s), s, hi)


_COMPLEMENT_PARTICLES = ("de", "del", "du", "des", "de la", "de l’", "de l'", "de los",
                         "de las")


def _complement_title(ref: Ref, s: str) -> Ref:
    """ "la ministra de Salud, Carmen Ruiz", "le directeur de Cabinet": in French and Spanish a
    capitalised word after a lower-case role and "de" completes the role; it is no surname."""
    if ref.kind != "surname" or not ref.role or not ref.role[:1].islower() or ref.honorific \
            or " " in ref.name or not ref.role.endswith(_COMPLEMENT_PARTICLES) \
            or lexicon().code not in ("fr", "es"):
        return ref
    role = s[s.find(ref.role, ref.start):ref.end]
    return Ref("title", ref.start, ref.end, role, role=role, org=ref.name,
               role_key=canonical_role(role))


def _join_titles(refs: list[Ref], s: str) -> list[Ref]:
    """A title found in lower case ("La ministra") that a longer one overlaps ("ministra de
    Salud") becomes the longer one, with the article."""
    if len(refs) < 2:
        return refs
    out: list[Ref] = []
    for ref in refs:
        prev = out[-1] if out else None
        if prev is not None and prev.kind == "title" and ref.kind == "title" \
                and prev.start < ref.start < prev.end <= ref.end:
            ref.start = prev.start
            ref.text = _alias_text(s[ref.start:ref.end])
            out[-1] = ref
            continue
        out.append(ref)
    return out


def _organisation_complements(refs: list[Ref], toks: list[Tok], s: str, hi: int) -> list[Ref]:
    """ "the Ministry of Health", "el Ministerio de Educación", "le ministère de l’Intérieur",
    "the Department of Tourism and Culture": an organisation word and its complement are one
    organisation's name. A complement that holds a person ("Department of Health Secretary
    Jane Doe") is left alone."""
    if not any(ref.kind in ("org", "bare") for ref in refs):
        return refs
    out: list[Ref] = []
    skip_until = -1
    starts: list[int] = []
    for i, ref in enumerate(refs):
        if ref.start < skip_until:
            continue
        if ref.kind in ("org", "bare"):
            starts = starts or [t.start for t in toks]
            head = _org_head(ref, toks, starts)
            if head is not None:
                m = _ORG_COMPLEMENT.match(s, ref.end if ref.kind == "org" else head.end, hi)
                if m is None and head.start == ref.start and ref.kind == "bare":
                    m = _ORG_COMPLEMENT.match(s, head.end, hi)
                if m and not any(r.kind in ("person", "surname", "title")
                                 and r.start < m.end() for r in refs[i + 1:]):
                    end = rstrip_end(s, m.end(), " ,")
                    name = s[head.start:end]
                    out.append(Ref("org", head.start, end, name, name=name))
                    skip_until = end
                    continue
        out.append(ref)
    return out


# German compounds ending in an organisation word: "Polizeipräsidium", "Landesamt",
# "Ärztekammer", "Bundesministerium", "Studierendenwerk".
_GERMAN_ORG_ENDINGS = ("präsidium", "ministerium", "amt", "ämter", "verband", "verein",
                       "stiftung", "gesellschaft", "hochschule", "universität", "polizei",
                       "behörde", "direktion", "kammer", "gericht", "zentrum", "institut",
                       "partei", "kommission", "werk", "werke", "bank", "kasse", "agentur",
                       "verwaltung", "senat", "regierung", "klinikum", "netzwerk")


def is_org_word(low: str) -> bool:
    """An organisation word ("ministry", "Ministerio"), or a German compound ending in one."""
    return low in ORG_WORDS or (len(low) > 7 and low.endswith(_GERMAN_ORG_ENDINGS)
                                and lexicon().code == "de")


def _lowercase_organisations(toks: list[Tok], s: str, hi: int, run_of: dict[int, int]
                             ) -> list[Ref]:
    """ "le ministère de l’Intérieur", "la préfecture du Nord", "der Senat von Berlin": an
    organisation word in lower case after an article, with a capitalised complement (not
    looked for in English, which writes an organisation's name in capitals)."""
    found: list[Ref] = []
    determiners = lexicon().determiners | TITLE_DETERMINERS
    for i, t in enumerate(toks):
        if t.cap or t.low not in ORG_WORDS or i == 0 or i in run_of \
                or toks[i - 1].low not in determiners:
            continue
        m = _ORG_COMPLEMENT.match(s, t.end, hi)
        if m:
            end = rstrip_end(s, m.end(), " ,")
            found.append(Ref("org", t.start, end, s[t.start:end], name=s[t.start:end]))
    return found


def _org_head(ref: Ref, toks: list[Tok], starts: list[int]) -> Tok | None:
    """The organisation word a reference starts with or follows right after ("Ministry",
    "ministère"), or None."""
    k = bisect_left(starts, ref.start)
    if k < len(toks) and is_org_word(toks[k].low) and toks[k].cls != "A" and (
            ref.kind == "org" or k + 1 < len(toks) and toks[k + 1].cls == "P"):
        return toks[k]  # "Ministry", "Ministerio de Educación"
    if ref.kind == "org":
        return None
    # "Ministerio de Educación": a bare word after an organisation word and its particle.
    j = k - 1
    while j >= 0 and toks[j].cls == "P" and toks[j].low not in ("von", "van"):
        j -= 1
    if j < k - 1 and j >= 0 and is_org_word(toks[j].low) and toks[j].cls != "A":
        return toks[j]
    return None


_ORG_COMPLEMENT = re.compile(
    r"\s+(?:of|for|on|de la|de los|de las|del|de l[’']|de|du|des|der|für)\s*"
    r"(?:the\s+|l[’']\s*|la\s+|las\s+|los\s+|el\s+)?"
    r"[" + UPPER + r"][\w’'-]*(?:\s+(?:and|&|y|et|und|de|del|des|of|the|for)?\s*"
    r"[" + UPPER + r"][\w’'-]*)*"
    # "ministère des Affaires étrangères": French and Spanish adjectives after the name.
    r"(?:\s+(?!(?:dans|sur|pour|avec|par|en|à|au|aux|qui|que|et|est|ont|a|lors|selon|le|la"
    r"|les|un|une|des|du|de|el|los|las|al|del|y|con|por|para|ante|tras|según|es|son|ha|han)\b)"
    r"[a-zà-ÿ][a-zà-ÿ]{3,}(?:ères|ère|ers|er|aux|al|ale|ales|iques?|ores|ors|es|os|as))?"
)


# Definite articles and their contractions: a capitalised run right after one is a thing
# (an organisation, a title, a product), not a person's name.
_TITLE_OF = re.compile(
    r"\s+(?:of|for|at|del|de la|de los|de las|du|de|des|der|von|vom|für)\s+"
    r"(?:the\s+|la\s+|el\s+|l[’']\s*)?([" + UPPER + r"][\w’'&-]*(?:\s+(?:de|del|of|and|y|et|und"
    r"|für|the)?\s*[" + UPPER + r"][\w’'&-]*)*)"
)
_ARTICLES = _words("""
    the le la les du des au aux der die das des dem den vom zum zur im am beim el los las del al
""")
# ... and so is one right after these prepositions ("the Bank of Ashanti Coast", "the MP for
# North Harbour"): a place or an organisation.
_NOT_BEFORE_A_NAME = _ARTICLES | _words("of in at from for to")
_NICKNAME = re.compile(r"\s*[“\"«‘']\s*[" + UPPER + r"][\w’'.-]*(?:\s[" + UPPER + r"][\w’'.-]*)?"
                       r"\s*[”\"»’']\s*")


def _after_article(toks: list[Tok], a: int, b: int, name_start: int) -> bool:
    """The name starting at ``name_start`` (in the run ``toks[a:b]``) comes right after an
    article or one of the prepositions that introduce places and organisations."""
    k = next((i for i in range(a, b) if toks[i].start == name_start), None)
    if k is None or k == 0 or toks[k - 1].low not in _NOT_BEFORE_A_NAME \
            or toks[k].start - toks[k - 1].end != 1:
        return False
    # "de la Fuente", "Juan Carlos van der Berg": an article after a particle is part of the
    # name, unless what comes before is no name ("Congreso de la República").
    return not (k > 1 and toks[k - 2].low in PARTICLES and toks[k - 2].low not in _ARTICLES
                and (k < 3 or toks[k - 3].cls in ("N", "I")))


def _merge_nicknames(refs: list[Ref], s: str) -> list[Ref]:
    """ "José Eduardo “Cuco” Rovirosa Ramírez": a nickname in quote marks inside a name
    leaves one name, without the nickname."""
    out: list[Ref] = []
    for i, ref in enumerate(refs):
        if ref.kind == "bare" and ref.start > 0 and s[ref.start - 1] in "“\"«‘'" \
                and s[ref.end:ref.end + 1] in ("”", '"', "»", "’", "'") and out \
                and i + 1 < len(refs) and out[-1].end < ref.start <= out[-1].end + 3:
            continue  # the nickname itself; the names on either side join below
        prev = out[-1] if out else None
        if prev is not None and prev.kind in ("person", "bare", "surname") \
                and ref.kind in ("person", "bare", "surname") \
                and _NICKNAME.fullmatch(s, prev.end, ref.start):
            prev.name = f"{prev.name} {ref.name}"
            prev.kind = "person"
            prev.end = ref.end
            prev.text = s[prev.start:ref.end]
            continue
        out.append(ref)
    return out


_COMMA_SUFFIX = re.compile(r",? (?:Jr\.?|Sr\.?|II|III|IV)(?=[\s,;:)]|$)")


def _comma_suffix(ref: Ref, s: str, hi: int) -> None:
    """ "Calvin R. Holloway, Jr.": the suffix after a comma is still part of the name."""
    m = _COMMA_SUFFIX.match(s, ref.end, hi)
    if m and not ref.name.endswith(tuple(NAME_SUFFIXES)):
        ref.name += " " + m.group().lstrip(", ")
        ref.end = m.end()
        ref.text = s[ref.start:ref.end]


def _drop_role_complement(ref: Ref, toks: list[Tok], a: int, s: str) -> None:
    """ "Chancellor of the Exchequer Harriet Colquhoun": after "<Role> of (the)" the first
    capitalised word completes the role, so a run of three or more names loses it."""
    words = ref.name.split()
    if len(words) < 3 or a < 2 or ref.start != toks[a].start or toks[a].cls != "N":
        return
    i = a - 1
    if toks[i].low == "the":
        i -= 1
    if i < 1 or toks[i].low not in ("of", "for") or toks[i - 1].cls != "R":
        return
    ref.name = ref.name[len(toks[a].text):].lstrip()
    ref.start = toks[a + 1].start
    ref.text = s[ref.start:ref.end]


def _borrow_role_before(ref: Ref, toks: list[Tok], a: int, s: str) -> None:
    """Roles ahead of the name run: "chief executive Mary Barra", "Minister for Health X",
    "Minister for the Environment, Climate and Communications Colm Tierney"."""
    start = None
    i = a - 1
    while i >= 0 and toks[i].cls == "R" and not toks[i].cap and _adjacent(toks[i], toks[i + 1], s):
        start = toks[i].start
        i -= 1
    if start is None:
        i = a - 1
        while i >= 0 and a - i <= 12:
            t = toks[i]
            gap = s[t.end + (2 if t.possessive else 0):toks[i + 1].start]
            if gap not in (" ", ", "):
                break
            if t.cap and t.cls == "R" and t.low not in WEAK_ROLE_WORDS:
                start = t.start
                j = i - 1
                while (j >= 0 and toks[j].cap and toks[j].cls in ("R", "A", "O")
                       and s[toks[j].end:toks[j + 1].start] == " "
                       and toks[j].low not in FUNCTION_WORDS):
                    start = toks[j].start
                    j -= 1
                break
            if not (t.cap and t.cls in ("R", "O", "A")) and t.low not in _ROLE_CONNECTORS:
                break
            i -= 1
    if start is None:
        return
    name_start = s.find(ref.name, ref.start)
    role = s[start:name_start].strip(" ,")
    if not role or _PUNCTUATION.search(role.replace(",", "")):
        return
    ref.role = role
    ref.org = ref.org or _org_of(role)
    ref.role_key = canonical_role(role)
    ref.start = start
    ref.text = s[start:ref.end]
    if ref.kind == "bare":
        ref.kind = "surname"


_ROLE_CONNECTORS = frozenset(["for", "of", "the", "and", "&", "in", "du", "de", "des", "la",
                              "der", "für", "von", "del", "y", "et", "und"])
_PUNCTUATION = re.compile(r"[,.;:!?()\[\]“”\"]")


def _lowercase_titles(toks: list[Tok], s: str, run_of: dict[int, int]) -> list[Ref]:
    """ "the minister", "the company’s chief executive", "a police spokesperson"."""
    found = []
    i = 0
    n = len(toks)
    determiners = TITLE_DETERMINERS | lexicon().determiners
    while i < n:
        t = toks[i]
        if t.cap or t.cls not in ("R", "H") or i in run_of:
            i += 1
            continue
        j = i
        while j < n and not toks[j].cap and toks[j].cls in ("R", "H") and (
            j == i or _adjacent(toks[j - 1], toks[j], s)
        ):
            j += 1
        words = [x.low for x in toks[i:j]]
        followed_by_of = j < n and toks[j].low in ("of", "for", "at")
        det = None
        for k in range(i - 1, max(i - 4, -1), -1):
            if toks[k].low in determiners or toks[k].possessive:
                det = k
                break
            if toks[k].cap and toks[k].cls not in ("A", "O"):
                break
        strong = is_strong_role(words) or (followed_by_of and is_role_word(words[-1]))
        if det is not None and strong and not (j < n and toks[j].cap and toks[j].cls == "N"):
            start = toks[det].start
            end = toks[j - 1].end
            role = s[toks[i].start:end]
            found.append(Ref("title", start, end, s[start:end], role=role,
                             role_key=canonical_role(role)))
        i = max(j, i + 1)
    return found


def _merge_appositions(refs: list[Ref], s: str, hi: int) -> list[Ref]:
    """Give a name the role written beside it: "Jane Doe, Director of X," / "The CEO, Ann Lee,"."""
    out: list[Ref] = []
    skip_until = -1
    following: list[Ref | None] = [None] * len(refs)  # the next reference that is no org
    nxt: Ref | None = None
    for idx in range(len(refs) - 1, -1, -1):
        following[idx] = nxt
        if refs[idx].kind != "org":
            nxt = refs[idx]
    for idx, ref in enumerate(refs):
        if ref.start < skip_until:
            continue
        nxt = following[idx]
        if ref.kind == "title" and nxt and nxt.kind in ("person", "surname") and not nxt.role:
            gap = s[ref.end:nxt.start]
            complement = _TITLE_COMPLEMENT.fullmatch(gap)
            if complement:
                nxt.role = _strip_article(ref.text) + gap[:complement.start(1)].rstrip()
                nxt.org = nxt.org or _org_of(nxt.role)
                nxt.role_key = canonical_role(nxt.role)
                continue
        if ref.kind in ("person", "surname", "bare") and not ref.role:
            role_end = _apposition(ref, s, hi)
            if role_end:
                start, end = role_end
                ref.role = _strip_article(s[start:end])
                ref.org = ref.org or _org_of(ref.role)
                ref.role_key = canonical_role(ref.role)
                if ref.kind == "bare":
                    ref.kind = "surname"
                skip_until = end
        out.append(ref)
    return out


# What may sit between a title and the name it introduces: "The Governor of the Bank of
# Ghana, Dr. ...", "The Chief Executive of the Authority (SEAI), William Walsh".
_TITLE_COMPLEMENT = re.compile(
    r"(?:\s+(?:(?:of|for|at)\s+(?:the\s+)?[" + UPPER + "]"
    # French, Spanish and German complements are often lower case: "du conseil régional".
    r"|(?:du|de la|de l’|de l'|des|de|del|de los|de las|der|des|von|für)\s+\w)"
    r"[^,;:()“”\"]{0,80}(?:\s\([A-Z]{2,}\))?)?\s*(,)\s*"
)


def _apposition(ref: Ref, s: str, hi: int) -> tuple[int, int] | None:
    i = ref.end + (2 if s.startswith(_POSSESSIVE, ref.end) else 0)
    if not s.startswith((", ", " ("), i):
        return None
    start = i + 2
    m = _APPOSITION_END.search(s, start, min(hi, start + 300))
    end = m.start() if m else min(hi, start + 300)
    toks = tokenize(s, start, end)
    if not toks or len(toks) > 30:
        return None
    head = toks[:5]
    if not is_strong_role([t.low for t in head]) and not (
        any(t.cls == "R" for t in head) and any(t.low in ("of", "for", "at") for t in toks)
    ):
        return None
    verbs = lexicon().speech_verbs
    cut = next((t for t in toks if t.cls == "l" and t.low in verbs), None)
    if cut is not None:
        if any(a.cls == "N" and b.cls == "N" and _adjacent(a, b, s)
               for a, b in zip(toks, toks[1:], strict=False) if b.start < cut.start):
            return None  # ", el Presidente Álvaro X destacó …": a clause with its own subject
        end = cut.start
    return start, rstrip_end(s, end, " ,.;:!?")


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
        if first.kind in ("title", "org", "bare"):
            # "sagte die neue Vorsitzende des Ausschusses, die Bundesrätin Christine X",
            # "said The University of Y, Acting Vice-Chancellor, Professor Gurmeet Singh":
            # the person the title or organisation introduces, a few phrases on.
            later = next((c for c in candidates if c.start > first.start
                          and c.kind in ("person", "surname") and not c.possessive
                          and s.count(",", first.end, c.start) <= 2
                          and not any(w in _CONJUNCTIONS for w in
                                      s[first.end:c.start].lower().split())), None)
            if later is not None:
                return later
        return first
    for kinds in (("person", "surname", "title", "pronoun"), ("bare",), ("org",)):
        chosen = [c for c in candidates if c.kind in kinds and not c.possessive]
        if chosen:
            last_part = s.rfind(",", lo, chosen[-1].start)
            first = next(i for i, c in enumerate(chosen) if c.start > last_part)
            return _named_in_phrase(chosen, first, s)
    return None


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


def _named_in_phrase(refs: list[Ref], i: int, s: str) -> Ref:
    """``refs[i]``, unless it is only a modifier or role of a named person written right
    after it in the same phrase: "market committee chair Anna Cavallini", "MTA Chair and CEO
    Jaan Liebermann", "Deputy Prime Minister and Housing Secretary Joanne Treloar"."""
    ref = refs[i]
    if ref.kind not in ("org", "title"):
        return ref
    for nxt in refs[i + 1:]:
        if _PHRASE_BREAK.search(s, ref.end, nxt.start):
            break
        if nxt.kind in ("person", "surname") and not nxt.possessive:
            return nxt
    return ref


_CONJUNCTIONS = frozenset(["and", "et", "und", "y", "e", "&"])
_PHRASE_BREAK = re.compile(r"[,;:()\[\]“”\"]|\s[–—-]\s")
_APPOSITION_END = re.compile(r"[,;()\[\]]| [–—] ")
