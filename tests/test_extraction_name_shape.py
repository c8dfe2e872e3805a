"""A quote's speaker is a person's name, judged on what the release itself says of its words.

Each test stands for a class of text, not for one release; every person, place and
organisation here is invented.
"""

import pytest

from claims.extraction import extract_text
from claims.extraction.name_shape import NameShape


def speakers(*paragraphs, headline="Release"):
    extraction = extract_text("\n\n".join([headline, *paragraphs]))
    return [(q.text, q.speaker, q.speaker_note) for q in extraction.quotes]


# The job opens the sentence, so it is capitalised there; elsewhere the release writes it as
# the common word it is (in German, as a noun after an article).
JOBS_BEFORE_NAMES = [
    ("Honey harvest up",
     "The county’s beekeepers report a record year. One beekeeper said the warm spring helped.",
     "Beekeeper Tom Ashgrove said: “The hives have never been this full.”", "Tom Ashgrove"),
    ("Honey", "The beekeeper said the spring helped. Beekeeper Ruth Ashgrove said: “The hives "
     "are full.”", "", "Ruth Ashgrove"),
    ("Feria ganadera",
     "La feria reunió a cientos de ganaderos. El ganadero más joven tenía 19 años.",
     "Ganadero Pedro Lasarte afirmó: “Este año los precios son justos”.", "Pedro Lasarte"),
    ("Vendanges", "Les vendanges commencent. Le viticulteur attend la pluie.",
     "Viticulteur Paul Arnaud a déclaré : « Le raisin est prêt ».", "Paul Arnaud"),
    ("Weinlese beginnt", "In Kellstadt beginnt die Lese. Der Winzer hofft auf gutes Wetter.",
     "Winzer Jonas Kelm sagte: „Die Trauben sind reif.“", "Jonas Kelm"),
]
# Only a word with the ending of a noun for someone who does something is a job.
GIVEN_NAMES_THAT_ARE_WORDS = [
    ("Elecciones en Kellstadt", "La lista celebró una victoria clara en la noche del domingo.",
     "Victoria Lasarte Ruiz, alcaldesa electa, afirmó: “Gobernaremos para todos”.",
     "Victoria Lasarte Ruiz"),
    ("Le pont", "Le pont en pierre sera restauré.",
     "Pierre Arnaud Delmas, maire, a déclaré : « Les travaux commencent lundi. »",
     "Pierre Arnaud Delmas"),
    ("Harbour news", "The price will fall.",
     "Will Price, chair of the board, said: “We are ready.”", "Will Price"),
    ("Puerto", "La ciudad blanca quiere paz y luz.",
     "Paz Luz Blanca, alcaldesa, dijo: “Queremos un puerto abierto”.", "Paz Luz Blanca"),
    ("Hafen", "Der Koch ist ernst.", "Ernst Koch sagte: „Wir sind bereit.“", "Ernst Koch"),
    ("Harbour news", "The summer rain came early.",
     "Summer Rain Jones, a volunteer, said: “We are ready.”", "Summer Rain Jones"),
]


@pytest.mark.parametrize(("headline", "before", "quoted", "speaker"),
                         JOBS_BEFORE_NAMES + GIVEN_NAMES_THAT_ARE_WORDS)
def test_a_job_before_a_name_is_cut_off_and_a_given_name_that_is_a_word_stays(
        headline, before, quoted, speaker):
    paragraphs = [before, quoted] if quoted else [before]
    assert [s for _, s, _ in speakers(*paragraphs, headline=headline)] == [speaker]


def test_a_given_name_or_a_surname_that_is_also_a_word_stays_in_a_name_in_the_body():
    assert [s for _, s, _ in speakers(
        "Harbour staff will frank every parcel by hand, and the office will stay open.",
        "“We will sort the backlog by Friday,” said Frank Ellery Dunmore, the postmaster.",
        "“Every parcel will reach its owner,” said Rose Mary Tarrant, his deputy, who "
        "rose early to open the depot.",
        "“The new sorting hall opens in May,” said Ines Baker, the depot’s head baker turned "
        "manager.",
        "Kate Brown, the depot’s manager, said: “The brown vans go out first.”",
        headline="Post office backlog",
    )] == ["Frank Ellery Dunmore", "Rose Mary Tarrant", "Ines Baker", "Kate Brown"]


def test_the_place_a_dateline_opens_with_is_no_speaker():
    quotes = speakers(
        "MAPLE FALLS, Ore. – The Harbour Fund has released the following statement:",
        "“It will be up to the county board to decide whether the pier reopens this winter. "
        "The Fund will support its decision.”",
        headline="Statement",
    )
    assert "Maple Falls" not in [s for _, s, _ in quotes]


def test_initials_and_particles_inside_a_name_are_part_of_it():
    assert [s for _, s, _ in speakers(
        "“We waited long enough,” said Sheldon A. Marrow Jr., who chairs the tenants’ group.",
        "“The river is clean again,” said Ana de la Vega, the city’s engineer.",
    )] == ["Sheldon A. Marrow Jr.", "Ana de la Vega"]
    assert [s for _, s, _ in speakers(
        "„Wir freuen uns auf den Sommer“, sagte Marie von der Aue, die Leiterin des Vereins.",
        "„Das Fest beginnt um zehn Uhr“, erklärte Jonas van den Berg vom Vorstand.",
        headline="Sommerfest im Hafen",
    )] == ["Marie von der Aue", "Jonas van den Berg"]


