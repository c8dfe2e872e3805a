"""A claim's notes, evidence and history, at ``claims/<claim_id>/...``."""

from django.utils.functional import cached_property
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets

from claims import workflow
from claims.api.permissions import CanAddEvidence, CanAnnotateClaim
from claims.api.schema import CLOSED
from claims.api.serializers.claims import (
    AnnotationSerializer,
    ClaimEventSerializer,
    EvidenceSerializer,
)
from claims.api.serializers.common import ErrorSerializer
from claims.api.views.common import DeskAPIMixin, missing
from claims.models import Annotation, Claim, ClaimEvent, Evidence


class ClaimPartViewSet(DeskAPIMixin, viewsets.GenericViewSet):
    """The notes, evidence or history of one claim, at ``claims/<claim_id>/...``."""

    @cached_property
    def claim(self):
        claim_id = self.kwargs["claim_id"]
        claim = Claim.objects.filter(pk=claim_id).first()
        if claim is None:
            raise missing(Claim, claim_id)
        return claim

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            # drf-spectacular inspects the view without a request or a claim id.
            return self.queryset.none()
        return self.queryset.filter(claim=self.claim)


@extend_schema_view(
    list=extend_schema(summary="The discussion of a claim", description="Oldest first."),
    create=extend_schema(
        summary="Add a note to a claim",
        description=(
            "Editors and reviewers add to a claim's discussion; notes are never edited, and "
            "each appears in the claim's history. An approved claim takes notes after its "
            "approval (they change nothing published); a dismissed one takes none until it is "
            "restored (409)."
        ),
        responses={
            201: AnnotationSerializer,
            409: OpenApiResponse(ErrorSerializer, CLOSED),
        },
    ),
)
class AnnotationViewSet(ClaimPartViewSet, mixins.ListModelMixin, mixins.CreateModelMixin):
    queryset = Annotation.objects.select_related("author")
    serializer_class = AnnotationSerializer
    action_permissions = {"create": [CanAnnotateClaim]}

    def perform_create(self, serializer):
        serializer.instance = workflow.add_note(
            self.claim, by=self.request.user, **serializer.validated_data
        )


@extend_schema_view(
    list=extend_schema(summary="The evidence for a claim", description="Oldest first."),
    create=extend_schema(
        summary="Add evidence to a claim",
        description=(
            "A web page or document that supports or contradicts the claim (http or https). "
            "A claim needs at least one piece of evidence to be verified. Each piece appears in "
            "the claim's history. An approved claim is published with the evidence it has, and "
            "a dismissed one is out of the review: both answer 409 until reopened or restored."
        ),
        responses={
            201: EvidenceSerializer,
            409: OpenApiResponse(ErrorSerializer, CLOSED),
        },
    ),
)
class EvidenceViewSet(ClaimPartViewSet, mixins.ListModelMixin, mixins.CreateModelMixin):
    queryset = Evidence.objects.select_related("added_by")
    serializer_class = EvidenceSerializer
    action_permissions = {"create": [CanAddEvidence]}

    def perform_create(self, serializer):
        serializer.instance = workflow.add_evidence(
            self.claim, by=self.request.user, **serializer.validated_data
        )


@extend_schema_view(
    list=extend_schema(
        summary="The history of a claim",
        description="Every change, oldest first; the history is never edited.",
    )
)
class ClaimEventViewSet(ClaimPartViewSet, mixins.ListModelMixin):
    queryset = ClaimEvent.objects.select_related("actor", "assignee")
    serializer_class = ClaimEventSerializer
