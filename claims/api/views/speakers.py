"""Speakers: the list, a speaker's record with their quotes, merging and splitting records."""

from django.db.models import Prefetch
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response

from claims import selectors, workflow
from claims.api.permissions import CanManageSpeakers
from claims.api.schema import CONFLICT
from claims.api.serializers.common import ErrorSerializer
from claims.api.serializers.speakers import (
    SpeakerDetailSerializer,
    SpeakerMergeSerializer,
    SpeakerSerializer,
    SpeakerSplitSerializer,
)
from claims.api.views.common import DeskAPIMixin
from claims.models import Claim, ClaimKind, Speaker


@extend_schema_view(
    list=extend_schema(
        summary="List speakers",
        description="Everyone quoted in a release, by name, with how many quotes each has.",
    ),
    retrieve=extend_schema(
        summary="A speaker with every quote of theirs",
        description="Their quotes across all releases, newest release first.",
    ),
)
class SpeakerViewSet(
    DeskAPIMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    def get_queryset(self):
        speakers = selectors.with_quote_counts(Speaker.objects.order_by("name"))
        if self.action == "list":
            return speakers
        quotes = (
            Claim.objects.filter(kind=ClaimKind.QUOTE)
            .select_related("release", "paragraph")
            .defer("release__body", "paragraph__text")
            .order_by("-release__created_at", "release_id", "paragraph__position", "start")
        )
        return speakers.prefetch_related(Prefetch("claims", queryset=quotes, to_attr="quotes"))

    action_permissions = {"merge": [CanManageSpeakers], "split": [CanManageSpeakers]}

    def get_serializer_class(self):
        if self.action == "list":
            return SpeakerSerializer
        if self.action == "merge":
            return SpeakerMergeSerializer
        if self.action == "split":
            return SpeakerSplitSerializer
        return SpeakerDetailSerializer

    def _record(self, pk):
        speaker = self.get_queryset().get(pk=pk)
        return Response(SpeakerDetailSerializer(
            speaker, context=self.get_serializer_context()).data)

    @extend_schema(
        summary="Merge another speaker record into this one (editors)",
        description=(
            "The same person under two records: the other record's claims, aliases (and its "
            "name as an alias) and roles move here, it points here from then on, and both "
            "records' histories say so. One transaction."
        ),
        request=SpeakerMergeSerializer,
        responses={200: SpeakerDetailSerializer,
                   409: OpenApiResponse(ErrorSerializer, CONFLICT)},
    )
    @action(detail=True, methods=["post"])
    def merge(self, request, pk=None):
        speaker = self.get_object()
        form = self.get_serializer(data=request.data)
        form.is_valid(raise_exception=True)
        workflow.merge_speakers(
            speaker, form.validated_data["other"], by=request.user,
            note=form.validated_data["note"],
        )
        return self._record(speaker.pk)

    @extend_schema(
        summary="Split claims and aliases out of this speaker record (editors)",
        description=(
            "A wrong merge undone, or a record that holds two people: the chosen claims and "
            "aliases move to `into` (a record merged into this one becomes a record of its "
            "own again) or to a new record called `name`. Both histories say so. Answers "
            "with the record they went to."
        ),
        request=SpeakerSplitSerializer,
        responses={200: SpeakerDetailSerializer,
                   409: OpenApiResponse(ErrorSerializer, CONFLICT)},
    )
    @action(detail=True, methods=["post"])
    def split(self, request, pk=None):
        speaker = self.get_object()
        form = self.get_serializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        target = workflow.split_speaker(
            speaker, by=request.user, claim_ids=data["claims"], aliases=data["aliases"],
            into=data["into"], name=data["name"], note=data["note"],
        )
        return self._record(target.pk)
