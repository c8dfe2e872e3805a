"""One rule for web addresses, everywhere (issue 14: `import_release --url javascript:…` was
stored and exported, and the admin's evidence form took ftp://).

A release's source URL and a piece of evidence's URL are http or https addresses, whether they
come from the command, the pages, the admin or the API.
"""

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.core.management.base import CommandError

from claims.importing import ImportRefused, import_text
from claims.models import Evidence, Release
from claims.validators import validate_web_address
from tests import factories
from tests.api_support import logged_in
from tests.test_workflow import claim_in

pytestmark = pytest.mark.django_db

REFUSED = ["javascript:alert(document.cookie)", "ftp://files.example.org/report.pdf",
           "data:text/html,<b>hi</b>", "file:///etc/passwd"]
RELEASE = "Ministry opens a bridge\nThe bridge opened on 3 May 2027, the minister said.\n"


@pytest.mark.parametrize("address", REFUSED)
def test_the_shared_rule_refuses_anything_but_http_and_https(address):
    with pytest.raises(ValidationError):
        validate_web_address(address)
    validate_web_address("https://www.example.org/release")
    validate_web_address("http://www.example.org/release")


def test_import_release_refuses_a_javascript_url_and_saves_nothing(tmp_path):
    path = tmp_path / "release.txt"
    path.write_text(RELEASE, encoding="utf-8")
    with pytest.raises(CommandError, match="not a web address"):
        call_command("import_release", str(path), "--url", "javascript:alert(1)")
    assert not Release.objects.exists()


def test_the_importer_refuses_it_for_every_caller(editor):
    with pytest.raises(ImportRefused, match="https://"):
        import_text(RELEASE, by=editor, source_url="ftp://files.example.org/release.txt")
    assert not Release.objects.exists()


def test_the_import_page_refuses_a_javascript_url(client, editor):
    client.force_login(editor)
    response = client.post("/releases/import/", {"text": RELEASE,
                                                 "source_url": "javascript:alert(1)"})
    assert response.status_code == 400
    assert "starting with https://" in response.content.decode()
    assert not Release.objects.exists()


def test_the_admin_import_refuses_an_ftp_url(client, editor):
    client.force_login(editor)
    response = client.post("/admin/claims/release/add/", {
        "text": RELEASE, "source_url": "ftp://files.example.org/release.txt",
    })
    assert "starting with https://" in response.content.decode()
    assert not Release.objects.exists()


def test_the_api_import_refuses_a_data_url(editor):
    response = logged_in(editor).post(
        "/api/v1/releases/", {"text": RELEASE, "url": "data:text/html,hi"}, format="json"
    )
    assert response.status_code == 400
    assert "url" in response.json()["fields"]
    assert not Release.objects.exists()


def test_the_admin_evidence_form_refuses_ftp(client, editor, reviewer):
    claim = claim_in("in_review", editor=editor, reviewer=reviewer)
    before = Evidence.objects.count()
    client.force_login(editor)
    response = client.post(f"/admin/claims/claim/{claim.pk}/change/", {
        "seen_version": claim.version, "kind": claim.kind, "text": claim.text,
        "start": claim.start, "end": claim.end, "attribution": "", "speaker": "",
        "annotations-TOTAL_FORMS": 0, "annotations-INITIAL_FORMS": 0,
        "evidence-TOTAL_FORMS": 1, "evidence-INITIAL_FORMS": 0,
        "evidence-0-url": "ftp://files.example.org/budget.pdf", "evidence-0-title": "Budget",
        "evidence-0-stance": "supports",
        "events-TOTAL_FORMS": 0, "events-INITIAL_FORMS": 0,
    })
    assert response.status_code == 200  # the form again, with the error
    assert "starting with https://" in response.content.decode()
    assert Evidence.objects.count() == before


def test_the_admin_refuses_a_javascript_source_url_on_a_release(client, editor):
    release = factories.ReleaseFactory()
    client.force_login(editor)
    client.post(f"/admin/claims/release/{release.pk}/change/", {
        "title": release.title, "organization": "", "published_on": "",
        "source_url": "javascript:alert(1)", "language": "en",
    })
    release.refresh_from_db()
    assert release.source_url == ""


def test_the_claim_page_and_the_api_refuse_ftp_evidence(client, editor, reviewer):
    claim = claim_in("in_review", editor=editor, reviewer=reviewer)
    before = Evidence.objects.count()
    client.force_login(reviewer)
    page = client.post(f"/review/claims/{claim.pk}/evidence/",
                       {"url": "ftp://files.example.org/x.pdf", "title": "X", "stance": "supports"})
    assert page.status_code == 400
    api = logged_in(reviewer).post(f"/api/v1/claims/{claim.pk}/evidence/",
                                   {"url": "ftp://files.example.org/x.pdf", "stance": "supports"},
                                   format="json")
    assert api.status_code == 400
    assert Evidence.objects.count() == before
