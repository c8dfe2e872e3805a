"""The desk at a glance: its numbers on a small desk whose every figure is known, its capped
counts against their ORM twin, who may see it, and a query count that does not grow."""

import datetime
from collections import Counter

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims import dashboard
from claims.models import Claim, ClaimEvent
from claims.selectors import AtLeast
from tests import factories

NOW = timezone.now()


def monday_of(moment):
    day = timezone.localdate(moment)
    return day - datetime.timedelta(days=day.weekday())


def ago(**kwargs):
    return NOW - datetime.timedelta(**kwargs)


def claim(status="pending", *, created, **fields):
    made = factories.ClaimFactory()
    Claim.objects.filter(pk=made.pk).update(status=status, created_at=created, **fields)
    return Claim.objects.get(pk=made.pk)


@pytest.fixture
def desk(db, editor, reviewer, second_reviewer):
    """A desk whose figures are known:

    - open: 2 pending under a day old, 1 pending 10 days old, 1 in review 3 days old
      (assigned to the reviewer, due yesterday: overdue), 1 verified 40 days old;
    - approved: 2 this week (4 and 8 hours after import), 1 three weeks ago (2 days after);
    - dismissed: 1, due long ago (done, so not overdue);
    - taken then checked: the verified claim (6 hours), and the approved ones (2, 4 hours).
    """
    today = timezone.localdate(NOW)
    claim(created=ago(hours=2))
    claim(created=ago(hours=5))
    claim(created=ago(days=10))
    late = claim("in_review", created=ago(days=3), assignee=reviewer,
                 due_on=today - datetime.timedelta(days=1))
    verified = claim("verified", created=ago(days=40), rating="accurate", assignee=reviewer,
                     checked_by=reviewer, checked_at=ago(days=39))
    this_week = [
        claim("approved", created=ago(minutes=10 + 4 * 60 + n), rating="accurate",
              approved_at=ago(minutes=10 + n), checked_at=ago(minutes=60 + n),
              checked_by=reviewer)
        for n in (0, 1)
    ]
    Claim.objects.filter(pk=this_week[1].pk).update(created_at=ago(minutes=11 + 8 * 60))
    older = claim("approved", created=ago(days=23), rating="accurate", approved_at=ago(days=21),
                  checked_at=ago(days=21, hours=1), checked_by=reviewer)
    claim("dismissed", created=ago(days=50), due_on=today - datetime.timedelta(days=30))
    for checked, hours in ((verified, 6), (this_week[0], 2), (this_week[1], 4), (older, 3)):
        taken = factories.event(checked, reviewer, "take", "pending", "in_review")
        with connection.cursor() as cursor:  # the history is append-only: its time by SQL
            cursor.execute(
                f"UPDATE {ClaimEvent._meta.db_table} SET created_at = %s WHERE id = %s",
                [checked.checked_at - datetime.timedelta(hours=hours), taken.pk],
            )
    # A taking after the check (the claim came back) is not the one that led to it.
    factories.event(verified, reviewer, "take", "pending", "in_review")
    return {"late": late, "reviewer": reviewer, "second_reviewer": second_reviewer}


