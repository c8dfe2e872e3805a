"""The fact-checking desk's data: releases, their paragraphs, quotes and claims, and the review.

Only ``claims.workflow`` writes a claim's status, rating, assignee and version; everything here
describes the data and its invariants.
"""

import zlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from claims.validators import validate_web_address


class Release(models.Model):
    title = models.CharField(max_length=500)
    body = models.TextField(help_text="The release as imported, after normalizing whitespace.")
    source_url = models.URLField(
        "source URL", max_length=2000, blank=True, validators=[validate_web_address]
    )
    organization = models.CharField(max_length=200, blank=True)
    published_on = models.DateField(null=True, blank=True)
    # When the desk means to be done with the release: its claims without a due date of their
    # own take this one (see claims.workflow.set_release_due_date).
    due_on = models.DateField(
        "due date", null=True, blank=True, editable=False,
        help_text="When the desk means to have checked the release.",
    )
    language = models.CharField(
        max_length=16, default="en", help_text="Detected on import: en, fr, de or es."
    )
    left_out = models.JSONField(
        default=list,
        blank=True,
        help_text="What the importer left out as boilerplate (end markers, contacts, "
        "notes to editors, About sections), paragraph by paragraph.",
    )
    content_sha256 = models.CharField(
        "content SHA-256",
        max_length=64,
        unique=True,
        editable=False,
        help_text="Of the normalized text: importing the same text again finds this release.",
    )
    imported_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="imported_releases",
    )
    # Set by the import, which gives the release and its claims one moment (a plain default
    # rather than auto_now_add, which would stamp each row with a moment of its own).
    created_at = models.DateTimeField(default=timezone.now, editable=False)

    class Meta:
        ordering = ["-created_at", "-id"]
        permissions = [("import_release", "Can import press releases")]
        indexes = [
            models.Index(fields=["organization"], name="release_org_idx"),
            models.Index(fields=["published_on"], name="release_published_idx"),
            # The release lists' order, newest first, down to their last page.
            models.Index(fields=["-created_at", "-id"], name="release_newest_idx"),
        ]

    def __str__(self):
        return self.title

    def get_absolute_url(self):
        return reverse("claims:release_detail", args=[self.pk])


class Paragraph(models.Model):
    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="paragraphs")
    position = models.PositiveIntegerField(help_text="0 is the headline.")
    text = models.TextField()

    class Meta:
        ordering = ["release_id", "position"]
        constraints = [
            # A release has one paragraph at each position.
            models.UniqueConstraint(
                fields=["release", "position"], name="paragraph_unique_position"
            ),
        ]

    def __str__(self):
        return f"¶{self.position} of {self.release_id}"

    @property
    def is_headline(self):
        return self.position == 0


class Speaker(models.Model):
    name = models.CharField(max_length=200, unique=True, help_text="Canonical full name.")
    role = models.CharField(max_length=300, blank=True)
    organization = models.CharField(max_length=200, blank=True)
    aliases = models.JSONField(
        default=list,
        blank=True,
        help_text="How releases refer to this speaker, e.g. “the Secretary General”.",
    )
    # A record merged into another (the same person under another name) stays, pointing at
    # it, so that a later import naming it finds the person's record, and a wrong merge can be
    # split back out into it.
    merged_into = models.ForeignKey(
        "self", on_delete=models.PROTECT, null=True, blank=True, editable=False,
        related_name="merged", db_index=False,
    )

    class Meta:
        ordering = ["name"]
        indexes = [
            models.Index(
                fields=["merged_into"], condition=Q(merged_into__isnull=False),
                name="speaker_merged_into_idx",
            ),
        ]

    def __str__(self):
        return self.name

    def get_absolute_url(self):
        return reverse("claims:speaker_detail", args=[self.pk])


