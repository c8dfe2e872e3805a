"""The words attribution reads, per language: speech verbs, pronouns, titles, honorifics.

The release's language (``language.detect_language``) chooses a ``Lexicon``; the extraction
running now reads it through ``lexicon()``, so the rules deep in the name and attribution
code need no extra argument. Every entry is lower case.
"""

from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import lru_cache

from . import lexicon as en
from .lexicon import word_set as _words


@dataclass(frozen=True)
class Lexicon:
    code: str
    # Finite speech verbs and the participles of compound forms ("a déclaré", "ha dicho").
    speech_verbs: frozenset[str]
    # Auxiliaries of the compound forms: "a" déclaré, "hat" gesagt, "ha" dicho.
    auxiliaries: frozenset[str]
    # Participles that hang reported speech on a subject (", noting that ...").
    participles: frozenset[str]
    # "according to X": the words of each form, as tuples.
    according: tuple[tuple[str, ...], ...]
    # Pronouns and their gender: m, f, p (plural), "" (unknown).
    pronouns: dict[str, str]
    # Words that open a title reference ("the Minister", "le président", "die Sprecherin").
    determiners: frozenset[str]
    honorifics: frozenset[str]
    male_honorifics: frozenset[str]
    female_honorifics: frozenset[str]
    # Words joining two people ("X and Y said"): the attribution then names no one person.
    conjunctions: frozenset[str]
    # A statement line: "X released the following statement:", "a publié le communiqué
    # suivant", "hat folgende Erklärung", "emitió el siguiente comunicado".
    statement_words: frozenset[str]
    # Verbs that need a particle to attribute ("pointed out", "fügte hinzu").
    particles: dict[str, str]
    # Speech verbs in the infinitive that attribute after "de" in Québec French: "« … », de
    # dénoncer X", "d’ajouter la présidente".
    infinitives: frozenset[str] = frozenset()
    # Speech verbs that say nothing of speech before one word: "contó con" (had), "cuenta
    # con" (has).
    not_speech_before: dict[str, str] = field(default_factory=dict)


ENGLISH = Lexicon(
    code="en",
    speech_verbs=en.SPEECH_VERBS,
    auxiliaries=_words("has have had"),
    participles=en.SPEECH_PARTICIPLES,
    according=(("according", "to"), ("in", "the", "words", "of")),
    pronouns={"he": "m", "she": "f", "they": "p", "it": "o", "we": "p", "i": ""},
    determiners=_words("the its their our his her this a an"),
    honorifics=en.HONORIFICS,
    male_honorifics=en.MALE_HONORIFICS,
    female_honorifics=en.FEMALE_HONORIFICS,
    conjunctions=_words("and &"),
    statement_words=_words("statement statements"),
    particles=en.VERB_PARTICLES,
)

FRENCH = Lexicon(
    code="fr",
    speech_verbs=_words(
        """
        dit déclare ajoute explique commente complète conclut souligne indique précise
        affirme estime rappelle poursuit insiste note observe résume lance martèle assure
        confie témoigne reconnaît regrette salue déplore prévient avertit annonce répond
        signale relève souhaite juge considère analyse détaille développe renchérit
        tranche plaide ironise s'exclame écrit raconte rapporte poursuit reprend lâche
        glisse insiste admet avoue constate conclut nuance rétorque réagit résume
        rapporté repris lâché glissé admis avoué constaté nuancé rétorqué réagi
        félicite réjouit félicité réjoui
        confirme confirmé confirment décrit décrivent relate relaté relatent informe informé
        raconte racontent pense pensent interpelle interpellé
        enchaîne enchaîné soutient soutenu dénonce dénoncé critique critiqué fustige fustigé
        mentionne mentionné avance avancé argue argué s'indigne indigne s'inquiète inquiète
        lamente lamenté désole désolé interroge interrogé insurge insurgé alarme alarmé
        emporte emporté exclame exclamé s'insurge s’insurge s'alarme s’alarme s'interroge
        s’interroge s'emporte s’emporte s’exclame s’indigne s’inquiète
        déclaré ajouté expliqué commenté complété conclu souligné indiqué précisé affirmé
        estimé rappelé poursuivi insisté noté observé résumé lancé martelé assuré confié
        témoigné reconnu regretté salué déploré prévenu averti annoncé répondu signalé
        relevé souhaité jugé considéré analysé détaillé développé renchéri tranché plaidé
        ironisé écrit raconté
        disent déclarent ajoutent expliquent commentent soulignent indiquent précisent
        affirment estiment concluent
        """
    ),
    auxiliaries=_words("a ont avait avaient"),
    participles=_words("ajoutant soulignant expliquant précisant rappelant estimant"),
    according=(("selon",), ("d’après",), ("d'après",), ("pour",), ("selon", "les", "mots", "de")),
    pronouns={"il": "m", "elle": "f", "ils": "p", "elles": "p", "nous": "p", "je": "",
              "on": "p"},
    determiners=_words("le la l les son sa ses leur notre du des au"),
    honorifics=_words("m mme mmes mlle me dr pr monsieur madame mgr"),
    male_honorifics=_words("m monsieur"),
    female_honorifics=_words("mme madame mlle"),
    conjunctions=_words("et"),
    statement_words=_words("communiqué déclaration"),
    particles={},
    infinitives=_words(
        """
        dire déclarer ajouter expliquer commenter compléter conclure souligner indiquer
        préciser affirmer estimer rappeler poursuivre insister noter observer résumer lancer
        marteler assurer confier témoigner reconnaître regretter saluer déplorer prévenir
        avertir annoncer répondre signaler relever souhaiter juger considérer dénoncer
        renchérir trancher plaider ironiser raconter rapporter reprendre lâcher glisser
        admettre avouer constater nuancer rétorquer réagir illustrer critiquer fustiger
        enchaîner s'exclamer s’exclamer mentionner soutenir
        """
    ),
)

