"""The reviewers' pages: who may open them, every action posted from the claim page, escaping
of hostile text, and query counts that stay flat as the desk fills up."""

import datetime
import re
import time

import pytest
from bs4 import BeautifulSoup
from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from claims import workflow
from claims.filters import CLAIM_ORDERINGS
from claims.models import Annotation, Claim, ClaimEvent, Evidence, Release, Speaker
from claims.templatetags import claims_ui
from tests import factories, html_forms

pytestmark = pytest.mark.django_db

HOSTILE_SCRIPT = "<script>alert(1)</script>"
HOSTILE_IMG = "<img src=x onerror=alert(1)>"


@pytest.fixture
def claim(db):
    return factories.ClaimFactory()


def _messages(response):
    return [str(m) for m in get_messages(response.wsgi_request)]


def _move(claim, *steps):
    """Bring a claim to a status through the workflow, as people on the desk would."""
    for action, user, extra in steps:
        workflow.transition(claim, action, by=user, **extra)
    claim.refresh_from_db()
    return claim


def _in_review(claim, reviewer):
    return _move(claim, ("take", reviewer, {}))


def _verified(claim, reviewer):
    _in_review(claim, reviewer)
    factories.EvidenceFactory(claim=claim, added_by=reviewer)
    return _move(claim, ("verify", reviewer, {"rating": "accurate", **factories.RULING}))


def _post_action(client, claim, action, **data):
    data.setdefault("version", claim.version)
    return client.post(
        reverse("claims:claim_transition", args=[claim.pk]), {"action": action, **data}
    )


# Who may open what.


def _page_urls(claim):
    return [
        reverse("claims:queue"),
        reverse("claims:claim_detail", args=[claim.pk]),
    ]


def _post_urls(claim):
    return [
        reverse("claims:queue_bulk"),
        reverse("claims:claim_transition", args=[claim.pk]),
        reverse("claims:claim_add_note", args=[claim.pk]),
        reverse("claims:claim_add_evidence", args=[claim.pk]),
    ]


def test_anonymous_people_are_sent_to_login_from_every_page_and_post(client, claim):
    for url in _page_urls(claim):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login") + "?next=")
    for url in _post_urls(claim):
        response = client.post(url, {"action": "take", "version": 1, "body": "x"})
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("login"))
    claim.refresh_from_db()
    assert claim.status == "pending"
    assert not Annotation.objects.exists()


def test_people_outside_the_desk_get_403_on_every_page_and_post(outsider_client, claim):
    for url in _page_urls(claim):
        response = outsider_client.get(url)
        assert response.status_code == 403
        assert b"not part of the fact-checking desk" in response.content
    posts = {
        "claims:claim_transition": {"action": "take", "version": claim.version},
        "claims:claim_add_note": {"body": "Sneaky note"},
        "claims:claim_add_evidence": {"url": "https://example.org/", "title": "x"},
    }
    for name, data in posts.items():
        response = outsider_client.post(reverse(name, args=[claim.pk]), data)
        assert response.status_code == 403
    claim.refresh_from_db()
    assert claim.status == "pending"
    assert not Annotation.objects.exists()
    assert not Evidence.objects.exists()
    assert not ClaimEvent.objects.exists()


@pytest.mark.parametrize("persona", ["reviewer", "editor", "superuser"])
def test_every_desk_member_can_open_the_queue_and_a_claim(client, claim, persona, request):
    client.force_login(request.getfixturevalue(persona))
    for url in _page_urls(claim):
        response = client.get(url)
        assert response.status_code == 200, url
    assert claim.text in client.get(_page_urls(claim)[1]).content.decode()


def test_posting_with_get_is_not_allowed(reviewer_client, claim):
    for url in _post_urls(claim):
        assert reviewer_client.get(url).status_code == 405


def test_the_navigation_shows_each_role_only_its_own_links(client, reviewer, editor):
    client.force_login(reviewer)
    page = client.get(reverse("claims:queue")).content.decode()
    assert "Review queue" in page and "Releases" in page
    assert reverse("claims:release_import") not in page
    assert 'href="/reports/"' not in page
    assert reverse("admin:index") not in page

    client.force_login(editor)
    page = client.get(reverse("claims:queue")).content.decode()
    assert reverse("claims:release_import") in page
    assert 'href="/reports/"' in page
    assert reverse("admin:index") in page


def test_logging_out_is_a_post_that_ends_the_session(reviewer_client):
    page = reviewer_client.get(reverse("claims:queue")).content.decode()
    assert f'action="{reverse("logout")}"' in page
    reviewer_client.post(reverse("logout"))
    assert reviewer_client.get(reverse("claims:queue")).status_code == 302


def test_a_reviewer_logs_in_with_a_password_and_lands_on_their_open_claims(client, reviewer):
    mine = _in_review(factories.ClaimFactory(), reviewer)
    factories.ClaimFactory()
    page = client.get(reverse("login")).content.decode()
    assert '<label for="id_username">' in page and '<label for="id_password">' in page
    response = client.post(
        reverse("login"), {"username": "reviewer", "password": "correct horse battery"},
        follow=True,
    )
    assert response.redirect_chain[-1][0] == "/review/?status=in_review&assigned_to_me=true"
    assert [c["id"] for c in response.context["claims"]] == [mine.pk]
    nav = BeautifulSoup(response.content, "html.parser").find("nav", class_="site-nav")
    current = nav.find("a", attrs={"aria-current": "page"})
    assert " ".join(current.get_text().split()) == "My open claims 1"
    assert "Awaiting approval" not in nav.get_text()


def test_an_editor_lands_on_the_claims_awaiting_approval_counted_in_the_menu(
    client, editor, reviewer
):
    waiting = [_verified(factories.ClaimFactory(), reviewer) for _ in range(2)]
    _in_review(factories.ClaimFactory(), reviewer)
    client.force_login(editor)

    response = client.get("/", follow=True)

    assert response.redirect_chain[-1][0] == "/review/?status=verified&status=disputed"
    assert {c["id"] for c in response.context["claims"]} == {c.pk for c in waiting}
    nav = BeautifulSoup(response.content, "html.parser").find("nav", class_="site-nav")
    links = {" ".join(a.get_text().split()) for a in nav.find_all("a")}
    assert {"Awaiting approval 2", "My open claims 0"} <= links


def test_a_wrong_password_is_refused_with_a_sentence(client, reviewer):
    response = client.post(reverse("login"), {"username": "reviewer", "password": "nope"})
    assert response.status_code == 200
    assert "Please enter a correct username and password" in response.content.decode()


# The queue.


