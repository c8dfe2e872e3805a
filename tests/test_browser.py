"""The whole review in a real browser: import, assign, check, verify, approve.

Drives Debian's Chromium (``/usr/bin/chromium``) through Playwright on a live server, and
saves screenshots of the queue, a claim and the release under ``artifacts/screenshots/``; the
claim page's is copied to ``docs/review-page.png`` for the README when
FACTCHECK_UPDATE_README_SCREENSHOT=1. Outside CI the test skips
when Chromium is missing; in CI (``CI`` set) a missing Chromium fails it.
"""

import os
import shutil
from pathlib import Path

import pytest
from django.db import connections

from claims.models import Claim, Release
from tests.factories import seed_text

pytestmark = [
    pytest.mark.browser,
    # serialized_rollback: the flush after a live-server test would otherwise drop the
    # Editors and Reviewers groups that the data migration made, for every later test.
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"]
ROOT = Path(__file__).resolve().parent.parent
SCREENSHOTS = ROOT / "artifacts" / "screenshots"
README_SCREENSHOT = ROOT / "docs" / "review-page.png"
PASSWORD = "correct horse battery"  # the factories' password for every persona
QUOTE = "No NATO partner is closer or more capable than Japan"


@pytest.fixture
def browser(monkeypatch):
    if not CHROMIUM.exists():
        reason = (
            f"Chromium is not installed at {CHROMIUM}; install Debian's chromium package "
            "(apt-get install chromium) to run the browser test."
        )
        if os.environ.get("CI"):
            pytest.fail(reason + " CI must run this test: .ci/run installs it.")
        pytest.skip(reason)
    sync_api = pytest.importorskip("playwright.sync_api")
    # Playwright's sync API runs an event loop in this thread; the test still reads the
    # database between steps, which Django allows only when told the loop is not async code.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    with sync_api.sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
        # While Playwright runs, an event loop runs in this thread, and Django then keeps the
        # thread's database connections apart from its plain ones: the test read through a
        # connection of its own. Closed here, while the loop still runs, or it would keep the
        # test database open and stop its removal at the end of the run.
        connections.close_all()


@pytest.fixture
def page(browser):
    context = browser.new_context(viewport={"width": 1366, "height": 768}, locale="en-GB")
    context.set_default_timeout(15_000)
    yield context.new_page()
    context.close()


def _log_in(page, base_url, username):
    page.goto(f"{base_url}/accounts/login/")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{base_url}/review/**")


def _log_out(page):
    page.get_by_role("button", name="Log out").click()
    page.wait_for_url("**/accounts/login/")


def _message(page):
    return page.locator(".messages").inner_text()


def _screenshot(page, name):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    page.screenshot(path=str(path), full_page=True)
    return path


def test_a_release_goes_from_import_to_an_approved_quote(
    page, live_server, editor, second_editor, reviewer
):
    base = live_server.url

    # The editor imports the release through the import page.
    _log_in(page, base, "editor")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Skip to content"
    page.get_by_role("link", name="Import", exact=True).click()
    page.get_by_label("Paste the release").fill(seed_text())
    page.get_by_label("Source URL").fill("https://www.nato.int/cps/en/natohq/news_211294.htm")
    page.get_by_label("Organization").fill("NATO")
    page.get_by_label("Published on").fill("2023-01-31")
    page.get_by_role("button", name="Import", exact=True).click()
    release = Release.objects.get()
    page.wait_for_url(f"{base}/releases/{release.pk}/")
    assert "Imported release" in _message(page)
    total = release.claims.count()
    assert f"0 of {total} approved" in page.locator(".release-head .progress-text").inner_text()

    # ...and assigns the quote to the reviewer from the claim page.
    quote = Claim.objects.get(release=release, kind="quote", text=QUOTE)
    page.locator(f'.release-claims a[href="/review/claims/{quote.pk}/"]').click()
    page.wait_for_url(f"{base}/review/claims/{quote.pk}/*")
    page.get_by_label("Assign to").select_option(label="Rita Reviewer")
    page.get_by_role("button", name="Assign", exact=True).click()
    assert "Claim assigned to Rita Reviewer." in _message(page)
    _log_out(page)

    # The reviewer finds it in their queue, adds evidence and a note, and verifies it.
    _log_in(page, base, "reviewer")
    page.get_by_label("Assigned to me").check()
    page.get_by_role("button", name="Apply").click()
    # Count the rows of the new page, not of the one the click leaves.
    page.wait_for_url("**assigned_to_me=true**")
    rows = page.locator(".queue-table tbody tr")
    assert rows.count() == 1
    rows.first.get_by_role("link", name=QUOTE).click()
    page.wait_for_url(f"{base}/review/claims/{quote.pk}/*")
    page.get_by_label("Supports the claim").check()
    page.get_by_label("URL", exact=True).fill(
        "https://www.mofa.go.jp/files/100454524.pdf"
    )
    page.get_by_label("Title").fill("Joint statement of Japan and NATO, 31 January 2023")
    page.get_by_label("Excerpt").fill(
        "Japan and NATO are like-minded partners that share strategic interests."
    )
    page.get_by_role("button", name="Add evidence").click()
    assert "Evidence added." in _message(page)
    page.get_by_label("Add a note").fill("The joint statement says the same in other words.")
    page.get_by_role("button", name="Add note").click()
    assert "Note added." in _message(page)
    page.get_by_label("Rating to verify").select_option("accurate")
    verify = page.get_by_role("form", name="Verify")
    verify.get_by_label("Verdict").fill("NATO's record of the visit carries these words.")
    verify.get_by_label("Reasoning").fill("The joint statement of the same day agrees.")
    page.get_by_role("button", name="Verify", exact=True).click()
    assert "Claim verified." in _message(page)
    _log_out(page)

    # A second editor reviews the desk's queue and approves the verified quote.
    _log_in(page, base, "editor2")
    page.goto(f"{base}/review/?release={release.pk}")
    _screenshot(page, "queue")
    page.goto(f"{base}/review/?status=verified")
    page.locator(".queue-table").get_by_role("link", name=QUOTE).click()
    page.wait_for_url(f"{base}/review/claims/{quote.pk}/*")
    assert page.get_by_role("button", name="Approve", exact=True).is_visible()
    claim_shot = _screenshot(page, "claim")
    page.get_by_role("button", name="Approve", exact=True).click()
    assert "Claim approved." in _message(page)

    # The release page counts the approved quote.
    page.get_by_role("link", name=release.title).first.click()
    page.wait_for_url(f"{base}/releases/{release.pk}/")
    progress = page.locator(".release-head .progress-text").inner_text()
    assert progress == f"1 of {total} approved"
    assert page.locator(f'a.hl-approved[data-claim="{quote.pk}"]').count() == 1
    _screenshot(page, "release")

    quote.refresh_from_db()
    assert (quote.status, quote.rating) == ("approved", "accurate")
    assert (quote.checked_by, quote.approved_by) == (reviewer, second_editor)
    assert [e.action for e in quote.events.all()] == [
        "assign", "evidence", "note", "verify", "approve",
    ]

    # Refresh the README's picture only when asked, so a test run leaves the checkout clean.
    if os.environ.get("FACTCHECK_UPDATE_README_SCREENSHOT") == "1":
        shutil.copyfile(claim_shot, README_SCREENSHOT)
