"""Floor views: the least a Django view can do to show the same rows as a page.

Each floor is a login-protected view that reads the rows the page shows with ``.values()``
(one query, the filter and order the page uses, a keyset boundary instead of an OFFSET) and
renders them with a minimal template, or returns them as JSON, or writes them as CSV from a
raw cursor. The harness registers the query of each floor in :data:`ROWS` before it measures.
"""

import csv

from django.contrib.auth.decorators import login_required
from django.core.serializers.json import DjangoJSONEncoder
from django.db import connection, transaction
from django.http import Http404, JsonResponse, StreamingHttpResponse
from django.shortcuts import render
from django.urls import path

from claims.models import Annotation, Claim, ClaimEvent, Evidence, Paragraph, Release

# name -> a function returning the rows (dicts) of that floor; filled in by the harness.
ROWS = {}
# The SQL and header of the CSV floor; filled in by the harness from the export's columns.
CSV = {}


def _rows(name):
    try:
        return ROWS[name]()
    except KeyError:
        raise Http404(f"No floor named {name!r}.") from None


@login_required
def rows_page(request, name):
    return render(request, "bench/rows.html", {"rows": _rows(name)})


@login_required
def rows_json(request, name):
    return JsonResponse({"results": list(_rows(name))}, encoder=DjangoJSONEncoder)


@login_required
def claim_page(request, pk):
    claim = (
        Claim.objects.filter(pk=pk)
        .values("id", "text", "kind", "status", "rating", "score", "reasons", "attribution",
                "start", "end", "version", "paragraph_id", "paragraph__position",
                "paragraph__text", "release_id", "release__title", "speaker__name",
                "speaker__role", "assignee__username")
        .first()
    )
    if claim is None:
        raise Http404("No such claim.")
    position = claim["paragraph__position"]
    context = {
        "claim": claim,
        "neighbours": Paragraph.objects.filter(
            release_id=claim["release_id"], position__in=[position - 1, position + 1]
        ).values("position", "text"),
        "annotations": Annotation.objects.filter(claim_id=pk).values(
            "author__username", "body", "created_at"),
        "evidence": Evidence.objects.filter(claim_id=pk).values(
            "url", "title", "excerpt", "added_by__username", "added_at"),
        "events": ClaimEvent.objects.filter(claim_id=pk).values(
            "actor__username", "action", "from_status", "to_status", "rating", "note",
            "created_at"),
    }
    return render(request, "bench/claim.html", context)


@login_required
def release_page(request, pk):
    release = Release.objects.filter(pk=pk).values(
        "id", "title", "organization", "published_on", "source_url").first()
    if release is None:
        raise Http404("No such release.")
    context = {
        "release": release,
        "paragraphs": Paragraph.objects.filter(release_id=pk).order_by("position").values(
            "id", "position", "text"),
        "claims": Claim.objects.filter(release_id=pk).order_by("paragraph_id", "start").values(
            "id", "paragraph_id", "start", "end", "kind", "status", "speaker__name"),
    }
    return render(request, "bench/release.html", context)


class _Echo:
    def write(self, value):
        return value


def _csv_lines():
    writer = csv.writer(_Echo())
    yield writer.writerow(CSV["header"])
    with transaction.atomic():
        if connection.vendor == "postgresql":
            # A server-side cursor, so the rows stream instead of arriving all at once.
            cursor = connection.connection.cursor(name="bench_csv_floor")
        else:
            cursor = connection.connection.cursor()
        try:
            cursor.execute(CSV["sql"].replace("%s", "?") if connection.vendor == "sqlite"
                           else CSV["sql"], CSV["params"])
            while batch := cursor.fetchmany(2000):
                for row in batch:
                    yield writer.writerow(row)
        finally:
            cursor.close()


@login_required
def export_csv(request):
    response = StreamingHttpResponse(_csv_lines(), content_type="text/csv")
    response["Content-Disposition"] = 'attachment; filename="floor.csv"'
    return response


urlpatterns = [
    path("rows/<str:name>/", rows_page, name="bench_rows"),
    path("json/<str:name>/", rows_json, name="bench_json"),
    path("claims/<int:pk>/", claim_page, name="bench_claim"),
    path("releases/<int:pk>/", release_page, name="bench_release"),
    path("export.csv", export_csv, name="bench_csv"),
]