class SpeakerRole(models.Model):
    """A role (and organisation) a speaker was given by releases, and when: the first and the
    latest release that gave it. Written by the import; moved by a merge or a split."""

    speaker = models.ForeignKey(Speaker, on_delete=models.CASCADE, related_name="roles")
    role = models.CharField(max_length=300)
    organization = models.CharField(max_length=200, blank=True)
    first_release = models.ForeignKey(
        "Release", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        db_index=False,
    )
    first_seen = models.DateField(help_text="Publication (else import) date of the first.")
    last_release = models.ForeignKey(
        "Release", on_delete=models.SET_NULL, null=True, blank=True, related_name="+",
        db_index=False,
    )
    last_seen = models.DateField()

    class Meta:
        ordering = ["speaker", "first_seen", "id"]
        constraints = [
            # One row per role a speaker held, however many releases gave it.
            models.UniqueConstraint(
                fields=["speaker", "role", "organization"], name="speakerrole_unique"
            ),
        ]

    def __str__(self):
        return f"{self.role} ({self.speaker_id})"


class SpeakerEvent(models.Model):
    """One merge or split of speaker records, by whom and what moved: append-only."""

    class Action(models.TextChoices):
        MERGE = "merge", "Merged"
        SPLIT = "split", "Split"

    speaker = models.ForeignKey(Speaker, on_delete=models.PROTECT, related_name="events")
    other = models.ForeignKey(
        Speaker, on_delete=models.PROTECT, related_name="+", db_index=False,
        help_text="The record merged into this one, or split out of it.",
    )
    actor = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="+")
    action = models.CharField(max_length=10, choices=Action.choices)
    claim_ids = models.JSONField(default=list, blank=True)
    aliases = models.JSONField(default=list, blank=True)
    note = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["speaker", "created_at", "id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(action__in=["merge", "split"]), name="speakerevent_action_valid"
            ),
        ]

    def __str__(self):
        return f"{self.action} {self.other_id} / {self.speaker_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Speaker history cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Speaker history cannot be deleted.")


class ClaimKind(models.TextChoices):
    QUOTE = "quote", "Direct quote"
    EVENT = "event", "Event"
    QUANTITY = "quantity", "Quantity"
    PREDICTION = "prediction", "Prediction"
    REPORTED_SPEECH = "reported_speech", "Reported speech"
    COMPARISON = "comparison", "Comparison"
    OTHER = "other", "Other"


class ReviewStatus(models.TextChoices):
    PENDING = "pending", "Pending"
    IN_REVIEW = "in_review", "In review"
    VERIFIED = "verified", "Verified"
    DISPUTED = "disputed", "Disputed"
    APPROVED = "approved", "Approved"
    DISMISSED = "dismissed", "Dismissed"


class Rating(models.TextChoices):
    ACCURATE = "accurate", "Accurate"
    MOSTLY_ACCURATE = "mostly_accurate", "Mostly accurate"
    MISLEADING = "misleading", "Misleading"
    MOSTLY_INACCURATE = "mostly_inaccurate", "Mostly inaccurate"
    INACCURATE = "inaccurate", "Inaccurate"
    UNVERIFIABLE = "unverifiable", "Unverifiable"


def person_name(user):
    """A person as colleagues know them: the full name, else the username ("" for nobody)."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def person_name_from(first_name, last_name, username):
    """``person_name`` from a row's user columns, for lists that read rows, not users."""
    return f"{first_name or ''} {last_name or ''}".strip() or username or ""


# Claims the desk still has work on; a due date matters only for these.
OPEN_STATUSES = (
    ReviewStatus.PENDING, ReviewStatus.IN_REVIEW, ReviewStatus.VERIFIED, ReviewStatus.DISPUTED,
)


# The longest verdict: one sentence, short enough for a headline.
VERDICT_MAX_LENGTH = 300


class ClaimQuerySet(models.QuerySet):
    def needing_review(self):
        return self.filter(status__in=[ReviewStatus.PENDING, ReviewStatus.IN_REVIEW])

    def approved(self):
        return self.filter(status=ReviewStatus.APPROVED)

    def published(self):
        """The public fact-checks: approved claims, the latest approved first."""
        return self.approved().order_by("-approved_at", "-id")

    def open(self):
        """Claims the desk still has work on: not approved and not dismissed."""
        return self.filter(status__in=OPEN_STATUSES)

    def overdue(self, today=None):
        """Open claims whose due date has passed."""
        return self.open().filter(due_on__lt=today or timezone.localdate())

    def with_context(self):
        """Everything a list of claims shows, in a fixed number of queries."""
        return self.select_related("release", "paragraph", "speaker", "assignee")


