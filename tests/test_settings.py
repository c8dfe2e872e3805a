"""The app refuses unsafe production settings and is deploy-clean with safe ones."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.exceptions import ImproperlyConfigured

from factcheck.settings import env_bool

ROOT = Path(__file__).resolve().parent.parent
GOOD_KEY = "k3y-for-tests-only-9f8e7d6c5b4a39281706f5e4d3c2b1a0-zyxwvutsrq"


def manage(*args, **env):
    environment = {
        k: v for k, v in os.environ.items() if not k.startswith(("DJANGO_", "REDIS_URL"))
    }
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_it_refuses_to_start_without_a_secret_key_when_debug_is_off():
    result = manage("check", DJANGO_DEBUG="0")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_debug_is_off_unless_asked_for():
    """A forgotten setting must not show tracebacks to the world (issue 14)."""
    result = manage("check")
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr
    result = manage(
        "shell", "-c", "from django.conf import settings; print(settings.DEBUG)",
        DJANGO_SECRET_KEY=GOOD_KEY,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("False")


def test_make_run_turns_debug_on_explicitly():
    makefile = (ROOT / "Makefile").read_text()
    assert "run: export DJANGO_DEBUG = 1" in makefile


@pytest.mark.parametrize("redis", [False, True], ids=["database throttling", "redis"])
def test_deploy_check_is_clean_in_the_production_settings(redis):
    env = {"DJANGO_SECRET_KEY": GOOD_KEY, "DJANGO_ALLOWED_HOSTS": "factcheck.example.org"}
    if redis:
        env["REDIS_URL"] = "redis://127.0.0.1:6379/15"
    result = manage("check", "--deploy", "--fail-level", "WARNING", **env)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_a_proxy_setup_can_turn_off_the_https_redirect():
    result = manage(
        "shell", "-c", "from django.conf import settings; print(settings.SECURE_SSL_REDIRECT)",
        DJANGO_DEBUG="0", DJANGO_SECRET_KEY=GOOD_KEY, DJANGO_SECURE_SSL_REDIRECT="0",
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip().endswith("False")


@pytest.mark.parametrize(
    "raw, expected", [("1", True), ("true", True), ("0", False), ("No", False)]
)
def test_yes_no_settings_read_the_usual_words(monkeypatch, raw, expected):
    monkeypatch.setenv("FACTCHECK_SOME_SWITCH", raw)
    assert env_bool("FACTCHECK_SOME_SWITCH", not expected) is expected


def test_a_yes_no_setting_refuses_a_value_it_does_not_understand(monkeypatch):
    monkeypatch.setenv("DJANGO_DEBUG", "maybe")
    with pytest.raises(ImproperlyConfigured, match="not a yes/no value"):
        env_bool("DJANGO_DEBUG", True)


def test_the_app_server_refuses_to_serve_without_a_secret_key():
    result = subprocess.run(
        [sys.executable, "-c", "import factcheck.wsgi"],
        cwd=ROOT,
        env={k: v for k, v in os.environ.items() if not k.startswith("DJANGO_")},
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode != 0
    assert "DJANGO_SECRET_KEY is not set" in result.stderr


def test_extraction_runs_on_a_fresh_clone_without_any_setting(tmp_path):
    """Reading a release needs no secret: `extract_claims` works with nothing configured."""
    release = tmp_path / "release.txt"
    release.write_text(
        "Harbour trust reports record visitors\n\n"
        "“Visitor numbers rose by 12 per cent this year,” said Alma Ruiz, the trust's director.\n",
        encoding="utf-8",
    )
    result = manage("extract_claims", str(release), "--json")
    assert result.returncode == 0, result.stderr
    assert "Alma Ruiz" in result.stdout


@pytest.mark.django_db
def test_postgresql_runs_the_desks_short_queries_without_compiling_them():
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("a PostgreSQL setting")
    with connection.cursor() as cursor:
        cursor.execute("SHOW jit")
        assert cursor.fetchone() == ("off",)
