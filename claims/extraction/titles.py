"""Roles, honorifics and titles around a name: "Minister for Health X", "Jane Doe, Director
of X,", "the company’s chief executive", "la ministra de Salud", and the sex an honorific
tells."""

from __future__ import annotations

import re

from .languages import is_role_word, lexicon
from .lexicon import (
    FEMALE_HONORIFICS,
    FUNCTION_WORDS,
    MALE_HONORIFICS,
    TITLE_DETERMINERS,
    WEAK_ROLE_WORDS,
)
from .organisations import org_of
from .text import UPPER, rstrip_end
from .tokens import POSSESSIVE, Ref, Tok, adjacent, canonical_role, is_strong_role, tokenize


def honorific_gender(honorific: str) -> str:
    low = honorific.lower()
    lex = lexicon()
    if low in MALE_HONORIFICS or low in lex.male_honorifics:
        return "m"
    if low in FEMALE_HONORIFICS or low in lex.female_honorifics:
        return "f"
    return ""


def role_gender(role: str, before: str = "") -> str:
    """The sex a French, Spanish or German role tells by its article or its ending ("la
    présidente", "el regidor", "Bürgermeisterin"); "" for English and for roles both sexes
    share ("ministre", "portavoz", "Vorsitzende" without its article). ``before`` is the
    text just before the role, for its article."""
    code = lexicon().code
    if code == "en" or not role:
        return ""
    words = [w.strip(",.;:()").lower() for w in (before.split()[-1:] + role.split())]
    head = next((k for k, w in enumerate(words) if w and is_role_word(w)), None)
    if head is None:
        return ""
    word = words[head].rsplit("-", 1)[-1]
    article = words[head - 1] if head else ""
    if article in _FEMININE_ARTICLES.get(code, ()):
        return "f"
    if article in _MASCULINE_ARTICLES.get(code, ()):
        return "m"
    for gender, endings in _GENDER_ENDINGS.get(code, ()):
        if word.endswith(endings) and not word.endswith(_SHARED_ENDINGS.get(code, ())):
            return gender
    return ""


_FEMININE_ARTICLES = {"fr": ("la", "une"), "es": ("la", "una"), "de": ("die", "eine")}
_MASCULINE_ARTICLES = {"fr": ("le", "un", "du", "au"), "es": ("el", "un", "del", "al"),
                       "de": ("der", "ein", "des", "dem", "den")}
# Endings that tell the sex of a role word, feminine first: "directrice", "conseillère",
# "présidente" / "directeur", "conseiller", "président"; "directora", "alcaldesa" /
# "director", "secretario"; "Sprecherin" / "Sprecher".
_GENDER_ENDINGS = {
    "fr": (("f", ("trice", "euse", "ère", "ée", "ente", "ante", "ointe", "ffe", "ienne",
                  "esse", "ate")),
           ("m", ("eur", "ier", "ent", "ant", "oint", "é", "et", "ien", "at"))),
    "es": (("f", ("a",)), ("m", ("o", "or"))),
    "de": (("f", ("in", "frau")), ("m", ("ent", "er", "or", "eur", "chef", "mann", "rat",
                                         "ar", "ekt"))),
}
# Words of both sexes with an ending above: "artiste", "periodista", "Bürgermeisteramt".
_SHARED_ENDINGS = {"es": ("ista", "eta"), "fr": ("iste",)}


def _strip_article(text: str) -> str:
    for article in ("the ", "The ", "a ", "A ", "an ", "An ", "who is ", "who is the "):
        if text.startswith(article):
            return text[len(article):]
    return text


def alias_text(text: str) -> str:
    return "the " + text[4:] if text.startswith("The ") else text


_COMPLEMENT_PARTICLES = ("de", "del", "du", "des", "de la", "de l’", "de l'", "de los",
                         "de las")


def complement_title(ref: Ref, s: str) -> Ref:
    """ "la ministra de Salud, Carmen Ruiz", "le directeur de Cabinet": in French and Spanish a
    capitalised word after a lower-case role and "de" completes the role; it is no surname."""
    if ref.kind != "surname" or not ref.role or not ref.role[:1].islower() or ref.honorific \
            or " " in ref.name or not ref.role.endswith(_COMPLEMENT_PARTICLES) \
            or lexicon().code not in ("fr", "es"):
        return ref
    role = s[s.find(ref.role, ref.start):ref.end]
    return Ref("title", ref.start, ref.end, role, role=role, org=ref.name,
               role_key=canonical_role(role))


def join_titles(refs: list[Ref], s: str) -> list[Ref]:
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
            ref.text = alias_text(s[ref.start:ref.end])
            out[-1] = ref
            continue
        out.append(ref)
    return out


def drop_role_complement(ref: Ref, toks: list[Tok], a: int, s: str) -> None:
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


