"""Search of claims and releases, on the database's own full-text index.

One function for each: ``search_claims`` serves the review queue, the API's claim list and the
admin's claim list; ``search_releases`` the release list, the API's release list and the
admin's. A claim is found by its text, its speaker's name and its release's title; a release
by its title, organization and text.

What a search means, on both databases: every word must be there, in any case and with or
without accents ("zurich" finds "Zürich"); a word of three letters or more also finds the words
it begins ("stolten" finds "Stoltenberg"); words in quotes ("ferry terminal") must follow each
other. PostgreSQL also finds other forms of a word in the release's language ("terminals" finds
"terminal").

The index is migration 0011's: on PostgreSQL a ``search_document`` tsvector column of each claim
and release with a GIN index, on SQLite the FTS5 tables ``claims_claim_search`` and
``claims_release_search``. Triggers keep it in step with every write, so no writer calls in here.
On PostgreSQL a search's words are one query, each word as every language reads it, each
different reading once (migration 0024's ``factcheck_query``).

Ranked (``ranked=True``, asked for by ordering a list by ``-relevance``), each claim carries a
``relevance``: ts_rank on PostgreSQL, bm25 on SQLite; its own text counts most, then its
speaker's name, then its release's title.
"""

import re
import unicodedata
from dataclasses import dataclass

from django.contrib.postgres.search import SearchQueryField, SearchRank, SearchVectorField
from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models import BooleanField, Expression, FloatField, Func, Q, Value
from django.db.models.expressions import RawSQL

# Shorter words match only whole words: a prefix of one or two letters would match most of
# the index and read every claim it names.
PREFIX_MIN_LENGTH = 3
# A part of the query: a phrase in straight or typographic quotes (closed or not), or a word.
QUOTES = "\"“”„«»"
QUERY_PARTS = re.compile(rf"[{QUOTES}]([^{QUOTES}]*)[{QUOTES}]?|([^\s{QUOTES}]+)")
# What both databases' tokenizers call a word: letters and digits (an underscore, a hyphen or
# an apostrophe separates two words).
WORD = re.compile(r"[^\W_]+")
# The longest search a list takes. Each word is one more condition of the query: a few hundred
# nested them deeper than Python or SQLite allow (a server error on both databases, seconds in
# the admin's speaker list); a desk's searches are a few words.
MAX_SEARCH_WORDS = 50
MAX_SEARCH_LENGTH = 1_000


# The annotation a ranked search gives each row, and the ordering's name for it.
RELEVANCE = "relevance"
# The order of the claims the newest index holds (claims.filters' "-newest").
NEWEST = ("-created_at", "-id")


@dataclass(frozen=True)
class Term:
    """Words that must follow each other; the last also matches longer words when ``prefix``."""

    words: tuple
    prefix: bool

    def as_tsquery(self):
        """The term in PostgreSQL's to_tsquery syntax (its words are letters and digits)."""
        return " <-> ".join(self.words) + (":*" if self.prefix else "")

    def as_fts5(self):
        """The term in SQLite FTS5's query syntax: a quoted phrase, maybe a prefix."""
        return '"' + " ".join(self.words) + '"' + ("*" if self.prefix else "")


def _folded(text):
    """``text`` lower-cased as both indexes fold it: composed (an accent typed as a separate
    mark is the accented letter), and without the marks and invisible characters the indexes
    take for word breaks (the dot of a lower-case Turkish İ, a zero-width space or a soft
    hyphen pasted inside a word split it in two, and found nothing). ß stays ß: the index
    holds the word as written."""
    text = unicodedata.normalize("NFC", text).lower()
    return "".join(char for char in text if unicodedata.category(char) not in ("Mn", "Cf"))


def parse(text):
    """The terms of a search as typed; every one must match."""
    terms = []
    for phrase, word in QUERY_PARTS.findall(_folded(text or "")):
        words = tuple(WORD.findall(phrase or word))
        term = Term(words, not phrase and len(words[-1]) >= PREFIX_MIN_LENGTH) if words else None
        # A term given twice adds nothing but another condition ("ferry" fifty times read
        # 142 ms in the admin's claim list at 100k claims on SQLite, as much as once: 68 ms).
        if term and term not in terms:
            terms.append(term)
    return terms