def test_the_figures_of_a_known_desk(desk):
    figures = dashboard.figures(NOW)

    assert [(value, n) for value, _, n in figures.statuses] == [
        ("pending", 3), ("in_review", 1), ("verified", 1), ("disputed", 0), ("approved", 3),
        ("dismissed", 1),
    ]
    assert [(label, counts, total) for label, counts, total in figures.ages] == [
        ("Under a day", [2, 0, 0, 0], 2),
        ("1 to 7 days", [0, 1, 0, 0], 1),
        ("7 to 30 days", [1, 0, 0, 0], 1),
        ("Over 30 days", [0, 0, 1, 0], 1),
    ]
    weeks = dict(figures.weeks)
    assert len(weeks) == 12
    assert {monday: n for monday, n in weeks.items() if n} == Counter(
        monday_of(approved) for approved in (ago(minutes=10), ago(minutes=11), ago(days=21))
    )
    reviewers = dict(figures.reviewers)
    assert (reviewers["Rita Reviewer"], reviewers["Ravi Other"]) == (1, 0)
    assert figures.overdue_count == 1
    assert [row["id"] for row in figures.overdue] == [desk["late"].pk]
    assert figures.overdue[0]["assignee_name"] == "Rita Reviewer"
    # Import to approval: 4 h, 8 h and 2 days; the median is 8 hours.
    assert figures.import_to_approval == datetime.timedelta(hours=8)
    assert figures.import_to_approval_sample == 3
    # Take to check: 6, 2, 4 and 3 hours; the median is 3.5 hours.
    assert figures.take_to_verify == datetime.timedelta(hours=3, minutes=30)
    assert figures.take_to_verify_sample == 4


def test_the_one_statement_counts_what_the_orm_counts(desk, monkeypatch):
    plan = dashboard.count_plan(NOW, [desk["reviewer"].pk, desk["second_reviewer"].pk])
    assert dashboard.capped_counts(plan) == dashboard.capped_counts_reference(plan)
    monkeypatch.setattr(dashboard, "CAP", 1)
    capped = dashboard.capped_counts(plan)
    assert capped == dashboard.capped_counts_reference(plan)
    assert isinstance(capped[("status", "pending")], AtLeast)
    assert str(capped[("status", "pending")]) == "1+"


def test_durations_read_as_an_editor_says_them():
    words = dashboard.duration_words
    assert words(datetime.timedelta(days=3, hours=4, minutes=5)) == "3 days 4 hours"
    assert words(datetime.timedelta(hours=1, minutes=1)) == "1 hour 1 minute"
    assert words(datetime.timedelta(minutes=2)) == "2 minutes"
    assert words(None) == "—"


def test_an_editor_reads_the_numbers_in_tables(desk, editor_client):
    page = editor_client.get("/desk/").content.decode()
    assert "The desk at a glance" in page
    assert 'data-value="3" data-status="pending">3</td>' in page
    assert "<th scope=\"row\">Rita Reviewer</th><td class=\"num\" data-value=\"1\">1</td>" in page
    assert "8 hours" in page and "3 hours 30 minutes" in page
    assert f'href="/review/claims/{desk["late"].pk}/"' in page
    assert "/static/claims/vendor/chartjs/chart.umd.min.js" in page
    assert 'href="/desk/" aria-current="page"' in page


def test_a_reviewer_does_not_see_it(reviewer_client):
    assert reviewer_client.get("/desk/").status_code == 403


def test_an_outsider_does_not_see_it(outsider_client):
    assert outsider_client.get("/desk/").status_code == 403


def test_a_stranger_is_sent_to_log_in(client):
    assert client.get("/desk/")["Location"].startswith("/accounts/login/")


def test_editors_find_it_in_the_menu(editor_client):
    assert 'href="/desk/"' in editor_client.get("/review/").content.decode()


def test_reviewers_do_not_find_it_in_the_menu(reviewer_client):
    assert 'href="/desk/"' not in reviewer_client.get("/review/").content.decode()


def test_its_queries_do_not_grow_with_the_desk(editor_client, editor, reviewer):
    claim("verified", created=ago(days=1), rating="accurate", checked_at=ago(hours=1),
          checked_by=reviewer)
    with CaptureQueriesContext(connection) as few:
        editor_client.get("/desk/")
    for n in range(6):
        claim("approved", created=ago(days=n), rating="accurate", approved_at=ago(hours=n),
              checked_at=ago(hours=n + 1), checked_by=reviewer, due_on=NOW.date())
        factories.reviewer(f"reviewer-{n}")
    with CaptureQueriesContext(connection) as more:
        editor_client.get("/desk/")
    assert len(more) == len(few)
