"""Due dates: the day a claim, or every open claim of a release, should be checked by."""

from django.db import transaction
from django.db.models import Q
from django.utils.formats import date_format

from claims.models import Claim, Release
from claims.workflow.common import _check_corrector, _event, _lock


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
