"""Correcting the extraction on the desk: claims added by hand, split and merged, each through
the workflow with a history entry; only editors, and only before a claim is checked."""

from datetime import UTC, datetime

import pytest

from claims import workflow
from claims.models import Claim, ClaimEvent
from claims.workflow import InvalidTransition, MissingRequirement, PermissionDenied
from tests import factories

pytestmark = pytest.mark.django_db

TEXT = "The bridge opens in May 2027. It will cost £40 million, the minister said."


@pytest.fixture
def paragraph(db):
    return factories.ParagraphFactory(text=TEXT)


def span(text):
    start = TEXT.index(text)
    return start, start + len(text)


def test_an_editor_adds_a_claim_the_importer_missed(editor, paragraph):
    start, end = span("It will cost £40 million")
    claim = workflow.add_claim(paragraph, by=editor, start=start - 1, end=end, kind="quantity")

    claim.refresh_from_db()
    assert (claim.text, claim.start, claim.status, claim.assignee) == (
        "It will cost £40 million", start, "pending", None
    )
    assert "number" in claim.reasons and 0 < claim.score < 1
    (event,) = claim.events.all()
    assert (event.action, event.actor, event.from_status, event.to_status) == (
        "add", editor, "pending", "pending"
    )
    assert event.note.startswith("Added by hand: quantity, characters")


def test_an_added_quote_is_scored_from_what_it_says(editor, paragraph):
    start, end = span("It will cost £40 million")
    quote = workflow.add_claim(paragraph, by=editor, start=start, end=end, kind="quote")
    assert quote.reasons[0] == "direct_quote" and "number" in quote.reasons


@pytest.mark.parametrize(
    ("start", "end", "kind", "says"),
    [
        (3, 4, "event", "at least one word"),
        (3, 3000, "event", "within the paragraph's"),
        (0, 4, "rumour", "Choose what it is"),
    ],
)
def test_a_claim_added_out_of_bounds_is_refused(editor, paragraph, start, end, kind, says):
    with pytest.raises(MissingRequirement, match=says):
        workflow.add_claim(paragraph, by=editor, start=start, end=end, kind=kind)
    assert not Claim.objects.filter(paragraph=paragraph).exists()


def test_the_same_span_and_kind_cannot_be_added_twice(editor, paragraph):
    workflow.add_claim(paragraph, by=editor, start=0, end=29, kind="event")
    with pytest.raises(MissingRequirement, match="already covers exactly these characters"):
        workflow.add_claim(paragraph, by=editor, start=0, end=29, kind="event")


def test_reviewers_cannot_add_split_or_merge(reviewer, paragraph):
    claim = factories.ClaimFactory(paragraph=paragraph)
    with pytest.raises(PermissionDenied, match="Only editors can add claims"):
        workflow.add_claim(paragraph, by=reviewer, start=0, end=10, kind="event")
    with pytest.raises(PermissionDenied, match="Only editors can split claims"):
        workflow.split_claim(claim, by=reviewer, version=1, at=30)
    assert ClaimEvent.objects.count() == 0


def test_a_claim_split_in_two_keeps_its_work_and_gives_the_rest_to_a_new_claim(
    editor, reviewer, paragraph
):
    speaker = factories.SpeakerFactory()
    claim = factories.ClaimFactory(paragraph=paragraph, speaker=speaker, kind="event")
    workflow.transition(claim, "take", by=reviewer)
    factories.EvidenceFactory(claim=claim, added_by=reviewer, stance="context")

    kept, new = workflow.split_claim(claim, by=editor, version=2, at=TEXT.index("It will"))

    kept.refresh_from_db()
    assert (kept.text, kept.status, kept.assignee, kept.version) == (
        "The bridge opens in May 2027.", "in_review", reviewer, 3
    )
    assert kept.evidence.count() == 1
    assert (new.text, new.status, new.speaker, new.kind) == (
        "It will cost £40 million, the minister said.", "pending", speaker, "event"
    )
    assert new.evidence.count() == 0
    assert kept.events.latest("id").note == f"Split: the words after went to #{new.pk}."
    assert new.events.get().note == f"Split from #{kept.pk}."
    for part in (kept, new):
        assert part.paragraph.text[part.start : part.end] == part.text


# Past the end of the paragraph too: the API takes any whole number (issue 14, schemathesis).
@pytest.mark.parametrize("at", [0, 1, len(TEXT), len(TEXT) + 1, 269_035_913])
def test_a_split_must_leave_words_on_both_sides(editor, paragraph, at):
    claim = factories.ClaimFactory(paragraph=paragraph)
    with pytest.raises(MissingRequirement, match="Split between two words"):
        workflow.split_claim(claim, by=editor, version=1, at=at)
    assert Claim.objects.count() == 1


def test_two_claims_of_a_paragraph_merge_and_the_second_is_dismissed_pointing_at_the_first(
    editor, paragraph
):
    first = workflow.add_claim(paragraph, by=editor, start=0, end=29, kind="event")
    second = workflow.add_claim(paragraph, by=editor, start=30, end=len(TEXT), kind="event")

    merged = workflow.merge_claims(second, first, by=editor, version=1, other_version=1)

    merged.refresh_from_db()
    first.refresh_from_db()
    assert merged.pk == second.pk
    assert (merged.text, merged.start, merged.end, merged.version) == (TEXT, 0, len(TEXT), 2)
    assert (first.status, first.version) == ("dismissed", 2)
    assert first.events.latest("id").note == f"Merged into #{merged.pk}."
    assert first.events.latest("id").to_status == "dismissed"
    assert merged.events.latest("id").note == f"Merged with #{first.pk}."


