"""Every speaker's record: the page, its roles over time, and the editors' merge and split of
records (claims and aliases move, both histories say so, one transaction)."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims import workflow
from claims.importing import import_text
from claims.models import Claim, Speaker, SpeakerEvent, SpeakerRole
from tests import factories


@pytest.fixture
def two_records(db):
    """One person under two records: “Jens Stoltenberg” and “J. Stoltenberg”."""
    jens = factories.SpeakerFactory(name="Jens Stoltenberg", role="NATO Secretary General",
                                    aliases=["the Secretary General"])
    short = factories.SpeakerFactory(name="J. Stoltenberg", role="", aliases=["Mr Stoltenberg"])
    mine = [factories.ClaimFactory(speaker=jens, kind="quote") for _ in range(2)]
    theirs = [factories.ClaimFactory(speaker=short, kind="quote") for _ in range(3)]
    return jens, short, mine, theirs


def test_merging_moves_claims_and_aliases_and_both_histories_say_so(two_records, editor):
    jens, short, mine, theirs = two_records
    event = workflow.merge_speakers(jens, short, by=editor, note="Same person.")

    assert set(Claim.objects.filter(speaker=jens).values_list("pk", flat=True)) == {
        c.pk for c in mine + theirs
    }
    jens.refresh_from_db()
    short.refresh_from_db()
    assert jens.aliases == ["the Secretary General", "J. Stoltenberg", "Mr Stoltenberg"]
    assert short.merged_into == jens
    assert event.claim_ids == sorted(c.pk for c in theirs)
    events = SpeakerEvent.objects.order_by("id")
    assert [(e.speaker, e.other, e.action, e.note) for e in events] == [
        (jens, short, "merge", "Same person."), (short, jens, "merge", "Same person."),
    ]


def test_a_merged_record_cannot_take_part_in_another_merge(two_records, editor):
    jens, short, _, _ = two_records
    workflow.merge_speakers(jens, short, by=editor)
    other = factories.SpeakerFactory(name="Someone Else")
    with pytest.raises(workflow.InvalidTransition, match="merged into another record already"):
        workflow.merge_speakers(other, short, by=editor)


def test_only_editors_merge(two_records, reviewer):
    jens, short, _, _ = two_records
    with pytest.raises(workflow.PermissionDenied):
        workflow.merge_speakers(jens, short, by=reviewer)
    assert not SpeakerEvent.objects.exists()
    assert Claim.objects.filter(speaker=short).count() == 3


def test_a_failing_merge_changes_nothing(two_records, editor, monkeypatch):
    jens, short, _, _ = two_records

    def broken(*args, **kwargs):
        raise RuntimeError("the roles table is gone")

    monkeypatch.setattr(workflow.speakers, "_merge_roles", broken)
    with pytest.raises(RuntimeError):
        workflow.merge_speakers(jens, short, by=editor)
    assert Claim.objects.filter(speaker=short).count() == 3
    short.refresh_from_db()
    assert short.merged_into is None and not SpeakerEvent.objects.exists()


def test_a_wrong_merge_is_split_back_out(two_records, editor):
    jens, short, mine, theirs = two_records
    event = workflow.merge_speakers(jens, short, by=editor)

    back = workflow.split_speaker(jens, by=editor, claim_ids=event.claim_ids,
                                  aliases=["Mr Stoltenberg"], into=short)
    assert back == short
    assert set(Claim.objects.filter(speaker=short).values_list("pk", flat=True)) == {
        c.pk for c in theirs
    }
    jens.refresh_from_db()
    short.refresh_from_db()
    assert "Mr Stoltenberg" not in jens.aliases and "Mr Stoltenberg" in short.aliases
    assert short.merged_into is None  # a person of its own again
    assert list(SpeakerEvent.objects.filter(action="split").order_by("id").values_list(
        "speaker", "other")) == [
        (jens.pk, short.pk), (short.pk, jens.pk),
    ]


def test_split_into_a_new_record(two_records, editor):
    jens, _, mine, _ = two_records
    new = workflow.split_speaker(jens, by=editor, claim_ids=[mine[0].pk], name="Jens Holm")
    assert new.name == "Jens Holm"
    assert list(new.claims.values_list("pk", flat=True)) == [mine[0].pk]


def test_split_refuses_claims_that_are_not_the_speakers(two_records, editor):
    jens, _, _, theirs = two_records
    with pytest.raises(workflow.MissingRequirement, match="not this speaker's"):
        workflow.split_speaker(jens, by=editor, claim_ids=[theirs[0].pk], name="Jens Holm")
    assert not Speaker.objects.filter(name="Jens Holm").exists()  # one transaction


def test_an_import_naming_a_merged_record_speaks_for_the_person(editor, seed_release):
    jens = Speaker.objects.get(name="Jens Stoltenberg")
    alias = factories.SpeakerFactory(name="Stoltenberg Jens")
    workflow.merge_speakers(alias, jens, by=editor)  # the seed's name merged into another
    text = factories.seed_text().replace("Tokyo", "Kyoto")
    release = import_text(text, by=editor).release
    speakers = set(release.claims.exclude(speaker=None).values_list("speaker", flat=True))
    assert alias.pk in speakers and jens.pk not in speakers


def test_the_import_keeps_each_speakers_roles_over_time(editor, seed_release):
    [role] = SpeakerRole.objects.filter(speaker__name="Jens Stoltenberg")
    assert role.role == "NATO Secretary General"
    assert role.first_release == role.last_release == seed_release
    later = import_text(factories.seed_text().replace("Tokyo", "Kyoto"), by=editor,
                        published_on="2024-02-01").release
    role.refresh_from_db()
    assert (role.first_release, role.last_release) == (seed_release, later)
    assert str(role.last_seen) == "2024-02-01"


# The page and the API --------------------------------------------------------------------------


def test_the_speaker_page_lists_everything_they_said_with_ratings_and_roles(
    editor_client, seed_release
):
    jens = Speaker.objects.get(name="Jens Stoltenberg")
    page = editor_client.get(f"/speakers/{jens.pk}/").content.decode()
    assert "Jens Stoltenberg" in page and "NATO Secretary General" in page
    assert "No NATO partner is closer or more capable than Japan" in page
    assert 'id="ratings-table"' in page and "Roles over time" in page
    assert "Merge another record into this one" in page


def test_a_reviewer_reads_the_record_but_cannot_merge(reviewer_client, two_records):
    jens, short, _, _ = two_records
    page = reviewer_client.get(f"/speakers/{jens.pk}/").content.decode()
    assert "Merge another record" not in page
    answer = reviewer_client.post(f"/speakers/{jens.pk}/merge/", {"other": short.pk})
    assert answer.status_code == 403
    assert Claim.objects.filter(speaker=short).count() == 3


def test_outsiders_see_no_speaker(outsider_client, two_records):
    assert outsider_client.get(f"/speakers/{two_records[0].pk}/").status_code == 403


def test_an_editor_merges_and_splits_back_on_the_page(editor_client, two_records):
    jens, short, _, theirs = two_records
    answer = editor_client.post(f"/speakers/{jens.pk}/merge/", {"other": short.pk},
                                follow=True)
    assert "3 claims and 2 aliases moved" in answer.content.decode()
    assert "Split it back out" in answer.content.decode()
    data = {"into": short.pk, "claims": [c.pk for c in theirs], "aliases": ["Mr Stoltenberg"]}
    answer = editor_client.post(f"/speakers/{jens.pk}/split/", data, follow=True)
    assert "Moved to “J. Stoltenberg”: 3 claims, 1 aliases." in answer.content.decode()
    assert Claim.objects.filter(speaker=short).count() == 3


def test_the_speaker_page_costs_the_same_queries_for_2_or_60_claims(editor_client, two_records):
    jens = two_records[0]
    with CaptureQueriesContext(connection) as few:
        editor_client.get(f"/speakers/{jens.pk}/")
    for _ in range(58):
        factories.ClaimFactory(speaker=jens, kind="quote")
    with CaptureQueriesContext(connection) as more:
        answer = editor_client.get(f"/speakers/{jens.pk}/")
    assert len(more) == len(few)
    assert 'rel="next"' in answer.content.decode()


def test_the_api_merges_and_splits_for_editors_only(client, editor, reviewer, two_records):
    jens, short, _, theirs = two_records
    client.force_login(reviewer)
    refused = client.post(f"/api/v1/speakers/{jens.pk}/merge/", {"other": short.pk},
                          content_type="application/json")
    assert refused.status_code == 403
    client.force_login(editor)
    merged = client.post(f"/api/v1/speakers/{jens.pk}/merge/", {"other": short.pk},
                         content_type="application/json")
    assert merged.status_code == 200, merged.json()
    assert merged.json()["merged"] == [{"id": short.pk, "name": "J. Stoltenberg"}]
    detail = client.get(f"/api/v1/speakers/{jens.pk}/").json()
    assert [e["action"] for e in detail["history"]] == ["merge"]
    assert detail["status_counts"]["pending"] == 5
    split = client.post(f"/api/v1/speakers/{jens.pk}/split/",
                        {"claims": [theirs[0].pk], "into": short.pk},
                        content_type="application/json")
    assert split.status_code == 200, split.json()
    again = client.post(f"/api/v1/speakers/{jens.pk}/split/", {"claims": [theirs[0].pk],
                        "name": "Nobody"}, content_type="application/json")
    assert again.status_code == 400
    assert again.json()["error"]


def test_a_blank_alias_in_a_split_is_named_by_its_place_in_the_list(client, editor, two_records):
    jens, short, _, _ = two_records
    client.force_login(editor)

    answer = client.post(f"/api/v1/speakers/{jens.pk}/split/",
                         {"aliases": ["J. Stoltenberg", " "], "into": short.pk},
                         content_type="application/json")

    assert answer.status_code == 400
    assert answer.json()["fields"] == {"aliases": ["Item 2: This field may not be blank."]}


def test_a_split_naming_a_claim_id_past_the_database_range_is_refused(client, editor, two_records):
    jens, short, _, _ = two_records
    client.force_login(editor)

    answer = client.post(f"/api/v1/speakers/{jens.pk}/split/",
                         {"claims": [2**70], "into": short.pk}, content_type="application/json")

    assert answer.status_code == 400
    assert list(answer.json()["fields"]) == ["claims"]
