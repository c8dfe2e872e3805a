"""Decoding uploaded bytes, normalizing text, and splitting plain text into paragraphs."""

import codecs

import pytest

from claims.extraction import (
    BinaryFile,
    EmptyRelease,
    ExtractionError,
    decode_release,
    normalize_text,
    parse_release,
)


def test_it_decodes_utf8_and_strips_the_bom():
    decoded = decode_release(codecs.BOM_UTF8 + "Héadline\nBody “quoted”".encode())
    assert decoded.text == "Héadline\nBody “quoted”"
    assert decoded.note is None


def test_it_decodes_utf16_with_a_bom():
    decoded = decode_release("Headline\nNATO’s body".encode("utf-16"))
    assert decoded.text == "Headline\nNATO’s body"
    assert decoded.encoding == "utf-16"


def test_it_falls_back_to_windows_1252_and_says_so():
    decoded = decode_release("Japan’s “partner” – café".encode("cp1252"))
    assert decoded.text == "Japan’s “partner” – café"
    assert decoded.note == "The file was not UTF-8; it was read as Windows-1252."


@pytest.mark.parametrize("data", [
    b"", b"   \n\t  \r\n", codecs.BOM_UTF8,
    # only unusual spaces, line separators and zero-width characters: nothing to read
    "\u00a0\u3000\u2028\u200b\u00ad\ufeff\x85\x1c".encode(),
])
def test_it_refuses_empty_input(data):
    with pytest.raises(EmptyRelease):
        decode_release(data)


@pytest.mark.parametrize("data", [b"%PDF-1.7\n...", b"\x89PNG\r\n\x1a\n", b"abc\x00def",
                                  bytes(range(1, 31)) * 20])
def test_it_refuses_binary_input_with_one_sentence(data):
    with pytest.raises(BinaryFile) as info:
        decode_release(data)
    message = str(info.value)
    assert message.endswith(".") and message.count(". ") == 0
    assert isinstance(info.value, ExtractionError)


def test_normalize_unifies_newlines_and_spaces_but_keeps_typography():
    raw = "A\u00a0b\u2009c\u202fd\u2007e\r\nnext\rline  with\t\ttabs \u200bzero\ufeff\n"
    assert normalize_text(raw) == "A b c d e\nnext\nline with tabs zero"
    assert normalize_text("“Japan’s” – ‘x’ — é") == "“Japan’s” – ‘x’ — é"


def test_plain_text_with_one_paragraph_per_line():
    release = parse_release("Headline\nFirst paragraph.\nSecond paragraph.\n")
    assert release.title == "Headline"
    assert release.paragraphs == ["Headline", "First paragraph.", "Second paragraph."]


def test_hard_wrapped_blocks_are_joined_and_boilerplate_dropped():
    release = parse_release(
        "Headline here\n\nLONDON, 3 May 2024 – The first\nparagraph wraps.\n\n"
        "Second block\nwraps too.\n\n###\n\nNotes to editors\nNot part of the release.\n"
    )
    assert release.paragraphs == [
        "Headline here", "LONDON, 3 May 2024 – The first paragraph wraps.",
        "Second block wraps too."]


def test_end_markers_and_trailing_contact_sections_are_dropped():
    release = parse_release("Headline\nOne.\nTwo.\nThree.\n-ENDS-\nMedia contact\nx@y.z")
    assert release.paragraphs == ["Headline", "One.", "Two.", "Three."]


def test_parse_release_refuses_blank_text():
    with pytest.raises(EmptyRelease):
        parse_release(" \n\u200b\n ")
