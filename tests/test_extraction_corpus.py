"""Floors on the development set of real press releases (tests/releases/real).

The rules are tuned on these releases, so the figures here say what the rules do on text
like it, not on text they have never seen; the held-out set outside the repository does
that. Each floor sits a little under what the rules reach; a change that lowers a figure
below its floor is a regression to fix, never a floor to lower. Only new releases added to
the set move a floor down, to what the rules then reach, with the figures in the commit.
"""

from pathlib import Path

import pytest

from claims.extraction.scoring import gold_releases, score_folder

REAL = Path(__file__).parent / "releases" / "real"


@pytest.fixture(scope="module")
def board():
    return score_folder(REAL)


def _report(board, capsys):
    with capsys.disabled():
        print()
        for language in [*board.languages(), None]:
            c = board.total(language)
            print(f"development set {language or 'total'}: found {c.recall:.1%} "
                  f"({c.found}/{c.expected}), precision {c.precision:.1%}, right speaker "
                  f"{c.share('right'):.1%}, empty {c.share('empty'):.1%}, wrong "
                  f"{c.share('wrong'):.1%}")


def test_the_development_set_is_real_releases_in_four_languages():
    releases = gold_releases(REAL)
    assert len(releases) >= 60
    languages = {gold["language"] for _path, gold in releases}
    assert languages == {"en", "fr", "de", "es"}
    assert all(gold.get("source_url") for _path, gold in releases)


def test_quotes_are_found_and_real_on_the_development_set(board, capsys):
    _report(board, capsys)
    total = board.total()
    assert total.recall >= 0.97
    assert total.precision >= 0.965


def test_speakers_are_right_or_left_empty_never_guessed(board):
    total = board.total()
    assert total.share("right") >= 0.96
    assert total.share("wrong") <= 0.004


@pytest.mark.parametrize("language, right, wrong", [("en", 0.975, 0.005), ("fr", 0.935, 0.01),
                                                    ("de", 0.905, 0.012), ("es", 0.925, 0.012)])
def test_each_language_has_right_speakers(board, language, right, wrong):
    counts = board.total(language)
    assert counts.share("right") >= right
    assert counts.share("wrong") <= wrong


def test_every_quote_the_rules_report_slices_its_paragraph():
    from claims.extraction.scoring import extract_file

    for path, _gold in gold_releases(REAL):
        extraction = extract_file(path)
        for item in [*extraction.quotes, *extraction.claims]:
            assert extraction.paragraphs[item.paragraph][item.start:item.end] == item.text
