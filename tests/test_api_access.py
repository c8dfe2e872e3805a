"""Who may call what: every endpoint for anonymous callers, outsiders, reviewers and editors."""

import pytest
from rest_framework.test import APIClient

from tests import factories
from tests.api_support import logged_in, with_token

RELEASE_TEXT = (
    "Council opens new library\n"
    "The mayor said: “Every child in the city will have a library within a mile.”\n"
)

TAKE = {"action": "take", "version": 1}

# method, path, body; {claim}, {release} and {speaker} are filled in with real ids.
ENDPOINTS = {
    "list releases": ("get", "/api/v1/releases/", None),
    "import a release": ("post", "/api/v1/releases/", {"text": RELEASE_TEXT}),
    "read a release": ("get", "/api/v1/releases/{release}/", None),
    "list claims": ("get", "/api/v1/claims/", None),
    "read a claim": ("get", "/api/v1/claims/{claim}/", None),
    "correct a claim": ("patch", "/api/v1/claims/{claim}/", {"attribution": "x", "version": 1}),
    "take a claim": ("post", "/api/v1/claims/{claim}/transition/", TAKE),
    "read notes": ("get", "/api/v1/claims/{claim}/annotations/", None),
    "add a note": ("post", "/api/v1/claims/{claim}/annotations/", {"body": "Checked."}),
    "read evidence": ("get", "/api/v1/claims/{claim}/evidence/", None),
    "add evidence": (
        "post", "/api/v1/claims/{claim}/evidence/",
        {"url": "https://example.org/", "stance": "context"},
    ),
    "read history": ("get", "/api/v1/claims/{claim}/events/", None),
    "list speakers": ("get", "/api/v1/speakers/", None),
    "read a speaker": ("get", "/api/v1/speakers/{speaker}/", None),
}

# What each role gets; anything not listed for a desk member succeeds with 200.
REVIEWER_REFUSED = {"import a release", "correct a claim"}
CREATED = {"import a release", "add a note", "add evidence"}


@pytest.fixture
def ids(db):
    speaker = factories.SpeakerFactory(name="Jane Minister")
    claim = factories.ClaimFactory(speaker=speaker, kind="quote")
    return {"claim": claim.pk, "release": claim.release_id, "speaker": speaker.pk}


def call(api, name, ids):
    method, path, body = ENDPOINTS[name]
    return getattr(api, method)(path.format(**ids), body, format="json")


@pytest.mark.parametrize("name", ENDPOINTS)
def test_anonymous_callers_are_asked_to_authenticate(ids, name):
    response = call(APIClient(), name, ids)

    assert response.status_code == 401
    assert response.json()["error"] == "not_authenticated"
    assert response["WWW-Authenticate"] == "Token"


@pytest.mark.parametrize("name", ENDPOINTS)
def test_outsiders_are_refused_everything(ids, outsider, name):
    response = call(logged_in(outsider), name, ids)

    assert response.status_code == 403
    assert response.json()["error"] == "permission_denied"


@pytest.mark.parametrize("name", ENDPOINTS)
def test_reviewers_may_do_all_but_import_and_correct(ids, reviewer, name):
    response = call(with_token(reviewer), name, ids)

    if name in REVIEWER_REFUSED:
        assert response.status_code == 403, response.content
        assert response.json()["error"] == "permission_denied"
    else:
        assert response.status_code == (201 if name in CREATED else 200), response.content


@pytest.mark.parametrize("name", ENDPOINTS)
def test_editors_may_do_everything(ids, editor, name):
    response = call(with_token(editor), name, ids)

    assert response.status_code == (201 if name in CREATED else 200), response.content
