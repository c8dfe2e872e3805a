"""Who said it: names, roles, titles, honorifics, surnames and pronouns."""

from claims.extraction import extract_text


def extraction(*paragraphs):
    return extract_text("\n".join(["Headline of the release", *paragraphs]))


def speakers_of(*paragraphs):
    return [q.speaker for q in extraction(*paragraphs).quotes]


def test_it_resolves_a_title_used_earlier_with_a_name():
    assert speakers_of("Union Secretary-General Tomás Arriaga opened the summit.",
                       "“We are on a highway to climate hell,” said the Secretary-General.") == [
        "Tomás Arriaga"]


def test_it_resolves_an_honorific_and_surname_to_the_full_name():
    assert speakers_of("Jens Tollefsen, Alliance Secretary General, met the minister.",
                       "“We stand together,” Mr Tollefsen said.") == ["Jens Tollefsen"]


def test_it_resolves_a_bare_surname_to_the_full_name():
    assert speakers_of("Finance Minister Maria Lopez presented the budget.",
                       "“It is balanced,” Lopez said.") == ["Maria Lopez"]


def test_it_attributes_a_pronoun_to_the_last_named_speaker():
    assert speakers_of("Dr Amina Hassan visited the camp on Friday.",
                       "“The need is enormous,” she said.") == ["Amina Hassan"]


def test_it_respects_gender_cues_when_resolving_a_pronoun():
    assert speakers_of("Ms Clara Holt chaired the meeting with Mr Tom Reyes.",
                       "“We agreed on a plan,” Mr Reyes said.",
                       "“It will take a year,” she said.") == ["Tom Reyes", "Clara Holt"]


def test_it_keeps_particles_hyphens_initials_and_accents_in_names():
    assert speakers_of(
        "“Europe is ready,” said President Margarete von der Aue.",
        "“We will deliver,” said Jean-Claude Verlinden.",
        "“Rates will stay high,” said Governor Mark J. Calloway.",
        "“Health is a right,” said Dr. Kiros Abraha Welde.",
    ) == ["Margarete von der Aue", "Jean-Claude Verlinden", "Mark J. Calloway",
          "Kiros Abraha Welde"]


def test_it_reads_roles_before_and_after_the_name():
    result = extraction(
        "Minister for Health Stephen Donnelly TD said: “Waiting lists are falling.”",
        "“Demand is strong,” said Mary Barra, chief executive of General Motors.",
        "Professor Jane Smith, Head of the School of Physics at the University of Leeds, "
        "said: “The result is remarkable.”",
    )
    roles = {s.name: (s.role, s.organization) for s in result.speakers}
    assert [q.speaker for q in result.quotes] == ["Stephen Donnelly", "Mary Barra", "Jane Smith"]
    assert roles["Stephen Donnelly"][0] == "Minister for Health"
    assert roles["Mary Barra"] == ("chief executive of General Motors", "General Motors")
    assert roles["Jane Smith"][1] == "University of Leeds"


def test_the_company_ceo_resolves_to_the_chief_executive_named_earlier():
    assert speakers_of("Chief Executive Officer Mary Barra presented the results.",
                       "“We beat every target,” the company’s CEO said.") == ["Mary Barra"]


def test_a_speaker_named_after_the_quote_in_the_same_sentence_is_found():
    assert speakers_of("“The water is rising,” warned Dr Kofi Mensah, a hydrologist.") == [
        "Kofi Mensah"]


def test_an_organization_quoted_as_a_body_is_the_speaker():
    result = extraction("“The measures are proportionate,” the European Commission said.")
    assert [q.speaker for q in result.quotes] == ["European Commission"]
    assert result.quotes[0].role == ""


def test_an_unnamed_spokesperson_has_no_speaker():
    assert speakers_of("“We will review the footage,” a police spokesperson said.") == [None]


def test_one_person_named_several_ways_is_one_speaker():
    result = extraction(
        "Alliance Secretary General Jens Tollefsen arrived in Tokyo.",
        "“Japan is a key partner,” said the Secretary General.",
        "“We share values,” Mr Tollefsen added.",
        "“We will meet again,” Tollefsen said.",
    )
    people = [s for s in result.speakers if s.name == "Jens Tollefsen"]
    assert len(people) == 1
    assert {"the Secretary General", "Mr Tollefsen", "Tollefsen"} <= set(people[0].aliases)
    assert {q.speaker for q in result.quotes} == {"Jens Tollefsen"}