# How a quote's speaker was found (claims.extraction.model.SPEAKER_HOW), for the claim page.
SPEAKER_HOW_LABELS = {
    "named": "the name in the attribution",
    "title": "a title used earlier with a name",
    "honorific": "an honorific or role with the surname",
    "surname": "the surname of someone named earlier",
    "pronoun": "a pronoun",
    "implied": "a verb without a subject of its own",
    "same_paragraph": "the quote or reported speech before it in the paragraph",
    "previous_paragraph": "the paragraph before",
    "only_person": "the one person named before it",
    "continues": "the first paragraph of the quote",
    "introduced": "the line introducing the quote",
    "statement": "a statement line",
    "headline": "the headline",
    "signature": "the signature under the quote",
    "organization": "the organisation the text says said it",
}


class Claim(models.Model):
    # No index of their own for release, paragraph, speaker and assignee: the composite
    # indexes below (and the unique span, for the paragraph) begin with them and serve every
    # lookup, and each index a claim carries is written again by every import.
    release = models.ForeignKey(
        Release, on_delete=models.CASCADE, related_name="claims", db_index=False
    )
    paragraph = models.ForeignKey(
        Paragraph, on_delete=models.CASCADE, related_name="claims", db_index=False
    )
    kind = models.CharField(max_length=20, choices=ClaimKind.choices)
    text = models.TextField()
    start = models.PositiveIntegerField(help_text="Offset of the first character in the paragraph.")
    end = models.PositiveIntegerField(help_text="Offset just past the last character.")
    speaker = models.ForeignKey(
        Speaker,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims",
        db_index=False,
    )
    attribution = models.CharField(max_length=500, blank=True)
    # How a quote's speaker was found, for the editor who checks it; see the README's
    # extraction JSON ("speaker_how", "speaker_sure", "speaker_note").
    speaker_how = models.CharField(
        max_length=40, blank=True, help_text="How the quote's speaker was found: named, "
        "title, honorific, pronoun, previous_paragraph, statement, headline, ... (README)."
    )
    speaker_sure = models.BooleanField(
        default=False, help_text="Whether the rule that found the speaker is a sure one."
    )
    speaker_note = models.CharField(
        max_length=300, blank=True, help_text="Why no speaker was given, when none was."
    )
    # The four links below are empty for almost every claim: each has a partial index (see
    # Meta.indexes) holding only the claims that have one, which a new claim never touches.
    continues = models.ForeignKey(
        "self",
        on_delete=models.CASCADE,
        null=True,
        blank=True,
        db_index=False,
        related_name="continuations",
        help_text="For a quote running over paragraphs: the first segment.",
    )
    repeats = models.ForeignKey(
        "self",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        db_index=False,
        related_name="repeated_by",
        help_text="For a headline: the body quote it repeats.",
    )
    score = models.FloatField(default=0.0, help_text="Check-worthiness from 0 to 1.")
    reasons = models.JSONField(default=list, blank=True)
    status = models.CharField(
        max_length=20, choices=ReviewStatus.choices, default=ReviewStatus.PENDING, editable=False
    )
    rating = models.CharField(max_length=20, choices=Rating.choices, blank=True, editable=False)
    # The public ruling, given with verify or dispute and published with the claim once it is
    # approved; internal notes stay in the discussion. Kept when a claim is returned or
    # reopened, so the next check starts from it.
    verdict = models.CharField(
        max_length=VERDICT_MAX_LENGTH,
        blank=True,
        editable=False,
        help_text="The ruling in one sentence, as readers see it.",
    )
    reasoning = models.TextField(
        blank=True, editable=False, help_text="A few lines for readers: how the claim was checked."
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="assigned_claims",
        editable=False,
        db_index=False,
    )
    version = models.PositiveIntegerField(default=1, editable=False)
    # Who checked and who approved, kept on the claim (the history has them too) so that the
    # reports and the separation-of-duties rule read them without walking the history.
    checked_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        db_index=False,
    )
    checked_at = models.DateTimeField(null=True, blank=True, editable=False)
    approved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
        editable=False,
        db_index=False,
    )
    approved_at = models.DateTimeField(null=True, blank=True, editable=False)
    # When the claim should be checked by: its own, or its release's (copied onto the claims
    # so that the queue sorts and filters on one indexed column).
    due_on = models.DateField("due date", null=True, blank=True, editable=False)
    # Plain defaults rather than auto_now_add and auto_now, which stamp each row with a moment
    # of its own: the import gives all the claims of a release one moment, and the workflow,
    # which makes every later change, stamps updated_at itself.
    created_at = models.DateTimeField(default=timezone.now, editable=False)
    updated_at = models.DateTimeField(default=timezone.now, editable=False)

    objects = ClaimQuerySet.as_manager()

    class Meta:
        # Reading order within a release. Paragraphs are created in order, so their ids follow
        # their positions; ordering by the columns themselves (not the related models' own
        # orderings) lets an index serve it instead of a sort over joined tables.
        ordering = ["paragraph_id", "start", "id"]
        permissions = [
            ("review_claim", "Can take, annotate, verify and dispute claims"),
            ("manage_claim", "Can assign, dismiss, restore and return claims"),
            ("approve_claim", "Can approve and reopen claims"),
        ]
        constraints = [
            # The span is a real, non-empty stretch of the paragraph.
            models.CheckConstraint(
                condition=Q(start__lt=models.F("end")),
                name="claim_span",
                violation_error_message="A claim must start before it ends.",
            ),
            # Status and kind are word values from the fixed lists, nothing else.
            models.CheckConstraint(
                condition=Q(status__in=[s.value for s in ReviewStatus]), name="claim_status_valid"
            ),
            models.CheckConstraint(
                condition=Q(kind__in=[k.value for k in ClaimKind]), name="claim_kind_valid"
            ),
            models.CheckConstraint(
                condition=Q(rating="") | Q(rating__in=[r.value for r in Rating]),
                name="claim_rating_valid",
            ),
            # A claim that was checked carries the rating it was checked with.
            models.CheckConstraint(
                condition=~Q(status__in=["verified", "disputed", "approved"]) | ~Q(rating=""),
                name="claim_checked_has_rating",
            ),
            models.CheckConstraint(
                condition=Q(score__gte=0) & Q(score__lte=1),
                name="claim_score_range",
                violation_error_message="The score must be between 0 and 1.",
            ),
            # One claim per kind of span: re-running extraction never doubles a claim.
            models.UniqueConstraint(
                fields=["paragraph", "start", "end", "kind"],
                name="claim_unique_span",
                violation_error_message=(
                    "Another claim of this kind already covers exactly these characters."
                ),
            ),
        ]
        indexes = [
            # The review queue: by status, best candidates first.
            models.Index(fields=["status", "-score", "id"], name="claim_queue_idx"),
            # The queue without a status filter, and its "newest" order.
            models.Index(fields=["-score", "id"], name="claim_score_idx"),
            models.Index(fields=["status", "-created_at", "-id"], name="claim_status_newest_idx"),
            # Newest (or oldest) first without a status filter: read either way.
            models.Index(fields=["-created_at", "-id"], name="claim_newest_idx"),
            # A kind filter with the score order: a kind whose claims score low ("other") would
            # otherwise walk most of the score index to fill a page.
            models.Index(fields=["kind", "-score", "id"], name="claim_kind_score_idx"),
            # The status tabs' counts of a kind, and the approved claims of a kind release by
            # release (the reports page's preview asks each release whether it has any).
            models.Index(fields=["kind", "status", "release"], name="claim_kind_release_idx"),
            # A rating filter (admin, reports) with the score order, and its count.
            models.Index(fields=["rating", "-score", "id"], name="claim_rating_score_idx"),
            models.Index(fields=["release", "status"], name="claim_release_status_idx"),
            # One person's claims (or the unassigned ones) by score, with a status or without:
            # SQLite, without statistics, takes an index on the assignee for its filter, then
            # sorted the 70% of claims nobody has taken to show the first page.
            models.Index(
                fields=["assignee", "status", "-score", "id"], name="claim_assignee_queue_idx"
            ),
            models.Index(fields=["assignee", "-score", "id"], name="claim_assignee_score_idx"),
            models.Index(fields=["speaker", "status"], name="claim_speaker_status_idx"),
            # A speaker's record, newest first, a page at a time (claims with a speaker only).
            models.Index(
                fields=["speaker", "-id"], condition=Q(speaker__isnull=False),
                name="claim_speaker_record_idx",
            ),
            # The public index and feed of fact-checks: approved claims, latest first.
            models.Index(
                fields=["-approved_at", "-id"], condition=Q(status="approved"),
                name="claim_published_idx",
            ),
            # The reports page's count and preview of the approved claims of a rating, release
            # by release (the approvals index left them to be read row by row: 0.3 s at a
            # million). A kind's are in claim_kind_release_idx.
            models.Index(
                fields=["rating", "release"], condition=Q(status="approved"),
                name="claim_approved_rating_idx",
            ),
            # Each speaker's number of quotes, counted from the index alone (the speaker list,
            # which can be ordered by it).
            models.Index(
                fields=["speaker"], condition=Q(kind="quote"), name="claim_quote_speaker_idx"
            ),
            # Due dates: few claims have one, so only those are indexed (the queue's "due
            # soonest" order, the overdue filter and the dashboard's overdue list).
            models.Index(
                fields=["due_on", "id"], condition=Q(due_on__isnull=False), name="claim_due_idx"
            ),
            models.Index(
                fields=["due_on", "id"],
                condition=Q(due_on__isnull=False, status__in=OPEN_STATUSES),
                name="claim_open_due_idx",
            ),
            # The dashboard's time from take to check: the latest checks first. Empty for a
            # new claim, so an import never writes it.
            models.Index(
                fields=["-checked_at", "-id"], condition=Q(checked_at__isnull=False),
                name="claim_checked_at_idx",
            ),
            *(
                models.Index(
                    fields=[link], condition=Q(**{f"{link}__isnull": False}),
                    name=f"claim_{link}_idx",
                )
                for link in ("continues", "repeats", "checked_by", "approved_by")
            ),
        ]

    def __str__(self):
        return self.label(self.pk, self.text)

    def get_absolute_url(self):
        return reverse("claims:claim_detail", args=[self.pk])

    def get_public_url(self):
        """The published fact-check's page: it answers only while the claim is approved."""
        return reverse("claims:fact_check", args=[self.pk])

    @staticmethod
    def label(pk, text):
        """How a claim is named in lists and messages: its id and the start of its text."""
        short = text if len(text) <= 80 else text[:77] + "…"
        return f"#{pk} {short}"

    def clean(self):
        if self.paragraph_id and self.paragraph.text[self.start : self.end] != self.text:
            raise ValidationError(
                "The claim text must be exactly the characters between start and end of its "
                "paragraph; correct the offsets or the text."
            )

    @property
    def is_quote(self):
        return self.kind == ClaimKind.QUOTE

    @property
    def is_overdue(self):
        return (
            self.due_on is not None and self.status in OPEN_STATUSES
            and self.due_on < timezone.localdate()
        )

    @property
    def speaker_how_label(self):
        """How the speaker was found, in words: "a pronoun", "the paragraph before"."""
        return SPEAKER_HOW_LABELS.get(self.speaker_how, self.speaker_how.replace("_", " "))


