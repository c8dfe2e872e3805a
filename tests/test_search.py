"""Search (claims.search): what it finds, on both databases, through every list that offers it,
and its index kept in step with every change of the claims, speakers and releases it reads."""

import dataclasses

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims import search, selectors, workflow
from claims.importing import import_text
from claims.models import Claim, Release
from tests import factories

QUEUE = reverse("claims:queue")
API_CLAIMS = "/api/v1/claims/"
ADMIN_CLAIMS = "/admin/claims/claim/"
RELEASES = reverse("claims:release_list")
API_RELEASES = "/api/v1/releases/"
ADMIN_RELEASES = "/admin/claims/release/"


def claim(text, **kwargs):
    return factories.ClaimFactory(paragraph__text=text, **kwargs)


def found(text):
    return set(search.search_claims(Claim.objects.all(), text).values_list("pk", flat=True))


def found_releases(text):
    return set(search.search_releases(Release.objects.all(), text).values_list("pk", flat=True))


def test_it_folds_case_and_accents_both_ways(db):
    zurich = claim("The ferry leaves Zürich at noon.")
    cafe = claim("A CAFE opened by the harbour.")

    assert found("zurich") == {zurich.pk}
    assert found("ZÜRICH") == {zurich.pk}
    assert found("café") == {cafe.pk}
    assert found("Cafe") == {cafe.pk}


def test_every_word_must_be_there_in_any_order(db):
    both = claim("The ferry terminal reopens in May.")
    reversed_ = claim("A terminal for the new ferry.")
    claim("The ferry is late.")

    assert found("ferry terminal") == {both.pk, reversed_.pk}
    assert found("terminal ferry") == {both.pk, reversed_.pk}


def test_a_phrase_in_quotes_needs_its_words_in_order(db):
    phrase = claim("The ferry terminal reopens in May.")
    claim("A terminal for the new ferry.")

    assert found('"ferry terminal"') == {phrase.pk}
    assert found("“ferry terminal”") == {phrase.pk}
    assert found('"terminal ferry"') == set()


@pytest.mark.parametrize("few", [1_000, 2])
def test_a_search_finding_more_than_a_few_lists_the_same_claims_newest_first(
    editor_client, monkeypatch, few
):
    # Past ``few`` matches, PostgreSQL's lists walk their order's index testing each claim.
    monkeypatch.setattr(search, "CLAIMS", dataclasses.replace(search.CLAIMS, few=few))
    phrase = [claim(f"The ferry terminal reopens in May, phase {n}.") for n in range(3)]
    other = claim("A terminal for the new ferry.")
    phrase_newest_first = [each.pk for each in reversed(phrase)]
    # One word is planned from its statistics, words together hidden from the planner.
    searches = {
        '"ferry terminal"': phrase_newest_first,
        "ferry terminal reopens": phrase_newest_first,
        "ferry": [other.pk, *phrase_newest_first],
    }

    for query, newest_first in searches.items():
        queue = editor_client.get(QUEUE, {"q": query}).context["claims"]
        api = editor_client.get(API_CLAIMS, {"q": query}).json()["results"]
        admin = editor_client.get(ADMIN_CLAIMS, {"q": query}).context["cl"].result_list
        assert [row["id"] for row in queue] == newest_first
        assert [row["id"] for row in api] == newest_first
        assert [each.pk for each in admin] == newest_first


def test_a_word_with_no_hits_finds_nothing(db):
    claim("The ferry terminal reopens in May.")

    assert found("zyxwvut") == set()
    assert found("ferry zyxwvut") == set()


def test_a_word_finds_the_words_it_begins_but_a_short_one_only_itself(db):
    speaker = factories.SpeakerFactory(name="Jens Stoltenberg")
    quote = claim("We stand together.", kind="quote", speaker=speaker)
    europe = claim("Europe will grow.")
    eu = claim("The EU will grow.")

    assert found("stolten") == {quote.pk}
    assert found("eu") == {eu.pk}
    assert found("europ") == {europe.pk}


def test_punctuation_alone_finds_nothing(db):
    claim("Prices rose by 3%.")

    assert found("%") == set()
    assert found('""') == set()


def test_it_finds_claims_by_speaker_name_and_release_title(db):
    speaker = factories.SpeakerFactory(name="Ursula Beispiel")
    quote = claim("We will act.", kind="quote", speaker=speaker)
    titled = claim("Rates stay unchanged.", paragraph__release__title="Harbour authority report")
    claim("Nothing to see.")

    assert found("beispiel") == {quote.pk}
    assert found("ursula beispiel") == {quote.pk}
    assert found("harbour") == {titled.pk}
    assert found("harbour rates") == {titled.pk}


