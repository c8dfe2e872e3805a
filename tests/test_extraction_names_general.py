"""Names, organisations and dialogue attributions of any alphabet and typography.

Each test stands for a class of text (a typographic or grammatical pattern), not for one
release. Every person and organisation here is invented.
"""

import unicodedata

from claims.extraction import extract_text


def speakers(*paragraphs, headline="Release"):
    extraction = extract_text("\n\n".join([headline, *paragraphs]))
    return [(q.text, q.speaker) for q in extraction.quotes]


def test_a_name_whose_accents_are_written_as_combining_marks_is_kept_whole():
    decomposed = unicodedata.normalize("NFD", "Marie Jünemann")
    assert speakers(
        f"“We are delighted to be part of this programme,” said {decomposed}, director of "
        "the institute.",
    ) == [("We are delighted to be part of this programme", "Marie Jünemann")]


def test_names_starting_with_letters_beyond_latin_1():
    assert speakers(
        "“The new bridge will link both towns within two years,” said Łukasz Żmudzki, the "
        "project engineer.",
        "Čedomir Štajn, head of the port authority, said: “Ships will dock here from May.”",
    ) == [("The new bridge will link both towns within two years", "Łukasz Żmudzki"),
          ("Ships will dock here from May.", "Čedomir Štajn")]


def test_a_full_name_printed_in_capitals_is_read_in_ordinary_case():
    assert speakers(
        "“We will not accept any further delay in the payments,” said JEAN DUPONT, president "
        "of the drivers’ union.",
        "MARIA GONZÁLEZ, the federation’s secretary, said: “Workers have waited long enough.”",
    ) == [("We will not accept any further delay in the payments", "Jean Dupont"),
          ("Workers have waited long enough.", "Maria González")]


def test_an_acronym_in_capitals_stays_an_organisation_and_a_role_in_capitals_stays_a_role():
    assert speakers(
        "“The alliance stands united in the face of these threats,” NATO said in a statement.",
        "“No member stands alone,” said NATO SECRETARY GENERAL JENS HOLMBERG.",
    ) == [("The alliance stands united in the face of these threats", "NATO"),
          ("No member stands alone", "Jens Holmberg")]


def test_arabic_names_with_their_lineage_are_kept_whole():
    assert speakers(
        "“Innovation will drive every sector of our economy,” said His Highness Sheikh Hamid "
        "bin Khalifa bin Saeed Al Qasimi, Crown Prince of the emirate.",
        "Sheikha Mariam bint Rashid Al Nuaimi said: “Culture is the bridge between peoples.”",
    ) == [("Innovation will drive every sector of our economy",
           "Hamid bin Khalifa bin Saeed Al Qasimi"),
          ("Culture is the bridge between peoples.", "Mariam bint Rashid Al Nuaimi")]


def test_particles_apostrophes_and_hyphens_belong_to_the_name():
    assert speakers(
        "“The port will handle twice as many containers by spring,” said Pieter van den "
        "Broek, harbour master.",
        "“This is a historic day for every family,” said Siobhán O’Rourke, the council leader.",
        "Jean-Luc Marchetti, head of research, said: “The results confirm what we saw.”",
    ) == [("The port will handle twice as many containers by spring", "Pieter van den Broek"),
          ("This is a historic day for every family", "Siobhán O’Rourke"),
          ("The results confirm what we saw.", "Jean-Luc Marchetti")]


def details(*paragraphs, headline="Release"):
    extraction = extract_text("\n\n".join([headline, *paragraphs]))
    return [(q.speaker, q.speaker_how) for q in extraction.quotes]


def test_an_organisation_the_text_says_said_it_is_the_speaker_with_its_full_name():
    assert details(
        "The Ministry of Health said: “All hospitals will receive more staff this winter.”",
        "“The measures will remain in force until further notice,” the Ministry said.",
        "“The city will host the summit next year,” said the Department of Tourism and "
        "Culture.",
    ) == [("Ministry of Health", "organization"), ("Ministry of Health", "organization"),
          ("Department of Tourism and Culture", "organization")]


