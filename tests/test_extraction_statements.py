"""Statements: the structures by which a release says whose a block of quotes is, beyond the
quote's own sentence (a signature under it, a line introducing it, a headline calling the
release someone's statement). Invented people and organisations, in the four languages."""

from claims.extraction import extract_text


def speakers(*paragraphs, headline="Headline of the release"):
    extraction = extract_text("\n\n".join([headline, *paragraphs]))
    for q in extraction.quotes:
        assert extraction.paragraphs[q.paragraph][q.start:q.end] == q.text
    return [(q.text[:20], q.speaker) for q in extraction.quotes]


def test_a_signature_under_a_statement_of_several_quote_paragraphs_signs_them_all():
    assert speakers(
        "“The closure of the Wexbridge ferry is a blow to every family on the north shore.”",
        "“I have asked the operator to meet the council this week.”",
        "– Tilda Varnholt, Mayor of Wexbridge",
        headline="Why the ferry matters",
    ) == [("The closure of the W", "Tilda Varnholt"), ("I have asked the ope", "Tilda Varnholt")]
    assert speakers(
        "„Die Schließung der Fähre ist ein schwerer Schlag für alle Familien am Nordufer.“",
        "„Ich habe den Betreiber gebeten, sich diese Woche mit dem Rat zu treffen.“",
        "– Tilda Varnholt, Bürgermeisterin von Wexbrück",
        headline="Warum die Fähre zählt",
    ) == [("Die Schließung der F", "Tilda Varnholt"), ("Ich habe den Betreib", "Tilda Varnholt")]


def test_a_paragraph_of_narrative_above_the_signature_ends_what_it_signs():
    assert speakers(
        "“The closure of the Wexbridge ferry is a blow to every family on the north shore.”",
        "The ferry carried 400 passengers a day, said harbour master Rolf Amberley.",
        "“I have asked the operator to meet the council this week.”",
        "– Tilda Varnholt, Mayor of Wexbridge",
        headline="Why the ferry matters",
    ) == [("The closure of the W", None), ("I have asked the ope", "Tilda Varnholt")]


def test_a_byline_under_a_quote_signs_it_in_the_four_languages():
    for lang_quote, byline, headline in (
            ("« La fermeture du bac est un coup dur pour toutes les familles de la rive "
             "nord. »", "Par Clotilde VARNIER, maire de Bourmont.", "Pourquoi le bac compte"),
            ("“The closure of the ferry is a blow to every family on the north shore.”",
             "By Clotilde Varnier, Mayor of Bourmont", "Why the ferry matters"),
            ("„Die Schließung der Fähre ist ein schwerer Schlag für alle Familien.“",
             "Von Clotilde Varnier, Bürgermeisterin von Bourmont", "Warum die Fähre zählt"),
            ("“El cierre del transbordador es un golpe para todas las familias.”",
             "Por Clotilde Varnier, alcaldesa de Bourmont", "Por qué importa el transbordador"),
    ):
        assert [s for _, s in speakers(lang_quote, byline, headline=headline)] == [
            "Clotilde Varnier"], byline


def test_a_byline_above_the_quotes_names_their_writer_not_their_speaker():
    assert speakers(
        "By Rolf Amberley, Press Officer",
        "“The closure of the Wexbridge ferry is a blow to every family on the north shore.”",
        headline="Why the ferry matters",
    ) == [("The closure of the W", None)]


def test_the_signers_own_name_drops_a_place_read_into_it_before():
    # "maire de Vars Pierre X" reads the place into the name; the signature gives the name
    # as its owner writes it, in the release's spelling.
    assert speakers(
        "Réactions du maire de Bourmont Clotilde Varnéry à l’article publié lundi.",
        "« La fermeture du bac est un coup dur pour toutes les familles de la rive nord. »",
        "Par Clotilde VARNERY, maire de Bourmont.",
        "Bourmont est un petit village de 650 habitants.",
        headline="Les contre-arguments de la maire",
    ) == [("La fermeture du bac ", "Clotilde Varnéry")]