def test_releases_are_found_by_title_organization_and_text(db):
    harbour = factories.ReleaseFactory(
        title="Harbour reopens", body="Harbour reopens\nShips return."
    )
    council = factories.ReleaseFactory(
        title="Budget", body="Budget\nThe council agreed.", organization="Städtische Werke"
    )

    assert found_releases("harbour") == {harbour.pk}
    assert found_releases("ships") == {harbour.pk}
    assert found_releases("stadtische") == {council.pk}
    assert found_releases("zyxwvut") == set()


needs_postgres = pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="other forms of a word come from PostgreSQL's stemming in the release's language",
)


@pytest.mark.parametrize(
    ("language", "text", "query"),
    [
        ("en", "Two ferries leave every hour.", "ferry"),
        ("fr", "Les élections régionales auront lieu en mars.", "election regionale"),
        ("de", "Die Häfen bleiben geschlossen.", "hafen"),
        ("es", "Las elecciones serán en marzo.", "eleccion"),
    ],
)
@pytest.mark.postgres
@needs_postgres
def test_postgres_finds_other_forms_of_a_word_in_the_releases_language(db, language, text, query):
    found_claim = claim(text, paragraph__release__language=language)

    assert found(query) == {found_claim.pk}


@pytest.mark.postgres
@needs_postgres
def test_postgres_still_finds_the_words_its_languages_leave_out(db):
    # "will" and "us" are English stop words: the document keeps every word as written too.
    us = claim("The US will respond.")

    assert found("us") == {us.pk}
    assert found('"us will"') == {us.pk}


@pytest.mark.postgres
@needs_postgres
def test_postgres_keeps_each_claims_words_as_its_text_speaker_and_release_title_give_them(
    db, editor
):
    # A new claim's trigger takes its release title's words from the release's own document
    # (migration 0022), in every language: they must be what the title itself gives.
    import_text(factories.seed_text(), by=editor, organization="NATO")
    claim("Les élections régionales auront lieu en mars.",
          paragraph__release__language="fr", paragraph__release__title="Élections : le calendrier")
    claim("Die Häfen bleiben geschlossen.", paragraph__release__language="de")

    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT count(*), count(*) FILTER (WHERE c.search_document IS DISTINCT FROM "
            "factcheck_document(r.language, c.text, s.name, r.title)) "
            "FROM claims_claim c JOIN claims_release r ON r.id = c.release_id "
            "LEFT JOIN claims_speaker s ON s.id = c.speaker_id"
        )
        claims, different = cursor.fetchone()
    assert claims > 10
    assert different == 0


# In step with every change ----------------------------------------------------------------


def test_an_imported_release_is_found_at_once(db, editor):
    release = import_text(factories.seed_text(), by=editor, organization="NATO").release

    stoltenberg = found("stoltenberg")
    assert stoltenberg
    assert stoltenberg <= set(release.claims.values_list("pk", flat=True))
    assert found_releases("nato japan") == {release.pk}


def test_an_edited_claim_is_found_by_its_new_words_only(db, editor):
    edited = claim("The ferry terminal reopens in May.")
    paragraph = edited.paragraph

    workflow.edit_claim(edited, by=editor, version=edited.version, start=4, end=9,
                        text=paragraph.text[4:9])

    assert found("ferry") == {edited.pk}
    assert found("terminal") == set()


def test_a_changed_speaker_is_found_by_the_new_name(db, editor):
    before = factories.SpeakerFactory(name="Anna Vorher")
    after = factories.SpeakerFactory(name="Berta Nachher")
    quote = claim("We will act.", kind="quote", speaker=before)

    workflow.edit_claim(quote, by=editor, version=quote.version, speaker=after)

    assert found("vorher") == set()
    assert found("nachher") == {quote.pk}


def test_a_renamed_speaker_and_a_retitled_release_are_found_by_their_new_names(db):
    speaker = factories.SpeakerFactory(name="Anna Vorher")
    quote = claim("We will act.", kind="quote", speaker=speaker)
    release = quote.release

    speaker.name = "Anna Nachher"
    speaker.save()
    release.title = "Lighthouse keepers return"
    release.save()

    assert found("vorher") == set()
    assert found("nachher") == {quote.pk}
    assert found("lighthouse") == {quote.pk}
    assert found_releases("lighthouse") == {release.pk}


def test_split_and_merged_claims_are_found_by_their_own_words(db, editor):
    text = "Ferries will run hourly. Tunnels will close at night."
    whole = claim(text)
    at = text.index("Tunnels")

    first, second = workflow.split_claim(whole, by=editor, version=whole.version, at=at)

    assert found("ferries") == {first.pk}
    assert found("tunnels") == {second.pk}

    first.refresh_from_db()
    second.refresh_from_db()
    merged = workflow.merge_claims(
        first, second, by=editor, version=first.version, other_version=second.version
    )

    # The absorbed claim stays, dismissed, with its own words.
    assert found("ferries tunnels") == {merged.pk}
    assert found("tunnels") == {merged.pk, second.pk}


