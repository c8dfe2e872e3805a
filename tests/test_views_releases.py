"""Release pages: the list, one release with its claims highlighted, and the import page."""

import re

import pytest
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import workflow
from claims.models import Release
from tests import factories, html_forms

pytestmark = pytest.mark.django_db

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"

SHORT_RELEASE = (
    "Council opens new library in Riverside\n"
    "The council opened the new Riverside library on 4 March 2024 at a cost of £3 million.\n"
    "“Every child in Riverside now lives within a mile of a library,” said Councillor Maya "
    "Patel, Leader of the Council.\n"
)


@pytest.fixture
def release(db):
    return factories.ClaimFactory().release


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def _import(client, **data):
    return client.post(reverse("claims:release_import"), data)


# Who may open what.


def _pages(release):
    return [
        reverse("claims:release_list"),
        reverse("claims:release_detail", args=[release.pk]),
        reverse("claims:release_import"),
    ]


def test_anonymous_people_are_sent_to_login_from_every_release_page(client, release):
    for url in _pages(release):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login") + "?next=")
    response = _import(client, text=SHORT_RELEASE)
    assert response["Location"].startswith(reverse("login"))
    assert Release.objects.count() == 1


def test_people_outside_the_desk_get_403_on_every_release_page(outsider_client, release):
    for url in _pages(release):
        assert outsider_client.get(url).status_code == 403
    assert _import(outsider_client, text=SHORT_RELEASE).status_code == 403
    assert Release.objects.count() == 1


def test_a_reviewer_reads_releases_but_cannot_import(reviewer_client, release):
    list_url, detail_url, import_url = _pages(release)
    assert reviewer_client.get(list_url).status_code == 200
    assert reviewer_client.get(detail_url).status_code == 200
    response = reviewer_client.get(import_url)
    assert response.status_code == 403
    assert "Only editors can import releases" in response.content.decode()
    assert _import(reviewer_client, text=SHORT_RELEASE).status_code == 403
    assert Release.objects.count() == 1
    assert import_url not in reviewer_client.get(list_url).content.decode()


@pytest.mark.parametrize("persona", ["editor", "superuser"])
def test_editors_and_admins_open_every_release_page(client, release, persona, request):
    client.force_login(request.getfixturevalue(persona))
    for url in _pages(release):
        assert client.get(url).status_code == 200, url


def test_a_missing_release_is_a_404(reviewer_client):
    assert reviewer_client.get(reverse("claims:release_detail", args=[424242])).status_code == 404


# The list.


def test_the_release_list_shows_organization_date_and_progress(
    reviewer_client, reviewer, editor, second_editor
):
    claim = factories.ClaimFactory(paragraph__release__organization="Ministry of Roads")
    factories.ClaimFactory(paragraph__release=claim.release)
    factories.EvidenceFactory(claim=claim, added_by=reviewer)
    workflow.transition(claim, "take", by=reviewer)
    workflow.transition(claim, "verify", by=reviewer, rating="accurate", **factories.RULING)
    workflow.transition(claim, "approve", by=editor)
    page = reviewer_client.get(reverse("claims:release_list")).content.decode()
    assert claim.release.title in page
    assert "Ministry of Roads" in page
    assert "<strong>1</strong> of 2 approved" in page
    assert 'aria-label="1 of 2 claims approved"' in page


def test_the_release_list_searches_titles(reviewer_client):
    factories.ReleaseFactory(title="Harbour dredging begins")
    factories.ReleaseFactory(title="School meals expanded")
    response = reviewer_client.get(reverse("claims:release_list"), {"q": "harbour"})
    titles = [row["release"].title for row in response.context["rows"]]
    assert titles == ["Harbour dredging begins"]
    response = reviewer_client.get(reverse("claims:release_list"), {"q": "nothing like it"})
    assert "No release matches “nothing like it”." in response.content.decode()


# One release.