def test_an_organisation_with_a_person_in_its_complement_leaves_the_person_the_speaker():
    assert speakers(
        "“The new rules apply from January,” said Department of Health Secretary Jane Tolland.",
    ) == [("The new rules apply from January", "Jane Tolland")]


def test_organisations_speaking_in_french_german_and_spanish():
    assert details(
        "« Les contrôles seront renforcés sur l'ensemble du territoire », indique le ministère "
        "de l'Intérieur dans un communiqué.", headline="Communiqué de presse") == [
        ("ministère de l'Intérieur", "organization")]
    assert details(
        "„Die Ermittlungen zu dem Unfall auf der Autobahn dauern an“, teilte das "
        "Polizeipräsidium Nordhafen am Montag mit.", headline="Pressemitteilung") == [
        ("Polizeipräsidium Nordhafen", "organization")]
    assert details(
        "“La institución seguirá trabajando por la educación de calidad”, señaló el "
        "Ministerio de Educación en un comunicado.", headline="Comunicado") == [
        ("Ministerio de Educación", "organization")]


def test_spanish_dialogue_dashes_hold_the_words_around_the_narrators_aside():
    extraction = extract_text("\n\n".join([
        "Comunicado",
        "El alcalde José Martínez visitó el barrio de San Isidro el lunes por la mañana.",
        "—Vamos a trabajar para mejorar los servicios de toda la ciudad —dijo Martínez.",
        "—Este programa beneficiará a más de diez mil familias —afirmó la ministra Laura "
        "Gómez—. Es un compromiso del Gobierno con los barrios.",
    ]))
    assert [(q.text, q.speaker) for q in extraction.quotes] == [
        ("Vamos a trabajar para mejorar los servicios de toda la ciudad", "José Martínez"),
        ("Este programa beneficiará a más de diez mil familias", "Laura Gómez"),
        ("Es un compromiso del Gobierno con los barrios.", "Laura Gómez")]
    for q in extraction.quotes:
        assert extraction.paragraphs[q.paragraph][q.start:q.end] == q.text


def test_a_dash_in_an_english_paragraph_opens_no_dialogue():
    assert speakers("—The plan was approved by the council on Monday evening.") == []


def test_a_spanish_title_with_its_field_resolves_to_the_person_named_with_it():
    assert speakers(
        "La ministra de Salud, Carmen Ruiz, inauguró el hospital del distrito.",
        "“Este hospital atenderá a más de cien mil personas al año”, destacó la ministra.",
        headline="Comunicado de prensa",
    ) == [("Este hospital atenderá a más de cien mil personas al año", "Carmen Ruiz")]


def test_a_pronoun_two_people_of_one_sentence_fit_leaves_the_speaker_empty_and_says_why():
    extraction = extract_text("\n\n".join([
        "Release",
        "Anna Berglund met Clara Olsson at the conference to discuss the survey results.",
        "“We have a lot of work ahead of us before the summer,” she said.",
    ]))
    (quote,) = extraction.quotes
    assert quote.speaker is None
    assert quote.speaker_note == ("“she” could be Anna Berglund or Clara Olsson, named in the "
                                  "same sentence")


def test_a_pronoun_after_one_named_person_and_a_title_is_that_person():
    assert speakers(
        "Coach Marta Lindqvist said the midfielder would join the squad in July.",
        "“She will need time to adapt,” she said.",
    ) == [("She will need time to adapt", "Marta Lindqvist")]


def test_letters_after_a_name_and_a_surname_that_is_a_common_noun():
    assert speakers(
        "Chief Superintendent Morag Kinloch QPM said: “Our officers will be out in force.”",
        "“Every child counts,” said Executive Director Anthony Brook.",
    ) == [("Our officers will be out in force.", "Morag Kinloch"),
          ("Every child counts", "Anthony Brook")]


