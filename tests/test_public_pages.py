"""The published fact-checks: a page per approved claim, the index and the feed, for anyone.

Every public page answers without logging in; every page of the desk still refuses anonymous
people. A claim is public only while it is approved.
"""

import json
import re
import xml.etree.ElementTree as ET

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import workflow
from claims.importing import import_text
from claims.models import ClaimKind, Report
from claims.views.public import INDEX_PAGE_SIZE
from tests import factories
from tests.claimreview_check import check_claim_review, expand

pytestmark = pytest.mark.django_db

RULING = {
    "verdict": "The bridge will cost £60m, not £40m.",
    "reasoning": "The 2027 budget tables put the bridge at £60m.\n\nThe ministry confirmed it.",
}
ATOM = "{http://www.w3.org/2005/Atom}"


def check(claim, *, reviewer, editor, rating="misleading", ruling=RULING, evidence=1):
    """Take, check with evidence and a ruling, and approve ``claim``."""
    workflow.transition(claim, "take", by=reviewer)
    for number in range(evidence):
        factories.EvidenceFactory(
            claim=claim, added_by=reviewer, stance="contradicts",
            url=f"https://budget.example.org/2027/table-{number}",
            title=f"Budget 2027, table {number}", excerpt="Bridge: £60m",
        )
    action = "verify" if rating in workflow.VERIFY_RATINGS else "dispute"
    workflow.transition(claim, action, by=reviewer, rating=rating, **ruling)
    workflow.transition(claim, "approve", by=editor)
    claim.refresh_from_db()
    return claim


@pytest.fixture
def published(reviewer, editor):
    release = factories.ReleaseFactory(
        title="Ministry opens the river bridge", source_url="https://ministry.example.org/42",
        organization="Ministry of Examples",
    )
    release.published_on = "2024-03-05"
    release.save()
    paragraph = factories.ParagraphFactory(
        release=release,
        text="Speaking at the site, she said: “The bridge will cost £40 million.” "
        "Work starts soon.",
    )
    start = paragraph.text.index("The bridge")
    text = "The bridge will cost £40 million."
    claim = factories.ClaimFactory(
        paragraph=paragraph, kind=ClaimKind.QUOTE, text=text, start=start,
        end=start + len(text),
        speaker=factories.SpeakerFactory(name="Jane Example", role="Minister for Bridges"),
    )
    return check(claim, reviewer=reviewer, editor=editor)


def page_of(client, claim):
    return client.get(reverse("claims:fact_check", args=[claim.pk]))


