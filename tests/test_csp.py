"""Content-Security-Policy (issue 14: there was none).

Every page answers with a policy that allows no inline script or style, and no page carries
any: no <script> without src, no <style> element, no style="" or on…="" attribute. The API's
documentation pages start their scripts from files; Redoc's page alone accepts <style>
elements that carry its nonce. A browser loads each page under the policy and reports no
violation, and the documentation pages still draw.
"""

import re

import pytest

from claims import workflow
from claims.models import Report
from tests import factories
from tests.test_browser import CHROMIUM_ARGS, PASSWORD, browser  # noqa: F401  (fixture)
from tests.test_reports_formats import export

INLINE_SCRIPT = re.compile(r"<script\b(?![^>]*\bsrc=)(?![^>]*type=\"application/json\")[^>]*>")
INLINE_STYLE = re.compile(r"<style\b|\sstyle=")
HANDLER = re.compile(r"<[^>]+\son[a-z]+\s*=", re.IGNORECASE)


@pytest.fixture
def desk(seed_release, editor, second_editor, reviewer):
    """The seed release with a claim approved, one dismissed, and a recorded report."""
    claims = list(seed_release.claims.order_by("pk"))
    approved, dismissed = claims[0], claims[1]
    workflow.transition(approved, "assign", by=editor, assignee=reviewer)
    workflow.add_evidence(approved, by=reviewer, url="https://www.nato.int/", title="NATO")
    workflow.add_note(approved, by=reviewer, body="Matches the transcript.")
    workflow.transition(approved, "verify", by=reviewer, rating="accurate",
        verdict="It checks out.", reasoning="The record says the same.",
    )
    workflow.transition(approved, "approve", by=second_editor)
    workflow.transition(dismissed, "dismiss", by=editor)
    export("csv", by=editor)
    return {"release": seed_release, "claim": approved, "report": Report.objects.get()}


def pages(desk):
    release, claim, report = desk["release"], desk["claim"], desk["report"]
    speaker = factories.SpeakerFactory()
    return [
        "/review/",
        f"/review/claims/{claim.pk}/",
        "/releases/",
        f"/releases/{release.pk}/",
        "/releases/import/",
        "/reports/",
        f"/reports/{report.pk}/",
        "/admin/",
        "/admin/claims/claim/",
        f"/admin/claims/claim/{claim.pk}/change/",
        "/admin/claims/release/",
        f"/admin/claims/release/{release.pk}/change/",
        "/admin/claims/release/add/",
        f"/admin/claims/release/{release.pk}/delete/",
        f"/admin/claims/speaker/{speaker.pk}/change/",
        "/admin/claims/claimevent/",
        "/admin/auth/user/",
        "/api/docs/",
        "/api/redoc/",
        "/desk/",
        "/notifications/",
        f"/speakers/{claim.speaker_id or speaker.pk}/",
    ]


def test_every_page_forbids_inline_script_and_style_and_carries_none(client, desk, superuser):
    client.force_login(superuser)
    for path in ["/accounts/login/", *pages(desk)]:
        response = client.get(path)
        assert response.status_code == 200, path
        policy = response["Content-Security-Policy"]
        assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy, path
        assert "script-src 'self'" in policy and "frame-ancestors 'none'" in policy, path
        html = response.content.decode()
        assert not INLINE_SCRIPT.search(html), (path, INLINE_SCRIPT.search(html))
        assert not INLINE_STYLE.search(html), (path, INLINE_STYLE.search(html))
        assert not HANDLER.search(html), (path, HANDLER.search(html))


def test_only_the_redoc_page_accepts_styles_by_nonce(client, desk, superuser):
    client.force_login(superuser)
    redoc = client.get("/api/redoc/")
    nonce = re.search(r'nonce="([^"]+)"', redoc.content.decode()).group(1)
    assert f"'nonce-{nonce}'" in redoc["Content-Security-Policy"].split("style-src")[1]
    assert "nonce-" not in client.get("/review/")["Content-Security-Policy"]
    assert "nonce-" not in client.get("/api/docs/")["Content-Security-Policy"]


def test_the_swagger_page_loads_its_start_script_from_the_server(client, desk, superuser):
    script = client.get("/api/docs/?script=")
    assert script.status_code == 200
    assert script["Content-Type"].startswith("application/javascript")
    assert '"validatorUrl": null' in script.content.decode()


@pytest.mark.browser
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_in_a_browser_no_page_breaks_the_policy_and_the_api_docs_draw(
    browser, live_server, desk, superuser  # noqa: F811
):
    context = browser.new_context(viewport={"width": 1280, "height": 800})
    context.set_default_timeout(15_000)
    page = context.new_page()
    violations = []
    page.on(
        "console",
        lambda message: violations.append((page.url, message.text))
        if "Content Security Policy" in message.text and "cdn.redoc.ly" not in message.text
        else None,
    )
    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_label("Username").fill(superuser.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(f"{live_server.url}/review/**")
    for path in pages(desk):
        page.goto(f"{live_server.url}{path}")
        page.wait_for_load_state("networkidle")
        if path == "/api/docs/":
            assert page.locator(".opblock").count() > 10
        if path == "/api/redoc/":
            page.get_by_role("heading", name="List claims and quotes").wait_for()
    context.close()
    # Redoc's footer links a logo from its maker's site: blocked, as everything from elsewhere.
    assert violations == []