def test_capitalised_places_and_bodies_are_not_taken_for_people():
    names = {s.name for s in extraction(
        "Officials from North Korea met at Iruma Air Base and Keio University.",
        "“It went well,” said Deputy Director Kim Lee.").speakers}
    assert names == {"Kim Lee"}


def test_a_generational_suffix_stays_part_of_the_name():
    assert speakers_of("“We waited long enough,” said Mayor Sheldon A. Nettles Jr.",
                       "“It is done,” said Robert K. Ashby III, director of the institute.") == [
        "Sheldon A. Nettles Jr.", "Robert K. Ashby III"]


def test_a_suffix_after_a_comma_stays_part_of_the_name():
    assert speakers_of("District Attorney Calvin R. Holloway, Jr., announced the indictment.",
                       "“We will not tolerate it,” Holloway said.") == ["Calvin R. Holloway Jr."]


def test_gaelic_and_welsh_particles_keep_the_surname_whole():
    assert speakers_of("Seán Ó Conaill, chair of the co-operative, welcomed the grant.",
                       "“Now we can get on with it,” Mr Ó Conaill said.",
                       "Co-author Dr Owen ap Rhys spoke next.",
                       "“It is not a diagnosis,” he said.") == ["Seán Ó Conaill", "Owen ap Rhys"]


def test_the_word_completing_a_role_is_not_a_first_name():
    assert speakers_of("Chancellor of the Exchequer Harriet Colquhoun said:",
                       "‘Building homes is central to growing the economy.’") == [
        "Harriet Colquhoun"]


def test_a_name_after_a_coordinated_role_is_the_speaker():
    assert speakers_of('HTA Chair and CEO Jaan Liebermann said, "The line will be built."',
                       "“Others will follow,” said market committee chair Anna Cavallini.") == [
        "Jaan Liebermann", "Anna Cavallini"]


def test_a_title_with_its_complement_resolves_to_the_name_beside_it():
    assert speakers_of("The Governor of the Bank of Ghana, Dr. Johnson Asiama, spoke first.",
                       "According to the Governor, “the era of deficit financing is over.”") == [
        "Johnson Asiama"]


def test_an_all_capitals_country_code_is_not_the_pronoun_it():
    assert speakers_of("Co-rapporteur Bruno Benedetti (S&D, IT) added: “This is a balanced "
                       "text.”") == ["Bruno Benedetti"]


def test_singular_they_after_one_named_person_is_that_person():
    assert speakers_of("Sam Okafor, a line supervisor, was sceptical.",
                       "“This one actually stuck,” they said.") == ["Sam Okafor"]


def test_they_after_two_named_people_is_nobody_in_particular():
    assert speakers_of("Ann Lee and Bob Ray led the work.",
                       "“This took ten years,” they said.") == [None]


def test_a_signature_line_under_each_quote_names_its_speaker():
    assert speakers_of("“The Arctic is warming four times faster than the planet.”",
                       "- The Honourable Miriam Tulugak, Minister of Northern Relations",
                       "“Inuit knowledge and science are strongest side by side.”",
                       "- Dr. Jeannine Carver-Qilaut, President, Polar Knowledge Borealia"
                       ) == ["Miriam Tulugak", "Jeannine Carver-Qilaut"]


def test_a_long_apposition_does_not_hide_the_speaker():
    assert speakers_of("Prof. Dr. Katrin Müller, Director of the Department of Dermatology at "
                       "Charité - Universitätsmedizin Berlin and a lead investigator in the "
                       "trial, noted: “The speed of response was striking.”") == ["Katrin Müller"]


def organizations_of(*paragraphs):
    return {s.name: s.organization for s in extraction(*paragraphs).speakers}


def test_a_speakers_organization_is_a_name_not_a_possessive_or_a_common_noun():
    found = organizations_of(
        "Dana Whitfield, Leeds City Council’s leader, said: “The bus lanes open in May.”",
        "Omar Haddad, the council’s treasurer, said: “We have no money for it.”",
    )
    assert found == {"Dana Whitfield": "Leeds City Council", "Omar Haddad": ""}


