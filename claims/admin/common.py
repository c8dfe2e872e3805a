"""What the admin's pages share: people's names, links to lists of claims, and the
refusal to delete review work.
"""

from urllib.parse import urlencode

from django.contrib import admin
from django.db.models import Count
from django.urls import reverse

from claims.filters import ID_MAX
from claims.models import person_name

SHOWN_IDS = 20  # claim ids listed in one message before "and N more"


def person_column(field, description):
    """A read-only column showing a user by name (editors cannot open user pages)."""

    @admin.display(description=description, ordering=f"{field}__last_name")
    def show(self, obj):
        user = getattr(obj, field)
        return person_name(user) if user is not None else None

    return show


def plural(count, singular, plural=None):
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


def row_id(value):
    """The id in a filter's query string, or None when no row can have it."""
    if value and value.isascii() and value.isdigit() and int(value) <= ID_MAX:
        return int(value)
    return None


def claim_list_url(**params):
    url = reverse("admin:claims_claim_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def review_work_sentence(claims, what):
    """Why ``what`` cannot be deleted, or "" when none of ``claims`` carries review work."""
    counts = claims.aggregate(
        notes=Count("annotations", distinct=True),
        evidence=Count("evidence", distinct=True),
        events=Count("events", distinct=True),
    )
    parts = [
        plural(counts["notes"], "note"),
        plural(counts["evidence"], "evidence item"),
        plural(counts["events"], "history entry", "history entries"),
    ]
    parts = [part for part in parts if not part.startswith("0 ")]
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return (
        f"{what} cannot be deleted because review work was done on it ({listed}), and "
        "factcheck never throws review work away. If a claim is not worth checking, "
        "dismiss it instead; nothing has been deleted."
    )


class KeepsReviewWork:
    """Delete pages that refuse, in one sentence, to delete claims carrying review work.

    The models PROTECT notes, evidence and history; Django would list every protected row.
    ``protected`` carries the sentence instead (the templates under admin/claims/ show it).
    Each admin using it says, in ``claims_of(objs)``, which claims the objects hold.
    """

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        if protected:
            objs = list(objs)
            if len(objs) == 1:
                what = f"The {self.opts.verbose_name} “{objs[0]}”"
            else:
                what = f"The selected {self.opts.verbose_name_plural}"
            sentence = review_work_sentence(self.claims_of(objs), what)
            if sentence:
                # Nothing will be deleted, so which permissions a delete would need is moot.
                perms_needed, protected = set(), [sentence]
        return deleted, model_count, perms_needed, protected