def borrow_role_before(ref: Ref, toks: list[Tok], a: int, s: str) -> None:
    """Roles ahead of the name run: "chief executive Mary Barra", "Minister for Health X",
    "Minister for the Environment, Climate and Communications Colm Tierney"."""
    start = None
    i = a - 1
    while i >= 0 and toks[i].cls == "R" and not toks[i].cap and adjacent(toks[i], toks[i + 1], s):
        start = toks[i].start
        if toks[i].low[1:2] in ("’", "'"):
            start += 2  # ("l’ingénieur X": the role without its article)
            break
        i -= 1
    chain = None  # where honorifics between the role and the name start
    if start is None:
        i = a - 1
        while i >= 0 and a - i <= 12:
            t = toks[i]
            gap = s[t.end + (2 if t.possessive else 0):toks[i + 1].start]
            if gap not in (" ", ", ") and not (t.cls == "H" and gap in (". ", "., ")):
                break
            if t.cls == "H" or t.low in _CHAIN_WORDS and toks[i + 1].cls == "H":
                # "Governor-General, His Excellency, the Most Hon. Sir X": honorifics between
                # the role and the name
                chain = t.start
                i -= 1
                continue
            if t.cap and t.cls == "R" and t.low not in WEAK_ROLE_WORDS:
                start = t.start
                j = i - 1
                while (j >= 0 and toks[j].cap and toks[j].cls in ("R", "A", "O")
                       and s[toks[j].end:toks[j + 1].start] == " "
                       and toks[j].low not in FUNCTION_WORDS):
                    start = toks[j].start
                    j -= 1
                break
            if not (t.cap and t.cls in ("R", "O", "A")) and t.low not in _ROLE_CONNECTORS \
                    and not (t.cap and t.cls == "N" and i and toks[i - 1].low in ("für", "for")):
                break  # ("Ministerin für Umwelt, Jane X": the field of a role goes on)
            i -= 1
    if start is None:
        return
    name_start = s.find(ref.name, ref.start)
    role = s[start:chain if chain is not None and chain > start else name_start].strip(" ,")
    words = role.split()
    while len(words) > 1 and words[-1].strip(".,").lower() in lexicon().honorifics:
        words.pop()  # ("Governor-General, Sir Patrick X": Sir is his, not the role's)
    role = " ".join(words).strip(" ,")
    if not role or _PUNCTUATION.search(role.replace(",", "")):
        return
    ref.role = role
    ref.org = ref.org or org_of(role)
    ref.role_key = canonical_role(role)
    ref.start = start
    ref.text = s[start:ref.end]
    if ref.kind == "bare":
        ref.kind = "surname"


# Words inside a chain of honorifics: "His Excellency", "the Most Hon.", "the Right Rev.".
_CHAIN_WORDS = frozenset(["his", "her", "the", "most", "very", "their"])
_ROLE_CONNECTORS = frozenset(["for", "of", "the", "and", "&", "in", "du", "de", "des", "la",
                              "der", "für", "von", "del", "y", "et", "und", "im", "am", "beim",
                              "zum", "zur", "bei"])
_PUNCTUATION = re.compile(r"[,.;:!?()\[\]“”\"]")


def lowercase_titles(toks: list[Tok], s: str, run_of: dict[int, int]) -> list[Ref]:
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
            j == i or adjacent(toks[j - 1], toks[j], s)
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
        # (A name right after the role is the person's, read with it: "the minister Jane
        # Doe"; after a comma it is an apposition: "El rector, Ricardo Rivero,".)
        if det is not None and strong and not (j < n and toks[j].cap and toks[j].cls == "N"
                                               and adjacent(toks[j - 1], toks[j], s)):
            start = toks[det].start
            end = toks[j - 1].end
            role = s[toks[i].start:end]
            found.append(Ref("title", start, end, s[start:end], role=role,
                             role_key=canonical_role(role)))
        i = max(j, i + 1)
    return found


def merge_appositions(refs: list[Ref], s: str, hi: int) -> list[Ref]:
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
        if ref.kind == "title" and nxt and nxt.kind == "bare":
            # "El Vicerrector de Investigación, Desarrollo e Innovación, Dr. X": capitalised
            # words of the title's complement come before the name it introduces.
            nxt = next((r for r in refs[idx + 1:] if r.kind not in ("org", "bare")), None)
        if ref.kind == "title" and nxt and nxt.kind in ("person", "surname") and not nxt.role:
            gap = s[ref.end:nxt.start]
            complement = _TITLE_COMPLEMENT.fullmatch(gap)
            if complement is None and lexicon().code != "en":
                # "el regidor de oposición Luis Herrera", "le conseiller d’opposition Marc
                # Dubreuil": a lower-case complement with no comma before the name.
                complement = _LOWER_COMPLEMENT.fullmatch(gap) or _ADJECTIVES.fullmatch(gap) \
                    or _ADJECTIVES_THEN_COMPLEMENT.fullmatch(gap) or _role_adjectives(gap)
            if complement:
                skip_until = nxt.start  # (the complement's own capitalised words)
                nxt.role = _strip_article(ref.text) + gap[:complement.start(1)].rstrip()
                nxt.org = nxt.org or org_of(nxt.role)
                nxt.role_key = canonical_role(nxt.role)
                continue
        if ref.kind in ("person", "surname", "bare") and not ref.role:
            role_end = _apposition(ref, s, hi)
            if role_end:
                start, end = role_end
                ref.role = _strip_article(s[start:end])
                ref.org = ref.org or org_of(ref.role)
                ref.role_key = canonical_role(ref.role)
                if ref.kind == "bare":
                    ref.kind = "surname"
                skip_until = end
        out.append(ref)
    return out


