"""An unresolved speaker is shown as such, and what the importer left out is listed."""

import pytest
from django.urls import reverse

from claims.importing import import_text
from claims.models import Claim

pytestmark = pytest.mark.django_db

# Invented people and organisations.
RELEASE = """Harbour board opens new quay

PORTVALE, 4 March – The Portvale Harbour Board met the families on Monday.

“We cannot let this happen again.”

The quay took two years to build.

“This quay doubles what we can land,” said Mira Castellane, chair of the board.

About the Portvale Harbour Board

The board runs the port of Portvale.
"""


@pytest.fixture
def release(editor):
    return import_text(RELEASE, by=editor).release


def test_the_claim_page_says_a_quotes_speaker_is_not_resolved_and_why(reviewer_client, release):
    quote = Claim.objects.get(release=release, kind="quote", speaker__isnull=True)
    page = reviewer_client.get(reverse("claims:claim_detail", args=[quote.pk])).content.decode()
    assert "Speaker not resolved" in page
    assert "no attribution in the quote’s sentence or paragraph" in page


def test_the_claim_page_says_how_a_speaker_was_found(reviewer_client, release):
    quote = Claim.objects.get(release=release, kind="quote", speaker__isnull=False)
    page = reviewer_client.get(reverse("claims:claim_detail", args=[quote.pk])).content.decode()
    assert "Mira Castellane" in page
    assert "Found by the name in the attribution" in page
    assert "Speaker not resolved" not in page


def test_the_queue_shows_an_unresolved_speaker(reviewer_client, release):
    page = reviewer_client.get(reverse("claims:queue"), {"release": release.pk}).content.decode()
    assert "Speaker not resolved" in page


def test_the_release_page_lists_what_was_left_out_on_import(reviewer_client, release):
    page = reviewer_client.get(reverse("claims:release_detail", args=[release.pk]))
    text = page.content.decode()
    assert "Left out on import" in text
    assert "The board runs the port of Portvale." in text