def test_the_queue_lists_claims_with_speaker_release_score_status_and_assignee(
    reviewer_client, reviewer
):
    speaker = factories.SpeakerFactory(name="Ada Minister")
    claim = factories.ClaimFactory(kind="quote", speaker=speaker, score=0.87)
    _in_review(claim, reviewer)
    page = reviewer_client.get(reverse("claims:queue")).content.decode()
    assert "Direct quote" in page
    assert "Ada Minister" in page
    assert claim.release.title in page
    assert "0.87" in page
    assert "In review" in page
    assert "Rita Reviewer" in page
    assert claim.get_absolute_url() in page


@pytest.mark.parametrize("name", ["claims:claim_detail", "claims:release_detail"])
def test_queue_rows_link_each_claim_and_release_where_reverse_does(name):
    # The queue reverses each link once per page and puts each row's id in its place.
    stand_in = str(claims_ui.STAND_IN_PK)
    assert reverse(name, args=[claims_ui.STAND_IN_PK]).count(stand_in) == 1
    link = claims_ui.url_for_each(name)
    for pk in (1, 7, 86, 2**63 - 1):
        assert link(pk) == reverse(name, args=[pk])


def test_the_queue_links_each_row_to_its_claim_in_this_list_and_to_its_release(
    reviewer_client,
):
    claim = factories.ClaimFactory()
    page = reviewer_client.get(reverse("claims:queue"), {"kind": claim.kind, "q": ""})
    links = {a["href"] for a in BeautifulSoup(page.content, "html.parser").select("tbody a")}
    assert links == {f"{claim.get_absolute_url()}?kind={claim.kind}",
                     claim.release.get_absolute_url()}


def test_a_wrong_filter_beside_a_search_finding_nothing_shows_the_error(reviewer_client):
    factories.ClaimFactory(text="The ferry sails at noon.")
    page = reviewer_client.get(reverse("claims:queue"), {"score_min": "high", "q": "zzzz"})
    assert page.status_code == 200
    soup = BeautifulSoup(page.content, "html.parser")
    assert "Enter a number." in soup.select_one(".form-errors").text
    assert "No claims match these filters." in soup.text


def test_the_queue_shows_every_change_to_its_rows_at_once(
    editor_client, reviewer, monkeypatch
):
    # The rows' markup is cached under what they show: nothing of it may outlive a change.
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    claim = factories.ClaimFactory(
        kind="quote", speaker=factories.SpeakerFactory(name="Ada Minister"), due_on=tomorrow
    )
    page = editor_client.get("/review/").content.decode()
    assert "Ada Minister" in page and "Unassigned" in page and "badge overdue" not in page

    Speaker.objects.filter(pk=claim.speaker_id).update(name="Ada Premier")
    Release.objects.filter(pk=claim.release_id).update(title="Ministry renames a ferry")
    _in_review(claim, reviewer)
    reviewer.last_name = "Renamed"
    reviewer.save()
    page = editor_client.get("/review/").content.decode()
    for shown in ("Ada Premier", "Ministry renames a ferry", "In review", "Rita Renamed"):
        assert shown in page
    assert "badge overdue" not in page

    later = tomorrow + datetime.timedelta(days=1)
    monkeypatch.setattr(timezone, "localdate", lambda *args, **kwargs: later)
    assert "badge overdue" in editor_client.get("/review/").content.decode()


def test_the_queue_counts_claims_per_status_for_the_other_filters(reviewer_client, reviewer):
    release = factories.ReleaseFactory()
    others = factories.ReleaseFactory()
    for _ in range(3):
        factories.ClaimFactory(paragraph__release=release)
    _in_review(factories.ClaimFactory(paragraph__release=release), reviewer)
    factories.ClaimFactory(paragraph__release=others)
    response = reviewer_client.get(
        reverse("claims:queue"), {"release": release.pk, "status": "pending"}
    )
    tabs = dict(
        (value, str(count)) for value, _, count, *_ in response.context["status_tabs"]
    )
    assert tabs["pending"] == "3"
    assert tabs["in_review"] == "1"
    assert str(response.context["total_count"]) == "4"
    assert len(response.context["claims"]) == 3
    assert "3 claims match" in response.content.decode()


def test_the_queue_filters_by_kind_speaker_search_and_assignment(
    reviewer_client, reviewer, second_reviewer
):
    speaker = factories.SpeakerFactory(name="Bo Speaker")
    quote = factories.ClaimFactory(kind="quote", speaker=speaker, paragraph__text="We will win.")
    mine = _in_review(factories.ClaimFactory(paragraph__text="Bridge opens in May."), reviewer)
    theirs = _in_review(
        factories.ClaimFactory(paragraph__text="Tunnel opens in June."), second_reviewer
    )

    def shown(**params):
        response = reviewer_client.get(reverse("claims:queue"), params)
        return {c["id"] for c in response.context["claims"]}

    assert shown(kind="quote") == {quote.pk}
    assert shown(speaker=speaker.pk) == {quote.pk}
    assert shown(q="tunnel") == {theirs.pk}
    assert shown(q="bo speaker") == {quote.pk}
    assert shown(assigned_to_me="true") == {mine.pk}
    assert shown(unassigned="true") == {quote.pk}


def test_the_queue_sorts_by_score_newest_and_release(reviewer_client):
    low = factories.ClaimFactory(score=0.2)
    high = factories.ClaimFactory(score=0.9)
    middle = factories.ClaimFactory(score=0.5)

    def order(sort):
        response = reviewer_client.get(reverse("claims:queue"), {"ordering": sort})
        return [c["id"] for c in response.context["claims"]]

    assert order("-score") == [high.pk, middle.pk, low.pk]
    assert order("-newest") == [middle.pk, high.pk, low.pk]
    assert order("-release") == [middle.pk, high.pk, low.pk]
    # An unknown sort falls back to the best candidates first instead of failing.
    assert order("password") == [high.pk, middle.pk, low.pk]


def test_the_queue_pages_through_many_claims_keeping_the_filters(reviewer_client):
    release = factories.ReleaseFactory()
    claims = [factories.ClaimFactory(paragraph__release=release) for _ in range(30)]
    first = reviewer_client.get(reverse("claims:queue"), {"release": release.pk})
    assert len(first.context["claims"]) == 25
    page = first.content.decode()
    assert "30 claims match" in page and "Page 1" in page
    next_link = re.search(r'href="\?([^"]*)" rel="next"', page).group(1).replace("&amp;", "&")
    assert f"release={release.pk}" in next_link and "after=" in next_link
    second = reviewer_client.get(f"{reverse('claims:queue')}?{next_link}")
    assert len(second.context["claims"]) == 5
    assert "Page 2" in second.content.decode()
    shown = [c["id"] for c in first.context["claims"]] + [c["id"] for c in second.context["claims"]]
    assert sorted(shown) == sorted(c.pk for c in claims)
    assert 'rel="next"' not in second.content.decode()
    # An edited or stale cursor shows the first page rather than an error.
    response = reviewer_client.get(reverse("claims:queue"), {"after": "not-a-cursor"})
    assert response.status_code == 200 and response.context["page"].number == 1


