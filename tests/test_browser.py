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


AXE = ROOT / "node_modules" / "axe-core" / "axe.min.js"
DOCS = ROOT / "docs"
PHONE = {"width": 390, "height": 844}
TAKEN = "Beijing is watching closely, and learning lessons that may influence its future decisions."


def _no_axe_violations(browser, base, username, paths):
    """axe-core, served from node_modules (``npm ci``), finds nothing on ``paths``.

    Its script is put into the page by Playwright, in a context that lets it past the CSP;
    the pages themselves run under their own policy everywhere else in this test.
    """
    if not AXE.exists():
        if os.environ.get("CI"):
            pytest.fail("axe-core is missing: run `npm ci` (make test does).")
        return
    context = browser.new_context(viewport={"width": 1366, "height": 768}, bypass_csp=True)
    page = context.new_page()
    if username:
        _log_in(page, base, username)
    found = {}
    for path in paths:
        page.goto(base + path)
        page.add_script_tag(path=str(AXE))
        checked, violations = page.evaluate(
            "async () => { const r = await axe.run(document); return [r.passes.length,"
            " r.violations.map(v => v.id + ': ' + v.help + ' ' +"
            " v.nodes.map(n => n.target).join(' | '))]; }"
        )
        assert checked > 10, f"axe checked little on {path}"
        if violations:
            found[path] = violations
    context.close()
    assert found == {}


def expect(locator):
    """Playwright's assertions, which wait for the page's script to have run."""
    from playwright.sync_api import expect as playwright_expect

    return playwright_expect(locator)


def _tick(page, claim):
    page.get_by_role("checkbox", name=f"Select claim #{claim.pk}").check()


