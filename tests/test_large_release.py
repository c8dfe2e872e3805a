"""The largest release allowed stays usable (issue 14, finding 2: a release of 700,000
paragraphs made a 95 MB page, a 21 MB API answer, an admin page that timed out and a delete
confirmation that grew a worker to 23 GB).

Pages, the API and the admin show a page of paragraphs at a time, and the admin's delete page
counts what would go instead of listing it.
"""

import pytest
from django.urls import reverse

from claims.api.serializers.releases import PARAGRAPHS_IN_DETAIL
from claims.models import Claim, Paragraph, Release
from claims.views.releases import PARAGRAPHS_PER_PAGE
from tests import factories
from tests.api_support import logged_in

pytestmark = pytest.mark.django_db

PARAGRAPHS = 1_200


@pytest.fixture
def large_release():
    release = factories.ReleaseFactory(title="A very long release")
    Paragraph.objects.bulk_create(
        Paragraph(release=release, position=n, text=f"Paragraph number {n} of the release.")
        for n in range(PARAGRAPHS)
    )
    paragraphs = list(release.paragraphs.order_by("position"))
    Claim.objects.bulk_create(
        Claim(release=release, paragraph=p, kind="other", text=p.text, start=0,
              end=len(p.text), score=0.1)
        for p in paragraphs
    )  # fmt: skip
    return release


def test_the_release_page_shows_one_page_of_paragraphs_with_their_claims(
    client, reviewer, large_release
):
    client.force_login(reviewer)
    page = client.get(large_release.get_absolute_url()).content.decode()
    assert page.count('class="release-paragraph') == PARAGRAPHS_PER_PAGE
    assert f"Paragraphs 1–{PARAGRAPHS_PER_PAGE} of {PARAGRAPHS}," in page
    assert f"{PARAGRAPHS_PER_PAGE} of {PARAGRAPHS}" in page  # the claims listed beside them
    last = client.get(f"{large_release.get_absolute_url()}?page=12").content.decode()
    assert "Paragraph number 1199 of the release." in last
    assert "Paragraph number 5 of the release." not in last


def test_the_release_page_costs_the_same_queries_on_any_page(
    client, reviewer, large_release, django_assert_max_num_queries
):
    client.force_login(reviewer)
    client.get(large_release.get_absolute_url())
    with django_assert_max_num_queries(12):
        client.get(f"{large_release.get_absolute_url()}?page=7")


def test_the_api_detail_carries_the_first_paragraphs_and_a_link_to_all(reviewer, large_release):
    api = logged_in(reviewer)
    body = api.get(f"/api/v1/releases/{large_release.pk}/").json()
    assert len(body["paragraphs"]) == PARAGRAPHS_IN_DETAIL
    assert body["paragraph_count"] == PARAGRAPHS
    pages = api.get(body["paragraphs_url"], {"page": 3, "page_size": 500}).json()
    assert pages["count"] == PARAGRAPHS
    assert pages["results"][-1] == {"position": 1199,
                                    "text": "Paragraph number 1199 of the release."}


def test_the_paragraphs_of_a_missing_release_are_a_404(reviewer):
    response = logged_in(reviewer).get("/api/v1/releases/424242/paragraphs/")
    assert response.status_code == 404 and response.json()["error"] == "not_found"


def test_the_admin_release_page_shows_its_first_paragraphs_only(
    client, editor, large_release
):
    client.force_login(editor)
    page = client.get(
        reverse("admin:claims_release_change", args=[large_release.pk])
    ).content.decode()
    assert "The first 20 of 1200 paragraphs" in page
    assert "Paragraph number 19 of the release." in page
    assert "Paragraph number 20 of the release." not in page


def test_the_admin_delete_page_counts_what_would_go_instead_of_listing_it(
    client, superuser, large_release, django_assert_max_num_queries
):
    client.force_login(superuser)
    url = reverse("admin:claims_release_delete", args=[large_release.pk])
    with django_assert_max_num_queries(15):
        page = client.get(url).content.decode()
    assert "1 release" in page and "1200 paragraphs" in page and "1200 claims" in page
    assert "Paragraph number 7 of the release." not in page
    client.post(url, {"post": "yes"})
    assert not Release.objects.filter(pk=large_release.pk).exists()
    assert not Claim.objects.exists()
