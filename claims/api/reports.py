"""``/api/v1/reports/``: export approved claims, and list and re-download recorded reports.

``POST reports/approved/?format=csv`` (or json, claimreview, html, pdf) with the filters of the
reports page writes a new report, records it and streams it back. Only POST: a GET (a link
followed, a prefetch) must never record a report. ``GET reports/`` lists the
recorded reports, ``GET reports/<id>/`` shows one with its claim ids, and
``GET reports/<id>/download/`` answers its bytes exactly as first written. Editors only.
"""

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import exceptions, mixins, serializers, status, viewsets
from rest_framework.decorators import action
from rest_framework.negotiation import DefaultContentNegotiation
from rest_framework.permissions import BasePermission

from claims import permissions
from claims.api.serializers.common import UserSerializer, ValidationErrorSerializer
from claims.api.views.common import DeskAPIMixin
from claims.models import ClaimKind, Rating, Report
from claims.reports import FORMATS, ReportRefused, bind_filters, export_of
from claims.reports.http import download_response, export_response
from claims.reports.printable import PRINTABLE_LIMIT


class CanExportReports(BasePermission):
    message = "Only editors can export reports of approved claims; ask an editor for one."

    def has_permission(self, request, view):
        return permissions.can_export(request.user)


class ReportFormatIsNotTheAnswerFormat(DefaultContentNegotiation):
    """Here ``?format=`` names the report's format; every other answer is JSON.

    Without this, DRF would read ``format=csv`` as a request for a CSV renderer and answer 404.
    """

    def select_renderer(self, request, renderers, format_suffix=None):
        renderer = renderers[0]
        return renderer, renderer.media_type


