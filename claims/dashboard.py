"""The desk at a glance: backlog, throughput, time to approval and to check, reviewers' load,
overdue claims, read in a fixed number of queries whatever the size of the desk.

Every count is capped (it reads at most ``CAP + 1`` index entries and then says "10,000+"),
every window is bounded (twelve weeks; the latest ``SAMPLE`` checks and approvals), and all
the counts of the page go to the database as one statement (:func:`capped_counts`), each part
of it a range of one index. :func:`capped_counts_reference` is the same through the ORM, one
query per count; the tests compare the two.
"""

import datetime
import statistics
from dataclasses import dataclass

from django.db import connection
from django.db.models import BooleanField
from django.db.models.expressions import RawSQL
from django.utils import timezone

from claims import permissions
from claims.models import (
    OPEN_STATUSES,
    Claim,
    ClaimEvent,
    ReviewStatus,
    person_name,
    person_name_from,
)
from claims.selectors import AtLeast

# A count stops here and reads "10,000+".
CAP = 10_000
# The medians are taken over the latest this many approvals and checks.
SAMPLE = 500
WEEKS = 12
OVERDUE_SHOWN = 10
# Backlog ages: (label, from days, to days); None is open-ended.
AGES = (
    ("Under a day", 0, 1),
    ("1 to 7 days", 1, 7),
    ("7 to 30 days", 7, 30),
    ("Over 30 days", 30, None),
)


def _capped(n):
    return AtLeast(CAP) if n > CAP else n


# The partial index each kind of count reads. SQLite, without statistics (Django never runs
# ANALYZE), prefers the status index for any ``status = ...`` and walks every approved or open
# claim; it is told which index to read. PostgreSQL's planner finds them on its own.
INDEX_OF = {"week": "claim_published_idx", "overdue": "claim_open_due_idx"}


def _hinted(sql, index):
    if index is None or connection.vendor != "sqlite":
        return sql
    table = connection.ops.quote_name(Claim._meta.db_table)
    return sql.replace(f"FROM {table}", f"FROM {table} INDEXED BY {index}", 1)


