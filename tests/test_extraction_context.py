"""Who a quote is from when the evidence is outside its own words: a title, the sentence
around it, the people met before. Invented people and organisations; each rule in the
languages it applies to."""

import pytest

from claims.extraction import extract_text


def quotes(*paragraphs, headline="Headline of the release"):
    extraction = extract_text("\n\n".join([headline, *paragraphs]))
    for q in extraction.quotes:
        assert extraction.paragraphs[q.paragraph][q.start:q.end] == q.text
    return extraction.quotes


@pytest.mark.parametrize("paragraphs", [
    ["Jury member Tilda Brennan opened the ceremony in Ashcombe.",
     "A jury member said: “At least fifteen entries deserve a prize.”"],
    ["Jurymitglied Tilda Brennan eröffnete die Feier in Ashcombe.",
     "Ein Jurymitglied drückte es so aus: „Mindestens fünfzehn Beiträge sind preiswürdig.“"],
    ["La conseillère municipale Tilda Brennan a ouvert la séance à Ashcombe.",
     "« Le budget est serré », a déclaré une conseillère municipale."],
    ["La concejala Tilda Brennan abrió la sesión en Ashcombe.",
     "“El presupuesto es ajustado”, dijo una concejala."],
])
def test_a_title_after_an_indefinite_article_is_no_one_named_before(paragraphs):
    quote = quotes(*paragraphs)[-1]
    assert quote.speaker is None
    assert quote.speaker_note


def test_an_indefinite_title_says_why_it_names_no_one():
    quote = quotes(
        "Idw-Vorstandsmitglied Tilda Brennan eröffnete die Feier in Ashcombe.",
        "Ein Jurymitglied drückte es so aus: „Mindestens fünfzehn Beiträge sind preiswürdig.“",
        headline="Preis für Ashcombe")[-1]
    assert quote.speaker is None
    assert quote.speaker_note == "“Ein Jurymitglied” is someone the release does not name"


def test_a_title_held_by_two_people_met_before_is_left_empty():
    quote = quotes(
        "Health Minister Tilda Brennan opened the clinic in Ashcombe on Monday.",
        "Finance Minister Rolf Hadley announced the budget for the clinic.",
        "Mayor Ana Ostiz thanked the builders.",
        "“The budget is tight,” the Minister said.")[-1]
    assert quote.speaker is None
    assert quote.speaker_note == "the title “the Minister” fits Rolf Hadley and Tilda Brennan"


def test_a_holder_of_the_title_named_only_after_the_quote_is_no_rival():
    assert [q.speaker for q in quotes(
        "Foreign Minister Tilda Brennan welcomed the vote. “It is a great day,” said the "
        "Foreign Minister.",
        "The proposal was put forward by Rolf Hadley, then Foreign Minister.")] == [
        "Tilda Brennan"]


def test_a_spanish_verb_followed_by_whom_it_was_said_to_keeps_its_subject_before_it():
    assert [q.speaker for q in quotes(
        "El tribunal condenó a Rolf Hadley Ostiz por injurias a la concejala Tilda Brennan.",
        "Hadley le dijo a la concejala, sobre la muerte de Jon Arrieta en Ashcombe: “Usted "
        "es responsable de todo esto”.")] == ["Rolf Hadley Ostiz"]


def test_a_role_followed_by_its_own_name_is_not_the_role_of_the_name_before():
    assert [q.speaker for q in quotes(
        "Acompañado por los docentes Rolf Hadley y Ana Brennan Ruiz, el rector Tomás "
        "Ostiz Vela dio apertura al congreso en Ashcombe.",
        "“La universidad defiende la verdad”, expresó el rector.")] == ["Tomás Ostiz Vela"]


def test_a_quote_left_open_goes_on_through_unmarked_paragraphs_to_its_reopening():
    found = quotes(
        "The Ashcombe lab is the first of its kind, Professor Tilda Brennan says.",
        "“Our department is going to lead the way in this field.",
        "This is an amazing machine and the lab is doing new science.",
        "It is no toy; it is the first step in a new kind of research.",
        "“We have already studied remote control of vehicles.",
        "“The future will have machines like this in every workplace.”")
    assert [(q.paragraph, q.speaker) for q in found if q.paragraph >= 5] == [
        (5, "Tilda Brennan"), (6, "Tilda Brennan")]


def test_a_quote_reopening_after_a_paragraph_naming_someone_else_is_not_carried_over():
    found = quotes(
        "The Ashcombe lab is the first of its kind, Professor Tilda Brennan says.",
        "“Our department is going to lead the way in this field.",
        "Engineer Rolf Hadley built the machine over two years in the lab.",
        "It is no toy; it is the first step in a new kind of research.",
        "“We have already studied remote control of vehicles.”")
    assert found[-1].speaker is None