class Annotation(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="annotations")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="annotations"
    )
    body = models.TextField()
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "id"]

    def __str__(self):
        return f"Note by {self.author} on claim {self.claim_id}"


class Evidence(models.Model):
    class Stance(models.TextChoices):
        SUPPORTS = "supports", "Supports the claim"
        CONTRADICTS = "contradicts", "Contradicts the claim"
        CONTEXT = "context", "Gives context"

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="evidence")
    stance = models.CharField(
        max_length=20,
        choices=Stance.choices,
        blank=True,
        help_text="What it says about the claim; empty for evidence added before stances.",
    )
    url = models.URLField("URL", max_length=2000, validators=[validate_web_address])
    title = models.CharField(max_length=300, blank=True)
    excerpt = models.TextField(blank=True)
    added_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="evidence_added"
    )
    added_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["added_at", "id"]
        verbose_name_plural = "evidence"
        constraints = [
            # A stance is one of the three words, or none (evidence older than stances).
            models.CheckConstraint(
                condition=Q(stance="") | Q(stance__in=["supports", "contradicts", "context"]),
                name="evidence_stance_valid",
            ),
        ]

    def __str__(self):
        return self.title or self.url


class AppendOnlyError(Exception):
    """The audit trail is append-only."""


# History entries that record review work added to a claim (a note, a piece of evidence) rather
# than a change of the claim itself: they leave its version as it was.
REVIEW_WORK_ACTIONS = ("note", "evidence", "due")


