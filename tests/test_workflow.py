"""The review workflow: every (status, action) pair, what each action needs, who may take it."""

import threading

import pytest
from django.db import connection, transaction

from claims import workflow
from claims.models import Claim, ClaimEvent, ReviewStatus
from claims.workflow import (
    InvalidTransition,
    MissingRequirement,
    PermissionDenied,
    StaleVersion,
    allowed_actions,
    transition,
)
from tests import factories
from tests.factories import RULING

STATUSES = [status.value for status in ReviewStatus]
ACTIONS = ["take", "assign", "verify", "dispute", "approve", "return", "reopen", "dismiss",
           "restore", "unassign"]

# Written out here, not read from workflow.ACTIONS, so that a change to the table shows up as a
# failing test: (status, action) -> the status the claim moves to.
MOVES = {
    ("pending", "take"): "in_review",
    ("pending", "assign"): "in_review",
    ("in_review", "assign"): "in_review",
    ("in_review", "verify"): "verified",
    ("in_review", "dispute"): "disputed",
    ("verified", "approve"): "approved",
    ("disputed", "approve"): "approved",
    ("verified", "return"): "in_review",
    ("disputed", "return"): "in_review",
    ("approved", "reopen"): "in_review",
    ("pending", "dismiss"): "dismissed",
    ("in_review", "dismiss"): "dismissed",
    ("dismissed", "restore"): "pending",
    ("in_review", "unassign"): "pending",
}


def reload(claim):
    return Claim.objects.get(pk=claim.pk)


def claim_in(status, *, editor, reviewer, approver=None):
    """A claim brought to ``status`` the way a desk would: through the workflow.

    In review, it is assigned to ``reviewer``; once checked, ``reviewer`` checked it; it carries
    one evidence item from the start so that verify only needs a rating.
    """
    claim = factories.ClaimFactory()
    factories.EvidenceFactory(claim=claim, added_by=reviewer)
    if status == "pending":
        return reload(claim)
    if status == "dismissed":
        transition(claim, "dismiss", by=editor)
        return reload(claim)
    transition(claim, "assign", by=editor, assignee=reviewer)
    if status == "in_review":
        return reload(claim)
    if status == "disputed":
        transition(claim, "dispute", by=reviewer, rating="misleading", **factories.RULING)
        return reload(claim)
    transition(claim, "verify", by=reviewer, rating="accurate", **factories.RULING)
    if status == "approved":
        transition(claim, "approve", by=approver or editor)
    return reload(claim)


@pytest.fixture
def desk(editor, second_editor, reviewer, second_reviewer):
    return {
        "editor": editor,
        "second_editor": second_editor,
        "reviewer": reviewer,
        "second_reviewer": second_reviewer,
    }


def request_for(action, desk):
    """Who asks and with what, so that only the claim's status can stand in the way."""
    editor, reviewer = desk["editor"], desk["reviewer"]
    return {
        "take": (reviewer, {}),
        "assign": (editor, {"assignee": desk["second_reviewer"]}),
        "verify": (reviewer, {"rating": "accurate", **factories.RULING}),
        "dispute": (reviewer, {"rating": "inaccurate", **factories.RULING}),
        "approve": (editor, {}),
        "return": (editor, {"note": "Check the date again."}),
        "reopen": (editor, {"note": "A correction was published."}),
        "dismiss": (editor, {}),
        "restore": (editor, {}),
        "unassign": (reviewer, {}),
    }[action]


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("status", STATUSES)
def test_each_status_and_action_moves_or_is_refused_without_a_trace(status, action, desk):
    claim = claim_in(status, editor=desk["second_editor"], reviewer=desk["reviewer"])
    before = reload(claim)
    events_before = ClaimEvent.objects.filter(claim=claim).count()
    user, kwargs = request_for(action, desk)

    if (status, action) not in MOVES:
        with pytest.raises(InvalidTransition) as refused:
            transition(claim, action, by=user, version=before.version, **kwargs)
        assert "cannot be" in str(refused.value)
        after = reload(claim)
        assert (after.status, after.version, after.rating, after.assignee_id) == (
            before.status, before.version, before.rating, before.assignee_id,
        )
        assert ClaimEvent.objects.filter(claim=claim).count() == events_before
        return

    transition(claim, action, by=user, version=before.version, **kwargs)
    after = reload(claim)
    assert after.status == MOVES[(status, action)]
    assert after.version == before.version + 1
    new_events = list(ClaimEvent.objects.filter(claim=claim).order_by("id")[events_before:])
    assert len(new_events) == 1
    event = new_events[0]
    assert (event.action, event.from_status, event.to_status, event.actor) == (
        action, status, after.status, user,
    )
    assert event.rating == after.rating
    assert event.note == kwargs.get("note", "")
    assert event.assignee_id == after.assignee_id


