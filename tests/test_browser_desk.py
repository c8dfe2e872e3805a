"""The desk at a glance in a real browser: its charts draw under the site's
Content-Security-Policy, from the app's own copy of Chart.js.

Saves a screenshot under ``artifacts/screenshots/``, copied to ``docs/dashboard.png`` for the
README when FACTCHECK_UPDATE_README_SCREENSHOT=1.
"""

import datetime
import os
import re
import shutil

import pytest
from django.utils import timezone

from claims import workflow
from claims.models import Claim
from tests.factories import RULING, EvidenceFactory
from tests.test_browser import (  # noqa: F401  (fixtures)
    PASSWORD,
    ROOT,
    SCREENSHOTS,
    browser,
    page,
)

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def _busy_desk(release, editor, second_editor, reviewer, second_reviewer):
    """The seed release mid-review: claims assigned, checked, approved, some overdue."""
    claims = list(release.claims.order_by("-score", "pk"))
    today = timezone.localdate()
    for index, claim in enumerate(claims[:12]):
        person = reviewer if index % 3 else second_reviewer
        workflow.transition(claim, "assign", by=editor, assignee=person)
        if index < 3:
            workflow.set_due_date(claim, by=editor, due_on=today - datetime.timedelta(days=2))
            continue
        EvidenceFactory(claim=claim, added_by=person)
        workflow.transition(claim, "verify", by=person, rating="accurate", **RULING)
        if index < 8:
            workflow.transition(claim, "approve", by=second_editor)
    for claim in claims[12:15]:
        workflow.transition(claim, "dismiss", by=editor)
    return claims


def test_an_editor_opens_the_dashboard_and_its_charts_draw(
    page, live_server, seed_release, editor, second_editor, reviewer, second_reviewer  # noqa: F811
):
    _busy_desk(seed_release, editor, second_editor, reviewer, second_reviewer)
    problems = []
    page.on("console", lambda message: problems.append(message.text)
            if message.type == "error" else None)
    page.on("pageerror", lambda error: problems.append(str(error)))

    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(editor.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/review/"))  # editors land on what awaits approval
    page.get_by_role("link", name="Desk", exact=True).click()
    page.wait_for_url(f"{live_server.url}/desk/")

    page.get_by_role("heading", name="The desk at a glance").wait_for()
    assert page.locator(".chart-panel.charted").count() == 4
    # Chart.js drew on every canvas: it sizes each to its box.
    for canvas in page.locator("canvas[data-chart-for]").all():
        assert canvas.bounding_box()["height"] > 100
    overdue = page.get_by_role("region", name="Key figures").get_by_role("link").first
    assert overdue.inner_text() == "3"
    approved = Claim.objects.approved().count()
    status_table = page.locator("#status-table")
    assert status_table.get_by_role("row", name=f"Approved {approved}").count() == 1
    assert problems == []

    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "dashboard.png"
    page.screenshot(path=str(shot), full_page=True)
    if os.environ.get("FACTCHECK_UPDATE_README_SCREENSHOT") == "1":
        shutil.copyfile(shot, ROOT / "docs" / "dashboard.png")


def test_a_speakers_record_draws_its_ratings(
    page, live_server, seed_release, editor, second_editor, reviewer, second_reviewer  # noqa: F811
):
    from claims.models import Speaker

    _busy_desk(seed_release, editor, second_editor, reviewer, second_reviewer)
    jens = Speaker.objects.get(name="Jens Stoltenberg")
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(editor.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/review/"))
    page.goto(f"{live_server.url}/speakers/{jens.pk}/")
    page.get_by_role("heading", name="Everything they said").wait_for()
    if Claim.objects.filter(speaker=jens).exclude(rating="").exists():
        assert page.locator(".chart-panel.charted").count() == 1
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    shot = SCREENSHOTS / "speaker-page.png"
    page.screenshot(path=str(shot), full_page=True)
    if os.environ.get("FACTCHECK_UPDATE_README_SCREENSHOT") == "1":
        shutil.copyfile(shot, ROOT / "docs" / "speaker-page.png")
