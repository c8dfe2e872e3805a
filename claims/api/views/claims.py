"""Claims: the list read page after page, one claim, corrections, and the review actions."""

from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.decorators import action
from rest_framework.response import Response
from rest_framework.reverse import reverse

from claims import search, selectors, workflow
from claims.api.pagination import ClaimCursorPagination
from claims.api.permissions import CanEditClaim
from claims.api.schema import CONFLICT
from claims.api.serializers.claims import (
    CLAIM_ROW_COLUMNS,
    CheckedBeforeSerializer,
    ClaimAddSerializer,
    ClaimDetailSerializer,
    ClaimEditSerializer,
    ClaimSerializer,
    MergeSerializer,
    SplitSerializer,
    StartFromCheckSerializer,
    TransitionSerializer,
    claim_row,
)
from claims.api.serializers.common import ErrorSerializer
from claims.api.views.common import DeskAPIMixin, missing
from claims.filters import ClaimFilter
from claims.models import Claim

# The columns a page's cursor reads that a claims list row does not show (reading order's).
ORDER_COLUMNS = ("paragraph_id", "start")


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
            "highest first (a search: newest first), unless `ordering` says otherwise (with "
            "`q`, `-relevance` puts the best matches first; a search finding more than "
            f"{search.CLAIMS.few:,} claims sorts its {search.CLAIMS.few:,} newest by score or "
            "relevance). Read page after page by following "
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
        columns = (*CLAIM_ROW_COLUMNS, *ORDER_COLUMNS)
        if search.RELEVANCE in claims.query.annotations:
            columns = (*columns, search.RELEVANCE)
        rows = self.paginate_queryset(claims.values(*columns))
        return self.get_paginated_response([claim_row(row) for row in rows])

    def get_serializer_class(self):
        if self.action == "list":
            return ClaimSerializer
        if self.action == "partial_update":
            return ClaimEditSerializer
        if self.action == "transition":
            return TransitionSerializer
        if self.action == "create":
            return ClaimAddSerializer
        if self.action == "split":
            return SplitSerializer
        if self.action == "merge":
            return MergeSerializer
        if self.action == "start_from":
            return StartFromCheckSerializer
        if self.action == "checked_before":
            return CheckedBeforeSerializer
        return ClaimDetailSerializer

    def _detail(self, pk):
        claim = self.get_queryset().get(pk=pk)
        context = self.get_serializer_context()
        return Response(ClaimDetailSerializer(claim, context=context).data)

    @extend_schema(
        summary="Correct a claim (editors)",
        description=(
            "Correct the text, span, attribution, speaker or kind. The text must stay exactly "
            "the paragraph's characters from `start` to `end`. Status, rating and assignee "
            "change only through `transition/`."
        ),
        request=ClaimEditSerializer,
        responses={
            200: ClaimDetailSerializer,
            409: OpenApiResponse(ErrorSerializer, CONFLICT),
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
        request=ClaimAddSerializer,
        responses={201: ClaimDetailSerializer},
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
        request=SplitSerializer,
        responses={
            201: ClaimDetailSerializer,
            409: OpenApiResponse(ErrorSerializer, CONFLICT),
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
        request=MergeSerializer,
        responses={
            200: ClaimDetailSerializer,
            409: OpenApiResponse(ErrorSerializer, CONFLICT),
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
        request=TransitionSerializer,
        responses={
            200: ClaimDetailSerializer,
            409: OpenApiResponse(ErrorSerializer, CONFLICT),
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
        responses={200: CheckedBeforeSerializer(many=True)},
    )
    @action(detail=True, methods=["get"], url_path="checked-before", pagination_class=None)
    def checked_before(self, request, pk=None):
        # The claim by its id alone: the list's filters in the query string are not this
        # endpoint's, and the rows need nothing of the claim but its id.
        claim = Claim.objects.filter(pk=pk).only("pk").first()
        if claim is None:
            raise missing(Claim, pk)
        rows = selectors.checked_before(claim)
        return Response(CheckedBeforeSerializer(rows, many=True).data)

    @extend_schema(
        summary="Start this claim's check from an earlier claim's (its reviewer)",
        description=(
            "Copies the earlier claim's ruling and evidence onto this one as a draft: the claim "
            "stays in review and unrated until it is verified or disputed. The link between "
            "the two claims is kept; the history records it."
        ),
        request=StartFromCheckSerializer,
        responses={
            200: ClaimDetailSerializer,
            409: OpenApiResponse(ErrorSerializer, CONFLICT),
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