def test_taking_a_claim_assigns_it_to_the_reviewer(reviewer, editor):
    claim = claim_in("pending", editor=editor, reviewer=reviewer)
    transition(claim, "take", by=reviewer)
    assert reload(claim).assignee == reviewer


def test_verifying_records_the_rating_and_who_checked(reviewer, editor):
    claim = claim_in("in_review", editor=editor, reviewer=reviewer)
    transition(claim, "verify", by=reviewer, rating="mostly_accurate", **factories.RULING)
    claim = reload(claim)
    assert (claim.rating, claim.checked_by) == ("mostly_accurate", reviewer)
    assert claim.checked_at is not None


def test_returning_a_claim_clears_its_rating_so_it_is_checked_again(reviewer, editor):
    claim = claim_in("verified", editor=editor, reviewer=reviewer)
    transition(claim, "return", by=editor, note="The date is wrong.")
    claim = reload(claim)
    assert (claim.status, claim.rating, claim.assignee) == ("in_review", "", reviewer)
    # The ruling stays as a draft for the next check, which replaces it.
    assert claim.verdict == RULING["verdict"]
    transition(claim, "dispute", by=reviewer, rating="inaccurate", verdict="  Wrong   date. ",
               reasoning=" The treaty was signed in 2019. ")
    claim = reload(claim)
    assert (claim.verdict, claim.reasoning) == ("Wrong date.", "The treaty was signed in 2019.")
    assert [(e.action, e.verdict) for e in claim.events.filter(verdict__gt="")] == [
        ("verify", RULING["verdict"]), ("dispute", "Wrong date."),
    ]


def test_restoring_a_dismissed_claim_puts_it_back_unassigned(reviewer, editor):
    claim = claim_in("in_review", editor=editor, reviewer=reviewer)
    transition(claim, "dismiss", by=editor)
    transition(claim, "restore", by=editor)
    claim = reload(claim)
    assert (claim.status, claim.assignee) == ("pending", None)


def test_a_reviewer_hands_back_a_claim_they_took_and_anyone_may_take_it_again(
    reviewer, second_reviewer, editor
):
    claim = claim_in("pending", editor=editor, reviewer=reviewer)
    transition(claim, "take", by=reviewer)
    transition(claim, "unassign", by=reviewer, note="Out sick tomorrow.")
    claim = reload(claim)
    assert (claim.status, claim.assignee) == ("pending", None)
    event = claim.events.latest("id")
    assert (event.action, event.note, event.assignee) == ("unassign", "Out sick tomorrow.", None)
    transition(claim, "take", by=second_reviewer)
    assert reload(claim).assignee == second_reviewer


def test_an_editor_may_hand_back_a_claim_but_another_reviewer_may_not(
    reviewer, second_reviewer, editor
):
    claim = claim_in("in_review", editor=editor, reviewer=reviewer)
    before = reload(claim)
    with pytest.raises(PermissionDenied, match="Only Rita Reviewer or an editor"):
        transition(claim, "unassign", by=second_reviewer)
    assert_nothing_written(claim, before)
    transition(claim, "unassign", by=editor)
    assert reload(claim).status == "pending"


def test_transition_updates_the_claim_object_it_was_given(reviewer, editor):
    claim = claim_in("pending", editor=editor, reviewer=reviewer)
    returned = transition(claim, "take", by=reviewer)
    assert returned is claim
    assert (claim.status, claim.version) == ("in_review", 2)


def test_an_unknown_action_is_refused_with_the_list_of_actions(reviewer, editor):
    claim = claim_in("pending", editor=editor, reviewer=reviewer)
    with pytest.raises(InvalidTransition, match="publish.*is not a review action.*take"):
        transition(claim, "publish", by=editor)


