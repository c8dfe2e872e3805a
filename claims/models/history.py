"""The append-only histories of claims and of speakers' records."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from claims.models.claims import VERDICT_MAX_LENGTH, Claim, Rating, ReviewStatus
from claims.models.speakers import Speaker


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