@pytest.mark.parametrize("sort", ["-score", "-newest", "-release"])
def test_paging_forwards_and_back_shows_every_claim_once_even_when_scores_tie(
    reviewer_client, sort
):
    release = factories.ReleaseFactory()
    for index in range(60):
        # Three scores only, so most rows tie with their neighbours on the sort's first key.
        factories.ClaimFactory(paragraph__release=release, score=(index % 3) / 2)
    pages, url = [], f"{reverse('claims:queue')}?ordering={sort}"
    while url:
        response = reviewer_client.get(url)
        pages.append([c["id"] for c in response.context["claims"]])
        found = re.search(r'href="(\?[^"]*)" rel="next"', response.content.decode())
        url = found and reverse("claims:queue") + found.group(1).replace("&amp;", "&")
    shown = [pk for rows in pages for pk in rows]
    assert [len(rows) for rows in pages] == [25, 25, 10]
    assert len(set(shown)) == 60 == len(shown)
    # The same order as one query sorting everything by the sort's full key.
    assert shown == [c.pk for c in Claim.objects.order_by(*CLAIM_ORDERINGS[sort][1])]
    # Going back from the last page shows the page before it again, then the first.
    backwards = []
    while True:
        found = re.search(r'href="(\?[^"]*)" rel="prev"', response.content.decode())
        if not found:
            break
        url = reverse("claims:queue") + found.group(1).replace("&amp;", "&")
        response = reviewer_client.get(url)
        backwards.append([c["id"] for c in response.context["claims"]])
    assert backwards == [pages[1], pages[0]]
    assert response.context["page"].number == 1


def test_past_the_cap_the_queue_says_how_many_claims_at_least(reviewer_client, monkeypatch):
    monkeypatch.setattr("claims.views.queue.COUNT_CAP", 3)
    release = factories.ReleaseFactory()
    for _ in range(5):
        factories.ClaimFactory(paragraph__release=release)
    response = reviewer_client.get(reverse("claims:queue"), {"release": release.pk})
    assert "3+ claims match" in response.content.decode()
    assert len(response.context["claims"]) == 5


def test_a_search_says_how_many_claims_match_as_far_as_its_first_page_knows(reviewer_client):
    release = factories.ReleaseFactory()
    for _ in range(30):
        factories.ClaimFactory(paragraph__release=release, text="The ferry terminal opened.")
    factories.ClaimFactory(paragraph__release=release, text="The tunnel opened.")
    many = reviewer_client.get(reverse("claims:queue"), {"q": "ferry"}).content.decode()
    assert "25+ claims match" in many
    few = reviewer_client.get(reverse("claims:queue"), {"q": "tunnel"}).content.decode()
    assert "1 claim matches" in few


def test_a_bad_filter_value_is_explained_not_a_crash(reviewer_client, claim):
    response = reviewer_client.get(reverse("claims:queue"), {"release": "abc"})
    assert response.status_code == 200
    assert "Enter a number." in response.content.decode()


def test_apply_with_the_default_filters_shows_every_claim_and_no_error(editor_client):
    claims = [factories.ClaimFactory(kind=kind) for kind in ("quote", "event", "quantity")]
    page = editor_client.get(reverse("claims:queue")).content.decode()

    response = html_forms.submit(editor_client, page, "Filter claims", button="Apply")

    assert response.status_code == 200
    html = response.content.decode()
    assert "Select a valid choice" not in html
    assert 'class="form-errors"' not in html
    assert {c["id"] for c in response.context["claims"]} == {c.pk for c in claims}


def test_a_reviewer_ticks_assigned_to_me_and_applies_it(reviewer_client, reviewer):
    mine = _in_review(factories.ClaimFactory(), reviewer)
    factories.ClaimFactory()
    page = reviewer_client.get(reverse("claims:queue")).content.decode()

    response = html_forms.submit(
        reviewer_client, page, "Filter claims", tick=["assigned_to_me"], button="Apply"
    )

    assert "Select a valid choice" not in response.content.decode()
    assert [c["id"] for c in response.context["claims"]] == [mine.pk]
    # The form it shows next keeps the choice, and applying it again changes nothing.
    again = html_forms.submit(
        reviewer_client, response.content.decode(), "Filter claims", button="Apply"
    )
    assert [c["id"] for c in again.context["claims"]] == [mine.pk]


def test_a_kind_chosen_in_the_form_filters_and_any_kind_does_not(reviewer_client):
    quote = factories.ClaimFactory(kind="quote")
    factories.ClaimFactory(kind="event")
    page = reviewer_client.get(reverse("claims:queue")).content.decode()

    response = html_forms.submit(
        reviewer_client, page, "Filter claims", choose={"kind": "quote"}, button="Apply"
    )

    assert [c["id"] for c in response.context["claims"]] == [quote.pk]
    # The API reads the same filters: an empty kind means any kind there too.
    api = reviewer_client.get("/api/v1/claims/", {"kind": ""})
    assert api.status_code == 200


def test_an_editor_assigns_claims_ticked_in_the_queue_and_hears_about_each(
    editor_client, editor, reviewer, second_reviewer
):
    pending = [factories.ClaimFactory(score=score) for score in (0.9, 0.8)]
    theirs = _in_review(factories.ClaimFactory(score=0.7), second_reviewer)
    done = _verified(factories.ClaimFactory(score=0.6), reviewer)
    page = editor_client.get("/review/?ordering=-score").content.decode()
    form = html_forms.find_form(page, "Change the selected claims")
    boxes = BeautifulSoup(page, "html.parser").select('input[name="claims"][form="bulk"]')
    assert [int(box["value"]) for box in boxes] == [c.pk for c in (*pending, theirs, done)]

    data = {
        "queue": "ordering=-score", "action": "assign", "assignee": reviewer.pk,
        "claims": [box["value"] for box in boxes],
    }
    response = editor_client.post(form["action"], data, follow=True)

    assert response.redirect_chain[-1][0] == "/review/?ordering=-score"
    said = _messages(response)
    assert f"Assigned 3 claims to Rita Reviewer: #{pending[0].pk}, #{pending[1].pk}, " \
        f"#{theirs.pk}." in said
    assert f"Claim #{done.pk}: A claim that is verified cannot be assigned." in said
    for claim in (*pending, theirs):
        claim.refresh_from_db()
        assert (claim.status, claim.assignee) == ("in_review", reviewer)
        assert claim.events.last().action == "assign"


def _bulk_assignees(client):
    page = client.get("/review/").content.decode()
    options = BeautifulSoup(page, "html.parser").select("#bulk-assignee option[value]")
    return [option.text for option in options if option["value"]]


