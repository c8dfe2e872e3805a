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
from dataclasses import replace

from .budget import charge
from .languages import lexicon
from .lexicon import (
    FUNCTION_WORDS,
    MONTHS,
    NAME_SUFFIXES,
    ORG_WORDS,
    RANK_TITLES,
    WEEKDAYS,
)
from .lexicon import word_set as _words
from .organisations import (
    acronym_organisations,
    after_article,
    employers_before_roles,
    is_org_word,
    lowercase_organisations,
    org_of,
    organisation_complements,
)
from .text import UPPER
from .titles import (
    alias_text,
    borrow_role_before,
    complement_title,
    drop_role_complement,
    honorific_gender,
    join_titles,
    lowercase_titles,
    merge_appositions,
    role_gender,
)
from .tokens import POSSESSIVE, Ref, Tok, adjacent, canonical_role, is_strong_role, tokenize


def _runs(toks: list[Tok], s: str) -> list[tuple[int, int]]:
    """Index ranges of runs of capitalised words (with particles) side by side."""
    runs, start = [], None
    for i, t in enumerate(toks):
        capable = t.cap or (t.cls == "P" and _particle_leads_to_name(toks, i))
        if capable and start is not None and adjacent(toks[i - 1], t, s):
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
    if toks[i].low == "zu" and i + 1 < len(toks) and toks[i + 1].low in _ZU_IDIOMS:
        return False  # "Reinhold X zu Gast beim …": an idiom, not "zu Guttenberg"
    for k in range(i + 1, min(i + 4, len(toks))):
        t = toks[k]
        if t.cap:
            after = toks[k + 1] if k + 1 < len(toks) else None
            return t.cls == "N" and (after is None or not after.cap or after.cls == "P"
                                     or after.start - t.end > 1)
        if t.cls != "P":
            return False
    return False


# Endings of German nouns for people by what they do ("Schauspieler", "Produzent",
# "Politiker", "Fotograf", "Architekt", "Moderator", "Verleger", "Herausgeber", "Inhaber",
# "Betreiber"), long enough to be no given name.
GERMAN_AGENT_NOUNS = ("ler", "zent", "gent", "rent", "stent", "iker", "graf", "tekt", "ator",
                       "ant", "meister", "leger", "geber", "haber", "treiber")


