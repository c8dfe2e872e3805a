"""The claims list read page after page: a keyset cursor in the ``next`` and ``previous`` links,
no count and no OFFSET, and every claim exactly once whatever the ties in its ordering."""

import base64
import json
from datetime import timedelta

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from claims import workflow
from claims.api.serializers.claims import ClaimSerializer
from claims.models import Claim
from tests import factories
from tests.api_support import assert_error, logged_in

CLAIMS = "/api/v1/claims/"

# Each ordering and the key a client sees the rows sorted by (score, date or release, then id);
# a release's claims in reading order, as in the queue.
ORDERINGS = {
    None: lambda claim: (-claim.score, claim.pk),
    "-score": lambda claim: (-claim.score, claim.pk),
    "score": lambda claim: (claim.score, -claim.pk),
    "-newest": lambda claim: (-claim.created_at.timestamp(), -claim.pk),
    "newest": lambda claim: (claim.created_at.timestamp(), claim.pk),
    "release": lambda claim: (claim.release_id, claim.paragraph_id, claim.start, claim.pk),
    "-release": lambda claim: (-claim.release_id, claim.paragraph_id, claim.start, claim.pk),
}


@pytest.fixture
def reviewer_client(reviewer):
    return logged_in(reviewer)


@pytest.fixture
def tied_desk(db):
    """23 claims in 4 releases, with only three scores and two creation times among them."""
    releases = [factories.ReleaseFactory() for _ in range(4)]
    claims = []
    for number in range(23):
        paragraph = factories.ParagraphFactory(release=releases[number % 4], position=number + 1)
        score = (0.2, 0.5, 0.9)[number % 3]
        claims.append(factories.ClaimFactory(paragraph=paragraph, score=score))
    moment = timezone.now().replace(microsecond=123456)
    Claim.objects.filter(pk__in=[c.pk for c in claims[::2]]).update(created_at=moment)
    Claim.objects.filter(pk__in=[c.pk for c in claims[1::2]]).update(
        created_at=moment - timedelta(microseconds=1)
    )
    return list(Claim.objects.order_by("pk"))


def _walk(api, link_name, first_url, params=None):
    """Every page from ``first_url`` following ``link_name``: lists of ids."""
    pages = []
    body = api.get(first_url, params).json()
    pages.append([row["id"] for row in body["results"]])
    while body[link_name]:
        assert len(pages) < 50, "the links go round in circles"
        body = api.get(body[link_name]).json()
        pages.append([row["id"] for row in body["results"]])
    return pages, body


@pytest.mark.parametrize("ordering", ORDERINGS)
def test_following_next_shows_every_claim_once_in_order_despite_ties(
    reviewer_client, tied_desk, ordering
):
    params = {"page_size": 5, **({"ordering": ordering} if ordering else {})}

    pages, last = _walk(reviewer_client, "next", CLAIMS, params)

    expected = [claim.pk for claim in sorted(tied_desk, key=ORDERINGS[ordering])]
    assert [pk for page in pages for pk in page] == expected
    assert [len(page) for page in pages] == [5, 5, 5, 5, 3]
    assert last["next"] is None


@pytest.mark.parametrize("ordering", ["-score", "newest", "-release"])
def test_following_previous_from_the_last_page_shows_the_same_pages_backwards(
    reviewer_client, tied_desk, ordering
):
    params = {"page_size": 5, "ordering": ordering}
    forwards, last = _walk(reviewer_client, "next", CLAIMS, params)

    backwards, first = _walk(reviewer_client, "previous", last["previous"])

    assert backwards == forwards[-2::-1]
    assert first["previous"] is None
    assert first["next"]


def test_the_first_page_has_no_previous_link_and_the_last_no_next(reviewer_client, tied_desk):
    first = reviewer_client.get(CLAIMS, {"page_size": 100}).json()

    assert first["previous"] is None
    assert first["next"] is None
    assert len(first["results"]) == 23
    assert "count" not in first


