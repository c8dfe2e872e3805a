"""The reports page: choose approved claims, preview them, download a report, re-download one.

Only editors export (``claims.permissions.can_export``): reviewers get a 403 page, anonymous
people the login page. Every download of a new report records it (``claims.reports``), and a
recorded report downloads again byte for byte.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Exists, OuterRef
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_POST

from claims import permissions, selectors
from claims.models import Claim, ClaimKind, Rating, Release, Report, Speaker
from claims.reports import (
    FORMATS,
    ReportRefused,
    bind_filters,
    changes_in_report,
    changes_since_last_report,
    export_with_filters,
    normalize,
)
from claims.reports.filters import filter_error_sentence
from claims.reports.http import download_response, export_response
from claims.reports.printable import PRINTABLE_LIMIT
from claims.views.access import forbidden

PREVIEW_ROWS = 20
REPORTS_PAGE_SIZE = 25
# The release and speaker pickers list this many; a chosen one is always included.
PICKER_LIMIT = 200
FILTER_NAMES = ("release", "since", "until", "speaker", "kind", "rating")


def exporter_required(view):
    """Anonymous people go to the login page; anyone who is not an editor gets a 403 page."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not permissions.can_export(request.user):
            return forbidden(
                request,
                "Only editors can export and download reports of approved claims; ask an "
                "editor for the report you need.",
            )
        return view(request, *args, **kwargs)

    return wrapper


def _filter_data(querydict):
    """Only the report filters of a query, so that other parameters (page) do not count."""
    data = querydict.copy()
    for key in list(data):
        if key not in FILTER_NAMES:
            del data[key]
    return data


def _picker(queryset, chosen):
    items = list(queryset[:PICKER_LIMIT])
    if chosen is not None and all(item.pk != chosen.pk for item in items):
        items.append(chosen)
    return items


def _pickers(cleaned):
    approved = Claim.objects.approved()
    releases = Release.objects.filter(
        Exists(approved.filter(release=OuterRef("pk")))
    ).order_by("-created_at", "-id")
    speakers = Speaker.objects.filter(
        Exists(approved.filter(speaker=OuterRef("pk")))
    ).order_by("name")
    return (
        _picker(releases.only("id", "title"), cleaned.get("release")),
        _picker(speakers.only("id", "name"), cleaned.get("speaker")),
    )


@exporter_required
@require_GET
def report_list(request):
    data = _filter_data(request.GET)
    filterset = bind_filters(data)
    valid = filterset.is_valid()
    cleaned = filterset.form.cleaned_data if valid else {}
    preview = count = changes = None
    if valid:
        claims = filterset.qs
        # Up to COUNT_CAP, then "10,000+": an exact count of a hundred thousand approved
        # claims read them all on each view of the page.
        count = selectors.capped_count(claims)
        preview = selectors.report_preview(claims, PREVIEW_ROWS)
        changes = changes_since_last_report(normalize(cleaned), claims)
    releases, speakers = _pickers(cleaned)
    reports = (
        Report.objects.select_related("created_by")
        .defer("claim_ids")
        .order_by("-created_at", "-id")
    )
    page = Paginator(reports, REPORTS_PAGE_SIZE).get_page(request.GET.get("page"))
    context = {
        "form": filterset.form,
        "filter_error": None if valid else filter_error_sentence(filterset.form),
        "filter_query": data.urlencode(),
        "filter_items": [(k, v) for k in data for v in data.getlist(k)],
        "count": count,
        "preview": preview,
        "changes": changes,
        "formats": FORMATS.values(),
        "printable_limit": PRINTABLE_LIMIT,
        "releases": releases,
        "speakers": speakers,
        "kinds": ClaimKind.choices,
        "ratings": Rating.choices,
        "chosen": {
            "release": getattr(cleaned.get("release"), "pk", None),
            "speaker": getattr(cleaned.get("speaker"), "pk", None),
            "since": data.get("since", ""),
            "until": data.get("until", ""),
            "kind": data.getlist("kind"),
            "rating": data.getlist("rating"),
        },
        "page": page,
    }
    return render(request, "claims/reports/list.html", context)


@exporter_required
@require_POST
def report_export(request):
    data = _filter_data(request.POST)
    try:
        export = export_with_filters(
            request.POST.get("format", ""),
            data,
            by=request.user,
            base_url=request.build_absolute_uri("/"),
        )
    except ReportRefused as refused:
        messages.error(request, str(refused))
        query = data.urlencode()
        return redirect(reverse("claims:report_list") + (f"?{query}" if query else ""))
    return export_response(export)


@exporter_required
@require_GET
def report_detail(request, pk):
    report = get_object_or_404(Report.objects.select_related("created_by"), pk=pk)
    context = {
        "report": report,
        "changes": changes_in_report(report),
        "format": FORMATS[report.format],
    }
    return render(request, "claims/reports/detail.html", context)


@exporter_required
@require_GET
def report_download(request, pk):
    return download_response(get_object_or_404(Report, pk=pk))
