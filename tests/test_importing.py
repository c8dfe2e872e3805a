"""Importing releases into the database: one transaction, no duplicates, offsets that hold."""

from unittest import mock

import pytest
from django.db import transaction
from django.db.models import F

from claims.importing import ImportRefused, import_bytes, import_text
from claims.models import Claim, Paragraph, Release, ReviewStatus, Speaker
from tests.factories import seed_text

pytestmark = pytest.mark.django_db

MULTI_PARAGRAPH = """University wins grant for flood research
Professor Amara Okafor, Head of the School of Earth Sciences at the University of Leeds, \
said: “This grant lets us study floods where they start.
“We will share every model we build with the councils that need them.”
The £2.4 million grant runs until 2029.
"""


def test_every_stored_claim_slices_its_paragraph(seed_release):
    claims = Claim.objects.filter(release=seed_release).select_related("paragraph")
    assert claims.count() >= 12
    for claim in claims:
        assert claim.paragraph.text[claim.start : claim.end] == claim.text


def test_the_seed_quotes_are_stoltenbergs(seed_release):
    quotes = seed_release.claims.filter(kind="quote").select_related("speaker", "paragraph")
    assert [q.paragraph.position for q in quotes] == [1, 3, 5, 5]
    assert {q.speaker.name for q in quotes} == {"Jens Stoltenberg"}
    speaker = Speaker.objects.get(name="Jens Stoltenberg")
    assert "the Secretary General" in speaker.aliases
    assert speaker.role == "NATO Secretary General"


def test_the_headline_points_at_the_quote_it_repeats(seed_release):
    headline_claim = seed_release.claims.get(paragraph__position=0, repeats__isnull=False)
    assert headline_claim.repeats.text == "No NATO partner is closer or more capable than Japan"
    assert headline_claim.repeats.paragraph.position == 1


def test_a_quote_over_two_paragraphs_is_two_linked_segments(editor):
    release = import_text(MULTI_PARAGRAPH, by=editor).release
    first, second = release.claims.filter(kind="quote").order_by("paragraph__position")
    assert first.continues is None
    assert second.continues == first
    assert first.speaker.name == "Amara Okafor"
    assert first.text.startswith("This grant lets us study floods")
    assert second.text.startswith("We will share every model")


TWO_QUOTES_OVER_PARAGRAPHS = """Council to light every footbridge by winter
Councillor Mira Tandon, chair of the Harbour Committee, said: “Every footbridge will be lit \
by December.
“The lamps use a third of the power of the old ones.”
The engineer in charge, Tomasz Wren, said: “The first twenty lamps arrive in October.
“Each one runs for ten years without a change of bulb.”
"""


def test_quotes_over_paragraphs_are_linked_at_the_cost_of_one_whatever_their_number(
    editor, django_assert_max_num_queries
):
    with django_assert_max_num_queries(12) as one_link:
        import_text(MULTI_PARAGRAPH, by=editor)
    with django_assert_max_num_queries(len(one_link.captured_queries)):
        release = import_text(TWO_QUOTES_OVER_PARAGRAPHS, by=editor).release

    quotes = list(release.claims.filter(kind="quote").order_by("paragraph__position"))
    assert [quote.continues for quote in quotes] == [None, quotes[0], None, quotes[2]]
    assert [quote.speaker.name for quote in quotes] == ["Mira Tandon"] * 2 + ["Tomasz Wren"] * 2


def test_the_same_text_with_other_newlines_and_a_bom_finds_the_existing_release(editor):
    first = import_text(seed_text(), by=editor)
    again = import_bytes(("\ufeff" + seed_text().replace("\n", "\r\n")).encode("utf-8"), by=editor)
    assert first.created and not again.created
    assert again.release == first.release
    assert Release.objects.count() == 1


def test_curly_quotes_and_apostrophes_are_kept_as_written(seed_release):
    paragraph = seed_release.paragraphs.get(position=1)
    assert "“No NATO partner" in paragraph.text
    assert "NATO’s deepening partnership" in paragraph.text


def test_nbsp_and_repeated_spaces_are_normalized(editor):
    release = import_text(
        "Ministry  opens\u00a0office\nThe office opens on 3 May 2027 in Leeds.\n", by=editor
    ).release
    assert release.title == "Ministry opens office"


def test_a_failure_halfway_saves_nothing(editor):
    # The last write links the quote's second paragraph to its first; it fails here.
    with (
        mock.patch("claims.importing._link", side_effect=RuntimeError),
        pytest.raises(RuntimeError),
    ):
        import_text(MULTI_PARAGRAPH, by=editor)
    assert Release.objects.count() == Paragraph.objects.count() == Claim.objects.count() == 0
    assert Speaker.objects.count() == 0


def test_a_speaker_is_shared_across_releases(editor):
    import_text(seed_text(), by=editor)
    import_text(
        "NATO chief visits Seoul\n"
        "NATO Secretary General Jens Stoltenberg arrived in Seoul on Sunday. "
        "“Our partnership matters,” said Mr Stoltenberg.\n",
        by=editor,
    )
    speaker = Speaker.objects.get(name="Jens Stoltenberg")
    assert speaker.claims.filter(kind="quote").values("release").distinct().count() == 2


