"""Claims and quotes: what kind each is, where it sits in its paragraph, and its review."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from claims.models.releases import Paragraph, Release
from claims.models.speakers import Speaker


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
    "next_paragraph": "the quote after it",
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
            # A filter with the newest (or oldest) order, read either way: SQLite, without
            # statistics, takes the filter's index and sorts every claim it holds (the
            # unassigned tab newest first sorted 70% of the desk: 1 s at 100,000 claims).
            models.Index(
                fields=["assignee", "-created_at", "-id"], name="claim_assignee_newest_idx"
            ),
            models.Index(fields=["kind", "-created_at", "-id"], name="claim_kind_newest_idx"),
            models.Index(fields=["rating", "-created_at", "-id"], name="claim_rating_newest_idx"),
            # A person's or a kind's claims release by release: SQLite sorts only the few claims
            # of each release. (Not a rating's: SQLite would take it for the reports page's
            # approved claims of a rating, which claim_approved_rating_idx holds alone.)
            models.Index(fields=["assignee", "release"], name="claim_assignee_by_release_idx"),
            models.Index(fields=["kind", "release"], name="claim_kind_by_release_idx"),
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
