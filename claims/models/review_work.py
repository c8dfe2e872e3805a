"""What reviewers add to a claim: notes (its discussion) and evidence."""

from django.conf import settings
from django.db import models
from django.db.models import Q

from claims.models.claims import Claim
from claims.validators import validate_web_address


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