def test_a_sentence_opening_on_by_is_no_byline():
    assert speakers(
        "By Friday, Mayor Tilda Varnholt had met the operator twice.",
        "“The closure of the Wexbridge ferry is a blow to every family on the north shore.”",
        headline="Why the ferry matters",
    ) == [("The closure of the W", "Tilda Varnholt")]


def test_a_statement_line_in_the_passive_names_its_maker_after_by():
    for line, quote, headline in (
            ("The following statement was issued by Mayor Tilda Varnholt:",
             "“The closure of the Wexbridge ferry is a blow to every family on the shore.”",
             "Ferry closure"),
            ("Le communiqué suivant a été publié par la maire Tilda Varnholt :",
             "« La fermeture du bac est un coup dur pour toutes les familles de la rive. »",
             "Fermeture du bac"),
            ("Die folgende Stellungnahme wurde von Tilda Varnholt veröffentlicht:",
             "„Die Schließung der Fähre ist ein schwerer Schlag für alle Familien am Ufer.“",
             "Schließung der Fähre"),
            ("El siguiente comunicado fue emitido por la alcaldesa Tilda Varnholt:",
             "“El cierre del transbordador es un golpe para todas las familias de la orilla.”",
             "Cierre del transbordador"),
    ):
        assert [s for _, s in speakers(line, quote, headline=headline)] == [
            "Tilda Varnholt"], line
    assert speakers(
        "The following statement was issued by Mayor Tilda Varnholt and Councillor Rolf "
        "Amberley:",
        "“The closure of the Wexbridge ferry is a blow to every family on the shore.”",
        headline="Ferry closure",
    ) == [("The closure of the W", None)]


def test_i_in_a_release_written_in_the_first_person_is_whoever_signs_it():
    assert speakers(
        "I want to explain why the ferry will stop on Friday. The operator told us last week "
        "that the boat failed its inspection.",
        "“We will not leave the north shore without a crossing,” I told the operator.",
        "Tilda Varnholt, Mayor of Wexbridge",
        headline="A letter to the residents of Wexbridge",
    ) == [("We will not leave th", "Tilda Varnholt")]
    assert speakers(
        "Ich möchte Ihnen erklären, warum die Fähre am Freitag den Betrieb einstellt.",
        "„Wir werden das Nordufer nicht ohne Überfahrt lassen“, sagte ich dem Betreiber.",
        "Tilda Varnholt, Bürgermeisterin von Wexbrück",
        headline="Ein Brief an die Bürgerinnen und Bürger",
    ) == [("Wir werden das Nordu", "Tilda Varnholt")]


def test_one_i_over_a_name_line_is_no_release_in_the_first_person():
    # Only the attribution says "I": the line under the release may be a contact's.
    assert speakers(
        "The ferry will stop on Friday after the boat failed its inspection.",
        "“We will not leave the north shore without a crossing,” I told the operator.",
        "Rolf Amberley, Press Officer",
        headline="Ferry to stop on Friday",
    ) == [("We will not leave th", None)]


def test_a_french_quote_over_several_paragraphs_reopened_with_a_reminder_mark():
    # French typography opens each further paragraph of a quote with "» ".
    assert speakers(
        "La maire Clotilde Varnier a déclaré : « La fermeture du bac est un coup dur pour "
        "toutes les familles de la rive nord.",
        "» J’ai demandé à l’exploitant de rencontrer le conseil cette semaine.",
        "» Nous ne laisserons pas la rive nord sans traversée. »",
        "Le bac transportait 400 passagers par jour.",
        headline="Fermeture du bac",
    ) == [("La fermeture du bac ", "Clotilde Varnier"),
          ("J’ai demandé à l’exp", "Clotilde Varnier"),
          ("Nous ne laisserons p", "Clotilde Varnier")]
    assert speakers(
        "« La fermeture du bac est un coup dur pour toutes les familles de la rive nord.",
        "» Nous ne laisserons pas la rive nord sans traversée », a déclaré la maire Clotilde "
        "Varnier.",
        headline="Fermeture du bac",
    ) == [("La fermeture du bac ", "Clotilde Varnier"),
          ("Nous ne laisserons p", "Clotilde Varnier")]


