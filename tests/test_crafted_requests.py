"""Crafted requests answered without a server error.

Issue 14, finding 6: cursors with a huge integer, a year-9999 date with a −23:59 offset or
1,200-deep JSON gave 500s, and so did admin list filters set to ``%00`` on PostgreSQL; API 500s
were HTML. Every page, admin list and API list that reads a cursor, a filter or a search is
sent each of them. Pages may show the first page or a form error; the API answers 400 in its
JSON shape for a cursor it did not give out, and never anything but JSON.

Finding 7: a file with a BOM and a NUL byte after its first 8 KB was a 500 on PostgreSQL (page,
API and admin) and a traceback from ``import_release``; each way in imports it without the NUL.
"""

import base64
import json

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.test import Client

from claims.models import Release
from tests import factories
from tests.api_support import assert_error

pytestmark = pytest.mark.django_db

FAR_FUTURE = "9999-12-31T23:59:59.999999-23:59"
DEEP = "[" * 1_200 + "]" * 1_200


def _encoded(data):
    raw = data if isinstance(data, str) else json.dumps(data)
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


# The cursors of the pages and the admin: a row's sort values, as a list.
PAGE_CURSORS = {
    "huge integer": _encoded([2**70, 2**70]),
    "huge float": _encoded([1e308, -(2**64)]),
    "far future with offset": _encoded([FAR_FUTURE, 1]),
    "far future in every slot": _encoded([FAR_FUTURE, FAR_FUTURE, FAR_FUTURE, FAR_FUTURE]),
    "deep JSON": _encoded(DEEP),
    "NUL": _encoded(["\x00", 1]),
    "not base64": "%%%",
}
# The API's cursors: the ordering, the position and the direction.
API_CURSORS = {
    "huge integer": _encoded({"o": "-score", "p": [0.5, 2**70], "b": False}),
    "huge release id": _encoded({"o": "release", "p": [2**70, 1], "b": False}),
    "far future with offset": _encoded({"o": "-newest", "p": [FAR_FUTURE, 1], "b": False}),
    "deep JSON": _encoded(DEEP),
    "deep JSON position": _encoded('{"o": "-score", "p": ' + DEEP + ', "b": false}'),
    "NUL": _encoded({"o": "-score", "p": ["\x00", 1], "b": False}),
}
# Filter and search values: NUL (PostgreSQL refuses it in text), far dates, huge numbers.
VALUES = {
    "NUL": "\x00",
    "far future": FAR_FUTURE,
    "huge integer": str(2**70),
    "deep JSON": DEEP,
}

PAGE_LISTS = {
    "queue": ("/review/", ["q", "release", "speaker", "assignee", "status", "kind", "rating",
                           "score_min", "ordering", "page", "assigned_to_me"]),
    "releases": ("/releases/", ["q", "page", "organization", "published_after"]),
    "reports": ("/reports/", ["release", "speaker", "since", "until", "kind", "rating", "page"]),
    "fact-checks": ("/fact-checks/", ["page"]),
    "admin claims": ("/admin/claims/claim/", [
        "q", "status__exact", "kind__exact", "rating__exact", "release", "assignee", "speaker",
        "speaker__id__exact", "o", "p", "page",
    ]),
    "admin releases": ("/admin/claims/release/", [
        "q", "published_on__gte", "published_on__lt", "created_at__gte", "created_at__lt", "o",
        "p",
    ]),
    "admin speakers": ("/admin/claims/speaker/", ["q", "o", "p"]),
    "admin history": ("/admin/claims/claimevent/", ["q", "to_status__exact", "from_status__exact",
                                                     "o", "p"]),
}
API_LISTS = {
    "claims": ("/api/v1/claims/", ["q", "release", "speaker", "assignee", "status", "kind",
                                   "rating", "score_min", "ordering", "page_size",
                                   "assigned_to_me"]),
    "releases": ("/api/v1/releases/", ["q", "organization", "published_after", "page"]),
    "speakers": ("/api/v1/speakers/", ["q", "page"]),
    "reports": ("/api/v1/reports/", ["page"]),
}


