"""The rows of a report: one flat record per approved claim, read in batches.

Claims are read as plain values in one query whose rows carry their evidence already gathered
by the database (as JSON), through a server-side cursor in batches (``iterator``), so memory
and the number of queries do not grow with each row. JSON, ClaimReview, HTML and PDF are
written from :class:`ReportRow` records; the CSV, the report that grows to a hundred thousand
rows and more, from the plain tuples of text cells of :func:`iter_csv_batches`.
"""

import json
from dataclasses import dataclass
from itertools import islice
from typing import NamedTuple

from django.core.exceptions import ImproperlyConfigured
from django.db import connections
from django.db.models import TextField
from django.db.models.expressions import RawSQL

from claims.models import Claim, ClaimKind, Evidence, Rating, person_name_from

# Claims read per round trip.
BATCH_SIZE = 2000

# Releases in the order they were imported, then each release's claims in reading order.
ORDER = ("release_id", "paragraph__position", "start", "id")

# schema.org ClaimReview ratingValue for each rating (bestRating 5, worstRating 1);
# “unverifiable” has no place on that scale.
RATING_VALUES = {
    Rating.ACCURATE: 5,
    Rating.MOSTLY_ACCURATE: 4,
    Rating.MISLEADING: 3,
    Rating.MOSTLY_INACCURATE: 2,
    Rating.INACCURATE: 1,
}

# Who checked the claim and who approved it, and when: the last columns of every report.
_SIGN_OFF_FIELDS = (
    "checked_by__first_name",
    "checked_by__last_name",
    "checked_by__username",
    "checked_at",
    "approved_by__first_name",
    "approved_by__last_name",
    "approved_by__username",
    "approved_at",
)

_FIELDS = (
    "id",
    "release_id",
    "release__title",
    "release__published_on",
    "release__source_url",
    "release__organization",
    "paragraph__position",
    "start",
    "end",
    "kind",
    "speaker__name",
    "speaker__role",
    "speaker__organization",
    "text",
    "rating",
    "verdict",
    "reasoning",
    *_SIGN_OFF_FIELDS,
)


class EvidenceLink(NamedTuple):
    url: str
    title: str
    stance: str = ""  # supports, contradicts, context; "" for evidence older than stances
    excerpt: str = ""
    stance_label: str = ""  # "Supports the claim", in the report's language


@dataclass(frozen=True, slots=True)
class ReportRow:
    claim_id: int
    release_id: int
    release_title: str
    release_date: object  # datetime.date or None
    release_url: str
    release_organization: str
    paragraph: int  # the paragraph's position in the release; 0 is the headline
    paragraph_text: str  # empty unless the rows were read with paragraphs
    start: int
    end: int
    kind: str
    speaker: str
    speaker_role: str
    speaker_organization: str
    text: str
    rating: str
    verdict: str  # the public ruling in one sentence
    reasoning: str  # and its few lines of reasoning
    evidence: tuple  # of EvidenceLink, in the order they were added
    reviewer: str
    checked_at: object  # aware datetime or None
    approver: str
    approved_at: object  # aware datetime or None
    rating_label: str  # "Mostly accurate", in the report's language

    @property
    def kind_label(self):
        return str(ClaimKind(self.kind).label)

    @property
    def rating_value(self):
        """The ClaimReview ratingValue (5 best, 1 worst), or None for “unverifiable”."""
        return RATING_VALUES.get(self.rating)

    @property
    def has_span(self):
        """Whether the offsets still cut the claim out of its paragraph."""
        return self.paragraph_text[self.start : self.end] == self.text


# A claim's evidence in the order it was added, as the JSON text of an array of
# [stance, url, title, excerpt] (NULL or "[]" for none).
_EVIDENCE_ITEMS = {
    "postgresql": (
        "(SELECT json_agg(json_build_array(e.stance, e.url, e.title, e.excerpt) "
        "ORDER BY e.added_at, e.id)::text FROM {evidence} e WHERE e.claim_id = {claim}.id)"
    ),
    # SQLite before 3.44 has no ORDER BY inside an aggregate; it gathers in the order an
    # ordered subquery hands the rows over.
    "sqlite": (
        "(SELECT json_group_array(json_array(stance, url, title, excerpt)) FROM "
        "(SELECT e.stance, e.url, e.title, e.excerpt FROM {evidence} e "
        "WHERE e.claim_id = {claim}.id ORDER BY e.added_at, e.id))"
    ),
}

def _with_evidence(queryset):
    """``queryset`` annotated with ``evidence_items``: each claim's evidence as JSON."""
    vendor = connections[queryset.db].vendor
    try:
        sql = _EVIDENCE_ITEMS[vendor]
    except KeyError:
        raise ImproperlyConfigured(
            f"Reports need PostgreSQL or SQLite; this database is {vendor}. "
            "Point DATABASE_URL at one of those."
        ) from None
    items = RawSQL(
        sql.format(evidence=Evidence._meta.db_table, claim=Claim._meta.db_table), (),
        output_field=TextField(),
    )
    return queryset.annotate(evidence_items=items)


def _evidence_items(items_json):
    """A claim's evidence from its JSON: [stance, url, title, excerpt] lists, oldest first."""
    if not items_json or items_json == "[]":
        return []
    return json.loads(items_json)


def _labels(choices):
    """Each choice's label in the language of the report, worked out once per report rather
    than for each row."""
    return {value: str(label) for value, label in choices}


