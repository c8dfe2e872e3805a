"""The reports page: who may open it, the preview, downloads, re-downloads and what changed."""

import hashlib

import pytest
from django.urls import reverse

from claims import workflow
from claims.models import Report
from claims.reports import printable
from tests import factories
from tests.test_reports_formats import (
    HOSTILE,
    approve,
    approved_claim,
    csv_rows,
    export,
    require_pdf,
)

LIST = reverse("claims:report_list")
EXPORT = reverse("claims:report_export")


def streamed(response):
    return b"".join(response.streaming_content)


def download(client, data):
    response = client.post(EXPORT, data)
    assert response.status_code == 200, response.content
    return response, streamed(response)


@pytest.fixture
def two_releases(reviewer, editor):
    first = factories.ReleaseFactory(title="Ministry opens the bridge")
    second = factories.ReleaseFactory(title="Ministry cuts the budget")
    claims = [
        approved_claim("The bridge cost £40 million.", reviewer=reviewer, editor=editor,
                       release=first),
        approved_claim("The bridge opens in May.", reviewer=reviewer, editor=editor,
                       release=first, rating="misleading"),
        approved_claim("The budget falls by 3%.", reviewer=reviewer, editor=editor,
                       release=second),
    ]  # fmt: skip
    return first, second, claims


# Who may open it


@pytest.mark.parametrize("method, url", [("get", LIST), ("post", EXPORT)])
def test_anonymous_people_are_sent_to_the_login_page(client, method, url):
    response = getattr(client, method)(url, {"format": "csv"})

    assert response.status_code == 302
    assert response.url.startswith(reverse("login"))


@pytest.mark.parametrize("persona", ["reviewer", "outsider"])
def test_only_editors_can_open_export_or_download_reports(
    request, client, persona, two_releases, editor
):
    user = request.getfixturevalue(persona)
    client.force_login(user)
    # A report made by an editor, which the others must not be able to fetch either.
    export("csv", by=editor)
    report = Report.objects.get()

    for method, url in [
        ("get", LIST),
        ("post", EXPORT),
        ("get", reverse("claims:report_detail", args=[report.pk])),
        ("get", reverse("claims:report_download", args=[report.pk])),
    ]:
        response = getattr(client, method)(url, {"format": "csv"})
        assert response.status_code == 403, url
        assert b"Only editors can export" in response.content
    assert Report.objects.count() == 1


def test_anonymous_people_cannot_download_a_recorded_report(client, two_releases, editor):
    export("csv", by=editor)
    report = Report.objects.get()

    for url in (
        reverse("claims:report_detail", args=[report.pk]),
        reverse("claims:report_download", args=[report.pk]),
    ):
        response = client.get(url)
        assert response.status_code == 302
        assert response.url.startswith(reverse("login"))


# Preview


def test_the_page_previews_every_approved_claim_by_default(editor_client, two_releases):
    first, second, claims = two_releases
    pending = factories.ClaimFactory(text="Not checked yet.", paragraph__text="Not checked yet.")

    response = editor_client.get(LIST)

    assert response.status_code == 200
    page = response.content.decode()
    assert "3 approved claims" in page
    for claim in claims:
        assert claim.text in page
    assert pending.text not in page
    assert "Download and record as" in page
    for label in ("CSV", "JSON", "ClaimReview JSON-LD", "Printable HTML", "PDF"):
        assert f">{label}</button>" in page


def test_the_preview_follows_the_filters(editor_client, two_releases):
    first, second, claims = two_releases

    page = editor_client.get(LIST, {"release": first.pk, "rating": "misleading"}).content.decode()

    assert "1 approved claim" in page
    assert "The bridge opens in May." in page
    assert "The bridge cost £40 million." not in page
    assert "The budget falls by 3%." not in page
    # The download form carries the same filters.
    assert f'<input type="hidden" name="release" value="{first.pk}">' in page
    assert '<input type="hidden" name="rating" value="misleading">' in page


