"""The admin action “Export selected approved claims”."""

import hashlib

import pytest
from django.contrib.admin import helpers
from django.contrib.auth.models import Permission
from django.urls import reverse

from claims.models import Report
from tests import factories
from tests.test_reports_formats import approved_claim, csv_rows

CHANGELIST = reverse("admin:claims_claim_changelist")
ACTION = "export_selected_approved_claims"


@pytest.fixture
def selection(reviewer, editor):
    """Two approved claims and one still pending."""
    return [
        approved_claim("The bridge cost £40 million.", reviewer=reviewer, editor=editor),
        approved_claim("The bridge opens in May.", reviewer=reviewer, editor=editor),
        factories.ClaimFactory(paragraph__text="Tolls start in June."),
    ]


def post_action(client, claims, **extra):
    data = {"action": ACTION, helpers.ACTION_CHECKBOX_NAME: [c.pk for c in claims], **extra}
    return client.post(CHANGELIST, data)


def test_the_action_first_asks_for_the_format_and_says_what_is_left_out(
    editor_client, selection
):
    response = post_action(editor_client, selection)

    page = response.content.decode()
    assert response.status_code == 200
    assert "2 of the selected claims are approved and go into the report" in page
    assert "The bridge cost £40 million." in page
    assert "1 selected claim is not approved and left out." in page
    assert 'value="pdf"' in page
    assert not Report.objects.exists()


def test_the_action_exports_and_records_only_the_approved_claims(
    editor_client, editor, selection
):
    response = post_action(editor_client, selection, apply="yes", format="csv")

    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment; filename=")
    content = b"".join(response.streaming_content)
    header, *rows = csv_rows(content)
    assert sorted(row[header.index("claim text")] for row in rows) == [
        "The bridge cost £40 million.",
        "The bridge opens in May.",
    ]
    report = Report.objects.get()
    assert report.created_by == editor
    assert report.filters == {"claims": sorted(c.pk for c in selection[:2])}
    assert report.description == "2 approved claims selected in the admin"
    assert report.sha256 == hashlib.sha256(content).hexdigest()


def test_a_selection_without_approved_claims_exports_nothing(editor_client, selection):
    response = post_action(editor_client, selection[2:], apply="yes", format="json")

    assert response.status_code == 302
    page = editor_client.get(response.url).content.decode()
    assert "None of the selected claims is approved" in page
    assert not Report.objects.exists()


def test_reviewers_cannot_reach_the_action(client, reviewer, selection):
    reviewer.save()  # the factory leaves the password unsaved; the session must match it
    client.force_login(reviewer)

    response = post_action(client, selection, apply="yes", format="csv")

    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))
    assert not Report.objects.exists()


def test_staff_without_the_export_permission_get_403(client, selection):
    staff = factories.UserFactory(username="staffer", is_staff=True)
    staff.user_permissions.add(
        *Permission.objects.filter(codename__in=["view_claim", "change_claim"])
    )
    staff.save()
    client.force_login(staff)

    response = post_action(client, selection, apply="yes", format="csv")

    assert response.status_code == 403
    assert not Report.objects.exists()
