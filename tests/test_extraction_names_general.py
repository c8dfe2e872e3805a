"""Names, organisations and dialogue attributions of any alphabet and typography.

Each test stands for a class of text (a typographic or grammatical pattern), not for one
release. Every person and organisation here is invented.
"""

import unicodedata

from claims.extraction import extract_text


def speakers(*paragraphs, headline="Release"):
    extraction = extract_text("\n\n".join([headline, *paragraphs]))
    return [(q.text, q.speaker) for q in extraction.quotes]


def test_a_name_whose_accents_are_written_as_combining_marks_is_kept_whole():
    decomposed = unicodedata.normalize("NFD", "Marie Jünemann")
    assert speakers(
        f"“We are delighted to be part of this programme,” said {decomposed}, director of "
        "the institute.",
    ) == [("We are delighted to be part of this programme", "Marie Jünemann")]


def test_names_starting_with_letters_beyond_latin_1():
    assert speakers(
        "“The new bridge will link both towns within two years,” said Łukasz Żmudzki, the "
        "project engineer.",
        "Čedomir Štajn, head of the port authority, said: “Ships will dock here from May.”",
    ) == [("The new bridge will link both towns within two years", "Łukasz Żmudzki"),
          ("Ships will dock here from May.", "Čedomir Štajn")]
