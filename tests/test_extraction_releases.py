"""Quote recall, precision and speaker accuracy over the made-up releases in tests/releases."""

from pathlib import Path

import pytest

from claims.extraction import extract_text
from tests.extraction_scoring import load_expectations, score_folder

RELEASES = Path(__file__).parent / "releases"
EXPECTED = load_expectations(RELEASES)


def test_every_release_file_has_expectations():
    files = {p.name for p in RELEASES.iterdir() if p.suffix in (".txt", ".html")}
    assert files == set(EXPECTED)
    assert len(files) >= 10


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_offsets_slice_the_text_in_every_release(name):
    extraction = extract_text((RELEASES / name).read_text(encoding="utf-8"))
    for item in [*extraction.quotes, *extraction.claims]:
        assert extraction.paragraphs[item.paragraph][item.start:item.end] == item.text


def test_quotes_are_found_and_attributed_across_house_styles(capsys):
    (expected, found, reported, right), problems = score_folder(RELEASES, EXPECTED)
    recall, precision = found / expected, found / max(reported, 1)
    speaker_accuracy = right / max(found, 1)
    with capsys.disabled():
        print(f"\nquotes: recall {recall:.1%} ({found}/{expected}), precision {precision:.1%} "
              f"({found}/{reported}), right speaker {speaker_accuracy:.1%} ({right}/{found})")
        for problem in problems:
            print("  " + problem)
    assert recall >= 0.95
    assert precision >= 0.95
    assert speaker_accuracy >= 0.90