GERMAN = Lexicon(
    code="de",
    speech_verbs=_words(
        """
        sagt sagte sagten sagen erklärt erklärte erklärten erklären betont betonte betonten
        ergänzt ergänzte erläutert erläuterte kommentiert kommentierte meint meinte
        unterstreicht unterstrich warnt warnte fordert forderte berichtet berichtete
        bekräftigt bekräftigte resümiert resümierte schreibt schrieb versichert versicherte
        kritisiert kritisierte mahnt mahnte appelliert appellierte verspricht versprach
        sagt betont bilanziert bilanzierte zeigt zeigte stellt stellte führt führte fügt
        fügte hebt hob freut freute unterstrichen gesagt betont erklärt ergänzt erläutert
        kommentiert gewarnt gefordert bekräftigt so teilt teilte gibt gab
        verdeutlicht verdeutlichte begründet begründete beschreibt beschrieb schildert
        schilderte lobt lobte resümiert bilanziert ergänzte erinnert erinnerte weiß wusste
        findet fand meinte sagen betonen fasst fasste kündigt kündigte antwortet
        antwortete fragt fragte
        äußert äußerte äußerten bestätigt bestätigte hofft hoffte bedauert bedauerte
        unterstreicht berichten ergänzen hält hielt weist wies räumt räumte merkt merkte
        """
    ),
    auxiliaries=_words("hat haben hatte hatten"),
    participles=_words(""),
    according=(("laut",), ("zufolge",), ("so",), ("in", "den", "worten", "von"), ("für",)),
    pronouns={"er": "m", "sie": "", "wir": "p", "ich": ""},
    determiners=_words("der die das des dem den ihr ihre sein seine unser unsere"),
    honorifics=_words("herr frau dr prof"),
    male_honorifics=_words("herr"),
    female_honorifics=_words("frau"),
    conjunctions=_words("und"),
    statement_words=_words("erklärung stellungnahme mitteilung"),
    particles={"fügt": "hinzu", "fügte": "hinzu", "stellt": "(?:klar|fest)",
               "stellte": "(?:klar|fest)", "hält": "fest", "hielt": "fest", "weist": "hin",
               "wies": "hin", "räumt": "ein", "räumte": "ein", "merkt": "an", "merkte": "an",
               "führt": "aus", "führte": "aus", "hebt": "hervor", "hob": "hervor",
               "zeigt": "sich", "zeigte": "sich", "freut": "sich", "freute": "sich",
               "teilt": "mit", "teilte": "mit", "gibt": "bekannt", "gab": "bekannt",
               "fasst": "zusammen", "fasste": "zusammen", "kündigt": "an", "kündigte": "an"},
)

