"""The review workflow: the only code that changes a claim's status.

Pages, admin actions, the API and the commands all call :func:`transition` (or
:func:`edit_claim` for text corrections). Each call is one transaction: lock the claim, refuse a
stale version, check permission and what the action needs, change the claim, and append one
:class:`~claims.models.ClaimEvent`.
"""

from dataclasses import dataclass

from django.conf import settings
from django.db import IntegrityError, transaction
from django.db.models import Q
from django.utils import timezone
from django.utils.formats import date_format

from claims import notifications, permissions
from claims.importing import worthiness as _worthiness
from claims.match_text import match_text, similarity
from claims.models import (
    VERDICT_MAX_LENGTH,
    Annotation,
    Claim,
    ClaimEvent,
    ClaimKind,
    ClaimMatch,
    Evidence,
    Rating,
    Release,
    ReviewStatus,
    Speaker,
    SpeakerEvent,
    SpeakerRole,
    person_name,
)

S = ReviewStatus

VERIFY_RATINGS = (Rating.ACCURATE, Rating.MOSTLY_ACCURATE)
DISPUTE_RATINGS = (
    Rating.MISLEADING,
    Rating.MOSTLY_INACCURATE,
    Rating.INACCURATE,
    Rating.UNVERIFIABLE,
)


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    from_statuses: tuple
    to_status: str
    permission: str
    ratings: tuple = ()  # the ratings this action accepts; empty: it takes none
    needs_note: bool = False
    needs_ruling: bool = False  # a public verdict and its reasoning
    needs_evidence: bool = False
    needs_assignee: bool = False
    only_assignee: bool = False  # only the reviewer the claim is assigned to may do it
    # only the assignee, or someone who manages the desk (an editor handing a claim back)
    assignee_or_manager: bool = False


# The whole workflow on one screen: (from statuses) --action--> to status, who, and what it needs.
ACTIONS = {
    a.name: a
    for a in (
        Action("take", "Take", (S.PENDING,), S.IN_REVIEW, permissions.REVIEW),
        Action(
            "assign", "Assign", (S.PENDING, S.IN_REVIEW), S.IN_REVIEW, permissions.MANAGE,
            needs_assignee=True,
        ),
        Action(
            "verify", "Verify", (S.IN_REVIEW,), S.VERIFIED, permissions.REVIEW,
            ratings=VERIFY_RATINGS, needs_ruling=True, needs_evidence=True, only_assignee=True,
        ),
        # The ruling's reasoning says publicly why a claim is disputed: no internal note needed.
        Action(
            "dispute", "Dispute", (S.IN_REVIEW,), S.DISPUTED, permissions.REVIEW,
            ratings=DISPUTE_RATINGS, needs_ruling=True, only_assignee=True,
        ),
        Action("approve", "Approve", (S.VERIFIED, S.DISPUTED), S.APPROVED, permissions.APPROVE),
        Action(
            "return", "Return for review", (S.VERIFIED, S.DISPUTED), S.IN_REVIEW,
            permissions.MANAGE, needs_note=True,
        ),
        Action(
            "reopen", "Reopen", (S.APPROVED,), S.IN_REVIEW, permissions.APPROVE, needs_note=True
        ),
        Action("dismiss", "Dismiss", (S.PENDING, S.IN_REVIEW), S.DISMISSED, permissions.MANAGE),
        Action("restore", "Restore", (S.DISMISSED,), S.PENDING, permissions.MANAGE),
        Action(
            "unassign", "Hand back", (S.IN_REVIEW,), S.PENDING, permissions.REVIEW,
            assignee_or_manager=True,
        ),
    )
}

# The actions' names in table order (the API's ReviewActionEnum).
ACTION_NAMES = tuple(ACTIONS)

PAST_TENSE = {
    "take": "taken",
    "assign": "assigned",
    "verify": "verified",
    "dispute": "disputed",
    "approve": "approved",
    "return": "returned for review",
    "reopen": "reopened",
    "dismiss": "dismissed",
    "restore": "restored",
    "unassign": "handed back",
    "edit": "edited",
    "add": "added",
    "split": "split",
    "merge": "merged",
    "note": "added a note",
    "evidence": "added evidence",
    "start_from": "started from an earlier check",


    "due": "set the due date",
}


