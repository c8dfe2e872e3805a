"""Releases: the list, one release with its first paragraphs, importing, and the
paragraphs page by page.
"""

from django.db.models import Count, OuterRef, Prefetch, Subquery
from django.db.models.functions import Coalesce
from drf_spectacular.utils import OpenApiResponse, extend_schema, extend_schema_view
from rest_framework import mixins, status, viewsets
from rest_framework.parsers import MultiPartParser
from rest_framework.response import Response
from rest_framework.reverse import reverse

from claims import importing, selectors
from claims.api import errors
from claims.api.parsers import JSONParser
from claims.api.permissions import CanImportReleases
from claims.api.serializers.releases import (
    PARAGRAPHS_IN_DETAIL,
    ParagraphSerializer,
    ReleaseDetailSerializer,
    ReleaseFileImportSerializer,
    ReleaseImportResultSerializer,
    ReleaseImportSerializer,
    ReleaseSerializer,
    ReleaseTextImportSerializer,
)
from claims.api.views.common import DeskAPIMixin, missing
from claims.filters import ReleaseFilter
from claims.models import Paragraph, Release


@extend_schema_view(
    list=extend_schema(
        summary="List releases",
        description=(
            "Newest first, with how many claims each has in every review status. Filter by "
            "organization (any case), publication date range, and search title and text (`q`). "
            f"A search's `count` stops at {selectors.SEARCH_COUNT_CAP:,}, and so do its pages: "
            "counting every release a common word is in would read them all."
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
        first = Paragraph.objects.order_by("position")[: PARAGRAPHS_IN_DETAIL]
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
            return ReleaseSerializer
        if self.action == "create":
            return ReleaseImportSerializer
        return ReleaseDetailSerializer

    @extend_schema(
        summary="Import a release",
        description=(
            "Send the release as JSON text or as a multipart file upload. It is split into "
            "paragraphs and its quotes and claims are extracted, all in one transaction. "
            "Text already imported answers 200 with the existing release instead of a copy."
        ),
        request={
            "application/json": ReleaseTextImportSerializer,
            "multipart/form-data": ReleaseFileImportSerializer,
        },
        responses={
            201: OpenApiResponse(ReleaseImportResultSerializer, "Imported."),
            200: OpenApiResponse(
                ReleaseImportResultSerializer,
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
        body = ReleaseImportResultSerializer(release, context=context).data
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
    serializer_class = ParagraphSerializer

    def get_queryset(self):
        if getattr(self, "swagger_fake_view", False):
            return Paragraph.objects.none()
        release_id = self.kwargs["release_id"]
        if not Release.objects.filter(pk=release_id).exists():
            raise missing(Release, release_id)
        return Paragraph.objects.filter(release_id=release_id).order_by("position")