def test_a_standfirst_naming_whose_statement_it_is_gives_them_the_quotes_below():
    assert speakers(
        "Statement from Mayor Tilda Varnholt",
        "The council learned of the closure on Monday.",
        "“The closure of the Wexbridge ferry is a blow to every family on the north shore.”",
        headline="Ferry closure",
    ) == [("The closure of the W", "Tilda Varnholt")]
    assert speakers(
        "Erklärung von Bürgermeisterin Tilda Varnholt",
        "Der Rat erfuhr am Montag von der Schließung.",
        "„Die Schließung der Fähre ist ein schwerer Schlag für alle Familien am Nordufer.“",
        headline="Schließung der Fähre",
    ) == [("Die Schließung der F", "Tilda Varnholt")]
    assert speakers(
        "Joint statement from Mayor Tilda Varnholt and Councillor Rolf Amberley",
        "The council learned of the closure on Monday.",
        "“The closure of the Wexbridge ferry is a blow to every family on the north shore.”",
        headline="Ferry closure",
    ) == [("The closure of the W", None)]


def test_a_dateline_with_its_date_and_wire_service_is_not_who_made_the_statement():
    assert speakers(
        "Wexbridge, Ont., March 3, 2021 (HARBOUR WIRE) -- Wexbridge Harbour Trust Director "
        "Tilda Varnholt today issued the following statement on the ferry closure:",
        "“The closure of the Wexbridge ferry is a blow to every family on the north shore.",
        "“We will ask the operator to meet the council this week.”",
        headline="STATEMENT BY HARBOUR TRUST DIRECTOR TILDA VARNHOLT ON THE FERRY CLOSURE",
    ) == [("The closure of the W", "Tilda Varnholt"), ("We will ask the oper", "Tilda Varnholt")]
    assert speakers(
        "Wexbrück, 3. März 2021 (hwd) – Bürgermeisterin Tilda Varnholt hat folgende "
        "Erklärung abgegeben:",
        "„Die Schließung der Fähre ist ein schwerer Schlag für alle Familien am Nordufer.“",
        headline="Schließung der Fähre",
    ) == [("Die Schließung der F", "Tilda Varnholt")]


def test_a_second_role_after_and_is_the_same_persons_a_titled_person_is_another():
    quote = "“The closure of the Wexbridge ferry is a blow to every family on the north shore.”"
    assert speakers(
        "(Wexbridge, ON), On behalf of the 40 harbour towns of the coast, Mayor Tilda "
        "Varnholt of Wexbridge, ON and President of the Harbour Towns Association (HTA), "
        "released the following statement:", quote, headline="Ferry closure",
    ) == [("The closure of the W", "Tilda Varnholt")]
    for line in ("Mayor Tilda Varnholt and the President of the Harbour Towns Association "
                 "released the following statement:",
                 "Wexbridge Mayor and Harbour Towns Association Chair Tilda Varnholt and "
                 "Portvale Mayor and Vice Chair Rolf Amberley issued the following statement:"):
        assert speakers(line, quote, headline="Ferry closure") == [
            ("The closure of the W", None)], line


def test_paragraphs_of_quote_attributed_once_at_the_end_of_the_last_are_one_speakers():
    assert speakers(
        "La alcaldesa Tilda Varnholt anunció el cierre del transbordador.",
        "El nuevo plan del concejo, confirmó, llegará en mayo.",
        "“Es un golpe para todas las familias de la orilla norte”.",
        "“No dejaremos la orilla norte sin cruce”, manifestó la alcaldesa Tilda Varnholt.",
        headline="Cierre del transbordador",
    ) == [("Es un golpe para tod", "Tilda Varnholt"), ("No dejaremos la oril", "Tilda Varnholt")]
    # Narrative naming someone else before the run: the quote after it is no longer enough.
    assert speakers(
        "Harbour master Rolf Amberley and Mayor Tilda Varnholt saw the last crossing.",
        "“It is a blow to every family on the north shore.”",
        "“We will not leave the shore without a crossing,” said Mayor Tilda Varnholt.",
        headline="Ferry closure",
    )[0] == ("It is a blow to ever", None)