class ClaimEventQuerySet(models.QuerySet):
    def changes(self):
        """The entries that changed the claim (a review action or a correction): one for
        each version after the first."""
        return self.exclude(action__in=REVIEW_WORK_ACTIONS)

    def update(self, **kwargs):
        raise AppendOnlyError("Claim history cannot be changed.")

    def delete(self):
        raise AppendOnlyError("Claim history cannot be deleted.")


class ClaimEvent(models.Model):
    """One change of a claim, written in the same transaction as the change itself."""

    claim = models.ForeignKey(Claim, on_delete=models.PROTECT, related_name="events")
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="claim_events"
    )
    action = models.CharField(max_length=20)
    from_status = models.CharField(max_length=20, choices=ReviewStatus.choices)
    to_status = models.CharField(max_length=20, choices=ReviewStatus.choices)
    rating = models.CharField(max_length=20, choices=Rating.choices, blank=True)
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="+",
    )
    note = models.TextField(blank=True)
    # The public ruling as it was given with this verify or dispute.
    verdict = models.CharField(max_length=VERDICT_MAX_LENGTH, blank=True)
    reasoning = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    objects = ClaimEventQuerySet.as_manager()

    class Meta:
        ordering = ["created_at", "id"]
        indexes = [
            models.Index(fields=["claim", "created_at"], name="event_claim_idx"),
            # The whole history in order (the admin's list), to its last page.
            models.Index(fields=["created_at", "id"], name="event_created_idx"),
            # The admin's status filters, in the same order: a million claims' history walked
            # by date for a rare status took a tenth of a second a page.
            models.Index(fields=["from_status", "created_at", "id"], name="event_from_idx"),
            models.Index(fields=["to_status", "created_at", "id"], name="event_to_idx"),
        ]

    def __str__(self):
        return f"{self.actor} {self.action} claim {self.claim_id}"

    def save(self, *args, **kwargs):
        if self.pk is not None:
            raise AppendOnlyError("Claim history cannot be changed.")
        super().save(*args, **kwargs)

    def delete(self, *args, **kwargs):
        raise AppendOnlyError("Claim history cannot be deleted.")


