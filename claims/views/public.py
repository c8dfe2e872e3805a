"""The published fact-checks: what anyone may read, without logging in.

An approved claim is a fact-check at a stable address, ``/fact-checks/<id>/``; the index lists
them, latest first, and the feed (``feeds.PublishedFeed``) carries the same. A claim that is
not approved (never yet, or reopened for a correction) has no public page: its address answers
404 until the claim is approved again. Nothing here shows the desk's internal notes, history
or people; only the ruling and the evidence, as the exports carry them.
"""

from django.shortcuts import render
from django.utils import timezone

from claims import selectors
from claims.models import Claim
from claims.reports.formats import claim_review
from claims.reports.recording import publishing_context
from claims.reports.rows import iter_rows

INDEX_PAGE_SIZE = 20


def not_published(request):
    return render(request, "public/not_published.html", status=404)


def fact_check(request, pk):
    """One published fact-check: the claim in its paragraph, the speaker, the rating, the
    ruling, the evidence and the dates, with its ClaimReview JSON-LD. One query: the claim's
    report row, its evidence gathered with it."""
    rows = iter_rows(Claim.objects.approved().filter(pk=pk), with_paragraphs=True)
    row = next(rows, None)
    rows.close()
    if row is None:
        return not_published(request)
    context = publishing_context(
        generated_at=timezone.now(), base_url=request.build_absolute_uri("/")
    )
    has_span = row.has_span
    return render(
        request,
        "public/fact_check.html",
        {
            "row": row,
            "before": row.paragraph_text[: row.start] if has_span else "",
            "after": row.paragraph_text[row.end :] if has_span else "",
            "canonical_url": context.public_url(row.claim_id),
            "claim_review": claim_review(row, context, timezone.get_current_timezone()),
        },
    )


def fact_check_list(request):
    """Every published fact-check, the latest approved first, a page at a time."""
    checks = Claim.objects.published().select_related("speaker").only(
        "id", "kind", "text", "rating", "verdict", "approved_at", "speaker__name",
        "speaker__role",
    )
    page = selectors.Paginator(checks, INDEX_PAGE_SIZE).get_page(request.GET.get("page"))
    return render(request, "public/fact_check_list.html", {"page": page})
