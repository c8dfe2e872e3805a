"""The data formats of a report: CSV, JSON and schema.org ClaimReview JSON-LD.

Each writer takes the report's rows (:mod:`claims.reports.rows`) and an :class:`ExportContext`
and yields the file piece by piece, so a report of a million claims is written with flat memory.

CSV
    UTF-8 with a byte order mark, so Excel opens it as UTF-8 (LibreOffice and scripts read the
    mark as such too); a header row, then one row per claim, each line ending in CRLF. Columns:
    ``CSV_HEADER``. The paragraph is its position in the release (0 is the headline); kinds and
    ratings are their word values (``mostly_accurate``); times are ISO 8601 in the desk's time
    zone; the verdict and reasoning are the public ruling; evidence URLs are one per line
    inside their cell, and the "evidence" cell gives each piece in words (what it says about
    the claim, its title and URL, its excerpt), pieces apart by an empty line; the last column
    is the published fact-check's address. A cell that a spreadsheet would run
    as a formula (one starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return)
    starts with a single quote instead, which the spreadsheet shows as text and a reader
    ignores.

JSON
    One object with four keys, stable from one version to the next::

        {"generated_at": "2023-02-01T09:30:00+00:00",
         "filters": {"release": 3, "since": "2023-01-01", "kind": ["quote"]},
         "claims": [
           {"id": 12, "url": "https://desk.example.org/review/claims/12/",
            "public_url": "https://desk.example.org/fact-checks/12/",
            "release": {"id": 3, "title": "...", "published_on": "2023-01-31",
                        "url": "https://...", "organization": "NATO"},
            "paragraph": 1, "start": 10, "end": 58, "kind": "quote",
            "speaker": {"name": "...", "role": "...", "organization": "..."},
            "text": "...", "rating": "accurate", "rating_label": "Accurate",
            "verdict": "...", "reasoning": "...",
            "evidence": [{"url": "https://...", "title": "...", "stance": "supports",
                          "excerpt": "..."}],
            "reviewer": "Rita Reviewer", "verified_at": "2023-02-01T09:00:00+00:00",
            "approver": "Erin Editor", "approved_at": "2023-02-01T09:20:00+00:00"}],
         "count": 1}

    ``filters`` holds only the filters that were set (``{}`` for all approved claims);
    ``speaker`` is null for claims without one; ``published_on`` and ``url`` of a release are
    null when unknown; ``url`` is the claim's page on the desk, ``public_url`` its published
    fact-check; an evidence ``stance`` (supports, contradicts, context) is null for evidence
    added before stances were asked. ``count`` comes after the claims because the file is
    written while the claims are read.

ClaimReview
    A JSON array with one schema.org ``ClaimReview`` per claim, each carrying its own
    ``@context``, with the properties Google's fact-check markup asks for: ``claimReviewed``,
    ``reviewRating`` (``ratingValue`` 5 for accurate down to 1 for inaccurate, ``bestRating``
    5, ``worstRating`` 1, ``alternateName`` the rating's label; an unverifiable claim has no
    ``ratingValue``), ``itemReviewed`` (a ``Claim`` with its ``author``, ``datePublished`` and
    ``appearance`` in the release), ``author`` (the publishing organization, from the
    ``FACTCHECK_PUBLISHER_NAME`` and ``FACTCHECK_PUBLISHER_URL`` settings), ``datePublished``
    (the day the claim was approved) and ``url`` (the published fact-check, readable without
    logging in); the ruling as ``headline`` and ``reviewBody`` (verdict and reasoning), the
    verdict also as the rating's ``ratingExplanation``; the evidence as ``citation``, one
    ``CreativeWork`` each with its ``url``, ``name`` (the title), ``text`` (the excerpt) and
    ``description`` (whether it supports or contradicts the claim, or gives context). The
    public fact-check page embeds the very same object.
"""

import csv
import json
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone

CSV_HEADER = (
    "claim id",
    "release title",
    "release date",
    "release URL",
    "paragraph",
    "kind",
    "speaker",
    "role",
    "claim text",
    "rating",
    "verdict",
    "reasoning",
    "evidence URLs",
    "evidence",
    "reviewer",
    "verified at",
    "approver",
    "approved at",
    "fact-check URL",
)

# What a spreadsheet reads as the start of a formula (OWASP's list for CSV injection).
FORMULA_STARTS = frozenset("=+-@\t\r")

# Rows joined into one piece before it is handed on; keeps the number of pieces small.
_ROWS_PER_PIECE = 500


@dataclass(frozen=True)
class ExportContext:
    """What a writer needs besides the rows."""

    generated_at: object  # aware datetime: when the report was recorded
    filters: dict  # normalized filters (see claims.reports.filters.normalize)
    description: str  # the filters in words
    created_by: str  # who exported it, as colleagues know them
    publisher_name: str
    publisher_url: str
    claim_url: Callable  # claim id -> absolute URL of the claim's page on the desk
    public_url: Callable  # claim id -> absolute URL of its published fact-check


def neutralize(value):
    """``value`` made safe to open in a spreadsheet, still readable as the same text."""
    return "'" + value if value[:1] in FORMULA_STARTS else value


def local_iso(moment, tz):
    """An aware datetime as ISO 8601 in time zone ``tz``, to the second; '' for None."""
    if moment is None:
        return ""
    return moment.astimezone(tz).isoformat(timespec="seconds")


def local_date(moment, tz):
    return moment.astimezone(tz).date().isoformat() if moment else ""


class _Lines:
    """A file-like object gathering what csv.writer writes, to be handed on in pieces."""

    def __init__(self):
        self.parts = []
        self.write = self.parts.append

    def take(self):
        text = "".join(self.parts)
        self.parts.clear()
        return text


