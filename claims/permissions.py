"""Who may do what: the one permission policy that pages, admin, API and commands all ask.

Roles are groups with model permissions (created by migration 0002): reviewers hold
``claims.review_claim``, editors also ``manage_claim``, ``approve_claim``, ``import_release``
and ``export_report``; superusers hold everything.
"""

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


def can_annotate(user, claim):
    return can_review(user)


def can_add_evidence(user, claim):
    return can_review(user)


def can_edit_claim(user, claim):
    """Text corrections are an editor's job."""
    return can_manage(user)


def is_editor(user):
    return can_manage(user)
