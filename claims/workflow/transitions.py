"""Review actions: moving a claim from one status to another, and which moves a person has."""

from dataclasses import dataclass

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from claims import notifications, permissions
from claims.models import VERDICT_MAX_LENGTH, Claim, Rating, person_name
from claims.workflow.actions import ACTIONS, PAST_TENSE
from claims.workflow.common import _check_version, _event, _lock
from claims.workflow.errors import (
    InvalidTransition,
    MissingRequirement,
    PermissionDenied,
    StaleVersion,
)


def _check_permission(action, claim, user):
    if not user.has_perm(action.permission):
        raise PermissionDenied(
            f"You do not have permission to {action.label.lower()} claims; ask an editor."
        )
    if action.name == "take" and claim.assignee_id and claim.assignee_id != user.pk:
        raise PermissionDenied(
            f"This claim is already assigned to {person_name(claim.assignee)}; "
            "ask an editor to reassign it."
        )
    if action.only_assignee and claim.assignee_id != user.pk and not user.is_superuser:
        if claim.assignee_id is None:
            raise PermissionDenied(
                f"Only the reviewer this claim is assigned to can {action.name} it; "
                "take it or ask an editor to assign it to you."
            )
        raise PermissionDenied(
            f"Only the reviewer this claim is assigned to, {person_name(claim.assignee)}, can "
            "verify or dispute it; ask an editor to reassign it to you."
        )
    if (
        action.assignee_or_manager
        and claim.assignee_id != user.pk
        and not user.has_perm(permissions.MANAGE)
    ):
        raise PermissionDenied(
            f"Only {person_name(claim.assignee) or 'the reviewer it is assigned to'} or an "
            "editor can hand this claim back."
        )
    if (
        action.name == "approve"
        and settings.FACTCHECK_SEPARATE_APPROVAL
        and claim.checked_by_id == user.pk
    ):
        raise PermissionDenied(
            f"You {claim.status} this claim yourself, so another editor must approve it."
        )


def _check_ruling(action, *, verdict, reasoning):
    if not verdict:
        raise MissingRequirement(
            f"Write the verdict readers will see, in one sentence, to {action.name} this claim."
        )
    if len(verdict) > VERDICT_MAX_LENGTH:
        raise MissingRequirement(
            f"The verdict is {len(verdict):,} characters long; keep it to one sentence of at "
            f"most {VERDICT_MAX_LENGTH} and put the rest in the reasoning."
        )
    if not reasoning:
        raise MissingRequirement(
            f"Write the reasoning readers will see (a few lines on how you checked), to "
            f"{action.name} this claim."
        )


def _check_needs(action, claim, *, rating, note, assignee, verdict="", reasoning=""):
    if action.ratings and rating not in action.ratings:
        labels = ", ".join(str(Rating(r).label).lower() for r in action.ratings)
        if rating:
            raise MissingRequirement(
                f"A claim rated “{rating}” cannot be {PAST_TENSE[action.name]}; "
                f"choose one of: {labels}."
            )
        raise MissingRequirement(f"Choose a rating to {action.name} this claim ({labels}).")
    if action.needs_note and not (note or "").strip():
        raise MissingRequirement(f"Write a note saying why, to {action.label.lower()} this claim.")
    if action.needs_ruling:
        _check_ruling(action, verdict=verdict, reasoning=reasoning)
    if action.needs_evidence and not claim.evidence.exists():
        raise MissingRequirement(
            "Add at least one piece of evidence before verifying this claim."
        )
    if action.needs_assignee:
        if assignee is None:
            raise MissingRequirement("Choose the reviewer to assign this claim to.")
        if not permissions.can_review(assignee):
            raise MissingRequirement(
                f"{person_name(assignee)} is not a reviewer; choose someone from the desk."
            )
        if assignee.pk == claim.assignee_id:
            raise InvalidTransition(f"This claim is already assigned to {person_name(assignee)}.")