class WorkflowError(Exception):
    """A refused change. ``str(error)`` is a sentence for the person who asked."""

    code = "workflow_error"

    def __init__(self, message, *, code=None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class InvalidTransition(WorkflowError):
    """The action does not apply to the claim's current status (or is unknown)."""

    code = "invalid_transition"


class StaleVersion(WorkflowError):
    """Someone changed the claim after the user loaded it."""

    code = "stale_version"


class PermissionDenied(WorkflowError):
    """This user may not take this action on this claim."""

    code = "permission_denied"


class MissingRequirement(WorkflowError):
    """The action needs something the request did not give (a rating, a note, evidence)."""

    code = "missing_requirement"


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


def _check_version(claim, version):
    if version is None or int(version) == claim.version:
        return
    last = claim.events.select_related("actor").order_by("-created_at", "-id").first()
    if last is None:
        raise StaleVersion("This claim has changed since you loaded it; reload the page.")
    when = date_format(timezone.localtime(last.created_at), "DATETIME_FORMAT")
    raise StaleVersion(
        f"This claim was changed by {person_name(last.actor)} at {when}; "
        "reload to see the change, then try again."
    )


def _event(claim, *, by, action, note, **after):
    """Append to ``claim``'s history: ``action`` by ``by``, with the claim's status (from and
    to), rating and assignee as ``after`` gives them (by default, as they are), and any other
    field of the entry (a ruling's verdict and reasoning) from ``after`` too."""
    fields = {
        "from_status": claim.status, "to_status": claim.status, "rating": claim.rating,
        "assignee": claim.assignee, **after,
    }
    return ClaimEvent.objects.create(claim=claim, actor=by, action=action, note=note, **fields)


def _lock(claim):
    # Lock only the claim's row: PostgreSQL refuses FOR UPDATE on the nullable side of the
    # outer joins that fetch the assignee and checker.
    return (
        Claim.objects.select_for_update(of=("self",))
        .select_related("assignee", "checked_by")
        .get(pk=claim.pk)
    )


def _save_new_version(claim, fields):
    """Save the changed ``fields`` of a locked claim as its next version, stamped now."""
    claim.version += 1
    claim.updated_at = timezone.now()
    claim.save(update_fields=[*fields, "version", "updated_at"])


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


SAME_SPAN = (
    "Another claim of this kind already covers exactly these characters; change the span or "
    "the kind."
)

EDITABLE_FIELDS = ("text", "start", "end", "attribution", "speaker", "kind")


def edit_claim(claim, *, by, version, **fields):
    """Correct a claim's text, span, attribution, speaker or kind (an editor's job).

    The span must still slice the text from the paragraph. Bumps the version and records an
    ``edit`` event listing what changed.
    """
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise InvalidTransition(f"These fields cannot be edited: {', '.join(sorted(unknown))}.")
    if not permissions.can_manage(by):
        raise PermissionDenied("Only editors can correct a claim; ask an editor.")
    with transaction.atomic():
        current = _lock(claim)
        _check_version(current, version)
        _check_open(current, "edit")
        changed = {k: v for k, v in fields.items() if getattr(current, k) != v}
        if not changed:
            return current
        for field, value in changed.items():
            setattr(current, field, value)
        if current.paragraph.text[current.start : current.end] != current.text:
            raise MissingRequirement(
                "The text must be exactly the paragraph's characters from start to end; "
                "correct the offsets or the text."
            )
        if current.start >= current.end:
            raise MissingRequirement("The span must start before it ends.")
        duplicate = Claim.objects.filter(
            paragraph_id=current.paragraph_id, start=current.start, end=current.end,
            kind=current.kind,
        ).exclude(pk=current.pk)
        if duplicate.exists():
            raise MissingRequirement(SAME_SPAN)
        try:
            _save_new_version(current, changed)
        except IntegrityError:
            # Another editor moved another claim onto the same span and kind after the check
            # above (the rows differ, so neither lock stops it): the unique constraint
            # refuses the second, and the whole correction rolls back.
            raise MissingRequirement(SAME_SPAN) from None
        _event(current, by=by, action="edit", note="Changed " + ", ".join(sorted(changed)) + ".")
    return current


# Corrections of the extraction: claims added by hand, split and merged ----------------------


def _check_corrector(by, what):
    if not permissions.can_manage(by):
        raise PermissionDenied(f"Only editors can {what}; ask an editor.")


def _trimmed(text, start, end):
    """``start`` and ``end`` moved inwards past spaces, so a span never starts or ends blank."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _check_span_is_free(paragraph_id, start, end, kind, *, exclude=()):
    if start >= end:
        raise MissingRequirement("Choose at least one word of the paragraph.")
    taken = Claim.objects.filter(paragraph_id=paragraph_id, start=start, end=end, kind=kind)
    if taken.exclude(pk__in=exclude).exists():
        raise MissingRequirement(
            "Another claim of this kind already covers exactly these characters; "
            "change the span or the kind."
        )


# Claims not yet checked can be split or merged: a ruling covers the words it was given for.
_RESHAPEABLE = (S.PENDING, S.IN_REVIEW)


def _check_reshapeable(claim, change):
    if claim.status not in _RESHAPEABLE:
        raise InvalidTransition(
            f"Claim #{claim.pk} is {claim.get_status_display().lower()}: its ruling covers its "
            f"words as they are, so it cannot be {change}; return it for review (or reopen it) "
            "first."
        )


def add_claim(paragraph, *, by, start, end, kind, speaker=None, attribution=""):
    """An editor adds a quote or claim the importer missed: the characters ``start`` to
    ``end`` of ``paragraph`` (spaces at either end left out), pending and unassigned, scored
    from what it says. Recorded as an ``add`` event. Returns the new claim."""
    _check_corrector(by, "add claims")
    if kind not in ClaimKind.values:
        raise MissingRequirement(
            f"Choose what it is: {', '.join(str(label).lower() for label in ClaimKind.labels)}."
        )
    if not (0 <= start < end <= len(paragraph.text)):
        raise MissingRequirement(
            f"The span must lie within the paragraph's {len(paragraph.text)} characters."
        )
    start, end = _trimmed(paragraph.text, start, end)
    text = paragraph.text[start:end]
    score, reasons = _worthiness(text, kind)
    with transaction.atomic():
        _check_span_is_free(paragraph.pk, start, end, kind)
        claim = Claim.objects.create(
            release_id=paragraph.release_id, paragraph=paragraph, kind=kind, text=text,
            start=start, end=end, speaker=speaker, attribution=attribution[:500], score=score,
            reasons=reasons,
        )
        _event(
            claim, by=by, action="add",
            note=f"Added by hand: {ClaimKind(kind).label.lower()}, characters {start}–{end} of "
            f"{'the headline' if paragraph.position == 0 else f'¶{paragraph.position}'}.",
        )
    return claim


def split_claim(claim, *, by, version, at):
    """Split a claim not yet checked in two at paragraph offset ``at``: the claim keeps the
    words before, a new pending claim of the same kind and speaker takes the words after.
    Both histories say so. Returns ``(claim, new_claim)``."""
    _check_corrector(by, "split claims")
    with transaction.atomic():
        current = _lock(claim)
        _check_version(current, version)
        _check_reshapeable(current, "split")
        text = current.paragraph.text
        refusal = MissingRequirement(
            "Split between two words of the claim, so that each part keeps some words."
        )
        # Outside the claim first: an offset past the paragraph's end must not be read.
        if not (current.start < at < current.end):
            raise refusal
        first = _trimmed(text, current.start, at)
        second = _trimmed(text, at, current.end)
        inside_a_word = text[at - 1].isalnum() and text[at].isalnum()
        if inside_a_word or first[0] >= first[1] or second[0] >= second[1]:
            raise refusal
        _check_span_is_free(current.paragraph_id, *second, current.kind)
        _check_span_is_free(current.paragraph_id, *first, current.kind, exclude=[current.pk])
        score, reasons = _worthiness(text[second[0] : second[1]], current.kind)
        new = Claim.objects.create(
            release_id=current.release_id, paragraph_id=current.paragraph_id,
            kind=current.kind, text=text[second[0] : second[1]], start=second[0], end=second[1],
            speaker_id=current.speaker_id, attribution=current.attribution, score=score,
            reasons=reasons, continues_id=current.continues_id,
        )
        current.start, current.end = first
        current.text = text[current.start : current.end]
        current.score, current.reasons = _worthiness(current.text, current.kind)
        _save_new_version(current, ["start", "end", "text", "score", "reasons"])
        _event(current, by=by, action="split", note=f"Split: the words after went to #{new.pk}.")
        _event(new, by=by, action="split", note=f"Split from #{current.pk}.",
               from_status=S.PENDING, to_status=S.PENDING, rating="", assignee=None)
    claim.__dict__.update({k: getattr(current, k) for k in ("start", "end", "text", "version")})
    return current, new


def merge_claims(claim, other, *, by, version, other_version):
    """Merge ``other`` into ``claim``, two claims of one paragraph not yet checked: ``claim``
    stretches over both spans (and what lies between), ``other`` is dismissed pointing at it.
    Both histories say so. Returns the merged claim."""
    _check_corrector(by, "merge claims")
    if claim.pk == other.pk:
        raise MissingRequirement("Choose another claim to merge this one with.")
    with transaction.atomic():
        # Locked in id order, so two editors merging the same pair cannot deadlock.
        first_id, second_id = sorted([claim.pk, other.pk])
        locked = {c.pk: c for c in (_lock(Claim(pk=first_id)), _lock(Claim(pk=second_id)))}
        current, absorbed = locked[claim.pk], locked[other.pk]
        _check_version(current, version)
        _check_version(absorbed, other_version)
        if current.paragraph_id != absorbed.paragraph_id:
            raise MissingRequirement(
                "Only claims of the same paragraph can be merged; a quote over several "
                "paragraphs stays one claim per paragraph."
            )
        _check_reshapeable(current, "merged")
        _check_reshapeable(absorbed, "merged")
        start, end = min(current.start, absorbed.start), max(current.end, absorbed.end)
        _check_span_is_free(current.paragraph_id, start, end, current.kind,
                            exclude=[current.pk, absorbed.pk])
        current.start, current.end = start, end
        current.text = current.paragraph.text[start:end]
        current.score, current.reasons = _worthiness(current.text, current.kind)
        _save_new_version(current, ["start", "end", "text", "score", "reasons"])
        _event(current, by=by, action="merge", note=f"Merged with #{absorbed.pk}.")
        Claim.objects.filter(pk=absorbed.pk).update(
            status=S.DISMISSED, rating="", version=absorbed.version + 1,
            updated_at=timezone.now(),
        )
        _event(absorbed, by=by, action="merge", note=f"Merged into #{current.pk}.",
               to_status=S.DISMISSED, rating="")
    return current


def _check_open(claim, change):
    refusal = permissions.closed_to(claim, change)
    if refusal:
        raise InvalidTransition(refusal)



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


# Due dates ----------------------------------------------------------------------------------


def due_sentence(due_on):
    return f"Due {date_format(due_on, 'j F Y')}." if due_on else "Due date removed."


def set_due_date(claim, *, by, due_on):
    """An editor sets (or, with None, removes) the date a claim should be checked by.

    Not a change of the claim's review (its version stays): a line in its history says who
    set which date. Returns the claim.
    """
    _check_corrector(by, "set due dates")
    with transaction.atomic():
        current = _lock(claim)
        if current.due_on == due_on:
            return current
        Claim.objects.filter(pk=current.pk).update(due_on=due_on)
        _event(current, by=by, action="due", note=due_sentence(due_on))
    claim.due_on = due_on
    return claim


def set_release_due_date(release, *, by, due_on):
    """An editor sets (or removes) a release's due date; its claims that had none of their
    own, or had the release's former one, take the new date. Returns how many claims did.

    The claims carry the date themselves so that the queue sorts and filters them on one
    indexed column; a claim given a date of its own keeps it.
    """
    _check_corrector(by, "set due dates")
    with transaction.atomic():
        current = Release.objects.select_for_update().only("pk", "due_on").get(pk=release.pk)
        inherited = Claim.objects.filter(release_id=current.pk)
        if current.due_on is None:
            inherited = inherited.filter(due_on__isnull=True)
        else:
            inherited = inherited.filter(Q(due_on__isnull=True) | Q(due_on=current.due_on))
        moved = inherited.update(due_on=due_on)
        Release.objects.filter(pk=current.pk).update(due_on=due_on)
    release.due_on = due_on
    return moved


# Speakers' records: merged when two are one person, split when a merge was wrong -----------


def _merge_roles(target_id, absorbed_id):
    """``absorbed``'s roles become ``target``'s; a role both had keeps the wider span."""
    mine = {(r.role, r.organization): r for r in SpeakerRole.objects.filter(speaker_id=target_id)}
    for row in SpeakerRole.objects.filter(speaker_id=absorbed_id):
        same = mine.get((row.role, row.organization))
        if same is None:
            SpeakerRole.objects.filter(pk=row.pk).update(speaker_id=target_id)
            continue
        if row.first_seen < same.first_seen:
            same.first_seen, same.first_release_id = row.first_seen, row.first_release_id
        if row.last_seen > same.last_seen:
            same.last_seen, same.last_release_id = row.last_seen, row.last_release_id
        same.save(update_fields=["first_seen", "first_release", "last_seen", "last_release"])
        row.delete()


def _locked_speakers(*ids):
    # In id order, so two editors merging the same pair either way cannot deadlock.
    found = Speaker.objects.select_for_update().in_bulk(sorted(ids))
    return [found.get(pk) for pk in ids]


def merge_speakers(speaker, other, *, by, note=""):
    """Merge ``other`` into ``speaker``: the same person under two records. Every claim of
    ``other`` becomes ``speaker``'s, its aliases (and its name) join ``speaker``'s, its roles
    too; ``other`` stays, pointing at ``speaker``, so that an import naming it finds the person
    and a wrong merge can be split back into it. Both records' histories say so. One
    transaction; returns the merge's history entry."""
    _check_corrector(by, "merge speakers")
    if speaker.pk == other.pk:
        raise MissingRequirement("Choose another speaker record to merge with this one.")
    with transaction.atomic():
        target, absorbed = _locked_speakers(speaker.pk, other.pk)
        if target is None or absorbed is None:
            raise MissingRequirement("That speaker record no longer exists; reload the page.")
        for record in (target, absorbed):
            if record.merged_into_id:
                raise InvalidTransition(
                    f"“{record.name}” was merged into another record already; merge into "
                    "that one instead."
                )
        moved = list(absorbed.claims.order_by("pk").values_list("pk", flat=True))
        Claim.objects.filter(speaker_id=absorbed.pk).update(
            speaker_id=target.pk, updated_at=timezone.now()
        )
        # Records merged into ``other`` before now point at ``speaker``, so none is two hops
        # away.
        Speaker.objects.filter(merged_into_id=absorbed.pk).update(merged_into_id=target.pk)
        added = [a for a in [absorbed.name, *absorbed.aliases] if a not in target.aliases]
        target.aliases = [*target.aliases, *added]
        if not target.role and absorbed.role:
            target.role = absorbed.role
        if not target.organization and absorbed.organization:
            target.organization = absorbed.organization
        target.save(update_fields=["aliases", "role", "organization"])
        absorbed.merged_into = target
        absorbed.save(update_fields=["merged_into"])
        _merge_roles(target.pk, absorbed.pk)
        event = SpeakerEvent.objects.create(
            speaker=target, other=absorbed, actor=by, action="merge", claim_ids=moved,
            aliases=added, note=note,
        )
        SpeakerEvent.objects.create(
            speaker=absorbed, other=target, actor=by, action="merge", claim_ids=moved,
            aliases=added, note=note,
        )
    speaker.__dict__.update(aliases=target.aliases, role=target.role,
                            organization=target.organization)
    return event


def split_speaker(speaker, *, by, claim_ids=(), aliases=(), into=None, name="", note=""):
    """Move the chosen claims and aliases of ``speaker`` to another record: ``into`` (a record
    merged into ``speaker`` comes back as a record of its own) or a new one called ``name``.
    Both histories say so. One transaction; returns the record they went to."""
    _check_corrector(by, "split speakers")
    claim_ids, aliases = sorted(set(claim_ids)), list(dict.fromkeys(aliases))
    name = " ".join((name or "").split())[:200]
    if not claim_ids and not aliases:
        raise MissingRequirement("Choose the claims or aliases that belong to someone else.")
    if (into is None) == (not name):
        raise MissingRequirement(
            "Say where they go: an existing speaker record, or the name of a new one."
        )
    with transaction.atomic():
        if into is None:
            if Speaker.objects.filter(name=name).exists():
                raise MissingRequirement(
                    f"A speaker named “{name}” exists already; choose that record instead."
                )
            into = Speaker.objects.create(name=name)
        source, target = _locked_speakers(speaker.pk, into.pk)
        if target is None or source is None or target.pk == source.pk:
            raise MissingRequirement("Choose another speaker record to move them to.")
        if target.merged_into_id not in (None, source.pk):
            raise InvalidTransition(
                f"“{target.name}” was merged into another record; split into that one."
            )
        theirs = set(source.claims.filter(pk__in=claim_ids).values_list("pk", flat=True))
        if theirs != set(claim_ids):
            raise MissingRequirement(
                "Some of the chosen claims are not this speaker's any more; reload the page."
            )
        missing = [alias for alias in aliases if alias not in source.aliases]
        if missing:
            raise MissingRequirement(f"“{missing[0]}” is not one of this speaker's aliases.")
        Claim.objects.filter(pk__in=claim_ids).update(
            speaker_id=target.pk, updated_at=timezone.now()
        )
        source.aliases = [alias for alias in source.aliases if alias not in aliases]
        source.save(update_fields=["aliases"])
        target.aliases = [
            *target.aliases,
            *(a for a in aliases if a not in target.aliases and a != target.name),
        ]
        target.merged_into = None  # a record split back out is a person of its own again
        target.save(update_fields=["aliases", "merged_into"])
        for record, other in ((source, target), (target, source)):
            SpeakerEvent.objects.create(
                speaker=record, other=other, actor=by, action="split", claim_ids=claim_ids,
                aliases=aliases, note=note,
            )
    speaker.aliases = source.aliases
    return target
