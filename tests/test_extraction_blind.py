"""Quote recall, precision and speaker accuracy on the blind releases.

The releases in tests/releases/blind were written, with their ground truth, before the
extraction rules were read, in the house styles of many institutions; they measure how the
rules do on text they were not tuned on.
"""

from pathlib import Path

import pytest

from claims.extraction import extract_text
from tests.extraction_scoring import load_expectations, score_folder

BLIND = Path(__file__).parent / "releases" / "blind"
EXPECTED = load_expectations(BLIND)


def test_every_blind_release_has_expectations():
    files = {p.name for p in BLIND.iterdir() if p.suffix in (".txt", ".html")}
    assert files == set(EXPECTED)
    assert len(files) >= 16


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_offsets_slice_the_text_in_every_blind_release(name):
    extraction = extract_text((BLIND / name).read_text(encoding="utf-8"))
    for item in [*extraction.quotes, *extraction.claims]:
        assert extraction.paragraphs[item.paragraph][item.start:item.end] == item.text


def test_quotes_are_found_and_attributed_in_releases_the_rules_were_not_tuned_on(capsys):
    (expected, found, reported, right), problems = score_folder(BLIND, EXPECTED)
    recall, precision = found / expected, found / max(reported, 1)
    speaker_accuracy = right / max(found, 1)
    with capsys.disabled():
        print(f"\nblind quotes: recall {recall:.1%} ({found}/{expected}), precision "
              f"{precision:.1%} ({found}/{reported}), right speaker {speaker_accuracy:.1%} "
              f"({right}/{found})")
        for problem in problems:
            print("  " + problem)
    assert recall >= 0.95
    assert precision >= 0.95
    assert speaker_accuracy >= 0.90