class Report(models.Model):
    """A recorded export of approved claims: the same bytes can be downloaded again.

    The bytes live in :class:`ReportChunk` rows, so a report of a million claims is written and
    read back piece by piece with flat memory. ``claims.reports`` writes the report and its
    chunks in one transaction: a report exists only with all of its bytes.
    """

    class Format(models.TextChoices):
        CSV = "csv", "CSV"
        JSON = "json", "JSON"
        CLAIMREVIEW = "claimreview", "ClaimReview JSON-LD"
        HTML = "html", "Printable HTML"
        PDF = "pdf", "PDF"

    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="reports"
    )
    created_at = models.DateTimeField(auto_now_add=True)
    format = models.CharField(max_length=20, choices=Format.choices)
    filters = models.JSONField(
        default=dict,
        blank=True,
        help_text="The filters, normalized: reports with equal filters are compared.",
    )
    description = models.CharField(
        max_length=1000, blank=True, help_text="The filters in words, as they read when exported."
    )
    claim_ids = models.JSONField(default=list, blank=True)
    row_count = models.PositiveIntegerField(default=0)
    sha256 = models.CharField("SHA-256", max_length=64)
    size = models.PositiveBigIntegerField(default=0, help_text="In bytes.")

    class Meta:
        ordering = ["-created_at", "-id"]
        permissions = [("export_report", "Can export reports of approved claims")]
        constraints = [
            models.CheckConstraint(
                condition=Q(format__in=["csv", "json", "claimreview", "html", "pdf"]),
                name="report_format_valid",
            ),
        ]

    def __str__(self):
        return f"{self.get_format_display()} report of {self.row_count} claims"

    def get_absolute_url(self):
        return reverse("claims:report_detail", args=[self.pk])

    def iter_content(self):
        """The report's bytes, chunk by chunk, in order (a few chunks in memory at a time)."""
        chunks = self.chunks.order_by("sequence").values_list("data", "compressed")
        for data, compressed in chunks.iterator(chunk_size=4):
            yield zlib.decompress(data) if compressed else bytes(data)