def test_the_release_page_highlights_every_claim_by_status_with_a_legend(
    reviewer_client, reviewer
):
    release = factories.ReleaseFactory(title="Bridge plan")
    paragraph = factories.ParagraphFactory(
        release=release, position=1, text="The bridge opens in May. It cost £40 million."
    )
    opens = factories.ClaimFactory(paragraph=paragraph, start=0, end=24,
                                   text="The bridge opens in May.")
    cost = factories.ClaimFactory(paragraph=paragraph, start=25, end=45,
                                  text="It cost £40 million.", kind="quantity")
    workflow.transition(cost, "take", by=reviewer)

    page = reviewer_client.get(release.get_absolute_url()).content.decode()
    assert (
        f'<a class="hl hl-pending" href="{opens.get_absolute_url()}" '
        f'title="#{opens.pk} Event, pending" data-claim="{opens.pk}">The bridge opens in May.</a>'
    ) in page
    assert f'class="hl hl-in_review" href="{cost.get_absolute_url()}"' in page
    # Colour is never the only signal: the legend and each claim's badge say it in words.
    assert "In review" in page and "Pending" in page
    assert '<span class="visually-hidden"> (in review)</span>' in page
    assert "<strong>0</strong> of 2 approved" in page


def test_overlapping_claims_keep_every_character_once_and_link_the_narrowest(reviewer_client):
    paragraph = factories.ParagraphFactory(
        text="Exports rose 40% to £3bn in 2023, the minister said."
    )
    wide = factories.ClaimFactory(paragraph=paragraph, start=0, end=32,
                                  text=paragraph.text[0:32])
    narrow = factories.ClaimFactory(paragraph=paragraph, start=8, end=16, kind="quantity",
                                    text=paragraph.text[8:16])
    crossing = factories.ClaimFactory(paragraph=paragraph, start=13, end=40, kind="other",
                                      text=paragraph.text[13:40])
    response = reviewer_client.get(paragraph.release.get_absolute_url())
    page = response.content.decode()
    match = re.search(r'id="p\d+">\s*<span class="para-number">[^<]*</span>\s*<p>(.*?)</p>',
                      page, re.S)
    shown = re.sub(r'<span class="visually-hidden">[^<]*</span>', "", match.group(1))
    assert re.sub(r"<[^>]+>", "", shown) == "Exports rose 40% to £3bn in 2023, the minister said."
    assert f'data-claim="{narrow.pk}">rose </a>' in shown
    assert "hl-overlap" in shown
    for claim in (wide, narrow, crossing):
        assert claim.get_absolute_url() in page


def test_the_seed_release_reads_in_full_with_its_quotes_linked(reviewer_client, seed_release):
    page = reviewer_client.get(seed_release.get_absolute_url()).content.decode()
    for paragraph in seed_release.paragraphs.all():
        assert f'id="p{paragraph.position}"' in page
    for claim in seed_release.claims.all():
        assert claim.get_absolute_url() in page


# Import.


def test_an_editor_imports_pasted_text_and_lands_on_the_release(editor_client, editor):
    response = _import(
        editor_client,
        text=SHORT_RELEASE,
        organization="Riverside Council",
        source_url="https://riverside.example.gov/news/library",
        published_on="2024-03-04",
    )
    release = Release.objects.get()
    assert response.status_code == 302
    assert response["Location"] == release.get_absolute_url()
    [message] = _messages(response)
    assert message.startswith(f"Imported release #{release.pk} “Council opens new library")
    assert (release.organization, release.imported_by) == ("Riverside Council", editor)
    assert str(release.published_on) == "2024-03-04"
    assert release.claims.filter(kind="quote").exists()


def test_an_editor_uploads_a_text_file(editor_client):
    upload = SimpleUploadedFile("library.txt", SHORT_RELEASE.encode("utf-8"), "text/plain")
    response = _import(editor_client, file=upload)
    assert response["Location"] == Release.objects.get().get_absolute_url()


def test_an_html_page_is_imported_from_its_body(editor_client):
    html = (
        "<html><head><title>Library</title></head><body><h1>Council opens new library</h1>"
        "<p>The council opened the new library on 4 March 2024.</p></body></html>"
    )
    upload = SimpleUploadedFile("library.html", html.encode("utf-8"), "text/html")
    _import(editor_client, file=upload)
    assert Release.objects.get().title == "Council opens new library"


def test_a_windows_1252_file_is_imported_with_a_note(editor_client):
    upload = SimpleUploadedFile("library.txt", SHORT_RELEASE.encode("cp1252"), "text/plain")
    response = _import(editor_client, file=upload)
    assert response.status_code == 302
    assert "The file was not UTF-8; it was read as Windows-1252." in _messages(response)


