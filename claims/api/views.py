"""The API's viewsets: releases, claims (with their review actions), notes, evidence, history,
speakers. Each reads through ``select_related``/``prefetch_related`` so a list costs the same
few queries whatever a page holds.
"""

from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.functional import cached_property
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import exceptions, mixins, routers, status, viewsets
from rest_framework.decorators import action
from rest_framework.parsers import MultiPartParser
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.reverse import reverse

from claims import importing, search, selectors, workflow
from claims.api import errors, serializers
from claims.api.authentication import API_AUTHENTICATION
from claims.api.pagination import ClaimCursorPagination, PageNumberPagination
from claims.api.parsers import JSONParser
from claims.api.permissions import (
    CanAddEvidence,
    CanAnnotateClaim,
    CanEditClaim,
    CanImportReleases,
    CanManageSpeakers,
    CanViewDesk,
)
from claims.api.schema import CLOSED, CONFLICT, AutoSchema
from claims.filters import ClaimFilter, ReleaseFilter
from claims.models import (
    Annotation,
    Claim,
    ClaimEvent,
    ClaimKind,
    Evidence,
    Paragraph,
    Release,
    Speaker,
)

# The columns a page's cursor reads that a claims list row does not show (reading order's).
ORDER_COLUMNS = ("paragraph_id", "start")


# What every API view shares: who may call, how errors and pages look, JSON only. (A comment,
# not a docstring: drf-spectacular would show a docstring as every operation's description.)
class DeskAPIMixin:
    authentication_classes = API_AUTHENTICATION
    permission_classes = [CanViewDesk]
    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser]
    pagination_class = PageNumberPagination
    schema = AutoSchema()
    # Ids in URLs are whole numbers: anything else names no endpoint (a JSON 404).
    lookup_value_converter = "int"
    # For each action, the permissions it needs on top of CanViewDesk.
    action_permissions = {}

    def get_exception_handler(self):
        return errors.exception_handler

    def get_permissions(self):
        extra = self.action_permissions.get(getattr(self, "action", None), [])
        return [permission() for permission in [*self.permission_classes, *extra]]

    def get_object(self):
        try:
            return super().get_object()
        except Http404:
            raise _missing(self.get_queryset().model, self.kwargs.get(self.lookup_field)) from None


class APIRootView(DeskAPIMixin, routers.APIRootView):
    """``/api/v1/``: a link to each list."""

    schema = None  # an index, not an operation to document


def _missing(model, pk):
    return exceptions.NotFound(f"There is no {model._meta.verbose_name} with id {pk}.")


