"""Checked before: each new claim compared with the desk's earlier claims, in every release.

A claim is compared on its match text (``claims.match_text``: folded, figures and units in one
spelling). The database finds the candidates with its own full-text search, ranked (PostgreSQL
``ts_rank_cd`` over a GIN index; SQLite FTS5 and ``bm25``), and the best of them are scored by
trigram similarity (PostgreSQL's ``pg_trgm``; on SQLite the same formula on those few rows)
when their figures agree: "3.2%" and "3.4%" in the same words are different claims.
The links go into ``ClaimMatch``, so a claim page reads them with one query.

Matching runs after the import's transaction has committed (``schedule``), in a thread of its
own unless ``FACTCHECK_MATCHING`` says otherwise, so the editor who imports never waits for
it; ``manage.py match_claims`` compares whatever is left (a claim without a match text has not
been compared yet).
"""

import contextlib
import contextvars
import logging
import threading
import time
from dataclasses import dataclass
from itertools import combinations, groupby

from django.conf import settings
from django.db import close_old_connections, connection, transaction
from django.utils import timezone

from claims.match_text import match_text, similarity
from claims.models import Claim, ClaimMatch, ClaimMatchText

logger = logging.getLogger(__name__)

# A claim links to at most this many earlier claims, the closest first.
MAX_MATCHES = 5
# The candidates the full-text rank keeps for scoring.
CANDIDATES = 50
# The least similarity a link needs (tuned on the labelled pairs' tuning half; see
# tests/matching/README.md).
THRESHOLD = 0.28
# Words a candidate must share with the claim: two of its most telling ones.
TELLING_WORDS = 8
# A word held by more than this share of the desk's claims tells little; on PostgreSQL the
# planner's statistics of the match texts say which words those are.
COMMON = 0.02
# The most claims the full-text search ranks for one claim: past it, the first ones found.
# Rare words keep the lists short; this bounds the worst case (a claim of only common words).
RANKED = 2000
UNITS = frozenset({"pct", "gbp", "usd", "eur", "jpy", "inr"})


@dataclass(frozen=True)
class Candidate:
    claim_id: int
    text: str
    rank: float
    trigram: float | None = None  # PostgreSQL computes it with the search


def telling_words(text, frequency=None):
    """The words of a match text that say most about it: the rarest among the desk's claims
    first (``frequency``: the share of claims holding a word, for the common ones), then
    figures, then the longest words.

    Units ("pct") are left to the scoring. A word most claims hold is kept only when nothing
    rarer is left, so the search reads a few short lists of claims, not the whole desk.
    """
    frequency = frequency or {}
    words = [
        w for w in dict.fromkeys(text.split())
        if w[0].isdigit() or (w not in UNITS and len(w) > 2)
    ]
    words.sort(key=lambda w: (frequency.get(w, 0), not w[0].isdigit(), -len(w), w))
    rare = [w for w in words if frequency.get(w, 0) < COMMON]
    return (rare if len(rare) >= 2 else words[:2])[:TELLING_WORDS]


# --- the database's search -------------------------------------------------------------------


def _fts5_query(words):
    """Any two of ``words`` together, in FTS5's syntax (the words are letters and digits)."""
    if len(words) < 2:
        return " OR ".join(f'"{w}"' for w in words)
    return " OR ".join(f'("{a}" AND "{b}")' for a, b in combinations(words, 2))


def _tsquery(words):
    """The same in PostgreSQL's ``to_tsquery`` syntax."""
    if len(words) < 2:
        return " | ".join(f"'{w}'" for w in words)
    return " | ".join(f"('{a}' & '{b}')" for a, b in combinations(words, 2))


def candidates(text, *, exclude_release):
    """The earlier claims that read most like ``text``, from releases other than
    ``exclude_release``: the database's full-text search, best rank first."""
    postgres = connection.vendor == "postgresql"
    words = telling_words(text, _common_words() if postgres else None)
    if not words:
        return []
    if postgres:
        sql = (
            "SELECT c.claim_id, c.text, ts_rank_cd(c.vector, q) AS rank, similarity(c.text, %s) "
            "FROM (SELECT m.claim_id, m.text, m.vector FROM claims_claimmatchtext m "
            "WHERE m.vector @@ to_tsquery('simple', %s) AND m.release_id <> %s LIMIT %s) c, "
            "to_tsquery('simple', %s) q "
            "ORDER BY rank DESC, c.claim_id DESC LIMIT %s"
        )
        query = _tsquery(words)
        params = [text, query, exclude_release, RANKED, query, CANDIDATES]
    else:
        # bm25 is lower for a better match; without an order inside, FTS5 scores only the
        # first RANKED matches.
        sql = (
            "SELECT m.claim_id, m.text, -f.score AS rank, NULL FROM ("
            "SELECT rowid, bm25(claims_matchtext_fts) AS score FROM claims_matchtext_fts "
            "WHERE claims_matchtext_fts MATCH %s LIMIT %s) f "
            "JOIN claims_claimmatchtext m ON m.claim_id = f.rowid "
            "WHERE m.release_id <> %s ORDER BY f.score, m.claim_id DESC LIMIT %s"
        )
        params = [_fts5_query(words), RANKED, exclude_release, CANDIDATES]
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return [Candidate(*row) for row in cursor.fetchall()]


