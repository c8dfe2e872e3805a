"""The rows of a report: one flat record per approved claim, read in batches.

Every format is written from these rows, so CSV, JSON, ClaimReview, HTML and PDF always say the
same thing. Claims are read as plain values through a database cursor (``iterator``), and the
evidence of each batch of claims in one more query, so memory and the number of queries do not
grow with each row.
"""

from dataclasses import dataclass
from itertools import islice
from typing import NamedTuple

from claims.models import ClaimKind, Evidence, Rating

# Claims read per round trip, and whose evidence is fetched together.
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
    "checked_by__first_name",
    "checked_by__last_name",
    "checked_by__username",
    "checked_at",
    "approved_by__first_name",
    "approved_by__last_name",
    "approved_by__username",
    "approved_at",
)


class EvidenceLink(NamedTuple):
    url: str
    title: str


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
    evidence: tuple  # of EvidenceLink, in the order they were added
    reviewer: str
    checked_at: object  # aware datetime or None
    approver: str
    approved_at: object  # aware datetime or None

    @property
    def kind_label(self):
        return str(ClaimKind(self.kind).label)

    @property
    def rating_label(self):
        return str(Rating(self.rating).label) if self.rating else ""

    @property
    def rating_value(self):
        """The ClaimReview ratingValue (5 best, 1 worst), or None for “unverifiable”."""
        return RATING_VALUES.get(self.rating)

    @property
    def has_span(self):
        """Whether the offsets still cut the claim out of its paragraph."""
        return self.paragraph_text[self.start : self.end] == self.text


def _person(first_name, last_name, username):
    full = f"{first_name or ''} {last_name or ''}".strip()
    return full or username or ""


def _evidence_by_claim(claim_ids):
    links = {}
    rows = (
        Evidence.objects.filter(claim_id__in=claim_ids)
        .order_by("claim_id", "added_at", "id")
        .values_list("claim_id", "url", "title")
    )
    for claim_id, url, title in rows:
        links.setdefault(claim_id, []).append(EvidenceLink(url, title))
    return links


def _row(values, paragraph_text, evidence):
    (
        claim_id, release_id, release_title, release_date, release_url, release_organization,
        position, start, end, kind, speaker, speaker_role, speaker_organization, text, rating,
        checker_first, checker_last, checker_username, checked_at,
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
        evidence=tuple(evidence.get(claim_id, ())),
        reviewer=_person(checker_first, checker_last, checker_username),
        checked_at=checked_at,
        approver=_person(approver_first, approver_last, approver_username),
        approved_at=approved_at,
    )


def iter_rows(queryset, *, with_paragraphs=False, batch_size=BATCH_SIZE):
    """Yield a :class:`ReportRow` for each claim of ``queryset``, in report order.

    ``with_paragraphs`` also reads each claim's paragraph text (the printable report shows it;
    the data formats leave it out, which keeps a million-row export lean). Queries: one per
    ``batch_size`` claims for the claims (a server-side cursor on PostgreSQL) and one per batch
    for their evidence.
    """
    fields = (*_FIELDS, "paragraph__text") if with_paragraphs else _FIELDS
    values = queryset.order_by(*ORDER).values_list(*fields).iterator(chunk_size=batch_size)
    while batch := list(islice(values, batch_size)):
        evidence = _evidence_by_claim([item[0] for item in batch])
        for item in batch:
            if with_paragraphs:
                yield _row(item[:-1], item[-1], evidence)
            else:
                yield _row(item, "", evidence)
