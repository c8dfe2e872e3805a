"""The admin's claim list filters at a million claims: each lists only what a sidebar can hold."""

from django.contrib import admin

from claims import permissions, selectors
from claims.admin.common import row_id
from claims.models import Release, Speaker
from claims.templatetags.claims_ui import shorten


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
        # The queue's pickers' list, from the shared cache (permissions.reviewer_choices).
        return [("none", "Unassigned")] + [
            (str(pk), name) for pk, name in permissions.reviewer_choices()
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