@pytest.mark.parametrize("sentence", [
    "Nach dem Treffen mit Rolf Hadley sagte Bürgermeisterin Tilda Brennan: „Die Zahlen sind "
    "eindeutig.“",
    "Bei der Eröffnung durch Rolf Hadley erklärte die Ministerin Tilda Brennan: „Die Zahlen "
    "sind eindeutig.“",
    "Auf die Frage von Rolf Hadley antwortete Tilda Brennan: „Die Zahlen sind eindeutig.“",
    "Tras la reunión con Rolf Hadley, declaró Tilda Brennan: “Las cifras son muy claras”.",
    "Après la rencontre avec Rolf Hadley, a déclaré Tilda Brennan : « Les chiffres sont "
    "très clairs. »",
])
def test_a_name_after_a_preposition_before_the_verb_is_not_its_subject(sentence):
    assert [q.speaker for q in quotes(sentence)] == ["Tilda Brennan"]


@pytest.mark.parametrize("paragraphs", [
    ["La alcaldesa Tilda Brennan visitó el puente de Ashcombe el lunes por la mañana.",
     "“Las cifras del proyecto son muy claras para todos”, le dijo Tilda Brennan a Rolf "
     "Hadley."],
    ["La maire Tilda Brennan a visité le pont d’Ashcombe lundi matin.",
     "« Les chiffres du projet sont très clairs pour tous », nous a confié Tilda Brennan."],
])
def test_whom_it_was_said_to_before_the_verb_is_not_its_subject(paragraphs):
    quote = quotes(*paragraphs)[-1]
    assert (quote.speaker, quote.speaker_how) == ("Tilda Brennan", "named")


@pytest.mark.parametrize("paragraphs", [
    ["La alcaldesa Tilda Brennan inauguró el lunes el puerto de Ashcombe.",
     "“Fue el proyecto más difícil de mi carrera”."],
    ["Die Bürgermeisterin Tilda Brennan eröffnete am Montag den Hafen von Ashcombe.",
     "„Es war das schwierigste Projekt meiner Laufbahn“."],
])
def test_a_paragraph_that_is_all_quote_with_its_full_stop_after_the_mark_is_a_quote(
        paragraphs):
    assert [(q.paragraph, q.speaker) for q in quotes(*paragraphs)] == [(2, "Tilda Brennan")]


def test_a_short_slogan_between_sentences_is_still_no_quote():
    assert quotes("Le slogan de la campagne est simple. « Portvale pour tous ». Il sera "
                  "affiché partout.") == []


@pytest.mark.parametrize("sentence, speaker", [
    ("Die Ministerin Tilda Brennan empfing am Montag den Botschafter Rolf Hadley. „Unsere "
     "Länder sind Freunde“, sagte er.", "Rolf Hadley"),
    ("Die Ministerin Tilda Brennan empfing am Montag den Botschafter Rolf Hadley. „Unsere "
     "Länder sind Freunde“, sagte sie.", "Tilda Brennan"),
    ("La ministra Tilda Brennan recibió el lunes al embajador Rolf Hadley. “Nuestros países "
     "son amigos”, dijo él.", "Rolf Hadley"),
])
def test_a_pronoun_the_subject_does_not_fit_is_the_one_person_of_its_sex_named_with_it(
        sentence, speaker):
    assert [q.speaker for q in quotes(sentence)] == [speaker]


def test_a_pronoun_stays_empty_when_someone_named_with_it_has_no_known_sex():
    quote = quotes("Die Ministerin Tilda Brennan empfing am Montag Rolf Hadley. „Unsere "
                   "Länder sind Freunde“, sagte er.")[0]
    assert quote.speaker is None


def test_a_short_german_sentence_in_quote_marks_is_a_quote_though_its_nouns_are_capitalised():
    assert [q.text for q in quotes("„Unsere Länder sind Freunde“, sagte Tilda Brennan.")] == [
        "Unsere Länder sind Freunde"]


def test_a_verb_without_subject_goes_on_with_the_subject_of_the_sentence_before():
    assert [(q.speaker, q.speaker_how) for q in quotes(
        "La alcaldesa Tilda Brennan presentó el plan de movilidad. “Es una apuesta por la "
        "ciudad”, señaló. Por su parte, el concejal Rolf Hadley explicó los detalles. “Habrá "
        "más autobuses”, indicó.")] == [("Tilda Brennan", "implied"), ("Rolf Hadley", "implied")]


def test_a_verb_without_subject_after_a_sentence_not_opened_by_a_person_stays_empty():
    quote = quotes(
        "La alcaldesa Tilda Brennan inauguró el puente el lunes. Le acompañó el ingeniero "
        "Rolf Hadley. “Tardamos diez años”, añadió.")[0]
    assert quote.speaker is None
    assert quote.speaker_note == (
        "the verb has no subject; Rolf Hadley or Tilda Brennan may have said it")


@pytest.mark.parametrize("paragraphs, speaker", [
    (["Ashcombe Foods Ltd has recalled its frozen pies after a labelling error.",
      "“We apologise to our customers,” the company said in a statement."],
     "Ashcombe Foods Ltd"),
    (["The Ashcombe Police Department has arrested two men after a robbery.",
      "“The investigation is continuing,” police said."], "Ashcombe Police Department"),
    (["La Gendarmerie de Portvale a interpellé deux hommes lundi.",
      "« L’enquête se poursuit », indique la gendarmerie dans un communiqué."],
     "Gendarmerie de Portvale"),
])
def test_a_body_that_speaks_by_its_kind_is_the_one_of_that_kind_the_release_names(
        paragraphs, speaker):
    quote = quotes(*paragraphs)[-1]
    assert (quote.speaker, quote.speaker_how) == (speaker, "organization")


