"""Checked before: claims compared with the desk's earlier claims on import."""

import io

import pytest
from django.core.management import call_command

from claims import matching
from claims.importing import import_text
from claims.match_text import match_text, trigram_similarity
from claims.models import Claim, ClaimMatch, ClaimMatchText
from tests import factories


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("Unemployment rose to 2 per cent", "unemployment rose to 2%"),
        ("Two percent of households", "2 % of households"),
        ("1,200 new homes", "1200 new homes"),
        ("1 200 nouveaux logements", "1200 nouveaux logements"),
        ("1.200 neue Wohnungen", "1200 neue Wohnungen"),
        ("a £1.2bn fund", "a £1,200 million fund"),
        ("L’Élysée", "l'elysee"),
        ("twenty-five schools", "25 schools"),
        ("It grew by 1.50 per cent", "it grew by 1.5 percent"),
        ("3,5 Prozent", "3.5%"),
        ("two hundred and fifty homes", "250 homes"),
        ("sept cent soixante-dix migrants", "770 migrants"),
        ("three million people", "3m people"),
        ("zwei Millionen Euro", "2 Mio. Euro"),
        ("dos mil personas", "2.000 personas"),
    ],
)
def test_match_text_ignores_case_accents_punctuation_and_number_formats(one, other):
    assert match_text(one) == match_text(other)


@pytest.mark.parametrize(
    ("one", "other"),
    [
        ("2.5 per cent", "25 per cent"),
        ("1,200 homes", "1,300 homes"),
        ("in 2022", "in 2023"),
        ("one of the schools", "1 of the schools"),
    ],
)
def test_match_text_keeps_different_figures_apart(one, other):
    assert match_text(one) != match_text(other)


def test_it_gives_the_similarity_pg_trgm_gives(db):
    from django.db import connection

    if connection.vendor != "postgresql":
        pytest.skip("pg_trgm is PostgreSQL's")
    a, b = match_text("Allies pledged 2% of GDP"), match_text("NATO allies pledged two per cent")
    with connection.cursor() as cursor:
        cursor.execute("SELECT similarity(%s, %s)", [a, b])
        expected = cursor.fetchone()[0]
    assert trigram_similarity(a, b) == pytest.approx(expected, abs=1e-6)


def _reissued(text, headline):
    """The seed release issued again under another headline: every claim of its body again."""
    return "\n".join([headline, *text.split("\n")[1:]])


def test_an_import_compares_its_claims_with_earlier_releases(
    editor, django_capture_on_commit_callbacks
):
    text = factories.seed_text()
    with django_capture_on_commit_callbacks(execute=True):
        first = import_text(text, by=editor).release
    assert not ClaimMatch.objects.exists()
    with django_capture_on_commit_callbacks(execute=True):
        second = import_text(_reissued(text, "NATO and Japan: a joint statement"), by=editor)
    second = second.release
    body = Claim.objects.filter(release=second, paragraph__position__gt=0)
    assert ClaimMatchText.objects.filter(release=second).count() == second.claims.count()
    for claim in body:
        best = claim.matches.order_by("-similarity").first()
        assert best is not None, claim.text
        assert best.earlier.release_id == first.pk
        assert best.earlier.text == claim.text
        assert best.similarity == pytest.approx(1.0)


def test_claims_left_waiting_are_compared_by_the_command(editor, settings):
    settings.FACTCHECK_MATCHING = "off"
    text = factories.seed_text()
    import_text(text, by=editor)
    second = import_text(_reissued(text, "NATO and Japan: a joint statement"), by=editor)
    assert not ClaimMatchText.objects.exists()
    # One batch holds both releases: the second's claims still find the first's.
    done = list(matching.match_waiting(batch=500))
    assert sum(claims for claims, _links in done) == Claim.objects.count()
    assert ClaimMatch.objects.filter(claim__release=second.release).exists()


def test_the_command_indexes_a_desks_existing_claims_without_comparing_them(editor, settings):
    settings.FACTCHECK_MATCHING = "off"
    text = factories.seed_text()
    import_text(text, by=editor)
    import_text(_reissued(text, "NATO and Japan: a joint statement"), by=editor)
    call_command("match_claims", "--index-only", stdout=io.StringIO())
    assert ClaimMatchText.objects.count() == Claim.objects.count()
    assert not ClaimMatch.objects.exists()


# serialized_rollback: the flush after the test would otherwise drop the desk's groups, which
# the data migration made, for every later test.
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_by_default_the_comparison_runs_in_a_thread_once_the_import_has_committed(settings):
    import threading

    settings.FACTCHECK_MATCHING = "thread"
    text = factories.seed_text()

    def compared():
        # SQLite's shared in-memory test database takes one writer at a time, without waiting:
        # each release's thread is let finish before the next import.
        for thread in threading.enumerate():
            if thread.name.startswith("match-release-"):
                thread.join(timeout=60)

    import_text(text)
    compared()
    second = import_text(_reissued(text, "NATO and Japan: a joint statement")).release
    compared()
    assert ClaimMatchText.objects.count() == Claim.objects.count()
    assert ClaimMatch.objects.filter(claim__release=second).exists()
