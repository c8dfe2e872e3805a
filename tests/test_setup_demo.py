"""`manage.py setup_demo`: the desk a new user finds after `make run`."""

from io import StringIO

import pytest
from django.contrib.auth import authenticate, get_user_model
from django.core.management import call_command
from django.core.management.base import CommandError
from django.test import RequestFactory

from claims import permissions
from claims.models import Annotation, Claim, ClaimEvent, Evidence, Release, Speaker

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def debug_on(settings):
    """The demo desk is for a developer's machine, where `make run` turns debug on."""
    settings.DEBUG = True


def setup_demo(*args):
    out = StringIO()
    call_command("setup_demo", *args, stdout=out)
    return out.getvalue()


def log_in(username, password):
    """Log in as the login page does: through the authentication backends, with a request."""
    return authenticate(RequestFactory().post("/accounts/login/"), username=username,
                        password=password)


def snapshot():
    """Everything the command may write, to compare two runs."""
    return {
        "users": list(get_user_model().objects.values_list("username", "password", "is_staff")),
        "releases": list(Release.objects.values_list("pk", "content_sha256")),
        "speakers": Speaker.objects.count(),
        "claims": list(Claim.objects.values_list("pk", "status", "version", "assignee_id")),
        "events": ClaimEvent.objects.count(),
        "evidence": Evidence.objects.count(),
        "notes": Annotation.objects.count(),
    }


def test_it_prints_how_to_log_in_and_where():
    out = setup_demo()
    for username, password in [
        ("editor", "factcheck-editor"),
        ("editor2", "factcheck-editor2"),
        ("reviewer", "factcheck-reviewer"),
        ("admin", "factcheck-admin"),
    ]:
        assert f"{username} " in out and password in out
        assert log_in(username, password) is not None
    assert "http://127.0.0.1:8000/" in out


def test_it_prints_the_address_make_run_serves(settings):
    # `make run PORT=8001` sets the publisher URL from the port.
    settings.FACTCHECK_PUBLISHER_URL = "http://127.0.0.1:8001/"
    assert "open http://127.0.0.1:8001/ and log in" in setup_demo()


def test_the_accounts_have_their_roles():
    setup_demo()
    User = get_user_model()
    editor, editor2 = User.objects.get(username="editor"), User.objects.get(username="editor2")
    reviewer, admin = User.objects.get(username="reviewer"), User.objects.get(username="admin")
    assert editor.is_staff and permissions.can_approve(editor) and permissions.can_import(editor)
    assert editor2.is_staff and permissions.can_approve(editor2)
    assert permissions.can_review(reviewer)
    assert not reviewer.is_staff and not permissions.can_manage(reviewer)
    assert admin.is_superuser and admin.is_staff


def test_the_sample_release_is_imported_with_its_publication_details():
    setup_demo()
    release = Release.objects.get()
    assert release.organization == "NATO"
    assert release.source_url == "https://www.nato.int/cps/en/natohq/news_211294.htm"
    assert release.published_on.isoformat() == "2023-01-31"
    assert release.imported_by.username == "editor"
    assert release.title.startswith("Secretary General in Tokyo")


def test_a_new_user_sees_claims_in_every_state():
    out = setup_demo()
    claims = Claim.objects.all()
    by_status = {s: claims.filter(status=s).count() for s in
                 ["pending", "in_review", "verified", "disputed", "approved", "dismissed"]}
    assert by_status["pending"] >= 3
    assert by_status["in_review"] >= 2
    assert by_status["verified"] >= 2
    assert by_status["disputed"] == 1
    assert by_status["approved"] == 1
    assert by_status["dismissed"] == 1
    assert f"{by_status['pending']} pending" in out
    assert claims.filter(status="in_review", assignee__username="reviewer").count() == (
        by_status["in_review"]
    )


def test_the_approved_claim_was_checked_by_the_reviewer_and_approved_by_an_editor():
    setup_demo()
    approved = Claim.objects.get(status="approved")
    assert approved.checked_by.username == "reviewer"
    assert approved.approved_by.username == "editor"
    assert approved.evidence.filter(url__startswith="https://www.nato.int/").exists()
    steps = list(approved.events.values_list("action", "actor__username"))
    assert steps == [
        ("assign", "editor"), ("evidence", "reviewer"), ("verify", "reviewer"),
        ("approve", "editor"),
    ]


def test_every_checked_claim_has_evidence_or_a_reason_and_a_matching_history():
    setup_demo()
    for claim in Claim.objects.exclude(status="pending"):
        last = claim.events.order_by("-id").first()
        # The history ends where the claim is: nothing moved it outside the workflow.
        assert last.to_status == claim.status
        assert claim.events.changes().count() == claim.version - 1
        if claim.status == "verified":
            assert claim.evidence.exists()
        if claim.status == "disputed":
            assert last.note
    assert not ClaimEvent.objects.filter(claim__status="pending").exists()


def test_running_it_twice_changes_nothing():
    setup_demo()
    before = snapshot()
    out = setup_demo()
    assert snapshot() == before
    assert "already there" in out


def test_an_account_someone_already_made_is_left_alone():
    from tests import factories

    existing = factories.reviewer("reviewer", first_name="Ravi")
    password = existing.password
    out = setup_demo()
    existing.refresh_from_db()
    assert (existing.first_name, existing.password) == ("Ravi", password)
    assert "reviewer  password factcheck-reviewer" in out
    assert "not changed" in out


# With debug off (a server), the well-known demo passwords are never set (issue 14)


def test_with_debug_off_it_refuses_to_run_and_says_how(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="--random-passwords"):
        setup_demo()
    assert not get_user_model().objects.exists()
    assert not Release.objects.exists()


def test_with_random_passwords_it_prints_passwords_that_work_and_the_demo_ones_do_not(settings):
    settings.DEBUG = False
    out = setup_demo("--random-passwords")
    for username, demo_password in [("editor", "factcheck-editor"), ("admin", "factcheck-admin")]:
        line = next(line for line in out.splitlines() if line.strip().startswith(username + " "))
        password = line.split("password", 1)[1].split()[0]
        assert password != demo_password and len(password) >= 12
        assert log_in(username, password) is not None
        assert log_in(username, demo_password) is None
    assert "factcheck-admin" not in out
