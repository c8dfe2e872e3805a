"""People in the admin: Django's own user admin, with a delete page that counts, not lists.

A desk member's name is on thousands of rows (history entries, notes, claims they checked),
which the records keep (PROTECT). Django's delete page would collect and list every one of
them, and took half a minute for an active reviewer at a million claims; this one counts
each kind of row, at most COUNT_CAP of each, and refuses in one sentence.
"""

from django.contrib import admin
from django.contrib.auth import get_user_model
from django.contrib.auth.admin import UserAdmin
from django.db import models

from claims.admin.common import plural
from claims.selectors import COUNT_CAP, CappedPaginator

User = get_user_model()


def _capped(rows):
    n = rows.order_by()[: COUNT_CAP + 1].count()
    return f"{COUNT_CAP:,}+" if n > COUNT_CAP else f"{n:,}"


def _rows_pointing_at(users):
    """(related model, on_delete, how many) for each link from another table to ``users``."""
    for relation in User._meta.related_objects:
        if relation.many_to_many:
            continue  # group and permission memberships go with the person
        model = relation.related_model
        rows = model._base_manager.filter(**{f"{relation.field.name}__in": users})
        yield model, relation.on_delete, rows


def _describe(model, count):
    opts = model._meta
    one = count == "1"
    return f"{count} {opts.verbose_name if one else opts.verbose_name_plural}"


if admin.site.is_registered(User):
    admin.site.unregister(User)


@admin.register(User)
class DeskUserAdmin(UserAdmin):
    paginator = CappedPaginator
    show_full_result_count = False
    delete_confirmation_template = "admin/claims/delete_confirmation.html"
    delete_selected_confirmation_template = "admin/claims/delete_selected_confirmation.html"

    def get_deleted_objects(self, objs, request):
        users = list(objs)
        kept, deleted, model_count = [], [], {}
        for model, on_delete, rows in _rows_pointing_at(users):
            if on_delete is models.SET_NULL or not rows.exists():
                continue
            count = _capped(rows)
            if on_delete in (models.PROTECT, models.RESTRICT):
                kept.append(_describe(model, count))
            elif on_delete is models.CASCADE:
                deleted.append(_describe(model, count))
                model_count[str(model._meta.verbose_name_plural)] = count
        if kept:
            who = f"“{users[0]}”" if len(users) == 1 else "the selected people"
            listed = kept[0] if len(kept) == 1 else ", ".join(kept[:-1]) + " and " + kept[-1]
            sentence = (
                f"The account of {who} cannot be deleted because the desk's records name "
                f"them ({listed}), and factcheck keeps its records. Make the account "
                "inactive instead (untick “Active”); nothing has been deleted."
            )
            return [], {}, set(), [sentence]
        deleted = [plural(len(users), "user"), *deleted]
        model_count = {"users": len(users), **model_count}
        # As Django asks: the delete permission of each kind of row that has an admin page.
        perms_needed = {
            str(model._meta.verbose_name)
            for model, on_delete, rows in _rows_pointing_at(users)
            if on_delete is models.CASCADE
            and self.admin_site.is_registered(model)
            and not self.admin_site.get_model_admin(model).has_delete_permission(request)
            and rows.exists()
        }
        return deleted, model_count, perms_needed, []
