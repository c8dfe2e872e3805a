"""Quote marks and attribution phrases, one pattern per test."""

from claims.extraction import extract_text


def quotes(*paragraphs):
    extraction = extract_text("\n".join(["Headline of the release", *paragraphs]))
    for q in extraction.quotes:
        assert extraction.paragraphs[q.paragraph][q.start:q.end] == q.text
    return [(q.text, q.speaker) for q in extraction.quotes]


def test_it_reads_curly_quotes_with_the_attribution_after():
    assert quotes("“We will build it,” said Minister Jane Roe.") == [
        ("We will build it", "Jane Roe")]


def test_it_reads_straight_quotes_with_the_speaker_before_the_verb():
    assert quotes('"Prices will fall next year," Dr Omar Said Khan said.') == [
        ("Prices will fall next year", "Omar Said Khan")]


def test_it_reads_an_apposition_between_name_and_verb():
    assert quotes("“The data are clear,” Jane Doe, the director of the Met Office, said.") == [
        ("The data are clear", "Jane Doe")]


def test_it_reads_the_attribution_before_with_a_colon():
    assert quotes("Chief Executive Officer Mary Barra said: “We are all in on EVs.”") == [
        ("We are all in on EVs.", "Mary Barra")]


def test_it_reads_warned_that_with_a_colon():
    assert quotes("Ms Anna Berg warned that: “The risks are growing.”") == [
        ("The risks are growing.", "Anna Berg")]


def test_it_reads_according_to_before_and_after():
    assert quotes(
        "According to Professor Li Wei, “the results surprised everyone.”",
        "“Nobody expected this,” according to Dr Ana Costa of the University of Lisbon.",
    ) == [("the results surprised everyone.", "Li Wei"), ("Nobody expected this", "Ana Costa")]


def test_it_reads_told_reporters_and_said_in_a_statement():
    assert quotes(
        "“We are ready,” John Ode told reporters on Monday.",
        "“We are still ready,” Ode said in a statement.",
    ) == [("We are ready", "John Ode"), ("We are still ready", "John Ode")]


def test_both_halves_of_a_quote_around_the_attribution_share_the_speaker():
    assert quotes("Mayor Sam Reed visited the site. “It is early days,” he said, “but the "
                  "signs are good.”") == [
        ("It is early days", "Sam Reed"), ("but the signs are good.", "Sam Reed")]


def test_apostrophes_inside_words_are_not_quote_marks():
    assert quotes("Japan’s students’ union said the ’90s were different. “I’ve seen "
                  "it all and don’t regret it,” said Kenji Mori.") == [
        ("I’ve seen it all and don’t regret it", "Kenji Mori")]


def test_single_quotes_nested_in_double_quotes_stay_inside():
    assert quotes("“They called it ‘the plan of the century’, and it failed,” said Ann Lee.") == [
        ("They called it ‘the plan of the century’, and it failed", "Ann Lee")]


def test_uk_style_single_quotes_are_quotes():
    assert quotes("'We are delighted with the result,' said Dr Helen Smith.") == [
        ("We are delighted with the result", "Helen Smith")]


def test_single_quoted_scare_words_are_not_quotes():
    assert quotes("The 'green' transition and the 'just transition' fund were approved.") == []


def test_scare_quotes_and_titles_in_double_quotes_are_not_quotes():
    assert quotes(
        "The so-called “Team Europe” approach worked, the Commission said.",
        "The report “State of the Global Climate 2023” was published on Tuesday.",
    ) == []


def test_a_sentence_in_quotes_without_attribution_is_still_a_quote():
    # A paragraph about one person, who opens it, then a paragraph of quote: theirs (unsure).
    assert quotes("Dr Ruth Baines met the families.",
                  "“We cannot let this happen again.”") == [
        ("We cannot let this happen again.", "Ruth Baines")]
    # A person the paragraph only mentions is not guessed.
    assert quotes("The families of the crew met Dr Ruth Baines.",
                  "“We cannot let this happen again.”") == [
        ("We cannot let this happen again.", None)]


