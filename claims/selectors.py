"""The reads that need care at a million claims, as plain functions over querysets.

Pages, the admin and the API call these instead of writing their own version of a read that
must stay fast: how many claims a release has in each status, and how many rows a list holds
when counting them all would read the whole table.
"""

from collections import defaultdict

from django.core import paginator
from django.db import connections
from django.db.models import Count, Exists, OuterRef, Q, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.functional import cached_property

from claims import search
from claims.models import Claim, ClaimEvent, ClaimKind, Release, ReviewStatus

# A list counts its rows up to here and then says "more than": counting every one of a
# million claims or history entries costs more than showing the page.
COUNT_CAP = 10_000
# A search's matches are counted up to here (see SearchPaginator).
SEARCH_COUNT_CAP = 1_000


def with_status_counts(releases):
    """``releases`` (a page of them) as a list, each with ``claim_count`` and a
    ``<status>_count`` attribute for every review status.

    One query for the page, grouped over the shown releases' claims only (the (release,
    status) index holds them in order): grouping every claim of the desk on each page view,
    as one annotated query does, grew with the desk (seconds at a million claims).
    ``with_status_counts_reference`` is that query, kept as the reference the tests compare.
    """
    releases = list(releases)
    counts = defaultdict(dict)
    rows = (
        Claim.objects.filter(release_id__in=[release.pk for release in releases])
        .order_by()
        .values_list("release_id", "status")
        # Rows, not ids: the (release, status) index alone answers (an index-only scan on
        # PostgreSQL; counting ids read each claim's row, five times the pages).
        .annotate(n=Count("*"))
    )
    for release_id, status, n in rows:
        counts[release_id][status] = n
    statuses = ReviewStatus.values
    for release in releases:
        found = counts[release.pk]
        for status in statuses:
            setattr(release, f"{status}_count", found.get(status, 0))
        release.claim_count = sum(found.values())
    return releases


def with_status_counts_reference(releases):
    """The same counts as ``with_status_counts``, annotated by the database in the query."""
    per_status = {
        f"{status}_count": Count("claims", filter=Q(claims__status=status))
        for status in ReviewStatus.values
    }
    return releases.annotate(claim_count=Count("claims"), **per_status)


def status_counts(release):
    """``{status: n}`` for one release that went through ``with_status_counts``."""
    return {status: getattr(release, f"{status}_count") for status in ReviewStatus.values}


class AtLeast(int):
    """A count that stopped at its cap: it reads "10,000+" wherever it is shown."""

    def __str__(self):
        return f"{int(self):,}+"


class Paginator(paginator.Paginator):
    """Django's Paginator, finding a page's rows by their ids first.

    A deep page is an OFFSET: the database steps over every row before it, with its joins
    and wide columns (at a million claims, a release list's last page took a quarter of a
    second, the admin's 100th page of history as long). Here it steps over entries of the
    index behind the order, for their ids alone, and reads the rows of those ids, in one
    statement (``WHERE id IN (SELECT id ... OFFSET n LIMIT m)``). ``tests/test_selectors.py``
    compares its pages with Django's.
    """

    def _get_page(self, rows, number, paginator):
        # The first page steps over nothing: as Django reads it. (Its ids beside a filter
        # made SQLite walk the filter's whole index range for the hundred: 2 → 7 ms for the
        # admin's pending claims at 100,000.)
        if number > 1 and isinstance(rows, QuerySet) and rows.query.is_sliced:
            rows = self.object_list.filter(pk__in=rows.values("pk"))
        return super()._get_page(rows, number, paginator)


def capped_count(rows, cap=COUNT_CAP):
    """How many ``rows`` there are, counting no further than ``cap`` (then "10,000+")."""
    # Only the ids: a column a list annotates for its rows (a speaker's number of quotes)
    # would otherwise be computed for every row counted.
    counted = rows.order_by().values("pk")[: cap + 1].count()
    return AtLeast(cap) if counted > cap else counted


