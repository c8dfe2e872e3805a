"""Who may do what: the one permission policy that pages, admin, API and commands all ask.

Roles are groups with model permissions (created by migration 0002): reviewers hold
``claims.review_claim``, editors also ``manage_claim``, ``approve_claim``, ``import_release``
and ``export_report``; superusers hold everything.
"""

from django.contrib.auth import get_user_model
from django.core.cache import cache
from django.db import transaction

from claims.models import ReviewStatus, person_name_from

REVIEW = "claims.review_claim"
MANAGE = "claims.manage_claim"
APPROVE = "claims.approve_claim"
IMPORT = "claims.import_release"
EXPORT = "claims.export_report"


def _active(user):
    return user is not None and user.is_authenticated and user.is_active


def can_view(user):
    """Every member of the desk can read releases, claims and their history."""
    return _active(user) and user.has_perm("claims.view_claim")


def can_review(user):
    return _active(user) and user.has_perm(REVIEW)


def can_manage(user):
    return _active(user) and user.has_perm(MANAGE)


def can_approve(user):
    return _active(user) and user.has_perm(APPROVE)


def can_import(user):
    return _active(user) and user.has_perm(IMPORT)


def can_export(user):
    return _active(user) and user.has_perm(EXPORT)


# Approved means frozen: an approved claim is published as it stands, so its text, span, kind,
# speaker and evidence change only after a reopen. Notes stay open on it: they are the desk's
# discussion, recorded in the history after the approval, and nothing of them is published.
# A dismissed claim is out of the review until it is restored: it takes no notes or evidence.
CLOSED = {
    ("edit", ReviewStatus.APPROVED): (
        "This claim is approved and published as it stands; reopen it (with a note saying "
        "why) to correct it."
    ),
    ("evidence", ReviewStatus.APPROVED): (
        "This claim is approved and published with the evidence it has; reopen it (with a "
        "note saying why) to add evidence."
    ),
    ("evidence", ReviewStatus.DISMISSED): (
        "This claim was dismissed as not worth checking; restore it to add evidence."
    ),
    ("note", ReviewStatus.DISMISSED): (
        "This claim was dismissed as not worth checking; restore it to add notes."
    ),
}


def closed_to(claim, change):
    """Why ``change`` ("edit", "evidence" or "note") cannot be made to ``claim`` in its
    current status, as a sentence; "" when it can."""
    return CLOSED.get((change, claim.status), "")


def can_annotate(user, claim):
    return can_review(user) and not closed_to(claim, "note")


def can_add_evidence(user, claim):
    return can_review(user) and not closed_to(claim, "evidence")


def can_edit_claim(user, claim):
    """Text corrections are an editor's job, on a claim that is not published."""
    return can_manage(user) and not closed_to(claim, "edit")


def is_editor(user):
    return can_manage(user)


def desk_reviewers():
    """Active people a claim can be assigned to: superusers and anyone holding the review
    permission, directly or through a group; by name."""
    return _holders(REVIEW)


# ``reviewer_choices`` in the shared cache, forgotten whenever people, their groups or the
# groups' permissions change (``forget_reviewer_choices``, connected in claims.apps); the
# timeout only bounds a change made behind Django's back (raw SQL, another application).
REVIEWER_CHOICES_KEY = "claims:reviewer-choices"
REVIEWER_CHOICES_MAX_AGE = 600


def reviewer_choices():
    """``(id, name)`` of each of the ``desk_reviewers``, by name: the options of the pickers
    that assign claims. Every editor's queue page shows them; read from the database only
    after the desk's people changed, as building ``with_perm``'s query costs a page more
    than the rest of its reads."""
    choices = cache.get(REVIEWER_CHOICES_KEY)
    if choices is None:
        people = desk_reviewers().values_list("pk", "first_name", "last_name", "username")
        choices = [(pk, person_name_from(*names)) for pk, *names in people]
        cache.set(REVIEWER_CHOICES_KEY, choices, REVIEWER_CHOICES_MAX_AGE)
    return choices


def forget_reviewer_choices(*, using="default", update_fields=None, **kwargs):
    """Drop the cached ``reviewer_choices``: now, and again when the change commits, so that a
    page read meanwhile cannot keep the list from before it. A login (which saves only the
    user's ``last_login``) changes no one's name or groups."""
    if update_fields == {"last_login"}:
        return
    cache.delete(REVIEWER_CHOICES_KEY)
    transaction.on_commit(lambda: cache.delete(REVIEWER_CHOICES_KEY), using=using)


def desk_approvers():
    """Active people who may approve claims (editors and superusers), by name."""
    return _holders(APPROVE)


def _holders(permission):
    return (
        get_user_model()._default_manager.with_perm(
            permission, backend="django.contrib.auth.backends.ModelBackend"
        )
        .order_by("first_name", "last_name", "username")
    )
