"""What the server answers around the app's own views (issue 14): errors under /api/ in the
API's JSON shape, the cap on request size, /healthz, and one JSON log line per request."""

import json
import logging

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import OperationalError
from django.test import Client

from claims.api.views.speakers import SpeakerViewSet
from claims.models import Release
from factcheck.http import csrf_failure
from factcheck.jsonlog import JSONFormatter
from tests.api_support import assert_error, logged_in

pytestmark = pytest.mark.django_db


# Errors under /api/ are JSON, whatever answers them


def test_an_unexpected_error_in_the_api_is_a_json_500_with_a_reference(
    editor, monkeypatch
):
    def broken(self, request, *args, **kwargs):
        raise RuntimeError("a bug")

    monkeypatch.setattr(SpeakerViewSet, "list", broken)
    api = logged_in(editor)
    api.raise_request_exception = False
    response = api.get("/api/v1/speakers/")
    body = assert_error(response, 500, "server_error")
    assert response["Content-Type"] == "application/json"
    assert response["X-Request-ID"] in body["detail"]


def test_a_request_for_an_unknown_host_under_the_api_is_a_json_400(editor):
    response = Client().get("/api/v1/claims/", HTTP_HOST="evil.example")
    assert_error(response, 400, "bad_request")


def test_an_unknown_method_is_a_json_405(editor):
    response = logged_in(editor).delete("/api/v1/claims/")
    body = assert_error(response, 405, "method_not_allowed")
    assert "GET" in body["detail"]


def test_a_missing_path_under_the_api_is_a_json_404(editor):
    assert_error(logged_in(editor).get("/api/v2/nothing/"), 404, "not_found")


def test_a_csrf_failure_under_the_api_is_json_and_elsewhere_the_usual_page(rf):
    api = csrf_failure(rf.post("/api/v1/claims/1/transition/"), reason="CSRF token missing.")
    assert (api.status_code, json.loads(api.content)["error"]) == (403, "csrf_failed")
    page = csrf_failure(rf.post("/review/claims/1/notes/"), reason="CSRF token missing.")
    assert page.status_code == 403 and page["Content-Type"].startswith("text/html")


def test_pages_outside_the_api_keep_their_html_errors(client, editor):
    client.force_login(editor)
    response = client.get("/review/claims/999999/")
    assert response.status_code == 404 and response["Content-Type"].startswith("text/html")


# The cap on a request's size, before anything is read


def test_an_upload_over_the_cap_is_refused_before_it_is_read(client, editor, settings, tmp_path):
    settings.FACTCHECK_MAX_REQUEST_BYTES = 64 * 1024
    settings.FILE_UPLOAD_TEMP_DIR = str(tmp_path)
    settings.FILE_UPLOAD_MAX_MEMORY_SIZE = 0  # any file that got read would land in tmp_path
    client.force_login(editor)
    big = SimpleUploadedFile("release.txt", b"Headline\n" + b"word " * 40_000)
    response = client.post("/releases/import/", {"file": big})
    assert response.status_code == 413
    assert "over the limit of 65,536 bytes" in response.content.decode()
    assert list(tmp_path.iterdir()) == []
    assert not Release.objects.exists()


def test_an_api_request_over_the_cap_is_a_json_413(editor, settings):
    settings.FACTCHECK_MAX_REQUEST_BYTES = 64 * 1024
    response = logged_in(editor).post(
        "/api/v1/releases/", {"text": "Headline\n" + "word " * 40_000}, format="json"
    )
    body = assert_error(response, 413, "request_too_large")
    assert "65,536" in body["detail"]


def test_the_cap_sits_below_the_web_servers(settings):
    from pathlib import Path

    nginx = (Path(__file__).resolve().parent.parent / "deploy" / "nginx.conf").read_text()
    megabytes = int(nginx.split("client_max_body_size", 1)[1].split("m;", 1)[0])
    assert megabytes * 1024 * 1024 > settings.FACTCHECK_MAX_REQUEST_BYTES
    assert settings.FACTCHECK_MAX_REQUEST_BYTES > settings.FACTCHECK_MAX_RELEASE_BYTES


# /healthz


def test_healthz_answers_ok_when_the_database_and_the_cache_answer(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}


def test_healthz_is_503_when_the_cache_is_down(client, settings):
    settings.CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"IGNORE_EXCEPTIONS": True, "SOCKET_CONNECT_TIMEOUT": 0.2},
        }
    }
    response = client.get("/healthz")
    assert response.status_code == 503
    assert set(response.json()["problems"]) == {"cache"}


def test_healthz_is_503_when_the_database_is_down(client, monkeypatch):
    from django.db import connection

    def unreachable():
        raise OperationalError("connection refused")

    monkeypatch.setattr(connection, "cursor", unreachable)
    response = client.get("/healthz")
    assert response.status_code == 503
    assert "connection refused" in response.json()["problems"]["database"]


# One log line per request


def test_each_request_is_one_json_log_line_with_the_user_and_the_time(client, editor, caplog):
    client.force_login(editor)
    with caplog.at_level(logging.INFO, logger="factcheck.requests"):
        response = client.get("/releases/")
    (record,) = [r for r in caplog.records if r.name == "factcheck.requests"]
    line = JSONFormatter().format(record)
    assert "\n" not in line
    entry = json.loads(line)
    assert entry["method"] == "GET" and entry["path"] == "/releases/"
    assert entry["status"] == 200 and entry["user"] == "editor"
    assert isinstance(entry["duration_ms"], float)
    assert entry["request_id"] == response["X-Request-ID"]


def test_an_anonymous_request_is_logged_without_a_user(client, caplog):
    with caplog.at_level(logging.INFO, logger="factcheck.requests"):
        client.get("/accounts/login/", HTTP_X_REQUEST_ID="abc-123")
    (record,) = [r for r in caplog.records if r.name == "factcheck.requests"]
    assert (record.user, record.request_id, record.status) == (None, "abc-123", 200)


def test_healthz_answers_over_plain_http_where_everything_else_redirects(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    assert client.get("/healthz").status_code == 200
    assert client.get("/accounts/login/").status_code == 301