SPANISH = Lexicon(
    code="es",
    speech_verbs=_words(
        """
        dijo dice afirmó afirma señaló señala indicó indica explicó explica declaró declara
        añadió añade agregó agrega aseguró asegura destacó destaca subrayó subraya comentó
        comenta expresó expresa manifestó manifiesta sostuvo sostiene apuntó apunta
        advirtió advierte enfatizó enfatiza precisó precisa reafirmó reafirma concluyó
        concluye mencionó menciona recordó recuerda insistió insiste aclaró aclara
        puntualizó puntualiza resaltó resalta refirió refiere consideró considera opinó
        opina detalló detalla reconoció reconoce aseveró asevera remarcó remarca
        dijeron señalaron afirmaron indicaron explicaron explican declararon destacaron
        expresaron comentaron aseguraron
        acotó acota recalcó recalca sentenció sentencia expuso expone argumentó argumenta
        reiteró reitera planteó plantea anotó anota admitió admite relató relata contó
        cuenta confesó confiesa lamentó lamenta reveló revela anunció anuncia complementó
        complementa valoró valora celebró celebra finalizó finaliza ahondó ahonda
        respondió responde externó externa exclamó exclama apuntaron subrayaron agregaron
        añadieron concluyeron felicitó felicita congratuló adelantó adelanta graficó grafica
        informó informa informaron confirmó confirma narró narra reflexionó reflexiona
        estimó estima exhortó exhorta enfatizaron sostuvieron manifestaron
        dicho afirmado señalado indicado explicado declarado añadido agregado asegurado
        destacado subrayado comentado expresado manifestado
        decía señalaba indicaba explicaba afirmaba declaraba añadía agregaba aseguraba
        destacaba subrayaba comentaba expresaba manifestaba sostenía apuntaba advertía
        precisaba recordaba insistía aclaraba puntualizaba argumentaba reprochó reprocha
        """
    ),
    auxiliaries=_words("ha han había habían"),
    participles=_words("añadiendo agregando señalando destacando subrayando"),
    according=(("según",), ("de", "acuerdo", "con"), ("de", "acuerdo", "a"), ("para",),
               ("en", "palabras", "de")),
    pronouns={"él": "m", "ella": "f", "ellos": "p", "ellas": "p", "nosotros": "p"},
    determiners=_words("el la los las su sus nuestro nuestra del al"),
    honorifics=_words("sr sra srta d dña don doña dr dra lic ing arq mtro mtra lcda lcdo licda"
                      " licdo mg prof profa"),
    male_honorifics=_words("sr don d mtro lcdo licdo"),
    female_honorifics=_words("sra srta doña dña dra mtra lcda licda"),
    conjunctions=_words("y e"),
    statement_words=_words("comunicado declaración"),
    particles={},
    not_speech_before={"contó": "con", "cuenta": "con", "contaron": "con", "cuentan": "con"},
)

LEXICONS = {lex.code: lex for lex in (ENGLISH, FRENCH, GERMAN, SPANISH)}

# Roles in French, German and Spanish; German compounds end in one of GERMAN_ROLE_STEMS
# ("ÖVP-Bundesrätin", "Polizeisprecher").
ROLE_WORDS_INTL = _words(
    """
    président présidente ministre directeur directrice maire adjoint adjointe conseiller
    conseillère secrétaire porte-parole délégué déléguée coprésident coprésidente
    vice-président vice-présidente préfet préfète député députée sénateur sénatrice
    ambassadeur ambassadrice responsable chef cheffe fondateur fondatrice gérant gérante
    administrateur administratrice commissaire procureur procureure juge recteur rectrice
    doyen doyenne professeur professeure chercheur chercheuse avocat avocate bourgmestre
    échevin échevine premier première général générale maître entraîneur entraîneuse
    presidente presidenta ministro ministra director directora alcalde alcaldesa concejal
    concejala secretario secretaria portavoz delegado delegada gobernador gobernadora
    diputado diputada senador senadora embajador embajadora jefe jefa coordinador
    coordinadora fundador fundadora gerente consejero consejera regidor regidora síndico
    síndica titular mandatario mandataria edil rector rectora decano decana investigador
    investigadora profesor profesora comisionado comisionada subsecretario subsecretaria
    viceministro viceministra vicepresidente vicepresidenta procurador procuradora fiscal
    encargado encargada intendente intendenta vicerrector vicerrectora académico académica
    candidato candidata candidat candidate canciller cancillera vocero vocera comisario comisaria
    capitán capitana coronel teniente sargento
    proviseur proviseure commandant commandante capitaine colonel lieutenant lieutenante
    inspecteur inspectrice bâtonnier bâtonnière curé pasteur pasteure trésorier trésorière
    intendant gouverneur gouverneure aumônier magistrat magistrate médecin infirmier
    infirmière ingénieur ingénieure sélectionneur sélectionneuse négociateur négociatrice
    rapporteur rapporteure animateur animatrice
    comandante inspector inspectora tesorero tesorera párroco superintendente negociador
    negociadora entrenador entrenadora seleccionador seleccionadora médico médica ingeniero
    ingeniera magistrado magistrada defensor defensora
    """
) | en.RANK_TITLES_ABROAD
GERMAN_ROLE_STEMS = (
    "präsident", "präsidentin", "minister", "ministerin", "sprecher", "sprecherin",
    "vorsitzende", "vorsitzender", "leiter", "leiterin", "direktor", "direktorin",
    "geschäftsführer", "geschäftsführerin", "chef", "chefin", "bürgermeister",
    "bürgermeisterin", "abgeordnete", "abgeordneter", "referent", "referentin",
    "beauftragte", "beauftragter", "vorstand", "vorständin", "sekretär", "sekretärin",
    "kanzler", "kanzlerin", "senator", "senatorin", "dezernent", "dezernentin", "koordinator",
    "koordinatorin", "gründer", "gründerin", "professor", "professorin", "vertreter",
    "vertreterin", "obmann", "obfrau", "rätin", "botschafter", "botschafterin", "kommissar",
    "kommissarin", "landrat", "stadtrat", "bundesrat", "vorstandsvorsitzender",
    "vorstandsvorsitzende", "intendant", "intendantin", "pfarrer", "pfarrerin", "bischof",
    "rektor", "rektorin", "dekan", "dekanin", "managerin", "inhaber", "inhaberin",
    "landesrat", "regierungsrat", "hofrat", "shauptmann", "shauptfrau",
    "kämmerer", "kämmerin", "beigeordnete", "beigeordneter", "ortsvorsteher",
    "ortsvorsteherin", "richter", "richterin", "staatsanwalt", "staatsanwältin",
    "mitglied", "führer", "führerin", "berater", "beraterin", "trainer", "trainerin",
    "vorsteher", "vorsteherin", "verwalter", "verwalterin", "anwalt", "anwältin",
    "kommandant", "kommandantin", "offizier", "offizierin", "inspektor", "inspektorin",
    "kapitän", "kapitänin", "brandmeister", "brandmeisterin", "schatzmeister",
    "schatzmeisterin", "arzt", "ärztin",
)