@pytest.mark.parametrize(
    "dates, shown",
    [
        ({"since": "0001-01-01", "until": "9999-12-31"}, 3),
        ({"until": "9999-12-31"}, 3),
        ({"since": "9999-12-31"}, 0),
        ({"until": "0001-01-01"}, 0),
    ],
)
def test_a_range_reaching_the_first_or_last_day_a_date_can_have_is_answered(
    editor_client, two_releases, dates, shown
):
    response = editor_client.get(LIST, dates)

    assert response.status_code == 200
    assert f"{shown} approved claims" in response.content.decode()


def test_several_ratings_and_kinds_preview_each_claim_once(editor_client, two_releases):
    first, second, claims = two_releases
    rating = claims[0].rating
    assert rating != "misleading"

    page = editor_client.get(
        LIST, {"rating": [rating, "misleading"], "kind": [claims[0].kind, "quote"]}
    ).content.decode()

    assert "3 approved claims" in page
    for claim in claims:
        assert page.count(claim.text) == 1


def test_filters_that_make_no_sense_are_explained(editor_client, two_releases):
    response = editor_client.get(LIST, {"since": "2024-05-02", "until": "2024-05-01"})

    page = response.content.decode()
    assert response.status_code == 200
    assert "is after the “approved until” date; swap them" in page
    assert "Download and record as" not in page

    page = editor_client.get(LIST, {"since": "yesterday"}).content.decode()
    assert "Approved from: Enter a valid date." in page


def test_the_preview_escapes_claim_text(editor_client, reviewer, editor):
    approved_claim(HOSTILE, reviewer=reviewer, editor=editor)

    page = editor_client.get(LIST).content.decode()

    assert "<script>alert" not in page
    assert "&lt;script&gt;alert" in page


def test_the_page_makes_the_same_queries_however_many_claims_and_reports(
    editor_client, two_releases, reviewer, editor, django_assert_max_num_queries
):
    export("csv", by=editor)
    with django_assert_max_num_queries(30) as few:
        editor_client.get(LIST)
    for number in range(6):
        approved_claim(f"Claim {number} of many.", reviewer=reviewer, editor=editor,
                       speaker=factories.SpeakerFactory())  # fmt: skip
        export("json", by=editor)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = editor_client.get(LIST)
    assert "9 approved claims" in response.content.decode()


# Downloading and downloading again


@pytest.mark.parametrize(
    "format, content_type, extension",
    [
        ("csv", "text/csv; charset=utf-8", "csv"),
        ("json", "application/json", "json"),
        ("claimreview", "application/ld+json", "jsonld"),
        ("html", "text/html; charset=utf-8", "html"),
        ("pdf", "application/pdf", "pdf"),
    ],
)
def test_a_download_is_recorded_and_downloads_again_byte_for_byte(
    editor_client, editor, two_releases, format, content_type, extension
):
    if format == "pdf":
        require_pdf()
    first = two_releases[0]
    response, content = download(editor_client, {"format": format, "release": first.pk})

    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response["Content-Disposition"].endswith(f'.{extension}"')
    report = Report.objects.get()
    assert report.created_by == editor
    assert report.format == format
    assert report.filters == {"release": first.pk}
    assert report.row_count == 2
    assert report.sha256 == hashlib.sha256(content).hexdigest()

    again = editor_client.get(reverse("claims:report_download", args=[report.pk]))
    assert again.status_code == 200
    assert again["Content-Type"] == content_type
    assert again["Content-Length"] == str(len(content))
    assert hashlib.sha256(streamed(again)).hexdigest() == report.sha256


def test_the_csv_download_has_the_filtered_claims(editor_client, two_releases):
    first = two_releases[0]

    _, content = download(editor_client, {"format": "csv", "release": first.pk})

    header, *rows = csv_rows(content)
    texts = sorted(row[header.index("claim text")] for row in rows)
    assert texts == ["The bridge cost £40 million.", "The bridge opens in May."]


def test_a_refused_export_says_why_on_the_page(monkeypatch, editor_client, two_releases):
    monkeypatch.setattr(printable, "PRINTABLE_LIMIT", 2)

    response = editor_client.post(EXPORT, {"format": "html"}, follow=True)

    page = response.content.decode()
    assert "Printable reports (HTML and PDF) hold at most 2 claims and these filters" in page
    assert not Report.objects.exists()