def test_the_company_is_no_one_when_the_release_names_two_companies():
    quote = quotes(
        "Ashcombe Foods Ltd has sold its bakery to Portvale Mills plc.",
        "“The sale secures every job,” the company said.")[-1]
    assert quote.speaker is None


@pytest.mark.parametrize("sentence, speaker", [
    ("“We are heartbroken,” said Rolf Hadley’s daughter, Tilda Brennan.", "Tilda Brennan"),
    ("« Nous sommes effondrés », a déclaré l’épouse de Rolf Hadley, Tilda Brennan.",
     "Tilda Brennan"),
    ("La fille de Rolf Hadley a déclaré : « Nous sommes effondrés par la nouvelle. »", None),
    ("La hija de Rolf Hadley declaró: “Estamos destrozados por la noticia”.", None),
    ("“We are heartbroken,” said Rolf Hadley’s daughter.", None),
])
def test_the_person_a_speaker_is_described_by_is_not_the_speaker(sentence, speaker):
    assert [q.speaker for q in quotes(sentence)] == [speaker]


def test_a_quote_paragraph_after_a_paragraph_naming_two_people_is_left_empty():
    quote = quotes(
        "Mayor Tilda Brennan met engineer Rolf Hadley at the bridge on Monday.",
        "“It was the hardest project of my career.”")[-1]
    assert quote.speaker is None
    assert quote.speaker_note == ("Tilda Brennan and Rolf Hadley are named in the paragraph "
                                  "before, and nothing says which one speaks")


def test_a_quote_paragraph_after_a_paragraph_about_one_person_is_theirs():
    assert [q.speaker for q in quotes(
        "Engineer Rolf Hadley, who designed the bridge, was at the opening.",
        "“It was the hardest project of my career.”")] == ["Rolf Hadley"]


@pytest.mark.parametrize("pronoun, speaker", [("a-t-il", "Rolf Hadley"),
                                              ("a-t-elle", "Tilda Brennan")])
def test_a_french_role_after_an_elided_article_tells_the_sex_a_pronoun_needs(pronoun, speaker):
    assert [q.speaker for q in quotes(
        "La ministre Tilda Brennan a reçu lundi l’ambassadeur Rolf Hadley. « Nos deux pays "
        f"sont amis », {pronoun} déclaré.")] == [speaker]


@pytest.mark.parametrize("line", [
    "Quote from Mayor Tilda Brennan:", "Comments from Mayor Tilda Brennan:",
    "Zitat von Bürgermeisterin Tilda Brennan:", "Citation de la maire Tilda Brennan :",
    "Declaraciones de la alcaldesa Tilda Brennan:",
])
def test_a_line_naming_whose_words_follow_gives_them_the_quote_under_it(line):
    assert [q.speaker for q in quotes(line, "“The bridge opens on Monday.”")] == [
        "Tilda Brennan"]


@pytest.mark.parametrize("paragraphs", [
    ["President Rolf Hadley visited the Ashcombe Rovers ground on Monday.",
     "“We are honoured by the visit,” said the president of the club."],
    ["El presidente Rolf Hadley visitó el estadio del Ashcombe el lunes.",
     "“Es un honor para nosotros”, dijo el presidente del club."],
    ["Präsident Rolf Hadley besuchte am Montag das Stadion von Ashcombe.",
     "„Das ist eine Ehre für uns“, sagte der Präsident des Vereins."],
    ["Le président Rolf Hadley a visité lundi le stade d’Ashcombe.",
     "« C’est un honneur pour nous », a déclaré le président du club."],
])
def test_a_title_held_at_a_body_is_not_given_to_a_holder_not_said_to_belong_to_it(paragraphs):
    quote = quotes(*paragraphs)[-1]
    assert quote.speaker is None
    assert "names a body Rolf Hadley is not said to belong to" in quote.speaker_note


def test_a_title_held_at_a_place_still_resolves_to_its_one_holder():
    assert [q.speaker for q in quotes(
        "Mayor Tilda Brennan opened the bridge on Monday.",
        "“It took ten years,” said the mayor of Ashcombe.")] == ["Tilda Brennan"]


@pytest.mark.parametrize("sentence, speaker", [
    ("“This bridge will change the life of the town.” (Tilda Brennan, Mayor of Ashcombe)",
     "Tilda Brennan"),
    ("„Diese Brücke wird das Leben der Stadt verändern.“ (Tilda Brennan, Bürgermeisterin)",
     "Tilda Brennan"),
    ("“This bridge will change the life of the town.” (Photo: Rolf Hadley)", None),
])
def test_a_name_in_brackets_after_a_quote_signs_it(sentence, speaker):
    assert [q.speaker for q in quotes(sentence)] == [speaker]
