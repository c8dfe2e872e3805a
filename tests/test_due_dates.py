"""Due dates: editors set them on claims and releases; the queue and the API sort and filter by
them and mark the overdue ones."""

import datetime

import pytest
from django.utils import timezone

from claims import workflow
from claims.models import Claim, ClaimEvent
from tests import factories

TODAY = timezone.localdate()


def days(n):
    return TODAY + datetime.timedelta(days=n)


@pytest.fixture
def dated(db, editor):
    """Four open claims: overdue, due today, due in ten days, no due date; and an approved
    claim whose due date has passed (done, so not overdue)."""
    claims = {
        name: factories.ClaimFactory(text=text, score=score)
        for name, text, score in (
            ("late", "Unemployment fell to 4.1% in March.", 0.2),
            ("today", "The ferry will run twice a day from May.", 0.4),
            ("later", "Exports rose by a third last year.", 0.9),
            ("none", "The council will plant 10,000 trees.", 0.8),
            ("done", "Inflation fell below 2% in June.", 0.1),
        )
    }
    for name, due in (("late", days(-3)), ("today", TODAY), ("later", days(10)),
                      ("done", days(-30))):
        workflow.set_due_date(claims[name], by=editor, due_on=due)
    Claim.objects.filter(pk=claims["done"].pk).update(status="approved", rating="accurate")
    return claims


def queue_ids(client, **query):
    rows = client.get("/review/", query).context["claims"]
    return [row["id"] for row in rows]


def test_an_editor_sets_a_due_date_and_the_history_says_so(editor, editor_client):
    claim = factories.ClaimFactory()
    answer = editor_client.post(f"/review/claims/{claim.pk}/due/", {"due_on": "2031-03-14"},
                                follow=True)
    assert "Due 14 March 2031." in answer.content.decode()
    claim.refresh_from_db()
    assert claim.due_on == datetime.date(2031, 3, 14)
    assert claim.version == 1  # not a change of the review
    event = ClaimEvent.objects.get(claim=claim)
    assert (event.action, event.actor, event.note) == ("due", editor, "Due 14 March 2031.")

    editor_client.post(f"/review/claims/{claim.pk}/due/", {"due_on": "", "clear": "1"})
    claim.refresh_from_db()
    assert claim.due_on is None


def test_a_reviewer_cannot_set_a_due_date(reviewer_client):
    claim = factories.ClaimFactory()
    answer = reviewer_client.post(f"/review/claims/{claim.pk}/due/", {"due_on": "2031-03-14"})
    assert answer.status_code == 403
    claim.refresh_from_db()
    assert claim.due_on is None


def test_a_date_that_is_not_one_is_refused_in_words(editor_client):
    claim = factories.ClaimFactory()
    answer = editor_client.post(f"/review/claims/{claim.pk}/due/", {"due_on": "soon"},
                                follow=True)
    assert "Give the due date as a date" in answer.content.decode()


def test_a_releases_due_date_reaches_its_claims_without_one_of_their_own(editor, editor_client):
    release = factories.ReleaseFactory()
    own = factories.ClaimFactory(paragraph__release=release)
    inheriting = factories.ClaimFactory(paragraph__release=release)
    workflow.set_due_date(own, by=editor, due_on=days(2))

    editor_client.post(f"/releases/{release.pk}/due/", {"due_on": days(20).isoformat()})
    own.refresh_from_db()
    inheriting.refresh_from_db()
    assert (own.due_on, inheriting.due_on) == (days(2), days(20))

    # Moving the release's date moves the claims that follow it, and only those.
    editor_client.post(f"/releases/{release.pk}/due/", {"due_on": days(25).isoformat()})
    own.refresh_from_db()
    inheriting.refresh_from_db()
    assert (own.due_on, inheriting.due_on) == (days(2), days(25))
    page = editor_client.get(f"/releases/{release.pk}/").content.decode()
    assert f"Due {days(25).day} {days(25):%B %Y}" in page


def test_the_queue_sorts_by_due_date_soonest_first(dated, editor_client):
    c = dated
    assert queue_ids(editor_client, ordering="due") == [
        c["done"].pk, c["late"].pk, c["today"].pk, c["later"].pk
    ]


@pytest.mark.parametrize(
    ("due", "expected"),
    [
        ("overdue", ["late"]),
        ("soon", ["today"]),
        ("dated", ["later", "today", "late", "done"]),
        ("undated", ["none"]),
    ],
)
def test_the_queue_filters_by_due_date(dated, editor_client, due, expected):
    assert queue_ids(editor_client, due=due) == [dated[name].pk for name in expected]


def test_the_queue_marks_overdue_claims(dated, editor_client):
    page = editor_client.get("/review/", {"ordering": "due"}).content.decode()
    assert page.count('<span class="badge overdue">Overdue</span>') == 1
    late = page.index("Unemployment fell to 4.1% in March.")
    assert page.index("Overdue", late) < page.index("The ferry will run", late)


def test_the_claim_page_marks_an_overdue_claim(dated, reviewer_client):
    page = reviewer_client.get(f"/review/claims/{dated['late'].pk}/").content.decode()
    assert '<span class="badge overdue">Overdue</span>' in page
    assert 'name="due_on"' not in page  # a reviewer sees the date, not the form
    page = reviewer_client.get(f"/review/claims/{dated['done'].pk}/").content.decode()
    assert "Overdue" not in page


def test_the_api_sorts_and_filters_by_due_date(dated, reviewer_client):
    c = dated
    answer = reviewer_client.get("/api/v1/claims/", {"ordering": "due", "page_size": 2}).json()
    assert [row["id"] for row in answer["results"]] == [c["done"].pk, c["late"].pk]
    assert answer["results"][1]["due_on"] == days(-3).isoformat()
    following = reviewer_client.get(answer["next"]).json()
    assert [row["id"] for row in following["results"]] == [c["today"].pk, c["later"].pk]
    assert following["next"] is None

    overdue = reviewer_client.get("/api/v1/claims/", {"due": "overdue"}).json()["results"]
    assert [row["id"] for row in overdue] == [c["late"].pk]


def test_a_queue_cursor_holding_no_due_date_starts_from_the_first_page(dated, editor_client):
    from claims.pagination import encode_cursor

    cursor = encode_cursor([None, dated["none"].pk])
    answer = editor_client.get("/review/", {"ordering": "due", "after": cursor, "page": "9"})
    assert answer.status_code == 200
    assert [row["id"] for row in answer.context["claims"]][0] == dated["done"].pk