def test_deleted_claims_and_releases_leave_the_index(db):
    gone = claim("The ferry terminal reopens in May.")
    release = gone.release

    release.delete()

    assert found("ferry") == set()
    assert found_releases("ministry") == set()
    assert _index_rows() == (0, 0)


def test_the_index_holds_one_entry_per_claim_and_release(db, editor):
    import_text(factories.seed_text(), by=editor, organization="NATO")
    claim("The ferry terminal reopens in May.").delete()

    assert _index_rows() == (Claim.objects.count(), Release.objects.count())


def _index_rows():
    """How many claims and releases the search index holds."""
    with connection.cursor() as cursor:
        if connection.vendor == "postgresql":
            tables = ("claims_claim", "claims_release")
            where = " WHERE search_document IS NOT NULL"
        else:
            tables = ("claims_claim_search", "claims_release_search")
            where = ""
        counts = []
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {table}{where}")
            counts.append(cursor.fetchone()[0])
    return tuple(counts)


# One search behind every list ---------------------------------------------------------------


@pytest.fixture
def harbour_desk(db):
    speaker = factories.SpeakerFactory(name="Zoë Hafen")
    return {
        "text": claim("The harbour will reopen in May."),
        "speaker": claim("We will rebuild it.", kind="quote", speaker=speaker),
        "title": claim("Costs rose.", paragraph__release__title="Harbour plan"),
        "other": claim("Nothing about it."),
    }


def test_queue_api_and_admin_find_the_same_claims(editor_client, harbour_desk):
    expected = found("harbour")
    assert expected == {harbour_desk["text"].pk, harbour_desk["title"].pk}
    expected_speaker = {harbour_desk["speaker"].pk}

    for query, expected_ids in (("harbour", expected), ("zoe hafen", expected_speaker)):
        queue = editor_client.get(QUEUE, {"q": query}).context["claims"]
        api = editor_client.get(API_CLAIMS, {"q": query}).json()["results"]
        admin = editor_client.get(ADMIN_CLAIMS, {"q": query}).context["cl"].result_list
        assert {row["id"] for row in queue} == expected_ids
        assert {row["id"] for row in api} == expected_ids
        assert {claim.pk for claim in admin} == expected_ids


def test_release_list_api_and_admin_find_the_same_releases(editor_client, harbour_desk):
    expected = {harbour_desk["title"].release_id}

    page = editor_client.get(RELEASES, {"q": "harbour plan"}).context["rows"]
    api = editor_client.get(API_RELEASES, {"q": "harbour plan"}).json()["results"]
    admin = editor_client.get(ADMIN_RELEASES, {"q": "harbour plan"}).context["cl"].result_list

    assert found_releases("harbour plan") == expected
    assert {row["release"].pk for row in page} == expected
    assert {row["id"] for row in api} == expected
    assert {release.pk for release in admin} == expected


@pytest.mark.parametrize("url", [QUEUE, API_CLAIMS, ADMIN_CLAIMS, RELEASES, API_RELEASES])
def test_a_search_costs_the_same_queries_whatever_it_finds(editor_client, url):
    for n in range(3):
        claim(f"Harbour works, part {n}.")

    def queries(query):
        with CaptureQueriesContext(connection) as captured:
            assert editor_client.get(url, {"q": query}).status_code == 200
        return len(captured)

    queries("harbour")  # the first page of a desk fills its caches (the reviewers to assign)
    few = queries("harbour")
    for n in range(20):
        claim(f"Harbour extension, phase {n}.")

    assert queries("harbour") == few


# Ranked by relevance --------------------------------------------------------------------------


@pytest.fixture
def ranked_desk(db):
    """Claims that name the harbour in their text, their speaker's name or their title only."""
    speaker = factories.SpeakerFactory(name="Hanna Harbour")
    return {
        "text": claim("The harbour will reopen in May.", score=0.1),
        "speaker": claim("We will rebuild it.", kind="quote", speaker=speaker, score=0.5),
        "title": claim("Costs rose.", paragraph__release__title="Harbour plan", score=0.9),
    }


def test_the_words_in_a_claims_own_text_rank_first_then_speaker_then_title(ranked_desk):
    ranked = search.search_claims(Claim.objects.all(), "harbour", ranked=True)

    order = list(ranked.order_by(f"-{search.RELEVANCE}", "id").values_list("pk", flat=True))

    assert order == [ranked_desk[name].pk for name in ("text", "speaker", "title")]