def test_the_department_said_is_the_department_named_in_full_earlier():
    found = extraction(
        "The Department of Roads and Bridges of Calden Province announced closures on the coast.",
        "“Crews will resurface eleven kilometres of road,” the department said.",
        "The Calden Fire Service was consulted. “Access will stay open,” the service said.")
    assert [(q.speaker, q.speaker_how) for q in found.quotes] == [
        ("Department of Roads and Bridges of Calden Province", "organization"),
        ("Calden Fire Service", "organization")]


def test_the_agency_said_stays_empty_when_no_agency_or_two_were_named():
    assert speakers_of(
        "The Department of Roads of Calden Province announced closures.",
        "“Allow twenty more minutes,” the agency added.") == [None]
    assert speakers_of(
        "The Tarrow Water Authority and the Calden Housing Authority met on Monday.",
        "“We agreed a joint plan,” the authority said.") == [None]


def test_a_statement_line_leading_into_the_quote_names_its_speaker():
    found = extraction(
        "Chief Orla Haldane made the following statement regarding the video, “Our officers "
        "are held to a high standard and we will review every second of this footage.”")
    assert [(q.speaker, q.speaker_how) for q in found.quotes] == [("Orla Haldane", "statement")]


def test_a_role_before_a_surname_given_alone_names_the_speaker_unsure():
    found = extraction(
        "Chief Haldane made the following statement regarding the video, “We will review "
        "every second of this footage.”")
    quote = found.quotes[0]
    assert (quote.speaker, quote.speaker_sure, quote.speaker_note) == (
        "Haldane", False, "only the surname is given")


def test_an_organisation_signing_a_whole_body_statement_is_its_speaker():
    found = extraction(
        "“We have faced a difficult year, as many of our members know.",
        "Our trustees have now decided to close the club at the end of the season.",
        "We thank everyone who has supported us.”",
        "Board of Trustees of the Pellworth Rowing Club")
    assert [(q.speaker, q.continues) for q in found.quotes] == [
        ("Board of Trustees of the Pellworth Rowing Club", None),
        ("Board of Trustees of the Pellworth Rowing Club", 0),
        ("Board of Trustees of the Pellworth Rowing Club", 0)]
    assert found.quotes[0].speaker_how == "signature"


def test_a_line_under_a_quote_is_no_signature_unless_it_is_only_a_name():
    assert speakers_of(
        "“We have faced a difficult year.”",
        "The Pellworth Rowing Club will close at the end of the season.") == [None]


def test_a_first_person_quote_paragraph_is_the_one_person_the_release_introduced():
    found = extraction(
        "Kestrel Foods chief executive Miriam Oduya today opened the company’s new bakery.",
        "The £14 million site will produce 40,000 loaves a day.",
        "“This is the biggest investment we have made in a decade.”")
    assert [(q.speaker, q.speaker_how, q.speaker_sure) for q in found.quotes] == [
        ("Miriam Oduya", "only_person", False)]
    assert [s.name for s in found.speakers] == ["Miriam Oduya"]  # the employer is no person


def test_a_quote_paragraph_is_left_empty_when_the_release_introduced_two_people():
    assert speakers_of(
        "Chief executive Miriam Oduya opened the bakery with the mayor, Tom Asante.",
        "The site will produce 40,000 loaves a day.",
        "“This is the biggest investment we have made in a decade.”") == [None]
    assert speakers_of(
        "The bakery is named after Ruth Penhallow, who founded the firm in 1921.",
        "“We are proud of our history.”") == [None]


def test_les_before_a_surname_is_a_given_name_in_english():
    assert speakers_of("Executive Director Les Marwood commented: “We fought for the right "
                       "deal.”") == ["Les Marwood"]


def test_a_pronoun_goes_to_the_person_named_by_role_not_to_the_issue_they_wrote():
    found = extraction("The post was announced in the latest Ad Clerum from Bishop Joanna. "
                       "“I am pleased to announce the new post,” she writes.")
    assert [q.speaker for q in found.quotes] == ["Joanna"]
    # Two people named by role in the same sentence: the pronoun could be either.
    assert speakers_of("Canon Mones met Bishop Joanna on Friday. “I am pleased,” she said.") \
        == [None]


def test_a_statement_headline_names_its_author_not_the_person_it_is_about():
    for headline in ["Statement by Senator Orla Brennock on the death of Senator Tomas Hale",
                     "statement by senator orla brennock on death of senator tomas hale"]:
        found = extract_text("\n".join([
            headline,
            "“Today I join everyone in mourning a friend and a colleague.",
            "“Our thoughts are with his family.”"]))
        assert [(q.speaker, q.continues) for q in found.quotes] == [
            ("Orla Brennock", None), ("Orla Brennock", 0)]