# What may sit between a title and the name it introduces: "The Governor of the Bank of
# Ghana, Dr. ...", "The Chief Executive of the Authority (SEAI), William Walsh", and the rest
# of a list the title or its complement began: "Vicerrector de Investigación[, Desarrollo e
# Innovación de la Universidad X, ]Dr. Ana X".
_TITLE_COMPLEMENT = re.compile(
    r"(?:\s+(?:(?:of|for|at)\s+(?:the\s+)?[" + UPPER + "]"
    # French, Spanish and German complements are often lower case: "du conseil régional".
    r"|(?:du|de la|de l’|de l'|des|de|del|de los|de las|der|des|von|für)\s+\w)"
    r"[^,;:()“”\"]{0,120})?"
    r"(?:,\s*[^,;:()“”\"]{0,60}?\s(?:and|y|e|et|und)\s[^,;:()“”\"]{1,100}?)?"
    r"(?:\s\([A-Z]{2,}\))?\s*(,)\s*"
)


_LOWER_COMPLEMENT = re.compile(
    r"\s+(?:(?:de la|de l’|de l'|du|des|de|del|de los|de las|der)\s+|d[’'])"
    r"[^\W\d_A-Z" + UPPER + r"][\w’'-]*(?:\s+[^\W\d_A-Z" + UPPER + r"][\w’'-]*){0,3}( )"
)


# French and Spanish adjectives after the title, then the name: "El intendente municipal,
# Tomás X,", "le maire sortant, Jean X,".
_ADJECTIVES = re.compile(
    r"(?:\s+[^\W\d_A-Z" + UPPER + r"][\w’'-]*){1,2}\s*(,)\s*"
)


# French and Spanish adjectives, then the complement, between the title and the name: "La
# Directrice générale de l’UNESCO, Audrey X,", "el director ejecutivo del Instituto, Juan X".
_ADJECTIVES_THEN_COMPLEMENT = re.compile(
    r"(?:\s+[^\W\d_A-Z" + UPPER + r"][\w’'-]*){1,2}(?=\s+d)" + _TITLE_COMPLEMENT.pattern
)


# Endings of French and Spanish adjectives that qualify a role ("municipale", "régional",
# "adjointe", "déléguée", "sortant", "ejecutivo", "interina", "provincial"); a verb between a
# title and a name ("le maire remercie Jean X") has none of them.
_ROLE_ADJECTIVE_ENDINGS = {
    "fr": ("al", "ale", "aux", "el", "elle", "aire", "if", "ive", "ique", "é", "ée", "int",
           "inte", "ant", "ante", "oint", "ointe"),
    "es": ("al", "ales", "ar", "ivo", "iva", "ario", "aria", "unto", "unta", "ino", "ina",
           "ecto", "ecta"),
}
_LOWER_WORDS = re.compile(r"(?:\s+[^\W\d_A-Z" + UPPER + r"][\w’'-]*){1,2}( )")


def _role_adjectives(gap: str) -> re.Match | None:
    """ "La conseillère municipale Nadine X", "el director ejecutivo Juan X": one or two
    adjectives between a lower-case title and the name it introduces, without a comma."""
    m = _LOWER_WORDS.fullmatch(gap)
    endings = _ROLE_ADJECTIVE_ENDINGS.get(lexicon().code)
    if m is None or endings is None or not all(w.endswith(endings) for w in gap.split()):
        return None
    return m


def _apposition(ref: Ref, s: str, hi: int) -> tuple[int, int] | None:
    i = ref.end + (2 if s.startswith(POSSESSIVE, ref.end) else 0)
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
    if any(r.cls == "R" and a.cls == "N" and b.cls == "N" and adjacent(r, a, s)
           and adjacent(a, b, s) for r, a, b in zip(toks, toks[1:], toks[2:], strict=False)):
        # "los docentes X y Y, el rector Jairo Z dio apertura": a role with a name of its
        # own is that other person's, not Y's.
        return None
    verbs = lexicon().speech_verbs
    cut = next((t for t in toks if t.cls == "l" and t.low in verbs), None)
    if cut is not None:
        if any(a.cls == "N" and b.cls == "N" and adjacent(a, b, s)
               for a, b in zip(toks, toks[1:], strict=False) if b.start < cut.start):
            return None  # ", el Presidente Álvaro X destacó …": a clause with its own subject
        end = cut.start
    return start, rstrip_end(s, end, " ,.;:!?")


_APPOSITION_END = re.compile(r"[,;()\[\]]| [–—] ")