def test_a_statement_line_ending_in_its_subject_matter_introduces_the_quotes_after_it():
    assert speakers(
        "Union Pres. Dana Whitcombe issued the following statement regarding the pension "
        "amendment from Reps. Ollins and Varga.",
        "“For weeks, thousands of members spoke up about the cuts.",
        "“The amendment still defunds the plan.”",
        headline="Union president on the pension amendment",
    ) == [("For weeks, thousands of members spoke up about the cuts.", "Dana Whitcombe"),
          ("The amendment still defunds the plan.", "Dana Whitcombe")]


def test_a_statement_headline_names_the_speaker_of_a_quote_after_a_dateline():
    assert speakers(
        "NEW YORK, 25 September 2015- “Today’s decision marks the end of a long process.”",
        headline="Statement By FUNDX Executive Director Anthony Brook",
    ) == [("Today’s decision marks the end of a long process.", "Anthony Brook")]


def test_a_title_in_quote_marks_after_the_word_naming_it_is_not_a_quote():
    assert speakers(
        "Dr Ana Whitfield, who led the study, ‘Paying for convenience: comparing the cost of "
        "takeaway meals’ says: “Meals prepared at home cost less.”",
    ) == [("Meals prepared at home cost less.", "Ana Whitfield")]


def test_a_month_after_a_given_name_and_before_a_comma_is_a_surname():
    assert speakers(
        "Luke April, Chairman of the Harbour Trust, said: “We are delighted by the news.”",
        "In March, the board met twice.",
    ) == [("We are delighted by the news.", "Luke April")]


def test_spanish_verbs_without_a_written_subject_speak_for_the_person_quoted_before():
    assert speakers(
        "“Hemos apostado por la inversión extranjera en todo el país”, dijo Rodrigo Salcedo "
        "Vidal, ministro de Economía.",
        "Estados Unidos y Canadá participaron en el foro de inversión celebrado en la capital.",
        "En este sentido, sostuvo que “la economía crecerá en los próximos años”.",
        "“Seguiremos dando pasos firmes para consolidar la estabilidad”, acotó.",
        headline="Comunicado de prensa del ministerio",
    ) == [("Hemos apostado por la inversión extranjera en todo el país", "Rodrigo Salcedo Vidal"),
          ("la economía crecerá en los próximos años", "Rodrigo Salcedo Vidal"),
          ("Seguiremos dando pasos firmes para consolidar la estabilidad",
           "Rodrigo Salcedo Vidal")]


def test_a_name_line_under_a_quote_signs_it_even_with_a_campaign_name_in_quote_marks():
    assert speakers(
        "“Public code is the only way to find and fix the flaws before they are used.”",
        "Edwin Marlowe, President of the Open Press Foundation, on the launch of the campaign "
        "“Open Money Open Code”.",
    ) == [("Public code is the only way to find and fix the flaws before they are used.",
           "Edwin Marlowe")]


def test_a_short_release_is_read_in_its_language_from_its_letters_and_marks():
    from claims.extraction.language import detect_language

    assert detect_language("„Der Ausbau kommt voran“, erklärte Hans Müller am Dienstag.") == "de"
    assert detect_language("“Vamos a duplicar la producción”, añadió Andrés Molina.") == "es"
    assert detect_language("« Nous avons atteint nos objectifs », se félicite Jean Moreau.") \
        == "fr"
    assert detect_language("The mayor said the plan would cost £3m.") == "en"


def test_the_official_after_a_named_person_is_that_person_like_a_pronoun():
    assert speakers(
        "La secretaria de Educación, Lucía Ferrándiz, visitó la escuela rural del municipio.",
        "“Los niños merecen aulas dignas”, indicó la funcionaria.",
        headline="Comunicado",
    ) == [("Los niños merecen aulas dignas", "Lucía Ferrándiz")]


def test_a_reflexive_speech_verb_after_the_quote():
    assert speakers(
        "« Nous avons atteint nos objectifs », se félicite Jean-Baptiste Moreau, président du "
        "club.", headline="Communiqué",
    ) == [("Nous avons atteint nos objectifs", "Jean-Baptiste Moreau")]