def test_text_over_the_size_limit_is_refused(editor, settings):
    settings.FACTCHECK_MAX_RELEASE_BYTES = 1000
    with pytest.raises(ImportRefused, match="over the limit of 1,000 bytes"):
        import_text(seed_text(), by=editor)
    assert Release.objects.count() == 0


def test_no_claim_has_an_empty_or_inverted_span(seed_release):
    assert not Claim.objects.filter(start__gte=F("end")).exists()


def test_a_failure_saving_the_claims_leaves_no_release_or_speaker(editor):
    with (
        mock.patch.object(Claim.objects, "bulk_create", side_effect=RuntimeError),
        pytest.raises(RuntimeError),
    ):
        import_text(seed_text(), by=editor)
    assert Release.objects.count() == Paragraph.objects.count() == Claim.objects.count() == 0
    assert Speaker.objects.count() == 0


def _release_quoting(names):
    quotes = " ".join(
        f"“We will open {number + 2} new clinics by 2030,” said {name}, the health minister."
        for number, name in enumerate(names)
    )
    return f"Ministry plans clinics for {len(names)} regions\n{quotes}\n"


def test_import_queries_do_not_grow_with_speakers_and_claims(editor, django_assert_max_num_queries):
    with django_assert_max_num_queries(12) as few:
        small = import_text(_release_quoting(["Amara Okafor"]), by=editor)
    with django_assert_max_num_queries(len(few.captured_queries)):
        large = import_text(
            _release_quoting(["Jane Moss", "Tomas Berg", "Ines Alves", "Omar Said"]), by=editor
        )
    assert (small.speakers, large.speakers) == (1, 4)
    assert large.quotes > small.quotes


def test_what_the_import_returns_is_what_the_desk_stores(editor):
    result = import_text(
        seed_text(), by=editor, organization="NATO", source_url="https://www.nato.int/x"
    )
    stored = Release.objects.get()
    returned = result.release
    assert returned.pk == stored.pk and not returned._state.adding
    assert (returned.title, returned.body, returned.content_sha256) == (
        stored.title, stored.body, stored.content_sha256,
    )
    assert (returned.organization, returned.source_url) == ("NATO", "https://www.nato.int/x")
    assert returned.created_at == stored.created_at and returned.imported_by == editor
    assert result.summary().startswith(f"Imported release #{stored.pk} “{stored.title}”")


def test_new_claims_start_pending_unassigned_with_their_reasons(seed_release):
    claims = list(seed_release.claims.all())
    assert {claim.status for claim in claims} == {ReviewStatus.PENDING}
    assert {claim.version for claim in claims} == {1}
    assert not any(claim.rating or claim.assignee_id or claim.checked_by_id for claim in claims)
    assert all(
        claim.created_at == claim.updated_at == seed_release.created_at for claim in claims
    )
    quotes = [claim for claim in claims if claim.kind == "quote"]
    assert all(quote.reasons[0] == "direct_quote" for quote in quotes)
    assert all(isinstance(claim.reasons, list) and claim.reasons for claim in claims)


def test_a_quote_scores_by_what_it_says_so_a_figure_outranks_a_pledge(editor):
    release = import_text(
        "Council sets out its budget\n"
        "“We will always stand by our residents,” said Mayor Dana Whitfield.\n"
        "“Rents rose by 14% in 2023, twice the national rate,” she said.\n",
        by=editor,
    ).release
    pledge, figure = release.claims.filter(kind="quote").order_by("paragraph__position")
    assert figure.score > pledge.score
    assert figure.score < 1.0
    assert {"number", "date"} <= set(figure.reasons)
    assert pledge.reasons[0] == figure.reasons[0] == "direct_quote"


def test_a_release_of_hundreds_of_claims_is_stored_whole(editor):
    # More rows than SQLite takes parameters in one statement: the rows go in several.
    sentences = " ".join(
        f"The council will build {number + 10} homes in district {number} by 2030."
        for number in range(240)
    )
    result = import_text(f"Council publishes its housing plan\n{sentences}\n", by=editor)
    assert result.claims >= 240
    assert result.release.claims.count() == result.quotes + result.claims
    for claim in result.release.claims.select_related("paragraph"):
        assert claim.paragraph.text[claim.start : claim.end] == claim.text


def test_a_speaker_on_file_gains_the_new_aliases_and_a_missing_role(editor):
    Speaker.objects.create(name="Jens Stoltenberg", aliases=["Mr Stoltenberg"])
    import_text(seed_text(), by=editor)
    speaker = Speaker.objects.get(name="Jens Stoltenberg")
    assert speaker.role == "NATO Secretary General"
    assert {"Mr Stoltenberg", "the Secretary General"} <= set(speaker.aliases)
    assert speaker.aliases == sorted(speaker.aliases)
    assert speaker.claims.filter(kind="quote").count() == 4


def test_a_failed_import_leaves_the_callers_transaction_usable(editor):
    with transaction.atomic():
        with (
            mock.patch("claims.importing._link", side_effect=RuntimeError),
            pytest.raises(RuntimeError),
        ):
            import_text(MULTI_PARAGRAPH, by=editor)
        # The caller goes on in its own transaction: the import's savepoint took back its rows.
        import_text(seed_text(), by=editor)
    assert Release.objects.count() == 1
