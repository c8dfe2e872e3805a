"""``manage.py create_api_token``: the way a script gets its key, and the key working."""

from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.utils import timezone
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from claims.models import TokenExpiry
from tests import factories
from tests.api_support import assert_error


def create_api_token(*args):
    out, err = StringIO(), StringIO()
    call_command("create_api_token", *args, stdout=out, stderr=err)
    return out.getvalue().strip(), err.getvalue().strip()


def test_it_prints_a_token_that_opens_the_api(reviewer):
    key, warning = create_api_token("reviewer")

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    assert api.get("/api/v1/claims/").status_code == 200
    assert warning.startswith("It works until ")


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


# Expiry and rotation (issue 14: API tokens never expired)


def _with_key(key):
    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION=f"Token {key}")
    return api


def test_a_new_token_expires_after_the_configured_number_of_days(reviewer, settings):
    settings.FACTCHECK_API_TOKEN_DAYS = 30
    key, warning = create_api_token("reviewer")
    expires = Token.objects.get(key=key).expiry.expires_at
    assert timedelta(days=29, hours=23) < expires - timezone.now() <= timedelta(days=30)
    assert f"It works until {expires:%Y-%m-%d}" in warning


def test_an_expired_token_is_refused_with_a_sentence_saying_what_to_do(reviewer):
    key, _ = create_api_token("reviewer", "--expires", "1")
    TokenExpiry.objects.filter(token_id=key).update(
        expires_at=timezone.now() - timedelta(minutes=1)
    )
    body = assert_error(_with_key(key).get("/api/v1/claims/"), 401, "authentication_failed")
    assert "expired" in body["detail"] and "--rotate" in body["detail"]


def test_a_token_made_in_the_admin_expires_after_the_configured_days_too(reviewer, settings):
    settings.FACTCHECK_API_TOKEN_DAYS = 10
    token = Token.objects.create(user=reviewer)
    assert _with_key(token.key).get("/api/v1/claims/").status_code == 200
    Token.objects.filter(pk=token.pk).update(created=timezone.now() - timedelta(days=11))
    assert _with_key(token.key).get("/api/v1/claims/").status_code == 401


def test_expires_sets_the_expiry_of_the_current_token_without_changing_it(reviewer):
    key, _ = create_api_token("reviewer")
    again, _ = create_api_token("reviewer", "--expires", "7")
    assert again == key
    left = Token.objects.get(key=key).expiry.expires_at - timezone.now()
    assert timedelta(days=6) < left <= timedelta(days=7)


def test_rotate_gives_a_new_token_and_the_old_one_stops_working(reviewer):
    old, _ = create_api_token("reviewer")
    new, _ = create_api_token("reviewer", "--rotate", "--expires", "5")
    assert new != old
    assert _with_key(old).get("/api/v1/claims/").status_code == 401
    assert _with_key(new).get("/api/v1/claims/").status_code == 200


def test_asking_again_for_an_expired_token_gives_a_new_one(reviewer):
    old, _ = create_api_token("reviewer")
    TokenExpiry.objects.update(expires_at=timezone.now() - timedelta(seconds=1))
    new, _ = create_api_token("reviewer")
    assert new != old
    assert _with_key(new).get("/api/v1/claims/").status_code == 200


def test_expires_refuses_a_number_that_is_not_days(reviewer):
    with pytest.raises(CommandError, match="not a number of days"):
        create_api_token("reviewer", "--expires", "soon")
