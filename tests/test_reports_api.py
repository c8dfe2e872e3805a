"""The reports API: exporting approved claims in each format, listing and re-downloading reports."""

import hashlib
import json
from urllib.parse import urlencode

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims.models import Report
from claims.reports import printable
from tests.api_support import assert_error, logged_in
from tests.test_reports_formats import HOSTILE, approved_claim, csv_rows, export, require_pdf

APPROVED = "/api/v1/reports/approved/"
REPORTS = "/api/v1/reports/"


def post_export(api, params):
    """Export as a script would: POST, with the format and filters in the query string."""
    return api.post(f"{APPROVED}?{urlencode(params, doseq=True)}")


def streamed(response):
    return b"".join(response.streaming_content)


@pytest.fixture
def api(editor):
    return logged_in(editor)


@pytest.fixture
def claims(reviewer, editor):
    return [
        approved_claim("The bridge cost £40 million.", reviewer=reviewer, editor=editor),
        approved_claim("Unemployment halved.", reviewer=reviewer, editor=editor,
                       rating="unverifiable"),
        approved_claim(HOSTILE, reviewer=reviewer, editor=editor, kind="event"),
    ]  # fmt: skip


# Who may export


def test_anonymous_callers_get_401_from_every_report_endpoint(client, claims, editor):
    export("csv", by=editor)
    report = Report.objects.get()
    for url in (f"{APPROVED}?format=csv", REPORTS, f"{REPORTS}{report.pk}/",
                f"{REPORTS}{report.pk}/download/"):  # fmt: skip
        response = APIClient().get(url)
        assert_error(response, 401, "not_authenticated")
        assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize("persona", ["reviewer", "outsider"])
def test_only_editors_may_export_or_download(request, persona, claims, editor):
    export("csv", by=editor)
    report = Report.objects.get()
    api = logged_in(request.getfixturevalue(persona))

    for url in (f"{APPROVED}?format=csv", REPORTS, f"{REPORTS}{report.pk}/",
                f"{REPORTS}{report.pk}/download/"):  # fmt: skip
        body = assert_error(api.get(url), 403, "permission_denied")
        assert "Only editors can export reports" in body["detail"]
    assert Report.objects.count() == 1


def test_a_get_of_the_export_records_no_report(api, claims):
    """A link followed or prefetched (GET) must not record a report: only POST exports."""
    response = api.get(APPROVED, {"format": "csv"})
    body = assert_error(response, 405, "method_not_allowed")
    assert "POST" in body["detail"]
    assert not Report.objects.exists()


def test_a_token_works_like_a_session(claims, editor):
    token = Token.objects.create(user=editor)
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {token.key}")

    response = post_export(api, {"format": "json"})

    assert response.status_code == 200
    assert json.loads(streamed(response))["count"] == 3


# Exporting


@pytest.mark.parametrize(
    "format, content_type",
    [
        ("csv", "text/csv; charset=utf-8"),
        ("json", "application/json"),
        ("claimreview", "application/ld+json"),
        ("html", "text/html; charset=utf-8"),
        ("pdf", "application/pdf"),
    ],
)
def test_each_format_is_exported_recorded_and_downloads_again_identically(
    api, claims, editor, format, content_type
):
    if format == "pdf":
        require_pdf()
    response = post_export(api, {"format": format})

    assert response.status_code == 200
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"].startswith("attachment; filename=")
    content = streamed(response)
    report = Report.objects.get()
    assert report.format == format
    assert report.created_by == editor
    assert report.row_count == 3
    assert report.sha256 == hashlib.sha256(content).hexdigest()

    again = api.get(f"{REPORTS}{report.pk}/download/")
    assert again.status_code == 200
    assert again["Content-Type"] == content_type
    assert hashlib.sha256(streamed(again)).hexdigest() == report.sha256


def test_the_export_takes_the_filters_of_the_reports_page(api, claims):
    response = post_export(
        api, {"format": "csv", "rating": ["accurate", "unverifiable"], "kind": "quote"}
    )

    header, *rows = csv_rows(streamed(response))
    assert sorted(row[header.index("claim text")] for row in rows) == [
        "The bridge cost £40 million.",
        "Unemployment halved.",
    ]
    report = Report.objects.get()
    assert report.filters == {"kind": ["quote"], "rating": ["accurate", "unverifiable"]}
    assert report.description == "Kinds: direct quote; ratings: accurate, unverifiable"


def test_invalid_filters_are_400_with_each_problem(api, claims):
    response = post_export(
        api, {"format": "csv", "since": "yesterday", "rating": "great", "release": "x"}
    )

    body = assert_error(response, 400, "invalid")
    assert set(body["fields"]) == {"since", "rating", "release"}
    assert not Report.objects.exists()


def test_a_reversed_date_range_is_400(api, claims):
    response = post_export(api, {"format": "csv", "since": "2024-02-01", "until": "2024-01-01"})

    body = assert_error(response, 400, "invalid")
    assert "swap them" in body["detail"]


def test_a_missing_or_unknown_format_is_400(api, claims):
    body = assert_error(post_export(api, {}), 400, "unknown_format")
    assert body["detail"] == "Choose the report's format: csv, json, claimreview, html, pdf."

    body = assert_error(post_export(api, {"format": "xlsx"}), 400, "unknown_format")
    assert "“xlsx” is not a report format" in body["detail"]
    assert not Report.objects.exists()


def test_a_printable_report_of_too_many_claims_is_400(monkeypatch, api, claims):
    monkeypatch.setattr(printable, "PRINTABLE_LIMIT", 2)

    body = assert_error(post_export(api, {"format": "html"}), 400, "too_many_claims")
    assert "narrow the filters" in body["detail"]


# Recorded reports


def test_reports_are_listed_newest_first_without_their_claim_ids(
    api, claims, editor, django_assert_max_num_queries
):
    export("csv", by=editor)
    with django_assert_max_num_queries(10) as few:
        api.get(REPORTS)
    for format in ("json", "claimreview", "csv"):
        export(format, by=editor)

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = api.get(REPORTS)

    body = response.json()
    assert body["count"] == 4
    newest = body["results"][0]
    assert newest["format"] == "csv"
    assert newest["row_count"] == 3
    assert newest["created_by"]["username"] == "editor"
    assert newest["description"] == "All approved claims"
    assert newest["download_url"].endswith(f"/api/v1/reports/{newest['id']}/download/")
    assert "claim_ids" not in newest


def test_a_report_shows_its_claim_ids(api, claims, editor):
    _, report = export("json", by=editor)

    body = api.get(f"{REPORTS}{report.pk}/").json()

    assert sorted(body["claim_ids"]) == sorted(claim.pk for claim in claims)
    assert body["sha256"] == report.sha256
    assert body["filters"] == {}


def test_a_missing_report_is_a_json_404(api):
    body = assert_error(api.get(f"{REPORTS}999/download/"), 404, "not_found")
    assert body["detail"] == "There is no report with id 999."
