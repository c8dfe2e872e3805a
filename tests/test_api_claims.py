"""The claims API: lists, filters and search, a claim's detail, corrections, notes, evidence,
history and speakers, for each persona; and the JSON errors any input may produce."""

import pytest
from django.contrib.auth.models import Group
from django.db import connection
from django.test.utils import CaptureQueriesContext
from rest_framework.test import APIClient

from claims import workflow
from claims.models import Claim, ClaimEvent
from tests import factories
from tests.api_support import assert_error, logged_in, with_token

CLAIMS = "/api/v1/claims/"
# What a browser holds in its csrftoken cookie and echoes in the X-CSRFToken header.
CSRF_SECRET = "a" * 32


def detail_url(claim):
    return f"{CLAIMS}{claim.pk}/"


@pytest.fixture
def editor_client(editor):
    return logged_in(editor)


@pytest.fixture
def reviewer_client(reviewer):
    return logged_in(reviewer)


@pytest.fixture
def outsider_client(outsider):
    return logged_in(outsider)


@pytest.fixture
def claim(db):
    return factories.ClaimFactory(
        speaker=factories.SpeakerFactory(name="Jane Minister"), attribution="said the minister"
    )


# Who may read ----------------------------------------------------------------------------------


def test_anonymous_caller_is_asked_to_authenticate_with_a_token(client, claim):
    response = client.get(CLAIMS)

    body = assert_error(response, 401, "not_authenticated")
    assert response["WWW-Authenticate"] == "Token"
    assert "create_api_token" in body["detail"]


def test_outsider_cannot_list_claims(outsider_client, claim):
    body = assert_error(outsider_client.get(CLAIMS), 403, "permission_denied")
    assert "ask an editor" in body["detail"]


def test_outsider_cannot_read_a_claim(outsider_client, claim):
    assert_error(outsider_client.get(detail_url(claim)), 403, "permission_denied")


@pytest.mark.parametrize("persona", ["reviewer_client", "editor_client"])
def test_desk_members_list_claims(request, persona, claim):
    response = request.getfixturevalue(persona).get(CLAIMS)

    assert response.status_code == 200
    body = response.json()
    assert len(body["results"]) == 1
    assert body["next"] is None
    row = body["results"][0]
    assert row["id"] == claim.pk
    assert row["text"] == claim.text
    assert row["speaker"]["name"] == "Jane Minister"
    assert row["status"] == "pending"
    assert row["version"] == 1


def test_token_authentication_reads_claims(reviewer, claim):
    assert with_token(reviewer).get(CLAIMS).status_code == 200


def test_a_wrong_token_is_refused_with_401(claim):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Token not-a-real-token")

    assert_error(api.get(CLAIMS), 401, "authentication_failed")


def test_a_session_write_without_csrf_token_is_refused(editor, claim):
    api = APIClient(enforce_csrf_checks=True)
    api.force_login(editor)

    response = api.post(
        f"{detail_url(claim)}annotations/", {"body": "Checked."}, format="json"
    )

    body = assert_error(response, 403, "csrf_failed")
    assert "X-CSRFToken" in body["detail"]
    assert not claim.annotations.exists()


def test_a_session_write_with_csrf_token_is_accepted(editor, claim):
    api = APIClient(enforce_csrf_checks=True)
    api.force_login(editor)
    api.cookies["csrftoken"] = CSRF_SECRET

    response = api.post(
        f"{detail_url(claim)}annotations/",
        {"body": "Checked."},
        format="json",
        HTTP_X_CSRFTOKEN=CSRF_SECRET,
    )

    assert response.status_code == 201


# Filters and search ----------------------------------------------------------------------------


@pytest.fixture
def desk(db, reviewer, second_reviewer):
    """Claims in several statuses, kinds, releases and speakers."""
    nato = factories.ReleaseFactory(title="NATO and Japan deepen cooperation")
    budget = factories.ReleaseFactory(title="Budget for the new bridge")
    stoltenberg = factories.SpeakerFactory(name="Jens Stoltenberg")
    kishida = factories.SpeakerFactory(name="Fumio Kishida")
    claims = {
        "quote": _claim(nato, kind="quote", speaker=stoltenberg, score=1.0),
        "event": _claim(nato, kind="event", score=0.8),
        "quantity": _claim(budget, kind="quantity", speaker=kishida, score=0.3),
        "taken": _claim(budget, kind="event", score=0.6),
        "other_reviewer": _claim(budget, kind="comparison", score=0.1),
    }
    workflow.transition(claims["taken"], "take", by=reviewer)
    workflow.transition(claims["other_reviewer"], "take", by=second_reviewer)
    return {"nato": nato, "budget": budget, "stoltenberg": stoltenberg, **claims}


