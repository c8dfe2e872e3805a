"""A release as imported, and its paragraphs (position 0 is the headline)."""

from django.conf import settings
from django.db import models
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
            # The admin's release list sorts by title (without it, every release is read and
            # sorted: 50 ms at 28,000 releases on PostgreSQL).
            models.Index(fields=["title"], name="release_title_idx"),
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
