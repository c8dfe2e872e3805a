"""The queue: the claims to review, filtered, searched and sorted, with a tab per status,
the lists each role starts from, and bulk actions on the claims of a page.

Every view asks ``claims.permissions`` before it shows or changes anything, and every change of
a claim's status goes through ``claims.workflow.transition``; hiding a button is only a courtesy.
"""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.cache import cache
from django.core.exceptions import EmptyResultSet
from django.db import connection
from django.db.models import Count, IntegerField, Value
from django.http import QueryDict
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.http import require_POST

from claims import notifications, permissions, search, selectors, workflow
from claims.filters import (
    CLAIM_ORDERINGS,
    DEFAULT_ORDERING,
    DUE_CHOICES,
    ID_MAX,
    ORDERINGS_OF_NEWEST_MATCHES,
    SEEN_BEFORE_CHOICES,
    ClaimFilter,
    default_ordering,
    ranked,
)
from claims.models import (
    Claim,
    ClaimKind,
    Release,
    ReviewStatus,
    Speaker,
    person_name,
)
from claims.pagination import decode_cursor, id_beyond, keyset_page
from claims.templatetags.claims_ui import query_links
from claims.views.access import desk_member_required, forbidden

QUEUE_PAGE_SIZE = 25
# The sorts the queue's menu offers (ClaimFilter's; a link may name any of its orderings).
# Relevance is offered with a search only: how well each claim matches it (claims.search).
# "due" lists only the claims with a due date (claims.filters.ORDERINGS_ONLY_WITH).
RELEVANCE_SORT = f"-{search.RELEVANCE}"
QUEUE_SORTS = ("-score", "-newest", "-release", RELEVANCE_SORT, "due")
# Only the columns the queue shows (claims/_queue_rows.html), as plain rows: no release body, no
# paragraph text, and no model objects, which cost a page of claims more than its queries.
QUEUE_COLUMNS = (
    "id", "kind", "text", "score", "status", "rating", "release_id", "release__title",
    "speaker_id", "speaker__name", "assignee_id", "assignee__first_name",
    "assignee__last_name", "assignee__username", "due_on",
)
# Counting stops here: "1,000+" says as much to an editor as 612,345 on a tab, and each count
# reads at most this many index entries, which a page can afford six times over.
COUNT_CAP = 1_000
# The release and speaker pickers list the newest this many; a chosen one is always included,
# and the search box finds any other by its title or name.
PICKER_LIMIT = 50


@dataclass(frozen=True)
class Tally:
    """A number of claims as the page shows it: exact, estimated, or "more than" ``n``."""

    n: int
    exact: bool = True
    capped: bool = False

    def __str__(self):
        if self.capped:
            return f"{self.n:,}+"
        return f"{self.n:,}" if self.exact else f"about {self.n:,}"

    def __add__(self, other):
        return Tally(self.n + other.n, self.exact and other.exact, self.capped or other.capped)

    @property
    def plural(self):
        return self.capped or not self.exact or self.n != 1


def _capped_counts_by_status(claims, statuses):
    """How many of ``claims`` have each status, each count stopping at COUNT_CAP + 1, all in
    one query.

    Each count reads at most that many index entries, however many claims there are. The
    claims' query is compiled once and each status filters it from outside (both databases
    push that filter down to the index): compiling it once per status was most of the cost.
    """
    try:
        sql, params = claims.order_by().values("status").query.sql_with_params()
    except EmptyResultSet:  # a filter no claim can pass (a search finding none)
        return {value: Tally(0) for value in statuses}
    one = f"(SELECT COUNT(*) FROM (SELECT 1 FROM ({sql}) base WHERE status = %s LIMIT %s) capped)"
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT " + ", ".join([one] * len(statuses)),
            [param for value in statuses for param in (*params, value, COUNT_CAP + 1)],
        )
        counted = cursor.fetchone()
    return {
        value: Tally(min(n, COUNT_CAP), capped=n > COUNT_CAP)
        for value, n in zip(statuses, counted, strict=True)
    }


# The planner's statistics change only when ANALYZE runs (autovacuum's, minutes apart), so the
# desk reads them at most this often (seconds), through the shared cache; the tabs say "about".
ESTIMATES_MAX_AGE = 60