class CappedPaginator(Paginator):
    """A Paginator that counts at most ``cap`` rows.

    Past the cap the count is an :class:`AtLeast` ("10,000+ claims") and the pages stop
    there: sorting the other way or filtering reaches the rest. Each count reads at most
    ``cap`` index entries, and no page's OFFSET goes deeper than the cap.
    """

    cap = COUNT_CAP

    @cached_property
    def count(self):
        rows = self.object_list
        if not hasattr(rows, "query"):
            return len(rows)
        return capped_count(rows, self.cap)


class SearchPaginator(CappedPaginator):
    """A search's pages: its matches counted to ``SEARCH_COUNT_CAP`` ("1,000+").

    Counting every match of a common word reads the words of each (a tenth of the desk): a
    second at a million claims, for a number no one pages through.
    """

    cap = SEARCH_COUNT_CAP


def paginator_for(query, paginator=Paginator):
    """The paginator class of a list whose ``query`` (a QueryDict) may hold a search (``q``)."""
    return SearchPaginator if (query.get("q") or "").strip() else paginator


def report_preview(claims, size):
    """The first ``size`` of ``claims`` in report order (``reports.rows.ORDER``: release,
    then reading order), with what the preview shows of each.

    Report order is release by release, so those rows all belong to the first ``size``
    releases that have any of ``claims``; only these releases' claims are sorted, not every
    approved claim the filters select (a hundred thousand for a wide date range).
    ``report_preview_reference`` sorts them all and must give the same rows.
    """
    # Release by release, each asked whether it has one of ``claims`` (its (release, status)
    # index answers): a DISTINCT over the claims' release ids read every approved claim.
    first_releases = (
        Release.objects.filter(Exists(claims.filter(release=OuterRef("pk"))))
        .order_by("pk")
        .values_list("pk", flat=True)[:size]
    )
    return report_preview_reference(claims.filter(release_id__in=list(first_releases)), size)


def report_preview_reference(claims, size):
    from claims.reports.rows import ORDER

    shown = claims.select_related("release", "speaker", "approved_by").defer("release__body")
    return list(shown.order_by(*ORDER)[:size])


# A search of the history that matches at most this many entries reads them by id.
FEW_HISTORY_MATCHES = 1_000


def search_history(events, text):
    """The entries of ``events`` whose claim ``text`` finds (claims.search: its text, speaker
    or release title) or whose note contains ``text``.

    A word in few entries: their ids first, and the list sorts those alone. SQLite, without
    statistics, otherwise walks the whole history by date testing each entry (a third of a
    second at 100,000 claims for a word in none); a common word fills a page within the
    first entries of that walk, so it keeps it. ``search_history_reference`` is the plain
    query, which the tests compare with this one.
    """
    claims = search.search_claims(Claim.objects.all(), text, ids_first=False)
    # Unordered: the claims' reading order would sort every match before the first is read.
    claim_ids = list(claims.order_by().values_list("pk", flat=True)[: FEW_HISTORY_MATCHES + 1])
    if len(claim_ids) > FEW_HISTORY_MATCHES:
        return _entries_about(events, claims, text)
    ids = list(
        ClaimEvent.objects.filter(claim__in=claim_ids).order_by().values_list("pk", flat=True)
        .union(
            ClaimEvent.objects.filter(note__icontains=text).order_by()
            .values_list("pk", flat=True)
        )[: FEW_HISTORY_MATCHES + 1]
    )
    if len(ids) > FEW_HISTORY_MATCHES:
        return _entries_about(events, claims, text)
    return events.filter(pk__in=ids)


def search_history_reference(events, text):
    claims = search.search_claims(Claim.objects.all(), text, ids_first=False)
    return events.filter(Q(claim__in=claims.values("pk")) | Q(note__icontains=text))