def _run_ref(toks: list[Tok], a: int, b: int, s: str, sentence_start: int) -> Ref | None:
    run = toks[a:b]
    if len(run) >= 2 and run[-1].cls == "A" and run[-2].cls == "N" and len(run[-1].text) >= 3 \
            and any(c in "AEIOUYÀÂÉÈÊÎÔÛÜÖÄ" for c in run[-1].text) \
            and run[-1].low not in ORG_WORDS:
        # "Fabien JAUTARD": a surname printed in capitals after a given name.
        run[-1] = replace(run[-1], cls="N")
    if len(run) >= 3 and run[-1].cls in ("O", "R") and run[-1].low in SURNAME_NOUNS \
            and run[-2].cls == "N" and run[-3].cls in ("R", "H"):
        # "Executive Director Anthony Lake", "Mayor Ann Bridge": after a role and a given
        # name, a capitalised common noun ends the name as a surname.
        run[-1] = replace(run[-1], cls="N")
    elif len(run) >= 2 and run[-1].low in RANK_TITLES and run[-2].cls == "N":
        # "Stephen King", "Thomas König", "Ana Conde": a title of rank stands before the
        # name it titles, so after a given name it is the surname.
        run[-1] = replace(run[-1], cls="N")
    elif len(run) >= 2 and run[-1].low in MONTHS and run[-2].cls == "N" and run[-1].cap \
            and s[run[-1].end:run[-1].end + 1] in (",", "’", "'") and len(run[-1].text) > 3:
        # "Luke March, Chairman of …": a month after a given name, before a comma, is a
        # surname ("in March, the board …" has no given name before it).
        run[-1] = replace(run[-1], cls="N")
    for k, t in enumerate(run[:-1]):
        if t.cls == "R" and t.cap and t.low in RANK_TITLES and lexicon().code in ("fr", "es") \
                and run[k + 1].cls == "N" and not (a + k and toks[a + k - 1].low in _RUN_ARTICLES):
            # "Pape Sène a déclaré", "Me Pape Sène": French and Spanish write a title of
            # rank in lower case or after an article ("le pape François", "la Princesse
            # X"); capitalised without one it is a given name.
            run[k] = replace(t, cls="N")
    first = next((i for i, t in enumerate(run) if t.cls == "N"), len(run))
    if first + 2 < len(run) and len(run[first].low) > 7 and lexicon().code == "de" \
            and run[first].low.endswith(GERMAN_AGENT_NOUNS) \
            and all(t.cls in ("N", "I") for t in run[first + 1:first + 3]):
        # "Schauspieler Joaquin X", "Filmproduzent Jonathan X": a job before a given name
        # and a surname (German capitalises both alike).
        run[first] = replace(run[first], cls="R")
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
    elif 0 < j < end and run[j].low in _GERMAN_ARTICLES and run[j - 1].cls == "R" \
            and lexicon().code == "de":
        j = end  # "Präsident der Handelskammer": an article after a role is no name's particle
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
    if name and name[0].start == sentence_start and _opens_with_a_participle(name) \
            and not (len(name) == 1 and _names_the_subject(s, name[0])):
        name = name[1:]  # "Speaking at the launch", "Asked about …": no name
        j += 1
    elif len(name) >= 2 and name[0].text in ("Said", "Says") and _speech_inverted(s, name) \
            and not _names_the_subject(s, name[-1]):  # ("”, Said Hamdani said.": a name)
        # "Said Jane Doe: “…”", "… ” Says Jane Doe.": the verb, capitalised, before its
        # subject (Said as a given name is followed by no quote and follows none).
        name = name[1:]
        j += 1
    prefix = run[:j]
    lead = 0
    while lead < len(prefix) and (
        prefix[lead].low in FUNCTION_WORDS or prefix[lead].low in WEEKDAYS
        or prefix[lead].low in MONTHS
    ) and prefix[lead].cls not in ("H", "R"):
        lead += 1
    if lead + 1 < len(prefix) and prefix[lead].low in _RUN_ARTICLES and (
            is_org_word(prefix[lead + 1].low) or prefix[lead + 1].cls == "R"):
        lead += 1  # "La Fundación Mar Abierto", "El Presidente X": the article opens the run
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
    if role_toks and (is_strong_role(role_words)
                      or len(role_toks) >= 2 and role_toks[-1].cls == "R"):  # ("Fire Chief")
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
                   honorific=honorific, role=role, org=org_of(role) if role else "",
                   gender=honorific_gender(honorific), role_key=canonical_role(role or honorific))
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
                   honorific=honorific, role=role, org=org_of(role) if role else "",
                   gender=honorific_gender(honorific), role_key=canonical_role(role or honorific))
    if name:
        return None
    if role:
        return Ref("title", start, role_toks[-1].end, alias_text(s[start:role_toks[-1].end]),
                   role=role, org=org_of(role), role_key=canonical_role(role))
    org_toks = prefix or run
    if len(org_toks) >= 2 and org_toks[-1].cls == "R" and not org_toks[-1].dotted:
        # "the Fire Chief", "the Department Head": a body's name ends in the body's noun
        # ("Fire Service"), a role's in the person's, whatever the words before it.
        last = org_toks[-1]
        text = s[org_toks[0].start:last.end]
        return Ref("title", org_toks[0].start, last.end, alias_text(text), role=text,
                   org=org_of(text), role_key=canonical_role(text))
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
        if b - a >= 3 and lexicon().code == "de" and _completes_a_role(toks, a, s):
            a += 1  # "Senator für Inneres Jane X": the field, then the name
        ref = _run_ref(toks, a, b, s, sentence_start)
        if ref is None:
            continue
        tail = _ORG_TAIL.search(s, max(lo, ref.start - 40), ref.start) \
            if ref.kind == "org" else None
        if tail:
            if refs and refs[-1].end > tail.start():
                refs.pop()  # nor are the words before "and" ("A Energy", "National")
            continue
        if ref.kind == "bare" and a + 1 < b and toks[a].cls == "A" and len(toks[a].text) <= 2 \
                and toks[a].low not in ("un", "eu", "uk", "us") and b - a == 2:
            # "DJ Mountney": initials written together as a given name.
            ref = Ref("person", toks[a].start, toks[b - 1].end, s[toks[a].start:toks[b - 1].end],
                      name=s[toks[a].start:toks[b - 1].end])
        if ref.kind == "person":
            _comma_suffix(ref, s, hi)
            drop_role_complement(ref, toks, a, s)
        if ref.kind in ("person", "bare") and not (ref.role or ref.honorific) \
                and after_article(toks, a, b, s.find(ref.name, ref.start)):
            continue  # "des Deutschen Buchhandels", "the Smith Report": a thing, not a person
        if ref.kind in ("person", "bare") and not (ref.role or ref.honorific) \
                and ref.start == toks[a].start and b - a <= 2 and _completes_a_role(toks, a, s):
            # "la alcaldesa de Puerto Claro, María Ríos": the words after a role and "de"
            # say where the role is held, never who holds it.
            ref = Ref("org", ref.start, ref.end, ref.text, name=ref.name)
        if ref.kind in ("person", "surname", "bare") and not ref.role:
            borrow_role_before(ref, toks, a, s)
            ref = complement_title(ref, s)
        elif ref.kind == "title" and s[max(0, ref.start - 4):ref.start] in ("the ", "The "):
            ref.start -= 4
            ref.text = alias_text(s[ref.start:ref.end])
        if ref.kind == "title" and not ref.org:
            # "Presidente del Banco Interamericano": the title of someone at that body.
            m = _TITLE_OF.match(s, ref.end, hi)
            if m:
                ref.org = m.group(1)
        ref.possessive = s.startswith(POSSESSIVE, ref.end) or (
            ref.text.endswith("s") and s[ref.end:ref.end + 1] in ("’", "'")
            and not s[ref.end + 1:ref.end + 2].isalpha())
        refs.append(ref)
    refs.extend(lowercase_titles(toks, s, run_of))
    code = lexicon().code
    if code != "en":
        refs.extend(lowercase_organisations(toks, s, hi, run_of))
    refs.sort(key=lambda r: r.start)
    if code != "en":
        refs = join_titles(refs, s)  # "La ministra" + "ministra de Salud"
    refs = organisation_complements(refs, toks, s, hi)
    if code == "en":
        refs = employers_before_roles(refs, s)
    if "(" in s[lo:hi]:
        refs = acronym_organisations(refs, toks, s, hi)
    refs = merge_appositions(_merge_nicknames(refs, s), s, hi)
    if code != "en":
        for ref in refs:
            if ref.role and not ref.gender and ref.kind != "org":
                title = ref.kind == "title"
                ref.gender = role_gender(ref.text if title else ref.role,
                                         "" if title else s[max(0, ref.start - 12):ref.start])
    return refs