def test_a_persons_given_names_alone_are_the_person_named_in_full_with_a_role():
    assert speakers_of(
        "Director of the Campus, Professor Hamid Rusli Mohd Yusof, opened the meeting.",
        "“This is a good beginning,” said Hamid Rusli.") == ["Hamid Rusli Mohd Yusof"]


def test_a_statement_left_open_under_its_statement_line_runs_to_the_end():
    found = extraction(
        "On Tuesday, District Attorney Marisol Quent issued the following statement "
        "regarding the county’s youth facilities.",
        "“These are historic times and we have a duty to act.",
        "I am forming a task force that will report within a year.",
        "Youth crime has declined for twenty years, and the facilities stand half empty.")
    assert [(q.paragraph, q.speaker, q.continues) for q in found.quotes] == [
        (2, "Marisol Quent", None), (3, "Marisol Quent", 0), (4, "Marisol Quent", 0)]


def test_the_n_year_old_said_is_the_person_just_talked_about():
    assert speakers_of(
        "Architect Kim Seon-hee, who designed the building, won the prize on Friday.",
        "“The budget was tight but fair,” the 52-year-old told reporters.") == ["Kim Seon-hee"]
    assert speakers_of(
        "Kim Seon-hee met Tomas Varga at the site.",
        "“The budget was tight,” the 52-year-old said.") == [None]


def test_a_title_matching_no_role_names_the_one_person_given_a_role_before():
    # "el jefe comunal" is another title of the mayor named before, the only person so far.
    quote, = extract_text(
        "Nuevas cuadras finalizadas en el barrio\n\n"
        "El intendente municipal, Tomás Quiroga, presentó nueve cuadras que fueron "
        "finalizadas en el barrio.\n\n"
        "Cabe mencionar que la obra fue realizada con fondos municipales.\n\n"
        "En este sentido, el jefe comunal manifestó: «Vamos a cumplir con lo que nos "
        "comprometimos con los vecinos».").quotes
    assert (quote.speaker, quote.speaker_how, quote.speaker_sure) == (
        "Tomás Quiroga", "only_person", False)
    quote, = extract_text(
        "Accueil des nouveaux arrivants\n\n"
        "Longueuil, le 3 mai 2016 – La candidate à la direction du Parti Exemple et députée de "
        "Nulleparte, Claire Dubois, souhaite améliorer les mesures d’accueil.\n\n"
        "« S’assurer de la qualité du soutien que l’on offre aux nouveaux arrivants est "
        "essentiel », a déclaré la candidate.").quotes
    assert quote.speaker == "Claire Dubois"


def test_a_spokesperson_or_the_head_of_another_body_is_not_the_one_person_named_before():
    assert speakers_of(
        "Chief executive Jane Doe opened the new depot in Exampleton on Monday.",
        "“We will review every delivery route this year,” a company spokesperson said.") \
        == [None]
    quote, = extract_text(
        "Nuevo formulario para licitaciones\n\n"
        "El jefe de compras, Tomás Quiroga, presentó el nuevo formulario a los proveedores.\n\n"
        "“Esto simplifica el trabajo de todas las empresas”, dijo la directora de "
        "Compras Públicas.").quotes
    assert quote.speaker is None


def test_a_reverend_and_a_shorter_form_of_a_name_are_the_fullest_name():
    assert speakers_of(
        "The nomination of the Right Reverend Peter James Cuthbert Walsh, MA, Bishop of "
        "Nowhere, has been approved.",
        "The Rt Revd Peter Walsh said, “It’s a great privilege to become the Bishop of "
        "Exampleton.”") == ["Peter James Cuthbert Walsh"]


def test_a_title_then_adjectives_then_the_name_gives_the_name_its_role():
    quote, = extract_text(
        "Reunión con la universidad\n\n"
        "La académica del Departamento de Física de nuestra Universidad, Dra. Ana Pérez-Soto, "
        "reflexionó en torno al tema junto a las doctoras Marta Ruiz y Elena Gil.\n\n"
        "\"Teníamos claro que todas estas profesoras tenían sus méritos bien ganados\", afirmó "
        "la académica de la Universidad.").quotes
    assert quote.speaker == "Ana Pérez-Soto"


