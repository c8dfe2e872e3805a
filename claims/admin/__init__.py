"""The Django admin: where editors look after releases, claims and speakers.

The admin never writes a claim's status, rating, assignee or version: corrections go through
``workflow.edit_claim`` and the bulk actions through ``workflow.transition``, one claim at a
time, so every change is checked and leaves a ClaimEvent. Review work (notes, evidence, history)
is never deleted here; the delete pages say so in a sentence instead of listing objects.
"""

from django.contrib import admin

from claims.admin import (  # noqa: F401  (registrations)
    claims,
    history,
    releases,
    speakers,
    users,
)
from claims.admin.claims import ClaimAdmin

__all__ = ["ClaimAdmin"]

admin.site.site_header = "factcheck"
admin.site.site_title = "factcheck admin"
admin.site.index_title = "The desk's releases, claims and history"
admin.site.site_url = "/review/"
