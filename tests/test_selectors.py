"""The read paths of claims.selectors against their plain ORM references, on the same data."""

import datetime

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from claims import selectors
from claims.models import Claim, ClaimEvent, Release, ReviewStatus
from claims.reports import bind_filters
from tests import factories


def _desk(editor, statuses_per_release):
    """Releases whose claims have the given statuses, the newest release last."""
    releases = []
    for statuses in statuses_per_release:
        paragraph = factories.ParagraphFactory()
        for offset, status in enumerate(statuses):
            factories.ClaimFactory(
                paragraph=paragraph, start=offset, status=status,
                rating="accurate" if status in ("verified", "disputed", "approved") else "",
                approved_at=timezone.now() if status == "approved" else None,
                text=paragraph.text[offset:],
            )
        releases.append(paragraph.release)
    return releases


@pytest.mark.django_db
def test_the_status_counts_of_a_page_are_those_the_database_groups_for_every_release(editor):
    _desk(editor, [
        ["pending", "pending", "approved"],
        [],
        ["dismissed", "in_review", "verified", "disputed", "approved", "approved"],
    ])
    releases = Release.objects.order_by("pk")
    fast = selectors.with_status_counts(releases)
    reference = list(selectors.with_status_counts_reference(releases))
    assert [r.claim_count for r in fast] == [r.claim_count for r in reference] == [3, 0, 6]
    for mine, theirs in zip(fast, reference, strict=True):
        for status in ReviewStatus.values:
            assert getattr(mine, f"{status}_count") == getattr(theirs, f"{status}_count")


@pytest.mark.django_db
def test_the_report_preview_shows_the_first_claims_in_report_order(editor):
    _desk(editor, [["approved"] * 3, ["pending"], ["approved"] * 4, ["approved"] * 2])
    claims = Claim.objects.approved()
    for size in (1, 3, 4, 5, 20):
        fast = [claim.pk for claim in selectors.report_preview(claims, size)]
        reference = [claim.pk for claim in selectors.report_preview_reference(claims, size)]
        assert fast == reference
        assert len(fast) == min(size, 9)


@pytest.mark.django_db
def test_a_day_in_the_report_filters_is_the_desks_day(editor, settings):
    settings.TIME_ZONE = "Europe/Berlin"
    [release] = _desk(editor, [["approved"] * 3])
    berlin = timezone.get_fixed_timezone(60)
    moments = [
        datetime.datetime(2024, 3, 9, 23, 59, tzinfo=berlin),
        datetime.datetime(2024, 3, 10, 0, 0, tzinfo=berlin),
        datetime.datetime(2024, 3, 10, 23, 59, 59, tzinfo=berlin),
    ]
    claims = list(Claim.objects.filter(release=release).order_by("pk"))
    for claim, moment in zip(claims, moments, strict=True):
        Claim.objects.filter(pk=claim.pk).update(approved_at=moment)
    with timezone.override("Europe/Berlin"):
        one_day = bind_filters({"since": "2024-03-10", "until": "2024-03-10"})
        assert one_day.is_valid()
        assert sorted(one_day.qs.values_list("pk", flat=True)) == [c.pk for c in claims[1:]]
        reference = Claim.objects.approved().filter(
            approved_at__date__gte=datetime.date(2024, 3, 10),
            approved_at__date__lte=datetime.date(2024, 3, 10),
        )
        assert set(one_day.qs) == set(reference)


@pytest.mark.django_db
def test_a_list_past_the_cap_says_more_than_and_stops_there(superuser_client, monkeypatch):
    monkeypatch.setattr(selectors.CappedPaginator, "cap", 3)
    claim = factories.ClaimFactory()
    actor = get_user_model().objects.create(username="someone")
    for _ in range(5):
        factories.event(claim, actor, "note", "pending", "pending")
    page = superuser_client.get(reverse("admin:claims_claimevent_changelist")).content.decode()
    assert "3+ claim events" in page
    assert ClaimEvent.objects.count() == 5


@pytest.mark.django_db
def test_a_person_named_in_the_desks_records_is_not_deleted_and_the_page_says_why(
    superuser_client, reviewer
):
    claim = factories.ClaimFactory()
    for _ in range(3):
        factories.event(claim, reviewer, "note", "pending", "pending")
    url = reverse("admin:auth_user_delete", args=[reviewer.pk])
    page = superuser_client.get(url).content.decode()
    assert "cannot be deleted because the desk" in page
    assert "3 claim events" in page
    superuser_client.post(url, {"post": "yes"})
    assert get_user_model().objects.filter(pk=reviewer.pk).exists()


@pytest.mark.django_db
def test_a_person_without_records_can_be_deleted_from_a_page_that_counts(superuser_client):
    newcomer = get_user_model().objects.create(username="newcomer")
    url = reverse("admin:auth_user_delete", args=[newcomer.pk])
    page = superuser_client.get(url).content.decode()
    assert "1 user" in page and "cannot be deleted" not in page
    superuser_client.post(url, {"post": "yes"})
    assert not get_user_model().objects.filter(pk=newcomer.pk).exists()


@pytest.mark.django_db
def test_a_page_read_by_ids_first_is_djangos_page(editor):
    from django.core.paginator import Paginator

    for n in range(23):
        factories.ReleaseFactory(title=f"Release {n % 5}")
    releases = Release.objects.select_related("imported_by").defer("body").order_by("title", "-id")
    fast, reference = selectors.Paginator(releases, 5), Paginator(releases, 5)
    assert fast.num_pages == reference.num_pages == 5
    for number in fast.page_range:
        assert [r.pk for r in fast.page(number)] == [r.pk for r in reference.page(number)]
    rows = releases.values("pk", "title")
    assert list(selectors.Paginator(rows, 5).page(5)) == list(Paginator(rows, 5).page(5))


@pytest.mark.django_db
def test_the_reports_page_counts_approved_claims_up_to_the_cap(editor_client, editor, monkeypatch):
    _desk(editor, [["approved"] * 4])
    page = editor_client.get(reverse("claims:report_list")).content.decode()
    assert "4 approved claims" in page
    monkeypatch.setattr(selectors.capped_count, "__defaults__", (3,))
    page = editor_client.get(reverse("claims:report_list")).content.decode()
    assert "3+ approved claims" in page


@pytest.mark.django_db
@pytest.mark.parametrize("few", [0, 1_000])
def test_a_search_of_the_history_finds_what_the_plain_search_finds(editor, monkeypatch, few):
    # few=0 always takes the walk by date, 1,000 always reads the ids first.
    monkeypatch.setattr(selectors, "FEW_HISTORY_MATCHES", few)
    ferry = factories.ClaimFactory(paragraph=factories.ParagraphFactory(
        text="The ferry terminal opens in May."), start=0, end=32,
        text="The ferry terminal opens in May.")
    budget = factories.ClaimFactory(paragraph=factories.ParagraphFactory(
        text="The budget grew by 4%."), start=0, end=22, text="The budget grew by 4%.")
    for claim in (ferry, budget):
        factories.event(claim, editor, "take", "pending", "in_review")
    factories.event(budget, editor, "return", "verified", "in_review",
                    note="Compare with the ferry figures first.")
    events = ClaimEvent.objects.order_by("created_at", "id")
    for word in ("ferry", "budget", "figures", "zurich", '"ferry terminal"', "budget grew"):
        fast = list(selectors.search_history(events, word))
        assert fast == list(selectors.search_history_reference(events, word))
    assert [e.claim_id for e in selectors.search_history(events, "ferry")] == [
        ferry.pk, budget.pk]
    assert not selectors.search_history(events, "zurich").exists()