class ReportChunk(models.Model):
    """One piece of a report's bytes, at most ``claims.reports.CHUNK_BYTES`` long before it is
    compressed."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="chunks")
    sequence = models.PositiveIntegerField()
    data = models.BinaryField()
    # Reports are text that zlib shrinks several times over, so pieces are stored compressed:
    # a 100,000-claim CSV wrote 8 MB into PostgreSQL, which took a fifth of the export's time.
    # Pieces stored before then are not.
    compressed = models.BooleanField(default=False)

    class Meta:
        ordering = ["report", "sequence"]
        constraints = [
            # The pieces of a report follow each other in one order, without doubles.
            models.UniqueConstraint(
                fields=["report", "sequence"], name="report_chunk_unique_sequence"
            ),
        ]

    def __str__(self):
        return f"Piece {self.sequence} of report {self.report_id}"


class TokenExpiry(models.Model):
    """When an API token stops working, if it was given its own expiry.

    A token without one (made in the admin) expires FACTCHECK_API_TOKEN_DAYS after it was made.
    Deleting the token (rotating it) deletes this with it.
    """

    token = models.OneToOneField(
        "authtoken.Token", on_delete=models.CASCADE, primary_key=True, related_name="expiry"
    )
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = "API token expiry"
        verbose_name_plural = "API token expiries"

    def __str__(self):
        return f"Token of {self.token.user_id} expires {self.expires_at:%Y-%m-%d %H:%M}"


class ClaimMatchText(models.Model):
    """A claim's text as it is compared with other claims (``claims.match_text``), indexed.

    One row per claim once the claim has been compared with the desk's earlier claims:
    ``claims.matching`` writes it with the claim's matches, after the import's transaction, so
    a claim without one is still waiting to be compared. The release is repeated here so that
    a claim is compared with other releases' claims without a join. PostgreSQL indexes the text
    for full-text search (GIN, ``simple`` configuration); SQLite keeps an FTS5 table in step
    (migration 0009).
    """

    claim = models.OneToOneField(
        Claim, on_delete=models.CASCADE, primary_key=True, related_name="match_text"
    )
    release = models.ForeignKey(Release, on_delete=models.CASCADE, related_name="+",
                                db_index=False)
    text = models.TextField()

    def __str__(self):
        return f"Match text of claim {self.claim_id}"


class ClaimMatch(models.Model):
    """A claim the desk met before: ``claim`` reads like ``earlier``, from another release.

    Written by ``claims.matching`` when ``claim`` is compared with the desk's earlier claims;
    ``similarity`` is how close they read (0 to 1). A reviewer who starts from ``earlier``'s
    check (``workflow.start_from_check``) marks the link, which both claims' pages show.
    """

    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="matches")
    earlier = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="matched_by",
                                db_index=False)
    similarity = models.FloatField()
    created_at = models.DateTimeField(auto_now_add=True)
    started_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True,
        related_name="+", db_index=False,
    )
    started_at = models.DateTimeField(
        null=True, blank=True, help_text="When a reviewer started this claim's check from "
        "the earlier claim's ruling and evidence."
    )

    class Meta:
        ordering = ["claim", "-similarity", "earlier"]
        constraints = [
            # One link between two claims, and never from a claim to itself.
            models.UniqueConstraint(fields=["claim", "earlier"], name="claimmatch_unique_pair"),
            models.CheckConstraint(
                condition=~Q(claim=models.F("earlier")), name="claimmatch_not_itself"
            ),
            models.CheckConstraint(
                condition=Q(similarity__gte=0) & Q(similarity__lte=1),
                name="claimmatch_similarity_range",
            ),
        ]
        indexes = [
            # The later claims that met this one (its page, deleting it).
            models.Index(fields=["earlier"], name="claimmatch_earlier_idx"),
        ]

    def __str__(self):
        return f"Claim {self.claim_id} reads like {self.earlier_id} ({self.similarity:.2f})"


class SearchMatch(models.Lookup):
    """``<fts5 table's hidden column> MATCH <query>``: an SQLite FTS5 full-text search."""

    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class FTS5Column(models.TextField):
    """The hidden column an FTS5 table has under its own name, which MATCH searches."""