# "Foreign & Commonwealth Office", "Food and Drug Administration": after a capitalised word
# and "and", an organisation's words are the end of a longer name, no organisation of their own.
_ORG_TAIL = re.compile(r"[" + UPPER + r"][\w’'.-]*\s(?:&|and|und|et|y)\s$")


# Short English words ending like a participle that are participles, not given names.
_SHORT_PARTICIPLES = _words("using being doing going dying lying tying eying suing owing vying"
                            " aging")


def _opens_with_a_participle(name: list[Tok]) -> bool:
    """ "Speaking at …", "Finally Jane Doe": an English participle or adverb opening the
    sentence, not a given name. Given names end so too: "Emily", "Kelly" (short, -ly),
    "Jing", "Ming" (short, -ing), "Ahmed", "Fred" (-ed before a surname), and in German
    "Manfred", "Siegfried": only English is read so."""
    if lexicon().code != "en":
        return False
    low = name[0].low
    if low.endswith("ly"):
        return len(low) > 5
    if low.endswith("ing"):
        return len(low) > 5 or low in _SHORT_PARTICIPLES
    return low.endswith("ed") and len(name) == 1


def _names_the_subject(s: str, tok: Tok) -> bool:
    """ "Doering, speaking at …", "Harding said": a capitalised word ending like a participle
    that a comma or a verb of speech follows is a surname, the sentence's subject."""
    rest = s[tok.end:tok.end + 30]
    if rest[:1] == ",":
        return True
    words = rest.split()
    return bool(words) and words[0].strip(",.:;") in lexicon().speech_verbs