def check_search(text):
    """Refuse, with a sentence saying what to change, a search longer than a list takes."""
    text = text or ""
    if len(text) > MAX_SEARCH_LENGTH:
        raise ValidationError(
            f"Search for at most {MAX_SEARCH_LENGTH:,} characters (this search has "
            f"{len(text):,}); shorten it to the words that matter.",
            code="max_length",
        )
    words = len(WORD.findall(text))
    if words > MAX_SEARCH_WORDS:
        raise ValidationError(
            f"Search for at most {MAX_SEARCH_WORDS} words (this search has {words:,}); "
            "leave out the ones that matter least.",
            code="too_many_words",
        )


@dataclass(frozen=True)
class Index:
    """Where one model's search index lives on each database."""

    fts5_table: str
    # bm25's weight of each FTS5 column. Further apart than ts_rank's weights of A, B, C
    # (1.0, 0.4, 0.2): bm25 also favours short columns, and a speaker's name is long next to
    # the empty name of most claims.
    fts5_weights: tuple
    # PostgreSQL: a search matching at most this many rows reads them by id (see _search).
    # Finding that out reads up to this many matches, ten times as many rows for a word in a
    # tenth of the desk (5,000 cost a common word's search a tenth of a second). A release's
    # document is large (its whole text), so reading one costs more than a claim's.
    few: int


CLAIMS = Index("claims_claim_search", (10.0, 5.0, 1.0), few=1_000)
RELEASES = Index("claims_release_search", (10.0, 5.0, 1.0), few=500)


class Document(Expression):
    """The ``search_document`` column migration 0011 adds on PostgreSQL.

    Not a model field: only a search reads it, and a field would be read by every query of
    the model (and would need a column on SQLite too).
    """

    output_field = SearchVectorField()

    def as_sql(self, compiler, connection):
        table = compiler.quote_name_unless_alias(compiler.query.get_initial_alias())
        return f"{table}.search_document", []


class Words(Func):
    """PostgreSQL: the terms as one text search query, each read in every configuration of
    migration 0011 (a search does not say its language; a claim's words are indexed in its
    release's language and as written), each different reading once (migration 0024)."""

    function = "factcheck_query"
    output_field = SearchQueryField()

    def __init__(self, terms):
        super().__init__(*(Value(term.as_tsquery()) for term in terms))


class Unseen(Func):
    """PostgreSQL: an expression the planner cannot look into before it plans (a subquery),
    so it guesses how many rows it matches instead of working it out."""

    template = "(SELECT %(expressions)s)"


class Matches(Func):
    """PostgreSQL: whether a row's ``search_document`` holds the ``Words``."""

    template = "%(expressions)s"
    arg_joiner = " @@ "
    output_field = BooleanField()

    def __init__(self, words):
        super().__init__(Document(), words)


class Bm25(Expression):
    """SQLite: how well a claim matches, from FTS5's bm25 over the joined index row (higher is
    better, like ts_rank)."""

    output_field = FloatField()

    def __init__(self, index):
        super().__init__()
        self.index = index

    def as_sql(self, compiler, connection):
        fts = self.index.fts5_table
        alias = next(
            alias for alias, join in compiler.query.alias_map.items() if join.table_name == fts
        )
        weights = ", ".join(str(weight) for weight in self.index.fts5_weights)
        return f"-bm25({compiler.quote_name_unless_alias(alias)}, {weights})", []


