"""``manage.py create_api_token``: the way a script gets its key, and the key working."""

from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests import factories


def create_api_token(*args):
    out, err = StringIO(), StringIO()
    call_command("create_api_token", *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue().strip()


def test_it_prints_a_token_that_opens_the_api(reviewer):
    key, warning = create_api_token("reviewer")

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/claims/").status_code == 200
    assert warning == ""


def test_it_prints_the_same_token_again(reviewer):
    first, _ = create_api_token("reviewer")
    again, _ = create_api_token("reviewer")

    assert first == again
    assert Token.objects.filter(user=reviewer).count() == 1


def test_reset_replaces_the_token_and_the_old_one_stops_working(reviewer):
    old, _ = create_api_token("reviewer")

    new, _ = create_api_token("reviewer", "--reset")

    assert new != old
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {old}")
    assert api.get("/api/v1/claims/").status_code == 401


def test_it_refuses_an_unknown_user_with_a_sentence(db):
    with pytest.raises(CommandError, match="There is no user called “nobody”"):
        create_api_token("nobody")
    assert not Token.objects.exists()


def test_it_refuses_a_deactivated_account(db):
    factories.reviewer("gone", is_active=False)

    with pytest.raises(CommandError, match="deactivated"):
        create_api_token("gone")
    assert not Token.objects.exists()


def test_it_warns_that_an_account_outside_the_desk_will_be_refused(outsider):
    key, warning = create_api_token("outsider")

    assert key
    assert "neither the Editors nor the Reviewers" in warning


def test_a_token_of_a_deactivated_account_stops_working(reviewer):
    key, _ = create_api_token("reviewer")
    reviewer.is_active = False
    reviewer.save()

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    response = api.get("/api/v1/claims/")

    assert response.status_code == 401
    assert response.json()["error"] == "authentication_failed"