# What each action needs


def assert_nothing_written(claim, before):
    after = reload(claim)
    assert (after.status, after.version, after.rating, after.assignee_id) == (
        before.status, before.version, before.rating, before.assignee_id,
    )
    assert ClaimEvent.objects.filter(claim=claim).count() == before.events.count()


@pytest.mark.parametrize(
    ("status", "action", "kwargs", "says"),
    [
        ("in_review", "verify", {}, "Choose a rating to verify"),
        ("in_review", "verify", {"rating": "misleading"}, "cannot be verified"),
        ("in_review", "verify", {"rating": "accurate"}, "Write the verdict readers will see"),
        (
            "in_review", "verify", {"rating": "accurate", "verdict": "Right.", "reasoning": " "},
            "Write the reasoning readers will see",
        ),
        (
            "in_review", "verify",
            {"rating": "accurate", "verdict": "x" * 301, "reasoning": "Long."},
            "keep it to one sentence of at most 300",
        ),
        ("in_review", "dispute", {"rating": "inaccurate"}, "Write the verdict"),
        (
            "in_review", "dispute", {"rating": "inaccurate", "verdict": "  ", "note": "x"},
            "Write the verdict",
        ),
        ("in_review", "dispute", {**RULING}, "Choose a rating to dispute"),
        ("in_review", "dispute", {"rating": "accurate", **RULING}, "cannot be disputed"),
        ("verified", "return", {}, "Write a note"),
        ("approved", "reopen", {"note": ""}, "Write a note"),
        ("pending", "assign", {}, "Choose the reviewer"),
    ],
)
def test_an_action_missing_what_it_needs_is_refused_and_writes_nothing(
    status, action, kwargs, says, desk
):
    claim = claim_in(
        status, editor=desk["editor"], reviewer=desk["reviewer"], approver=desk["second_editor"]
    )
    before = reload(claim)
    user = desk["reviewer"] if action in ("verify", "dispute") else desk["editor"]
    with pytest.raises(MissingRequirement, match=says):
        transition(claim, action, by=user, **kwargs)
    assert_nothing_written(claim, before)


def test_verifying_without_evidence_asks_for_evidence(editor, reviewer):
    claim = factories.ClaimFactory()
    transition(claim, "assign", by=editor, assignee=reviewer)
    before = reload(claim)
    with pytest.raises(MissingRequirement, match="Add at least one piece of evidence"):
        transition(claim, "verify", by=reviewer, rating="accurate", **factories.RULING)
    assert_nothing_written(claim, before)


def test_assigning_to_someone_who_is_not_a_reviewer_is_refused(editor, reviewer, outsider):
    claim = claim_in("pending", editor=editor, reviewer=reviewer)
    with pytest.raises(MissingRequirement, match="is not a reviewer"):
        transition(claim, "assign", by=editor, assignee=outsider)
    assert_nothing_written(claim, reload(claim))


def test_assigning_to_the_current_assignee_is_refused(editor, reviewer):
    claim = claim_in("in_review", editor=editor, reviewer=reviewer)
    before = reload(claim)
    with pytest.raises(InvalidTransition, match="already assigned to Rita Reviewer"):
        transition(claim, "assign", by=editor, assignee=reviewer)
    assert_nothing_written(claim, before)


# Who may do what


@pytest.mark.parametrize(
    ("status", "action", "kwargs"),
    [
        ("pending", "assign", {"assignee": "second_reviewer"}),
        ("verified", "approve", {}),
        ("pending", "dismiss", {}),
        ("dismissed", "restore", {}),
        ("verified", "return", {"note": "Again."}),
        ("approved", "reopen", {"note": "Again."}),
    ],
)
def test_a_reviewer_cannot_take_an_editors_action(status, action, kwargs, desk):
    claim = claim_in(status, editor=desk["editor"], reviewer=desk["reviewer"])
    before = reload(claim)
    kwargs = {key: desk.get(value, value) for key, value in kwargs.items()}
    with pytest.raises(PermissionDenied, match="do not have permission"):
        transition(claim, action, by=desk["reviewer"], **kwargs)
    assert_nothing_written(claim, before)