def test_the_queue_offers_to_assign_claims_to_the_desk_as_it_is_now(
    editor_client, editor, reviewer
):
    factories.ClaimFactory()
    assert _bulk_assignees(editor_client) == ["Erin Editor", "Rita Reviewer"]

    newcomer = factories.reviewer("newcomer", first_name="Nora", last_name="New")
    assert _bulk_assignees(editor_client) == ["Erin Editor", "Nora New", "Rita Reviewer"]
    reviewer.first_name = "Rosa"
    reviewer.save()
    newcomer.groups.clear()
    assert _bulk_assignees(editor_client) == ["Erin Editor", "Rosa Reviewer"]
    reviewers = Group.objects.get(name="Reviewers")
    newcomer.groups.add(reviewers)
    reviewers.permissions.remove(Permission.objects.get(codename="review_claim"))
    assert _bulk_assignees(editor_client) == ["Erin Editor"]
    editor.is_active = False
    editor.save()
    factories.UserFactory(username="root", first_name="", last_name="", is_superuser=True)
    assert _bulk_assignees(editor_client) == []  # logged out: the editor is inactive
    editor_client.force_login(factories.editor("editor2", first_name="Eli", last_name=""))
    assert _bulk_assignees(editor_client) == ["root", "Eli"]  # by first name, then username


def test_an_editor_dismisses_ticked_claims_through_the_workflow(editor_client):
    claims = [factories.ClaimFactory() for _ in range(2)]
    response = editor_client.post(
        reverse("claims:queue_bulk"),
        {"action": "dismiss", "claims": [c.pk for c in claims]}, follow=True,
    )
    assert f"Dismissed 2 claims: #{claims[0].pk}, #{claims[1].pk}." in _messages(response)
    assert set(Claim.objects.values_list("status", flat=True)) == {"dismissed"}
    assert ClaimEvent.objects.filter(action="dismiss").count() == 2


def test_bulk_changes_need_a_choice_and_an_editor(client, editor, reviewer, claim):
    url = reverse("claims:queue_bulk")
    client.force_login(editor)
    nothing = client.post(url, {"action": "assign", "claims": [claim.pk]}, follow=True)
    assert "Choose the reviewer to assign the selected claims to." in _messages(nothing)
    none = client.post(url, {"action": "dismiss"}, follow=True)
    assert "Select the claims first, with the boxes beside them." in _messages(none)
    reviewer_client = client
    reviewer_client.force_login(reviewer)
    assert reviewer_client.post(url, {"action": "dismiss", "claims": [claim.pk]}).status_code \
        == 403
    page = reviewer_client.get("/review/").content.decode()
    assert 'id="bulk"' not in page and 'name="claims"' not in page
    claim.refresh_from_db()
    assert claim.status == "pending"


# The claim page.


def _links(response):
    soup = BeautifulSoup(response.content, "html.parser")
    return {
        "queue": soup.find("nav", class_="breadcrumbs").find("a")["href"],
        "previous": (soup.find("a", rel="prev") or {}).get("href"),
        "next": (soup.find("a", rel="next") or {}).get("href"),
    }


def test_a_claim_opened_from_the_queue_leads_back_to_it_and_through_its_list(
    reviewer_client, reviewer
):
    high, middle, low = (
        _in_review(factories.ClaimFactory(score=score), reviewer) for score in (0.9, 0.5, 0.2)
    )
    factories.ClaimFactory(score=0.7)  # not the reviewer's: not in their list
    query = "status=in_review&assigned_to_me=true"
    queue = reviewer_client.get(f"/review/?{query}")
    row_links = [
        a["href"] for a in BeautifulSoup(queue.content, "html.parser").select("a.claim-link")
    ]
    assert row_links == [f"/review/claims/{c.pk}/?{query}" for c in (high, middle, low)]

    links = _links(reviewer_client.get(row_links[1]))

    assert links == {
        "queue": f"/review/?{query}",
        "previous": f"/review/claims/{high.pk}/?{query}",
        "next": f"/review/claims/{low.pk}/?{query}",
    }
    assert _links(reviewer_client.get(row_links[2]))["next"] is None
    # Opened on its own, a claim follows the whole queue, best first.
    assert _links(reviewer_client.get(f"/review/claims/{middle.pk}/"))["previous"] == (
        f"/review/claims/{factories.Claim.objects.get(score=0.7).pk}/"
    )


def test_verify_and_next_goes_on_to_the_next_claim_of_the_list_keeping_its_filters(
    reviewer_client, reviewer
):
    first = _in_review(factories.ClaimFactory(score=0.9), reviewer)
    second = _in_review(factories.ClaimFactory(score=0.5), reviewer)
    factories.EvidenceFactory(claim=first, added_by=reviewer)
    factories.EvidenceFactory(claim=second, added_by=reviewer)
    query = "status=in_review&assigned_to_me=true&ordering=-score"
    page = reviewer_client.get(f"/review/claims/{first.pk}/?{query}").content.decode()

    response = html_forms.submit(
        reviewer_client, page, "Verify", choose={"rating": "accurate"},
        fill=factories.RULING, button="Verify and next",
    )

    assert response.status_code == 302
    assert response["Location"] == f"/review/claims/{second.pk}/?{query}"
    first.refresh_from_db()
    assert first.status == "verified"
    # The last claim of the list leads back to the list, which says so.
    page = reviewer_client.get(response["Location"]).content.decode()
    response = html_forms.submit(
        reviewer_client, page, "Verify", choose={"rating": "accurate"},
        fill=factories.RULING, button="Verify and back to the list",
    )
    assert response["Location"] == f"/review/?{query}"
    assert "That was the last claim of this list." in _messages(response)


def test_a_posted_queue_never_puts_anything_else_into_the_address(reviewer_client, reviewer):
    claim = _in_review(factories.ClaimFactory(), reviewer)
    response = _post_action(
        reviewer_client, claim, "unassign",
        queue="status=in_review&next=https://evil.example/&q=%0d%0aSet-Cookie",
    )
    assert response["Location"] == (
        f"/review/claims/{claim.pk}/?status=in_review&q=%0D%0ASet-Cookie"
    )


def test_the_claim_page_shows_the_paragraph_around_it_and_what_was_found(reviewer_client):
    release = factories.ReleaseFactory(title="Ministry opens bridge")
    factories.ParagraphFactory(release=release, position=1, text="Before the claim.")
    paragraph = factories.ParagraphFactory(
        release=release, position=2, text="The minister said the bridge cost £40 million."
    )
    factories.ParagraphFactory(release=release, position=3, text="After the claim.")
    speaker = factories.SpeakerFactory(name="Ada Minister", role="Minister for Bridges")
    claim = factories.ClaimFactory(
        paragraph=paragraph,
        text="the bridge cost £40 million",
        start=18,
        end=45,
        speaker=speaker,
        attribution="the minister said",
        score=0.75,
        reasons=["number", "named_person"],
    )
    page = reviewer_client.get(claim.get_absolute_url()).content.decode()
    assert "Ministry opens bridge" in page
    assert "Before the claim." in page and "After the claim." in page
    assert 'The minister said <mark class="hl-current">the bridge cost £40 million</mark>.' in page
    assert "Minister for Bridges" in page
    assert "“the minister said”" in page
    assert "0.75" in page
    assert "named person" in page


