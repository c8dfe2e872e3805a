"""Organisations a release makes speak by their kind ("the department said", "a déclaré la
mairie", "teilte die Polizei mit", "informó la institución"): the one body of that kind the
release names, or no one."""

from __future__ import annotations

import re

from .attribution import Attribution
from .languages import lexicon
from .lexicon import word_set as _words
from .speakers import Person
from .text import UPPER
from .tokens import tokenize

# Kinds of body a release calls an organisation by once it has named it in full ("the
# department", "the agency"): not "the company" (a company is told by its legal form, below)
# or "the government", which a release uses for bodies it never names so.
BODY_NOUNS = {
    "en": _words("""department ministry agency service council authority commission office
        board trust association foundation union federation society committee institute
        university college hospital bureau directorate museum library charity club court
        tribunal police corporation"""),
    "fr": _words("""ministère agence direction service conseil commission office fondation
        association fédération syndicat comité institut université hôpital préfecture mairie
        police gendarmerie tribunal organisation institution"""),
    "es": _words("""ministerio agencia dirección servicio consejo comisión oficina fundación
        asociación federación sindicato comité instituto universidad hospital alcaldía
        municipalidad ayuntamiento policía tribunal organización institución secretaría
        gobernación"""),
    "de": _words("""ministerium behörde agentur direktion dienst rat kommission amt stiftung
        verein verband gewerkschaft ausschuss institut universität hochschule klinik polizei
        gericht organisation stadtverwaltung verwaltung"""),
}


# What a body issues, named as the subject of a speech verb ("conclut le communiqué").
_STATEMENT_NOUNS = _words("communiqué déclaration comunicado declaración statement")
# Nouns for any kind of body ("la institución", "l’organisation").
_ANY_BODY = _words("institution institución organisation organización organization entidad")
# Articles before a kind of body: "the ministry", "le ministère", "l’agence", "la
# institución", "das Ministerium".
_BODY_ARTICLES = {"en": ("the",), "fr": ("le", "la", "l"), "es": ("el", "la"),
                  "de": ("der", "die", "das")}


# Nouns for a company, which a release names by its legal form ("… Ltd", "… GmbH"): "the
# company" is the one company named so, and no other kind of body.
_COMPANY_NOUNS = _words("company firm entreprise société empresa compañía unternehmen firma")
# A company's name: capitalised words and its legal form ("Ashcombe Foods Ltd", "Portvale
# Mills plc", "Kestrel GmbH", "Orrin S.A.").
_COMPANY_NAME = re.compile(
    r"(?:[" + UPPER + r"][\w&’'-]*\s+){1,4}(?:Ltd|Limited|Inc|LLC|plc|PLC|Corp|Corporation"
    r"|GmbH|AG|KG|SE|SA|S\.A\.|SAS|SARL|S\.L\.|NV|BV|Pty)\b\.?")
_LEADING_ARTICLE = re.compile(r"^(?:The|La|Le|Les|El|Los|Las|Die|Der|Das)\s+")
# Bodies English names without an article ("police said").
_BARE_BODIES = {"en": frozenset(["police"])}
# What joins a kind of body to the rest of its name: "Mairie de Portvale", "Department of
# Roads", "Polizei Ashcombe".
_COMPLEMENT = (r"(?:\s+(?:de la|de l[’']|du|des|de|del|de los|of the|of|von der|von|der|für)"
               r"\s+|\s+)[" + UPPER + r"][\w’'-]+(?:\s+[" + UPPER + r"][\w’'-]+)*")


def _body_noun(toks) -> str | None:
    """The kind of body a subject names by its article ("the department", "le ministère",
    "l’agence"), or by itself where the language leaves the article out ("police"), or
    None."""
    code = lexicon().code
    nouns = BODY_NOUNS.get(code, ())
    if len(toks) == 1 and toks[0].low[:2] in ("l’", "l'") and code == "fr":
        return toks[0].low[2:] if toks[0].low[2:] in nouns else None
    if len(toks) == 1 and toks[0].low in _BARE_BODIES.get(code, ()):
        return toks[0].low
    if len(toks) == 2 and toks[0].low in _BODY_ARTICLES.get(code, ()) and toks[1].low in nouns:
        return toks[1].low
    return None


class Bodies:
    """Which organisation a kind of body names (a mixin of ``pipeline._Document``)."""

    def _org_by_common_noun(self, text: str, att: Attribution) -> Person | None:
        """ "the department said", "the agency added": an organisation named in full earlier
        is called by its kind of body afterwards, and a reader takes the one named so; when
        none or two of them are, the speaker stays empty."""
        toks = tokenize(text, att.subj_lo, att.subj_hi)
        noun = _body_noun(toks)
        if noun is None and len(toks) == 2 and toks[1].low in _COMPANY_NOUNS \
                and toks[0].low in _BODY_ARTICLES.get(lexicon().code, ()):
            noun = toks[1].low
        if noun is None and len(toks) == 2 and toks[1].low in _STATEMENT_NOUNS \
                and toks[0].low in _BODY_ARTICLES.get(lexicon().code, ()):
            noun = toks[1].low
        if noun is None:
            return None
        name = self.registry.org_called(noun) or self._named_in_full(noun)
        if name is None and noun in _COMPANY_NOUNS:
            # "the company said": the one company the release names by its legal form
            # ("Ashcombe Foods Ltd", "Portvale GmbH").
            name = self._only_company()
        if name is None and (noun in _STATEMENT_NOUNS or noun in _ANY_BODY):
            # "conclut le communiqué", "dijo la institución": the body quoted last, or the
            # one body the release names.
            quoted = self.ctx.last_quoted
            if quoted is not None and quoted.is_org:
                return quoted
            name = self.registry.only_org()
        return self.registry.add_org(name) if name is not None else None

    def _named_in_full(self, noun: str) -> str | None:
        """The one name the release writes for a kind of body with a capital and the rest
        of its name ("la Gendarmerie de Portvale" for "la gendarmerie"), when no name of an
        organisation read so far holds it."""
        if noun not in self.bodies_in_full:  # (read the release once per kind of body)
            pattern = re.compile(r"\b" + re.escape(noun.capitalize()) + _COMPLEMENT)
            names = {m.group(0) for text in self.paras[:200] for m in pattern.finditer(text)}
            self.bodies_in_full[noun] = names.pop() if len(names) == 1 else None
        return self.bodies_in_full[noun]

    def _only_company(self) -> str | None:
        """The one company the release names by its legal form, or None when it names none
        or several."""
        if "" not in self.bodies_in_full:  # (the company, under the empty kind)
            names = {_LEADING_ARTICLE.sub("", m.group(0).rstrip("."))
                     for text in self.paras[:200] for m in _COMPANY_NAME.finditer(text)}
            self.bodies_in_full[""] = names.pop() if len(names) == 1 else None
        return self.bodies_in_full[""]
