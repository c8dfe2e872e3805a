"""The data's invariants, held by the database itself: constraints, history, protected work."""

import pytest
from django.db import IntegrityError, transaction
from django.db.models import ProtectedError

from claims.models import (
    AppendOnlyError,
    Claim,
    ClaimEvent,
    Paragraph,
    Release,
)
from claims.workflow import transition
from tests import factories

pytestmark = pytest.mark.django_db


def refused_by_database(**fields):
    """Try to write a claim with ``fields`` straight to the table, past the workflow."""
    claim = factories.ClaimFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(**fields)
    return Claim.objects.get(pk=claim.pk)


@pytest.mark.parametrize(
    "fields",
    [
        {"status": "published"},
        {"kind": "rumour"},
        {"rating": "pants_on_fire"},
        {"score": 1.5},
        {"score": -0.1},
        {"start": 10, "end": 10},
        {"start": 12, "end": 3},
        # A checked claim without the rating it was checked with.
        {"status": "verified", "rating": ""},
        {"status": "approved", "rating": ""},
    ],
    ids=lambda fields: ",".join(f"{key}={value}" for key, value in fields.items()),
)
def test_the_database_refuses_a_claim_that_breaks_an_invariant(fields):
    claim = refused_by_database(**fields)
    assert claim.status == "pending"


def test_the_same_span_cannot_be_the_same_kind_of_claim_twice():
    claim = factories.ClaimFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ClaimFactory(paragraph=claim.paragraph)
    # Another kind over the same characters is a different claim.
    factories.ClaimFactory(paragraph=claim.paragraph, kind="quantity")


def test_a_release_has_one_paragraph_at_each_position():
    paragraph = factories.ParagraphFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        Paragraph.objects.create(release=paragraph.release, position=paragraph.position, text="x")


def test_importing_the_same_content_twice_is_refused_by_the_database():
    release = factories.ReleaseFactory()
    with pytest.raises(IntegrityError), transaction.atomic():
        factories.ReleaseFactory(content_sha256=release.content_sha256)


def test_a_claim_whose_text_is_not_its_span_does_not_validate():
    from django.core.exceptions import ValidationError

    claim = factories.ClaimFactory()
    claim.text = "Something else entirely"
    with pytest.raises(ValidationError, match="exactly the characters between start and end"):
        claim.full_clean()


def test_status_rating_assignee_and_version_are_not_form_fields():
    editable = {field.name for field in Claim._meta.get_fields() if getattr(field, "editable", 0)}
    assert {"status", "rating", "assignee", "version", "checked_by", "approved_by"}.isdisjoint(
        editable
    )


# The history is append-only


@pytest.fixture
def event(editor, reviewer):
    claim = factories.ClaimFactory()
    transition(claim, "assign", by=editor, assignee=reviewer)
    return ClaimEvent.objects.get(claim=claim)


def test_a_history_entry_cannot_be_changed(event):
    event.note = "rewritten"
    with pytest.raises(AppendOnlyError):
        event.save()
    assert ClaimEvent.objects.get(pk=event.pk).note == ""


def test_a_history_entry_cannot_be_deleted(event):
    with pytest.raises(AppendOnlyError):
        event.delete()
    assert ClaimEvent.objects.filter(pk=event.pk).exists()


def test_history_cannot_be_rewritten_or_deleted_in_bulk(event):
    with pytest.raises(AppendOnlyError):
        ClaimEvent.objects.filter(pk=event.pk).update(note="rewritten")
    with pytest.raises(AppendOnlyError):
        ClaimEvent.objects.all().delete()
    assert ClaimEvent.objects.get(pk=event.pk).note == ""


# Review work protects what it is about


def test_a_claim_with_history_cannot_be_deleted(event):
    with pytest.raises(ProtectedError):
        event.claim.delete()
    assert Claim.objects.filter(pk=event.claim_id).exists()


@pytest.mark.parametrize("work", ["annotation", "evidence"])
def test_a_claim_with_notes_or_evidence_cannot_be_deleted(work, reviewer):
    claim = factories.ClaimFactory()
    if work == "annotation":
        factories.AnnotationFactory(claim=claim, author=reviewer)
    else:
        factories.EvidenceFactory(claim=claim, added_by=reviewer)
    with pytest.raises(ProtectedError):
        claim.delete()
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_a_release_whose_claims_carry_review_work_cannot_be_deleted(event):
    release = event.claim.release
    with pytest.raises(ProtectedError):
        release.delete()
    assert Release.objects.filter(pk=release.pk).exists()
    assert Claim.objects.filter(release=release).count() == 1


def test_a_release_nobody_has_reviewed_yet_can_be_deleted_with_its_claims():
    claim = factories.ClaimFactory()
    release = claim.release
    release.delete()
    assert not Claim.objects.filter(pk=claim.pk).exists()
    assert not Paragraph.objects.filter(release_id=release.pk).exists()


def test_a_speaker_with_quotes_cannot_be_deleted():
    speaker = factories.SpeakerFactory()
    factories.ClaimFactory(speaker=speaker, kind="quote")
    with pytest.raises(ProtectedError):
        speaker.delete()


def test_a_person_with_review_work_cannot_be_deleted(event):
    with pytest.raises(ProtectedError):
        event.actor.delete()
