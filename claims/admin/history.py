"""The history of every claim, read-only for everyone."""

from django.contrib import admin

from claims.admin.common import ListedFiltersOnly, person_column
from claims.models import ClaimEvent
from claims.selectors import CappedPaginator


@admin.register(ClaimEvent)
class ClaimEventAdmin(ListedFiltersOnly, admin.ModelAdmin):
    """The audit trail, for reading only: nobody adds, changes or deletes an entry here."""

    list_display = ["created_at", "claim", "action", "from_status", "to_status", "rating",
                    "actor_name"]
    list_filter = ["to_status", "from_status"]
    list_select_related = ["claim", "actor"]
    search_fields = ["note", "claim__text"]
    show_full_result_count = False
    paginator = CappedPaginator
    show_facets = admin.ShowFacets.NEVER
    fields = ["claim", "created_at", "actor_name", "action", "from_status", "to_status", "rating",
              "assignee_name", "note"]
    readonly_fields = fields

    actor_name = person_column("actor", "by")
    assignee_name = person_column("assignee", "assigned to")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
