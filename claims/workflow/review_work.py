"""What reviewers add to a claim: notes, evidence, and an earlier check to start from."""

from django.db import transaction
from django.utils import timezone

from claims import permissions
from claims.match_text import match_text, similarity
from claims.models import Annotation, Claim, ClaimMatch, Evidence
from claims.workflow.actions import S
from claims.workflow.common import _check_open, _check_version, _event, _lock
from claims.workflow.errors import (
    InvalidTransition,
    MissingRequirement,
    PermissionDenied,
    StaleVersion,
)


def add_note(claim, *, by, body):
    """Add a note to a claim's discussion, and to its history; return the Annotation.

    Under the claim's lock, so a claim being dismissed at the same moment takes no note.
    """
    if not permissions.can_review(by):
        raise PermissionDenied("Only editors and reviewers can add notes to a claim.")
    with transaction.atomic():
        current = _lock(claim)
        _check_open(current, "note")
        note = Annotation.objects.create(claim=current, author=by, body=body)
        _event(current, by=by, action="note", note=body)
    return note


def add_evidence(claim, *, by, url, title="", excerpt="", stance=""):
    """Add a piece of evidence to a claim, and say so in its history; return the Evidence.

    Under the claim's lock, so evidence never slips into a claim being approved at the same
    moment: an approved claim is published with the evidence it was approved with.
    """
    if not permissions.can_review(by):
        raise PermissionDenied("Only editors and reviewers can add evidence to a claim.")
    with transaction.atomic():
        current = _lock(claim)
        _check_open(current, "evidence")
        evidence = Evidence.objects.create(
            claim=current, url=url, title=title, excerpt=excerpt, stance=stance, added_by=by
        )
        _event(current, by=by, action="evidence", note=f"{title}, {url}" if title else url)
    return evidence


# An earlier claim's check can be a starting point once it carries a ruling.
RULED_STATUSES = (S.VERIFIED, S.DISPUTED, S.APPROVED)


def can_start_from_check(claim, user):
    """Whether ``user`` may start ``claim``'s check from an earlier one now (the page's buttons;
    ``start_from_check`` asks the same and says why not)."""
    return (
        claim.status == S.IN_REVIEW
        and permissions.can_review(user)
        and (claim.assignee_id == user.pk or user.is_superuser)
    )


def start_from_check(claim, *, by, earlier, version=None):
    """Start ``claim``'s check from ``earlier``'s: copy its ruling (verdict and reasoning) and
    its evidence onto ``claim`` as a draft, keep the link between the two and say so in the
    history. Return the updated claim.

    Nothing is decided: the claim stays in review, unrated, until its reviewer verifies or
    disputes it with the draft as it stands or changed. Only the reviewer it is assigned to
    may do it, like verifying. Evidence already on the claim (the same address) is not added
    twice.
    """
    if not permissions.can_review(by):
        raise PermissionDenied("Only editors and reviewers can start a check.")
    with transaction.atomic():
        current = _lock(claim)
        _check_version(current, version)
        if current.status != S.IN_REVIEW:
            raise InvalidTransition(
                f"A claim that is {current.get_status_display().lower()} cannot be started "
                "from an earlier check; take it first."
            )
        if current.assignee_id != by.pk and not by.is_superuser:
            raise PermissionDenied(
                "Only the reviewer this claim is assigned to can start its check from an "
                "earlier one; ask an editor to assign it to you."
            )
        source = Claim.objects.select_related("release").get(pk=earlier.pk)
        if source.pk == current.pk:
            raise InvalidTransition("A claim cannot be started from its own check.")
        if source.status not in RULED_STATUSES or not source.verdict:
            raise MissingRequirement(
                f"Claim #{source.pk} has no ruling yet ({source.get_status_display().lower()}); "
                "start from a claim that was verified, disputed or approved."
            )
        now = timezone.now()
        have = set(current.evidence.values_list("url", flat=True))
        copies = [
            Evidence(
                claim=current, url=item.url, title=item.title, excerpt=item.excerpt,
                stance=item.stance, added_by=by,
            )
            for item in source.evidence.order_by("added_at", "id")
            if item.url not in have
        ]
        Evidence.objects.bulk_create(copies)
        changes = {
            "verdict": source.verdict, "reasoning": source.reasoning,
            "version": current.version + 1, "updated_at": now,
        }
        moved = Claim.objects.filter(pk=current.pk, version=current.version).update(**changes)
        if not moved:
            raise StaleVersion("This claim was changed at the same moment; reload and try again.")
        link, created = ClaimMatch.objects.get_or_create(
            claim=current, earlier=source,
            defaults={
                "similarity": similarity(match_text(current.text), match_text(source.text)),
                "started_by": by, "started_at": now,
            },
        )
        if not created:
            ClaimMatch.objects.filter(pk=link.pk).update(started_by=by, started_at=now)
        rated = f", rated {source.get_rating_display().lower()}" if source.rating else ""
        pieces = f"{len(copies)} piece{'s' if len(copies) != 1 else ''} of evidence"
        _event(
            current, by=by, action="start_from",
            note=f"Started from the check of #{source.pk}{rated}: its ruling and {pieces} "
            "copied as a draft.",
        )
    for field, value in changes.items():
        setattr(claim, field, value)
    return claim