def _planner_estimates():
    """PostgreSQL's estimate of the claims per status, from the statistics ANALYZE keeps.

    None for a status the statistics do not know (a table never analysed, a rare status).
    """
    key = f"claims:status-estimates:{connection.settings_dict['NAME']}"
    estimates = cache.get(key)
    if estimates is not None:
        return estimates
    table = Claim._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT c.reltuples, s.most_common_vals::text::text[], s.most_common_freqs "
            "FROM pg_class c LEFT JOIN pg_stats s ON s.schemaname = current_schema() "
            "AND s.tablename = c.relname AND s.attname = 'status' "
            "WHERE c.oid = %s::regclass",
            [table],
        )
        row = cursor.fetchone()
    estimates = dict.fromkeys(ReviewStatus.values)
    if row is not None and row[1] is not None and row[0] > 0:
        rows, values, frequencies = row
        for value, frequency in zip(values, frequencies, strict=True):
            if value in estimates:
                estimates[value] = round(rows * frequency)
    cache.set(key, estimates, ESTIMATES_MAX_AGE)
    return estimates


def _status_tallies(queryset, *, filtered):
    """Claims per status for the queue's tabs; a status's Tally is None when unknown.

    Exact for small numbers. Past COUNT_CAP, the whole desk on PostgreSQL shows the planner's
    estimate ("about 612,000"), and elsewhere the count stops at the cap ("10,000+").
    """
    statuses = ReviewStatus.values
    tallies = dict.fromkeys(statuses)
    if not filtered and connection.vendor == "postgresql":
        for value, estimate in _planner_estimates().items():
            if estimate is not None and estimate > COUNT_CAP:
                tallies[value] = Tally(round(estimate, -3), exact=False)
        small = [value for value in statuses if tallies[value] is None]
        if small:
            rows = (queryset.filter(status__in=small).order_by().values_list("status")
                    .annotate(n=Count("id")))
            found = dict(rows)
            for value in small:
                tallies[value] = Tally(found.get(value, 0))
    else:
        tallies = _capped_counts_by_status(queryset, statuses)
    return tallies, sum(tallies.values(), Tally(0))


def _picker_options(items, *, sort_by_label=False):
    """A filter select's ``(id, label)`` options: newest first, or by label."""
    if sort_by_label:
        items.sort(key=lambda item: item[1].casefold())
    else:
        items.sort(reverse=True)
    return items


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


def _id_or_none(value):
    """A row id from the query string, or None when no row can have it."""
    number = _int_or_none(value)
    return number if number is not None and 0 < number <= ID_MAX else None


def _without_status(claim_filter):
    """The claims every filter but the status selects, from the form already validated."""
    claims = Claim.objects.all()
    for name, value in claim_filter.form.cleaned_data.items():
        if name != "status":
            claims = claim_filter.filters[name].filter(claims, value)
    return claims


def _search_tally(page):
    """How many claims a search matches, as far as its page knows without counting them.

    Counting a search's matches reads every claim's text a second time; the first page knows
    the exact number when it holds them all, and "25+" otherwise.
    """
    if page.number != 1:
        return None
    return Tally(len(page.rows), capped=page.has_next)


# What a link from the queue carries to a claim page and back: the queue's filters, its sort
# and its place in the list. Nothing else from a query string is ever put into a link.
QUEUE_KEYS = (
    "status", "kind", "rating", "release", "speaker", "assignee", "assigned_to_me",
    "unassigned", "score_min", "score_max", "q", "ordering", "after", "before", "page",
)
# The lists each role starts from, named in the navigation (see ``desk_lists``).
MY_OPEN_CLAIMS = {"assigned_to_me": ["true"], "status": [ReviewStatus.IN_REVIEW]}
AWAITING_APPROVAL = {"status": [ReviewStatus.VERIFIED, ReviewStatus.DISPUTED]}


def queue_query(params):
    """The queue's part of ``params`` (a QueryDict), as a query string without the "?"."""
    kept = QueryDict(mutable=True)
    for key in QUEUE_KEYS:
        values = [value for value in params.getlist(key) if value != ""]
        if values:
            kept.setlist(key, values)
    return kept.urlencode()


def _queue_list(params, request):
    """The queue's claims for ``params`` (filters as the queue reads them) and their order."""
    data = params.copy()
    sort = data.get("ordering")
    if sort not in CLAIM_ORDERINGS:
        data.pop("ordering", None)
        sort = default_ordering(data)
    # The ordering stays: the filter lists only the claims an order can place.
    for key in ("after", "before", "page"):
        data.pop(key, None)
    # A claim page opened from anywhere but the queue (a release, a notification) names no
    # filter: its list is every claim, with no FilterSet and form built to filter nothing.
    claims = Claim.objects.all()
    if data:
        claims = ClaimFilter(data, queryset=claims, request=request).qs
    order = CLAIM_ORDERINGS[sort][1]
    if order[0].lstrip("-") == search.RELEVANCE and not ranked(claims):
        order = CLAIM_ORDERINGS[DEFAULT_ORDERING][1]
    return claims, order


