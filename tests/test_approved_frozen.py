"""Approved means frozen (issue 14, finding 4).

An approved claim is a published fact-check: its text, span, kind, speaker and evidence change
only after a reopen, whoever asks and however (workflow, page, API, admin). Notes stay open as
post-approval notes, which change nothing published. A dismissed claim takes no notes or
evidence until it is restored. Every note and piece of evidence appears in the history.
"""

import json

import pytest
from django.db import connection

from claims import workflow
from claims.models import Annotation, Claim, ClaimEvent, Evidence
from claims.reports import bind_filters, export_of
from tests import factories
from tests.api_support import assert_error, logged_in
from tests.test_workflow import _at_once, claim_in, reload

pytestmark = pytest.mark.django_db

NEW_EVIDENCE = {
    "stance": "context",
    "url": "https://www.example.org/late-finding",
    "title": "A later finding",
    "excerpt": "Found after the approval.",
}


@pytest.fixture
def approved(editor, second_editor, reviewer):
    return claim_in("approved", editor=editor, reviewer=reviewer, approver=second_editor)


@pytest.fixture
def dismissed(editor, reviewer):
    return claim_in("dismissed", editor=editor, reviewer=reviewer)


def published(claim, by):
    """The JSON report of the approved claims, as an export would publish it."""
    filters = bind_filters({})
    assert filters.is_valid()
    export = export_of("json", filters, by=by, base_url="http://testserver/")
    body = json.loads(b"".join(export))
    return [row for row in body["claims"] if row["id"] == claim.pk]


def state(claim):
    """Everything of a claim that an export or the public page shows."""
    claim = reload(claim)
    return (
        claim.status, claim.text, claim.start, claim.end, claim.kind, claim.speaker_id,
        claim.attribution, claim.approved_by_id, claim.version,
        list(claim.evidence.values_list("url", flat=True)),
    )


# The workflow refuses, whoever asks


def test_an_editor_cannot_correct_an_approved_claim_until_it_is_reopened(
    approved, editor, second_editor
):
    before = state(approved)
    with pytest.raises(workflow.InvalidTransition, match="reopen it"):
        workflow.edit_claim(approved, by=editor, version=approved.version, kind="comparison")
    assert state(approved) == before

    workflow.transition(approved, "reopen", by=second_editor, note="The kind is wrong.")
    claim = reload(approved)
    workflow.edit_claim(claim, by=editor, version=claim.version, kind="comparison")
    assert (reload(claim).kind, reload(claim).status) == ("comparison", "in_review")


@pytest.mark.parametrize("field", ["text", "span", "kind", "speaker", "attribution"])
def test_no_field_of_an_approved_claim_can_be_corrected(approved, editor, field):
    paragraph = approved.paragraph
    changes = {
        "text": {"text": paragraph.text[:10], "end": 10},
        "span": {"start": 1, "text": paragraph.text[1 : approved.end]},
        "kind": {"kind": "quantity"},
        "speaker": {"speaker": factories.SpeakerFactory()},
        "attribution": {"attribution": "said someone else"},
    }[field]
    before = state(approved)
    with pytest.raises(workflow.InvalidTransition):
        workflow.edit_claim(approved, by=editor, version=approved.version, **changes)
    assert state(approved) == before


def test_evidence_cannot_be_added_to_an_approved_claim_by_anyone(
    approved, editor, second_reviewer
):
    for person in (second_reviewer, editor):
        with pytest.raises(workflow.InvalidTransition, match="reopen it"):
            workflow.add_evidence(approved, by=person, **NEW_EVIDENCE)
    assert not Evidence.objects.filter(url=NEW_EVIDENCE["url"]).exists()
    assert not approved.events.filter(action="evidence").exists()


def test_a_note_on_an_approved_claim_is_recorded_after_the_approval_and_publishes_nothing(
    approved, editor, reviewer
):
    before, report = state(approved), published(approved, editor)
    note = workflow.add_note(approved, by=reviewer, body="A reader wrote in; worth a look.")
    assert note.pk and note.author == reviewer
    event = approved.events.get(action="note")
    assert (event.from_status, event.to_status, event.actor) == ("approved", "approved", reviewer)
    assert event.created_at >= reload(approved).approved_at
    assert state(approved) == before
    assert published(approved, editor) == report


def test_a_dismissed_claim_takes_no_notes_or_evidence_until_it_is_restored(
    dismissed, editor, reviewer
):
    with pytest.raises(workflow.InvalidTransition, match="restore it to add notes"):
        workflow.add_note(dismissed, by=reviewer, body="Still interesting?")
    with pytest.raises(workflow.InvalidTransition, match="restore it to add evidence"):
        workflow.add_evidence(dismissed, by=reviewer, **NEW_EVIDENCE)
    assert not dismissed.annotations.exists()
    assert not dismissed.events.filter(action__in=["note", "evidence"]).exists()

    workflow.transition(dismissed, "restore", by=editor, note="Worth checking after all.")
    workflow.add_note(reload(dismissed), by=reviewer, body="Still interesting.")
    assert dismissed.annotations.count() == 1


def test_every_note_and_piece_of_evidence_appears_in_the_history_without_a_new_version(
    editor, reviewer
):
    claim = claim_in("in_review", editor=editor, reviewer=reviewer)
    version = claim.version
    workflow.add_note(claim, by=reviewer, body="Asked the ministry for the table.")
    workflow.add_evidence(claim, by=reviewer, **NEW_EVIDENCE)
    history = list(claim.events.values_list("action", "actor__username", "note"))
    assert history[-2:] == [
        ("note", "reviewer", "Asked the ministry for the table."),
        ("evidence", "reviewer", "A later finding, https://www.example.org/late-finding"),
    ]
    assert reload(claim).version == version
    assert claim.events.changes().count() == version - 1


