"""One set of claim filters for the review queue page and the API (same names, same meaning)."""

import datetime

import django_filters
from django.db.models import Exists, OuterRef, Q
from django.utils import timezone
from django_filters.fields import MultipleChoiceField

from claims import search
from claims.models import Claim, ClaimKind, ClaimMatch, Rating, Release, ReviewStatus

# "Checked before" in the queue: claims that read like an earlier claim of another release, and
# those whose earlier claim already carries a ruling (verified, disputed or approved).
SEEN_BEFORE_CHOICES = [("yes", "Seen before"), ("ruled", "Seen before with a verdict")]
RULED_STATUSES = (ReviewStatus.VERIFIED, ReviewStatus.DISPUTED, ReviewStatus.APPROVED)

# "Due soon" is within this many days from today.
DUE_SOON_DAYS = 7
DUE_CHOICES = (
    ("overdue", "Overdue"),
    ("soon", f"Due within {DUE_SOON_DAYS} days"),
    ("dated", "With a due date"),
    ("undated", "Without a due date"),
)

# Ids are 64-bit; a larger number would crash the database driver instead of matching nothing.
ID_MAX = 2**63 - 1


class ChoicesOrAnyField(MultipleChoiceField):
    """Several choices, where an empty value means "any": a select's first option ("Any
    kind") sends ``kind=``, and that must filter nothing rather than be refused."""

    def to_python(self, value):
        return [choice for choice in super().to_python(value) if choice != ""]


class ChoicesFilter(django_filters.MultipleChoiceFilter):
    field_class = ChoicesOrAnyField


# The orders a list of claims offers, by the name ``?ordering=`` gives them (the queue, the
# API): what each is called, and the columns it sorts by. Each ends with the id, so every claim
# has one place and a keyset cursor (claims.pagination) resumes just after it, and an index
# serves each, with or without a status filter (claims.models.Claim.Meta.indexes). "release"
# is reading order within a release, the latest releases first with "-release".
CLAIM_ORDERINGS = {
    "-score": ("Score, highest first", ("-score", "id")),
    "score": ("Score, lowest first", ("score", "-id")),
    "-newest": ("Newest first", ("-created_at", "-id")),
    "newest": ("Oldest first", ("created_at", "id")),
    "-release": ("Release, latest first", ("-release_id", "paragraph_id", "start", "id")),
    "release": ("Release, earliest first", ("release_id", "paragraph_id", "start", "id")),
    # With a search only: how well each claim matches it (claims.search).
    f"-{search.RELEVANCE}": ("Relevance, best match first", (f"-{search.RELEVANCE}", "id")),
    # Only the claims with a due date (ORDERINGS_ONLY_WITH), on their partial index.
    "due": ("Due date, soonest first", ("due_on", "id")),
    "-due": ("Due date, latest first", ("-due_on", "-id")),
}
# Orders that list only the claims having the column they sort by: a cursor cannot resume
# after an empty value.
ORDERINGS_ONLY_WITH = {"due": "due_on", "-due": "due_on"}
DEFAULT_ORDERING = "-score"
# A search lists its matches newest first unless asked for another order: the newest index
# holds the claims in that order, and a word found in a tenth of the desk fills a page within
# its first few hundred entries. By score, the highest-scoring claims may hold none of them (at
# a million claims, a common word's first match came after 135,000 claims scored 1.0: 1 s).
SEARCH_ORDERING = "-newest"


# The orders that, beside a search finding more than claims.search.CLAIMS.few claims, sort only
# the newest of them: no index holds a search's matches in these orders.
ORDERINGS_OF_NEWEST_MATCHES = {"-score", "score", f"-{search.RELEVANCE}"}


def default_ordering(query):
    """The order of a list of claims whose ``query`` (a QueryDict) names none."""
    return SEARCH_ORDERING if (query.get("q") or "").strip() else DEFAULT_ORDERING


def ranked(queryset):
    """Whether ``queryset`` is a search's results, each with its relevance."""
    return search.RELEVANCE in queryset.query.annotations


