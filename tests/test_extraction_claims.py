"""Sentences and candidate claims: kinds, scores, reasons and offsets."""

from claims.extraction import REASONS, extract_text
from claims.extraction.quotes import find_spans
from claims.extraction.sentences import split_sentences


def sentences(text):
    return [text[a:b] for a, b in split_sentences(text, find_spans(text))]


def test_sentence_splitting_survives_abbreviations_initials_and_decimals():
    text = ("Mr. Calloway met Dr. Smith in the U.S. on Jan. 31 to discuss No. 5 Street. "
            "Growth was 3.5 per cent, e.g. in Mark J. Carney’s view. It ended.")
    assert sentences(text) == [
        "Mr. Calloway met Dr. Smith in the U.S. on Jan. 31 to discuss No. 5 Street.",
        "Growth was 3.5 per cent, e.g. in Mark J. Carney’s view.", "It ended."]


def test_sentence_splitting_never_cuts_inside_a_quote():
    text = "“It works. It really does,” she said. Then she left."
    assert sentences(text) == ["“It works. It really does,” she said.", "Then she left."]


def claims_of(*paragraphs):
    return extract_text("\n".join(["Headline", *paragraphs])).claims


def test_claims_carry_a_kind_score_and_reasons_from_the_vocabulary():
    claims = claims_of(
        "The ministry will open 12 new clinics in Leeds next year.",
        "Unemployment fell to 4.1 per cent in March, the lowest rate since 2008.",
        "Police arrested a man in Worcester on Saturday.",
    )
    assert [c.kind for c in claims] == ["prediction", "quantity", "event"]
    for claim in claims:
        assert set(claim.reasons) <= set(REASONS)
        assert 0 < claim.score <= 1
    assert {"future_tense", "number", "place"} <= set(claims[0].reasons)


def test_text_outside_quotes_is_a_claim_but_quotes_and_attributions_are_not():
    claims = claims_of("“We doubled sales,” said Chief Executive Ann Lee, adding that profits "
                       "rose 20% in 2023.")
    assert [c.text for c in claims] == ["adding that profits rose 20% in 2023."]
    assert claims[0].kind == "reported_speech" and claims[0].speaker == "Ann Lee"


def test_reported_speech_names_its_speaker():
    claims = claims_of("Finance Minister Maria Lopez presented the budget.",
                       "She stressed that the deficit would halve by 2026.")
    reported = [c for c in claims if c.kind == "reported_speech"]
    assert [c.speaker for c in reported] == ["Maria Lopez"]


def test_a_headline_repeating_a_quote_points_at_it():
    extraction = extract_text("Minister: Our schools are the best in Europe\n"
                              "“Our schools are the best in Europe,” said Minister Ann Lee.")
    headline = [c for c in extraction.claims if c.paragraph == 0]
    assert [c.repeats for c in headline] == [0]
    assert headline[0].text == "Our schools are the best in Europe"
    assert headline[0].kind == "comparison"


def test_a_headline_that_repeats_nothing_has_no_repeats():
    extraction = extract_text("Council opens 3 libraries in Leeds\nThe council opened them.")
    assert [c.repeats for c in extraction.claims if c.paragraph == 0] == [None]
