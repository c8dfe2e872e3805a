"""Corrections of the extraction: a claim's text and span edited, claims added by hand,
split and merged.
"""

from django.db import IntegrityError, transaction
from django.utils import timezone

from claims import permissions
from claims.importing import worthiness as _worthiness
from claims.models import Claim, ClaimKind
from claims.workflow.actions import S
from claims.workflow.common import (
    _check_corrector,
    _check_open,
    _check_version,
    _event,
    _lock,
    _save_new_version,
)
from claims.workflow.errors import InvalidTransition, MissingRequirement, PermissionDenied

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
