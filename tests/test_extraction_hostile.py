"""Inputs built to make extraction slow, at the full size limit: each ends, quickly.

Work is measured in the extraction's own units (``claims.extraction.budget``), not in
seconds: each pattern at 2 MB either finishes or is refused with a sentence, within the
budget, and the work a pattern costs grows in step with its length. A generous alarm stops
a test that would hang. Select them with ``-m hostile``.
"""

import signal
from contextlib import contextmanager

import pytest

from claims.extraction import TooMuchWork, budget, decode_release, extract, parse_release
from claims.extraction.budget import DEFAULT_UNITS
from tests.extraction_inputs import HOSTILE

FULL_SIZE = 2 * 1024 * 1024
pytestmark = pytest.mark.hostile


@contextmanager
def alarm(seconds):
    def stop(signum, frame):
        raise AssertionError(f"extraction still running after {seconds} s")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def units_for(text, is_html, units=None):
    """Units spent extracting ``text`` (decode, parse and extract, as an import does)."""
    with budget(units) as spent:
        extract(parse_release(decode_release(text.encode()).text, is_html=is_html))
    return spent.spent


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_each_hostile_pattern_at_full_size_ends_within_the_budget(name):
    make, is_html = HOSTILE[name]
    text = make(FULL_SIZE)
    assert FULL_SIZE * 0.95 <= len(text.encode()) <= FULL_SIZE
    with alarm(120), budget(DEFAULT_UNITS) as spent:
        try:
            extract(parse_release(decode_release(text.encode()).text, is_html=is_html))
        except TooMuchWork as refused:
            assert str(refused).endswith("import each.")
    # One step may overshoot the budget (a long paragraph's words are charged at once).
    assert spent.spent <= 2 * DEFAULT_UNITS


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_the_work_a_pattern_costs_grows_in_step_with_its_length(name):
    make, is_html = HOSTILE[name]
    with alarm(120):
        small, large = (units_for(make(size), is_html) for size in (64 * 1024, 256 * 1024))
    # Four times the text, about four times the work: nothing grows with its square.
    assert large <= 5 * max(small, 1)


def test_a_refused_release_says_what_to_do():
    with pytest.raises(TooMuchWork, match="split it into smaller releases"), budget(1000):
        extract(parse_release(HOSTILE["said_after"][0](64 * 1024)))


def test_reading_and_extracting_in_two_calls_share_one_budget():
    # Reading an HTML page pays for its tags; extracting it in a second call (as
    # ``extract_claims`` does) has only what is left of the budget, as in one call.
    page = HOSTILE["nested_lists"][0](64 * 1024)
    with budget() as whole:
        extract(parse_release(page, is_html=True))
    release = parse_release(page, is_html=True, units=whole.spent)
    extract(release, units=whole.spent)
    with pytest.raises(TooMuchWork):
        extract(release, units=whole.spent - 1)
