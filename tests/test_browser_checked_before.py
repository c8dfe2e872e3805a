"""Checked before in a real browser: a reviewer opens a claim the desk checked before, in an
earlier release, and starts from that check. Saves ``artifacts/screenshots/checked-before.png``
(copied to ``docs/checked-before.png`` for the README when
FACTCHECK_UPDATE_README_SCREENSHOT=1)."""

import os
import re
import shutil

import pytest

from claims import workflow
from claims.importing import import_text
from claims.models import Claim
from tests import factories
from tests.test_browser import QUOTE, ROOT, _log_in, _screenshot, browser, page  # noqa: F401

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]


def test_a_reviewer_starts_from_a_check_made_on_an_earlier_release(
    page, live_server, editor, second_editor, reviewer  # noqa: F811
):
    # The desk checked the quote in the release of 31 January; the same release comes back
    # under another headline (claims are compared as the import commits: FACTCHECK_MATCHING).
    text = factories.seed_text()
    first = import_text(text, by=editor).release
    earlier = Claim.objects.filter(release=first, kind="quote", text__startswith=QUOTE[:20])
    earlier = earlier.exclude(paragraph__position=0).order_by("id").first()
    workflow.transition(earlier, "take", by=reviewer)
    workflow.add_evidence(
        earlier, by=reviewer, url="https://www.nato.int/cps/en/natohq/news_211294.htm",
        title="NATO: Secretary General in Japan", stance="supports",
    )
    workflow.transition(earlier, "verify", by=reviewer, rating="accurate", **factories.RULING)
    workflow.transition(earlier, "approve", by=second_editor)
    second = import_text("\n".join(["NATO and Japan, again", *text.split("\n")[1:]]), by=editor)
    later = Claim.objects.get(release=second.release, text=earlier.text, kind="quote")
    workflow.transition(later, "take", by=reviewer)

    base = live_server.url
    _log_in(page, base, reviewer.username)
    page.goto(f"{base}{later.get_absolute_url()}")
    panel = page.locator("#checked-before")
    row = panel.locator(".earlier-claim", has_text=f"#{earlier.pk}")
    assert "Rated accurate" in row.inner_text()
    assert "100% alike" in row.inner_text()
    row.get_by_role("button", name="Start from this check").click()
    page.locator(".messages").wait_for()
    assert re.search(r"Started from the check of #\d+", page.locator(".messages").inner_text())
    assert f"This check started from #{earlier.pk}" in panel.inner_text()
    # A draft: the verify form holds the earlier ruling, and the claim is still in review.
    assert page.locator("#verdict-verify").input_value() == factories.RULING["verdict"]
    assert "In review" in page.locator(".claim-head").inner_text()
    shot = _screenshot(page, "checked-before")
    if os.environ.get("FACTCHECK_UPDATE_README_SCREENSHOT") == "1":
        shutil.copyfile(shot, ROOT / "docs" / "checked-before.png")