def _entries_about(events, claims, text):
    about_claims = Q(claim__in=claims.values("pk"))
    if connections[events.db].vendor == "sqlite":
        # SQLite reads the search's matches once and looks each entry's claim up among
        # them; asked claim by claim it also read each claim's row: a phrase in 1.5% of
        # 100,000 claims, counting its entries to the cap, 82 → 20 ms.
        return events.filter(about_claims | Q(note__icontains=text))
    if not ClaimEvent.objects.filter(note__icontains=text).exists():
        # No note holds the words (the trigram index of the notes answers at once), so the
        # entries are those of the claims found, with no OR beside them: PostgreSQL then
        # counts to the cap from the claims side (the entries of the first 1,400 matches),
        # and plans a page from its statistics of the words. Beside an OR each entry read
        # probes its claim, and counting a word in one claim in a hundred to the cap probed
        # 74,000 entries (a second at a million claims).
        return events.filter(about_claims)
    # One index probe per entry read, and the walk by date stops once a page is full. Asked
    # as "the entry's claim is the claim found": PostgreSQL turns an EXISTS beside an OR into
    # a hash of every match, reading the whole desk first (1.6 s at a million claims for a
    # common word), and "claim IN (every match)" the same or worse (a timeout).
    found = claims.filter(pk=OuterRef("claim_id")).order_by().values("pk")[:1]
    return events.filter(Q(claim_id=Subquery(found)) | Q(note__icontains=text))


def newest_choices(model, label, chosen_id, limit):
    """``(id, label)`` of the newest ``limit`` rows of ``model`` (by id, which follows the
    order they were made in) and of the chosen one when it is older: what a filter's picker
    lists, the search box finding any other."""
    rows = model._default_manager.values_list("pk", label)
    items = list(rows.order_by("-pk")[:limit])
    if chosen_id is not None and all(pk != chosen_id for pk, _ in items):
        items += list(rows.filter(pk=chosen_id))
    return items


# What the "Checked before" panel shows of each earlier claim.
_EARLIER_COLUMNS = (
    "similarity", "started_at", "earlier_id", "earlier__text", "earlier__kind",
    "earlier__status", "earlier__rating", "earlier__verdict", "earlier__checked_at",
    "earlier__speaker__name", "earlier__release_id", "earlier__release__title",
    "earlier__release__organization", "earlier__release__published_on",
    "earlier__release__created_at",
)


def checked_before(claim):
    """The earlier claims ``claim`` reads like, closest first, as rows for its page: each
    earlier claim's text, status, rating, ruling, speaker, release and date, with the
    similarity and whether this claim's check was started from it. One query over the links
    the matching stored (at most ``matching.MAX_MATCHES``), whatever the size of the desk."""
    return [
        {key.removeprefix("earlier__"): value for key, value in row.items()}
        for row in claim.matches.order_by("-similarity", "-earlier_id").values(*_EARLIER_COLUMNS)
    ]


def started_from(claim):
    """The later claims whose check was started from ``claim``'s: (id, text, status) rows,
    for the link shown on this claim's page. The earlier-claim index holds them."""
    return list(
        claim.matched_by.filter(started_at__isnull=False)
        .order_by("started_at", "claim_id")
        .values("claim_id", "claim__text", "claim__status", "started_at")
    )


def with_quote_counts(speakers):
    """Each speaker's number of quotes, counted per speaker shown.

    A grouped ``Count`` joins every claim to every speaker before the page is cut, which at a
    million claims takes most of a second for a page of fifty names; a correlated count is read
    for the listed speakers only, from the index of the quotes' speakers (an index-only read,
    so the list ordered by the count stays fast too).
    """
    quotes = (
        Claim.objects.filter(speaker=OuterRef("pk"), kind=ClaimKind.QUOTE)
        .order_by()
        .values("speaker")
        # Rows, not ids: the quotes' speaker index alone holds the count (an id is read from
        # each claim's row; ordered by it, the list read every quote: 2.7 s at a million).
        .annotate(count=Count("*"))
        .values("count")
    )
    return speakers.annotate(quote_count=Coalesce(Subquery(quotes), 0))