def _rows(queryset, index):
    """The rows of ``queryset`` (a ``values_list``), read through ``index`` on SQLite."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(_hinted(sql, index), params)
        return cursor.fetchall()


def capped_counts(querysets):
    """``{name: count}`` for each queryset of ``querysets``, each count stopping past CAP
    (an :class:`AtLeast`), all in one statement."""
    names = list(querysets)
    if not names:
        return {}
    parts, params = [], []
    for name in names:
        sql, part_params = querysets[name].order_by().values("pk").query.sql_with_params()
        sql = _hinted(sql, INDEX_OF.get(name[0]))
        parts.append(f"(SELECT COUNT(*) FROM ({sql} LIMIT %s) capped_{len(parts)})")
        params += [*part_params, CAP + 1]
    with connection.cursor() as cursor:
        cursor.execute("SELECT " + ", ".join(parts), params)
        counted = cursor.fetchone()
    return {name: _capped(n) for name, n in zip(names, counted, strict=True)}


def capped_counts_reference(querysets):
    """:func:`capped_counts` through the ORM, one query per count."""
    return {name: _capped(qs.order_by()[: CAP + 1].count()) for name, qs in querysets.items()}


@dataclass
class Figures:
    today: datetime.date
    statuses: list  # (status, label, claims in that status)
    ages: list  # (label, [open claims of that age in each open status], all of them)
    age_statuses: list  # the open statuses, (value, label), in the order of those counts
    weeks: list  # (the week's Monday, approvals that week)
    reviewers: list  # (name, claims in review assigned to them)
    overdue_count: int
    overdue: list  # the most overdue open claims, as rows
    import_to_approval: datetime.timedelta | None
    import_to_approval_sample: int
    take_to_verify: datetime.timedelta | None
    take_to_verify_sample: int


def _literally(condition):
    """``condition`` (SQL over the claims table's own columns, fixed words only) written into
    the statement as it stands. SQLite uses a partial index only when the query's WHERE
    proves the index's condition, which a bound parameter never does: ``status = %s`` cannot
    pick the index of approved claims, ``status = 'approved'`` can."""
    table = connection.ops.quote_name(Claim._meta.db_table)
    return RawSQL(condition.format(table=table), (), output_field=BooleanField())


def _approved():
    # The index of published claims (status = 'approved', newest approval first).
    return Claim.objects.filter(_literally("{table}.\"status\" = 'approved'"))


def _overdue(today):
    # The index of open claims with a due date, its condition written out word for word.
    statuses = ", ".join(f"'{status}'" for status in OPEN_STATUSES)
    return Claim.objects.filter(
        _literally(f"{{table}}.\"status\" IN ({statuses})"), due_on__lt=today
    )


def _at_midnight(day):
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time()))


def week_starts(today):
    """The Mondays of the last WEEKS weeks, oldest first, this week's last."""
    monday = today - datetime.timedelta(days=today.weekday())
    return [monday - datetime.timedelta(weeks=WEEKS - 1 - week) for week in range(WEEKS)]


def count_plan(now, reviewer_ids):
    """Every count the page shows, as named querysets: open claims by status and age,
    approvals per week, overdue claims, and each reviewer's claims in review."""
    today = timezone.localdate(now)
    plan = {("status", status): Claim.objects.filter(status=status)
            for status in ReviewStatus.values}
    for status in OPEN_STATUSES:
        for index, (_, newest, oldest) in enumerate(AGES):
            claims = Claim.objects.filter(
                status=status, created_at__lte=now - datetime.timedelta(days=newest)
            )
            if oldest is not None:
                claims = claims.filter(created_at__gt=now - datetime.timedelta(days=oldest))
            plan[("age", status, index)] = claims
    for monday in week_starts(today):
        plan[("week", monday)] = _approved().filter(
            approved_at__gte=_at_midnight(monday),
            approved_at__lt=_at_midnight(monday + datetime.timedelta(weeks=1)),
        )
    plan[("overdue",)] = _overdue(today)
    for pk in reviewer_ids:
        plan[("reviewer", pk)] = Claim.objects.filter(
            assignee_id=pk, status=ReviewStatus.IN_REVIEW
        )
    return plan


def _median(durations):
    return statistics.median(durations) if durations else None


def import_to_approval():
    """The median time from import to approval over the latest SAMPLE approvals, and how
    many there were (the index of published claims holds them newest first)."""
    rows = _rows(
        _approved().order_by("-approved_at", "-id")
        .values_list("created_at", "approved_at")[:SAMPLE],
        INDEX_OF["week"],
    )
    field = Claim._meta.get_field("created_at")
    rows = [
        tuple(field.from_db_value(value, None, connection)
              if hasattr(field, "from_db_value") else value for value in row)
        for row in rows
    ]
    return _median([approved - created for created, approved in rows]), len(rows)


def take_to_verify():
    """The median time from a claim's taking (or assignment) to its check (verify or
    dispute), over the latest SAMPLE checks, and how many there were."""
    checked = dict(
        Claim.objects.filter(checked_at__isnull=False).order_by("-checked_at", "-id")
        .values_list("id", "checked_at")[:SAMPLE]
    )
    taken = {}
    events = ClaimEvent.objects.filter(
        claim_id__in=list(checked), action__in=("take", "assign")
    ).values_list("claim_id", "created_at")
    for claim_id, at in events:
        # The taking that led to the check: the last one before it.
        if at <= checked[claim_id] and (claim_id not in taken or at > taken[claim_id]):
            taken[claim_id] = at
    durations = [checked[pk] - at for pk, at in taken.items()]
    return _median(durations), len(durations)


def overdue_claims(today):
    """The most overdue open claims, oldest due date first."""
    ids = [pk for pk, in _rows(
        _overdue(today).order_by("due_on", "id").values_list("id")[:OVERDUE_SHOWN],
        INDEX_OF["overdue"],
    )]
    return list(
        Claim.objects.filter(pk__in=ids).order_by("due_on", "id")
        .values("id", "text", "status", "due_on", "assignee__first_name",
                "assignee__last_name", "assignee__username", "assignee_id")
    )


def figures(now=None, *, counts=capped_counts):
    """Everything the dashboard shows, in a fixed number of queries."""
    now = now or timezone.now()
    today = timezone.localdate(now)
    reviewers = list(permissions.desk_reviewers())
    counted = counts(count_plan(now, [person.pk for person in reviewers]))
    status_labels = dict(ReviewStatus.choices)
    ages = []
    for i, (label, _, _) in enumerate(AGES):
        counts = [counted[("age", status, i)] for status in OPEN_STATUSES]
        ages.append((label, counts, _sum(counts)))
    overdue = overdue_claims(today)
    for row in overdue:
        row["status_label"] = status_labels[row["status"]]
        row["assignee_name"] = person_name_from(
            row.pop("assignee__first_name"), row.pop("assignee__last_name"),
            row.pop("assignee__username"),
        )
    approval, approval_sample = import_to_approval()
    check, check_sample = take_to_verify()
    return Figures(
        today=today,
        statuses=[(value, label, counted[("status", value)])
                  for value, label in ReviewStatus.choices],
        ages=ages,
        age_statuses=[(status, status_labels[status]) for status in OPEN_STATUSES],
        weeks=[(monday, counted[("week", monday)]) for monday in week_starts(today)],
        reviewers=[(person_name(person), counted[("reviewer", person.pk)])
                   for person in reviewers],
        overdue_count=counted[("overdue",)],
        overdue=overdue,
        import_to_approval=approval,
        import_to_approval_sample=approval_sample,
        take_to_verify=check,
        take_to_verify_sample=check_sample,
    )


def _sum(counts):
    total = sum(int(n) for n in counts)
    return AtLeast(total) if any(isinstance(n, AtLeast) for n in counts) else total


def duration_words(delta):
    """A duration as an editor says it: "3 days 4 hours", "5 hours 10 minutes", "2 minutes"."""
    if delta is None:
        return "—"
    minutes = int(delta.total_seconds() // 60)
    days, minutes = divmod(minutes, 24 * 60)
    hours, minutes = divmod(minutes, 60)

    def unit(n, word):
        return f"{n} {word}{'s' if n != 1 else ''}"

    if days:
        return unit(days, "day") + (f" {unit(hours, 'hour')}" if hours else "")
    if hours:
        return unit(hours, "hour") + (f" {unit(minutes, 'minute')}" if minutes else "")
    return unit(minutes, "minute")