@extend_schema_view(
    list=extend_schema(
        summary="List releases",
        description=(
            "Newest first, with how many claims each has in every review status. Filter by "
            "organization (any case), publication date range, and search title and text (`q`)."
        ),
    ),
    retrieve=extend_schema(
        summary="A release with its paragraphs and progress",
        description=(
            "Its paragraphs in order (position 0 is the headline) and how many of its claims "
            "are in each review status."
        ),
    ),
)
class ReleaseViewSet(
    DeskAPIMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    filterset_class = ReleaseFilter
    parser_classes = [JSONParser, MultiPartParser]
    action_permissions = {"create": [CanImportReleases]}

    def get_queryset(self):
        releases = Release.objects.select_related("imported_by").order_by("-created_at", "-id")
        if self.action == "list":
            return releases.defer("body")
        first = Paragraph.objects.order_by("position")[: serializers.PARAGRAPHS_IN_DETAIL]
        count = (
            Paragraph.objects.filter(release=OuterRef("pk")).order_by()
            .values("release").annotate(n=Count("id")).values("n")
        )
        return releases.annotate(
            paragraph_count=Coalesce(Subquery(count), 0)
        ).prefetch_related(Prefetch("paragraphs", queryset=first, to_attr="first_paragraphs"))

    # The claim counts of the shown releases only (selectors.with_status_counts).
    def paginate_queryset(self, queryset):
        page = super().paginate_queryset(queryset)
        return page if page is None else selectors.with_status_counts(page)

    def get_object(self):
        return selectors.with_status_counts([super().get_object()])[0]

    def get_serializer_class(self):
        if self.action == "list":
            return serializers.ReleaseSerializer
        if self.action == "create":
            return serializers.ReleaseImportSerializer
        return serializers.ReleaseDetailSerializer

    @extend_schema(
        summary="Import a release",
        description=(
            "Send the release as JSON text or as a multipart file upload. It is split into "
            "paragraphs and its quotes and claims are extracted, all in one transaction. "
            "Text already imported answers 200 with the existing release instead of a copy."
        ),
        request={
            "application/json": serializers.ReleaseTextImportSerializer,
            "multipart/form-data": serializers.ReleaseFileImportSerializer,
        },
        responses={
            201: OpenApiResponse(serializers.ReleaseImportResultSerializer, "Imported."),
            200: OpenApiResponse(
                serializers.ReleaseImportResultSerializer,
                "This text was imported before: the existing release, unchanged.",
            ),
        },
    )
    def create(self, request):
        form = self.get_serializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        metadata = {
            "by": request.user,
            "source_url": data.get("url", ""),
            "organization": data.get("organization", ""),
            "published_on": data.get("published_on"),
        }
        try:
            if "file" in data:
                upload = data["file"]
                result = importing.import_bytes(upload.read(), filename=upload.name, **metadata)
            else:
                result = importing.import_text(data["text"], **metadata)
        except importing.ImportRefused as error:
            raise errors.ImportRefused(str(error)) from None

        release = selectors.with_status_counts([self.get_queryset().get(pk=result.release.pk)])[0]
        context = {**self.get_serializer_context(), "import_result": result}
        body = serializers.ReleaseImportResultSerializer(release, context=context).data
        if not result.created:
            return Response(body, status=status.HTTP_200_OK)
        location = reverse("api:release-detail", args=[release.pk], request=request)
        return Response(body, status=status.HTTP_201_CREATED, headers={"Location": location})


@extend_schema_view(
    list=extend_schema(
        summary="The paragraphs of a release",
        description="In order, page by page; position 0 is the headline.",
    )
)
class ParagraphViewSet(DeskAPIMixin, mixins.ListModelMixin, viewsets.GenericViewSet):
    serializer_class = serializers.ParagraphSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Paragraph.objects.none()
        release_id = self.kwargs["release_id"]
        if not Release.objects.filter(pk=release_id).exists():
            raise _missing(Release, release_id)
        return Paragraph.objects.filter(release_id=release_id).order_by("position")


def _transition_description():
    """The workflow table, as the API reference shows it (read from workflow.ACTIONS)."""
    lines = [
        "Apply one review action; answers the claim as it is afterwards.",
        "",
        "| action | from status | to status | needs |",
        "| --- | --- | --- | --- |",
    ]
    for spec in workflow.ACTIONS.values():
        needs = []
        if spec.ratings:
            needs.append("rating: " + ", ".join(spec.ratings))
        if spec.needs_note:
            needs.append("note")
        if spec.needs_ruling:
            needs.append("verdict and reasoning (the public ruling)")
        if spec.needs_evidence:
            needs.append("evidence on the claim")
        if spec.needs_assignee:
            needs.append("assignee")
        lines.append(
            f"| {spec.name} | {', '.join(spec.from_statuses)} | {spec.to_status} | "
            f"{'; '.join(needs) or '—'} |"
        )
    lines += [
        "",
        "Send the `version` you loaded: if the claim changed since, nothing moves and the "
        "answer is 409. `allowed_actions` on the claim lists what you may do now.",
    ]
    return "\n".join(lines)


@extend_schema_view(
    list=extend_schema(
        summary="List claims and quotes",
        description=(
            "Filter, search (`q`: text, speaker, release title) and order the claims: by score, "
            "highest first, unless `ordering` says otherwise (with `q`, `-relevance` puts the "
            "best matches first). Read page after page by following "
            "`next`: a page starts right after the last row of the one before, so claims never "
            "repeat or go missing between pages, and the list is never counted."
        ),
    ),
    retrieve=extend_schema(
        summary="A claim with its source paragraph and allowed actions",
        description=(
            "The claim with its paragraph's text (`text` is `paragraph_text[start:end]`), "
            "speaker, attribution, the reasons it was picked, who checked and approved it, the "
            "`version` to send back with a change, and the actions you may take now."
        ),
    ),
)
class ClaimViewSet(
    DeskAPIMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    filterset_class = ClaimFilter
    pagination_class = ClaimCursorPagination
    action_permissions = {"partial_update": [CanEditClaim]}

    def get_queryset(self):
        if self.action == "list":
            # Rows are read with .values() (see list), which joins what it names itself.
            return Claim.objects.all()
        claims = Claim.objects.with_context().defer("release__body")
        return claims.select_related("checked_by", "approved_by")

    def list(self, request):
        claims = self.filter_queryset(self.get_queryset())
        # The columns of a page's cursor too (reading order's; a search's relevance).
        columns = (*serializers.CLAIM_ROW_COLUMNS, *ORDER_COLUMNS)
        if search.RELEVANCE in claims.query.annotations:
            columns = (*columns, search.RELEVANCE)
        rows = self.paginate_queryset(claims.values(*columns))
        return self.get_paginated_response([serializers.claim_row(row) for row in rows])

    def get_serializer_class(self):
        if self.action == "list":
            return serializers.ClaimSerializer
        if self.action == "partial_update":
            return serializers.ClaimEditSerializer
        if self.action == "transition":
            return serializers.TransitionSerializer
        if self.action == "create":
            return serializers.ClaimAddSerializer
        if self.action == "split":
            return serializers.SplitSerializer
        if self.action == "merge":
            return serializers.MergeSerializer
        if self.action == "start_from":
            return serializers.StartFromCheckSerializer
        if self.action == "checked_before":
            return serializers.CheckedBeforeSerializer
        return serializers.ClaimDetailSerializer

    def _detail(self, pk):
        claim = self.get_queryset().get(pk=pk)
        context = self.get_serializer_context()
        return Response(serializers.ClaimDetailSerializer(claim, context=context).data)

    @extend_schema(
        summary="Correct a claim (editors)",
        description=(
            "Correct the text, span, attribution, speaker or kind. The text must stay exactly "
            "the paragraph's characters from `start` to `end`. Status, rating and assignee "
            "change only through `transition/`."
        ),
        request=serializers.ClaimEditSerializer,
        responses={
            200: serializers.ClaimDetailSerializer,
            409: OpenApiResponse(serializers.ErrorSerializer, CONFLICT),
        },
    )
    def partial_update(self, request, pk=None):
        claim = self.get_object()
        form = self.get_serializer(claim, data=request.data)
        form.is_valid(raise_exception=True)
        form.save()
        return self._detail(claim.pk)

    @extend_schema(
        summary="Add a quote or claim the importer missed (editors)",
        description=(
            "The characters `start` to `end` of a paragraph (spaces at either end are left "
            "out) become a pending claim, scored from what it says; its history records who "
            "added it."
        ),
        request=serializers.ClaimAddSerializer,
        responses={201: serializers.ClaimDetailSerializer},
    )
    def create(self, request):
        form = self.get_serializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        claim = workflow.add_claim(
            data["paragraph"], by=request.user, start=data["start"], end=data["end"],
            kind=data["kind"], speaker=data.get("speaker"),
            attribution=data.get("attribution", ""),
        )
        response = self._detail(claim.pk)
        response.status_code = status.HTTP_201_CREATED
        response["Location"] = reverse("api:claim-detail", args=[claim.pk], request=request)
        return response

    @extend_schema(
        summary="Split a claim in two (editors)",
        description=(
            "The claim keeps the words before `at` (a paragraph offset between two words); a "
            "new pending claim of the same kind and speaker takes the words after. Only a "
            "claim not yet verified or disputed can be split. Answers the new claim."
        ),
        request=serializers.SplitSerializer,
        responses={
            201: serializers.ClaimDetailSerializer,
            409: OpenApiResponse(serializers.ErrorSerializer, CONFLICT),
        },
    )
    @action(detail=True, methods=["post"])
    def split(self, request, pk=None):
        claim = self.get_object()
        form = self.get_serializer(data=request.data)
        form.is_valid(raise_exception=True)
        _, new = workflow.split_claim(
            claim, by=request.user, version=form.validated_data["version"],
            at=form.validated_data["at"],
        )
        response = self._detail(new.pk)
        response.status_code = status.HTTP_201_CREATED
        return response

    @extend_schema(
        summary="Merge another claim of the same paragraph into this one (editors)",
        description=(
            "This claim stretches over both spans; the other is dismissed, its history "
            "pointing here. Neither may be verified, disputed or approved yet."
        ),
        request=serializers.MergeSerializer,
        responses={
            200: serializers.ClaimDetailSerializer,
            409: OpenApiResponse(serializers.ErrorSerializer, CONFLICT),
        },
    )
    @action(detail=True, methods=["post"])
    def merge(self, request, pk=None):
        claim = self.get_object()
        form = self.get_serializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        workflow.merge_claims(
            claim, data["other"], by=request.user, version=data["version"],
            other_version=data["other_version"],
        )
        return self._detail(claim.pk)

    @extend_schema(
        summary="Move a claim through the review",
        description=_transition_description(),
        request=serializers.TransitionSerializer,
        responses={
            200: serializers.ClaimDetailSerializer,
            409: OpenApiResponse(serializers.ErrorSerializer, CONFLICT),
        },
    )
    @action(detail=True, methods=["post"])
    def transition(self, request, pk=None):
        claim = self.get_object()
        form = self.get_serializer(data=request.data)
        form.is_valid(raise_exception=True)
        data = form.validated_data
        workflow.transition(
            claim,
            data["action"],
            by=request.user,
            rating=data.get("rating"),
            note=data.get("note", ""),
            version=data["version"],
            assignee=data.get("assignee"),
            verdict=data.get("verdict", ""),
            reasoning=data.get("reasoning", ""),
        )
        return self._detail(claim.pk)


    @extend_schema(
        summary="The earlier claims this claim reads like (checked before)",
        description=(
            "Claims of other releases, imported earlier, that read like this one, closest "
            "first, with their status, rating, ruling, speaker and release."
        ),
        responses={200: serializers.CheckedBeforeSerializer(many=True)},
    )
    @action(detail=True, methods=["get"], url_path="checked-before", pagination_class=None)
    def checked_before(self, request, pk=None):
        # The claim by its id alone: the list's filters in the query string are not this
        # endpoint's, and the rows need nothing of the claim but its id.
        claim = Claim.objects.filter(pk=pk).only("pk").first()
        if claim is None:
            raise _missing(Claim, pk)
        rows = selectors.checked_before(claim)
        return Response(serializers.CheckedBeforeSerializer(rows, many=True).data)

    @extend_schema(
        summary="Start this claim's check from an earlier claim's (its reviewer)",
        description=(
            "Copies the earlier claim's ruling and evidence onto this one as a draft: the claim "
            "stays in review and unrated until it is verified or disputed. The link between "
            "the two claims is kept; the history records it."
        ),
        request=serializers.StartFromCheckSerializer,
        responses={
            200: serializers.ClaimDetailSerializer,
            409: OpenApiResponse(serializers.ErrorSerializer, CONFLICT),
        },
    )
    @action(detail=True, methods=["post"], url_path="start-from")
    def start_from(self, request, pk=None):
        claim = self.get_object()
        form = self.get_serializer(data=request.data)
        form.is_valid(raise_exception=True)
        workflow.start_from_check(
            claim, by=request.user, earlier=form.validated_data["earlier"],
            version=form.validated_data["version"],
        )
        return self._detail(claim.pk)


class ClaimPartViewSet(DeskAPIMixin, viewsets.GenericViewSet):
    """The notes, evidence or history of one claim, at ``claims/<claim_id>/...``."""

    @cached_property
    def claim(self):
        claim_id = self.kwargs["claim_id"]
        claim = Claim.objects.filter(pk=claim_id).first()
        if claim is None:
            raise _missing(Claim, claim_id)
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
            201: serializers.AnnotationSerializer,
            409: OpenApiResponse(serializers.ErrorSerializer, CLOSED),
        },
    ),
)
class AnnotationViewSet(ClaimPartViewSet, mixins.ListModelMixin, mixins.CreateModelMixin):
    queryset = Annotation.objects.select_related("author")
    serializer_class = serializers.AnnotationSerializer
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
            201: serializers.EvidenceSerializer,
            409: OpenApiResponse(serializers.ErrorSerializer, CLOSED),
        },
    ),
)
class EvidenceViewSet(ClaimPartViewSet, mixins.ListModelMixin, mixins.CreateModelMixin):
    queryset = Evidence.objects.select_related("added_by")
    serializer_class = serializers.EvidenceSerializer
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
    serializer_class = serializers.ClaimEventSerializer


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
            return serializers.SpeakerSerializer
        if self.action == "merge":
            return serializers.SpeakerMergeSerializer
        if self.action == "split":
            return serializers.SpeakerSplitSerializer
        return serializers.SpeakerDetailSerializer

    def _record(self, pk):
        speaker = self.get_queryset().get(pk=pk)
        return Response(serializers.SpeakerDetailSerializer(
            speaker, context=self.get_serializer_context()).data)

    @extend_schema(
        summary="Merge another speaker record into this one (editors)",
        description=(
            "The same person under two records: the other record's claims, aliases (and its "
            "name as an alias) and roles move here, it points here from then on, and both "
            "records' histories say so. One transaction."
        ),
        request=serializers.SpeakerMergeSerializer,
        responses={200: serializers.SpeakerDetailSerializer,
                   409: OpenApiResponse(serializers.ErrorSerializer, CONFLICT)},
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
        request=serializers.SpeakerSplitSerializer,
        responses={200: serializers.SpeakerDetailSerializer,
                   409: OpenApiResponse(serializers.ErrorSerializer, CONFLICT)},
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