def test_importing_the_same_release_again_opens_the_one_on_the_desk(editor_client):
    _import(editor_client, text=SHORT_RELEASE)
    release = Release.objects.get()
    response = _import(editor_client, text=SHORT_RELEASE.replace("\n", "\r\n"))
    assert response["Location"] == release.get_absolute_url()
    assert f"Already imported as release #{release.pk}" in _messages(response)[-1]
    assert Release.objects.count() == 1


@pytest.mark.parametrize(
    ("data", "sentence"),
    [
        ({"text": "   \n  "}, "Paste the release text or choose a file to upload."),
        (
            {"file": ("empty.txt", b"")},
            "The submitted file is empty.",
        ),
        (
            {"file": ("photo.txt", b"\x89PNG\r\n\x1a\n" + bytes(range(256)) * 4)},
            "not text",
        ),
        (
            {"file": ("page.html", b"<html><head><title>x</title></head><body></body></html>")},
            "The HTML page has no body paragraphs",
        ),
        ({"file": ("release.pdf", b"%PDF-1.4")}, "Upload a .txt or .html file"),
        (
            {"text": SHORT_RELEASE, "file": ("library.txt", SHORT_RELEASE.encode())},
            "Paste the text or upload a file, not both",
        ),
        (
            {"text": SHORT_RELEASE, "source_url": "javascript:alert(1)"},
            "Enter a full web address starting with https:// or http://.",
        ),
        ({"text": SHORT_RELEASE, "published_on": "next Tuesday"}, "Enter the date as YYYY-MM-DD."),
    ],
)
def test_bad_input_is_refused_with_a_sentence_and_nothing_saved(editor_client, data, sentence):
    if "file" in data:
        name, content = data["file"]
        data = {**data, "file": SimpleUploadedFile(name, content)}
    response = _import(editor_client, **data)
    assert response.status_code == 400
    assert sentence in response.content.decode()
    assert not Release.objects.exists()


def test_an_oversized_release_is_refused(editor_client, settings):
    settings.FACTCHECK_MAX_RELEASE_BYTES = 100
    response = _import(editor_client, text=SHORT_RELEASE)
    assert "over the limit of 100 bytes" in response.content.decode()
    upload = SimpleUploadedFile("library.txt", SHORT_RELEASE.encode())
    response = _import(editor_client, file=upload)
    assert "over the limit of 100 bytes" in response.content.decode()
    assert not Release.objects.exists()


def test_the_pasted_text_stays_in_the_form_after_a_refusal(editor_client):
    response = _import(editor_client, text=SHORT_RELEASE, published_on="yesterday")
    assert "Council opens new library in Riverside" in response.content.decode()


# Hostile text.


def test_hostile_text_is_escaped_on_the_release_list_and_page(reviewer_client):
    release = factories.ReleaseFactory(
        title=f"Plan {HOSTILE_SCRIPT}", organization=HOSTILE_IMG,
        source_url="javascript:alert(1)",
    )
    paragraph = factories.ParagraphFactory(
        release=release, text=f"He said {HOSTILE_IMG} and {HOSTILE_SCRIPT} today."
    )
    factories.ClaimFactory(paragraph=paragraph, start=8, end=36, text=paragraph.text[8:36])
    for url in (reverse("claims:release_list"), release.get_absolute_url()):
        page = reviewer_client.get(url).content.decode()
        assert HOSTILE_SCRIPT not in page, url
        assert HOSTILE_IMG not in page, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, url
        assert 'href="javascript:' not in page, url


def test_hostile_pasted_text_is_escaped_after_import(editor_client):
    text = f"Plan {HOSTILE_SCRIPT}\nThe mayor said {HOSTILE_IMG} on 4 May 2024.\n"
    _import(editor_client, text=text)
    release = Release.objects.get()
    for url in (
        reverse("claims:release_list"),
        release.get_absolute_url(),
        reverse("claims:queue"),
        *(claim.get_absolute_url() for claim in release.claims.all()),
    ):
        page = editor_client.get(url).content.decode()
        assert HOSTILE_SCRIPT not in page and HOSTILE_IMG not in page, url


# Query counts.


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _release_with_claims(release, first, last, reviewer):
    for index in range(first, last):
        paragraph = factories.ParagraphFactory(release=release, position=index + 1)
        claim = factories.ClaimFactory(
            paragraph=paragraph, speaker=factories.SpeakerFactory(), kind="quote"
        )
        if index % 2:
            workflow.transition(claim, "take", by=reviewer)


