"""What the importer leaves out, the language it stores, NUL bytes, and its limits."""

import codecs

import pytest
from django.core.management import CommandError, call_command

from claims.importing import ImportRefused, import_bytes, import_text
from claims.models import Claim, Release

pytestmark = pytest.mark.django_db

# Invented people and organisations.
TOWN_MEETING = """Harbour board opens new quay

PORTVALE, 4 March – The Portvale Harbour Board opened its new quay on Monday.

About 200 residents attended the opening.

“This quay doubles what we can land,” said Mira Castellane, chair of the board.

About the Portvale Harbour Board

The board runs the port of Portvale.

Media contact: press@portvale.example
"""


def test_a_body_paragraph_starting_about_keeps_the_rest_of_the_release(editor):
    release = import_text(TOWN_MEETING, by=editor).release
    positions = {p.text: p.position for p in release.paragraphs.all()}
    assert "About 200 residents attended the opening." in positions
    quote = Claim.objects.get(release=release, kind="quote")
    assert quote.text == "This quay doubles what we can land"
    assert quote.speaker.name == "Mira Castellane"
    assert release.left_out == ["About the Portvale Harbour Board",
                                "The board runs the port of Portvale.",
                                "Media contact: press@portvale.example"]


def test_the_detected_language_is_stored(editor):
    text = ("Le port de Portvale ouvre un nouveau quai\n\n"
            "La ville a inauguré lundi le nouveau quai du port, en présence des habitants.\n\n"
            "« Ce quai double ce que nous pouvons débarquer », a déclaré Jeanne Valmont, "
            "présidente du conseil du port.\n")
    release = import_text(text, by=editor).release
    assert release.language == "fr"
    quote = Claim.objects.get(release=release, kind="quote")
    assert (quote.speaker.name, quote.speaker_how, quote.speaker_sure) == (
        "Jeanne Valmont", "named", True)


def test_a_quote_without_a_speaker_says_why(editor):
    text = ("Harbour board opens new quay\n\nThe board met on Monday.\n\n"
            "“We cannot let this happen again.”\n")
    quote = Claim.objects.get(release=import_text(text, by=editor).release, kind="quote")
    assert quote.speaker is None
    assert quote.speaker_how == ""
    assert quote.speaker_note == "no attribution in the quote’s sentence or paragraph"


def test_a_nul_byte_after_the_first_kilobytes_of_a_bom_file_is_removed_not_a_500(editor):
    body = ("Harbour board opens new quay\n\n" + "The quay is open. " * 600
            + "\x00" + "\n\n“We are ready,” said Mira Castellane.\n")
    data = codecs.BOM_UTF8 + body.encode()
    assert data.index(b"\x00") > 8192
    result = import_bytes(data, by=editor, filename="quay.txt")
    assert "\x00" not in result.release.body
    assert any("NUL" in note for note in result.notes)
    assert result.release.claims.filter(kind="quote").count() == 1


def test_nul_characters_in_pasted_text_never_reach_the_database(editor):
    release = import_text("Harbour board\n\nThe quay\x00 is open on Monday.\n", by=editor).release
    assert "\x00" not in release.body
    assert "\x00" not in "".join(p.text for p in release.paragraphs.all())


def test_a_release_with_too_many_paragraphs_is_refused_with_a_sentence(editor, settings):
    settings.FACTCHECK_MAX_PARAGRAPHS = 50
    text = "Headline\n\n" + "\n\n".join(f"Paragraph {n} of the release." for n in range(120))
    with pytest.raises(ImportRefused) as refused:
        import_text(text, by=editor)
    assert str(refused.value) == (
        "This release has 121 paragraphs; factcheck takes at most 50. "
        "Split it or raise FACTCHECK_MAX_PARAGRAPHS.")
    assert not Release.objects.exists()


def test_a_release_with_too_many_claims_is_refused_with_a_sentence(editor, settings):
    settings.FACTCHECK_MAX_CLAIMS = 10
    text = "Headline\n\n" + "\n\n".join(
        f"The council approved {n} new homes on Monday 4 March 2024." for n in range(30))
    with pytest.raises(ImportRefused, match="factcheck takes at most 10. Split it or raise "
                                            "FACTCHECK_MAX_CLAIMS."):
        import_text(text, by=editor)
    assert not Release.objects.exists() and not Claim.objects.exists()


def test_the_import_command_refuses_too_many_paragraphs_and_saves_nothing(tmp_path, settings):
    settings.FACTCHECK_MAX_PARAGRAPHS = 5
    path = tmp_path / "long.txt"
    path.write_text("Headline\n\n" + "\n\n".join(f"Line {n} here." for n in range(9)))
    with pytest.raises(CommandError, match="This release has 10 paragraphs"):
        call_command("import_release", str(path))
    assert not Release.objects.exists()