def test_a_quote_over_several_paragraphs_is_one_entry_per_paragraph():
    extraction = extract_text("\n".join([
        "Headline",
        "Professor Jo Park, Head of Physics at the University of Leeds, said:",
        "“The first part of the quote runs to the end of the paragraph.",
        "“The second part opens with a quote mark again.",
        "“And the third part closes it.”",
    ]))
    assert [(q.paragraph, q.speaker, q.continues) for q in extraction.quotes] == [
        (2, "Jo Park", None), (3, "Jo Park", 0), (4, "Jo Park", 0)]
    assert extraction.quotes[0].attribution.startswith("Professor Jo Park")


def test_a_quote_only_paragraph_takes_the_speaker_from_the_next_sentence_naming_them():
    assert quotes("“Cash lets families choose what they need.” That was the message from "
                  "Peter Lind, the charity’s head of programmes.") == [
        ("Cash lets families choose what they need.", "Peter Lind")]


def test_interview_style_name_and_colon_introduces_a_quote():
    assert quotes("Mayor Rosa Lind spoke to us.", "Lind: “Yes, it was worth it.”") == [
        ("Yes, it was worth it.", "Rosa Lind")]


def test_guillemets_and_german_quotes_are_read_in_their_own_language():
    assert quotes("La ville de Portvale a présenté son budget pour la nouvelle année.",
                  "« Nous sommes prêts », a déclaré Claire Dubois, la maire de la ville.") == [
        ("Nous sommes prêts", "Claire Dubois")]
    assert quotes("Die Stadt Nordhafen hat ihren Haushalt für das kommende Jahr vorgestellt.",
                  "„Wir sind bereit“, sagte Jonas Feldberg, der Bürgermeister der Stadt.") == [
        ("Wir sind bereit", "Jonas Feldberg")]


def test_an_unclosed_quote_runs_to_the_end_of_the_paragraph():
    assert quotes("Omar Ali said: “This is a long quote that never closes") == [
        ("This is a long quote that never closes", "Omar Ali")]


def test_the_trailing_comma_before_the_closing_mark_is_left_out():
    assert quotes("“Yes,” she said.")[0][0] == "Yes"


def test_a_partial_quote_inside_a_sentence_is_attributed_to_the_subject():
    assert quotes("Dr. Rajesh K. Iyer said the funding was \"a turning point for the whole "
                  "team\".") == [("a turning point for the whole team", "Rajesh K. Iyer")]


def test_a_short_quote_that_is_a_whole_sentence_is_a_quote():
    assert quotes('Luiz Andrade disagreed. "I\'ve seen the forecast," he said. "I\'m ready!"') == [
        ("I've seen the forecast", "Luiz Andrade"), ("I'm ready!", "Luiz Andrade")]


def test_a_short_quoted_phrase_inside_a_sentence_is_still_not_a_quote():
    assert quotes('The charity called it a "new dawn" for veterans.') == []


def test_a_signature_after_the_quote_in_the_same_paragraph_attributes_it():
    assert quotes("“We will never stop fighting for our members.” — Jane Doe, President of "
                  "the Union") == [("We will never stop fighting for our members.", "Jane Doe")]


def test_a_dash_inside_a_sentence_after_a_quote_is_not_a_signature():
    assert quotes("The “Big Catch-Up” campaign – Launched in 2023 – reaches children.") == []


def test_straight_quotes_inside_a_curly_quote_stay_in_its_text():
    assert quotes(
        "“=HYPERLINK(\"http://evil.example\",\"Click\") is how we test spreadsheets,” said "
        "Dr Jane Smith.",
        "“We call it the \"quiet revolution\" in care,” said Minister Ann Lee.",
    ) == [
        ("=HYPERLINK(\"http://evil.example\",\"Click\") is how we test spreadsheets",
         "Jane Smith"),
        ("We call it the \"quiet revolution\" in care", "Ann Lee")]


def test_several_straight_quoted_phrases_inside_a_curly_quote_stay_in_its_text():
    assert quotes("“They called it \"the plan\", and \"the future\",” said Ann Lee. \"It "
                  "failed,\" said Bob Stone.") == [
        ("They called it \"the plan\", and \"the future\"", "Ann Lee"),
        ("It failed", "Bob Stone")]