def test_an_outsider_adds_neither_notes_nor_evidence(outsider, editor, reviewer):
    claim = claim_in("in_review", editor=editor, reviewer=reviewer)
    with pytest.raises(workflow.PermissionDenied):
        workflow.add_note(claim, by=outsider, body="Hello")
    with pytest.raises(workflow.PermissionDenied):
        workflow.add_evidence(claim, by=outsider, **NEW_EVIDENCE)
    assert not ClaimEvent.objects.filter(actor=outsider).exists()


# The API


def test_an_api_patch_of_an_approved_claim_is_a_409_and_changes_nothing(approved, editor):
    before = state(approved)
    response = logged_in(editor).patch(
        f"/api/v1/claims/{approved.pk}/",
        {"version": approved.version, "start": 1, "text": approved.paragraph.text[1:approved.end]},
        format="json",
    )
    body = assert_error(response, 409, "invalid_transition")
    assert "reopen" in body["detail"]
    assert state(approved) == before


def test_an_unassigned_reviewer_cannot_add_evidence_to_an_approved_claim_through_the_api(
    approved, editor, second_reviewer
):
    report = published(approved, editor)
    response = logged_in(second_reviewer).post(
        f"/api/v1/claims/{approved.pk}/evidence/", NEW_EVIDENCE, format="json"
    )
    assert_error(response, 409, "invalid_transition")
    assert published(approved, editor) == report


def test_the_api_refuses_notes_on_a_dismissed_claim(dismissed, reviewer):
    response = logged_in(reviewer).post(
        f"/api/v1/claims/{dismissed.pk}/annotations/", {"body": "A note"}, format="json"
    )
    body = assert_error(response, 409, "invalid_transition")
    assert "restore" in body["detail"]
    assert not dismissed.annotations.exists()


def test_evidence_and_notes_added_through_the_api_appear_in_its_history(editor, reviewer):
    claim = claim_in("in_review", editor=editor, reviewer=reviewer)
    api = logged_in(reviewer)
    assert api.post(f"/api/v1/claims/{claim.pk}/evidence/", NEW_EVIDENCE,
                    format="json").status_code == 201
    assert api.post(f"/api/v1/claims/{claim.pk}/annotations/", {"body": "Checked the table."},
                    format="json").status_code == 201
    events = api.get(f"/api/v1/claims/{claim.pk}/events/").json()["results"]
    assert [event["action"] for event in events][-2:] == ["evidence", "note"]


# The pages


def test_the_claim_page_of_an_approved_claim_offers_no_evidence_form_and_says_why(
    client, approved, second_reviewer
):
    client.force_login(second_reviewer)
    page = client.get(approved.get_absolute_url()).content.decode()
    assert "Add evidence</button>" not in page
    assert "reopen it (with a note saying why) to add evidence" in page
    response = client.post(f"/review/claims/{approved.pk}/evidence/", NEW_EVIDENCE, follow=True)
    assert "reopen it" in response.content.decode()
    assert not Evidence.objects.filter(url=NEW_EVIDENCE["url"]).exists()


def test_a_note_posted_to_a_dismissed_claim_page_is_refused(client, dismissed, reviewer):
    client.force_login(reviewer)
    response = client.post(f"/review/claims/{dismissed.pk}/notes/", {"body": "Hm"}, follow=True)
    assert "restore it to add notes" in response.content.decode()
    assert not Annotation.objects.filter(claim=dismissed).exists()


# The admin


def test_the_admin_shows_an_approved_claim_read_only_and_ignores_a_posted_correction(
    client, approved, editor
):
    client.force_login(editor)
    url = f"/admin/claims/claim/{approved.pk}/change/"
    page = client.get(url).content.decode()
    assert 'name="text"' not in page and 'name="kind"' not in page
    assert "reopen it (with a note saying why) to correct it" in page
    assert 'name="evidence-0-url"' not in page
    before = state(approved)
    client.post(url, {"text": "Rewritten", "kind": "other", "seen_version": approved.version,
                      "annotations-TOTAL_FORMS": 0, "annotations-INITIAL_FORMS": 0,
                      "evidence-TOTAL_FORMS": 0, "evidence-INITIAL_FORMS": 0,
                      "events-TOTAL_FORMS": 0, "events-INITIAL_FORMS": 0})
    assert state(approved) == before


# At the same moment (PostgreSQL row locks)


@pytest.mark.postgres
@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks (select_for_update) need PostgreSQL; SQLite serializes all writers",
)
@pytest.mark.parametrize("run", range(3))
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_evidence_added_while_the_claim_is_approved_is_before_the_approval_or_refused(run):
    editor, checker = factories.editor("boss"), factories.reviewer("checker")
    other = factories.reviewer("other")
    claim = factories.ClaimFactory()
    factories.EvidenceFactory(claim=claim, added_by=checker)
    workflow.transition(claim, "assign", by=editor, assignee=checker)
    workflow.transition(reload(claim), "verify", by=checker, rating="accurate",
        verdict="It checks out.", reasoning="The record says the same.",
    )
    seen = reload(claim).version
    _at_once(
        lambda: workflow.transition(
            Claim.objects.get(pk=claim.pk), "approve", by=editor, version=seen
        ),
        lambda: workflow.add_evidence(Claim.objects.get(pk=claim.pk), by=other, **NEW_EVIDENCE),
    )
    approval = ClaimEvent.objects.get(claim=claim, action="approve")
    late = ClaimEvent.objects.filter(claim=claim, action="evidence", pk__gt=approval.pk)
    assert not late.exists()
    assert Evidence.objects.filter(url=NEW_EVIDENCE["url"]).exists() == (
        ClaimEvent.objects.filter(claim=claim, action="evidence").exists()
    )
