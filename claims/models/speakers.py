"""The people quoted, shared across releases, and the roles they held over time."""

from django.db import models
from django.db.models import Q
from django.urls import reverse


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