FTS5Column.register_lookup(SearchMatch)


class ClaimSearchEntry(models.Model):
    """SQLite only: a claim's row in the FTS5 index of migration 0011 (claims.search joins it to
    rank a search by bm25). Not managed: the migration makes the table and triggers fill it."""

    claim = models.OneToOneField(
        Claim, on_delete=models.DO_NOTHING, primary_key=True, db_column="rowid",
        db_constraint=False, related_name="search_entry",
    )
    document = FTS5Column(db_column="claims_claim_search")

    class Meta:
        managed = False
        db_table = "claims_claim_search"

    def __str__(self):
        return f"Search entry of claim {self.claim_id}"


class Notification(models.Model):
    """Something that needs a person: a claim assigned to them, awaiting their approval, or
    returned to them. Shown in the app; e-mailed at once, in a daily digest or not at all, as
    the person chose (:class:`NotificationSettings`)."""

    class Kind(models.TextChoices):
        ASSIGNED = "assigned", "Assigned to you"
        AWAITING_APPROVAL = "awaiting_approval", "Awaiting approval"
        RETURNED = "returned", "Returned for review"

    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications",
        db_index=False,
    )
    kind = models.CharField(max_length=30, choices=Kind.choices)
    claim = models.ForeignKey(
        Claim, on_delete=models.CASCADE, related_name="notifications", db_index=False
    )
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True,
        related_name="+", db_index=False,
    )
    message = models.CharField(max_length=500)
    created_at = models.DateTimeField(auto_now_add=True)
    read_at = models.DateTimeField(null=True, blank=True)
    # When it went out by e-mail (at once or in a digest); empty until then, and for ever for
    # someone who chose no e-mail.
    emailed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-id"]
        constraints = [
            models.CheckConstraint(
                condition=Q(kind__in=["assigned", "awaiting_approval", "returned"]),
                name="notification_kind_valid",
            ),
        ]
        indexes = [
            # A person's list, newest first.
            models.Index(fields=["recipient", "-created_at", "-id"], name="notification_list_idx"),
            # The unread count in the menu, and marking a claim's notifications read.
            models.Index(
                fields=["recipient", "claim"], condition=Q(read_at__isnull=True),
                name="notification_unread_idx",
            ),
            # The daily digest: what has not gone out yet.
            models.Index(
                fields=["recipient"], condition=Q(emailed_at__isnull=True),
                name="notification_unsent_idx",
            ),
            models.Index(fields=["claim"], name="notification_claim_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()}: claim {self.claim_id} for {self.recipient_id}"


class NotificationSettings(models.Model):
    """How a person wants to hear about what needs them, besides the list in the app."""

    class Email(models.TextChoices):
        IMMEDIATE = "immediate", "An e-mail for each, at once"
        DAILY = "daily", "One e-mail a day with everything new"
        NONE = "none", "No e-mail: only the list in the app"

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, primary_key=True,
        related_name="notification_settings",
    )
    email = models.CharField(
        "e-mail", max_length=20, choices=Email.choices, default=Email.IMMEDIATE
    )

    class Meta:
        verbose_name_plural = "notification settings"
        constraints = [
            models.CheckConstraint(
                condition=Q(email__in=["immediate", "daily", "none"]),
                name="notification_settings_email_valid",
            ),
        ]

    def __str__(self):
        return f"{self.user_id}: {self.email}"