class ClaimFilter(django_filters.FilterSet):
    # distinct=False: these filter the claim's own columns, so no join can repeat a row, and a
    # SELECT DISTINCT over every column (the release body among them) would only slow each page.
    status = ChoicesFilter(choices=ReviewStatus.choices, distinct=False)
    kind = ChoicesFilter(choices=ClaimKind.choices, distinct=False)
    rating = ChoicesFilter(choices=Rating.choices, distinct=False)
    release = django_filters.NumberFilter(
        field_name="release_id", label="Release id", min_value=1, max_value=ID_MAX
    )
    speaker = django_filters.NumberFilter(
        field_name="speaker_id", label="Speaker id", min_value=1, max_value=ID_MAX
    )
    assignee = django_filters.NumberFilter(
        field_name="assignee_id", label="Assignee id", min_value=1, max_value=ID_MAX
    )
    assigned_to_me = django_filters.BooleanFilter(
        method="filter_assigned_to_me", label="Assigned to me"
    )
    unassigned = django_filters.BooleanFilter(method="filter_unassigned", label="Unassigned")
    score_min = django_filters.NumberFilter(field_name="score", lookup_expr="gte")
    score_max = django_filters.NumberFilter(field_name="score", lookup_expr="lte")
    seen_before = django_filters.ChoiceFilter(
        choices=SEEN_BEFORE_CHOICES, method="filter_seen_before", label="Checked before",
        empty_label="Any",
    )
    # Before ``ordering``: a search gives each claim the relevance it may be ordered by.
    q = django_filters.CharFilter(
        method="filter_search", label="Search", validators=[search.check_search]
    )
    due = django_filters.ChoiceFilter(choices=DUE_CHOICES, method="filter_due", label="Due")
    ordering = django_filters.ChoiceFilter(
        choices=[(name, label) for name, (label, _) in CLAIM_ORDERINGS.items()],
        method="filter_ordering",
        label="Order",
        error_messages={"invalid_choice": (
            f"Order the claims by one of {', '.join(CLAIM_ORDERINGS)}, one at a time."
        )},
    )

    class Meta:
        model = Claim
        fields = []

    def filter_ordering(self, queryset, name, value):
        order = CLAIM_ORDERINGS[value][1]
        if order[0].lstrip("-") == search.RELEVANCE and not ranked(queryset):
            return queryset  # no search, nothing to rank (the API says so)
        if value in ORDERINGS_ONLY_WITH:
            having = {f"{ORDERINGS_ONLY_WITH[value]}__isnull": False}
            # The column's own test lets the list walk its partial index in order; the ids
            # read from that index alone keep the status tabs' counts off the status index.
            queryset = queryset.filter(
                pk__in=Claim.objects.filter(**having).values("pk"), **having
            )
        return queryset.order_by(*order)

    def filter_assigned_to_me(self, queryset, name, value):
        user = getattr(self.request, "user", None)
        if not value or user is None or not user.is_authenticated:
            return queryset
        return queryset.filter(assignee=user)

    def filter_unassigned(self, queryset, name, value):
        if value is None:
            return queryset
        return queryset.filter(assignee__isnull=value)

    def filter_seen_before(self, queryset, name, value):
        # A semi-join on the links' (claim, earlier) index: the claims that have one.
        links = ClaimMatch.objects.filter(claim=OuterRef("pk"))
        if value == "ruled":
            links = links.filter(earlier__status__in=RULED_STATUSES)
        elif value != "yes":
            return queryset
        return queryset.filter(Exists(links))


    def filter_due(self, queryset, name, value):
        today = timezone.localdate()
        if value == "undated":
            return queryset.filter(due_on__isnull=True)
        if value == "overdue":
            dated = Q(due_on__lt=today)
        elif value == "soon":
            soon = today + datetime.timedelta(days=DUE_SOON_DAYS)
            dated = Q(due_on__gte=today, due_on__lte=soon)
        elif value == "dated":
            dated = Q(due_on__isnull=False)
        else:
            return queryset
        # The claims with a due date, read from its partial index alone (few claims have
        # one): a condition on the date beside the status or the score would let the
        # database walk those indexes instead, through every claim.
        queryset = queryset.filter(pk__in=Claim.objects.filter(dated).values("pk"))
        return queryset if value == "dated" else queryset.open()

    def filter_search(self, queryset, name, value):
        if not value.strip():
            return queryset
        ordering = (self.data.get("ordering") or "").strip() or default_ordering(self.data)
        return search.search_claims(
            queryset, value, ranked=self.orders_by_relevance(),
            newest_only=ordering in ORDERINGS_OF_NEWEST_MATCHES,
        )

    def orders_by_relevance(self):
        # Asked before the ordering filter runs: only a ranked search computes a relevance.
        raw = self.data.get("ordering") or ""
        return search.RELEVANCE in {name.strip().lstrip("-") for name in raw.split(",")}


class ReleaseFilter(django_filters.FilterSet):
    organization = django_filters.CharFilter(lookup_expr="iexact")
    published_after = django_filters.DateFilter(field_name="published_on", lookup_expr="gte")
    published_before = django_filters.DateFilter(field_name="published_on", lookup_expr="lte")
    q = django_filters.CharFilter(
        method="filter_search", label="Search", validators=[search.check_search]
    )

    class Meta:
        model = Release
        fields = []

    def filter_search(self, queryset, name, value):
        if not value.strip():
            return queryset
        return search.search_releases(queryset, value)
