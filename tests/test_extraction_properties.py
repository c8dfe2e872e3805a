"""Properties that hold for any input: offsets slice exactly, extraction never crashes, speed."""

import statistics
import time

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extraction import ExtractionError, ReleaseText, budget, extract, extract_text
from claims.extraction.budget import DEFAULT_UNITS
from tests.extraction_inputs import megabyte_release, seed_text

QUOTEY = st.sampled_from(list("“”‘’\"'«»„‚ \n.,:;!?—–-()") + [
    " said ", " he said", "Mr ", "Dr. ", " the Minister", "Jane Smith", " according to ",
    " von der ", "’s ", "U.S. ", "3.5 ", ": “", ",” said ", " she added.", "\n\n", "s’ ",
])
TEXT = st.lists(st.one_of(st.text(min_size=0, max_size=12), QUOTEY), max_size=60).map("".join)
PARAGRAPHS = st.lists(TEXT, min_size=1, max_size=6)


def _check(extraction):
    paragraphs = extraction.paragraphs
    for quote in extraction.quotes:
        assert paragraphs[quote.paragraph][quote.start:quote.end] == quote.text
        assert quote.text
        if quote.continues is not None:
            assert 0 <= quote.continues < len(extraction.quotes)
    for claim in extraction.claims:
        assert paragraphs[claim.paragraph][claim.start:claim.end] == claim.text
        assert 0 <= claim.score <= 1
        for quote in extraction.quotes:
            if quote.paragraph == claim.paragraph:
                assert claim.end <= quote.start or claim.start >= quote.end
    extraction.to_json()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(PARAGRAPHS)
def test_offsets_slice_the_paragraph_for_any_paragraphs(paragraphs):
    _check(extract(ReleaseText(title=paragraphs[0], paragraphs=paragraphs)))


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(TEXT)
def test_extract_text_never_raises_anything_but_its_documented_errors(text):
    try:
        extraction = extract_text(text)
    except ExtractionError as exc:
        assert str(exc).endswith(".")
        return
    _check(extraction)


@settings(max_examples=200, deadline=None)
@given(st.text())
def test_extract_never_raises_on_arbitrary_unicode(text):
    _check(extract(ReleaseText(title=text, paragraphs=[text, text, text[::-1]])))


def _median_seconds(fn, runs=3):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def test_a_one_megabyte_release_extracts_well_within_the_budget(capsys):
    big = megabyte_release()
    seed = seed_text()
    small = _median_seconds(lambda: extract_text(seed), runs=7)
    large = _median_seconds(lambda: extract_text(big), runs=3)
    with budget() as spent:
        extract_text(big)
    with capsys.disabled():
        print(f"\nextract_text: sample {small * 1000:.1f} ms, "
              f"{len(big) / 1e6:.2f} MB {large:.2f} s, {spent.spent:,} units (medians)")
    # Work, not seconds: a megabyte of ordinary release text spends under half the budget.
    assert spent.spent < DEFAULT_UNITS / 2


def test_a_blank_paragraph_inside_an_open_quote_is_no_quote_of_its_own():
    # Found by the property above: an opening mark left open, then an empty paragraph.
    paragraphs = ["“ the Minister", "", "I"]
    extraction = extract(ReleaseText(title=paragraphs[0], paragraphs=paragraphs))
    _check(extraction)
    assert [q.paragraph for q in extraction.quotes if not q.text.strip()] == []
