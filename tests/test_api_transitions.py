"""POST /api/v1/claims/<id>/transition/: every answer the review workflow can give over HTTP."""

import pytest

from claims import workflow
from claims.models import ClaimEvent
from tests import factories
from tests.api_support import assert_error, logged_in, with_token
from tests.factories import RULING


@pytest.fixture
def claim(db):
    return factories.ClaimFactory()


@pytest.fixture
def taken(claim, reviewer):
    """A claim the reviewer took, with one piece of evidence."""
    workflow.transition(claim, "take", by=reviewer)
    factories.EvidenceFactory(claim=claim, added_by=reviewer)
    return claim


@pytest.fixture
def verified(taken, reviewer):
    return workflow.transition(taken, "verify", by=reviewer, rating="accurate", **RULING)


def url(claim):
    return f"/api/v1/claims/{claim.pk}/transition/"


def move(user, claim, **body):
    body.setdefault("version", claim.version)
    return logged_in(user).post(url(claim), body, format="json")


def test_reviewer_takes_a_pending_claim(reviewer, claim):
    response = move(reviewer, claim, action="take")

    assert response.status_code == 200, response.content
    body = response.json()
    assert body["status"] == "in_review"
    assert body["assignee"]["username"] == reviewer.username
    assert body["version"] == 2
    assert "verify" in body["allowed_actions"]
    assert ClaimEvent.objects.filter(claim=claim, action="take").count() == 1


def test_a_script_with_a_token_verifies_a_claim(reviewer, taken):
    response = with_token(reviewer).post(
        url(taken), {"action": "verify", "rating": "accurate", "version": 2, **RULING},
        format="json",
    )

    assert response.status_code == 200, response.content
    body = response.json()
    assert (body["status"], body["rating"]) == ("verified", "accurate")
    assert (body["verdict"], body["reasoning"]) == (RULING["verdict"], RULING["reasoning"])


def test_verify_without_evidence_is_400_and_changes_nothing(reviewer, claim):
    workflow.transition(claim, "take", by=reviewer)

    response = move(reviewer, claim, action="verify", rating="accurate", **RULING)

    body = assert_error(response, 400, "missing_requirement")
    assert "evidence" in body["detail"]
    claim.refresh_from_db()
    assert (claim.status, claim.version) == ("in_review", 2)


def test_verify_without_a_rating_is_400(reviewer, taken):
    body = assert_error(move(reviewer, taken, action="verify"), 400, "missing_requirement")

    assert "rating" in body["detail"]


def test_verify_with_a_disputing_rating_is_400(reviewer, taken):
    response = move(reviewer, taken, action="verify", rating="inaccurate")

    assert_error(response, 400, "missing_requirement")


def test_dispute_needs_a_public_ruling(reviewer, taken):
    response = move(reviewer, taken, action="dispute", rating="misleading", note="Internal.")

    body = assert_error(response, 400, "missing_requirement")
    assert "Write the verdict readers will see" in body["detail"]


def test_dispute_with_a_rating_a_ruling_and_an_internal_note(reviewer, taken):
    response = move(
        reviewer, taken, action="dispute", rating="misleading", note="Asked the press office.",
        verdict="The bridge will cost £60m, not £40m.",
        reasoning="The 2027 budget tables put the bridge at £60m.",
    )

    assert response.status_code == 200
    event = ClaimEvent.objects.get(claim=taken, action="dispute")
    assert event.note == "Asked the press office."
    assert event.verdict == "The bridge will cost £60m, not £40m."
    assert response.json()["reasoning"] == "The 2027 budget tables put the bridge at £60m."


def test_an_unknown_rating_is_400_with_the_field_named(reviewer, taken):
    body = assert_error(move(reviewer, taken, action="verify", rating="true"), 400, "invalid")

    assert "rating" in body["fields"]


def test_an_unknown_action_is_400_with_the_field_named(reviewer, claim):
    body = assert_error(move(reviewer, claim, action="publish"), 400, "invalid")

    assert "action" in body["fields"]


def test_the_version_is_required(reviewer, claim):
    response = logged_in(reviewer).post(url(claim), {"action": "take"}, format="json")

    body = assert_error(response, 400, "invalid")
    assert "version" in body["fields"]


def test_malformed_json_is_400(reviewer, claim):
    response = logged_in(reviewer).post(
        url(claim), '{"action": "take", ', content_type="application/json"
    )

    assert_error(response, 400, "parse_error")


def test_a_stale_version_is_409_and_changes_nothing(reviewer, second_reviewer, claim):
    workflow.transition(claim, "take", by=second_reviewer)

    response = move(reviewer, claim, action="dismiss", version=1)

    body = assert_error(response, 409, "stale_version")
    assert "Ravi Other" in body["detail"]
    claim.refresh_from_db()
    assert claim.assignee == second_reviewer


