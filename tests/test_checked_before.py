"""Checked before on the desk: the claim page's panel, starting a check from an earlier one, the
queue's filters (page and API)."""

import pytest
from django.urls import reverse

from claims import workflow
from claims.importing import import_text
from claims.models import Claim, ClaimEvent, ClaimMatch, Evidence, ReviewStatus
from tests import factories

REISSUED_HEADLINE = "NATO and Japan: a joint statement"


def _reissue(editor, django_capture_on_commit_callbacks):
    """The seed release imported, then issued again under another headline: each claim of
    the second reads like its twin in the first."""
    text = factories.seed_text()
    with django_capture_on_commit_callbacks(execute=True):
        first = import_text(text, by=editor, organization="NATO").release
    return first, text


def _import_again(text, editor, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        return import_text(
            "\n".join([REISSUED_HEADLINE, *text.split("\n")[1:]]), by=editor
        ).release


def _approve(claim, reviewer, editor):
    """``claim`` checked by ``reviewer`` (accurate, with one piece of evidence), approved by
    ``editor``: an earlier check with a ruling."""
    workflow.transition(claim, "take", by=reviewer)
    workflow.add_evidence(
        claim, by=reviewer, url="https://www.nato.int/cps/en/natohq/news_211294.htm",
        title="NATO news release", excerpt="The Secretary General visited Japan.",
        stance="supports",
    )
    workflow.transition(claim, "verify", by=reviewer, rating="accurate", **factories.RULING)
    workflow.transition(claim, "approve", by=editor)
    return claim


@pytest.fixture
def twins(editor, reviewer, second_editor, django_capture_on_commit_callbacks):
    """(earlier claim, approved; the claim of the reissued release that reads like it)."""
    first, text = _reissue(editor, django_capture_on_commit_callbacks)
    earlier = (
        Claim.objects.filter(release=first, paragraph__position__gt=0, kind="quote")
        .order_by("id").first()
    )
    _approve(earlier, reviewer, second_editor)
    second = _import_again(text, editor, django_capture_on_commit_callbacks)
    later = Claim.objects.get(release=second, text=earlier.text, kind=earlier.kind)
    return Claim.objects.get(pk=earlier.pk), later


def test_the_claim_page_shows_the_earlier_check(reviewer_client, twins):
    earlier, later = twins
    page = reviewer_client.get(later.get_absolute_url()).content.decode()
    panel = page[page.index('id="checked-before"'):]
    panel = panel[: panel.index("</section>")]
    assert f"#{earlier.pk}" in panel
    assert "100% alike" in panel
    assert "Approved" in panel and "Rated accurate" in panel
    assert factories.RULING["verdict"].replace("'", "&#x27;") in panel
    assert earlier.speaker.name in panel
    assert earlier.release.title in panel
    assert "Take this claim to start its check from an earlier one." in panel


def test_a_claim_of_the_first_release_has_nothing_checked_before(reviewer_client, twins):
    earlier, _later = twins
    page = reviewer_client.get(earlier.get_absolute_url()).content.decode()
    assert "No earlier claim of another release reads like this one." in page


def test_a_reviewer_starts_from_the_earlier_check_as_a_draft(
    reviewer_client, reviewer, twins
):
    earlier, later = twins
    workflow.transition(later, "take", by=reviewer)
    page = reviewer_client.get(later.get_absolute_url()).content.decode()
    assert "Start from this check" in page
    response = reviewer_client.post(
        reverse("claims:claim_start_from_check", args=[later.pk]),
        {"earlier": earlier.pk, "version": later.version},
    )
    assert response.status_code == 302
    later.refresh_from_db()
    # A draft, never a verdict: still in review, unrated, the ruling ready to be checked.
    assert later.status == ReviewStatus.IN_REVIEW
    assert later.rating == ""
    assert later.verdict == factories.RULING["verdict"]
    assert later.reasoning == factories.RULING["reasoning"]
    assert list(later.evidence.values_list("url", "stance")) == [
        ("https://www.nato.int/cps/en/natohq/news_211294.htm", "supports")
    ]
    event = later.events.get(action="start_from")
    assert f"#{earlier.pk}" in event.note and "rated accurate" in event.note
    link = ClaimMatch.objects.get(claim=later, earlier=earlier)
    assert link.started_by == reviewer and link.started_at is not None

    page = reviewer_client.get(later.get_absolute_url()).content.decode()
    link = f'<a href="{earlier.get_absolute_url()}">#{earlier.pk}</a>'
    assert f"This check started from {link}" in page
    # The verify form offers the earlier rating and ruling, to change or keep.
    assert '<option value="accurate" selected>' in page
    assert "started from an earlier check" in page
    earlier_page = reviewer_client.get(earlier.get_absolute_url()).content.decode()
    assert "Checks started from this one" in earlier_page
    assert f"#{later.pk}" in earlier_page


def test_starting_twice_does_not_copy_the_evidence_twice(reviewer, twins):
    earlier, later = twins
    workflow.transition(later, "take", by=reviewer)
    workflow.start_from_check(later, by=reviewer, earlier=earlier)
    workflow.start_from_check(later, by=reviewer, earlier=earlier)
    assert later.evidence.count() == 1
    assert later.events.filter(action="start_from").count() == 2


def test_only_the_assigned_reviewer_starts_from_an_earlier_check(
    reviewer, second_reviewer, twins
):
    earlier, later = twins
    with pytest.raises(workflow.InvalidTransition, match="take it first"):
        workflow.start_from_check(later, by=reviewer, earlier=earlier)
    workflow.transition(later, "take", by=reviewer)
    events = ClaimEvent.objects.count()
    with pytest.raises(workflow.PermissionDenied, match="assigned to"):
        workflow.start_from_check(later, by=second_reviewer, earlier=earlier)
    later.refresh_from_db()
    assert later.verdict == "" and not later.evidence.exists()
    assert ClaimEvent.objects.count() == events


def test_a_claim_without_a_ruling_is_no_starting_point(reviewer, twins):
    earlier, later = twins
    unchecked = Claim.objects.filter(release=earlier.release).exclude(pk=earlier.pk).first()
    workflow.transition(later, "take", by=reviewer)
    with pytest.raises(workflow.MissingRequirement, match="no ruling yet"):
        workflow.start_from_check(later, by=reviewer, earlier=unchecked)
    assert not Evidence.objects.filter(claim=later).exists()


def test_a_stale_version_is_refused(reviewer_client, reviewer, twins):
    earlier, later = twins
    workflow.transition(later, "take", by=reviewer)
    response = reviewer_client.post(
        reverse("claims:claim_start_from_check", args=[later.pk]),
        {"earlier": earlier.pk, "version": 1},
        follow=True,
    )
    assert "reload" in response.content.decode()
    later.refresh_from_db()
    assert later.verdict == ""


def test_an_outsider_cannot_start_from_a_check(outsider_client, twins):
    earlier, later = twins
    response = outsider_client.post(
        reverse("claims:claim_start_from_check", args=[later.pk]),
        {"earlier": earlier.pk, "version": later.version},
    )
    assert response.status_code == 403
    assert not later.events.filter(action="start_from").exists()


@pytest.mark.parametrize(
    ("value", "expects_later"), [("yes", True), ("ruled", True), ("", True)]
)
def test_the_queue_filters_claims_seen_before(reviewer_client, twins, value, expects_later):
    earlier, later = twins
    response = reviewer_client.get(reverse("claims:queue"), {"seen_before": value, "q": ""})
    assert response.status_code == 200
    ids = {row["id"] for row in response.context["claims"]}
    if value:
        assert later.pk in ids
        assert earlier.pk not in ids
        assert all(ClaimMatch.objects.filter(claim_id=pk).exists() for pk in ids)


def test_seen_before_with_a_verdict_leaves_out_claims_whose_earlier_twin_is_unchecked(
    reviewer_client, twins
):
    earlier, later = twins
    unruled = (
        Claim.objects.filter(release=later.release, matches__isnull=False)
        .exclude(matches__earlier__status="approved").first()
    )
    ruled = reviewer_client.get(reverse("claims:queue"), {"seen_before": "ruled"})
    ids = {row["id"] for row in ruled.context["claims"]}
    assert later.pk in ids and unruled.pk not in ids
    assert all(
        ClaimMatch.objects.filter(claim_id=pk, earlier__status="approved").exists() for pk in ids
    )
    seen = reviewer_client.get(reverse("claims:queue"), {"seen_before": "yes"})
    assert unruled.pk in {row["id"] for row in seen.context["claims"]}


def test_the_api_filters_and_lists_claims_seen_before(reviewer_client, twins):
    earlier, later = twins
    response = reviewer_client.get("/api/v1/claims/", {"seen_before": "ruled"})
    assert response.status_code == 200
    ids = [row["id"] for row in response.json()["results"]]
    assert later.pk in ids and earlier.pk not in ids
    response = reviewer_client.get(f"/api/v1/claims/{later.pk}/checked-before/")
    assert response.status_code == 200
    first = next(row for row in response.json() if row["earlier"] == earlier.pk)
    assert first["similarity"] == pytest.approx(1.0)
    assert (first["status"], first["rating"]) == ("approved", "accurate")
    assert first["verdict"] == factories.RULING["verdict"]


def test_the_api_starts_from_an_earlier_check(reviewer_client, reviewer, twins):
    earlier, later = twins
    workflow.transition(later, "take", by=reviewer)
    url = f"/api/v1/claims/{later.pk}/start-from/"
    response = reviewer_client.post(
        url, {"earlier": earlier.pk, "version": later.version}, content_type="application/json"
    )
    assert response.status_code == 200, response.json()
    assert response.json()["status"] == "in_review"
    response = reviewer_client.post(
        url, {"earlier": earlier.pk, "version": 1}, content_type="application/json"
    )
    assert response.status_code == 409