def test_the_release_page_makes_the_same_number_of_queries_for_5_or_50_claims(
    reviewer_client, reviewer, django_assert_max_num_queries
):
    release = factories.ReleaseFactory()
    _release_with_claims(release, 0, 5, reviewer)
    few = _count_queries(reviewer_client, release.get_absolute_url())
    _release_with_claims(release, 5, 50, reviewer)
    with django_assert_max_num_queries(few):
        response = reviewer_client.get(release.get_absolute_url())
    assert len(response.context["claims"]) == 50
    # One of them counts the menu's lists (My open claims, notifications).
    assert few <= 11


def test_the_release_list_makes_the_same_number_of_queries_for_3_or_20_releases(
    reviewer_client, reviewer, editor, django_assert_max_num_queries
):
    def add_releases(count):
        for _ in range(count):
            release = factories.ReleaseFactory(imported_by=editor)
            _release_with_claims(release, 0, 2, reviewer)

    add_releases(3)
    few = _count_queries(reviewer_client, reverse("claims:release_list"))
    add_releases(17)
    with django_assert_max_num_queries(few):
        response = reviewer_client.get(reverse("claims:release_list"))
    assert len(response.context["rows"]) == 20
    assert few <= 10


def test_a_release_over_the_paragraph_limit_is_refused_on_the_page(editor_client, settings):
    settings.FACTCHECK_MAX_PARAGRAPHS = 3
    text = "Headline\n\n" + "\n\n".join(f"Paragraph {n} of the release." for n in range(6))
    response = _import(editor_client, text=text)
    assert response.status_code == 400
    assert ("This release has 7 paragraphs; factcheck takes at most 3. Split it or raise "
            "FACTCHECK_MAX_PARAGRAPHS.") in response.content.decode()
    assert not Release.objects.exists()


def test_an_editor_adds_a_claim_the_importer_missed_from_the_release_page(client, editor):
    claim = factories.ClaimFactory(paragraph__text="Ferries run hourly. Fares rose 5% in May.")
    release, paragraph = claim.release, claim.paragraph
    client.force_login(editor)
    page = client.get(release.get_absolute_url()).content.decode()
    start = paragraph.text.index("Fares")

    response = html_forms.submit(
        client, page, "Add a quote or claim", choose={"kind": "quantity"},
        fill={"paragraph": str(paragraph.position), "start": str(start),
              "end": str(len(paragraph.text))},
    )

    added = release.claims.get(text="Fares rose 5% in May.")
    assert response["Location"] == added.get_absolute_url()
    assert (added.kind, added.status, added.events.get().action) == ("quantity", "pending", "add")


def test_adding_a_claim_needs_words_and_an_editor(client, editor, reviewer):
    claim = factories.ClaimFactory()
    url = reverse("claims:release_add_claim", args=[claim.release_id])
    client.force_login(editor)
    response = client.post(url, {"paragraph": "", "kind": "event"}, follow=True)
    assert "Select the words in the release text" in response.content.decode()
    client.force_login(reviewer)
    assert client.post(url, {"paragraph": 1, "start": 0, "end": 3}).status_code == 403
    assert "Add a quote or claim" not in client.get(
        reverse("claims:release_detail", args=[claim.release_id])).content.decode()


@pytest.mark.parametrize("paragraphs_per_page", [100, 2])
def test_the_release_pages_progress_counts_every_claim_on_one_page_of_paragraphs_or_several(
    reviewer_client, reviewer, monkeypatch, paragraphs_per_page
):
    from claims.views import releases

    monkeypatch.setattr(releases, "PARAGRAPHS_PER_PAGE", paragraphs_per_page)
    release = factories.ReleaseFactory(title="Harbour plan")
    for position in range(3):
        paragraph = factories.ParagraphFactory(
            release=release, position=position, text=f"The harbour opens in year {position}."
        )
        claim = factories.ClaimFactory(paragraph=paragraph)
        if position:
            workflow.transition(claim, "take", by=reviewer)
    factories.ClaimFactory(paragraph=paragraph, kind="quantity")

    page = reviewer_client.get(release.get_absolute_url()).content.decode()
    assert "<strong>0</strong> of 4 approved" in page
    assert "<title>In review: 2</title>" in page
    assert "<title>Pending: 2</title>" in page