@pytest.mark.parametrize("action", ["verify", "dispute"])
def test_only_the_assigned_reviewer_can_check_a_claim(action, desk):
    claim = claim_in("in_review", editor=desk["editor"], reviewer=desk["reviewer"])
    before = reload(claim)
    rating = "accurate" if action == "verify" else "misleading"
    for someone in (desk["second_reviewer"], desk["editor"]):
        with pytest.raises(PermissionDenied, match="Only the reviewer this claim is assigned to"):
            transition(claim, action, by=someone, rating=rating, **factories.RULING)
    assert_nothing_written(claim, before)


def test_a_superuser_may_check_a_claim_assigned_to_someone_else(superuser, editor, reviewer):
    claim = claim_in("in_review", editor=editor, reviewer=reviewer)
    transition(claim, "verify", by=superuser, rating="accurate", **factories.RULING)
    assert reload(claim).checked_by == superuser


def test_a_restored_claim_can_be_taken_by_anyone_on_the_desk(
    editor, reviewer, second_reviewer
):
    claim = claim_in("in_review", editor=editor, reviewer=reviewer)
    transition(claim, "dismiss", by=editor)
    transition(claim, "restore", by=editor)
    assert "take" in allowed_actions(reload(claim), second_reviewer)
    transition(claim, "take", by=second_reviewer)
    assert reload(claim).assignee == second_reviewer


def test_someone_outside_the_desk_can_do_nothing(outsider, editor, reviewer):
    for status in STATUSES:
        claim = claim_in(status, editor=editor, reviewer=reviewer)
        assert allowed_actions(claim, outsider) == []
        before = reload(claim)
        for action in ACTIONS:
            with pytest.raises((PermissionDenied, InvalidTransition)):
                transition(claim, action, by=outsider, rating="accurate", note="x",
                           assignee=reviewer, **RULING)
        assert_nothing_written(claim, before)


@pytest.mark.parametrize("check", ["verify", "dispute"])
def test_an_editor_cannot_approve_a_claim_they_checked(check, editor, second_editor, reviewer):
    claim = factories.ClaimFactory()
    factories.EvidenceFactory(claim=claim, added_by=editor)
    transition(claim, "take", by=editor)
    transition(claim, check, by=editor, rating="accurate" if check == "verify" else "inaccurate",
               **factories.RULING)
    before = reload(claim)
    assert "approve" not in allowed_actions(before, editor)
    with pytest.raises(PermissionDenied, match="another editor must approve it"):
        transition(claim, "approve", by=editor)
    assert_nothing_written(claim, before)

    assert "approve" in allowed_actions(before, second_editor)
    transition(claim, "approve", by=second_editor)
    claim = reload(claim)
    assert (claim.status, claim.checked_by, claim.approved_by) == (
        "approved", editor, second_editor,
    )


def test_a_missing_action_says_which_rule_stops_it(editor, second_editor, reviewer,
                                                  second_reviewer):
    claim = factories.ClaimFactory()
    factories.EvidenceFactory(claim=claim, added_by=editor)
    transition(claim, "take", by=editor)
    transition(claim, "verify", by=editor, rating="accurate", **factories.RULING)
    (approve,) = workflow.unavailable_actions(reload(claim), editor)
    assert approve.names == ("approve",)
    assert approve.reason == "You verified this claim yourself, so another editor must approve it."
    assert workflow.unavailable_actions(reload(claim), second_editor) == []
    # A reviewer does not approve at all: that is an editor's job, not a rule in the way.
    assert workflow.unavailable_actions(reload(claim), reviewer) == []

    other = claim_in("in_review", editor=editor, reviewer=reviewer)
    (checks, hand_back) = workflow.unavailable_actions(other, second_reviewer)
    assert checks.labels == ("Verify", "Dispute")
    assert checks.reason == (
        "Only the reviewer this claim is assigned to, Rita Reviewer, can verify or dispute it; "
        "ask an editor to reassign it to you."
    )
    assert hand_back.names == ("unassign",)


def test_a_one_person_desk_may_approve_its_own_check(settings, editor):
    settings.FACTCHECK_SEPARATE_APPROVAL = False
    claim = factories.ClaimFactory()
    factories.EvidenceFactory(claim=claim, added_by=editor)
    transition(claim, "take", by=editor)
    transition(claim, "verify", by=editor, rating="accurate", **factories.RULING)
    assert "approve" in allowed_actions(reload(claim), editor)
    transition(claim, "approve", by=editor)
    assert reload(claim).status == "approved"