def _claim(release, **kwargs):
    paragraph = factories.ParagraphFactory(
        release=release, text=f"Paragraph about {release.title} number {Claim.objects.count()}."
    )
    return factories.ClaimFactory(paragraph=paragraph, **kwargs)


def _ids(response):
    assert response.status_code == 200, response.content
    return {row["id"] for row in response.json()["results"]}


def test_claims_filter_by_status(reviewer_client, desk):
    ids = _ids(reviewer_client.get(CLAIMS, {"status": "in_review"}))

    assert ids == {desk["taken"].pk, desk["other_reviewer"].pk}


def test_claims_filter_by_several_kinds(reviewer_client, desk):
    ids = _ids(reviewer_client.get(f"{CLAIMS}?kind=quote&kind=quantity"))

    assert ids == {desk["quote"].pk, desk["quantity"].pk}


def test_claims_filter_by_release_and_speaker(reviewer_client, desk):
    assert _ids(reviewer_client.get(CLAIMS, {"release": desk["nato"].pk})) == {
        desk["quote"].pk,
        desk["event"].pk,
    }
    assert _ids(reviewer_client.get(CLAIMS, {"speaker": desk["stoltenberg"].pk})) == {
        desk["quote"].pk
    }


def test_claims_filter_by_assignee_and_assigned_to_me(reviewer_client, reviewer, desk):
    assert _ids(reviewer_client.get(CLAIMS, {"assigned_to_me": "true"})) == {desk["taken"].pk}
    assert _ids(reviewer_client.get(CLAIMS, {"assignee": reviewer.pk})) == {desk["taken"].pk}


def test_claims_filter_by_score_range(reviewer_client, desk):
    ids = _ids(reviewer_client.get(CLAIMS, {"score_min": "0.5", "score_max": "0.9"}))

    assert ids == {desk["event"].pk, desk["taken"].pk}


def test_claims_filter_by_rating(reviewer_client, reviewer, desk):
    factories.EvidenceFactory(claim=desk["taken"], added_by=reviewer)
    workflow.transition(desk["taken"], "verify", by=reviewer, rating="accurate", **factories.RULING)

    assert _ids(reviewer_client.get(CLAIMS, {"rating": "accurate"})) == {desk["taken"].pk}


def test_claims_search_finds_text_speaker_and_release_title(reviewer_client, desk):
    assert _ids(reviewer_client.get(CLAIMS, {"q": "stoltenberg"})) == {desk["quote"].pk}
    assert len(_ids(reviewer_client.get(CLAIMS, {"q": "new bridge"}))) == 3


def test_claims_ordering_by_score(reviewer_client, desk):
    response = reviewer_client.get(CLAIMS, {"ordering": "-score"})

    scores = [row["score"] for row in response.json()["results"]]
    assert scores == sorted(scores, reverse=True)


@pytest.mark.parametrize(
    "query, field",
    [
        ({"release": "nato"}, "release"),
        ({"score_min": "high"}, "score_min"),
        ({"status": "finished"}, "status"),
        ({"ordering": "popularity"}, "ordering"),
        ({"page": "two"}, "page"),
        ({"page": "0"}, "page"),
        ({"page_size": "-5"}, "page_size"),
    ],
)
def test_claims_list_rejects_bad_query_values_with_400(reviewer_client, claim, query, field):
    body = assert_error(reviewer_client.get(CLAIMS, query), 400, "invalid")

    assert field in body["fields"]
    assert body["fields"][field][0]


@pytest.mark.parametrize("value", ["99999999999999999999999", "1e30", "-1.9e246", "-1"])
@pytest.mark.parametrize("name", ["release", "speaker", "assignee"])
def test_an_id_no_row_can_have_finds_nothing_or_is_refused(reviewer_client, claim, name, value):
    response = reviewer_client.get(CLAIMS, {name: value})

    if response.status_code == 400:
        assert name in response.json()["fields"]
    else:
        assert _ids(response) == set()


