"""The releases API: list with filters, a release with its paragraphs and progress, and import
(JSON text or an uploaded file), for each persona."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import workflow
from claims.models import Release
from tests import factories
from tests.api_support import assert_error, logged_in, with_token

RELEASES = "/api/v1/releases/"

GRANT = (
    "University wins grant for flood research\n"
    "Professor Amara Okafor, Head of Earth Sciences, said: “This grant lets us study floods.”\n"
    "The £2.4 million grant runs until 2029.\n"
)


def _ids(response):
    assert response.status_code == 200, response.content
    return [row["id"] for row in response.json()["results"]]


# Reading ---------------------------------------------------------------------------------------


def test_anonymous_cannot_list_releases(client, db):
    response = client.get(RELEASES)

    assert_error(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"] == "Token"


def test_outsider_cannot_list_releases(outsider):
    assert_error(logged_in(outsider).get(RELEASES), 403, "permission_denied")


@pytest.mark.parametrize("persona", ["reviewer", "editor"])
def test_desk_members_see_the_seed_release_with_its_progress(request, persona, seed_release):
    api = logged_in(request.getfixturevalue(persona))

    rows = api.get(RELEASES).json()["results"]

    assert [row["title"] for row in rows] == [seed_release.title]
    row = rows[0]
    assert row["organization"] == "NATO"
    assert row["claim_count"] == seed_release.claims.count() > 0
    assert row["status_counts"]["pending"] == row["claim_count"]
    assert row["status_counts"]["approved"] == 0


def test_a_release_imported_by_a_command_has_no_importer(reviewer, db):
    release = factories.ReleaseFactory(imported_by=None)

    body = logged_in(reviewer).get(f"{RELEASES}{release.pk}/").json()

    assert body["imported_by"] is None


def test_a_release_shows_its_paragraphs_and_counts_by_status(reviewer, seed_release):
    claim = seed_release.claims.first()
    workflow.transition(claim, "take", by=reviewer)

    body = logged_in(reviewer).get(f"{RELEASES}{seed_release.pk}/").json()

    assert body["paragraphs"][0] == {"position": 0, "text": seed_release.title}
    assert len(body["paragraphs"]) == seed_release.paragraphs.count()
    assert body["status_counts"]["in_review"] == 1
    assert sum(body["status_counts"].values()) == body["claim_count"]


def test_outsider_cannot_read_a_release(outsider, seed_release):
    response = logged_in(outsider).get(f"{RELEASES}{seed_release.pk}/")

    assert_error(response, 403, "permission_denied")


def test_a_missing_release_is_404(reviewer, db):
    body = assert_error(logged_in(reviewer).get(f"{RELEASES}31337/"), 404, "not_found")

    assert "no release with id 31337" in body["detail"]


@pytest.fixture
def releases(db):
    return {
        "nato": factories.ReleaseFactory(
            title="NATO and Japan", organization="NATO", published_on=datetime.date(2023, 1, 31)
        ),
        "un": factories.ReleaseFactory(
            title="Climate summit", organization="United Nations",
            published_on=datetime.date(2023, 11, 30),
        ),
        "undated": factories.ReleaseFactory(title="Undated note", organization="NATO"),
    }


def test_releases_filter_by_organization_ignoring_case(reviewer, releases):
    ids = _ids(logged_in(reviewer).get(RELEASES, {"organization": "nato"}))

    assert set(ids) == {releases["nato"].pk, releases["undated"].pk}


def test_releases_filter_by_publication_date_range(reviewer, releases):
    api = logged_in(reviewer)

    after = _ids(api.get(RELEASES, {"published_after": "2023-06-01"}))
    within = _ids(
        api.get(RELEASES, {"published_after": "2023-01-01", "published_before": "2023-02-01"})
    )

    assert after == [releases["un"].pk]
    assert within == [releases["nato"].pk]


def test_releases_search_by_title(reviewer, releases):
    assert _ids(logged_in(reviewer).get(RELEASES, {"q": "climate"})) == [releases["un"].pk]


@pytest.mark.parametrize("query", [{"published_after": "last week"}, {"page": "x"}])
def test_bad_release_filters_are_400(reviewer, releases, query):
    body = assert_error(logged_in(reviewer).get(RELEASES, query), 400, "invalid")

    assert set(query) <= set(body["fields"])


def test_release_lists_make_the_same_number_of_queries_for_5_and_60_rows(
    reviewer, django_assert_max_num_queries
):
    api = logged_in(reviewer)
    for _ in range(5):
        factories.ClaimFactory(paragraph__release=factories.ReleaseFactory())
    with CaptureQueriesContext(connection) as few:
        assert api.get(RELEASES).status_code == 200

    for _ in range(55):
        factories.ClaimFactory(paragraph__release=factories.ReleaseFactory())
    with django_assert_max_num_queries(len(few)):
        assert len(api.get(RELEASES, {"page_size": 100}).json()["results"]) == 60
    # The shown releases' claim counts are a query of their own.
    assert len(few) <= 7


def test_a_release_reads_in_the_same_number_of_queries_for_5_and_60_paragraphs(
    reviewer, django_assert_max_num_queries
):
    api = logged_in(reviewer)
    release = factories.ReleaseFactory()
    factories.ParagraphFactory.create_batch(5, release=release)
    with CaptureQueriesContext(connection) as few:
        assert api.get(f"{RELEASES}{release.pk}/").status_code == 200

    factories.ParagraphFactory.create_batch(55, release=release)
    with django_assert_max_num_queries(len(few)):
        assert len(api.get(f"{RELEASES}{release.pk}/").json()["paragraphs"]) == 60


# Importing -------------------------------------------------------------------------------------


def test_editor_imports_a_release_as_json_text(editor):
    response = logged_in(editor).post(
        RELEASES,
        {
            "text": GRANT,
            "url": "https://www.example.ac.uk/news/flood-grant",
            "organization": "University of Example",
            "published_on": "2024-03-05",
        },
        format="json",
    )

    assert response.status_code == 201, response.content
    body = response.json()
    release = Release.objects.get(pk=body["id"])
    assert response["Location"].endswith(f"{RELEASES}{release.pk}/")
    assert body["title"] == "University wins grant for flood research"
    assert body["source_url"] == "https://www.example.ac.uk/news/flood-grant"
    assert body["published_on"] == "2024-03-05"
    assert body["imported_by"]["username"] == editor.username
    assert body["summary"].startswith(f"Imported release #{release.pk}")
    assert body["claim_count"] == release.claims.count() > 0
    assert len(body["paragraphs"]) == 3


def test_importing_the_same_text_again_answers_200_with_the_existing_release(editor):
    api = with_token(editor)
    first = api.post(RELEASES, {"text": GRANT}, format="json")

    again = api.post(RELEASES, {"text": GRANT, "organization": "Someone else"}, format="json")

    assert again.status_code == 200, again.content
    assert again.json()["id"] == first.json()["id"]
    assert again.json()["summary"].startswith("Already imported")
    assert Release.objects.count() == 1


def test_editor_uploads_a_release_file(editor):
    upload = SimpleUploadedFile("grant.txt", GRANT.encode("utf-8-sig"), "text/plain")

    response = logged_in(editor).post(
        RELEASES, {"file": upload, "organization": "University of Example"}, format="multipart"
    )

    assert response.status_code == 201, response.content
    assert response.json()["organization"] == "University of Example"


def test_editor_uploads_the_seed_release(editor):
    upload = SimpleUploadedFile("nato.txt", factories.seed_text().encode(), "text/plain")

    response = logged_in(editor).post(RELEASES, {"file": upload}, format="multipart")

    assert response.status_code == 201, response.content
    assert response.json()["status_counts"]["pending"] >= 12


def test_a_binary_file_is_refused_with_a_sentence(editor):
    upload = SimpleUploadedFile("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)

    response = logged_in(editor).post(RELEASES, {"file": upload}, format="multipart")

    body = assert_error(response, 400, "import_refused")
    assert "not text" in body["detail"]
    assert Release.objects.count() == 0


def test_text_of_only_whitespace_is_refused(editor):
    response = logged_in(editor).post(RELEASES, {"text": "  \n\n  "}, format="json")

    assert_error(response, 400, "import_refused")


def test_text_over_the_size_limit_is_refused(editor, settings):
    settings.FACTCHECK_MAX_RELEASE_BYTES = 100

    response = logged_in(editor).post(RELEASES, {"text": GRANT}, format="json")

    body = assert_error(response, 400, "import_refused")
    assert "over the limit" in body["detail"]


def test_a_file_over_the_size_limit_is_refused_before_reading_it(editor, settings):
    settings.FACTCHECK_MAX_RELEASE_BYTES = 100
    upload = SimpleUploadedFile("grant.txt", GRANT.encode())

    response = logged_in(editor).post(RELEASES, {"file": upload}, format="multipart")

    body = assert_error(response, 400, "invalid")
    assert "over the limit" in body["fields"]["file"][0]


def test_a_json_body_over_the_request_limit_is_413(editor, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 200

    response = logged_in(editor).post(RELEASES, {"text": GRANT * 3}, format="json")

    body = assert_error(response, 413, "request_too_large")
    assert "over the limit of 200 bytes" in body["detail"]
    assert Release.objects.count() == 0


def test_a_form_field_over_the_request_limit_is_413(editor, settings):
    settings.DATA_UPLOAD_MAX_MEMORY_SIZE = 200

    response = logged_in(editor).post(RELEASES, {"text": GRANT * 3}, format="multipart")

    assert_error(response, 413, "request_too_large")
    assert Release.objects.count() == 0


@pytest.mark.parametrize(
    "payload, field",
    [
        ({}, "non_field_errors"),
        ({"text": GRANT, "url": "javascript:alert(1)"}, "url"),
        ({"text": GRANT, "published_on": "31/01/2023"}, "published_on"),
        ({"text": GRANT, "organization": "x" * 201}, "organization"),
        ({"text": "Headline\x00with a null"}, "text"),
    ],
)
def test_bad_import_input_is_400_with_the_field_named(editor, payload, field):
    body = assert_error(logged_in(editor).post(RELEASES, payload, format="json"), 400, "invalid")

    assert field in body["fields"]
    assert Release.objects.count() == 0


def test_text_and_file_together_are_refused(editor):
    upload = SimpleUploadedFile("grant.txt", GRANT.encode())

    response = logged_in(editor).post(
        RELEASES, {"file": upload, "text": GRANT}, format="multipart"
    )

    body = assert_error(response, 400, "invalid")
    assert "one of the two" in body["detail"]


def test_reviewer_cannot_import(reviewer):
    response = logged_in(reviewer).post(RELEASES, {"text": GRANT}, format="json")

    body = assert_error(response, 403, "permission_denied")
    assert "Only editors" in body["detail"]
    assert Release.objects.count() == 0


def test_outsider_cannot_import(outsider):
    response = logged_in(outsider).post(RELEASES, {"text": GRANT}, format="json")

    assert_error(response, 403, "permission_denied")


def test_anonymous_cannot_import(client, db):
    response = client.post(RELEASES, {"text": GRANT}, "application/json")

    assert_error(response, 401, "not_authenticated")
    assert Release.objects.count() == 0


@pytest.mark.parametrize("method", ["put", "patch", "delete"])
def test_releases_cannot_be_changed_or_deleted_over_the_api(editor, seed_release, method):
    response = getattr(logged_in(editor), method)(f"{RELEASES}{seed_release.pk}/")

    assert_error(response, 405, "method_not_allowed")
    assert Release.objects.filter(pk=seed_release.pk).exists()


def test_a_release_over_the_paragraph_limit_is_refused_and_nothing_is_saved(editor, settings):
    settings.FACTCHECK_MAX_PARAGRAPHS = 3
    text = "Headline\n\n" + "\n\n".join(f"Paragraph {n} of the release." for n in range(6))

    response = logged_in(editor).post(RELEASES, {"text": text}, format="json")

    body = assert_error(response, 400, "import_refused")
    assert body["detail"] == ("This release has 7 paragraphs; factcheck takes at most 3. "
                              "Split it or raise FACTCHECK_MAX_PARAGRAPHS.")
    assert Release.objects.count() == 0


def test_a_file_with_a_nul_byte_past_its_first_kilobytes_imports(editor):
    body = "Harbour board opens new quay\n\n" + "The quay is open. " * 600 + "\x00 More.\n"
    upload = SimpleUploadedFile("quay.txt", b"\xef\xbb\xbf" + body.encode())

    response = logged_in(editor).post(RELEASES, {"file": upload}, format="multipart")

    assert response.status_code == 201
    assert "\x00" not in Release.objects.get().body
