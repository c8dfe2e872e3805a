"""What every change of a claim does: lock its row, refuse a stale version, and append to
its history.
"""

from django.utils import timezone
from django.utils.formats import date_format

from claims import permissions
from claims.models import Claim, ClaimEvent, person_name
from claims.workflow.errors import InvalidTransition, PermissionDenied, StaleVersion


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


def _check_corrector(by, what):
    if not permissions.can_manage(by):
        raise PermissionDenied(f"Only editors can {what}; ask an editor.")


def _check_open(claim, change):
    refusal = permissions.closed_to(claim, change)
    if refusal:
        raise InvalidTransition(refusal)