def test_the_queue_and_the_api_order_a_search_by_relevance_page_after_page(
    editor_client, ranked_desk
):
    expected = [ranked_desk[name].pk for name in ("text", "speaker", "title")]

    queue = editor_client.get(QUEUE, {"q": "harbour", "ordering": "-relevance"})
    assert [row["id"] for row in queue.context["claims"]] == expected
    assert "Relevance, best match first" in queue.content.decode()

    seen, url, params = [], API_CLAIMS, {"q": "harbour", "ordering": "-relevance", "page_size": 1}
    while url:
        body = editor_client.get(url, params).json()
        seen += [row["id"] for row in body["results"]]
        url, params = body["next"], None
    assert seen == expected


def test_a_search_lists_the_newest_matches_first_unless_asked_for_another_order(
    editor_client, ranked_desk
):
    # Scores that do not follow the order the claims were made in.
    Claim.objects.filter(pk=ranked_desk["text"].pk).update(score=0.95)
    newest = [ranked_desk[name].pk for name in ("title", "speaker", "text")]
    by_score = [ranked_desk[name].pk for name in ("text", "title", "speaker")]

    queue = editor_client.get(QUEUE, {"q": "harbour"})
    api = editor_client.get(API_CLAIMS, {"q": "harbour"}).json()["results"]
    admin = editor_client.get(ADMIN_CLAIMS, {"q": "harbour"}).context["cl"].result_list

    assert [row["id"] for row in queue.context["claims"]] == newest
    assert "sorted by newest first" in queue.content.decode()
    assert [row["id"] for row in api] == newest
    assert [claim.pk for claim in admin] == newest
    for url in (QUEUE, API_CLAIMS):
        response = editor_client.get(url, {"q": "harbour", "ordering": "-score"})
        rows = response.context["claims"] if url == QUEUE else response.json()["results"]
        assert [row["id"] for row in rows] == by_score
    # Without a search, the lists keep the highest scores first.
    unsearched = editor_client.get(QUEUE).context["claims"]
    assert [row["id"] for row in unsearched] == by_score


def test_a_search_counts_its_matches_up_to_a_cap(editor_client, monkeypatch):
    # Counting every match of a common word read a tenth of the desk.
    monkeypatch.setattr(selectors.SearchPaginator, "cap", 2)
    for n in range(3):
        claim(f"Harbour works, part {n}.", paragraph__release__title=f"Harbour plan {n}")

    releases = editor_client.get(RELEASES, {"q": "harbour"})
    admin = editor_client.get(ADMIN_CLAIMS, {"q": "harbour"}).context["cl"]
    everything = editor_client.get(RELEASES)

    assert "2+ releases, newest first" in releases.content.decode()
    assert len(releases.context["rows"]) == 2  # the pages stop at the cap
    assert str(admin.paginator.count) == "2+"
    assert len(admin.result_list) == 3
    assert "3 releases, newest first" in everything.content.decode()
    api = editor_client.get(API_RELEASES, {"q": "harbour"}).json()
    assert api["count"] == 2
    assert len(api["results"]) == 2


def test_relevance_without_a_search_is_refused_by_the_api_and_ignored_by_the_queue(
    editor_client, ranked_desk
):
    api = editor_client.get(API_CLAIMS, {"ordering": "-relevance"})
    queue = editor_client.get(QUEUE, {"ordering": "-relevance"})

    assert api.status_code == 400
    assert "relevance only with a search" in api.content.decode()
    assert queue.status_code == 200
    assert queue.context["sort"] == "-score"
    assert "Relevance" not in queue.content.decode()


def test_a_large_search_sorts_its_newest_matches_by_score_or_relevance_and_says_so(
    editor_client, ranked_desk, monkeypatch
):
    # Sorting a common word's hundred thousand matches took a second or more.
    monkeypatch.setattr(search, "CLAIMS", dataclasses.replace(search.CLAIMS, few=2))
    newest = [ranked_desk[name].pk for name in ("title", "speaker", "text")]
    # The two newest (title 0.9, speaker 0.5), by score; by relevance the speaker's first.
    by_score = [ranked_desk[name].pk for name in ("title", "speaker")]
    by_relevance = [ranked_desk[name].pk for name in ("speaker", "title")]

    for ordering, expected in (("-score", by_score), ("-relevance", by_relevance)):
        params = {"q": "harbour", "ordering": ordering}
        queue = editor_client.get(QUEUE, params)
        api = editor_client.get(API_CLAIMS, params).json()["results"]
        assert [row["id"] for row in queue.context["claims"]] == expected
        assert [row["id"] for row in api] == expected
        assert "finds more than 2 claims sorts its 2 newest" in queue.content.decode()
    listed = editor_client.get(QUEUE, {"q": "harbour"})
    assert [row["id"] for row in listed.context["claims"]] == newest
    assert "sorts its 2 newest" not in listed.content.decode()
