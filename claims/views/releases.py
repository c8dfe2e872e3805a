"""Release pages: the list with review progress, one release read in full, and the import page."""

from collections import Counter
from types import SimpleNamespace

from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from claims import permissions, selectors, workflow
from claims.filters import ReleaseFilter
from claims.forms import ReleaseImportForm
from claims.importing import ImportRefused, import_bytes, import_text
from claims.models import Claim, ClaimKind, Release, ReviewStatus, person_name_from
from claims.templatetags.claims_ui import highlight, url_for_each
from claims.views.access import desk_member_required, forbidden

RELEASE_PAGE_SIZE = 20
PARAGRAPHS_PER_PAGE = 100
# What a release page shows of each claim: its span in the text, and a line in the list.
_CLAIM_COLUMNS = ("paragraph_id", "start", "end", "kind", "text", "status")
S = ReviewStatus
# The progress bar fills from the left with the work furthest along.
PROGRESS_ORDER = (S.APPROVED, S.VERIFIED, S.DISPUTED, S.IN_REVIEW, S.PENDING, S.DISMISSED)


def _progress(counts, total):
    """Per status, furthest along first: how many claims, their share of the bar and where
    on it their part starts."""
    parts, offset = [], 0.0
    for status in PROGRESS_ORDER:
        percent = round(100 * counts.get(status, 0) / total, 1) if total else 0
        parts.append(
            {
                "status": status.value,
                "label": status.label,
                "count": counts.get(status, 0),
                "percent": percent,
                "offset": round(offset, 1),
            }
        )
        offset += percent
    return parts


@desk_member_required
def release_list(request):
    release_filter = ReleaseFilter(
        request.GET, queryset=Release.objects.defer("body"), request=request
    )
    releases = release_filter.qs.select_related("imported_by").order_by("-created_at", "-id")
    paginator = selectors.paginator_for(request.GET)(releases, RELEASE_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("page"))
    rows = []
    for release in selectors.with_status_counts(page.object_list):
        counts = selectors.status_counts(release)
        rows.append(
            {
                "release": release,
                "total": release.claim_count,
                "approved": counts[ReviewStatus.APPROVED],
                "progress": _progress(counts, release.claim_count),
            }
        )
    context = {
        "page": page,
        "rows": rows,
        "q": request.GET.get("q", ""),
        # A value the list could not use (a search too long) is left out and said why, as
        # the queue does.
        "filter_errors": [
            error for errors in release_filter.form.errors.values() for error in errors
        ],
        "can_import": permissions.can_import(request.user),
    }
    return render(request, "claims/release_list.html", context)


@desk_member_required
def release_detail(request, pk):
    # The page reads the release paragraph by paragraph; the body as imported stays behind.
    release = get_object_or_404(
        Release.objects.select_related("imported_by").defer("body"), pk=pk
    )
    # A page of paragraphs at a time, with their claims: the largest release allowed is many
    # thousand paragraphs, and the page stays the size of a page.
    paragraphs = release.paragraphs.order_by("position")
    number = request.GET.get("page")
    if number is None:
        # Most releases fit on one page: read it without counting the paragraphs first.
        first = list(paragraphs[: PARAGRAPHS_PER_PAGE + 1])
        if len(first) <= PARAGRAPHS_PER_PAGE:
            paragraphs = first
    page = selectors.Paginator(paragraphs, PARAGRAPHS_PER_PAGE).get_page(number)
    paragraphs = list(page.object_list)
    # Paragraph ids follow their positions, so this is reading order without a join. Rows of
    # the few columns the text and the list show, not model instances (0.6 ms more a page).
    claims = [
        SimpleNamespace(
            pk=row["id"],
            assignee_name=row["assignee_id"] and person_name_from(
                row["assignee__first_name"], row["assignee__last_name"],
                row["assignee__username"],
            ),
            **{column: row[column] for column in _CLAIM_COLUMNS},
        )
        for row in Claim.objects.filter(
            release=release, paragraph_id__in=[p.pk for p in paragraphs]
        )
        .values("id", *_CLAIM_COLUMNS, "assignee_id", "assignee__first_name",
                "assignee__last_name", "assignee__username")
        .order_by("paragraph_id", "start", "id")
    ]
    # Each claim is linked from the text and from the list: its address is made once.
    claim_url = url_for_each("claims:claim_detail")
    claim_urls = {claim.pk: claim_url(claim.pk) for claim in claims}
    by_paragraph = {}
    for claim in claims:
        by_paragraph.setdefault(claim.paragraph_id, []).append(claim)
    if page.paginator.num_pages == 1:
        # Every paragraph is on this page, so these are all the release's claims.
        counts, total = Counter(claim.status for claim in claims), len(claims)
    else:
        selectors.with_status_counts([release])
        counts, total = selectors.status_counts(release), release.claim_count
    context = {
        "release": release,
        "page": page,
        "paragraphs": [
            (p, highlight(p.text, by_paragraph.get(p.pk, []), urls=claim_urls)) for p in paragraphs
        ],
        "claims": claims,
        "claim_urls": claim_urls,
        "total": total,
        "approved": counts.get(ReviewStatus.APPROVED, 0),
        "progress": _progress(counts, total),
        "can_add_claims": permissions.can_manage(request.user),
        "compact": False,  # the progress bar at full size
        "kinds": ClaimKind.choices,
    }
    return render(request, "claims/release_detail.html", context)


@desk_member_required
@require_POST
def release_add_claim(request, pk):
    """An editor adds a quote or claim the importer missed: words chosen in a paragraph
    (selected on the page, which fills in the paragraph and the characters)."""
    if not permissions.can_manage(request.user):
        return forbidden(request, "Only editors add claims; ask an editor.")
    release = get_object_or_404(Release.objects.defer("body"), pk=pk)
    numbers = {
        name: _number(request.POST.get(name)) for name in ("paragraph", "start", "end")
    }
    paragraph = release.paragraphs.filter(position=numbers["paragraph"]).first()
    back = redirect(f"{release.get_absolute_url()}#add-claim")
    if paragraph is None or numbers["start"] is None or numbers["end"] is None:
        messages.error(
            request,
            "Select the words in the release text (or give the paragraph and the characters) "
            "before adding them.",
        )
        return back
    try:
        claim = workflow.add_claim(
            paragraph, by=request.user, start=numbers["start"], end=numbers["end"],
            kind=request.POST.get("kind", ""),
        )
    except workflow.WorkflowError as refusal:
        messages.error(request, str(refusal))
        return back
    messages.success(request, f"{claim.get_kind_display()} added as claim #{claim.pk}.")
    return redirect(claim)


def _number(value):
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 <= number < 2**31 else None


@desk_member_required
def release_import(request):
    if not permissions.can_import(request.user):
        return forbidden(request, "Only editors can import releases; ask an editor to import it.")
    form = ReleaseImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        metadata = {
            "by": request.user,
            "source_url": form.cleaned_data["source_url"],
            "organization": form.cleaned_data["organization"].strip(),
            "published_on": form.cleaned_data["published_on"],
        }
        upload = form.cleaned_data["file"]
        try:
            if upload is not None:
                result = import_bytes(upload.read(), filename=upload.name, **metadata)
            else:
                result = import_text(form.cleaned_data["text"], **metadata)
        except ImportRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            if result.created:
                messages.success(request, result.summary())
            else:
                messages.info(request, result.summary())
            for note in result.notes:
                messages.warning(request, note)
            return redirect(result.release)
    status = 400 if form.is_bound else 200
    return render(request, "claims/release_import.html", {"form": form}, status=status)