def test_an_unknown_format_is_refused(editor_client, two_releases):
    response = editor_client.post(EXPORT, {"format": "xlsx"}, follow=True)

    assert "“xlsx” is not a report format; use one of: csv, json" in response.content.decode()
    assert not Report.objects.exists()


def test_past_reports_are_listed_with_their_downloads(editor_client, two_releases):
    first = two_releases[0]
    download(editor_client, {"format": "csv", "release": first.pk})
    download(editor_client, {"format": "html"})

    page = editor_client.get(LIST).content.decode()

    for report in Report.objects.all():
        assert reverse("claims:report_download", args=[report.pk]) in page
    assert f"Release #{first.pk} “Ministry opens the bridge”" in page
    assert "All approved claims" in page


# What changed since the last report


def test_the_preview_shows_what_changed_since_the_last_report_with_the_same_filters(
    editor_client, two_releases, reviewer, editor
):
    first, second, claims = two_releases
    download(editor_client, {"format": "csv", "release": first.pk})
    workflow.transition(claims[0], "reopen", by=editor, note="A new budget table came out.")
    paragraph = factories.ParagraphFactory(release=first, text="Tolls start in June.")
    added = approved_claim_in(paragraph, reviewer=reviewer, editor=editor)
    # A report with other filters is not the one to compare with.
    download(editor_client, {"format": "csv"})

    page = editor_client.get(LIST, {"release": first.pk}).content.decode()

    assert "1 newly approved, 1 no longer approved." in page
    assert "Tolls start in June." in page
    assert f"#{added.pk}" in page
    assert "Reopened, in review" in page
    assert "The bridge cost £40 million." in page


def approved_claim_in(paragraph, *, reviewer, editor):
    return approve(factories.ClaimFactory(paragraph=paragraph), reviewer=reviewer, editor=editor)


def test_the_preview_says_when_nothing_changed(editor_client, two_releases):
    download(editor_client, {"format": "json"})

    page = " ".join(editor_client.get(LIST).content.decode().split())

    assert "with the same filters: no claim has changed." in page


def test_a_report_page_compares_it_with_the_report_before_it(
    editor_client, two_releases, editor
):
    first, second, claims = two_releases
    download(editor_client, {"format": "csv"})
    workflow.transition(claims[2], "reopen", by=editor, note="Figures revised.")
    download(editor_client, {"format": "json"})
    older, newer = Report.objects.order_by("id")

    page = editor_client.get(newer.get_absolute_url()).content.decode()

    assert f"Against report #{older.pk}" in page
    assert "0 newly approved, 1 no longer approved." in page
    assert "The budget falls by 3%." in page
    assert newer.sha256 in page
    first_page = editor_client.get(older.get_absolute_url()).content.decode()
    assert "This is the first report made with these filters." in first_page


def test_a_report_page_makes_the_same_queries_however_many_claims_changed(
    editor_client, two_releases, reviewer, editor, django_assert_max_num_queries
):
    first, second, claims = two_releases
    download(editor_client, {"format": "csv"})
    workflow.transition(claims[0], "reopen", by=editor, note="Figures revised.")
    approved_claim("New claim.", reviewer=reviewer, editor=editor)
    download(editor_client, {"format": "csv"})
    with django_assert_max_num_queries(20) as few:
        editor_client.get(Report.objects.latest("id").get_absolute_url())
    # Counted now: the next requests clear the connection's query log.
    few_queries = len(few.captured_queries)
    for claim in claims[1:]:
        workflow.transition(claim, "reopen", by=editor, note="Figures revised.")
    for number in range(4):
        approved_claim(f"New claim {number}.", reviewer=reviewer, editor=editor,
                       speaker=factories.SpeakerFactory())  # fmt: skip
    download(editor_client, {"format": "csv"})

    with django_assert_max_num_queries(few_queries):
        page = editor_client.get(Report.objects.latest("id").get_absolute_url())
    assert "4 newly approved, 2 no longer approved." in page.content.decode()
