"""Floors on the made-up releases of tests/releases/invented (a development set whose people
and organisations are all invented)."""

from pathlib import Path

import pytest

from claims.extraction.scoring import extract_file, gold_releases, score_folder

INVENTED = Path(__file__).parent / "releases" / "invented"


def test_every_invented_release_has_its_annotation_and_says_it_is_invented():
    files = {p.stem for p in INVENTED.iterdir() if p.suffix in (".txt", ".html")}
    releases = gold_releases(INVENTED)
    assert {path.stem for path, _gold in releases} == files
    assert len(files) >= 30
    assert all(gold["invented"] for _path, gold in releases)


@pytest.mark.parametrize("path", [path for path, _gold in gold_releases(INVENTED)],
                         ids=lambda path: path.stem)
def test_offsets_slice_the_text_in_every_invented_release(path):
    extraction = extract_file(path)
    for item in [*extraction.quotes, *extraction.claims]:
        assert extraction.paragraphs[item.paragraph][item.start:item.end] == item.text


def test_quotes_are_found_and_attributed_across_house_styles(capsys):
    board = score_folder(INVENTED)
    total = board.total()
    with capsys.disabled():
        print(f"\ninvented development set: found {total.recall:.1%}, precision "
              f"{total.precision:.1%}, right speaker {total.share('right'):.1%}, empty "
              f"{total.share('empty'):.1%}, wrong {total.share('wrong'):.1%}")
        for score in board.releases:
            for problem in score.problems:
                print(f"  {score.name}: {problem}")
    assert total.recall >= 0.98
    assert total.precision >= 0.98
    assert total.share("right") >= 0.94
    assert total.share("wrong") <= 0.03