def _search(queryset, text, index, *, ranked, newest_only=False, walk_when_many=True,
            ids_first=True):
    terms = parse(text)
    if not terms:
        # Nothing searchable (punctuation only): nothing matches.
        queryset = queryset.none()
        return queryset.annotate(**{RELEVANCE: Value(0.0)}) if ranked else queryset
    postgres = connections[queryset.db].vendor == "postgresql"
    if postgres:
        query = Words(terms)
        matches = Matches(query)
    else:
        match = " ".join(term.as_fts5() for term in terms)
        fts = index.fts5_table
        matches = Q(pk__in=RawSQL(f"SELECT rowid FROM {fts} WHERE {fts} MATCH %s", [match]))
    if newest_only and postgres:
        # An order no index serves with the search (score, relevance) sorts the newest
        # ``index.few`` matches, all of them when there are no more: read at once, by id,
        # without first finding out whether there are more (the reading below). For a name
        # in one claim in a hundred, that reading walked 90,000 claims, and the newest as
        # many again: 610 → 440 ms at a million claims. (SQLite's planner, without the
        # statistics of the words, would walk the newest claims for a rare word too.)
        newest = queryset.filter(matches).order_by(*NEWEST).values_list("pk", flat=True)
        found = queryset.filter(pk__in=list(newest[: index.few]))
        return found.annotate(**{RELEVANCE: SearchRank(Document(), query)}) if ranked else found
    # The planner cannot tell a rare word from a common one (its statistics name only the
    # common words), and guessing "common" it walks the list's order (score, date) testing
    # every row: a whole table's read for a word few claims contain. So the index is asked
    # first: up to ``index.few`` matches are read by id, the list then sorts those alone.
    ids = []
    if ids_first:
        ids = list(
            queryset.model._base_manager.filter(matches)
            .order_by()  # any of them: sorting every match of a common word to pick a few
            .values_list("pk", flat=True)[: index.few + 1]
        )
    # Words together are hidden from the planner, a single word stays seen (see below).
    several_words = sum(len(term.words) for term in terms) > 1
    tested = Matches(Unseen(query)) if postgres and several_words else matches
    if not ids_first:
        # The caller reads the matches itself, to choose its own plan (the history): asked
        # here too, the index was read twice (a common word: 15-40 ms at a million claims).
        # Words together stay hidden here too: seen, a phrase in 13,500 claims looked like
        # 388, and the history sorted the entries of every one (190 → 100-130 ms).
        found = queryset.filter(tested)
    elif len(ids) <= index.few:
        found = queryset.filter(pk__in=ids).filter(matches)
    elif newest_only:
        # More than a few: an order no index serves with the search (score, relevance)
        # sorts the newest ``index.few`` matches, which the newest index finds at once.
        newest = queryset.filter(matches).order_by(*NEWEST)
        found = queryset.filter(pk__in=newest.values("pk")[: index.few])
    elif postgres and walk_when_many:
        # More than a few, in an order an index serves: the list walks that index, testing
        # each claim, and a page fills within its first thousand claims or so (the matches
        # are at least one in a thousand). The query goes unseen by the planner, which then
        # takes it for one in two hundred: seen, a phrase looks rarer than it is (its words'
        # shares multiplied), and the planner sorted every claim it finds instead (a phrase
        # in 13,500 of a million claims: 290 → 9 ms). A single word stays seen: its share
        # is in the statistics, and the list's count, hidden from it, read every match from
        # the index before its thousandth (a common word: 130 → 13 ms at a million claims).
        found = queryset.filter(tested)
    else:
        found = queryset.filter(matches)
    if not ranked:
        return found
    if postgres:
        return found.annotate(**{RELEVANCE: SearchRank(Document(), query)})
    # Joined, so FTS5 runs the search once and scores each match as it goes (a score asked
    # for claim by claim would run the whole search again for each).
    return found.filter(search_entry__document__match=match).annotate(
        **{RELEVANCE: Bm25(index)}
    )


def search_claims(claims, text, *, ranked=False, newest_only=False, ids_first=True):
    """The claims of ``claims`` that ``text`` finds by their text, speaker or release title.

    With ``ranked``, each has a ``relevance`` (higher is better: the words in the claim's own
    text count most, then in its speaker's name, then in its release's title). With
    ``newest_only`` (for an order no index serves beside a search), a search that finds more
    than ``CLAIMS.few`` claims keeps the newest of them: sorting a common word's hundred
    thousand matches by score or relevance took a second or more at a million claims.
    ``ids_first=False`` is for a caller that reads the matches' ids itself (the history,
    whose entries are the list): the claims as the index finds them, with no plan chosen.
    """
    return _search(claims, text, CLAIMS, ranked=ranked, newest_only=newest_only,
                   ids_first=ids_first)


def search_releases(releases, text):
    """The releases of ``releases`` that ``text`` finds by their title, organization or text."""
    # The planner sees the query: a page of releases walked by date, each release's whole
    # text tested, cost more than sorting the matches (a phrase in a third of 28,500
    # releases, guessed to be in one in two hundred: 87 → 326 ms).
    return _search(releases, text, RELEASES, ranked=False, walk_when_many=False)
