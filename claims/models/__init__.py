"""The fact-checking desk's data: releases, their paragraphs, quotes and claims, and the review.

Only ``claims.workflow`` writes a claim's status, rating, assignee and version; everything here
describes the data and its invariants.
"""

from claims.models.claims import (
    OPEN_STATUSES,
    SPEAKER_HOW_LABELS,
    VERDICT_MAX_LENGTH,
    Claim,
    ClaimKind,
    ClaimQuerySet,
    Rating,
    ReviewStatus,
)
from claims.models.history import (
    REVIEW_WORK_ACTIONS,
    AppendOnlyError,
    ClaimEvent,
    ClaimEventQuerySet,
    SpeakerEvent,
)
from claims.models.matching import ClaimMatch, ClaimMatchText
from claims.models.notifications import Notification, NotificationSettings
from claims.models.people import TokenExpiry, person_name, person_name_from
from claims.models.releases import Paragraph, Release
from claims.models.reports import Report, ReportChunk
from claims.models.review_work import Annotation, Evidence
from claims.models.search import ClaimSearchEntry, FTS5Column, SearchMatch
from claims.models.speakers import Speaker, SpeakerRole

__all__ = [
    "OPEN_STATUSES",
    "SPEAKER_HOW_LABELS",
    "VERDICT_MAX_LENGTH",
    "Claim",
    "ClaimKind",
    "ClaimQuerySet",
    "Rating",
    "ReviewStatus",
    "REVIEW_WORK_ACTIONS",
    "AppendOnlyError",
    "ClaimEvent",
    "ClaimEventQuerySet",
    "SpeakerEvent",
    "ClaimMatch",
    "ClaimMatchText",
    "Notification",
    "NotificationSettings",
    "TokenExpiry",
    "person_name",
    "person_name_from",
    "Paragraph",
    "Release",
    "Report",
    "ReportChunk",
    "Annotation",
    "Evidence",
    "ClaimSearchEntry",
    "FTS5Column",
    "SearchMatch",
    "Speaker",
    "SpeakerRole",
]
