"""Who may do what: the one permission policy that pages, admin, API and commands all ask.

Roles are groups with model permissions (created by migration 0002): reviewers hold
``claims.review_claim``, editors also ``manage_claim``, ``approve_claim``, ``import_release``
and ``export_report``; superusers hold everything.
"""

from functools import cache

from django.contrib.auth import get_user_model
from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import CharField, Q
from django.db.models.expressions import RawSQL

from claims.models import ReviewStatus

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
    app_label, codename = REVIEW.split(".")
    holders = RawSQL(_holders_sql(connection.vendor), (app_label, codename) * 2)
    return (
        get_user_model()._default_manager.filter(is_active=True)
        .filter(Q(is_superuser=True) | Q(pk__in=holders))
        .order_by("first_name", "last_name", "username")
    )


@cache
def _holders_sql(vendor):
    """The ids of the people holding one permission (app label, codename), directly or
    through a group: written once, as ``_permission_names_sql`` is."""
    quote = connection.ops.quote_name
    users = get_user_model()
    direct, in_group = users.user_permissions.field, users.groups.field
    group_permissions = Group.permissions.field
    permission = (
        f"JOIN {quote(Permission._meta.db_table)} p ON p.id = {{}} "
        f"JOIN {quote(ContentType._meta.db_table)} ct ON ct.id = p.content_type_id "
        "WHERE ct.app_label = %s AND p.codename = %s"
    )
    return (
        f"SELECT up.{quote(direct.m2m_column_name())} "
        f"FROM {quote(direct.m2m_db_table())} up "
        + permission.format(f"up.{quote(direct.m2m_reverse_name())}")
        + f" UNION SELECT ug.{quote(in_group.m2m_column_name())} "
        f"FROM {quote(in_group.m2m_db_table())} ug "
        f"JOIN {quote(group_permissions.m2m_db_table())} gp "
        f"ON gp.{quote(group_permissions.m2m_column_name())} = "
        f"ug.{quote(in_group.m2m_reverse_name())} "
        + permission.format(f"gp.{quote(group_permissions.m2m_reverse_name())}")
    )


# Reading permissions with the person -------------------------------------------------------


@cache
def _permission_names_sql(vendor, user_column):
    """Two subqueries naming ("claims.review_claim") the permissions of the user whose id is
    in ``user_column``: held directly, and held through groups; each space-separated.

    Written once per process: the same subqueries assembled through the ORM on every request
    cost several times what the database took to answer them.
    """
    quote = connection.ops.quote_name
    users = get_user_model()
    joined = "string_agg({}, ' ')" if vendor == "postgresql" else "group_concat({}, ' ')"
    names = joined.format("ct.app_label || '.' || p.codename")
    direct, in_group = users.user_permissions.field, users.groups.field
    group_permissions = Group.permissions.field
    named = (
        f"SELECT {names} FROM {quote(Permission._meta.db_table)} p "
        f"JOIN {quote(ContentType._meta.db_table)} ct ON ct.id = p.content_type_id "
    )
    own = (
        f"{named}JOIN {quote(direct.m2m_db_table())} up "
        f"ON up.{quote(direct.m2m_reverse_name())} = p.id "
        f"WHERE up.{quote(direct.m2m_column_name())} = {user_column}"
    )
    group_column = quote(group_permissions.m2m_column_name())
    through_groups = (
        f"{named}JOIN {quote(group_permissions.m2m_db_table())} gp "
        f"ON gp.{quote(group_permissions.m2m_reverse_name())} = p.id "
        f"JOIN {quote(in_group.m2m_db_table())} ug "
        f"ON ug.{quote(in_group.m2m_reverse_name())} = gp.{group_column} "
        f"WHERE ug.{quote(in_group.m2m_column_name())} = {user_column}"
    )
    return own, through_groups


def with_permissions(rows, user="pk"):
    """``rows`` with two more columns, the permissions of the person each row's ``user``
    field points at (the row itself for ``"pk"``); hand each row and its user to
    :func:`remember_permissions`."""
    quote = connection.ops.quote_name
    model = rows.model
    field = model._meta.pk if user == "pk" else model._meta.get_field(user)
    user_column = f"{quote(model._meta.db_table)}.{quote(field.column)}"
    own, through_groups = _permission_names_sql(connection.vendor, user_column)
    return rows.annotate(
        own_permissions=RawSQL(own, (), output_field=CharField()),
        group_permissions=RawSQL(through_groups, (), output_field=CharField()),
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
