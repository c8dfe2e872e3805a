"""The seed release: the results the importer promises on real input."""

from pathlib import Path

import pytest

from claims.extraction import extract_text
from claims.extraction.model import SPEAKER_HOW

SEED = Path(__file__).resolve().parents[1].parent / "shared" / "seed" / "nato-japan-2023-01-31.txt"
if not SEED.exists():
    SEED = Path(__file__).resolve().parents[1] / "seed" / "nato-japan-2023-01-31.txt"


@pytest.fixture(scope="module")
def sample():
    if not SEED.exists():
        pytest.skip("the seed release is not available")
    return extract_text(SEED.read_text(encoding="utf-8"))


def test_it_finds_the_four_quotes_of_the_secretary_general(sample):
    assert [q.paragraph for q in sample.quotes] == [1, 3, 5, 5]
    assert {q.speaker for q in sample.quotes} == {"Jens Stoltenberg"}
    assert {q.role for q in sample.quotes} == {"NATO Secretary General"}


def test_it_keeps_the_quote_text_without_the_comma_before_the_closing_mark(sample):
    assert sample.quotes[0].text == "No NATO partner is closer or more capable than Japan"
    assert sample.quotes[2].text.startswith("I’ve been very impressed")
    assert sample.quotes[2].text.endswith("presented to me")


def test_it_records_the_attribution_as_written(sample):
    assert [q.attribution for q in sample.quotes] == [
        "said the Secretary General", "Mr Stoltenberg warned that", "he said", "he added"]


def test_every_offset_slices_its_text(sample):
    for item in [*sample.quotes, *sample.claims]:
        assert sample.paragraphs[item.paragraph][item.start:item.end] == item.text


def test_it_finds_at_least_eight_claims_none_inside_a_quote(sample):
    assert len(sample.claims) >= 8
    for claim in sample.claims:
        for quote in sample.quotes:
            if quote.paragraph == claim.paragraph:
                assert claim.end <= quote.start - 1 or claim.start >= quote.end + 1


def test_it_registers_the_people_with_their_roles_and_aliases(sample):
    speakers = {s.name: s for s in sample.speakers}
    stoltenberg = speakers["Jens Stoltenberg"]
    assert stoltenberg.role == "NATO Secretary General"
    assert stoltenberg.organization == "NATO"
    assert {"the Secretary General", "Mr Stoltenberg"} <= set(stoltenberg.aliases)
    assert "Prime Minister" in speakers["Fumio Kishida"].role


def test_the_headline_claim_points_at_the_quote_it_repeats(sample):
    headline = [c for c in sample.claims if c.paragraph == 0 and c.repeats is not None]
    assert len(headline) == 1
    assert headline[0].text == "No NATO partner is closer or more capable than Japan"
    assert headline[0].repeats == 0
    assert headline[0].kind == "comparison"


def test_reported_speech_is_attributed_like_a_quote(sample):
    reported = [c for c in sample.claims if c.kind == "reported_speech"]
    texts = {c.text.split()[0]: c for c in reported}
    assert texts["He"].speaker == "Jens Stoltenberg"
    assert texts["noting"].speaker == "Jens Stoltenberg"
    assert texts["noting"].text.startswith("noting that cargo planes")


def test_bare_attribution_fragments_are_not_claims(sample):
    assert not any(c.text.startswith(("said", "he said", "he added")) for c in sample.claims)


def test_the_json_has_the_documented_shape(sample):
    data = sample.to_json()
    assert set(data) == {"title", "paragraphs", "speakers", "quotes", "claims", "language",
                         "left_out"}
    assert data["language"] == "en"
    assert data["paragraphs"][0] == {"index": 0, "text": sample.title}
    assert set(data["speakers"][0]) == {"name", "role", "organization", "aliases"}
    assert set(data["quotes"][0]) == {"text", "speaker", "role", "paragraph", "start", "end",
                                      "attribution", "continues", "speaker_how",
                                      "speaker_sure", "speaker_note"}
    assert data["quotes"][0]["speaker_how"] in SPEAKER_HOW
    assert set(data["claims"][0]) == {"text", "kind", "score", "reasons", "paragraph", "start",
                                      "end", "speaker", "repeats"}
    for claim in data["claims"]:
        assert 0 <= claim["score"] <= 1 and round(claim["score"], 2) == claim["score"]