def test_an_action_not_allowed_from_the_current_status_is_409(editor, claim):
    body = assert_error(move(editor, claim, action="approve"), 409, "invalid_transition")

    assert "pending" in body["detail"]


def test_reviewer_cannot_approve(reviewer, verified):
    body = assert_error(move(reviewer, verified, action="approve"), 403, "permission_denied")

    assert "permission" in body["detail"]


def test_reviewer_cannot_verify_a_claim_assigned_to_someone_else(second_reviewer, taken):
    response = move(second_reviewer, taken, action="verify", rating="accurate", **RULING)

    assert_error(response, 403, "permission_denied")


def test_editor_cannot_approve_what_they_checked_themselves(editor, claim):
    workflow.transition(claim, "take", by=editor)
    factories.EvidenceFactory(claim=claim, added_by=editor)
    workflow.transition(claim, "verify", by=editor, rating="accurate", **RULING)

    body = assert_error(move(editor, claim, action="approve"), 403, "permission_denied")

    assert "another editor" in body["detail"]


def test_the_claim_says_why_approve_is_missing_for_the_editor_who_checked_it(editor, claim):
    workflow.transition(claim, "take", by=editor)
    factories.EvidenceFactory(claim=claim, added_by=editor)
    workflow.transition(claim, "verify", by=editor, rating="accurate", **RULING)

    body = logged_in(editor).get(f"/api/v1/claims/{claim.pk}/").json()

    assert "approve" not in body["allowed_actions"]
    assert body["unavailable_actions"] == [
        {
            "actions": ["approve"],
            "reason": "You verified this claim yourself, so another editor must approve it.",
        }
    ]


def test_a_reviewer_hands_back_a_claim_they_took(reviewer, taken):
    response = move(reviewer, taken, action="unassign", note="Not my field.")

    assert response.status_code == 200
    body = response.json()
    assert (body["status"], body["assignee"]) == ("pending", None)
    assert "take" in body["allowed_actions"]
    assert ClaimEvent.objects.filter(claim=taken, action="unassign").count() == 1


def test_another_reviewer_cannot_hand_back_someone_elses_claim(second_reviewer, taken):
    body = assert_error(
        move(second_reviewer, taken, action="unassign"), 403, "permission_denied"
    )

    assert body["detail"] == "Only Rita Reviewer or an editor can hand this claim back."


def test_editor_approves_a_verified_claim(editor, verified):
    response = move(editor, verified, action="approve")

    assert response.status_code == 200
    assert response.json()["status"] == "approved"
    assert response.json()["approved_by"]["username"] == editor.username


def test_editor_returns_a_claim_with_a_note(editor, verified):
    response = move(editor, verified, action="return", note="Check the 2026 figure too.")

    assert response.status_code == 200
    assert response.json()["status"] == "in_review"


def test_editor_assigns_a_claim_to_a_reviewer(editor, reviewer, claim):
    response = move(editor, claim, action="assign", assignee=reviewer.pk)

    assert response.status_code == 200
    assert response.json()["assignee"]["id"] == reviewer.pk


def test_assign_without_an_assignee_is_400(editor, claim):
    body = assert_error(move(editor, claim, action="assign"), 400, "missing_requirement")

    assert "reviewer" in body["detail"]


def test_assigning_someone_outside_the_desk_is_400(editor, outsider, claim):
    response = move(editor, claim, action="assign", assignee=outsider.pk)

    assert_error(response, 400, "missing_requirement")


@pytest.mark.parametrize("assignee", [987654, 10**30, "reviewer", True])
def test_assigning_an_unknown_user_is_400(editor, claim, assignee):
    body = assert_error(move(editor, claim, action="assign", assignee=assignee), 400, "invalid")

    assert "assignee" in body["fields"]


def test_reviewer_cannot_dismiss(reviewer, claim):
    assert_error(move(reviewer, claim, action="dismiss"), 403, "permission_denied")


def test_outsider_cannot_move_a_claim(outsider, claim):
    assert_error(move(outsider, claim, action="take"), 403, "permission_denied")
    claim.refresh_from_db()
    assert claim.status == "pending"


def test_anonymous_cannot_move_a_claim(client, claim):
    response = client.post(url(claim), {"action": "take", "version": 1}, "application/json")

    assert_error(response, 401, "not_authenticated")


def test_moving_a_missing_claim_is_404(reviewer, db):
    response = logged_in(reviewer).post(
        "/api/v1/claims/424242/transition/", {"action": "take", "version": 1}, format="json"
    )

    assert_error(response, 404, "not_found")


def test_get_on_the_transition_endpoint_is_405(reviewer, claim):
    assert_error(logged_in(reviewer).get(url(claim)), 405, "method_not_allowed")