def neighbours_in_queue(params, request):
    """Annotations for a query of claims: ``previous_in_queue`` and ``next_in_queue``, the ids
    of the claims before and after each in the queue that ``params`` selects (None at either
    end), so a claim is read with its neighbours in one statement. The claim need not be in
    the list any more (it was just verified out of it): its sort values still say where it
    stood."""
    claims, order = _queue_list(params, request)
    if order[0].lstrip("-") == search.RELEVANCE:
        # A search's relevance is the list's, not the claim's: no neighbours are known then.
        unknown = Value(None, output_field=IntegerField())
        return {"previous_in_queue": unknown, "next_in_queue": unknown}
    return {
        "previous_in_queue": id_beyond(claims, order, backwards=True),
        "next_in_queue": id_beyond(claims, order),
    }


def claim_url_in_queue(pk, query):
    """A claim's page, keeping the queue it was opened from."""
    url = reverse("claims:claim_detail", args=[pk])
    return f"{url}?{query}" if query else url


def queue_url(query):
    url = reverse("claims:queue")
    return f"{url}?{query}" if query else url


def _capped_count(claims):
    return claims.order_by().values("id")[: COUNT_CAP + 1]


def desk_lists(user, current=None):
    """The lists a person starts from, for the navigation: ``(label, query, Tally, is the
    current page)``, the reviewer's open claims and the editor's claims awaiting approval,
    counted in one query. ``current`` is the queue's query on the queue, else None."""
    lists = []
    if permissions.can_review(user):
        lists.append(("My open claims", MY_OPEN_CLAIMS_QUERY, Claim.objects.filter(
            assignee_id=user.pk, status=ReviewStatus.IN_REVIEW)))
    if permissions.can_approve(user):
        lists.append(("Awaiting approval", AWAITING_APPROVAL_QUERY, Claim.objects.filter(
            status__in=AWAITING_APPROVAL["status"])))
    if not lists:
        return []
    parts, params = [], []
    # The menu's unread notifications, counted in the same statement (and kept on the user
    # for the menu's link; see claims.notifications.unread_count).
    for claims in [*(claims for _, _, claims in lists), notifications.unread(user)]:
        sql, sql_params = _capped_count(claims).query.sql_with_params()
        parts.append(f"(SELECT COUNT(*) FROM ({sql}) capped)")
        params.extend(sql_params)
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        *counted, unread = cursor.fetchone()
    notifications.remember_unread(user, unread)
    result = []
    for (label, query, _), n in zip(lists, counted, strict=True):
        tally = Tally(min(n, COUNT_CAP), capped=n > COUNT_CAP)
        result.append((label, query, tally, query == current))
    return result


def _canonical(query):
    """A list's query as every link to it writes it (see ``queue_query``)."""
    return queue_query(QueryDict(urlencode(query, doseq=True)))


MY_OPEN_CLAIMS_QUERY = _canonical(MY_OPEN_CLAIMS)
AWAITING_APPROVAL_QUERY = _canonical(AWAITING_APPROVAL)


@login_required
def home(request):
    """Where a person lands: an editor on the claims awaiting approval, a reviewer on their
    open claims, anyone else on the queue (which says what they may see)."""
    if permissions.can_approve(request.user):
        return redirect(queue_url(AWAITING_APPROVAL_QUERY))
    if permissions.can_review(request.user):
        return redirect(queue_url(MY_OPEN_CLAIMS_QUERY))
    return redirect("claims:queue")


