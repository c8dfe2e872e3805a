"""What the API tests share: clients for a persona and the check of the error shape."""

from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient


def logged_in(user):
    """A separate API client per persona, logged in with a session like a browser."""
    api = APIClient()
    api.force_login(user)
    return api


def with_token(user):
    """An API client sending the user's token, as a script would."""
    key = Token.objects.get_or_create(user=user)[0].key
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return api


def assert_error(response, status, code):
    """The answer is an error of this status and machine code, with a sentence; its body."""
    assert response.status_code == status, response.content
    body = response.json()
    assert body["error"] == code
    assert body["detail"].strip()
    return body
