"""deploy/: the nginx and gunicorn configurations start, and the load test's people and audit
work, in a few seconds (the load test itself is `make loadtest`, not part of the suite)."""

import importlib.util
import json
import os
import shutil
import subprocess
import sys
from collections import Counter
from pathlib import Path

import pytest
from django.contrib.auth.models import Group, User
from django.db import connection
from rest_framework.authtoken.models import Token

from claims.models import Claim
from tests import factories

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
sys.path.insert(0, str(DEPLOY))

from serve import Stack  # noqa: E402


def test_the_gunicorn_configuration_loads(tmp_path):
    result = subprocess.run(
        [sys.executable, "-m", "gunicorn", "--check-config", "-c",
         str(DEPLOY / "gunicorn.conf.py"), "factcheck.wsgi"],
        cwd=ROOT, capture_output=True, text=True, timeout=120,
        env={**os.environ, "WEB_CONCURRENCY": "3", "GUNICORN_BIND": "127.0.0.1:8499"},
    )  # fmt: skip
    assert result.returncode == 0, result.stderr


@pytest.mark.skipif(not shutil.which("nginx"), reason="needs nginx (apt-get install nginx)")
def test_the_nginx_configuration_is_valid_for_two_app_servers(tmp_path, monkeypatch):
    stack = Stack(tmp_path, app_ports=[8491, 8492], http_port=8493, https_port=8494, environ={})
    for folder in ("log", "tmp", "tls"):
        (tmp_path / folder).mkdir()
    monkeypatch.setattr(subprocess, "run", _skip_manage_commands(subprocess.run))
    stack.prepare()  # renders the template and runs `nginx -t` on it
    config = (tmp_path / "nginx.conf").read_text()
    assert "server 127.0.0.1:8491" in config and "server 127.0.0.1:8492" in config
    assert "${" not in config


def _skip_manage_commands(run):
    def without_django(command, *args, **kwargs):
        if "manage.py" in command:  # migrate and collectstatic are not what is tested here
            return subprocess.CompletedProcess(command, 0)
        return run(command, *args, **kwargs)

    return without_django


@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_the_load_tests_people_work_the_desk_and_the_audit_finds_nothing_lost(
    live_server, tmp_path, seed_release
):
    accounts = {"reviewers": [], "editors": [], "release_text": factories.seed_text()}
    for group, key in (("Reviewers", "reviewers"), ("Editors", "editors")):
        for number in range(2):
            user = User.objects.create_user(f"{key[:-1]}{number:02}", password="pw-12345-load",
                                            is_staff=group == "Editors")  # fmt: skip
            user.groups.add(Group.objects.get(name=group))
            accounts[key].append({"username": user.username, "password": "pw-12345-load",
                                  "token": Token.objects.create(user=user).key})  # fmt: skip
    (tmp_path / "accounts.json").write_text(json.dumps(accounts))
    journal = tmp_path / "journal.jsonl"
    # SQLite's test database, shared by the live server's threads, takes one writer at a time.
    users = "4" if connection.vendor == "postgresql" else "1"
    # One person picks a task at random about once a second: half a minute makes a reviewer's
    # "take a claim" all but certain (15 s on a loaded CI machine once drew none).
    run_time = "15s" if connection.vendor == "postgresql" else "30s"
    result = subprocess.run(
        [str(Path(sys.executable).parent / "locust"), "-f",
         str(DEPLOY / "loadtest" / "locustfile.py"), "--headless", "--users", users,
         "--spawn-rate", "4", "--run-time", run_time, "--host", live_server.url, "--only-summary",
         "--loglevel", "ERROR", "--exit-code-on-error", "0"],
        env={**os.environ, "LOADTEST_ACCOUNTS": str(tmp_path / "accounts.json"),
             "LOADTEST_JOURNAL": str(journal)},
        capture_output=True, text=True, timeout=120,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr[-2000:]
    entries = [json.loads(line) for line in journal.read_text().splitlines()]
    requests = [e for e in entries if e["kind"] == "request"]
    assert requests and all(e["status"] < 500 for e in requests), requests
    seen = Counter((e["kind"], e.get("name"), e.get("status")) for e in entries)
    assert any(e["kind"] == "transition" for e in entries), seen

    spec = importlib.util.spec_from_file_location("audit", DEPLOY / "loadtest" / "audit.py")
    audit = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(audit)
    found = audit.audit(journal)
    assert (found["lost"], found["doubled"], found["problems"]) == (0, 0, [])
    assert found["claims"] == Claim.objects.count()