def test_a_checked_claim_is_neither_split_nor_merged(editor, reviewer, paragraph):
    claim = factories.ClaimFactory(paragraph=paragraph)
    other = workflow.add_claim(paragraph, by=editor, start=0, end=10, kind="quote")
    workflow.transition(claim, "take", by=reviewer)
    factories.EvidenceFactory(claim=claim, added_by=reviewer)
    workflow.transition(claim, "verify", by=reviewer, rating="accurate", **factories.RULING)
    with pytest.raises(InvalidTransition, match="is verified: its ruling covers its words"):
        workflow.split_claim(claim, by=editor, version=3, at=30)
    with pytest.raises(InvalidTransition, match="is verified"):
        workflow.merge_claims(other, claim, by=editor, version=1, other_version=3)
    other.refresh_from_db()
    assert (other.status, other.end) == ("pending", 10)


def test_claims_of_different_paragraphs_do_not_merge(editor, paragraph):
    claim = factories.ClaimFactory(paragraph=paragraph)
    elsewhere = factories.ClaimFactory(
        paragraph=factories.ParagraphFactory(release=paragraph.release)
    )
    with pytest.raises(MissingRequirement, match="Only claims of the same paragraph"):
        workflow.merge_claims(claim, elsewhere, by=editor, version=1, other_version=1)


def test_a_merge_on_a_stale_version_changes_nothing(editor, reviewer, paragraph):
    first = workflow.add_claim(paragraph, by=editor, start=0, end=29, kind="event")
    second = workflow.add_claim(paragraph, by=editor, start=30, end=len(TEXT), kind="event")
    workflow.transition(second, "take", by=reviewer)
    with pytest.raises(workflow.StaleVersion, match="Rita Reviewer"):
        workflow.merge_claims(first, second, by=editor, version=1, other_version=1)
    first.refresh_from_db()
    assert (first.end, first.version) == (29, 1)


# The same corrections through the API


def test_an_editor_adds_a_claim_through_the_api(editor, paragraph):
    from tests.api_support import logged_in

    start, end = span("It will cost £40 million")
    response = logged_in(editor).post(
        "/api/v1/claims/",
        {"release": paragraph.release_id, "paragraph": paragraph.position, "start": start,
         "end": end, "kind": "quantity"},
        format="json",
    )

    assert response.status_code == 201, response.content
    body = response.json()
    assert (body["text"], body["status"], body["kind"]) == (
        "It will cost £40 million", "pending", "quantity"
    )
    assert response["Location"].endswith(f"/api/v1/claims/{body['id']}/")


def test_a_reviewer_cannot_add_a_claim_through_the_api(reviewer, paragraph):
    from tests.api_support import assert_error, logged_in

    response = logged_in(reviewer).post(
        "/api/v1/claims/",
        {"release": paragraph.release_id, "paragraph": paragraph.position, "start": 0,
         "end": 10, "kind": "event"},
        format="json",
    )
    assert_error(response, 403, "permission_denied")
    assert not Claim.objects.exists()


def test_a_paragraph_the_release_lacks_is_named_in_the_error(editor, paragraph):
    from tests.api_support import assert_error, logged_in

    response = logged_in(editor).post(
        "/api/v1/claims/",
        {"release": paragraph.release_id, "paragraph": 99, "start": 0, "end": 10,
         "kind": "event"},
        format="json",
    )
    body = assert_error(response, 400, "invalid")
    assert body["fields"]["paragraph"] == [f"Release #{paragraph.release_id} has no paragraph 99."]


def test_split_and_merge_through_the_api(editor, paragraph):
    from tests.api_support import assert_error, logged_in

    client = logged_in(editor)
    claim = factories.ClaimFactory(paragraph=paragraph)
    response = client.post(
        f"/api/v1/claims/{claim.pk}/split/", {"version": 1, "at": TEXT.index("It will")},
        format="json",
    )
    assert response.status_code == 201, response.content
    new = response.json()
    assert new["text"] == "It will cost £40 million, the minister said."

    response = client.post(
        f"/api/v1/claims/{claim.pk}/merge/",
        {"version": 2, "other": new["id"], "other_version": 1}, format="json",
    )
    assert response.status_code == 200, response.content
    assert response.json()["text"] == TEXT
    assert Claim.objects.get(pk=new["id"]).status == "dismissed"

    stale = client.post(
        f"/api/v1/claims/{claim.pk}/split/", {"version": 2, "at": 30}, format="json"
    )
    assert_error(stale, 409, "stale_version")


def test_a_corrected_split_or_merged_claim_shows_when_it_last_changed(editor, paragraph):
    first = workflow.add_claim(paragraph, by=editor, start=0, end=29, kind="event")
    second = workflow.add_claim(paragraph, by=editor, start=30, end=len(TEXT), kind="event")
    added_at = datetime(2024, 5, 1, 9, 0, tzinfo=UTC)
    Claim.objects.update(created_at=added_at, updated_at=added_at)

    workflow.edit_claim(first, by=editor, version=1, attribution="the minister")
    first.refresh_from_db()
    assert first.created_at == added_at < first.updated_at

    Claim.objects.update(updated_at=added_at)
    kept, new = workflow.split_claim(second, by=editor, version=1, at=TEXT.index("the minister"))
    kept.refresh_from_db()
    assert kept.created_at == added_at < kept.updated_at
    assert new.created_at > added_at

    Claim.objects.update(updated_at=added_at)
    workflow.merge_claims(first, kept, by=editor, version=2, other_version=2)
    for claim in (first, kept):
        claim.refresh_from_db()
        assert claim.created_at == added_at < claim.updated_at
