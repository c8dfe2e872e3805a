"""What the admin's pages share: people's names, links to lists of claims, and the
refusal to delete review work.
"""

from urllib.parse import urlencode

from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.options import IncorrectLookupParameters
from django.contrib.admin.views.main import SEARCH_VAR
from django.core.exceptions import ValidationError
from django.db.models import Count
from django.http import HttpResponseRedirect
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext

from claims import search, selectors
from claims.filters import ID_MAX
from claims.models import person_name
from claims.validators import in_utc

SHOWN_IDS = 20  # claim ids listed in one message before "and N more"


def person_column(field, description):
    """A read-only column showing a user by name (editors cannot open user pages)."""

    @admin.display(description=description, ordering=f"{field}__last_name")
    def show(self, obj):
        user = getattr(obj, field)
        return person_name(user) if user is not None else None

    return show


class SearchCountCapped:
    """A search's matches counted to selectors.SEARCH_COUNT_CAP ("1,000+"), the list's own
    count otherwise (ModelAdmin.paginator)."""

    def get_paginator(self, request, queryset, per_page, orphans=0, allow_empty_first_page=True):
        paginator = selectors.paginator_for(request.GET, self.paginator)
        return paginator(queryset, per_page, orphans, allow_empty_first_page)


class PlainRowCheckbox:
    """Each row's checkbox for the bulk actions: the markup of Django's own
    ``ModelAdmin.action_checkbox``, written with format_html instead of rendering a
    CheckboxInput widget (tests/test_admin_lists.py holds them equal).

    The widget renders three nested form templates per row: a tenth of a millisecond each,
    ten milliseconds of a hundred-row page, a quarter of the claim list's time.
    """

    def action_checkbox(self, obj):
        return format_html(
            '<input type="checkbox" name="{}" value="{}" class="action-select" aria-label="{}">',
            helpers.ACTION_CHECKBOX_NAME,
            obj.pk,
            # Django's own sentence, so its translations apply.
            format_html(gettext("Select this object for an action - {}"), obj),
        )


class SearchWithinLimits:
    """A search longer than search.check_search allows goes back to the list without it, with
    a sentence saying how to shorten it (hundreds of words were a server error, or seconds of
    the stock search's conditions)."""

    def changelist_view(self, request, extra_context=None):
        try:
            search.check_search(request.GET.get(SEARCH_VAR, ""))
        except ValidationError as error:
            self.message_user(request, error.message, messages.WARNING)
            rest = request.GET.copy()
            del rest[SEARCH_VAR]
            return HttpResponseRedirect(f"{request.path}?{rest.urlencode()}")
        return super().changelist_view(request, extra_context)


def plural(count, singular, plural=None):
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


def row_id(value):
    """The id in a filter's query string, or None when no row can have it."""
    if value and value.isascii() and value.isdigit() and int(value) <= ID_MAX:
        return int(value)
    return None


class MomentListFilter(admin.DateFieldListFilter):
    """Django's filter by date for a date-and-time column, with the moments its query string
    gives checked before the database sees them: PostgreSQL refuses an offset past ±15:59
    (``created_at__gte=9999-12-31T23:59:59-23:59`` was a 500); such a list shows Django's
    "incorrect filter" notice instead."""

    def queryset(self, request, queryset):
        try:
            self.used_parameters = {
                name: [
                    _utc(self.field.to_python(value)) if name.endswith(("__gte", "__lt"))
                    else value
                    for value in values
                ]
                for name, values in self.used_parameters.items()
            }
        except (ValueError, ValidationError) as error:
            raise IncorrectLookupParameters(error) from None
        return super().queryset(request, queryset)


class ListedFiltersOnly:
    """A list's query string filters by the list's own filters and nothing else.

    Django's admin also takes any lookup on one of the model's fields (``?speaker=…``,
    ``?id__gt=…``) and hands its value to the database unchecked; a crafted one was a 500
    (an integer past 64 bits on SQLite). Anything but a listed filter is now Django's own
    refusal of a lookup: a 400.
    """

    def lookup_allowed(self, lookup, value, request=None):
        listed = set()
        for item in self.get_list_filter(request):
            item = item[0] if isinstance(item, tuple | list) else item
            listed.add(item if isinstance(item, str) else item.parameter_name)
        first = lookup.split("__")[0]
        return (lookup in listed or first in listed) and super().lookup_allowed(
            lookup, value, request
        )


def _utc(moment):
    return in_utc(moment) if moment is not None and moment.tzinfo is not None else moment


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
    """Delete pages that say in words what a delete would do, and refuse, in one sentence,
    to delete claims carrying review work.

    Django's own page collects and lists every related row: for the largest release allowed,
    hundreds of thousands of paragraphs and claims, which grew a worker past 20 GB. Here the
    page counts them instead (``deleted_counts(objs)``, a few COUNT queries), and ``protected``
    carries the refusal as a sentence (the templates under admin/claims/ show it). The models
    PROTECT notes, evidence and history, and nothing else points at a claim or a release, so
    review work is the only thing that can stop a delete. Each admin using it says, in
    ``claims_of(objs)``, which claims the objects hold.
    """

    def get_deleted_objects(self, objs, request):
        objs = list(objs)
        if len(objs) == 1:
            what = f"The {self.opts.verbose_name} “{objs[0]}”"
        else:
            what = f"The selected {self.opts.verbose_name_plural}"
        sentence = review_work_sentence(self.claims_of(objs), what)
        if sentence:
            # Nothing will be deleted, so which permissions a delete would need is moot.
            return [], {}, set(), [sentence]
        counts = [(model, n) for model, n in self.deleted_counts(objs) if n]
        deleted = [
            plural(n, str(model._meta.verbose_name), str(model._meta.verbose_name_plural))
            for model, n in counts
        ]
        model_count = {str(model._meta.verbose_name_plural): n for model, n in counts}
        # As Django asks: the delete permission of each kind of row that has an admin page.
        perms_needed = {
            str(model._meta.verbose_name)
            for model, _ in counts
            if self.admin_site.is_registered(model)
            and not self.admin_site.get_model_admin(model).has_delete_permission(request)
        }
        return deleted, model_count, perms_needed, []
