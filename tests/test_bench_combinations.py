"""The benchmark's sampled combinations (bench/combinations.py): what an editor combines on a
list is requested together, and the largest release is the largest the import accepts."""

import pytest

from bench.combinations import combinations, largest_release
from claims import importing
from claims.importing import ImportRefused

WORDS = {"common": "minister", "rare": "Stoltenberg", "none": "vorpalquux"}
# A queue page's choices, one at a time, as bench/catalog.py reads them from its links.
QUEUE = [
    ({"status": "pending"}, [("status", "pending")]),
    ({"status": "approved"}, [("status", "approved")]),
    ({"release": "7"}, [("release", "<first>")]),
    ({"assignee": "3"}, [("assignee", "<first>")]),
    ({"ordering": "-score"}, [("ordering", "-score")]),
    ({"ordering": "-newest"}, [("ordering", "-newest")]),
    ({"ordering": "-relevance"}, [("ordering", "-relevance")]),
    ({"q": "minister"}, [("q", "<common>")]),
    ({"q": "Stoltenberg"}, [("q", "<rare>")]),
]


def test_every_filter_meets_every_ordering_and_both_search_words():
    found = [params for params, _ in combinations(QUEUE, WORDS)]

    for one in ({"status": "pending"}, {"release": "7"}, {"assignee": "3"}):
        for ordering in ("-score", "-newest"):
            assert {**one, "ordering": ordering} in found
        for word in ("minister", "Stoltenberg"):
            assert {**one, "q": word} in found
    # No sort by relevance without a search, and a word with no hits is left to the list.
    assert not any(params.get("ordering") == "-relevance" for params in found)
    assert not any(params.get("q") == "vorpalquux" for params in found)


def test_a_status_tab_a_release_a_reviewer_and_a_search_go_together_in_each_order():
    found = [params for params, _ in combinations(QUEUE, WORDS)]

    together = {"status": "pending", "release": "7", "assignee": "3"}
    for ordering in ("-score", "-newest"):
        assert {**together, "q": "Stoltenberg", "ordering": ordering} in found
        assert {**together, "ordering": ordering} in found


def test_the_keys_name_the_choices_not_the_ids():
    keys = [labels for _, labels in combinations(QUEUE, WORDS)]

    assert [("status", "pending"), ("release", "<first>"), ("assignee", "<first>"),
            ("q", "<rare>"), ("ordering", "-newest")] in keys


@pytest.mark.django_db
def test_the_largest_release_is_imported_and_one_more_paragraph_is_refused(settings):
    settings.FACTCHECK_MAX_PARAGRAPHS = 40
    settings.FACTCHECK_MAX_CLAIMS = 1000
    text = largest_release()

    result = importing.import_text(text)
    assert result.created and result.release.paragraphs.count() > 30
    with pytest.raises(ImportRefused, match="paragraphs"):
        importing.import_text(text + "\n" + text.split("\n", 1)[1])