def test_a_quote_over_paragraphs_links_its_segments_and_the_headline_its_repeat(
    reviewer_client,
):
    release = factories.ReleaseFactory()
    headline = factories.ParagraphFactory(release=release, position=0, text="We will win")
    first_paragraph = factories.ParagraphFactory(release=release, position=1, text="We will win")
    second_paragraph = factories.ParagraphFactory(release=release, position=2, text="And soon.")
    first = factories.ClaimFactory(paragraph=first_paragraph, kind="quote")
    second = factories.ClaimFactory(paragraph=second_paragraph, kind="quote", continues=first)
    repeat = factories.ClaimFactory(paragraph=headline, kind="quote", repeats=first)

    page = reviewer_client.get(second.get_absolute_url()).content.decode()
    assert "This quote runs over 2 paragraphs" in page
    assert first.get_absolute_url() in page
    page = reviewer_client.get(first.get_absolute_url()).content.decode()
    assert second.get_absolute_url() in page
    assert "Repeated elsewhere" in page and repeat.get_absolute_url() in page
    page = reviewer_client.get(repeat.get_absolute_url()).content.decode()
    assert "The headline repeats a quote" in page and first.get_absolute_url() in page


def test_the_claim_page_shows_only_the_buttons_this_person_may_use(
    client, claim, reviewer, editor
):
    client.force_login(reviewer)
    actions = [f["spec"].name for f in client.get(claim.get_absolute_url()).context["action_forms"]]
    assert actions == ["take"]
    client.force_login(editor)
    response = client.get(claim.get_absolute_url())
    actions = [f["spec"].name for f in response.context["action_forms"]]
    assert actions == ["take", "assign", "dismiss"]
    page = response.content.decode()
    assert f'name="version" value="{claim.version}"' in page
    assert "Rita Reviewer" in page  # the assignee select lists the reviewers


def test_the_verify_form_offers_only_the_ratings_verify_accepts(reviewer_client, reviewer, claim):
    _in_review(claim, reviewer)
    response = reviewer_client.get(claim.get_absolute_url())
    forms = {f["spec"].name: f for f in response.context["action_forms"]}
    assert [value for value, _ in forms["verify"]["ratings"]] == ["accurate", "mostly_accurate"]
    assert "misleading" not in [value for value, _ in forms["verify"]["ratings"]]
    assert "Add evidence first" in response.content.decode()


def test_a_missing_claim_is_a_404(reviewer_client):
    assert reviewer_client.get(reverse("claims:claim_detail", args=[999999])).status_code == 404


# Each action, posted from the page.


def _ready_to_check(claim, users):
    _in_review(claim, users["reviewer"])
    factories.EvidenceFactory(claim=claim, added_by=users["reviewer"])


def _approved(claim, users):
    _verified(claim, users["reviewer"])
    _move(claim, ("approve", users["editor"], {}))


# action: (how the claim gets ready, who posts, form data, status after, the message shown)
ACTION_CASES = {
    "take": (None, "reviewer", {}, "in_review", "Claim taken: it is assigned to you."),
    "assign": (
        None, "editor", {"assignee": "reviewer"}, "in_review", "Claim assigned to Rita Reviewer."
    ),
    "verify": (
        _ready_to_check,
        "reviewer",
        {"rating": "mostly_accurate", **factories.RULING},
        "verified",
        "Claim verified.",
    ),
    "dispute": (
        _ready_to_check,
        "reviewer",
        {"rating": "misleading", "note": "The budget says £60m.", **factories.RULING},
        "disputed",
        "Claim disputed.",
    ),
    "approve": (
        lambda c, u: _verified(c, u["reviewer"]), "editor", {}, "approved", "Claim approved."
    ),
    "return": (
        lambda c, u: _verified(c, u["reviewer"]),
        "editor",
        {"note": "Find a second source."},
        "in_review",
        "Claim returned for review.",
    ),
    "reopen": (
        _approved, "second_editor", {"note": "New figures out."}, "in_review", "Claim reopened."
    ),
    "dismiss": (None, "editor", {}, "dismissed", "Claim dismissed."),
    "restore": (
        lambda c, u: _move(c, ("dismiss", u["editor"], {})),
        "editor",
        {},
        "pending",
        "Claim restored.",
    ),
}


@pytest.mark.parametrize("action", ACTION_CASES)
def test_each_action_moves_the_claim_and_says_so(
    action, client, claim, reviewer, editor, second_editor
):
    users = {"reviewer": reviewer, "editor": editor, "second_editor": second_editor}
    set_up, who, data, status_after, sentence = ACTION_CASES[action]
    if set_up:
        set_up(claim, users)
    claim.refresh_from_db()
    events_before = claim.events.count()
    data = {k: (users[v].pk if k == "assignee" else v) for k, v in data.items()}
    client.force_login(users[who])

    response = _post_action(client, claim, action, **data)

    assert response.status_code == 302
    assert response["Location"] == claim.get_absolute_url()
    assert _messages(response) == [sentence]
    claim.refresh_from_db()
    assert claim.status == status_after
    assert claim.events.count() == events_before + 1
    last = claim.events.last()
    assert (last.action, last.actor) == (action, users[who])


def test_a_reviewer_cannot_approve_and_nothing_changes(reviewer_client, reviewer, claim):
    _verified(claim, reviewer)
    response = _post_action(reviewer_client, claim, "approve")
    assert _messages(response) == [
        "You do not have permission to approve claims; ask an editor."
    ]
    claim.refresh_from_db()
    assert claim.status == "verified"
    assert claim.events.count() == 2


@pytest.mark.parametrize("action", ["assign", "dismiss"])
def test_a_reviewer_cannot_do_an_editors_job(reviewer_client, reviewer, action, claim):
    response = _post_action(reviewer_client, claim, action, assignee=reviewer.pk)
    assert "You do not have permission" in _messages(response)[0]
    claim.refresh_from_db()
    assert claim.status == "pending"
    assert claim.assignee is None


def test_a_reviewer_cannot_verify_someone_elses_claim(reviewer_client, second_reviewer, claim):
    _in_review(claim, second_reviewer)
    factories.EvidenceFactory(claim=claim, added_by=second_reviewer)
    response = _post_action(
        reviewer_client, claim, "verify", rating="accurate", **factories.RULING
    )
    assert "Only the reviewer this claim is assigned to" in _messages(response)[0]
    claim.refresh_from_db()
    assert claim.status == "in_review"