def write_csv(batches, context):
    """Batches of CSV rows (``rows.iter_csv_batches``) as CSV bytes: UTF-8 with a byte order
    mark (for Excel), CRLF line ends, one piece per batch; each row ends with the address of
    its published fact-check."""
    lines = _Lines()
    writer = csv.writer(lines)
    lines.write("\ufeff")
    writer.writerow(CSV_HEADER)

    def safe_cells(row):
        claim_id, *text_cells = row
        return (claim_id, *map(neutralize, text_cells), context.public_url(claim_id))

    for batch in batches:
        writer.writerows(map(safe_cells, batch))
        yield lines.take().encode("utf-8")
    yield lines.take().encode("utf-8")


# json.dumps with these options would build an encoder for every claim.
_dumps = json.JSONEncoder(ensure_ascii=False, separators=(", ", ": ")).encode


def claim_json(row, context, tz):
    """One claim of the JSON report (the shape is documented at the top of this module)."""
    speaker = None
    if row.speaker:
        speaker = {
            "name": row.speaker,
            "role": row.speaker_role,
            "organization": row.speaker_organization,
        }
    return {
        "id": row.claim_id,
        "url": context.claim_url(row.claim_id),
        "public_url": context.public_url(row.claim_id),
        "release": {
            "id": row.release_id,
            "title": row.release_title,
            "published_on": row.release_date.isoformat() if row.release_date else None,
            "url": row.release_url or None,
            "organization": row.release_organization,
        },
        "paragraph": row.paragraph,
        "start": row.start,
        "end": row.end,
        "kind": row.kind,
        "speaker": speaker,
        "text": row.text,
        "rating": row.rating,
        "rating_label": row.rating_label,
        "verdict": row.verdict,
        "reasoning": row.reasoning,
        "evidence": [
            {"url": link.url, "title": link.title, "stance": link.stance or None,
             "excerpt": link.excerpt}
            for link in row.evidence
        ],
        "reviewer": row.reviewer,
        "verified_at": local_iso(row.checked_at, tz) or None,
        "approver": row.approver,
        "approved_at": local_iso(row.approved_at, tz) or None,
    }


def _json_array(items):
    """Yield a JSON array piece by piece, one item per line."""
    pieces = ["["]
    count = 0
    for item in items:
        pieces.append(("\n  " if count == 0 else ",\n  ") + _dumps(item))
        count += 1
        if len(pieces) >= _ROWS_PER_PIECE:
            yield "".join(pieces)
            pieces = []
    pieces.append("\n]" if count else "]")
    yield "".join(pieces)


def write_json(rows, context):
    tz = timezone.get_current_timezone()
    count = 0

    def claims():
        nonlocal count
        for row in rows:
            count += 1
            yield claim_json(row, context, tz)

    yield (
        "{" + f'"generated_at": {_dumps(local_iso(context.generated_at, tz))}, '
        f'"filters": {_dumps(context.filters)}, "claims": '
    ).encode("utf-8")
    for piece in _json_array(claims()):
        yield piece.encode("utf-8")
    yield f', "count": {count}}}\n'.encode()


def _claim_author(row):
    """Who made the claim: the speaker, else the organization that issued the release."""
    if row.speaker:
        person = {"@type": "Person", "name": row.speaker}
        if row.speaker_role:
            person["jobTitle"] = row.speaker_role
        if row.speaker_organization:
            person["affiliation"] = {"@type": "Organization", "name": row.speaker_organization}
        return person
    if row.release_organization:
        return {"@type": "Organization", "name": row.release_organization}
    return None


def claim_review(row, context, tz):
    """One schema.org ClaimReview for a claim."""
    rating = {
        "@type": "Rating",
        "bestRating": 5,
        "worstRating": 1,
        "alternateName": row.rating_label,
    }
    if row.rating_value is not None:
        rating["ratingValue"] = row.rating_value
    if row.verdict:
        rating["ratingExplanation"] = row.verdict
    appearance = {"@type": "CreativeWork", "headline": row.release_title}
    if row.release_url:
        appearance["url"] = row.release_url
    if row.release_date:
        appearance["datePublished"] = row.release_date.isoformat()
    if row.release_organization:
        appearance["publisher"] = {"@type": "Organization", "name": row.release_organization}
    item = {"@type": "Claim"}
    author = _claim_author(row)
    if author:
        item["author"] = author
    if row.release_date:
        item["datePublished"] = row.release_date.isoformat()
    item["appearance"] = appearance
    publisher = {"@type": "Organization", "name": context.publisher_name}
    if context.publisher_url:
        publisher["url"] = context.publisher_url
    review = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": context.public_url(row.claim_id),
        "claimReviewed": row.text,
        "datePublished": local_date(row.approved_at, tz),
        "author": publisher,
        "reviewRating": rating,
        "itemReviewed": item,
    }
    if row.verdict:
        review["headline"] = row.verdict
    if row.reasoning:
        review["reviewBody"] = row.reasoning
    citations = []
    for link in row.evidence:
        work = {"@type": "CreativeWork", "url": link.url}
        if link.title:
            work["name"] = link.title
        if link.excerpt:
            work["text"] = link.excerpt
        if link.stance:
            work["description"] = link.stance_label
        citations.append(work)
    if citations:
        review["citation"] = citations
    return review


def write_claimreview(rows, context):
    tz = timezone.get_current_timezone()
    for piece in _json_array(claim_review(row, context, tz) for row in rows):
        yield piece.encode("utf-8")
    yield b"\n"