def _speech_inverted(s: str, name: list[Tok]) -> bool:
    """The capitalised "Said" opening ``name`` touches a quote: a colon or an opening mark
    after the name, or a closing mark (and a comma) just before it."""
    before = s[max(0, name[0].start - 3):name[0].start].rstrip(" ,")
    after = s[name[-1].end:name[-1].end + 3].lstrip()
    return before[-1:] in ("”", '"', "’", "»") or after[:1] in (":", "“", '"', "‘")


def _completes_a_role(toks: list[Tok], a: int, s: str) -> bool:
    """``toks[a]`` follows a lower-case role and "de" ("directora de", "maire du", "presidente
    de la"), in French or Spanish, where a particle after a role never starts a name."""
    if lexicon().code == "de":
        # "Ministerin für Umwelt", "Beauftragte für Integration": the field, not a name
        return a >= 2 and toks[a - 1].low == "für" and toks[a - 2].cls == "R" \
            and all(adjacent(toks[i], toks[i + 1], s) for i in range(a - 2, a))
    if lexicon().code not in ("fr", "es"):
        return False
    k = a - 1
    if k >= 0 and toks[k].low in ("la", "las", "los", "l’", "l'") and toks[k].cls == "P":
        k -= 1
    return k >= 1 and toks[k].low in _ROLE_OF and toks[k - 1].cls == "R" \
        and all(adjacent(toks[i], toks[i + 1], s) for i in range(k - 1, a))


_ROLE_OF = frozenset(["de", "del", "du", "des"])
# German nouns after "zu" in set phrases ("zu Gast", "zu Besuch", "zur Verfügung").
_ZU_IDIOMS = frozenset(["gast", "besuch", "hause", "ende", "beginn", "fuß", "recht", "wort",
                        "tisch", "verfügung", "gunsten", "lasten", "folge", "grunde", "ehren"])
_RUN_ARTICLES = frozenset(["la", "le", "el", "los", "las", "les", "l"])
_GERMAN_ARTICLES = frozenset(["der", "des", "den", "dem"])


_TITLE_OF = re.compile(
    r"\s+(?:of|for|at|del|de la|de los|de las|du|de|des|der|von|vom|für)\s+"
    r"(?:the\s+|la\s+|el\s+|l[’']\s*)?([" + UPPER + r"][\w’'&-]*(?:\s+(?:de|del|of|and|y|et|und"
    r"|für|the)?\s*[" + UPPER + r"][\w’'&-]*)*)"
)
_NICKNAME = re.compile(r"\s*[“\"«‘']\s*[" + UPPER + r"][\w’'.-]*(?:\s[" + UPPER + r"][\w’'.-]*)?"
                       r"\s*[”\"»’']\s*")


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
            nickname = s[prev.end:ref.start].strip(" “”\"«»‘’'")
            prev.nickname = f"{nickname} {ref.name}"  # the name they go by: "Cuco X"
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