def test_a_capitalised_word_opening_the_sentence_is_no_one_word_name():
    quotes = extract_text(
        "Gutachten zur Medienkooperation vorgelegt\n\n"
        "Die Abgeordnete Eva Beispiel verweist auf das Gutachten zur Kooperation der Bahn.\n\n"
        "Weiters stellt das Gutachten fest, dass die Bahn \"Nutznießer\" der Aktion sei und "
        "\"die gewählte kommunikative Vorgehensweise im konkreten Fall nutzbringend\" gewesen "
        "sei.").quotes
    assert [q.speaker for q in quotes if q.text.startswith("die gewählte")] != ["Weiters"]


def test_a_crew_word_in_the_plural_before_given_names_is_no_part_of_a_name():
    speakers = speakers_of(
        "The crew was made up of four volunteers. Helms Jane and Tom, navigator Josh and crew "
        "member Andy, are now heading home.",
        "Jane said: ‘We are relieved it was a false alarm and nothing was found at sea.’")
    assert "Helms Jane" not in speakers


def test_a_title_whose_complement_is_a_list_gives_the_name_after_it_its_role():
    quotes = extract_text(
        "Consejo de Innovación no ha socializado propuestas\n\n"
        "El Consejo Nacional presentará la próxima semana una propuesta de cinco puntos.\n\n"
        "El Vicerrector de Investigación, Desarrollo e Innovación de la Universidad de Ejemplo, "
        "Dr. Tomás Quiroga Fernández, destaca el trabajo realizado por el organismo.\n\n"
        "“La participación aquí ha sido escasa. Nosotros, como universidades, no hemos "
        "accedido al detalle de estas propuestas”, sostiene.").quotes
    assert [q.speaker for q in quotes] == ["Tomás Quiroga Fernández"]


def test_a_foreign_minister_called_canciller_who_announced_a_phrase_said_it():
    quotes = extract_text(
        "Ministro participa en reunión de cancilleres\n\n"
        "El Canciller Tomás Quiroga ya adelantó que el país seguirá haciendo todo lo posible "
        "para \"encontrar una salida política, pacífica y creíble a esta crisis\".").quotes
    assert [q.speaker for q in quotes] == ["Tomás Quiroga"]


def test_por_ultimo_is_finally_not_the_latter():
    quotes = extract_text(
        "Obras finalizadas en el barrio\n\n"
        "Por su parte, el secretario de Obras Públicas, Eduardo Ruiz, sostuvo: «Queremos llevar "
        "tranquilidad a los vecinos que todas las obras se van a terminar».\n\n"
        "Por último, los vecinos con gran satisfacción manifestaron: “Después de muchos años "
        "de espera, es una gran alegría contar con esta obra en el barrio”.").quotes
    assert [q.speaker for q in quotes] == ["Eduardo Ruiz", None]


def test_a_quote_after_narrative_that_follows_a_persons_quote_is_left_empty():
    assert speakers_of(
        "Prime Minister Tom Okafor visited the port.",
        "Minister Pia Larsson said: “The border is secure.”",
        "The Government continues its work with regional partners.",
        "“Our tough measures remain in place.”") == ["Pia Larsson", None]
    assert speakers_of(
        "Prime Minister Tom Okafor visited the port.",
        "Minister Pia Larsson said: “The border is secure.”",
        "Since 2014, 700 people from 28 ventures have been returned.",
        "“Our tough measures remain in place.”") == ["Pia Larsson", "Pia Larsson"]


def test_a_german_member_title_is_no_part_of_the_name():
    quotes = extract_text(
        "Gutachten bestätigt Nutzen der Kooperation\n\n"
        "Wien - Anlässlich der heutigen Befragungen verweist SPÖ-Abgeordnete und "
        "Ausschussmitglied Eva Beispiel-Muster noch einmal auf das Gutachten.\n\n"
        "Im Gutachten heißt es, so Beispiel-Muster, \"die Entscheidung, die Themen in einer "
        "aufbereiteten Form darzustellen, ist ein geeignetes Mittel\".").quotes
    assert [q.speaker for q in quotes] == ["Eva Beispiel-Muster"]