def test_an_editor_cannot_approve_what_they_checked_themselves(editor_client, editor, claim):
    _verified(claim, editor)
    response = _post_action(editor_client, claim, "approve")
    assert _messages(response) == [
        "You verified this claim yourself, so another editor must approve it."
    ]
    claim.refresh_from_db()
    assert claim.status == "verified"


def test_the_claim_page_says_why_the_checking_editor_has_no_approve_button(
    editor_client, editor, claim
):
    _verified(claim, editor)
    page = editor_client.get(reverse("claims:claim_detail", args=[claim.pk])).content.decode()
    assert 'class="button button-action action-approve"' not in page
    assert (
        "<strong>Approve:</strong> You verified this claim yourself, so another editor must "
        "approve it." in page
    )


def test_a_reviewer_hands_back_a_claim_from_its_page(reviewer_client, reviewer, claim):
    _in_review(claim, reviewer)
    page = reviewer_client.get(reverse("claims:claim_detail", args=[claim.pk])).content.decode()
    assert 'class="button button-action action-unassign">Hand back</button>' in page
    response = _post_action(reviewer_client, claim, "unassign")
    assert _messages(response) == [
        "Claim handed back: it is unassigned and waiting in the queue again."
    ]
    claim.refresh_from_db()
    assert (claim.status, claim.assignee) == ("pending", None)


def test_a_superuser_assigns_and_notes_like_an_editor(superuser_client, reviewer, claim):
    response = _post_action(superuser_client, claim, "assign", assignee=reviewer.pk)
    assert _messages(response) == ["Claim assigned to Rita Reviewer."]
    superuser_client.post(reverse("claims:claim_add_note", args=[claim.pk]), {"body": "Urgent."})
    claim.refresh_from_db()
    assert (claim.status, claim.assignee) == ("in_review", reviewer)
    assert claim.annotations.get().body == "Urgent."


def test_verifying_without_evidence_says_what_is_missing(reviewer_client, reviewer, claim):
    _in_review(claim, reviewer)
    response = _post_action(
        reviewer_client, claim, "verify", rating="accurate", **factories.RULING
    )
    assert _messages(response) == [
        "Add at least one piece of evidence before verifying this claim."
    ]
    claim.refresh_from_db()
    assert claim.status == "in_review"
    assert claim.rating == ""


def test_a_stale_version_names_who_changed_the_claim_and_changes_nothing(
    client, reviewer, editor, claim
):
    seen = claim.version
    _move(claim, ("assign", editor, {"assignee": reviewer}))
    client.force_login(editor)
    response = _post_action(client, claim, "dismiss", version=seen)
    [message] = _messages(response)
    assert message.startswith("This claim was changed by Erin Editor at ")
    assert message.endswith("reload to see the change, then try again.")
    claim.refresh_from_db()
    assert claim.status == "in_review"
    assert claim.events.count() == 1


def test_a_refused_action_keeps_the_note_the_person_wrote(reviewer_client, reviewer, claim):
    _in_review(claim, reviewer)
    response = _post_action(
        reviewer_client, claim, "dispute", note="The <b>budget</b> says £60m, not £40m."
    )
    assert _messages(response) == [
        "Choose a rating to dispute this claim (misleading, mostly inaccurate, inaccurate, "
        "unverifiable)."
    ]
    page = reviewer_client.get(claim.get_absolute_url()).content.decode()
    assert "The &lt;b&gt;budget&lt;/b&gt; says £60m, not £40m.</textarea>" in page
    # Offered once: the draft is gone after the page showed it.
    page = reviewer_client.get(claim.get_absolute_url()).content.decode()
    assert "says £60m" not in page
    claim.refresh_from_db()
    assert claim.status == "in_review"


def test_a_refused_check_keeps_the_rating_the_ruling_and_the_note(
    reviewer_client, reviewer, claim
):
    _in_review(claim, reviewer)
    response = _post_action(
        reviewer_client, claim, "dispute", rating="inaccurate", note="Asked the <b>office</b>.",
        verdict="The bridge will cost £60m.", reasoning="",
    )
    assert _messages(response) == [
        "Write the reasoning readers will see (a few lines on how you checked), to dispute "
        "this claim."
    ]
    page = reviewer_client.get(claim.get_absolute_url()).content.decode()
    assert '<option value="inaccurate" selected>Inaccurate</option>' in page
    assert 'name="verdict" maxlength="300" required aria-describedby="ruling-hint-dispute" ' \
        'value="The bridge will cost £60m."' in page
    assert "Asked the &lt;b&gt;office&lt;/b&gt;.</textarea>" in page
    claim.refresh_from_db()
    assert (claim.status, claim.verdict) == ("in_review", "")


def test_verifying_publishes_nothing_until_an_editor_approves(
    reviewer_client, client, reviewer, editor, claim
):
    _ready_to_check(claim, {"reviewer": reviewer})
    response = _post_action(
        reviewer_client, claim, "verify", rating="accurate",
        verdict="  The bridge   will cost £40m. ", reasoning="The budget tables say so.",
    )
    assert _messages(response) == ["Claim verified."]
    claim.refresh_from_db()
    assert (claim.verdict, claim.reasoning) == (
        "The bridge will cost £40m.", "The budget tables say so."
    )
    event = claim.events.get(action="verify")
    assert (event.verdict, event.reasoning) == (claim.verdict, claim.reasoning)
    public = reverse("claims:fact_check", args=[claim.pk])
    assert client.get(public).status_code == 404
    page = reviewer_client.get(claim.get_absolute_url()).content.decode()
    assert "<dt>Ruling</dt><dd><strong>The bridge will cost £40m.</strong>" in page

    _move(claim, ("approve", editor, {}))
    assert client.get(public).status_code == 200
    page = reviewer_client.get(claim.get_absolute_url()).content.decode()
    assert f'<a href="{public}">Published fact-check</a>' in page


def test_an_unknown_action_or_a_missing_version_is_refused_politely(reviewer_client, claim):
    response = reviewer_client.post(
        reverse("claims:claim_transition", args=[claim.pk]), {"action": "publish", "version": 1}
    )
    assert _messages(response) == [
        "“publish” is not a review action; reload the page and use one of its buttons."
    ]
    reviewer_client.get(claim.get_absolute_url())  # the page shows, and so clears, the message
    response = reviewer_client.post(
        reverse("claims:claim_transition", args=[claim.pk]), {"action": "take"}
    )
    assert _messages(response) == [
        "This form lost the version of the claim you saw; reload the page and try again."
    ]
    claim.refresh_from_db()
    assert claim.status == "pending"


# Notes and evidence.


def test_a_reviewer_adds_a_note_to_the_thread(reviewer_client, reviewer, claim):
    response = reviewer_client.post(
        reverse("claims:claim_add_note", args=[claim.pk]), {"body": "  Called the ministry.  "}
    )
    assert response.status_code == 302
    assert response["Location"] == claim.get_absolute_url()
    assert _messages(response) == ["Note added."]
    note = Annotation.objects.get()
    assert (note.claim, note.author, note.body) == (claim, reviewer, "Called the ministry.")
    page = reviewer_client.get(claim.get_absolute_url()).content.decode()
    assert "Called the ministry." in page and "Rita Reviewer" in page


