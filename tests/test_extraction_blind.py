"""Quote recall, precision and speaker accuracy on the blind releases.

The releases in tests/releases/blind were written, with their ground truth, before the
extraction rules were read, in the house styles of many institutions; they measure how the
rules do on text they were not tuned on.
"""

import importlib.util
from pathlib import Path

import pytest

from claims.extraction import extract_text
from claims.extraction.claims import fingerprint

BLIND = Path(__file__).parent / "releases" / "blind"
_spec = importlib.util.spec_from_file_location("blind_expectations", BLIND / "expectations.py")
expectations = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(expectations)
EXPECTED = expectations.EXPECTED


def _score(name):
    """(expected, found, reported, right speaker, problems) for one blind release."""
    quotes = extract_text((BLIND / name).read_text(encoding="utf-8")).quotes
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
    return len(EXPECTED[name]), len(used), len(quotes), right_speaker, problems


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
    totals = [0, 0, 0, 0]
    problems = []
    for name in sorted(EXPECTED):
        *counts, issues = _score(name)
        totals = [a + b for a, b in zip(totals, counts, strict=True)]
        problems += [f"{name}: {issue}" for issue in issues]
    expected, found, reported, right = totals
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