def test_curly_quotes_inside_a_straight_quote_stay_in_its_text():
    assert quotes(
        "\"We call it the ‘quiet revolution’ in care,\" said Minister Ann Lee.",
        "\"We call it the “quiet revolution” in care,\" said Dr Jane Smith.",
    ) == [("We call it the ‘quiet revolution’ in care", "Ann Lee"),
          ("We call it the “quiet revolution” in care", "Jane Smith")]


def test_straight_quotes_do_not_pair_across_a_curly_quote():
    assert quotes("The \"green\" plan is back. “We will win,” said Ann Lee. Bob Stone said "
                  "it was \"a turning point for the whole team\".") == [
        ("We will win", "Ann Lee"), ("a turning point for the whole team", "Bob Stone")]


def test_a_straight_mark_standing_in_for_a_missing_curly_closer_still_closes_the_quote():
    assert quotes("“We will win,\" said Ann Lee.", "\"We will win again,” said Bob Stone.") == [
        ("We will win", "Ann Lee"), ("We will win again", "Bob Stone")]


def test_an_unmarked_paragraph_of_a_running_quote_may_hold_a_term_in_quote_marks():
    found = extract_text("\n".join([
        "Headline of the release",
        "Grace Adeyemi said: “I am honoured to take on this role at the Trust.",
        "Our buildings need care, and as a ‘going concern’ we must pay our way. I will listen "
        "to our volunteers first.",
        "“Together we will open the old mill by next summer.”",
    ]))
    assert [(q.paragraph, q.speaker, q.continues) for q in found.quotes] == [
        (1, "Grace Adeyemi", None), (2, "Grace Adeyemi", 0), (3, "Grace Adeyemi", 0)]


def test_titles_of_talks_and_programmes_in_quote_marks_are_not_quotes():
    assert quotes(
        "The forum discussed the topics ‘Green Growth in the Valley and the Coast of Tarrow’, "
        "‘Rivers, Roads and the Making of Our Small Coastal Town in the Modern Era’ and "
        "‘Learning Together Across Two Countries’ on Friday.",
        "The adverts run during programmes such as ‘Cooking with the Pellworths’ and ‘Ten "
        "Out of Ten Cats.’",
        "The exhibition, themed “Light and Water in the Modern Age”, runs until May.",
    ) == []


def test_a_quote_after_a_list_of_titles_is_still_a_quote():
    assert quotes(
        "The talks ‘Green Growth’ and ‘Open Valleys’ were followed by questions. “We have "
        "never had so many visitors,” said Dr Ines Marrow.") == [
        ("We have never had so many visitors", "Ines Marrow")]


def test_a_quote_after_a_sentence_about_one_person_in_its_paragraph_is_theirs():
    found = extract_text("\n".join([
        "Headline of the release",
        "Opposition leader Carys Penhallow disagreed. “The plan has no money behind it.”",
        "Dr Amal Reyes presented the report with Professor Linus Ode. “Figures alone do not "
        "tell the story.”",
        "Jane Okafor was appointed in 2019. The members welcomed the move. “We have a voice.”",
    ]))
    assert [(q.speaker, q.speaker_sure) for q in found.quotes] == [
        ("Carys Penhallow", False), (None, False), (None, False)]


def test_typewriter_marks_open_and_close_a_quote():
    assert quotes("Council leader Amos Pike said: ``The budget is balanced for the first time "
                  "in five years.''") == [
        ("The budget is balanced for the first time in five years.", "Amos Pike")]


def test_straight_marks_set_off_by_spaces_are_a_quote():
    assert quotes("Dr Lena Voss visited the port. \" The council urges all sides to let aid "
                  "through, \" Dr Voss said.") == [
        ("The council urges all sides to let aid through", "Lena Voss")]
    assert quotes("The screen measures 6\" across and costs $200.") == []