def _row(values, paragraph_text, evidence, rating_labels):
    (
        claim_id, release_id, release_title, release_date, release_url, release_organization,
        position, start, end, kind, speaker, speaker_role, speaker_organization, text, rating,
        verdict, reasoning, checker_first, checker_last, checker_username, checked_at,
        approver_first, approver_last, approver_username, approved_at,
    ) = values  # fmt: skip
    return ReportRow(
        claim_id=claim_id,
        release_id=release_id,
        release_title=release_title,
        release_date=release_date,
        release_url=release_url,
        release_organization=release_organization,
        paragraph=position,
        paragraph_text=paragraph_text,
        start=start,
        end=end,
        kind=kind,
        speaker=speaker or "",
        speaker_role=speaker_role or "",
        speaker_organization=speaker_organization or "",
        text=text,
        rating=rating,
        verdict=verdict,
        reasoning=reasoning,
        evidence=evidence,
        reviewer=person_name_from(checker_first, checker_last, checker_username),
        checked_at=checked_at,
        approver=person_name_from(approver_first, approver_last, approver_username),
        approved_at=approved_at,
        rating_label=rating_labels.get(rating, ""),
    )


def iter_rows(queryset, *, with_paragraphs=False, batch_size=BATCH_SIZE):
    """Yield a :class:`ReportRow` for each claim of ``queryset``, in report order.

    ``with_paragraphs`` also reads each claim's paragraph text (the printable report shows it;
    the data formats leave it out, which keeps a million-row export lean). One query, its rows
    carrying their evidence, read ``batch_size`` rows at a time (a server-side cursor on
    PostgreSQL).
    """
    rating_labels = _labels(Rating.choices)
    stance_labels = _labels(Evidence.Stance.choices)
    fields = (*_FIELDS, "evidence_items")
    if with_paragraphs:
        fields = (*fields, "paragraph__text")
    values = (
        _with_evidence(queryset)
        .order_by(*ORDER)
        .values_list(*fields)
        .iterator(chunk_size=batch_size)
    )
    try:
        for item in values:
            links = tuple(
                EvidenceLink(url, title, stance, excerpt, stance_labels.get(stance, ""))
                for stance, url, title, excerpt in _evidence_items(item[len(_FIELDS)])
            )
            paragraph_text = item[-1] if with_paragraphs else ""
            yield _row(item[: len(_FIELDS)], paragraph_text, links, rating_labels)
    finally:
        # An export abandoned halfway closes its database cursor now, inside its transaction.
        values.close()


_CSV_FIELDS = (
    "id",
    "release__title",
    "release__published_on",
    "release__source_url",
    "paragraph__position",
    "kind",
    "speaker__name",
    "speaker__role",
    "text",
    "rating",
    "verdict",
    "reasoning",
    "evidence_items",
    *_SIGN_OFF_FIELDS,
)


def _evidence_cells(items_json, stance_labels):
    """The CSV's two evidence cells from a claim's evidence as JSON: the URLs one per line,
    and each piece in words ("Contradicts the claim: title <url>", then its excerpt), the
    pieces apart by an empty line."""
    items = _evidence_items(items_json)
    if not items:
        return "", ""
    urls = "\n".join(url for _, url, _, _ in items)
    pieces = []
    for stance, url, title, excerpt in items:
        source = f"{title} <{url}>" if title else url
        piece = f"{stance_labels[stance]}: {source}" if stance else source
        pieces.append(f"{piece}\n“{excerpt}”" if excerpt else piece)
    return urls, "\n\n".join(pieces)


def _iso(moment, tz):
    return "" if moment is None else moment.astimezone(tz).isoformat(timespec="seconds")


def iter_csv_batches(queryset, claim_ids, *, tz, batch_size=BATCH_SIZE):
    """Yield lists of the CSV's rows (``formats.CSV_HEADER``) of ``queryset``, in report order.

    Each row is a tuple: the claim id, then text cells, not yet made safe for spreadsheets.
    Every claim id is appended to ``claim_ids`` as its batch is read. One query, read
    ``batch_size`` rows at a time (a server-side cursor on PostgreSQL).
    """
    stance_labels = _labels(Evidence.Stance.choices)
    values = (
        _with_evidence(queryset)
        .order_by(*ORDER)
        .values_list(*_CSV_FIELDS)
        .iterator(chunk_size=batch_size)
    )
    try:
        while batch := list(islice(values, batch_size)):
            rows = []
            for (
                claim_id, title, published_on, source_url, position, kind, speaker, role, text,
                rating, verdict, reasoning, evidence_items, checker_first, checker_last,
                checker_username, checked_at, approver_first, approver_last, approver_username,
                approved_at,
            ) in batch:  # fmt: skip
                claim_ids.append(claim_id)
                evidence_urls, evidence = _evidence_cells(evidence_items, stance_labels)
                rows.append((
                    claim_id,
                    title,
                    "" if published_on is None else published_on.isoformat(),
                    source_url,
                    str(position),
                    kind,
                    speaker or "",
                    role or "",
                    text,
                    rating,
                    verdict,
                    reasoning,
                    evidence_urls,
                    evidence,
                    person_name_from(checker_first, checker_last, checker_username),
                    _iso(checked_at, tz),
                    person_name_from(approver_first, approver_last, approver_username),
                    _iso(approved_at, tz),
                ))  # fmt: skip
            yield rows
    finally:
        # An export abandoned halfway closes its database cursor now, inside its transaction.
        values.close()
