"""The admin's list of claims at a million rows: filters that list only what a sidebar can
hold, and pages by cursor.
"""

from django.contrib import admin
from django.contrib.admin.views.main import ALL_VAR, ChangeList

from claims import permissions, selectors
from claims.admin.common import row_id
from claims.models import (
    Release,
    Speaker,
    person_name_from,
)
from claims.pagination import keyset_page
from claims.templatetags.claims_ui import shorten

# The claim list's page cursors in its query string, as the review queue names them.
AFTER_VAR, BEFORE_VAR, PAGE_NUMBER_VAR = "after", "before", "page"


class RowListFilter(admin.SimpleListFilter):
    """A filter by one row's id in ``column``; a value no row can have shows no claims."""

    column = None

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        chosen = row_id(value)
        return queryset.none() if chosen is None else queryset.filter(**{self.column: chosen})


class ReleaseListFilter(RowListFilter):
    """The most recent releases (and the one chosen), not every release ever imported."""

    title = "release"
    parameter_name = "release"
    column = "release_id"
    shown = 15

    def lookups(self, request, model_admin):
        releases = selectors.newest_choices(Release, "title", row_id(self.value()), self.shown)
        return [(str(pk), shorten(title, 60)) for pk, title in releases]


class AssigneeListFilter(RowListFilter):
    title = "assignee"
    parameter_name = "assignee"
    column = "assignee_id"

    def lookups(self, request, model_admin):
        people = permissions.desk_reviewers().values_list(
            "pk", "first_name", "last_name", "username"
        )
        return [("none", "Unassigned")] + [
            (str(pk), person_name_from(first, last, username))
            for pk, first, last, username in people
        ]

    def queryset(self, request, queryset):
        if self.value() == "none":
            return queryset.filter(assignee__isnull=True)
        return super().queryset(request, queryset)


class SpeakerListFilter(RowListFilter):
    """The speaker chosen from the speakers page ("N quotes"), not every speaker ever quoted:
    a desk quotes thousands, too many for a sidebar to list on every page of claims."""

    title = "speaker"
    parameter_name = "speaker__id__exact"
    column = "speaker_id"

    def lookups(self, request, model_admin):
        chosen = row_id(self.value())
        if chosen is None:
            return []
        return [(str(s.pk), s.name) for s in Speaker.objects.filter(pk=chosen).only("pk", "name")]



class ClaimChangeList(ChangeList):
    """The claim list: pages by cursor, a count that stops early, only the columns it shows.

    A page starts just after (``after``) or before (``before``) the sort values of a row, as
    the review queue's pages do, so the 500th page costs what the second does; a page number
    would make the database count its way through every claim before it. The count stops at
    ``counted_up_to`` ("More than 1,000 claims"): nobody reads the exact number, and counting
    a million claims on every page costs more than showing the page. Rows carry no release
    body or paragraph text: a page's rows are the columns ``claims_admin.claim_rows`` shows,
    read with ``.values()`` (names joined in), not claims and their related objects.
    """

    counted_up_to = 1_000
    shown = (
        "id", "text", "kind", "status", "rating", "score", "speaker_id", "speaker__name",
        "release__title", "assignee_id", "assignee__username", "assignee__first_name",
        "assignee__last_name",
    )
    cursor_params = (AFTER_VAR, BEFORE_VAR, PAGE_NUMBER_VAR)

    def __init__(self, request, *args, **kwargs):
        self.cursors = {name: request.GET.get(name) for name in self.cursor_params}
        super().__init__(request, *args, **kwargs)
        # Links to another filter or order start from the first page.
        for name in self.cursor_params:
            self.params.pop(name, None)
            self.filter_params.pop(name, None)

    def get_filters_params(self, params=None):
        lookup_params = super().get_filters_params(params)
        for name in self.cursor_params:
            lookup_params.pop(name, None)
        return lookup_params

    def get_queryset(self, request, exclude_parameters=None):
        return super().get_queryset(request, exclude_parameters).select_related(None)

    def _keyset_order(self):
        """The list's order as field names, ending with the id so each row has one place."""
        order = []
        for name in self.queryset.query.order_by:
            name = name.replace("pk", "id") if name.lstrip("-") == "pk" else name
            if all(name.lstrip("-") != seen.lstrip("-") for seen in order):
                order.append(name)
        if all(name.lstrip("-") != "id" for name in order):
            order.append("id")
        return order

    def get_results(self, request):
        counted = self.queryset.order_by().values("pk")[: self.counted_up_to + 1].count()
        self.counted_all = counted <= self.counted_up_to
        self.result_count = counted
        self.full_result_count = None
        self.show_full_result_count = False
        self.show_admin_actions = True
        self.can_show_all = self.counted_all and counted <= self.list_max_show_all
        self.multi_page = counted > self.list_per_page
        self.paginator = None
        claims = self.queryset.values(*self.shown)
        if (self.show_all and self.can_show_all) or not self.multi_page:
            self.page = None
            self.result_list = list(claims)
            return
        self.page = keyset_page(
            claims, self._keyset_order(), self.list_per_page,
            after=self.cursors[AFTER_VAR], before=self.cursors[BEFORE_VAR],
            number=row_id(self.cursors[PAGE_NUMBER_VAR] or "") or 1,
        )
        self.result_list = self.page.rows

    @property
    def count_limit(self):
        return f"{self.counted_up_to:,}"

    def page_link(self, cursor_name, cursor, number):
        return self.get_query_string(
            {cursor_name: cursor, PAGE_NUMBER_VAR: number}, self.cursor_params
        )

    @property
    def show_all_link(self):
        return self.get_query_string({ALL_VAR: ""})

    @property
    def previous_link(self):
        page = self.page
        if page is None or not page.has_previous:
            return None
        return self.page_link(BEFORE_VAR, page.previous_cursor, page.previous_page_number)

    @property
    def next_link(self):
        page = self.page
        if page is None or not page.has_next:
            return None
        return self.page_link(AFTER_VAR, page.next_cursor, page.next_page_number)