def test_an_inactive_account_has_no_actions(editor, reviewer):
    claim = claim_in("pending", editor=editor, reviewer=reviewer)
    editor.is_active = False
    assert allowed_actions(claim, editor) == []


# Conflicts


def test_a_stale_version_is_refused_naming_who_changed_the_claim(editor, reviewer):
    claim = claim_in("pending", editor=editor, reviewer=reviewer)
    seen = claim.version
    transition(reload(claim), "take", by=reviewer, version=seen)
    before = reload(claim)
    with pytest.raises(StaleVersion) as conflict:
        transition(claim, "dismiss", by=editor, version=seen)
    assert "changed by Rita Reviewer at" in str(conflict.value)
    assert "reload" in str(conflict.value)
    assert conflict.value.code == "stale_version"
    assert_nothing_written(claim, before)


def test_the_version_may_come_as_text_from_a_form(editor, reviewer):
    claim = claim_in("pending", editor=editor, reviewer=reviewer)
    transition(claim, "take", by=reviewer, version=str(claim.version))
    assert reload(claim).status == "in_review"


def test_a_stale_version_wins_over_every_other_refusal(editor, reviewer, outsider):
    claim = claim_in("pending", editor=editor, reviewer=reviewer)
    transition(reload(claim), "take", by=reviewer)
    # The user saw an old page: telling them to reload comes before anything else.
    with pytest.raises(StaleVersion):
        transition(claim, "approve", by=outsider, version=1)


# allowed_actions and transition agree


PERSONAS = ["editor", "second_editor", "reviewer", "second_reviewer", "outsider", "superuser"]


@pytest.mark.parametrize("persona", PERSONAS)
@pytest.mark.parametrize("status", STATUSES)
def test_the_offered_actions_are_exactly_the_ones_that_work(
    status, persona, desk, outsider, superuser
):
    people = {**desk, "outsider": outsider, "superuser": superuser}
    user = people[persona]
    claim = claim_in(status, editor=desk["editor"], reviewer=desk["reviewer"],
                     approver=desk["second_editor"])
    offered = allowed_actions(claim, user)
    for action in ACTIONS:
        _, kwargs = request_for(action, desk)
        with transaction.atomic():
            try:
                transition(reload(claim), action, by=user, **kwargs)
            except (InvalidTransition, PermissionDenied) as error:
                assert action not in offered, f"{action} offered to {persona} but: {error}"
            else:
                assert action in offered, f"{action} works for {persona} but is not offered"
            # Each action is tried on the claim as it was.
            transaction.set_rollback(True)


def test_allowed_actions_follow_the_table_order(editor, reviewer):
    claim = claim_in("in_review", editor=editor, reviewer=reviewer)
    assert allowed_actions(claim, editor) == ["assign", "dismiss", "unassign"]
    assert allowed_actions(claim, reviewer) == ["verify", "dispute", "unassign"]


def test_every_refusal_is_a_workflow_error_with_a_code():
    codes = {
        cls.code
        for cls in (InvalidTransition, StaleVersion, PermissionDenied, MissingRequirement)
    }
    assert codes == {"invalid_transition", "stale_version", "permission_denied",
                     "missing_requirement"}
    assert all(
        issubclass(cls, workflow.WorkflowError)
        for cls in (InvalidTransition, StaleVersion, PermissionDenied, MissingRequirement)
    )


# Editing a claim's text


def test_an_edit_bumps_the_version_and_records_what_changed(editor, reviewer):
    claim = claim_in("in_review", editor=editor, reviewer=reviewer)
    paragraph = claim.paragraph.text
    edited = workflow.edit_claim(
        claim, by=editor, version=claim.version, start=4, text=paragraph[4:], attribution="x"
    )
    assert edited.version == claim.version + 1
    event = ClaimEvent.objects.filter(claim=claim).latest("id")
    assert (event.action, event.from_status, event.to_status) == ("edit", "in_review",
                                                                   "in_review")
    assert event.note == "Changed attribution, start, text."


