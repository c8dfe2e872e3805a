"""score_extraction: how quotes are matched and counted, on small gold folders made here."""

import json

import pytest
from django.core.management import CommandError, call_command

from claims.extraction.scoring import (
    Counts,
    match_quotes,
    normalize_name,
    normalize_quote,
    score_folder,
    table_rows,
)
from claims.management.commands.score_extraction import Command

RELEASE = """Harbour board opens new quay

PORTVALE, 4 March – The Portvale Harbour Board opened its new quay on Monday.

“This quay doubles what we can land,” said Mira Castellane, chair of the board.

“We started in 2019,” she added. “It took five years.”

About 200 residents attended the opening.
"""


def _gold(quotes, language="en"):
    return {"source_url": None, "language": language, "quotes": quotes}


def _write(folder, stem, text, gold):
    (folder / f"{stem}.txt").write_text(text, encoding="utf-8")
    (folder / f"{stem}.json").write_text(json.dumps(gold), encoding="utf-8")


def test_quote_text_is_compared_without_case_spacing_marks_or_end_punctuation():
    assert normalize_quote("“We  started in 2019,”") == normalize_quote("we started in 2019")
    assert normalize_quote("« Nous   sommes prêts. »") == "nous sommes prêts"
    assert normalize_quote("It’s done") != normalize_quote("Its done")


def test_speaker_names_are_compared_without_case_and_spacing():
    assert normalize_name(" Mira  CASTELLANE") == normalize_name("Mira Castellane")
    assert normalize_name(None) == normalize_name("") == ""


def test_the_gold_paragraph_breaks_a_tie_between_quotes_of_the_same_text():
    class Q:
        def __init__(self, text, paragraph):
            self.text, self.paragraph = text, paragraph

    quotes = [Q("We are ready.", 2), Q("We are ready.", 7)]
    gold = [{"text": "We are ready.", "paragraph": 7}, {"text": "We are ready.", "paragraph": 2}]
    assert match_quotes(gold, quotes) == [1, 0]
    assert match_quotes([{"text": "Not said", "paragraph": 1}], quotes) == [None]


def test_right_empty_and_wrong_speakers_are_counted_apart(tmp_path):
    _write(tmp_path, "harbour", RELEASE, _gold([
        {"paragraph": 2, "text": "This quay doubles what we can land",
         "speaker": "Mira Castellane", "role": "chair of the board"},
        {"paragraph": 3, "text": "We started in 2019", "speaker": "Someone Else", "role": None},
        {"paragraph": 3, "text": "It took five years.", "speaker": "Mira Castellane",
         "role": None},
        {"paragraph": 5, "text": "A quote the release never had", "speaker": None, "role": None},
    ]))
    board = score_folder(tmp_path)
    counts = board.total()
    assert (counts.expected, counts.found, counts.reported) == (4, 3, 3)
    assert (counts.right, counts.empty, counts.wrong) == (2, 0, 1)
    problems = board.releases[0].problems
    assert any(p.startswith("missed") for p in problems)
    assert any(p.startswith("wrong speaker 'Mira Castellane'") for p in problems)


def test_the_about_paragraph_in_a_body_does_not_end_the_release(tmp_path):
    text = RELEASE + "\n“Everyone came,” said Mira Castellane.\n"
    _write(tmp_path, "harbour", text, _gold([
        {"paragraph": 6, "text": "Everyone came", "speaker": "Mira Castellane", "role": None},
    ]))
    counts = score_folder(tmp_path).total()
    assert counts.found == 1


def test_figures_are_given_per_language_and_in_total(tmp_path):
    _write(tmp_path, "a", RELEASE, _gold([]))
    _write(tmp_path, "b", "Titre\n\n« Nous sommes prêts », a déclaré Jeanne Valmont.\n",
           _gold([{"paragraph": 1, "text": "Nous sommes prêts", "speaker": "Jeanne Valmont",
                   "role": None}], language="fr"))
    board = score_folder(tmp_path)
    assert board.languages() == ["en", "fr"]
    assert board.total("fr").expected == 1
    data = board.to_json()
    assert set(data) == {"releases", "languages", "total", "by_how"}
    assert data["total"]["expected"] == 1
    labels = [row[0] for row in table_rows(board)]
    assert labels[-3:] == ["language en", "language fr", "total"]


def test_speakers_are_tallied_by_how_they_were_found(tmp_path, capsys):
    _write(tmp_path, "harbour", RELEASE, _gold([
        {"paragraph": 2, "text": "This quay doubles what we can land",
         "speaker": "Mira Castellane", "role": None},
        {"paragraph": 3, "text": "We started in 2019", "speaker": "Someone Else", "role": None},
        {"paragraph": 3, "text": "It took five years.", "speaker": "Mira Castellane",
         "role": None},
    ]))
    board = score_folder(tmp_path)
    tally = {how: (c.right, c.empty, c.wrong) for how, c in board.by_how().items()}
    assert tally == {"named": (1, 0, 0), "pronoun": (0, 0, 1), "same_paragraph": (1, 0, 0)}
    assert board.to_json()["by_how"]["pronoun"] == {"found": 1, "right": 0, "empty": 0,
                                                    "wrong": 1}
    call_command("score_extraction", str(tmp_path), "--by-how")
    lines = capsys.readouterr().out.splitlines()
    table = lines[lines.index("") + 1:]
    assert table[0].split() == ["speaker_how", "found", "right", "empty", "wrong"]
    assert [line.split()[0] for line in table[1:]] == ["named", "pronoun", "same_paragraph"]


def test_shares_of_an_empty_count_are_safe():
    counts = Counts()
    assert counts.recall == counts.precision == counts.share("right") == 1.0
    assert counts.share("wrong") == 0.0


def test_the_command_prints_a_table_and_json(tmp_path, capsys):
    _write(tmp_path, "harbour", RELEASE, _gold([
        {"paragraph": 2, "text": "This quay doubles what we can land",
         "speaker": "Mira Castellane", "role": None},
    ]))
    call_command("score_extraction", str(tmp_path))
    out = capsys.readouterr().out
    assert "harbour [en]" in out and out.splitlines()[-1].startswith("total")
    call_command("score_extraction", str(tmp_path), "--json")
    assert json.loads(capsys.readouterr().out)["total"]["found"] == 1


def test_the_command_refuses_a_folder_without_gold_files(tmp_path):
    with pytest.raises(CommandError, match="no .json annotations"):
        Command.gold_folder(str(tmp_path))
    with pytest.raises(CommandError, match="There is no folder"):
        call_command("score_extraction", str(tmp_path / "missing"))