def test_an_empty_note_is_refused_and_nothing_is_saved(reviewer_client, claim):
    response = reviewer_client.post(
        reverse("claims:claim_add_note", args=[claim.pk]), {"body": "   "}
    )
    assert response.status_code == 400
    assert "Write the note before adding it." in response.content.decode()
    assert not Annotation.objects.exists()


def test_a_reviewer_adds_evidence_with_a_title_and_excerpt(reviewer_client, reviewer, claim):
    response = reviewer_client.post(
        reverse("claims:claim_add_evidence", args=[claim.pk]),
        {
            "stance": "contradicts",
            "url": "https://budget.example.gov/2027.pdf",
            "title": "Budget 2027",
            "excerpt": "Bridge: £40m",
        },
    )
    assert response["Location"] == claim.get_absolute_url()
    assert _messages(response) == ["Evidence added."]
    item = Evidence.objects.get()
    assert (item.claim, item.added_by, item.title, item.stance) == (
        claim, reviewer, "Budget 2027", "contradicts"
    )
    page = reviewer_client.get(claim.get_absolute_url()).content.decode()
    assert 'href="https://budget.example.gov/2027.pdf"' in page
    assert '<span class="stance stance-contradicts">Contradicts the claim</span>' in page


def test_evidence_without_a_stance_is_refused_and_keeps_what_was_typed(reviewer_client, claim):
    response = reviewer_client.post(
        reverse("claims:claim_add_evidence", args=[claim.pk]),
        {"url": "https://budget.example.gov/2027.pdf", "excerpt": "Bridge: £40m"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert (
        "Say whether the evidence supports or contradicts the claim, or gives context." in page
    )
    assert 'value="https://budget.example.gov/2027.pdf"' in page
    assert "Bridge: £40m</textarea>" in page
    assert not Evidence.objects.exists()


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", "ftp://files.example.org/a.pdf", "not a url", ""]
)
def test_evidence_needs_a_web_address(reviewer_client, claim, url):
    response = reviewer_client.post(
        reverse("claims:claim_add_evidence", args=[claim.pk]),
        {"url": url, "title": "Keep this title", "excerpt": "Keep this excerpt",
         "stance": "supports"},
    )
    assert response.status_code == 400
    page = response.content.decode()
    assert (
        "Enter a full web address starting with https:// or http://." in page
        or "Give the web address of the evidence." in page
    )
    # What the reviewer typed is still there to correct.
    assert "Keep this excerpt" in page
    assert not Evidence.objects.exists()


# Hostile text.


@pytest.fixture
def hostile_claim(reviewer):
    release = factories.ReleaseFactory(title=f"Plan {HOSTILE_SCRIPT}", organization=HOSTILE_IMG)
    paragraph = factories.ParagraphFactory(
        release=release, text=f"He said {HOSTILE_IMG} and {HOSTILE_SCRIPT} today."
    )
    speaker = factories.SpeakerFactory(name=f"Eve {HOSTILE_SCRIPT}", role=HOSTILE_IMG)
    claim = factories.ClaimFactory(
        paragraph=paragraph, speaker=speaker, attribution=HOSTILE_IMG, reasons=[HOSTILE_SCRIPT]
    )
    factories.AnnotationFactory(claim=claim, author=reviewer, body=HOSTILE_SCRIPT)
    factories.EvidenceFactory(
        claim=claim, added_by=reviewer, title=HOSTILE_IMG, excerpt=HOSTILE_SCRIPT
    )
    return claim


def test_hostile_text_is_escaped_on_the_queue_and_the_claim_page(reviewer_client, hostile_claim):
    for url in (
        reverse("claims:queue"),
        reverse("claims:queue") + "?q=%3Cscript%3E",
        hostile_claim.get_absolute_url(),
    ):
        page = reviewer_client.get(url).content.decode()
        assert HOSTILE_SCRIPT not in page, url
        assert HOSTILE_IMG not in page, url
        assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page, url


def test_a_stored_javascript_link_is_never_made_clickable(reviewer_client, reviewer, claim):
    # Evidence written by another route (say a script) with an address the form refuses.
    factories.EvidenceFactory(claim=claim, added_by=reviewer, url="javascript:alert(1)")
    page = reviewer_client.get(claim.get_absolute_url()).content.decode()
    assert 'href="javascript:' not in page


# Query counts.


def _queue_rows(count, reviewer):
    for index in range(count):
        speaker = factories.SpeakerFactory()
        claim = factories.ClaimFactory(kind="quote" if index % 2 else "event", speaker=speaker)
        if index % 3 == 0:
            _in_review(claim, reviewer)


def _count_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def test_the_queue_makes_the_same_number_of_queries_for_5_or_50_claims(
    reviewer_client, reviewer, django_assert_max_num_queries
):
    url = reverse("claims:queue") + "?ordering=-score"
    _queue_rows(5, reviewer)
    few = _count_queries(reviewer_client, url)
    _queue_rows(45, reviewer)
    with django_assert_max_num_queries(few):
        reviewer_client.get(url)
    # A filter may count per status differently (on PostgreSQL the whole desk is estimated),
    # never with more queries.
    assert _count_queries(reviewer_client, url + "&assigned_to_me=true") <= few
    assert few <= 10


def _claim_page_rows(claim, first, last, reviewer, editor):
    """Notes, evidence, history and neighbouring claims numbered ``first`` to ``last - 1``."""
    paragraph = claim.paragraph
    for index in range(first, last):
        factories.AnnotationFactory(claim=claim, author=reviewer, body=f"Note {index}")
        factories.EvidenceFactory(claim=claim, added_by=reviewer, title=f"Source {index}")
        start, length = index % 20, 3 + index // 20
        factories.ClaimFactory(
            paragraph=paragraph,
            start=start,
            end=start + length,
            text=paragraph.text[start : start + length],
        )
        # Each reassignment is one more entry in the history.
        claim.refresh_from_db()
        workflow.transition(
            claim, "assign", by=editor, assignee=reviewer if index % 2 else editor
        )


def test_the_claim_page_makes_the_same_number_of_queries_for_5_or_50_notes_and_events(
    editor_client, reviewer, editor, claim, django_assert_max_num_queries
):
    url = claim.get_absolute_url()
    _claim_page_rows(claim, 0, 5, reviewer, editor)
    few = _count_queries(editor_client, url)
    _claim_page_rows(claim, 5, 50, reviewer, editor)
    with django_assert_max_num_queries(few):
        response = editor_client.get(url)
    assert "Note 49" in response.content.decode()
    # The previous and next claims of the list are read with the claim itself; one query
    # reads the release's speakers for an editor's corrections.
    assert few <= 16


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="the planner's estimates are PostgreSQL's"
)
def test_the_planners_estimates_are_read_once_a_minute_through_the_shared_cache(
    seed_release, monkeypatch
):
    from django.core.cache import cache

    from claims.views import queue

    cache.clear()
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Claim._meta.db_table}")
    with CaptureQueriesContext(connection) as first:
        estimates = queue._planner_estimates()
    pending = Claim.objects.filter(status="pending").count()
    assert estimates["pending"] == pending
    assert len(first.captured_queries) == 1

    with CaptureQueriesContext(connection) as again:
        assert queue._planner_estimates() == estimates
    assert again.captured_queries == []

    # A minute later the cache has let them go, for every process at once.
    later_on = time.time() + queue.ESTIMATES_MAX_AGE + 1
    monkeypatch.setattr("django.core.cache.backends.locmem.time.time", lambda: later_on)
    with CaptureQueriesContext(connection) as later:
        queue._planner_estimates()
    assert len(later.captured_queries) == 1