def test_a_quote_after_someone_else_is_named_in_the_paragraph_is_left_empty():
    result = extraction(
        "Mayor Tilda Brennan opened the Ashcombe bridge on Monday.",
        "“It took ten years,” said Ms Brennan. Engineer Rolf Hadley, who designed it, "
        "disagreed. “It took twelve.”")
    first, second = result.quotes
    assert first.speaker == "Tilda Brennan"
    assert second.speaker is None
    assert second.speaker_note == (
        "Rolf Hadley, named after Tilda Brennan’s quote, may be its speaker")


def test_a_second_quote_of_the_paragraph_keeps_its_speaker_when_no_one_else_is_named():
    assert speakers_of(
        "Mayor Tilda Brennan opened the Ashcombe bridge on Monday.",
        "“It took ten years,” said Ms Brennan. The bridge cost £4m. “It was worth it.”",
    ) == ["Tilda Brennan", "Tilda Brennan"]


def test_a_quote_only_paragraph_after_someone_else_is_named_is_left_empty():
    result = extraction(
        "Mayor Tilda Brennan opened the Ashcombe bridge on Monday.",
        "“It took ten years,” said Ms Brennan. Engineer Rolf Hadley designed the bridge.",
        "“Every bolt was tested twice.”")
    assert [q.speaker for q in result.quotes] == ["Tilda Brennan", None]
    assert "Rolf Hadley" in result.quotes[1].speaker_note


def test_a_quote_only_paragraph_after_a_quote_keeps_its_speaker():
    assert speakers_of(
        "Mayor Tilda Brennan opened the Ashcombe bridge on Monday.",
        "“It took ten years,” said Ms Brennan. The bridge cost £4m.",
        "“Every bolt was tested twice.”") == ["Tilda Brennan", "Tilda Brennan"]


def test_a_title_after_a_preposition_is_not_the_subject_of_the_speech():
    assert speakers_of(
        "Head coach Mikel Ardanza signed the forward Pavel Dunai from Orrin Athletic.",
        "Asked about his new coach, Dunai smiled: “He called me every week.”",
        "Together with the head coach, the forward Dunai said: “We talked for hours.”",
    ) == ["Pavel Dunai", "Pavel Dunai"]


def test_according_to_a_title_still_names_the_speaker():
    assert speakers_of(
        "Mayor Tilda Brennan opened the Ashcombe bridge on Monday.",
        "According to the Mayor: “It will carry 9,000 cars a day.”",
    ) == ["Tilda Brennan"]


def test_a_verb_without_subject_after_someone_else_is_named_is_left_empty():
    result = extraction(
        "La alcaldesa Tilda Brennan inauguró el puente de Ashcombe el lunes.",
        "El vecino Rolf Hadley diseñó el puente para el ayuntamiento.",
        "“Tardamos diez años”, añadió.")
    assert result.quotes[0].speaker is None
    assert result.quotes[0].speaker_note == (
        "the verb has no subject; Tilda Brennan or Rolf Hadley may have said it")


def test_a_verb_without_subject_right_after_its_person_keeps_the_speaker():
    assert speakers_of(
        "La alcaldesa Tilda Brennan inauguró el puente de Ashcombe el lunes.",
        "“Tardamos diez años”, añadió.") == ["Tilda Brennan"]


def test_a_title_held_by_two_people_named_together_is_left_empty():
    result = extraction(
        "Health Minister Tilda Brennan met Finance Minister Rolf Hadley on Monday.",
        "“The budget is tight,” the Minister said.")
    assert result.quotes[0].speaker is None
    assert result.quotes[0].speaker_note == (
        "the title “the Minister” fits Tilda Brennan and Rolf Hadley")


def test_a_title_resolves_to_the_holder_talked_about_since():
    assert speakers_of(
        "Health Minister Tilda Brennan met Finance Minister Rolf Hadley on Monday.",
        "Ms Brennan later visited the Ashcombe hospital.",
        "“The wards are full,” the Minister said.") == ["Tilda Brennan"]


def test_a_surname_two_people_named_together_share_is_left_empty():
    result = extraction(
        "Tom Hadley and his son Rolf Hadley founded the Ashcombe bakery in 1999.",
        "“We started with one oven,” Mr Hadley said.")
    assert result.quotes[0].speaker is None
    assert result.quotes[0].speaker_note == "“Mr Hadley” could be Tom Hadley or Rolf Hadley"