@pytest.fixture
def desk(editor):
    """A superuser's view of a desk with a claim of each kind of row the lists show."""
    claim = factories.ClaimFactory(speaker=factories.SpeakerFactory(name="Jens Stoltenberg"))
    factories.ClaimFactory(paragraph=claim.paragraph, start=1, end=4)
    client = Client()
    client.force_login(factories.UserFactory(username="boss", is_staff=True, is_superuser=True))
    return client


def _server_errors(client, path, names):
    """The (name, value) pairs of the crafted values that gave a 5xx on ``path``."""
    errors = []
    for name in names:
        for label, value in VALUES.items():
            response = client.get(path, {name: value})
            if response.status_code >= 500:
                errors.append((name, label, response.content[:200]))
    return errors


@pytest.mark.parametrize("path, names", PAGE_LISTS.values(), ids=PAGE_LISTS.keys())
def test_crafted_filters_on_a_page_give_no_server_error(desk, path, names):
    desk.raise_request_exception = False

    assert _server_errors(desk, path, names) == []


@pytest.mark.parametrize("path", ["/review/", "/admin/claims/claim/", "/api/v1/claims/"])
def test_a_nul_in_a_query_string_is_refused_with_a_sentence(desk, path):
    response = desk.get(path, {"status__exact": "pending\x00", "q": "Jens"})

    assert response.status_code == 400
    assert "NUL character" in response.content.decode()
    assert response["Content-Type"].startswith(
        "application/json" if path.startswith("/api/") else "text/plain"
    )


@pytest.mark.parametrize("query", [{"speaker": str(2**70)}, {"id__gt": "1"}, {"text": "x"}])
def test_a_lookup_that_is_not_one_of_the_admin_lists_filters_is_refused(desk, query):
    assert desk.get("/admin/claims/claim/", query).status_code == 400


def test_a_date_filter_past_the_last_date_is_the_admins_incorrect_filter_notice(desk):
    response = desk.get("/admin/claims/release/", {"created_at__gte": FAR_FUTURE})

    assert response.status_code == 302 and response.url.endswith("?e=1")


@pytest.mark.parametrize("cursor", PAGE_CURSORS.values(), ids=PAGE_CURSORS.keys())
def test_a_crafted_cursor_shows_the_queue_from_its_start(desk, cursor):
    for ordering in ["-score", "-newest", "-release"]:
        for direction in ["after", "before"]:
            response = desk.get(
                "/review/", {direction: cursor, "ordering": ordering, "page": 2**70}
            )

            assert response.status_code == 200
            assert "Jens Stoltenberg" in response.content.decode()


ADMIN_PAGES = {**VALUES, "negative": "-1", "zero": "0", "huge float": "1e308"}


@pytest.mark.parametrize("page", ADMIN_PAGES.values(), ids=ADMIN_PAGES.keys())
def test_a_crafted_page_number_of_the_admin_claim_list_is_no_server_error(desk, page):
    """The admin's claim list is Django's own ChangeList, paged by number: a page that is no
    page is the admin's usual notice, the first page, or a refusal (NUL), never a 500."""
    desk.raise_request_exception = False
    response = desk.get("/admin/claims/claim/", {"p": page})

    assert response.status_code in (200, 302, 400), response.status_code
    if response.status_code == 302:
        assert response.url.endswith("?e=1")


@pytest.mark.parametrize("path, names", API_LISTS.values(), ids=API_LISTS.keys())
def test_crafted_filters_in_the_api_are_json_and_no_server_error(desk, path, names):
    desk.raise_request_exception = False
    for name in names:
        for value in VALUES.values():
            response = desk.get(path, {name: value})

            assert response.status_code < 500, (name, value[:40], response.content[:200])
            assert response["Content-Type"].startswith("application/json")
            if response.status_code == 400:
                assert_error(response, 400, "invalid")