def test_an_unmarked_paragraph_inside_a_quote_over_several_paragraphs_continues_it():
    extraction = extract_text("\n\n".join([
        "Results",
        "Jane Holloway, the chief executive, said: “We have had a remarkable year across every "
        "part of the business.",
        "Our teams delivered new products in four markets and customers noticed.",
        "“We will build on this next year with two new factories.”",
        "The company builds its factories for the longest distance between two points.",
        "“Weather was a large factor,” said Holloway.",
    ]))
    assert [(q.paragraph, q.speaker, q.continues) for q in extraction.quotes] == [
        (1, "Jane Holloway", None), (2, "Jane Holloway", 0), (3, "Jane Holloway", 0),
        (5, "Jane Holloway", None)]


def test_narrative_between_two_quotes_is_not_taken_for_a_continuation():
    extraction = extract_text("\n\n".join([
        "Pipeline",
        "“Weather was a large factor,” said Pat Rowan. “When it rains the site changes fast.",
        "When building a pipeline, a straight line is the shortest distance between points.",
        "“We tried to ride the ridge tops,” said Rowan.",
    ]))
    assert [q.paragraph for q in extraction.quotes] == [1, 1, 3]


def test_paragraphs_set_as_a_block_quotation_are_quotes_without_marks():
    from claims.extraction import extract, parse_release

    page = """<html><head><title>Minister opens new clinic</title></head><body><article>
<h1>Minister opens new clinic</h1>
<p>The Minister of Health, Dr Amara Osei, opened the new clinic in Tamale on Monday.</p>
<p>In her speech, Dr Osei said:</p>
<blockquote><p>This clinic will serve more than fifty thousand people in the district.</p>
<p>We will open three more before the end of the year.</p></blockquote>
<p>The clinic has twenty beds and a maternity ward.</p>
<blockquote><p>Every mother deserves safe care close to home.</p>
<p>— Grace Mensah, district nurse</p></blockquote>
</article></body></html>"""
    extraction = extract(parse_release(page))
    assert [(q.paragraph, q.speaker) for q in extraction.quotes] == [
        (3, "Amara Osei"), (4, "Amara Osei"), (6, "Grace Mensah")]


def test_a_short_phrase_in_quote_marks_with_no_speech_around_it_is_a_term():
    assert speakers(
        "The council approved a “zero-tolerance approach to waste” at its meeting in March.",
        "Jane Doe, the director, said the results were “very encouraging for the whole team”.",
    ) == [("very encouraging for the whole team", "Jane Doe")]


def test_a_sentence_taking_up_the_quote_names_its_speaker():
    assert speakers(
        "Die Stadt hat ihren Haushalt vorgestellt. „Wir investieren so viel wie nie zuvor in "
        "Schulen.“ Das sagte Oberbürgermeister Frank Albers bei der Vorstellung.",
        headline="Pressemitteilung",
    ) == [("Wir investieren so viel wie nie zuvor in Schulen.", "Frank Albers")]
    assert speakers(
        "“La obra estará terminada antes de fin de año”. Así lo afirmó el alcalde de la "
        "ciudad, Ricardo Peña, durante la visita.", headline="Comunicado",
    ) == [("La obra estará terminada antes de fin de año", "Ricardo Peña")]
    assert speakers(
        "« Nous devons agir maintenant pour le climat », c'est ce qu'a déclaré la ministre "
        "Élisabeth Roche lors de sa visite.", headline="Communiqué",
    ) == [("Nous devons agir maintenant pour le climat", "Élisabeth Roche")]


def test_in_the_words_of_and_an_answer_introduce_a_quote():
    assert speakers(
        "En palabras de la directora del centro, Ana Ruiz: “Cada alumno cuenta en esta "
        "escuela”.", headline="Comunicado",
    ) == [("Cada alumno cuenta en esta escuela", "Ana Ruiz")]
    assert speakers(
        "Auf die Frage nach den Kosten antwortete Birgit Sommer: „Das Projekt bleibt im "
        "Rahmen.“", headline="Pressemitteilung",
    ) == [("Das Projekt bleibt im Rahmen.", "Birgit Sommer")]


