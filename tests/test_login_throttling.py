"""Login throttling and lockout (issue 14, finding 5: 200 wrong passwords in 53 s, then the
right one was accepted at once).

After FACTCHECK_LOGIN_FAILURE_LIMIT wrong passwords for one username (from anywhere) or from
one address (for any username), logging in is paused for the cool-off time, the right
password included. The client's address is the socket's, unless the app runs behind its proxy
(DJANGO_BEHIND_PROXY), whose X-Forwarded-For entry is then trusted, and only that one. Counted
in the cache (Redis in production) or in the database: both are tested.
"""

import json

import pytest
from django.core.cache import cache
from django.test import RequestFactory

from factcheck.http import client_address, locked_out
from tests import factories

LOGIN = "/accounts/login/"
PASSWORD = "correct horse battery"  # the factories' password


@pytest.fixture(
    params=["axes.handlers.database.AxesDatabaseHandler", "axes.handlers.cache.AxesCacheHandler"]
)
def throttling(request, settings, db):
    settings.AXES_HANDLER = request.param
    settings.AXES_FAILURE_LIMIT = 5
    cache.clear()
    yield
    cache.clear()


def log_in(client, username, password, address="203.0.113.7", **headers):
    return client.post(
        LOGIN, {"username": username, "password": password}, REMOTE_ADDR=address, **headers
    )


def logged_in(response):
    return response.status_code == 302 and response["Location"] == "/"


def test_the_right_password_logs_in(client, throttling, reviewer):
    assert logged_in(log_in(client, "reviewer", PASSWORD))


def test_after_five_wrong_passwords_even_the_right_one_is_refused(client, throttling, reviewer):
    for _ in range(4):
        assert log_in(client, "reviewer", "wrong").status_code == 200  # the form, again
    response = log_in(client, "reviewer", "wrong")
    assert response.status_code == 429
    response = log_in(client, "reviewer", PASSWORD)
    assert response.status_code == 429
    page = response.content.decode()
    assert "logging in is paused for 15 minutes" in page
    assert response["Retry-After"] == "900"
    assert "_auth_user_id" not in client.session


def test_a_username_is_locked_whatever_address_the_guesses_come_from(
    client, throttling, reviewer
):
    for number in range(5):
        log_in(client, "reviewer", "wrong", address=f"198.51.100.{number}")
    assert log_in(client, "reviewer", PASSWORD, address="192.0.2.99").status_code == 429


def test_an_address_is_locked_whatever_usernames_it_tries(client, throttling, reviewer):
    for number in range(5):
        log_in(client, f"guess{number}", "wrong", address="198.51.100.20")
    assert log_in(client, "reviewer", PASSWORD, address="198.51.100.20").status_code == 429
    assert logged_in(log_in(client, "reviewer", PASSWORD, address="198.51.100.21"))


def test_without_the_proxy_a_forged_forwarded_for_header_changes_nothing(
    client, throttling, settings, reviewer
):
    settings.BEHIND_PROXY = False
    for number in range(5):
        log_in(client, f"guess{number}", "wrong", HTTP_X_FORWARDED_FOR=f"10.0.0.{number}")
    response = log_in(client, "editor-nobody", "x", HTTP_X_FORWARDED_FOR="10.9.9.9")
    assert response.status_code == 429


def test_behind_the_proxy_each_client_address_counts_apart(client, throttling, settings, db):
    settings.BEHIND_PROXY = True
    factories.reviewer("rita")
    proxy = "127.0.0.1"
    for number in range(5):
        log_in(client, f"guess{number}", "wrong", address=proxy,
               HTTP_X_FORWARDED_FOR="spoofed, 198.51.100.30")
    assert log_in(client, "rita", PASSWORD, address=proxy,
                  HTTP_X_FORWARDED_FOR="198.51.100.30").status_code == 429
    # Another person behind the same proxy is not locked out by the first one's guesses.
    assert logged_in(log_in(client, "rita", PASSWORD, address=proxy,
                            HTTP_X_FORWARDED_FOR="198.51.100.31"))


def test_the_client_address_is_the_last_forwarded_entry_only_behind_the_proxy(settings):
    request = RequestFactory().get(
        "/", REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.2.3.4, 198.51.100.5"
    )
    settings.BEHIND_PROXY = False
    assert client_address(request) == "127.0.0.1"
    settings.BEHIND_PROXY = True
    assert client_address(request) == "198.51.100.5"


def test_a_lockout_under_the_api_answers_in_the_api_shape(settings):
    response = locked_out(RequestFactory().post("/api/v1/claims/"))
    assert response.status_code == 429
    assert response["Content-Type"] == "application/json"
    body = json.loads(response.content)
    assert body["error"] == "login_throttled" and "paused" in body["detail"]