@desk_member_required
def queue(request):
    data = request.GET.copy()
    can_bulk = permissions.can_manage(request.user)
    sort = data.get("ordering")
    if sort not in CLAIM_ORDERINGS:
        # An unknown sort (an old or edited link) shows the default one, not an error.
        data.pop("ordering", None)
        sort = default_ordering(data)
    claim_filter = ClaimFilter(data, queryset=Claim.objects.all(), request=request)
    searching = claim_filter.form.is_valid() and bool(claim_filter.form.cleaned_data.get("q"))
    sorts = [
        (value, CLAIM_ORDERINGS[value][0]) for value in QUEUE_SORTS
        if searching or value != RELEVANCE_SORT
    ]
    if not searching and sort == RELEVANCE_SORT:
        sort = DEFAULT_ORDERING
    chosen_statuses = data.getlist("status")
    order = CLAIM_ORDERINGS[sort][1]
    claims = claim_filter.qs.values(
        *dict.fromkeys((*QUEUE_COLUMNS, *(name.lstrip("-") for name in order)))
    )
    # An edited or stale cursor shows the first page.
    page = keyset_page(
        claims, order, QUEUE_PAGE_SIZE,
        after=decode_cursor(data.get("after"), claims, order),
        before=decode_cursor(data.get("before"), claims, order),
        number=_int_or_none(data.get("page")) or 1,
    )

    chosen = [value for value in ReviewStatus.values if value in chosen_statuses]
    if searching:
        tallies, everything = dict.fromkeys(ReviewStatus.values), None
        matching = _search_tally(page)
    else:
        # The tabs count the claims the other filters select, whatever their status; the
        # list's own total is the sum of the chosen tabs, so nothing is counted twice.
        tab_claims = _without_status(claim_filter)
        tallies, everything = _status_tallies(tab_claims, filtered=bool(tab_claims.query.where))
        if not chosen:
            matching = everything
        elif any(tallies[value] is None for value in chosen):
            matching = None
        else:
            matching = sum((tallies[value] for value in chosen), Tally(0))
    link = query_links(request.GET)
    release_id = _id_or_none(data.get("release"))
    speaker_id = _id_or_none(data.get("speaker"))
    context = {
        "filter": claim_filter,
        "page": page,
        "claims": page.rows,
        "matching": matching,
        "status_tabs": [
            (value, label, tallies[value], value in chosen_statuses, link(status=value))
            for value, label in ReviewStatus.choices
        ],
        "all_statuses_link": link(status=None),
        "previous_link": page.has_previous and link(
            before=page.previous_cursor, page=page.previous_page_number
        ),
        "next_link": page.has_next and link(after=page.next_cursor, page=page.next_page_number),
        "total_count": everything,
        "all_statuses": not chosen_statuses,
        "chosen_statuses": chosen_statuses,
        "sorts": sorts,
        "sort": sort,
        # A large search sorted by score or relevance sorts its newest matches: say how many.
        "newest_matches": (
            f"{search.CLAIMS.few:,}"
            if searching and sort in ORDERINGS_OF_NEWEST_MATCHES else None
        ),
        "kinds": ClaimKind.choices,
        "chosen_kinds": data.getlist("kind"),
        "seen_before_choices": SEEN_BEFORE_CHOICES,
        "seen_before": data.get("seen_before", ""),
        "release_id": release_id,
        "release_options": _picker_options(
            selectors.newest_choices(Release, "title", release_id, PICKER_LIMIT)
        ),
        "speaker_id": speaker_id,
        "speaker_options": _picker_options(
            selectors.newest_choices(Speaker, "name", speaker_id, PICKER_LIMIT),
            sort_by_label=True,
        ),
        "q": data.get("q", ""),
        "assigned_to_me": data.get("assigned_to_me") == "true",
        "unassigned": data.get("unassigned") == "true",
        "due_choices": DUE_CHOICES,
        "due": data.get("due", ""),
        "statuses": ReviewStatus,
        "row_query": queue_query(request.GET),
        "today": timezone.localdate(),
        "can_bulk": can_bulk,
        # Read for every editor's page, rows or none, so the page's queries stay the same.
        "bulk_reviewers": permissions.reviewer_choices() if can_bulk else [],
    }
    return render(request, "claims/queue.html", context)


BULK_ACTIONS = ("assign", "dismiss")
BULK_LIMIT = 200  # more than a page of the queue holds; a bigger list is not from the page


@desk_member_required
@require_POST
def queue_bulk(request):
    """The queue's selected claims assigned or dismissed, each through the workflow, with a
    line for the claims that moved and one for each that did not, saying why."""
    if not permissions.can_manage(request.user):
        return forbidden(request, "Only editors assign or dismiss claims; ask an editor.")
    query = _posted_query(request)
    back = redirect(queue_url(query))
    action = request.POST.get("action")
    if action not in BULK_ACTIONS:
        messages.error(request, "Choose Assign or Dismiss for the selected claims.")
        return back
    ids = sorted({pk for pk in map(_id_or_none, request.POST.getlist("claims")) if pk})
    if not ids:
        messages.error(request, "Select the claims first, with the boxes beside them.")
        return back
    assignee = None
    if action == "assign":
        pk = _id_or_none(request.POST.get("assignee"))
        assignee = permissions.desk_reviewers().filter(pk=pk).first() if pk else None
        if assignee is None:
            messages.error(request, "Choose the reviewer to assign the selected claims to.")
            return back
    done = []
    for claim in Claim.objects.filter(pk__in=ids[:BULK_LIMIT]).order_by("pk"):
        try:
            workflow.transition(claim, action, by=request.user, assignee=assignee)
        except workflow.WorkflowError as refusal:
            messages.error(request, f"Claim #{claim.pk}: {refusal}")
        else:
            done.append(f"#{claim.pk}")
    if done:
        many = "claims" if len(done) > 1 else "claim"
        if action == "assign":
            sentence = f"Assigned {len(done)} {many} to {person_name(assignee)}"
        else:
            sentence = f"Dismissed {len(done)} {many}"
        messages.success(request, f"{sentence}: {', '.join(done)}.")
    return back


def _posted_query(request):
    """The queue a claim page's form was posted from (see ``queue_query``)."""
    return queue_query(QueryDict(request.POST.get("queue", "")))