def json_ld(html):
    (block,) = re.findall(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    return json.loads(block)


# The page of one fact-check


def test_a_published_fact_check_answers_anyone_with_the_claim_ruling_and_evidence(
    client, published
):
    response = page_of(client, published)

    assert response.status_code == 200
    html = response.content.decode()
    assert '<h1 id="verdict">The bridge will cost £60m, not £40m.</h1>' in html
    assert "Misleading <span class=\"rating-scale\">(3 of 5)</span>" in html
    assert (
        "Speaking at the site, she said: “<mark class=\"hl-current\">The bridge will cost £40 "
        "million.</mark>” Work starts soon." in html
    )
    assert "<strong>Jane Example</strong>, Minister for Bridges" in html
    assert "<p>The 2027 budget tables put the bridge at £60m.</p>" in html
    assert "<p>The ministry confirmed it.</p>" in html
    assert '<span class="stance stance-contradicts">Contradicts the claim</span>' in html
    assert "<blockquote>Bridge: £60m</blockquote>" in html
    assert 'href="https://ministry.example.org/42"' in html
    assert "5 March 2024" in html  # when it was said
    assert f"Published <time datetime=\"{published.approved_at.isoformat()}" in html
    # Nothing of the desk's inside: no notes, no history, no people.
    assert "Rita" not in html and "Erin" not in html


def test_the_page_carries_claimreview_json_ld_that_passes_the_check(client, published):
    html = page_of(client, published).content.decode()

    (review,) = expand(json_ld(html))
    url = f"http://127.0.0.1:8000/fact-checks/{published.pk}/"
    check_claim_review(review, published, public_url=url)
    assert f'<link rel="canonical" href="{url}">' in html


def test_the_page_and_the_claimreview_export_say_the_same(client, published, editor):
    from claims.reports import export_with_filters

    job = export_with_filters("claimreview", {}, by=editor)
    (exported,) = json.loads(b"".join(job))

    assert json_ld(page_of(client, published).content.decode()) == exported


def test_markup_in_a_claim_cannot_escape_the_json_ld(client, reviewer, editor):
    text = "</script><script>alert(1)</script> & <b>more</b>"
    claim = factories.ClaimFactory(paragraph=factories.ParagraphFactory(text=text))
    check(claim, reviewer=reviewer, editor=editor, ruling={
        "verdict": "A </script> in a verdict stays text.", "reasoning": "<img src=x>",
    })

    html = page_of(client, claim).content.decode()

    assert "<script>alert(1)" not in html and "<img src=x>" not in html
    assert html.count("</script>") == 1  # only the JSON-LD block's own end
    review = json_ld(html)
    assert review["claimReviewed"] == text
    assert review["reviewBody"] == "<img src=x>"


@pytest.mark.parametrize("status", ["pending", "in_review", "verified", "disputed", "dismissed"])
def test_a_claim_that_is_not_approved_has_no_public_page(client, reviewer, editor, status):
    claim = factories.ClaimFactory()
    factories.EvidenceFactory(claim=claim, added_by=reviewer, stance="supports")
    steps = {
        "pending": [],
        "in_review": [("take", reviewer, {})],
        "verified": [("take", reviewer, {}), ("verify", reviewer, {"rating": "accurate"})],
        "disputed": [("take", reviewer, {}), ("dispute", reviewer, {"rating": "inaccurate"})],
        "dismissed": [("dismiss", editor, {})],
    }[status]
    for action, user, extra in steps:
        workflow.transition(claim, action, by=user, **extra, **RULING)

    response = page_of(client, claim)

    assert response.status_code == 404
    assert "This fact-check is not published" in response.content.decode()
    assert claim.text not in response.content.decode()


def test_reopening_takes_the_page_down_until_it_is_approved_again(
    client, published, reviewer, editor, second_editor
):
    workflow.transition(published, "reopen", by=second_editor, note="New figures out.")
    assert page_of(client, published).status_code == 404
    assert published.text not in client.get(reverse("claims:fact_check_list")).content.decode()

    workflow.transition(
        published, "verify", by=reviewer, rating="mostly_accurate",
        verdict="The cost is close to the budget's.", reasoning="The revised tables say £41m.",
    )
    workflow.transition(published, "approve", by=second_editor)

    html = page_of(client, published).content.decode()
    assert "The cost is close to the budget&#x27;s." in html
    assert "Mostly accurate" in html


def test_a_missing_fact_check_is_a_404_page_for_people(client, db):
    response = client.get("/fact-checks/424242/")

    assert response.status_code == 404
    assert "See every published fact-check" in response.content.decode()


def test_a_desk_member_reading_the_public_page_finds_the_way_back_to_the_desk(
    reviewer_client, published
):
    html = page_of(reviewer_client, published).content.decode()

    assert f'href="/review/claims/{published.pk}/">Open this claim on the desk' in html


# The index and the feed


def test_the_index_lists_published_checks_latest_first_for_anyone(client, reviewer, editor):
    claims = []
    for number in range(3):
        paragraph = factories.ParagraphFactory(text=f"Exports rose {number + 10}% in 2023.")
        claims.append(check(factories.ClaimFactory(paragraph=paragraph), reviewer=reviewer,
                            editor=editor))
    unpublished = factories.ClaimFactory(
        paragraph=factories.ParagraphFactory(text="Taxes will fall next year.")
    )

    response = client.get(reverse("claims:fact_check_list"))

    assert response.status_code == 200
    html = response.content.decode()
    positions = [html.index(f'href="/fact-checks/{c.pk}/"') for c in reversed(claims)]
    assert positions == sorted(positions), "the latest approved comes first"
    assert unpublished.text not in html
    assert "3 published, the latest first." in html
    assert html.count("The bridge will cost £60m, not £40m.") == 3


def test_the_feed_is_atom_with_every_published_check(client, published, reviewer, editor):
    factories.ClaimFactory(paragraph=factories.ParagraphFactory(text="Not checked yet."))

    response = client.get(reverse("claims:fact_check_feed"))

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/atom+xml")
    feed = ET.fromstring(response.content)
    (entry,) = feed.findall(f"{ATOM}entry")
    assert entry.find(f"{ATOM}title").text == (
        "Misleading: Jane Example: “The bridge will cost £40 million.”"
    )
    link = entry.find(f"{ATOM}link").get("href")
    assert link == f"http://testserver/fact-checks/{published.pk}/"
    summary = entry.find(f"{ATOM}summary").text
    assert "The bridge will cost £60m, not £40m." in summary
    assert "The 2027 budget tables put the bridge at £60m." in summary


def test_the_index_has_pages(client, reviewer, editor):
    for number in range(INDEX_PAGE_SIZE + 1):
        paragraph = factories.ParagraphFactory(text=f"Claim number {number} about exports.")
        check(factories.ClaimFactory(paragraph=paragraph), reviewer=reviewer, editor=editor)

    first = client.get(reverse("claims:fact_check_list")).content.decode()
    second = client.get(reverse("claims:fact_check_list"), {"page": 2}).content.decode()

    assert first.count('class="panel"') == INDEX_PAGE_SIZE
    assert second.count('class="panel"') == 1
    assert "Page 2 of 2" in second


# Queries stay flat


def _queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_public_pages_make_the_same_few_queries_however_much_is_published(
    client, reviewer, editor, published
):
    page = reverse("claims:fact_check", args=[published.pk])
    index, feed = reverse("claims:fact_check_list"), reverse("claims:fact_check_feed")
    before = {url: _queries(client, url) for url in (page, index, feed)}

    for number in range(12):
        paragraph = factories.ParagraphFactory(text=f"Another claim, number {number}.")
        check(factories.ClaimFactory(paragraph=paragraph), reviewer=reviewer, editor=editor,
              evidence=3)
    for _ in range(5):
        factories.EvidenceFactory(claim=published, added_by=reviewer, stance="context")

    after = {url: _queries(client, url) for url in (page, index, feed)}
    assert after == before
    # The claim with its evidence; the count and a page; the feed's items.
    assert before == {page: 1, index: 2, feed: 1}


# Who may see what


def test_every_page_of_the_desk_still_refuses_anonymous_people(client, published, editor):
    report = Report.objects.create(created_by=editor, format="csv", sha256="0" * 64)
    internal = [
        reverse("claims:queue"),
        reverse("claims:claim_detail", args=[published.pk]),
        reverse("claims:release_list"),
        reverse("claims:release_detail", args=[published.release_id]),
        reverse("claims:release_import"),
        reverse("claims:report_list"),
        reverse("claims:report_detail", args=[report.pk]),
        reverse("claims:report_download", args=[report.pk]),
    ]
    for url in internal:
        response = client.get(url)
        assert response.status_code == 302, url
        assert response["Location"].startswith(reverse("login")), url
    assert client.get("/admin/claims/claim/").status_code == 302
    for url in ("/api/v1/claims/", f"/api/v1/claims/{published.pk}/", "/api/v1/releases/"):
        assert client.get(url).status_code == 401, url


PUBLIC_PAGES = {"fact_check_list", "fact_check", "fact_check_feed"}


def test_every_other_address_of_the_app_sends_anonymous_people_to_log_in(client, published):
    """Read from the URLconf, so a page added later is covered without being listed here."""
    from claims.urls import urlpatterns

    checked = 0
    for pattern in urlpatterns:
        if pattern.name in PUBLIC_PAGES:
            continue
        url = "/" + str(pattern.pattern).replace("<int:pk>", str(published.pk))
        for method in (client.get, client.post):
            response = method(url)
            assert response.status_code == 302, (method.__name__, url)
            assert response["Location"].startswith(reverse("login")), url
        checked += 1
    assert checked >= 20
    published.refresh_from_db()
    assert published.status == "approved"


def test_every_public_page_answers_anonymous_people(client, published):
    for url in (
        reverse("claims:fact_check_list"),
        reverse("claims:fact_check", args=[published.pk]),
        reverse("claims:fact_check_feed"),
        reverse("login"),
        "/favicon.ico",
    ):
        assert client.get(url).status_code == 200, url


def test_the_seed_release_publishes_its_quote_with_the_speakers_title(client, editor, reviewer,
                                                                      second_editor):
    release = import_text(
        factories.seed_text(), by=editor, organization="NATO",
        source_url="https://www.nato.int/cps/en/natohq/news_211294.htm",
    ).release
    quote = release.claims.filter(kind=ClaimKind.QUOTE, speaker__isnull=False).first()
    check(quote, reviewer=reviewer, editor=second_editor, rating="accurate",
          ruling=factories.RULING)

    (review,) = expand(json_ld(page_of(client, quote).content.decode()))
    check_claim_review(
        review, quote, public_url=f"http://127.0.0.1:8000/fact-checks/{quote.pk}/"
    )