def test_a_quote_going_on_after_its_attribution_without_an_opening_mark():
    assert quotes("“We picked the ridge route,” said Dr Lena Voss. That let us stay high as "
                  "long as possible.”") == [
        ("We picked the ridge route", "Lena Voss"),
        ("That let us stay high as long as possible.", "Lena Voss")]


def test_single_marks_set_off_by_spaces_after_a_verb_of_speech_are_a_quote():
    assert quotes("Martin Olwen, the coxswain, said ' We thought at first this would be a "
                  "normal tow job, but the boat was sinking'.") == [
        ("We thought at first this would be a normal tow job, but the boat was sinking",
         "Martin Olwen")]


def test_a_headline_quote_repeated_in_the_body_takes_the_body_quotes_speaker():
    found = extract_text("\n".join([
        "‘We will not back down,’ says union leader",
        "Union leader Gwen Talbot told members on Monday: “We will not back down, not this "
        "year and not next year.”"]))
    assert [(q.paragraph, q.speaker) for q in found.quotes] == [
        (0, "Gwen Talbot"), (1, "Gwen Talbot")]


def test_a_single_quote_closed_by_two_single_marks_starts_at_its_opening_mark():
    quote, = extract_text(
        "Lifeboat called to a lifebuoy\n\n"
        "Helm Jane Doe said: ‘Our volunteer crew are always ready to answer the pager, even on "
        "the eve of a holiday. We are relieved it was a false alarm.’’").quotes
    assert quote.text.startswith("Our volunteer crew")
    assert quote.text.endswith("false alarm.")
    assert quote.speaker == "Jane Doe"


def test_a_french_quote_marked_only_at_its_two_ends_runs_over_the_paragraphs_between():
    quotes = extract_text(
        "La mairesse fait le point sur le démantèlement du campement\n\n"
        "EXEMPLEVILLE, le 5 juillet 2024 - La mairesse d’Exempleville, Claire Dubois, fera le "
        "point sur le démantèlement du campement.\n\n"
        "« À la suite d'une opération menée tôt vendredi matin, le campement du square a été "
        "démantelé. L'opération s'est déroulée dans le calme.\n\n"
        "Le droit de manifester est un droit fondamental, mais ce droit ne peut entraver la "
        "libre circulation dans l'espace public.\n\n"
        "Une installation comme celle-ci posait d'importants enjeux de sécurité pour les gens "
        "sur le site », a déclaré la mairesse d’Exempleville, Claire Dubois.").quotes
    assert [q.paragraph for q in quotes] == [2, 3, 4]
    assert {q.speaker for q in quotes} == {"Claire Dubois"}
    assert quotes[1].text.startswith("Le droit de manifester")
    assert quotes[2].text.endswith("sur le site")


def test_a_quote_opened_once_and_closed_paragraphs_later_runs_over_every_paragraph_between():
    quotes = extract_text(
        "Voici le texte intégral du communiqué des présidents de section\n\n"
        "PORTVALE \"1. Nous regrettons la décision du conseil de fermer la piscine du quartier. "
        "Nous ne pouvons pas l'accepter.\n\n"
        "Nous soutenons les nageurs et prendrons toutes les initiatives pour les défendre.\n\n"
        "2. Nous demandons au conseil de rouvrir le dialogue avec les associations.\n\n"
        "3. Nous allons poursuivre la concertation entre les sections.\n\n"
        "4. Enfin, la commission des sports sera réunie dès le mois de mars.\n\n"
        "En conclusion, les présidents rappellent leur attachement au sport pour tous.\"").quotes
    assert [q.paragraph for q in quotes] == [1, 2, 3, 4, 5, 6]
    assert quotes[3].text == "3. Nous allons poursuivre la concertation entre les sections."
    assert quotes[5].text.endswith("sport pour tous.")
    assert all(q.continues == 0 for q in quotes[1:])


def test_a_three_word_partial_quote_in_reported_speech_is_a_quote_but_an_amount_is_not():
    assert quotes(
        'Archdeacon Mira Holt said she was "astonished and humbled" by the call.',
        'Ms Ada Penn said the scheme would bring in "tens of millions" of pounds.',
    ) == [("astonished and humbled", "Mira Holt")]
