"""What the desk tells people (a claim assigned to them, returned, due) and how they want
to hear it.
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from claims.models.claims import Claim


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