def test_a_page_number_is_refused_with_a_sentence_pointing_to_the_next_link(
    reviewer_client, claim
):
    body = assert_error(reviewer_client.get(CLAIMS, {"page": 3}), 400, "invalid")

    assert "“next” link" in body["fields"]["page"][0]


def test_page_size_is_capped_at_500(reviewer_client, claim):
    response = reviewer_client.get(CLAIMS, {"page_size": 100000})

    assert response.status_code == 200


def test_claims_list_is_paginated_at_50_by_default(reviewer_client, db):
    factories.ClaimFactory.create_batch(55)

    first = reviewer_client.get(CLAIMS).json()
    second = reviewer_client.get(first["next"]).json()

    assert "count" not in first
    assert len(first["results"]) == 50
    assert len(second["results"]) == 5
    assert second["next"] is None


# Query counts ----------------------------------------------------------------------------------


def _add_rows(count, claim, orator):
    """``count`` more rows in every list: claims (each with its own release, speaker and
    assignee), speakers, and notes, evidence and history of ``claim``, quotes of ``orator``."""
    for _ in range(count):
        checker = factories.reviewer(f"checker{Claim.objects.count()}")
        taken = factories.ClaimFactory(speaker=factories.SpeakerFactory())
        workflow.transition(taken, "take", by=checker)
        factories.ClaimFactory(speaker=orator, kind="quote")
        factories.AnnotationFactory(claim=claim, author=checker)
        factories.EvidenceFactory(claim=claim, added_by=checker)
        factories.event(claim, checker, "edit", "pending", "pending", note="Changed text.")


LISTS = {
    "claims": lambda claim, orator: CLAIMS,
    "claim_annotations": lambda claim, orator: f"{detail_url(claim)}annotations/",
    "claim_evidence": lambda claim, orator: f"{detail_url(claim)}evidence/",
    "claim_events": lambda claim, orator: f"{detail_url(claim)}events/",
    "speakers": lambda claim, orator: "/api/v1/speakers/",
    "speaker_quotes": lambda claim, orator: f"/api/v1/speakers/{orator.pk}/",
}


def _rows(body):
    return len(body["results"] if "results" in body else body["quotes"])


@pytest.mark.parametrize("name", LISTS)
def test_list_endpoints_make_the_same_number_of_queries_for_5_and_60_rows(
    reviewer_client, django_assert_max_num_queries, name
):
    claim = factories.ClaimFactory()
    orator = factories.SpeakerFactory(name="Jens Stoltenberg")
    url = LISTS[name](claim, orator)
    _add_rows(5, claim, orator)
    with CaptureQueriesContext(connection) as few:
        assert _rows(reviewer_client.get(url, {"page_size": 500}).json()) >= 5

    _add_rows(55, claim, orator)
    with django_assert_max_num_queries(len(few)):
        response = reviewer_client.get(url, {"page_size": 500})
    assert _rows(response.json()) >= 60
    # Session, user and its permissions (3-4), the claim for nested lists, count and page; a
    # speaker's record also reads its counts (one statement), roles, merged records, history.
    assert len(few) <= (11 if name == "speaker_quotes" else 7)


# A claim's detail ------------------------------------------------------------------------------


def test_claim_detail_shows_source_paragraph_speaker_and_version(reviewer_client, claim):
    body = reviewer_client.get(detail_url(claim)).json()

    assert body["paragraph_text"] == claim.paragraph.text
    assert body["paragraph_text"][body["start"] : body["end"]] == body["text"]
    assert body["speaker"]["name"] == "Jane Minister"
    assert body["attribution"] == "said the minister"
    assert body["reasons"] == ["date"]
    assert body["version"] == 1


def test_claim_detail_lists_the_actions_of_the_caller(reviewer_client, editor_client, claim):
    reviewer_actions = reviewer_client.get(detail_url(claim)).json()["allowed_actions"]
    editor_actions = editor_client.get(detail_url(claim)).json()["allowed_actions"]

    assert reviewer_actions == ["take"]
    assert editor_actions == ["take", "assign", "dismiss"]


@pytest.mark.parametrize("path", ["999999", "99999999999999999999999999"])
def test_a_missing_claim_is_a_json_404(reviewer_client, db, path):
    body = assert_error(reviewer_client.get(f"{CLAIMS}{path}/"), 404, "not_found")

    assert "no claim" in body["detail"] or "no endpoint" in body["detail"]