@pytest.mark.parametrize("cursor", API_CURSORS.values(), ids=API_CURSORS.keys())
def test_a_crafted_api_cursor_is_a_json_400(desk, cursor):
    for ordering in [None, "-score", "-newest", "release"]:
        query = {"cursor": cursor} if ordering is None else {"cursor": cursor, "ordering": ordering}

        body = assert_error(desk.get("/api/v1/claims/", query), 400, "invalid")

        assert "first page" in body["fields"]["cursor"][0]


def _bom_file_with_a_late_nul():
    body = (
        "Harbour board opens new quay\n\n" + "The quay opened on 3 May 2027. " * 300
        + "\x00\n\n“We are ready,” said Mira Castellane.\n"
    )
    data = b"\xef\xbb\xbf" + body.encode()
    assert data.index(b"\x00") > 8192
    return data


def _upload():
    return SimpleUploadedFile("quay.txt", _bom_file_with_a_late_nul(), "text/plain")


WAYS_IN = {
    "page": lambda client: client.post("/releases/import/", {"file": _upload()}),
    "API": lambda client: client.post("/api/v1/releases/", {"file": _upload()}),
    "admin": lambda client: client.post("/admin/claims/release/add/", {"file": _upload()}),
}


@pytest.mark.parametrize("way", WAYS_IN.values(), ids=WAYS_IN.keys())
def test_a_bom_file_with_a_nul_past_its_first_8_kb_imports_without_it(desk, way):
    response = way(desk)

    assert response.status_code in (201, 302), response.content[:300]
    release = Release.objects.get(title="Harbour board opens new quay")
    assert "\x00" not in release.body
    assert release.claims.filter(kind="quote", speaker__name="Mira Castellane").exists()


def test_import_release_takes_a_bom_file_with_a_nul_past_its_first_8_kb(tmp_path, capsys):
    path = tmp_path / "quay.txt"
    path.write_bytes(_bom_file_with_a_late_nul())

    call_command("import_release", str(path))

    assert "Imported release" in capsys.readouterr().out
    assert "\x00" not in Release.objects.get().body


# Hundreds of words nested the search's conditions deeper than Python (PostgreSQL) or SQLite
# allow: a 500 on every list. Past the limit each list says how to shorten the search.
LONG_SEARCHES = {
    "400 words": "Stoltenberg " * 400,
    "500 phrases": " ".join(f'"ferry {n} terminal"' for n in range(500)),
    "20,000 characters": "x" * 20_000,
}
SEARCH_LISTS = [
    "/review/", "/releases/", "/admin/claims/claim/", "/admin/claims/release/",
    "/admin/claims/speaker/", "/admin/claims/claimevent/",
]


@pytest.mark.parametrize("query", LONG_SEARCHES.values(), ids=LONG_SEARCHES.keys())
@pytest.mark.parametrize("path", SEARCH_LISTS)
def test_a_search_too_long_for_a_list_says_how_to_shorten_it(desk, path, query):
    response = desk.get(path, {"q": query}, follow=True)

    assert response.status_code == 200
    assert "Search for at most" in response.content.decode()


@pytest.mark.parametrize("query", LONG_SEARCHES.values(), ids=LONG_SEARCHES.keys())
@pytest.mark.parametrize("path", ["/api/v1/claims/", "/api/v1/releases/"])
def test_a_search_too_long_for_the_api_is_a_400_saying_how_to_shorten_it(desk, path, query):
    body = assert_error(desk.get(path, {"q": query}), 400, "invalid")

    assert body["fields"]["q"][0].startswith("Search for at most")


@pytest.mark.parametrize("path", [*SEARCH_LISTS, "/api/v1/claims/"])
def test_a_search_of_fifty_words_is_answered(desk, path):
    words = "Jens Stoltenberg " * 25

    response = desk.get(path, {"q": words})

    assert response.status_code == 200
    assert "Search for at most" not in response.content.decode()