def test_a_quote_a_communique_reads_is_found_with_no_one_to_say_it():
    assert speakers(
        "„Die Lage bleibt angespannt“, heißt es in einer Mitteilung des Landratsamts.",
        headline="Pressemitteilung",
    ) == [("Die Lage bleibt angespannt", None)]


def test_a_german_job_noun_before_a_name_is_no_part_of_it_in_any_case():
    assert speakers(
        "Auf die Frage nach den Kosten antwortete Kämmerin Birgit Sommer: „Das Projekt "
        "bleibt im Rahmen.“",
        "Die Führungskräfte trafen sich mit dem Freiburger Polizeipräsidenten Bernd Rotmann.",
        "Zum Abschied sagte Polizeipräsident Rotmann: „Wir brauchen mehr Personal.“",
        headline="Pressemitteilung",
    ) == [("Das Projekt bleibt im Rahmen.", "Birgit Sommer"),
          ("Wir brauchen mehr Personal.", "Bernd Rotmann")]


def test_with_the_words_before_a_colon_gives_the_quote_to_the_sentences_subject():
    assert speakers(
        "Zum Schluss verabschiedete Polizeipräsident Bernd Rotmann seine Gäste mit dem "
        "Hinweis: „Wir bewältigen alle Aufgaben, wir brauchen nur Personal.“",
        headline="Pressemitteilung",
    ) == [("Wir bewältigen alle Aufgaben, wir brauchen nur Personal.", "Bernd Rotmann")]


def test_a_german_verb_without_its_particle_attributes_nothing():
    assert speakers(
        "Nach dem Gespräch gab es viel Lob für die Beamten: „Die Polizei hat die Reform selbst "
        "umgesetzt.“",
        headline="Pressemitteilung",
    ) == [("Die Polizei hat die Reform selbst umgesetzt.", None)]


def test_a_source_named_after_according_to_is_a_person():
    assert speakers(
        "Prices will rise again in the autumn, according to Ellen Marrick, the Kestrel Bank "
        "country director.",
        "“Growers should plan for a lean year,” said Marrick.") == [
        ("Growers should plan for a lean year", "Ellen Marrick")]


def test_honorifics_of_malay_south_asian_and_caribbean_usage_are_not_part_of_the_name():
    assert speakers(
        "Minister of Works Haji Rashid Karimullah said, “The repairs start on Monday.”",
        "Datuk Aminah Zulkefli said, “We welcome the decision.”",
        "Shri Arvind Menon said, “The hall is open to all.”") == [
        ("The repairs start on Monday.", "Rashid Karimullah"),
        ("We welcome the decision.", "Aminah Zulkefli"),
        ("The hall is open to all.", "Arvind Menon")]


def test_a_role_word_that_is_also_a_surname_ends_a_name_after_an_honorific():
    assert speakers(
        "Minister of Education Hon. Curtis Bishop was also present and expressed "
        "appreciation stating, “We have to acknowledge our people for their resilience.”") == [
        ("We have to acknowledge our people for their resilience.", "Curtis Bishop")]


def test_a_capitalised_said_beside_a_quote_is_the_verb_not_a_given_name():
    assert speakers("“We are ready for the season,” Said Jane Okafor.",
                    "Said Okafor: “The members have spoken.”") == [
        ("We are ready for the season", "Jane Okafor"),
        ("The members have spoken.", "Jane Okafor")]
    assert speakers("Said Hamdan said: “We are ready.”") == [("We are ready.", "Said Hamdan")]


def test_a_surname_ending_like_a_participle_is_still_a_name():
    assert speakers(
        "Jane Doering, chief executive of Acme Tools, opened the plant.",
        "“It took three years,” said Doering, adding: “It was worth every day.”",
        "Doering, speaking at the launch, said: “This is only the start.”",
        "Speaking at the launch, the mayor, Tom Harding, said: “We are proud.”") == [
        ("It took three years", "Jane Doering"), ("It was worth every day.", "Jane Doering"),
        ("This is only the start.", "Jane Doering"), ("We are proud.", "Tom Harding")]