# With the endings of their other cases and the plural: "dem Polizeipräsidenten", "des
# Ministers", "die Sprecherinnen".
_GERMAN_ROLE_FORMS = GERMAN_ROLE_STEMS + tuple(
    stem + ending for stem in GERMAN_ROLE_STEMS for ending in ("en", "n", "s", "es", "nen"))


@lru_cache(maxsize=65536)
def is_role_word(low: str) -> bool:
    """A role in any of the four languages, German compounds included."""
    if low in en.ROLE_WORDS or low in ROLE_WORDS_INTL:
        return True
    tail = low.rsplit("-", 1)[-1]
    if tail != low and len(tail) > 3 and tail not in en.WEAK_ROLE_WORDS and (
            tail in en.ROLE_WORDS or tail in ROLE_WORDS_INTL):
        return True  # "VP-Landesrat", "SPÖ-Chef", "ex-ministre": a party or prefix and a role
    for prefix in ("sub", "vice", "vize"):
        # "Subdirector", "Vicerrector", "Vizedirektor": a deputy's role.
        rest = low[len(prefix):]
        if low.startswith(prefix) and len(rest) > 4 and (
                rest in en.ROLE_WORDS or rest in ROLE_WORDS_INTL
                or rest.replace("rr", "r", 1) in ROLE_WORDS_INTL):
            return True
    return len(tail) > 5 and tail.endswith(ROLE_ENDINGS) or (
        len(tail) > 3 and tail.endswith(_GERMAN_ROLE_FORMS))


_STEMS_LONGEST_FIRST = sorted(GERMAN_ROLE_STEMS, key=len, reverse=True)


@lru_cache(maxsize=65536)
def german_role_stem(low: str) -> str:
    """ "innenminister", "ministers", "ministerin" -> "minister": the role a German compound
    or inflected role word ends in, in its plain form, so "der Minister" finds the
    "Innenminister" named before; ``low`` itself when it is none."""
    if low in en.ROLE_WORDS or low in ROLE_WORDS_INTL or len(low) < 5:
        return low
    for stem in _STEMS_LONGEST_FIRST:
        for ending in ("", "s", "es", "en", "n", "nen"):
            if low.endswith(stem + ending) and len(stem) > 3:
                plain = stem[:-2] if stem.endswith("in") and stem[:-2] in GERMAN_ROLE_STEMS \
                    else stem
                return plain
    return low


# Job nouns by their ending: "epidemiologist", "statistician", "photographer".
ROLE_ENDINGS = ("ologist", "ician", "ographer", "onomist")


_CURRENT: ContextVar[Lexicon] = ContextVar("extraction_lexicon", default=ENGLISH)


def lexicon() -> Lexicon:
    """The lexicon of the release being extracted now (English outside an extraction)."""
    return _CURRENT.get()


@contextmanager
def speaking(code: str):
    """Run the block with the lexicon of language ``code``."""
    token = _CURRENT.set(LEXICONS.get(code, ENGLISH))
    try:
        yield LEXICONS.get(code, ENGLISH)
    finally:
        _CURRENT.reset(token)