def quoted_and_listed(*paragraphs, headline):
    """The speakers the quotes are given, and the release's list of speakers."""
    extraction = extract_text("\n\n".join([headline, *paragraphs]))
    return ([(q.speaker, q.speaker_how) for q in extraction.quotes],
            [s.name for s in extraction.speakers])


def test_the_release_s_list_of_speakers_holds_the_same_names_the_quotes_are_given():
    assert quoted_and_listed(
        "On 3 March the harbour board nominated Ms Tilda Varn, the incumbent director, for a "
        "second term.",
        "“I am grateful for the board’s trust,” said Ms Varn.",
        headline="Ms Tilda Varn Nominated for Second Term as Harbour Director",
    ) == ([("Tilda Varn", "honorific")], ["Tilda Varn"])


def test_a_name_printed_in_capitals_without_its_accents_is_spelt_as_the_release_spells_it():
    assert quoted_and_listed(
        "Le maire de Valcourt, Lucien Varène, répond aux critiques de l’opposition.",
        "« Le contexte électoral ne doit pas salir la commune », écrit LUCIEN VARENE dans sa "
        "tribune.",
        headline="Tribune du maire",
    ) == ([("Lucien Varène", "named")], ["Lucien Varène"])


def test_a_name_of_a_thing_made_the_speaker_by_the_text_speaks_as_an_organisation():
    assert quoted_and_listed(
        "Ocean Restoration sobre la nueva ley de pesca: \"Un paso, pero no basta\"",
        "La organización pide más controles en los puertos.",
        headline="Ocean Restoration sobre la nueva ley de pesca",
    )[0] == [("Ocean Restoration", "organization")]


def test_a_name_only_a_title_case_headline_gives_ends_before_its_verb():
    # The body writes the headline's verb in lower case, in another tense or person.
    assert quoted_and_listed(
        "La ministra inauguró el puente el lunes.",
        "“Es un día histórico”, dijo la ministra.",
        headline="Ministra Ana Lasarte Inaugura Puente",
    ) == ([("Ana Lasarte", "title")], ["Ana Lasarte"])
    assert quoted_and_listed(
        "The minister responded to the report on Tuesday.",
        headline="Minister Tobias Quendt Responds to Harbour Report",
    )[1] == ["Tobias Quendt"]


# A title-case headline writes its verb capitalised before what it acts on; the body writes
# the same verb in lower case. Whatever rule hands such a run on as a speaker, it is no one.
HEADLINE_VERB_RUNS = [
    ("en", "The Harbour Software Foundation Announces Harbour Tidewater as a Top-Level Project",
     "The foundation today announced that Harbour Tidewater has graduated.",
     "Announces Harbour Tidewater"),
    ("es", "Alcaldía de Valdelume Inaugura Puente Mayor",
     "La alcaldía inauguró el puente el lunes.", "Inaugura Puente Mayor"),
    ("fr", "La Ville de Sainte-Ombre Annonce Festival Ombrelune",
     "La ville annonçait le festival lundi.", "Annonce Festival Ombrelune"),
    ("de", "Stadt Kellstadt Eröffnet Hafenbrücke Nord",
     "Die Stadt hat die Brücke am Montag eröffnet.", "Eröffnet Hafenbrücke Nord"),
]


@pytest.mark.parametrize(("code", "headline", "body", "run"), HEADLINE_VERB_RUNS)
def test_a_headline_run_opening_with_its_verb_is_no_person(code, headline, body, run):
    name, reason = NameShape([headline, body], code).check(run)
    assert name is None
    assert "headline’s verb" in reason


def test_a_headline_name_whose_first_word_is_no_verb_form_stays():
    assert NameShape(["Grace Tidewell Named Harbour Chair",
                      "The board named her chair; she will serve gracefully."],
                     "en").check("Grace Tidewell") == ("Grace Tidewell", "")


# A title the release writes after an article ("la Primera Dama", "the Dock Keeper") is an
# office; the same words as a quote's label are no one's name: the quote goes to the office's
# holder, or to no one, with the reason.
TITLES_AFTER_ARTICLES = [
    ("Donación a la Secretaría de Obras Sociales",
     "La donación fue recibida por la Primera Dama de la Nación, Rosalía Quintero de Arévalo.",
     "Primera Dama de la Nación: “La donación será para miles de familias”."),
    ("Harbour reopens",
     "The harbour reopened on Monday, said the Dock Keeper, Ines Corrow.",
     "Dock Keeper: “Every berth is free again.”"),
    ("Le port rouvre",
     "Le port a rouvert lundi, a annoncé la Directrice Générale du Port, Ines Corrow.",
     "Directrice Générale du Port : « Tous les quais sont libres. »"),
]


@pytest.mark.parametrize(("headline", "before", "quoted"), TITLES_AFTER_ARTICLES)
def test_a_title_the_release_writes_after_an_article_is_no_name(headline, before, quoted):
    [(_, speaker, note)] = speakers(before, quoted, headline=headline)
    assert speaker in (None, "Rosalía Quintero de Arévalo", "Ines Corrow")
    assert speaker or "title" in note


def test_a_name_after_a_preposition_or_before_more_of_a_name_stays_a_name():
    assert [s for _, s, _ in speakers(
        "El tribunal condena a Josu Arrieta Olabe por amenazas.",
        "“Nos vamos a ver fuera”, dijo Josu Arrieta Olabe.",
        headline="Condena por amenazas",
    )] == ["Josu Arrieta Olabe"]
    assert [s for _, s, _ in speakers(
        "The Ines Corrow Trust paid for the new berths.",
        "“Every berth is free again,” said Ines Corrow.",
        headline="Harbour reopens",
    )] == ["Ines Corrow"]