def test_an_honorific_tells_namesakes_apart_by_gender():
    assert speakers_of(
        "Mr Tom Hadley and his daughter Ms Tilda Hadley founded the Ashcombe bakery in 1999.",
        "“We started with one oven,” Ms Hadley said.") == ["Tilda Hadley"]


def test_an_organisation_is_not_the_speaker_of_a_quote_in_the_first_person_singular():
    result = extraction(
        "The Ashcombe Bridge Trust welcomed the opening on Monday.",
        "“I have waited ten years for this day,” the Ashcombe Bridge Trust said.",
        "“We have waited ten years for this day,” the Ashcombe Bridge Trust said.")
    first, second = result.quotes
    assert first.speaker is None
    assert first.speaker_note == ("the quote speaks as one person (“I”); Ashcombe Bridge "
                                  "Trust is an organisation")
    assert second.speaker == "Ashcombe Bridge Trust"


def test_a_quote_paragraph_after_reported_speech_and_someone_else_is_left_empty():
    result = extraction(
        "Mayor Tilda Brennan said the bridge took ten years. Engineer Rolf Hadley designed it.",
        "“Every bolt was tested twice.”")
    assert result.quotes[0].speaker is None
    assert result.quotes[0].speaker_note == (
        "Rolf Hadley, named after Tilda Brennan, may be its speaker")


def test_a_quote_paragraph_after_reported_speech_is_its_speakers():
    assert speakers_of(
        "Mayor Tilda Brennan said the bridge took ten years to build.",
        "“Every bolt was tested twice.”") == ["Tilda Brennan"]


def test_a_title_inside_a_that_clause_is_not_the_speaker():
    result = extraction(
        "Interim city manager Tom Vell said the town has no policy yet.",
        "Councilwoman Rita Marsh suggested that the city manager draw one up, adding, "
        "“There are details being left out here.”")
    assert result.quotes[0].speaker == "Rita Marsh"


def test_a_councilman_is_a_role_not_part_of_the_name():
    assert speakers_of("“I have no clue where that policy went,” said Councilman Pete Arlo.",
                       "“We need one,” Councilwoman Rita Marsh said.") == [
        "Pete Arlo", "Rita Marsh"]


def test_a_title_naming_no_one_is_not_the_one_person_named_unless_its_gender_says_so():
    result = extraction("Mayor Tilda Brennan opened the Ashcombe bridge on Monday.",
                        "“Every bolt was tested twice,” the project engineer said.")
    assert result.quotes[0].speaker is None
    assert result.quotes[0].speaker_note == (
        "the title “the project engineer” names no one in the release")
    assert speakers_of("La alcaldesa Tilda Brennan inauguró el puente de Ashcombe el lunes.",
                       "“Cada tornillo fue probado dos veces”, afirmó la mandataria.") == [
        "Tilda Brennan"]


def test_a_relative_clause_names_its_speaker_by_the_name_before_it():
    base = "Mayor Tilda Brennan and engineer Rolf Hadley opened the Ashcombe bridge on Monday."
    assert speakers_of(base, "Brennan thanked Hadley, who said: “Every bolt was tested.”",
                       "Hadley, whom Brennan praised, said: “It took ten years.”") == [
        "Rolf Hadley", "Rolf Hadley"]


def test_a_spokesperson_for_someone_is_not_that_someone():
    result = extraction("Mayor Tilda Brennan opened the Ashcombe bridge on Monday.",
                        "“Every bolt was tested twice,” said a spokesperson for Mayor Tilda "
                        "Brennan.")
    assert result.quotes[0].speaker is None
    assert result.quotes[0].speaker_note == "the title “a spokesperson” names no one in the release"


def test_a_line_introducing_quotes_by_a_kind_of_body_names_the_organisation_named_before():
    introduced = extraction(
        "Northvale Rovers Football Club have parted company with their coach Tim Bramble.",
        "The club, in a statement, said:",
        "“This has been a difficult decision.",
        "“We thank Tim for his work.”",
    )
    assert [(q.speaker, q.speaker_how) for q in introduced.quotes] == [
        ("Northvale Rovers Football Club", "organization"),
        ("Northvale Rovers Football Club", "continues")]
    two_clubs = extraction(
        "Northvale Rovers Football Club beat Easton City Football Club on Saturday.",
        "The club said:",
        "“This was a great day.”",
    )
    assert [q.speaker for q in two_clubs.quotes] == [None]
