"""Recorded exports of approved claims, kept so each can be downloaded again byte for byte."""

import zlib

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.urls import reverse


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
