"""Quote recall, precision and speaker accuracy over the made-up releases in tests/releases."""

import importlib.util
from pathlib import Path

import pytest

from claims.extraction import extract_text
from claims.extraction.claims import fingerprint

RELEASES = Path(__file__).parent / "releases"
_spec = importlib.util.spec_from_file_location("expectations", RELEASES / "expectations.py")
expectations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(expectations)
EXPECTED = expectations.EXPECTED


def _score(name):
    """(expected, found, reported, correct reported, right speaker, problems) for one file."""
    extraction = extract_text((RELEASES / name).read_text(encoding="utf-8"))
    quotes = extraction.quotes
    used, problems, right_speaker = set(), [], 0
    for text, speaker in EXPECTED[name]:
        match = next((i for i, q in enumerate(quotes)
                      if i not in used and fingerprint(q.text) == fingerprint(text)), None)
        if match is None:
            problems.append(f"missed {text[:50]!r}")
            continue
        used.add(match)
        if quotes[match].speaker == speaker:
            right_speaker += 1
        else:
            problems.append(f"{text[:40]!r}: {quotes[match].speaker!r} instead of {speaker!r}")
    problems += [f"not a quote: {q.text[:50]!r}" for i, q in enumerate(quotes) if i not in used]
    return len(EXPECTED[name]), len(used), len(quotes), len(used), right_speaker, problems


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
    totals = [0, 0, 0, 0, 0]
    problems = []
    for name in sorted(EXPECTED):
        *counts, issues = _score(name)
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        problems += [f"{name}: {issue}" for issue in issues]
    expected, found, reported, correct, right = totals
    recall, precision = found / expected, correct / max(reported, 1)
    speaker_accuracy = right / max(found, 1)
    with capsys.disabled():
        print(f"\nquotes: recall {recall:.1%} ({found}/{expected}), precision {precision:.1%} "
              f"({correct}/{reported}), right speaker {speaker_accuracy:.1%} ({right}/{found})")
        for problem in problems:
            print("  " + problem)
    assert recall >= 0.95
    assert precision >= 0.95
    assert speaker_accuracy >= 0.90