class ReportRefusedError(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "report_refused"
    default_detail = "This report cannot be made."


# What each refusal asks the caller to do: ask someone else (403) or change the request (400).
REFUSED_STATUS = {"permission_denied": status.HTTP_403_FORBIDDEN}


def _refused(refused):
    error = ReportRefusedError(refused.message, code=refused.code)
    error.status_code = REFUSED_STATUS.get(refused.code, status.HTTP_400_BAD_REQUEST)
    return error


class ReportSerializer(serializers.ModelSerializer):
    url = serializers.HyperlinkedIdentityField(view_name="api:report-detail")
    download_url = serializers.HyperlinkedIdentityField(view_name="api:report-download")
    created_by = UserSerializer(read_only=True)
    filters = serializers.DictField(
        read_only=True,
        help_text="The filters the report was made with, as sent (ids and ISO dates); {} for all.",
    )
    description = serializers.CharField(read_only=True, help_text="The filters in words.")
    sha256 = serializers.CharField(
        read_only=True, help_text="SHA-256 of the bytes: every download has exactly this."
    )
    size = serializers.IntegerField(read_only=True, help_text="In bytes.")

    class Meta:
        model = Report
        fields = [
            "id",
            "url",
            "download_url",
            "format",
            "description",
            "filters",
            "row_count",
            "size",
            "sha256",
            "created_at",
            "created_by",
        ]
        read_only_fields = fields


class ReportDetailSerializer(ReportSerializer):
    claim_ids = serializers.ListField(
        child=serializers.IntegerField(), read_only=True, help_text="In report order."
    )

    class Meta(ReportSerializer.Meta):
        fields = [*ReportSerializer.Meta.fields, "claim_ids"]
        read_only_fields = fields


FILTER_PARAMETERS = [
    OpenApiParameter(
        "format",
        str,
        required=True,
        enum=list(FORMATS),
        description=(
            "csv (UTF-8 with BOM, one row per claim), json, claimreview (schema.org "
            f"ClaimReview JSON-LD), html (printable) or pdf; html and pdf hold at most "
            f"{PRINTABLE_LIMIT:,} claims."
        ),
    ),
    OpenApiParameter("release", int, description="Only the claims of this release (its id)."),
    OpenApiParameter(
        "since", OpenApiTypes.DATE, description="Approved on or after this day (YYYY-MM-DD)."
    ),
    OpenApiParameter(
        "until", OpenApiTypes.DATE, description="Approved on or before this day (YYYY-MM-DD)."
    ),
    OpenApiParameter("speaker", int, description="Only the claims of this speaker (their id)."),
    OpenApiParameter(
        "kind",
        {"type": "array", "items": {"type": "string", "enum": ClaimKind.values}},
        explode=True,
        description="One or more kinds; repeat the parameter for several.",
    ),
    OpenApiParameter(
        "rating",
        {"type": "array", "items": {"type": "string", "enum": Rating.values}},
        explode=True,
        description="One or more ratings; repeat the parameter for several.",
    ),
]

class AnswerSerializer(serializers.Serializer):
    """The shape of something the API answers and never reads: read-only in the schema."""

    def get_fields(self):
        fields = super().get_fields()
        for field in fields.values():
            field.read_only = True
        return fields


class ReportReleaseSerializer(AnswerSerializer):
    id = serializers.IntegerField()
    title = serializers.CharField()
    published_on = serializers.DateField(allow_null=True)
    url = serializers.CharField(allow_null=True, help_text="Where the release was published.")
    organization = serializers.CharField(allow_blank=True)


class ReportSpeakerSerializer(AnswerSerializer):
    name = serializers.CharField()
    role = serializers.CharField(allow_blank=True)
    organization = serializers.CharField(allow_blank=True)


class ReportEvidenceSerializer(AnswerSerializer):
    url = serializers.CharField()
    title = serializers.CharField(allow_blank=True)


class ReportClaimSerializer(AnswerSerializer):
    id = serializers.IntegerField()
    url = serializers.CharField(help_text="The claim's page.")
    release = ReportReleaseSerializer()
    paragraph = serializers.IntegerField(help_text="Position in the release; 0 is the headline.")
    start = serializers.IntegerField()
    end = serializers.IntegerField()
    kind = serializers.ChoiceField(choices=ClaimKind.choices)
    speaker = ReportSpeakerSerializer(allow_null=True)
    text = serializers.CharField()
    rating = serializers.ChoiceField(choices=Rating.choices)
    rating_label = serializers.CharField()
    evidence = ReportEvidenceSerializer(many=True)
    reviewer = serializers.CharField(allow_blank=True)
    verified_at = serializers.DateTimeField(allow_null=True)
    approver = serializers.CharField(allow_blank=True)
    approved_at = serializers.DateTimeField(allow_null=True)


class ApprovedClaimsReportSerializer(AnswerSerializer):
    """The JSON report (``format=json``): its shape is stable."""

    generated_at = serializers.DateTimeField()
    filters = serializers.DictField(help_text="The filters that were set; {} for all.")
    claims = ReportClaimSerializer(many=True)
    count = serializers.IntegerField()


CLAIM_REVIEWS = {
    "type": "array",
    "description": "One schema.org ClaimReview per approved claim.",
    "items": {
        "type": "object",
        "required": [
            "@context", "@type", "url", "claimReviewed", "datePublished", "author",
            "reviewRating", "itemReviewed",
        ],
        "properties": {
            "@context": {"type": "string", "enum": ["https://schema.org"]},
            "@type": {"type": "string", "enum": ["ClaimReview"]},
            "url": {"type": "string"},
            "claimReviewed": {"type": "string"},
            "datePublished": {"type": "string", "format": "date"},
            "author": {"type": "object"},
            "reviewRating": {"type": "object"},
            "itemReviewed": {"type": "object"},
        },
    },
}  # fmt: skip

# Each format in its media type: the JSON ones described, the others as files.
REPORT_BODIES = {
    (200, "text/csv"): OpenApiTypes.BINARY,
    (200, "application/json"): ApprovedClaimsReportSerializer,
    (200, "application/ld+json"): CLAIM_REVIEWS,
    (200, "text/html"): OpenApiTypes.BINARY,
    (200, "application/pdf"): OpenApiTypes.BINARY,
}
REPORT_BYTES = {
    key: OpenApiResponse(
        body,
        "The report as a download (Content-Disposition: attachment), in the media type of "
        "its format: " + ", ".join(f"{s.name} {s.content_type}" for s in FORMATS.values()) + ".",
    )
    for key, body in REPORT_BODIES.items()
}


class ReportViewSet(
    DeskAPIMixin, mixins.ListModelMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet
):
    permission_classes = [CanExportReports]
    content_negotiation_class = ReportFormatIsNotTheAnswerFormat
    filter_backends = []

    def get_queryset(self):
        reports = Report.objects.select_related("created_by").order_by("-created_at", "-id")
        if self.action == "list":
            return reports.defer("claim_ids")
        return reports

    def get_serializer_class(self):
        if self.action == "retrieve":
            return ReportDetailSerializer
        return ReportSerializer

    @extend_schema(summary="List recorded reports", description="Newest first.")
    def list(self, request, *args, **kwargs):
        return super().list(request, *args, **kwargs)

    @extend_schema(summary="A recorded report with its claim ids")
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)

    @extend_schema(
        summary="Export the approved claims as a new report",
        description=(
            "Writes the approved claims the filters select in the chosen format, records the "
            "report (who, when, filters, claim ids, SHA-256 of the bytes) and streams it back "
            "as a download. The format and the filters are query parameters; the body is "
            "ignored. Filters left out mean all. The new report is then listed at "
            "`reports/`; its bytes download again from `reports/<id>/download/`. Only POST "
            "records a report: a GET answers 405 and records nothing."
        ),
        parameters=FILTER_PARAMETERS,
        responses={
            **REPORT_BYTES,
            400: OpenApiResponse(
                ValidationErrorSerializer,
                "A filter is not valid (error “invalid”, with “fields”), the format is unknown "
                "(“unknown_format”), too many claims for a printable report "
                "(“too_many_claims”) or the server cannot write this format "
                "(“format_unavailable”).",
            ),
        },
    )
    @action(detail=False, methods=["post"])
    def approved(self, request):
        filterset = bind_filters(request.query_params)
        if not filterset.is_valid():
            raise exceptions.ValidationError(
                {
                    # A problem of the filters together (a reversed date range) reads like
                    # DRF's own non-field errors.
                    "non_field_errors" if name == "__all__" else name: messages
                    for name, messages in filterset.form.errors.items()
                }
            )
        try:
            export = export_of(
                request.query_params.get("format", ""),
                filterset,
                by=request.user,
                base_url=request.build_absolute_uri("/"),
            )
        except ReportRefused as refused:
            raise _refused(refused) from None
        return export_response(export)

    @extend_schema(
        summary="Download a recorded report again",
        description="The report's bytes exactly as first written (same SHA-256).",
        responses=REPORT_BYTES,
    )
    @action(detail=True, methods=["get"])
    def download(self, request, pk=None):
        return download_response(self.get_object())
