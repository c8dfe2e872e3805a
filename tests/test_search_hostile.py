"""Searches as people type them, pasted or hostile: both databases find the same claims.

One small desk of real-looking text in several languages and scripts; each query below is
answered alike on SQLite (FTS5) and PostgreSQL (tsvector). Queries whose answers differ by
the databases' languages (stemming, Greek accents, ß typed as ss, decimals) are left out.
"""

import pytest

from claims import search
from claims.models import Claim
from tests import factories

pytestmark = pytest.mark.django_db

TEXTS = [
    "The new ferry terminal opens in 2023.",
    "Le ministère de la Culture finance 1,000 projets.",
    "Die Straße nach Zürich wird gesperrt, sagte der Bürgermeister.",
    "İstanbul'daki liman İSTANBUL için önemli.",
    "Η Αθήνα ανακοίνωσε νέο λιμάνι.",
    "القاهرة تعلن عن ميناء جديد",
    "東京都の港湾局は新しいフェリーを発表した。",
    "Fans 🚢 cheered the arrival of the ferry.",
    "Cafe\u0301 owners and the café du port",
]
FERRY = [0, 7]
FOUND = {
    # Quotes, operators and punctuation of either database's query syntax are plain text.
    '"': [], '""': [], '"ferry': FERRY, "ferry terminal": [0], '"ferry terminal"': [0],
    '"terminal ferry"': [], "*": [], "fer*": FERRY, "-ferry": FERRY, "+ferry": FERRY,
    "NEAR(ferry terminal)": [], "ferry AND terminal": [], "NOT ferry": [], "text:ferry": [],
    "^ferry": FERRY, "(ferry": FERRY, "\\": [], "&": [], "|": [], "!": [],
    "ferry <-> terminal": [0], "%ferry%": FERRY, "ferry_terminal": [0],
    # Case, accents, composed or not, and invisible characters inside a word.
    "ministère": [1], "Ministe\u0300re": [1], "Straße": [2], "zurich": [2],
    "İstanbul": [3], "istanbul": [3], "ISTANBUL": [3], "Αθήνα": [4], "القاهرة": [5],
    "東京都の港湾局": [6], "🚢": [], "\u200fferry": FERRY, "fer\u200bry": FERRY,
    "\u00adferry": FERRY, "cafe": [8], "café": [8], "Cafe\u0301": [8],
    # Stop-words and numbers.
    "the": [0, 7, 8], "le": [1], "der": [2], "de la": [1], "2023": [0], "1,000": [1],
}


@pytest.fixture
def desk():
    # A release title without words of its own ("Ministry …" is "ministère" to PostgreSQL).
    release = factories.ReleaseFactory(title="Desk 7")
    return [
        factories.ClaimFactory(text=text, paragraph__text=text, paragraph__release=release).pk
        for text in TEXTS
    ]


def test_both_databases_find_the_same_claims_for_hostile_and_foreign_searches(desk):
    found = {
        query: sorted(
            desk.index(pk)
            for pk in search.search_claims(Claim.objects.all(), query).values_list(
                "pk", flat=True
            )
        )
        for query in FOUND
    }

    assert found == FOUND


def test_a_word_given_many_times_is_searched_once():
    assert search.parse("ferry " * 50 + "FERRY Ferry") == search.parse("ferry")