def test_the_pickers_offer_the_newest_releases_and_speakers_and_the_chosen_one(
    editor_client, monkeypatch
):
    from bs4 import BeautifulSoup

    from claims.views import queue

    monkeypatch.setattr(queue, "PICKER_LIMIT", 2)
    releases = [factories.ReleaseFactory(title=f"Budget statement {n}") for n in range(4)]
    speakers = [factories.SpeakerFactory(name=name) for name in ["Zoe Quinn", "Al Berg", "Mo Li"]]

    def options(response, name):
        select = BeautifulSoup(response.content, "html.parser").find("select", id=name)
        return [(o.get_text(), o.has_attr("selected")) for o in select.find_all("option")[1:]]

    plain = editor_client.get(reverse("claims:queue"))
    assert options(plain, "release") == [("Budget statement 3", False),
                                         ("Budget statement 2", False)]
    assert options(plain, "speaker") == [("Al Berg", False), ("Mo Li", False)]

    chosen = editor_client.get(
        reverse("claims:queue"), {"release": releases[0].pk, "speaker": speakers[0].pk}
    )
    assert options(chosen, "release") == [("Budget statement 3", False),
                                          ("Budget statement 2", False),
                                          ("Budget statement 0", True)]
    assert options(chosen, "speaker") == [("Al Berg", False), ("Mo Li", False),
                                          ("Zoe Quinn", True)]

    newest = editor_client.get(reverse("claims:queue"), {"release": releases[3].pk})
    assert options(newest, "release") == [("Budget statement 3", True),
                                          ("Budget statement 2", False)]


# Corrections of the extraction on the claim page (editors).


def test_an_editor_corrects_speaker_kind_and_span_on_the_claim_page(editor_client, editor):
    claim = factories.ClaimFactory(paragraph__text="The mayor said: “Rents fell by 4% in 2023.”")
    start = claim.paragraph.text.index("Rents")
    page = editor_client.get(claim.get_absolute_url()).content.decode()

    response = html_forms.submit(
        editor_client, page, "Correct speaker, kind and span",
        choose={"kind": "quantity"},
        fill={"new_speaker": "Ana  Mayor", "new_speaker_role": "Mayor",
              "new_speaker_organization": "Tokyo City Council", "start": str(start),
              "end": str(start + len("Rents fell by 4% in 2023."))},
    )

    assert response.status_code == 302
    claim.refresh_from_db()
    assert (claim.kind, claim.text) == ("quantity", "Rents fell by 4% in 2023.")
    assert (claim.speaker.name, claim.speaker.organization) == ("Ana Mayor", "Tokyo City Council")
    event = claim.events.get()
    assert (event.action, event.actor, event.note) == (
        "edit", editor, "Changed end, kind, speaker, start, text."
    )


def test_a_refused_correction_keeps_every_field_and_says_why(editor_client, claim):
    page = editor_client.get(claim.get_absolute_url()).content.decode()
    response = html_forms.submit(
        editor_client, page, "Correct speaker, kind and span",
        fill={"new_speaker": "Jo Doe", "new_speaker_organization": "the council’s",
              "start": "3", "end": "1"},
    )
    html = response.content.decode()
    assert response.status_code == 400
    assert "not the possessive" in html
    form = html_forms.find_form(html, "Correct speaker, kind and span")
    assert form.find("input", {"name": "new_speaker"})["value"] == "Jo Doe"
    assert form.find("input", {"name": "start"})["value"] == "3"
    # The workflow's refusal (a span that is not the claim's words) keeps them too.
    response = html_forms.submit(
        editor_client, page, "Correct speaker, kind and span",
        fill={"new_speaker": "Jo Doe", "start": "2", "end": "1"},
    )
    assert response.status_code == 409
    assert "The span must start before it ends." in response.content.decode()
    form = html_forms.find_form(response.content.decode(), "Correct speaker, kind and span")
    assert form.find("input", {"name": "new_speaker"})["value"] == "Jo Doe"
    claim.refresh_from_db()
    assert claim.version == 1 and not claim.events.exists()
    assert not factories.Speaker.objects.filter(name="Jo Doe").exists()


def test_an_editor_splits_and_merges_from_the_claim_page(editor_client, editor):
    claim = factories.ClaimFactory(paragraph__text="Bridge opens in May and tunnel in June.")
    text = claim.paragraph.text
    Claim.objects.filter(pk=claim.pk).update(start=0, end=len(text) - 1, text=text[:-1])
    claim.refresh_from_db()
    page = editor_client.get(claim.get_absolute_url()).content.decode()

    split = html_forms.submit(editor_client, page, "Split the claim",
                              fill={"at": str(text.index(" and"))})

    new = Claim.objects.exclude(pk=claim.pk).get()
    assert f"Claim split: the words after went to claim #{new.pk}." in _messages(split)
    claim.refresh_from_db()
    assert (claim.text, new.text) == ("Bridge opens in May", "and tunnel in June")
    page = editor_client.get(claim.get_absolute_url()).content.decode()
    merged = html_forms.submit(editor_client, page, "Merge with another claim",
                               choose={"other": str(new.pk)})
    assert f"Claim #{new.pk} merged into this one." in _messages(merged)
    claim.refresh_from_db()
    new.refresh_from_db()
    assert (claim.text, new.status) == ("Bridge opens in May and tunnel in June", "dismissed")
    assert [e.action for e in claim.events.all()] == ["split", "merge"]


def test_reviewers_see_no_corrections_and_cannot_post_them(reviewer_client, claim):
    assert "Correct the extraction" not in reviewer_client.get(
        claim.get_absolute_url()).content.decode()
    for name in ("claims:claim_correct", "claims:claim_split", "claims:claim_merge"):
        assert reviewer_client.post(reverse(name, args=[claim.pk]), {}).status_code == 403