def test_an_edit_that_no_longer_slices_the_paragraph_is_refused(editor, reviewer):
    claim = claim_in("pending", editor=editor, reviewer=reviewer)
    before = reload(claim)
    with pytest.raises(MissingRequirement, match="exactly the paragraph's characters"):
        workflow.edit_claim(claim, by=editor, version=claim.version, start=3)
    assert_nothing_written(claim, before)


def test_a_reviewer_cannot_edit_a_claim(editor, reviewer):
    claim = claim_in("pending", editor=editor, reviewer=reviewer)
    with pytest.raises(PermissionDenied, match="Only editors"):
        workflow.edit_claim(claim, by=reviewer, version=claim.version, attribution="x")


def test_an_edit_cannot_touch_the_status(editor, reviewer):
    claim = claim_in("pending", editor=editor, reviewer=reviewer)
    with pytest.raises(InvalidTransition, match="cannot be edited: status"):
        workflow.edit_claim(claim, by=editor, version=claim.version, status="approved")
    assert reload(claim).status == "pending"


def test_an_edit_on_a_stale_version_is_refused(editor, reviewer):
    claim = claim_in("pending", editor=editor, reviewer=reviewer)
    transition(reload(claim), "take", by=reviewer)
    with pytest.raises(StaleVersion, match="Rita Reviewer"):
        workflow.edit_claim(claim, by=editor, version=1, attribution="said nobody")


# Two people at the same moment (PostgreSQL row locks)


def _at_once(*calls):
    """Run each call in its own thread and connection, released together by a barrier."""
    barrier = threading.Barrier(len(calls))
    results = [None] * len(calls)

    def run(index, call):
        try:
            barrier.wait(timeout=10)
            results[index] = call()
        except Exception as error:  # noqa: BLE001 - the test inspects what each thread got
            results[index] = error
        finally:
            connection.close()

    threads = [threading.Thread(target=run, args=(i, call)) for i, call in enumerate(calls)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)
    return results


needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="row locks (select_for_update) need PostgreSQL; SQLite serializes all writers",
)


@pytest.mark.postgres
@needs_postgres
@pytest.mark.parametrize("run", range(5))
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_two_reviewers_taking_the_same_claim_at_once_one_wins(run):
    first, second = factories.reviewer("first"), factories.reviewer("second")
    claim = factories.ClaimFactory()
    results = _at_once(
        lambda: transition(Claim.objects.get(pk=claim.pk), "take", by=first, version=1),
        lambda: transition(Claim.objects.get(pk=claim.pk), "take", by=second, version=1),
    )
    won = [r for r in results if isinstance(r, Claim)]
    lost = [r for r in results if isinstance(r, workflow.WorkflowError)]
    assert len(won) == 1 and len(lost) == 1, results
    assert isinstance(lost[0], (StaleVersion, InvalidTransition))
    claim = reload(claim)
    events = list(ClaimEvent.objects.filter(claim=claim))
    assert len(events) == 1
    assert (claim.status, claim.version, claim.assignee) == ("in_review", 2, events[0].actor)


@pytest.mark.postgres
@needs_postgres
@pytest.mark.parametrize("run", range(5))
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_verify_and_dispute_at_once_on_the_same_version_one_wins(run):
    editor, reviewer = factories.editor("boss"), factories.reviewer("checker")
    claim = factories.ClaimFactory()
    factories.EvidenceFactory(claim=claim, added_by=reviewer)
    transition(claim, "assign", by=editor, assignee=reviewer)
    seen = reload(claim).version
    results = _at_once(
        lambda: transition(
            Claim.objects.get(pk=claim.pk), "verify", by=reviewer, rating="accurate",
            version=seen, **factories.RULING,
        ),
        lambda: transition(
            Claim.objects.get(pk=claim.pk), "dispute", by=reviewer, rating="inaccurate",
            note="Wrong year.", version=seen, **factories.RULING,
        ),
    )
    won = [r for r in results if isinstance(r, Claim)]
    lost = [r for r in results if isinstance(r, workflow.WorkflowError)]
    assert len(won) == 1 and len(lost) == 1, results
    assert isinstance(lost[0], StaleVersion)
    claim = reload(claim)
    checks = list(ClaimEvent.objects.filter(claim=claim, action__in=["verify", "dispute"]))
    assert len(checks) == 1
    assert (claim.status, claim.rating, claim.version) == (
        checks[0].to_status, checks[0].rating, seen + 1,
    )
