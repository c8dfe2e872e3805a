"""Who may do what: the one permission policy that pages, admin, API and commands all ask.

Roles are groups with model permissions (created by migration 0002): reviewers hold
``claims.review_claim``, editors also ``manage_claim``, ``approve_claim``, ``import_release``
and ``export_report``; superusers hold everything.
"""

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Permission
from django.db.models import Aggregate, CharField, OuterRef, Q, Subquery, Value
from django.db.models.functions import Concat

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


def desk_reviewers():
    """Active people a claim can be assigned to: superusers and anyone holding the review
    permission, directly or through a group; by name."""
    app_label, codename = REVIEW.split(".")
    review = Permission.objects.filter(content_type__app_label=app_label, codename=codename)
    users = get_user_model()
    # Two semi-joins rather than joins with DISTINCT, which cost the planner more than the
    # dozen rows they find.
    through_groups = users.groups.through.objects.filter(group__permissions__in=review)
    directly = users.user_permissions.through.objects.filter(permission__in=review)
    return (
        users._default_manager.filter(is_active=True)
        .filter(
            Q(is_superuser=True)
            | Q(pk__in=through_groups.values("user_id"))
            | Q(pk__in=directly.values("user_id"))
        )
        .order_by("first_name", "last_name", "username")
    )


# Reading permissions with the person -------------------------------------------------------


class _SpaceJoined(Aggregate):
    """The values joined by spaces: ``string_agg`` on PostgreSQL, ``group_concat`` on SQLite."""

    function = "STRING_AGG"
    template = "%(function)s(%(expressions)s, ' ')"
    output_field = CharField()

    def as_sqlite(self, compiler, connection, **extra):
        return super().as_sql(compiler, connection, function="GROUP_CONCAT", **extra)


def _permission_names(**where):
    """A subquery: the names ("claims.review_claim") of the permissions ``where`` selects."""
    name = Concat("content_type__app_label", Value("."), "codename", output_field=CharField())
    return Subquery(
        Permission.objects.filter(**where)
        .order_by()
        .annotate(everything=Value(1))
        .values("everything")
        .annotate(names=_SpaceJoined(name))
        .values("names")
    )


def with_permissions(users, user="pk"):
    """``users`` (or rows pointing at a user through ``user``) with the person's permissions.

    Two columns, the permissions held directly and those held through groups; hand each row
    and its user to :func:`remember_permissions`.
    """
    return users.annotate(
        own_permissions=_permission_names(user=OuterRef(user)),
        group_permissions=_permission_names(group__user=OuterRef(user)),
    )


def remember_permissions(row, user):
    """Keep the permissions read by :func:`with_permissions` where ModelBackend looks for them."""
    if user.is_superuser:
        return  # ModelBackend gives superusers every permission, and only when asked.
    own = set((row.own_permissions or "").split())
    via_groups = set((row.group_permissions or "").split())
    user._user_perm_cache = own
    user._group_perm_cache = via_groups
    user._perm_cache = own | via_groups


class DeskBackend(ModelBackend):
    """Django's ModelBackend, reading a signed-in person's permissions with the person.

    Every page asks what its reader may do (the menu, the buttons, the checks); ModelBackend
    would ask the database twice more per request, once for the person's own permissions
    and once for their groups'. Here they come with the person in one query, read afresh on
    every request, so a permission taken away applies to the very next page.
    """

    def get_user(self, user_id):
        user = with_permissions(get_user_model()._default_manager.filter(pk=user_id)).first()
        if user is None or not self.user_can_authenticate(user):
            return None
        remember_permissions(user, user)
        return user