def test_a_non_numeric_claim_id_is_a_json_404(reviewer_client, db):
    assert_error(reviewer_client.get(f"{CLAIMS}abc/"), 404, "not_found")


def test_a_path_without_its_trailing_slash_answers_like_the_path_with_it(reviewer_client, db):
    factories.ClaimFactory(status="pending")
    without = reviewer_client.get("/api/v1/claims?status=pending")
    with_slash = reviewer_client.get("/api/v1/claims/?status=pending")

    assert without.status_code == 200
    assert without.json() == with_slash.json()
    assert without.json()["results"]


@pytest.mark.parametrize(
    "path", ["/api/v2/nothing/", "/api/v1/claims/%0A/events/", "/api/v1/claims/%C3%87%F1%B4/"]
)
def test_an_unknown_api_path_is_a_json_404(reviewer_client, db, path):
    assert_error(reviewer_client.get(path), 404, "not_found")


def test_a_post_to_an_unknown_api_path_is_a_json_404_not_a_csrf_page(editor, db):
    api = APIClient(enforce_csrf_checks=True)
    api.force_login(editor)

    assert_error(api.post("/api/v1/claim/1/", {}, format="json"), 404, "not_found")


# Corrections -----------------------------------------------------------------------------------


def test_editor_corrects_the_attribution_and_the_history_records_it(editor_client, claim):
    response = editor_client.patch(
        detail_url(claim),
        {"attribution": "the minister told reporters", "version": 1},
        format="json",
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["attribution"] == "the minister told reporters"
    assert body["version"] == 2
    event = ClaimEvent.objects.get(claim=claim)
    assert event.action == "edit"
    assert "attribution" in event.note


def test_editor_corrects_the_span_and_text_together(editor_client, claim):
    words = claim.paragraph.text.split(" ")
    new_text = " ".join(words[:4])

    response = editor_client.patch(
        detail_url(claim),
        {"text": new_text, "start": 0, "end": len(new_text), "version": 1},
        format="json",
    )

    assert response.status_code == 200, response.content
    claim.refresh_from_db()
    assert claim.text == new_text


def test_a_correction_with_a_stale_version_is_409_and_changes_nothing(
    editor_client, editor, claim
):
    workflow.edit_claim(claim, by=editor, version=1, attribution="first change")

    response = editor_client.patch(
        detail_url(claim), {"attribution": "second change", "version": 1},
        format="json",
    )

    body = assert_error(response, 409, "stale_version")
    assert "reload" in body["detail"]
    claim.refresh_from_db()
    assert claim.attribution == "first change"


def test_a_correction_whose_text_does_not_match_the_span_is_400(editor_client, claim):
    response = editor_client.patch(
        detail_url(claim), {"text": "Something else", "version": 1},
        format="json",
    )

    assert_error(response, 400, "missing_requirement")
    claim.refresh_from_db()
    assert claim.version == 1


def test_a_correction_needs_the_version(editor_client, claim):
    response = editor_client.patch(
        detail_url(claim), {"attribution": "x"}, format="json"
    )

    body = assert_error(response, 400, "invalid")
    assert "version" in body["fields"]


@pytest.mark.parametrize("field", ["status", "rating", "assignee", "score"])
def test_a_correction_cannot_touch_the_review_fields(editor_client, claim, field):
    response = editor_client.patch(
        detail_url(claim), {field: "approved", "version": 1}, format="json"
    )

    body = assert_error(response, 400, "invalid")
    assert field in body["fields"]
    claim.refresh_from_db()
    assert (claim.status, claim.version) == ("pending", 1)


def test_reviewer_cannot_correct_a_claim(reviewer_client, claim):
    response = reviewer_client.patch(
        detail_url(claim), {"attribution": "x", "version": 1}, format="json"
    )

    assert_error(response, 403, "permission_denied")


def test_anonymous_cannot_correct_a_claim(client, claim):
    response = client.patch(
        detail_url(claim), {"attribution": "x", "version": 1}, format="json"
    )

    assert_error(response, 401, "not_authenticated")


@pytest.mark.parametrize(
    "method, url", [("put", "detail"), ("delete", "detail"), ("delete", "list")]
)
def test_claims_cannot_be_replaced_or_deleted(editor_client, claim, method, url):
    # Adding one by hand is POST /api/v1/claims/ (tests/test_corrections.py).
    target = detail_url(claim) if url == "detail" else CLAIMS

    response = getattr(editor_client, method)(target, {}, format="json")

    body = assert_error(response, 405, "method_not_allowed")
    assert "GET" in body["detail"]
    assert Claim.objects.filter(pk=claim.pk).exists()


# Bad input never answers 500 -------------------------------------------------------------------


@pytest.mark.parametrize(
    "payload",
    [
        "{not json",
        '{"attribution": ',
        "[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[",
        "NaN",
    ],
)
def test_malformed_json_is_a_400_parse_error(editor_client, claim, payload):
    response = editor_client.patch(detail_url(claim), payload, content_type="application/json")

    assert_error(response, 400, "parse_error")


def test_deeply_nested_json_is_refused_without_a_server_error(editor_client, claim):
    payload = "[" * 100_000 + "]" * 100_000

    response = editor_client.patch(detail_url(claim), payload, content_type="application/json")

    assert_error(response, 400, "parse_error")


@pytest.mark.parametrize(
    "payload, field",
    [
        ({"version": "one"}, "version"),
        ({"version": 1, "start": "first"}, "start"),
        ({"version": 1, "start": -4}, "start"),
        ({"version": 1, "speaker": 99999999999999999999}, "speaker"),
        ({"version": 1, "speaker": "Jane"}, "speaker"),
        ({"version": 1, "kind": "rumour"}, "kind"),
        ({"version": 10**30}, "version"),
        ({"version": 1, "text": None}, "text"),
    ],
)
def test_wrong_types_are_400_with_the_field_named(editor_client, claim, payload, field):
    response = editor_client.patch(detail_url(claim), payload, format="json")

    body = assert_error(response, 400, "invalid")
    assert field in body["fields"]


def test_a_json_list_instead_of_an_object_is_400(editor_client, claim):
    response = editor_client.patch(detail_url(claim), [1, 2], format="json")

    assert_error(response, 400, "invalid")


def test_a_body_in_another_format_is_415(editor_client, claim):
    response = editor_client.patch(detail_url(claim), "version=1", content_type="text/plain")

    body = assert_error(response, 415, "unsupported_media_type")
    assert "application/json" in body["detail"]


# Notes, evidence and history -------------------------------------------------------------------


def test_reviewer_adds_a_note_and_sees_it_in_the_discussion(reviewer_client, reviewer, claim):
    url = f"{detail_url(claim)}annotations/"

    created = reviewer_client.post(url, {"body": "Ministry confirms."}, format="json")
    listed = reviewer_client.get(url).json()

    assert created.status_code == 201, created.content
    assert created.json()["author"]["username"] == reviewer.username
    assert [row["body"] for row in listed["results"]] == ["Ministry confirms."]


def test_an_empty_note_is_refused(reviewer_client, claim):
    response = reviewer_client.post(
        f"{detail_url(claim)}annotations/", {"body": "   "}, format="json"
    )

    body = assert_error(response, 400, "invalid")
    assert "body" in body["fields"]


def test_outsider_cannot_add_a_note(outsider_client, claim):
    response = outsider_client.post(
        f"{detail_url(claim)}annotations/", {"body": "Hi"}, format="json"
    )

    assert_error(response, 403, "permission_denied")
    assert not claim.annotations.exists()


def test_anonymous_cannot_read_notes(client, claim):
    assert_error(client.get(f"{detail_url(claim)}annotations/"), 401, "not_authenticated")


def test_a_user_without_the_annotate_permission_cannot_add_a_note(claim):
    """A desk member who may look but not review (e.g. a read-only group)."""
    viewer = factories.UserFactory(username="viewer")
    readers = Group.objects.create(name="Readers")
    readers.permissions.set(Group.objects.get(name="Reviewers").permissions.filter(
        codename__startswith="view_"
    ))
    viewer.groups.add(readers)
    api = APIClient()
    api.force_authenticate(viewer)

    assert api.get(f"{detail_url(claim)}annotations/").status_code == 200
    response = api.post(f"{detail_url(claim)}annotations/", {"body": "Hi"}, format="json")
    assert_error(response, 403, "permission_denied")


def test_notes_of_a_missing_claim_are_404(reviewer_client, db):
    assert_error(reviewer_client.get(f"{CLAIMS}424242/annotations/"), 404, "not_found")
    response = reviewer_client.post(
        f"{CLAIMS}424242/annotations/", {"body": "Hi"}, format="json"
    )
    assert_error(response, 404, "not_found")


def test_reviewer_adds_evidence_with_a_web_address(reviewer_client, reviewer, claim):
    url = f"{detail_url(claim)}evidence/"

    response = reviewer_client.post(
        url,
        {
            "url": "https://www.example.org/budget.pdf",
            "title": "Budget",
            "excerpt": "£40m",
            "stance": "contradicts",
        },
        format="json",
    )

    assert response.status_code == 201, response.content
    assert response.json()["added_by"]["username"] == reviewer.username
    assert response.json()["stance"] == "contradicts"
    assert reviewer_client.get(url).json()["count"] == 1


def test_evidence_says_whether_it_supports_or_contradicts_the_claim(reviewer_client, claim):
    response = reviewer_client.post(
        f"{detail_url(claim)}evidence/", {"url": "https://www.example.org/"}, format="json"
    )

    body = assert_error(response, 400, "invalid")
    assert body["fields"]["stance"] == [
        "Say what the evidence does: supports, contradicts or context."
    ]
    assert not claim.evidence.exists()


@pytest.mark.parametrize(
    "address", ["not a url", "javascript:alert(1)", "ftp://example.org/x", "", "http://"]
)
def test_evidence_needs_a_web_address(reviewer_client, claim, address):
    response = reviewer_client.post(
        f"{detail_url(claim)}evidence/", {"url": address}, format="json"
    )

    body = assert_error(response, 400, "invalid")
    assert "url" in body["fields"]
    assert not claim.evidence.exists()


def test_outsider_cannot_add_evidence(outsider_client, claim):
    response = outsider_client.post(
        f"{detail_url(claim)}evidence/",
        {"url": "https://example.org/", "stance": "supports"},
        format="json",
    )

    assert_error(response, 403, "permission_denied")


def test_the_history_lists_each_change_and_is_read_only(reviewer_client, reviewer, claim):
    workflow.transition(claim, "take", by=reviewer)
    url = f"{detail_url(claim)}events/"

    rows = reviewer_client.get(url).json()["results"]
    refused = reviewer_client.post(url, {"action": "take"}, format="json")

    assert [(r["action"], r["from_status"], r["to_status"]) for r in rows] == [
        ("take", "pending", "in_review")
    ]
    assert rows[0]["actor"]["username"] == reviewer.username
    assert_error(refused, 405, "method_not_allowed")


def test_outsider_cannot_read_the_history(outsider_client, claim):
    assert_error(outsider_client.get(f"{detail_url(claim)}events/"), 403, "permission_denied")


# Speakers --------------------------------------------------------------------------------------


def test_speakers_list_counts_their_quotes(reviewer_client, db):
    speaker = factories.SpeakerFactory(name="Jens Stoltenberg")
    factories.ClaimFactory(speaker=speaker, kind="quote")
    factories.ClaimFactory(speaker=speaker, kind="reported_speech")

    rows = reviewer_client.get("/api/v1/speakers/").json()["results"]

    assert [(row["name"], row["quote_count"]) for row in rows] == [("Jens Stoltenberg", 1)]


def test_a_speaker_shows_every_quote_with_its_release(reviewer_client, db):
    speaker = factories.SpeakerFactory(name="Jens Stoltenberg")
    quote = factories.ClaimFactory(speaker=speaker, kind="quote")
    factories.ClaimFactory(speaker=speaker, kind="event")

    body = reviewer_client.get(f"/api/v1/speakers/{speaker.pk}/").json()

    assert [q["id"] for q in body["quotes"]] == [quote.pk]
    assert body["quotes"][0]["release_title"] == quote.release.title


def test_outsider_cannot_list_speakers(outsider_client, db):
    assert_error(outsider_client.get("/api/v1/speakers/"), 403, "permission_denied")


def test_anonymous_cannot_list_speakers(client, db):
    assert_error(client.get("/api/v1/speakers/"), 401, "not_authenticated")


def test_a_missing_speaker_is_404(reviewer_client, db):
    body = assert_error(reviewer_client.get("/api/v1/speakers/987654/"), 404, "not_found")

    assert "no speaker" in body["detail"]