def test_a_whole_day_on_the_desk_by_clicking_and_keyboard(
    browser, page, live_server, editor, second_editor, reviewer, second_reviewer
):
    base = live_server.url

    # The editor lands on the claims awaiting approval (none yet) and imports the release.
    _log_in(page, base, "editor")
    assert "Awaiting approval 0" in page.locator(".site-nav").inner_text()
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

    # A claim the importer missed, added by selecting its words on the release page.
    page.evaluate(
        """() => {
            const walker = document.createTreeWalker(
                document.querySelector('#p2 p'), NodeFilter.SHOW_TEXT);
            const text = walker.nextNode();
            const range = document.createRange();
            range.setStart(text, 0);
            range.setEnd(text, 13);
            getSelection().removeAllRanges();
            getSelection().addRange(range);
        }"""
    )
    add = page.get_by_role("form", name="Add a quote or claim")
    add.get_by_label("To character").wait_for()
    page.wait_for_function("document.getElementById('add-end').value === '13'")
    assert add.get_by_label("Paragraph").input_value() == "2"
    add.get_by_label("What it is").select_option("other")
    add.get_by_role("button", name="Add", exact=True).click()
    assert "added as claim" in _message(page)
    assert release.claims.filter(kind="other", start=0, end=13, paragraph__position=2).exists()
    total = release.claims.count()

    # The queue with its default filters, applied as they are: claims, and no error.
    page.get_by_role("navigation", name="Main").get_by_role("link", name="Review queue").click()
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**/review/?**")
    assert page.locator(".form-errors").count() == 0
    assert page.locator(".queue-table tbody tr").count() == min(total, 25)

    # The quotes to the reviewer in one go.
    page.get_by_label("Kind").select_option("quote")
    page.get_by_role("button", name="Apply").click()
    page.wait_for_url("**kind=quote**")
    quote = Claim.objects.get(release=release, kind="quote", text=QUOTE)
    quotes = release.claims.filter(kind="quote").exclude(pk=quote.pk).exclude(text=TAKEN)
    chosen = [quote, *quotes.order_by("-score", "id")[:3]]
    for claim in chosen:
        _tick(page, claim)
    page.get_by_label("Assign to").select_option(label="Rita Reviewer")
    page.get_by_role("button", name="Assign", exact=True).click()
    assert f"Assigned {len(chosen)} claims to Rita Reviewer" in _message(page)
    _log_out(page)

    # The reviewer lands on their open claims and opens the quote.
    _log_in(page, base, "reviewer")
    assert f"My open claims {len(chosen)}" in page.locator(".site-nav").inner_text()
    page.get_by_role("button", name="Apply").click()  # "Assigned to me" as the page has it
    page.wait_for_url("**assigned_to_me=true**")
    assert page.locator(".form-errors").count() == 0
    assert page.locator(".queue-table tbody tr").count() == len(chosen)
    page.keyboard.press("?")
    assert page.get_by_role("dialog", name="Keyboard shortcuts").is_visible()
    page.keyboard.press("Escape")
    page.locator(".queue-table").get_by_role("link", name=QUOTE).click()
    page.wait_for_url(f"**/review/claims/{quote.pk}/?**")

    # The ruling typed first survives adding the evidence (a reload).
    verify = page.get_by_role("form", name="Verify")
    verify.get_by_label("Rating to verify").select_option("accurate")
    verify.get_by_label("Verdict").fill("NATO's record of the visit carries these words.")
    verify.get_by_label("Reasoning").fill("The joint statement of the same day agrees.")
    page.get_by_label("Supports the claim").check()
    page.get_by_label("URL", exact=True).fill("https://www.mofa.go.jp/files/100454524.pdf")
    page.get_by_label("Title").fill("Joint statement of Japan and NATO, 31 January 2023")
    page.get_by_label("Excerpt").fill(
        "Japan and NATO are like-minded partners that share strategic interests."
    )
    page.get_by_role("button", name="Add evidence").click()
    assert "Evidence added." in _message(page)
    expect(page.locator(".messages .message")).to_be_focused()
    verify = page.get_by_role("form", name="Verify")
    expect(verify.get_by_label("Verdict")).to_have_value(
        "NATO's record of the visit carries these words."
    )
    expect(verify.get_by_label("Rating to verify")).to_have_value("accurate")
    verify.get_by_role("button", name="Verify", exact=True).click()
    assert "Claim verified." in _message(page)
    _log_out(page)

    # Another reviewer takes a claim by keyboard and disputes it; the timeline has it all.
    taken = Claim.objects.get(release=release, kind="quote", text=TAKEN)
    _log_in(page, base, "reviewer2")
    page.goto(f"{base}/review/claims/{taken.pk}/")
    page.keyboard.press("t")
    page.wait_for_load_state()
    assert "Claim taken" in _message(page)
    dispute = page.get_by_role("form", name="Dispute")
    dispute.get_by_label("Rating to dispute").select_option("misleading")
    dispute.get_by_label("Verdict").fill("Australia is as close a partner.")
    dispute.get_by_label("Reasoning").fill("NATO names four partners in the region alike.")
    dispute.get_by_label("Internal note").fill("Checked the 2022 summit communiqué.")
    page.get_by_label("Add a note").fill("Asked NATO's press office.")
    page.get_by_role("button", name="Add note").click()
    assert "Note added." in _message(page)
    dispute = page.get_by_role("form", name="Dispute")
    # Restored by the page's script once it has run, hence a check that waits for it.
    expect(dispute.get_by_label("Internal note")).to_have_value(
        "Checked the 2022 summit communiqué."
    )
    dispute.get_by_role("button", name="Dispute", exact=True).click()
    assert "Claim disputed." in _message(page)
    timeline = page.locator("#timeline").inner_text()
    assert "Asked NATO's press office." in timeline
    assert "Checked the 2022 summit communiqué." in timeline
    _log_out(page)

    # The second editor approves both from "Awaiting approval", one after the other.
    _log_in(page, base, "editor2")
    assert "Awaiting approval 2" in page.locator(".site-nav").inner_text()
    page.locator(".queue-table a.claim-link").first.click()
    page.get_by_role("button", name="Approve and next").click()
    page.get_by_role("button", name="Approve and back to the list").click()
    page.wait_for_url("**/review/?**")
    assert "That was the last claim of this list." in _message(page)
    for claim in (quote, taken):
        claim.refresh_from_db()
        assert claim.status == "approved"
    _log_out(page)

    # Anyone reads the published fact-check, logged out.
    page.goto(f"{base}/fact-checks/{quote.pk}/")
    assert "NATO's record of the visit carries these words." in page.content()
    assert "like-minded partners" in page.content()

    # The editor exports every format; each carries the ruling.
    _log_in(page, base, "editor")
    page.get_by_role("link", name="Reports").click()
    buttons = page.locator("form.report-download button")
    labels = [buttons.nth(i).inner_text() for i in range(buttons.count())]
    assert len(labels) == 5
    for label in labels:
        button = page.locator("form.report-download").get_by_role("button", name=label, exact=True)
        with page.expect_download() as download:
            button.click()
        content = Path(download.value.path()).read_bytes()
        if content.startswith(b"%PDF"):
            from io import BytesIO

            from pypdf import PdfReader

            content = " ".join(p.extract_text() for p in PdfReader(BytesIO(content)).pages)
            content = " ".join(content.split()).encode()
        assert b"Australia is as close a partner." in content, label
        page.goto(f"{base}/reports/")
    _log_out(page)

    # On a phone: the queue's status shows, its filters fold away, and Verify is near the top.
    phone = browser.new_context(viewport=PHONE, locale="en-GB", is_mobile=True)
    phone.set_default_timeout(15_000)
    small = phone.new_page()
    _log_in(small, base, "reviewer")
    small.goto(f"{base}/review/")
    assert not small.locator("details.filters-box").evaluate("d => d.open")
    badge = small.locator(".queue-table tbody tr").first.locator(".badge").bounding_box()
    assert badge["x"] + badge["width"] <= PHONE["width"]
    pending = release.claims.filter(status="pending").order_by("-score").first()
    small.goto(f"{base}/review/claims/{pending.pk}/")
    take = small.get_by_role("button", name="Take", exact=True).bounding_box()
    evidence = small.locator("#evidence").bounding_box()
    assert take["y"] < evidence["y"]
    phone_claim = _screenshot(small, "claim-phone")
    _log_out(small)
    small.goto(f"{base}/fact-checks/{quote.pk}/")
    phone_public = _screenshot(small, "public-phone")
    phone.close()

    _no_axe_violations(browser, base, "editor", [
        "/review/", f"/review/claims/{quote.pk}/", f"/releases/{release.pk}/", "/releases/",
        "/releases/import/", "/reports/",
    ])
    _no_axe_violations(browser, base, None, [
        "/accounts/login/", "/fact-checks/", f"/fact-checks/{quote.pk}/",
    ])

    # Refresh the README's pictures only when asked, so a test run leaves the checkout clean.
    if os.environ.get("FACTCHECK_UPDATE_README_SCREENSHOT") == "1":
        shutil.copyfile(phone_claim, DOCS / "claim-page-phone.png")
        shutil.copyfile(phone_public, DOCS / "public-page-phone.png")