# The common words' shares, read from the statistics at most once a minute per process.
_COMMON_WORDS = {"read_at": 0.0, "words": {}}


def _common_words():
    """{word: share of match texts holding it} for the words PostgreSQL's statistics of the
    match texts list as most common (ANALYZE keeps them, autovacuum refreshes them)."""
    now = time.monotonic()
    if now - _COMMON_WORDS["read_at"] < 60:
        return _COMMON_WORDS["words"]
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT most_common_elems::text::text[], most_common_elem_freqs FROM pg_stats "
            "WHERE schemaname = current_schema() AND tablename = 'claims_claimmatchtext' "
            "AND attname = 'vector'"
        )
        row = cursor.fetchone()
    words = dict(zip(row[0], row[1], strict=False)) if row and row[0] else {}
    _COMMON_WORDS.update(read_at=now, words=words)
    return words


def closest(text, *, exclude_release, threshold=THRESHOLD, limit=MAX_MATCHES):
    """[(claim id, similarity)] of the earlier claims closest to ``text``, above ``threshold``."""
    scored = [
        (found.claim_id, similarity(text, found.text, found.trigram))
        for found in candidates(text, exclude_release=exclude_release)
    ]
    scored = [pair for pair in scored if pair[1] >= threshold]
    scored.sort(key=lambda pair: (-pair[1], -pair[0]))
    return scored[:limit]


# --- comparing claims and keeping the links --------------------------------------------------


def index_claims(claims):
    """Store the match text of ``claims`` ([(id, release id, text)]) without comparing them:
    later claims are compared with them. Returns 0 links, like ``match_claims``."""
    ClaimMatchText.objects.bulk_create(
        [ClaimMatchText(claim_id=c, release_id=r, text=match_text(t)) for c, r, t in claims],
        ignore_conflicts=True,
    )
    return 0


def match_claims(claims):
    """Compare ``claims`` ([(id, release id, text)] in id order, one release's or several)
    with the claims already compared, store each one's match text and links; return the
    number of links.

    Release by release, each in one transaction: a claim has a match text exactly when its
    links are stored, and a release's claims are there for the next release's to find.
    """
    made = 0
    for release_id, group in groupby(claims, key=lambda claim: claim[1]):
        texts = [(claim_id, match_text(text)) for claim_id, _release, text in group]
        links = [
            ClaimMatch(claim_id=claim_id, earlier_id=earlier_id, similarity=score)
            for claim_id, text in texts
            for earlier_id, score in closest(text, exclude_release=release_id)
        ]
        with transaction.atomic():
            ClaimMatchText.objects.bulk_create(
                [ClaimMatchText(claim_id=c, release_id=release_id, text=t) for c, t in texts],
                ignore_conflicts=True,
            )
            ClaimMatch.objects.bulk_create(links, ignore_conflicts=True)
        made += len(links)
    return made


def _waiting(queryset, *, limit=None):
    """(id, release id, text) of the claims in ``queryset`` not compared yet, in id order."""
    rows = queryset.filter(match_text__isnull=True).order_by("id")
    return list(rows.values_list("id", "release_id", "text")[:limit])


def match_release(release_id):
    """Compare the release's claims that have not been compared yet; return the links made."""
    return match_claims(_waiting(Claim.objects.filter(release_id=release_id)))


def match_waiting(*, batch=500, compare=match_claims):
    """Compare every claim not compared yet, in import order; yield the number of claims and
    links of each batch."""
    last = 0
    while True:
        waiting = _waiting(Claim.objects.filter(pk__gt=last), limit=batch)
        if not waiting:
            return
        last = waiting[-1][0]
        yield len(waiting), compare(waiting)


def index_waiting(*, batch=5000):
    """Index every claim not compared yet for later comparisons, without comparing them."""
    return match_waiting(batch=batch, compare=index_claims)


# Set by ``inline()``: a command's process may end before a thread would finish.
_mode = contextvars.ContextVar("matching_mode", default=None)


@contextlib.contextmanager
def inline():
    """Compare imported claims in this thread, whatever ``FACTCHECK_MATCHING`` says (commands
    that import and then exit)."""
    token = _mode.set("inline")
    try:
        yield
    finally:
        _mode.reset(token)


def schedule(release_id):
    """Compare a just-imported release's claims once its transaction has committed.

    ``FACTCHECK_MATCHING``: ``thread`` (the default) compares them in a thread of its own, so
    the import answers at once; ``inline`` in the committing thread (tests, commands);
    ``off`` leaves them to ``manage.py match_claims``.
    """
    mode = _mode.get() or settings.FACTCHECK_MATCHING
    if mode == "off":
        return
    if mode == "inline":
        transaction.on_commit(lambda: match_release(release_id))
        return
    transaction.on_commit(
        lambda: threading.Thread(
            target=_match_in_thread, args=(release_id,), name=f"match-release-{release_id}",
            daemon=True,
        ).start()
    )


def _match_in_thread(release_id):
    started = timezone.now()
    try:
        links = match_release(release_id)
        logger.info(
            "Compared release %s with earlier claims: %s links in %.2f s", release_id, links,
            (timezone.now() - started).total_seconds(),
        )
    except Exception:
        # The claims stay without a match text: manage.py match_claims compares them later.
        logger.exception("Comparing release %s with earlier claims failed", release_id)
    finally:
        close_old_connections()
        connection.close()