def test_pages_keep_the_filters_and_a_claim_moved_meanwhile_is_not_shown_twice(
    reviewer_client, reviewer, tied_desk
):
    first = reviewer_client.get(CLAIMS, {"status": "pending", "page_size": 10}).json()
    shown = [row["id"] for row in first["results"]]
    # A reviewer takes a claim of the first page, and one not yet shown, before the next page.
    workflow.transition(Claim.objects.get(pk=shown[0]), "take", by=reviewer)
    unseen = next(claim for claim in tied_desk if claim.pk not in shown)
    workflow.transition(Claim.objects.get(pk=unseen.pk), "take", by=reviewer)

    rest, _ = _walk(reviewer_client, "next", first["next"])

    rest = [pk for page in rest for pk in page]
    assert not set(rest) & set(shown)
    assert unseen.pk not in rest
    assert len(shown) + len(rest) == 22


def test_rows_are_what_the_claim_serializer_shows(reviewer_client, reviewer, db):
    quote = factories.ClaimFactory(
        kind="quote",
        speaker=factories.SpeakerFactory(name="Jane Minister", role="Minister"),
        attribution="said the minister",
    )
    workflow.transition(quote, "take", by=reviewer)
    factories.ClaimFactory()

    rows = reviewer_client.get(CLAIMS).json()["results"]

    claims = Claim.objects.with_context().in_bulk([row["id"] for row in rows])
    assert rows == [ClaimSerializer(claims[row["id"]]).data for row in rows]
    assert rows[0]["assignee"]["username"] == reviewer.username


def test_a_later_page_costs_at_most_one_query_more_than_the_first(reviewer_client, tied_desk):
    # One slice of the index for the rows tied with the cursor's score, one for those past it.
    with CaptureQueriesContext(connection) as first:
        body = reviewer_client.get(CLAIMS, {"page_size": 5, "status": "pending"}).json()
    while body["next"]:
        url = body["next"]
        with CaptureQueriesContext(connection) as later:
            body = reviewer_client.get(url).json()
        assert len(first) <= len(later) <= len(first) + 1
        sql = " ".join(query["sql"].upper() for query in later.captured_queries)
        assert "COUNT(" not in sql
        assert "OFFSET" not in sql


def _cursor(data):
    return base64.urlsafe_b64encode(json.dumps(data).encode()).decode().rstrip("=")


@pytest.mark.parametrize(
    "cursor",
    [
        "not a cursor",
        "%%%",
        _cursor([1, 2]),
        _cursor({"o": "-score", "p": [0.5], "b": False}),
        _cursor({"o": "-score", "p": ["high", 3], "b": False}),
        _cursor({"o": "-score", "p": [0.5, 2**70], "b": False}),
        _cursor({"o": "-score", "p": [float("nan"), 1], "b": False}),
        _cursor({"o": "-newest", "p": ["2026-01-01T00:00:00", 1], "b": False}),
        _cursor({"o": "-newest", "p": [0.5, 1], "b": False}),
    ],
)
def test_a_cursor_the_list_did_not_give_out_is_refused_with_a_sentence(
    reviewer_client, tied_desk, cursor
):
    body = assert_error(reviewer_client.get(CLAIMS, {"cursor": cursor}), 400, "invalid")

    assert "first page" in body["fields"]["cursor"][0]


def test_a_cursor_of_one_ordering_is_refused_for_another(reviewer_client, tied_desk):
    next_link = reviewer_client.get(CLAIMS, {"page_size": 5}).json()["next"]

    response = reviewer_client.get(next_link.replace("page_size=5", "ordering=newest"))

    assert_error(response, 400, "invalid")


def test_ordering_by_two_keys_at_once_is_refused(reviewer_client, tied_desk):
    body = assert_error(reviewer_client.get(CLAIMS, {"ordering": "score,newest"}), 400, "invalid")

    assert "one at a time" in body["fields"]["ordering"][0]
