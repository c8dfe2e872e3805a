"""Properties that hold for any input: offsets slice exactly, extraction never crashes, speed."""

import statistics
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from claims.extraction import ExtractionError, ReleaseText, extract, extract_text

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


SEED = Path(__file__).resolve().parents[1] / "seed" / "nato-japan-2023-01-31.txt"
SHARED_SEED = Path(__file__).resolve().parents[2] / "shared" / "seed" / "nato-japan-2023-01-31.txt"


def _seed_text():
    for path in (SEED, SHARED_SEED):
        if path.exists():
            return path.read_text(encoding="utf-8")
    return (Path(__file__).parent / "releases" / "us-university-coral.txt").read_text()


def _megabyte_release():
    text = _seed_text()
    lines = text.splitlines()
    body, size, n = [lines[0]], 0, 0
    while size < 1_000_000:
        for line in lines[1:]:
            varied = line.replace("Tokyo", f"Tokyo-{n}").replace("Tuesday", f"Tuesday {n}")
            body.append(varied)
            size += len(varied) + 1
        n += 1
    return "\n".join(body)


def _median_seconds(fn, runs=3):
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def test_a_one_megabyte_release_extracts_in_a_few_seconds(capsys):
    big = _megabyte_release()
    seed = _seed_text()
    small = _median_seconds(lambda: extract_text(seed), runs=7)
    large = _median_seconds(lambda: extract_text(big), runs=3)
    with capsys.disabled():
        print(f"\nextract_text: sample {small * 1000:.1f} ms, "
              f"{len(big) / 1e6:.2f} MB {large:.2f} s (medians)")
    assert large < 6