def transition(
    claim, action, *, by, rating=None, note="", version=None, assignee=None, verdict="",
    reasoning="",
):
    """Apply ``action`` to ``claim`` for user ``by``; return the updated claim.

    ``version`` is the version the user saw; a different current version is a conflict.
    ``note`` is internal; ``verdict`` and ``reasoning`` are the public ruling that verify and
    dispute need.
    Raises one of :class:`InvalidTransition`, :class:`StaleVersion`, :class:`PermissionDenied`,
    :class:`MissingRequirement`, and then nothing has changed.
    """
    spec = ACTIONS.get(action)
    if spec is None:
        known = ", ".join(ACTIONS)
        raise InvalidTransition(f"“{action}” is not a review action; use one of: {known}.")
    note = (note or "").strip()
    rating = rating or ""
    verdict = " ".join((verdict or "").split())  # one sentence: one line
    reasoning = (reasoning or "").strip()
    with transaction.atomic():
        current = _lock(claim)
        _check_version(current, version)
        if current.status not in spec.from_statuses:
            raise InvalidTransition(
                f"A claim that is {current.get_status_display().lower()} cannot be "
                f"{PAST_TENSE[action]}."
            )
        _check_permission(spec, current, by)
        _check_needs(
            spec, current, rating=rating, note=note, assignee=assignee, verdict=verdict,
            reasoning=reasoning,
        )

        now = timezone.now()
        changes = {"status": spec.to_status, "version": current.version + 1, "updated_at": now}
        if action == "take":
            changes["assignee"] = by
        elif action == "assign":
            changes["assignee"] = assignee
        elif action in ("verify", "dispute"):
            changes.update(
                rating=rating, checked_by=by, checked_at=now, verdict=verdict,
                reasoning=reasoning,
            )
        elif action == "approve":
            changes.update(approved_by=by, approved_at=now)
        elif action in ("return", "reopen"):
            changes.update(rating="", approved_by=None, approved_at=None)
        elif action == "dismiss":
            changes.update(rating="")
        elif action == "restore":
            changes.update(assignee=None, checked_by=None, checked_at=None)
        elif action == "unassign":
            changes.update(assignee=None)

        # Guarded by the version read under the lock: on databases without row locks
        # (SQLite) a concurrent writer that got in first makes this update match nothing.
        moved = Claim.objects.filter(pk=current.pk, version=current.version).update(**changes)
        if not moved:
            raise StaleVersion("This claim was changed at the same moment; reload and try again.")
        _event(
            current, by=by, action=action, note=note, to_status=spec.to_status,
            rating=changes.get("rating", current.rating),
            assignee=changes.get("assignee", current.assignee),
            verdict=verdict if spec.needs_ruling else "",
            reasoning=reasoning if spec.needs_ruling else "",
        )
        # After the commit, and never in the way of it (see claims.notifications).
        notifications.claim_moved(
            current, action, by=by, assignee=changes.get("assignee"),
            checked_by=current.checked_by,
        )
    for field, value in changes.items():
        setattr(claim, field, value)
    return claim


def allowed_actions(claim, user):
    """The actions ``user`` may take on ``claim`` now, in table order (for buttons and the API).

    Needs that depend on input (a rating, a note, evidence) are not checked here: the buttons
    ask for them.
    """
    result = []
    if user is None or not user.is_authenticated or not user.is_active:
        return result
    for spec in ACTIONS.values():
        if claim.status not in spec.from_statuses:
            continue
        try:
            _check_permission(spec, claim, user)
        except PermissionDenied:
            continue
        result.append(spec.name)
    return result


@dataclass(frozen=True)
class Unavailable:
    """Actions the claim's status allows and the user's role covers, refused by one rule."""

    names: tuple
    labels: tuple
    reason: str  # a sentence saying why, and who can do it instead


def unavailable_actions(claim, user):
    """The actions ``user`` would expect to take on ``claim`` now but may not, with the rule
    that stops them ("You verified this claim yourself, so another editor must approve it."):
    a missing button explains itself. Actions stopped by the same rule come together, in
    table order.

    Actions outside the user's role (a reviewer and approve) are not listed: they are
    someone else's job, not a rule in the way.
    """
    by_reason = {}
    if user is None or not user.is_authenticated or not user.is_active:
        return []
    for spec in ACTIONS.values():
        if claim.status not in spec.from_statuses or not user.has_perm(spec.permission):
            continue
        try:
            _check_permission(spec, claim, user)
        except PermissionDenied as refusal:
            by_reason.setdefault(str(refusal), []).append(spec)
    return [
        Unavailable(tuple(s.name for s in specs), tuple(s.label for s in specs), reason)
        for reason, specs in by_reason.items()
    ]
