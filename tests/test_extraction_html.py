"""HTML pages: the article's headline and paragraphs, without the page furniture."""

from pathlib import Path

import pytest

from claims.extraction import NoBodyText, extract_text, parse_release

PAGE = (Path(__file__).parent / "releases" / "invented" / "html-city-council.html").read_text()


def test_it_takes_the_headline_from_the_h1_and_the_body_from_the_article():
    release = parse_release(PAGE)
    assert release.title == "Council approves new £8m cycle network"
    assert release.paragraphs[0] == release.title
    assert any(p.startswith("Newtown City Council has approved") for p in release.paragraphs)


def test_it_drops_navigation_cookie_banners_share_buttons_and_footers():
    text = "\n".join(parse_release(PAGE).paragraphs)
    for furniture in ("cookies", "Bins and recycling", "Share this page", "All rights",
                      "Bin collections"):
        assert furniture not in text


def test_it_keeps_blockquotes_and_list_items_of_the_article():
    paragraphs = parse_release(PAGE).paragraphs
    assert any(p.startswith("“Families have told us") for p in paragraphs)
    assert "Phase one: city centre to Northfield, 2025" in paragraphs


def test_inline_markup_does_not_break_words_or_quotes():
    release = parse_release("<html><body><article><h1>Title</h1><p>Japan<em>’s</em> "
                            "<b>“big”</b> day.</p></article></body></html>")
    assert release.paragraphs == ["Title", "Japan’s “big” day."]


def test_it_falls_back_to_the_title_without_the_site_name():
    release = parse_release("<html><head><title>Minister opens bridge | Gov.uk</title></head>"
                            "<body><div><p>The bridge opened today.</p></div></body></html>")
    assert release.title == "Minister opens bridge"


def test_a_page_without_body_text_is_refused():
    with pytest.raises(NoBodyText):
        parse_release("<html><body><nav><p>Home</p></nav><footer><p>©</p></footer></body></html>")


def test_plain_text_is_not_taken_for_html_and_html_is_detected():
    plain = parse_release("Headline\nA < B and C > D.")
    assert plain.paragraphs == ["Headline", "A < B and C > D."]
    assert parse_release("<p>Headline</p><p>Body text here.</p>").paragraphs == [
        "Headline", "Body text here."]


def test_quotes_in_an_html_page_are_attributed():
    extraction = extract_text(PAGE)
    assert [q.speaker for q in extraction.quotes] == ["Priya Natarajan"] * 3
