"""Organisations, as against people: "the Ministry of Health", "le ministère de l’Intérieur",
"Polizeipräsidium Nordhafen", the body named inside a role ("Head of X at the University of
Y"), and a capitalised run after an article, which is a thing rather than a person."""

from __future__ import annotations

import re
from bisect import bisect_left

from .languages import lexicon
from .lexicon import (
    ORG_WORDS,
    PARTICLES,
    TITLE_DETERMINERS,
)
from .lexicon import word_set as _words
from .text import UPPER, rstrip_end
from .tokens import Ref, Tok, tokenize


def org_of(role: str) -> str:
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


def organisation_complements(refs: list[Ref], toks: list[Tok], s: str, hi: int) -> list[Ref]:
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


def lowercase_organisations(toks: list[Tok], s: str, hi: int, run_of: dict[int, int]
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


_COMPLEMENT_PART = (
    r"[" + UPPER + r"][\w’'-]*(?:\s+(?:and|&|y|et|und|de|del|des|of|the|for)?\s*"
    r"[" + UPPER + r"][\w’'-]*)*"
    # "ministère des Affaires étrangères": French and Spanish adjectives after the name.
    r"(?:\s+(?!(?:dans|sur|pour|avec|par|en|à|au|aux|qui|que|et|est|ont|a|lors|selon|le|la"
    r"|les|un|une|des|du|de|el|los|las|al|del|y|con|por|para|ante|tras|según|es|son|ha|han)\b)"
    r"[a-zà-ÿ][a-zà-ÿ]{3,}(?:ères|ère|ers|er|aux|al|ale|ales|iques?|ores|ors|es|os|as))?"
)
_ORG_COMPLEMENT = re.compile(
    r"\s+(?:of|for|on|de la|de los|de las|del|de l[’']|de|du|des|der|für)\s*"
    r"(?:the\s+|l[’']\s*|la\s+|las\s+|los\s+|el\s+)?" + _COMPLEMENT_PART
    # "… et des Sénégalais de l’extérieur", "… et de la Cohésion des territoires": a second
    # field of the same ministry, joined by "et de", with its own lower-case complement.
    + r"(?:\s+(?:et|y)\s+(?:de la|de l[’']|des|du|de|del|de los|de las)\s*" + _COMPLEMENT_PART
    + r"(?:\s+(?:de la|de l[’']|des|du|de|del)\s*[a-zà-ÿ]{4,}(?![\w’']))?)?"
)


def acronym_organisations(refs: list[Ref], toks: list[Tok], s: str, hi: int) -> list[Ref]:
    """ "la Direction de l’information et des relations publiques des armées (DIRPA)", "el
    Banco Interamericano de Desarrollo (BID)": an organisation's name followed by its
    acronym in brackets is one organisation, from its organisation word to the bracket; the
    acronym's reference carries that name (in ``org``), so a later "selon la DIRPA" names it.
    A clause holding a person (a party after a politician's name) is left alone."""
    if not toks:
        return refs
    starts = [t.start for t in toks]
    people = sorted(r.start for r in refs if r.kind in ("person", "surname", "title"))
    found: list[tuple[int, int, Ref, Ref]] = []  # (from, to, organisation, acronym)
    for m in _ACRONYM.finditer(s, toks[0].start, hi):
        end = rstrip_end(s, m.start())
        lo = max(toks[0].start, end - 160)
        stop = max(s.rfind(c, lo, end) for c in ",;:.()“”«»\"")
        first, last = bisect_left(starts, max(lo, stop + 1)), bisect_left(starts, end)
        at = next((k for k in range(first, last)
                   if is_org_word(toks[k].low) and toks[k].cls != "A"), None)
        if at is None:
            continue
        while at > first and toks[at - 1].cls == "N" and toks[at - 1].end + 1 == toks[at].start:
            at -= 1  # "Orange County District Attorney’s Office (OCDA)": the place is in it
        head = toks[at]
        if found and head.start < found[-1][1]:
            continue
        k = bisect_left(people, head.start)
        if k < len(people) and people[k] < end:
            continue
        name = s[head.start:end]
        found.append((head.start, m.end(), Ref("org", head.start, end, name, name=name),
                      Ref("org", m.start(1), m.end(1), m.group(1), name=m.group(1), org=name)))
    if not found:
        return refs
    out: list[Ref] = []
    i = 0
    for ref in refs:  # (in order of their start)
        while i < len(found) and found[i][1] <= ref.start:
            i += 1
        if i < len(found) and found[i][0] <= ref.start:
            continue  # inside an organisation named with its acronym
        out.append(ref)
    out.extend(r for f in found for r in f[2:])
    return sorted(out, key=lambda r: r.start)


_ACRONYM = re.compile(r" \(([" + UPPER + r"][" + UPPER + r"&-]{1,9})(?=\)|$)")


# Definite articles and their contractions: a capitalised run right after one is a thing
# (an organisation, a title, a product), not a person's name.
_ARTICLES = _words("""
    the le la les du des au aux der die das des dem den vom zum zur im am beim el los las del al
""")
# ... and so is one right after these prepositions ("the Bank of Ashanti Coast", "the MP for
# North Harbour"): a place or an organisation.
_NOT_BEFORE_A_NAME = _ARTICLES | _words("of in at from for to")


# Adjectives that, after "the", "its", "our", describe an issue, an event or an edition, and
# never a person ("the latest Bulletin", "our annual Harvest Fair", "the new Civic Centre").
_THING_ADJECTIVES = _words("""
    latest new annual inaugural upcoming forthcoming revised updated weekly monthly yearly
    biennial quarterly
""")
_DETERMINERS_EN = _words("the a an its our their his her this")


def after_article(toks: list[Tok], a: int, b: int, name_start: int) -> bool:
    """The name starting at ``name_start`` (in the run ``toks[a:b]``) comes right after an
    article or one of the prepositions that introduce places and organisations."""
    k = next((i for i in range(a, b) if toks[i].start == name_start), None)
    if k is not None and k > 1 and toks[k - 1].low in _THING_ADJECTIVES \
            and toks[k - 2].low in _DETERMINERS_EN and not toks[k - 1].cap:
        return True  # "the latest Ad Clerum", "its annual Harvest Fair": a thing
    if k is None or k == 0 or toks[k - 1].low not in _NOT_BEFORE_A_NAME \
            or toks[k].start - toks[k - 1].end != 1:
        return False
    if k > 1 and toks[k - 1].low == "to" and toks[k - 2].low == "according":
        return False  # "according to Jane Doe": a source, who is a person as often as not
    # "de la Fuente", "Juan Carlos van der Berg": an article after a particle is part of the
    # name, unless what comes before is no name ("Congreso de la República").
    return not (k > 1 and toks[k - 2].low in PARTICLES and toks[k - 2].low not in _ARTICLES
                and (k < 3 or toks[k - 3].cls in ("N", "I")))


def employers_before_roles(refs: list[Ref], s: str) -> list[Ref]:
    """ "Kestrel Foods chief executive Jane Doe", "Orrin Systems spokesperson John Roe": a
    capitalised name written right before a person's lower-case role is their employer, an
    organisation, not a person."""
    for ref, nxt in zip(refs, refs[1:], strict=False):
        if ref.kind in ("person", "bare") and not (ref.role or ref.honorific) \
                and nxt.kind in ("person", "surname") and nxt.role[:1].islower() \
                and nxt.start == ref.end + 1 and s[ref.end] == " " and not ref.possessive:
            ref.kind = "org"
            nxt.org = nxt.org or ref.name
    return refs
