"""Memory across releases: each claim's text for matching, and the earlier claims it reads
like ("checked before").
"""

from django.conf import settings
from django.db import models
from django.db.models import Q

from claims.models.claims import Claim
from claims.models.releases import Release


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
