"""Releases and their paragraphs as the API shows them, and a release to import."""

from django.conf import settings
from rest_framework import serializers

from claims.api.serializers.common import UserSerializer, WebAddressField
from claims.models import Paragraph, Release, ReviewStatus


class StatusCountsSerializer(serializers.Serializer):
    """Claims of a release in each review status (annotated as ``<status>_count``)."""

    def get_fields(self):
        return {
            status: serializers.IntegerField(source=f"{status}_count", read_only=True)
            for status in ReviewStatus.values
        }


class ReleaseSerializer(serializers.ModelSerializer):
    source_url = serializers.CharField(
        read_only=True, help_text="Where the release was published; empty if not given."
    )
    imported_by = UserSerializer(
        read_only=True, allow_null=True, help_text="Null when imported by a command."
    )
    claim_count = serializers.IntegerField(read_only=True)
    status_counts = StatusCountsSerializer(source="*", read_only=True)

    class Meta:
        model = Release
        fields = [
            "id",
            "title",
            "source_url",
            "organization",
            "published_on",
            "language",
            "left_out",
            "imported_by",
            "created_at",
            "claim_count",
            "status_counts",
        ]
        read_only_fields = fields


class ParagraphSerializer(serializers.ModelSerializer):
    class Meta:
        model = Paragraph
        fields = ["position", "text"]
        read_only_fields = fields


# A release's detail carries at most this many paragraphs; the rest are read page by page
# from ``paragraphs_url``. The largest release allowed has many thousand.
PARAGRAPHS_IN_DETAIL = 500


class ReleaseDetailSerializer(ReleaseSerializer):
    paragraphs = ParagraphSerializer(
        source="first_paragraphs",
        many=True,
        read_only=True,
        help_text=f"The first {PARAGRAPHS_IN_DETAIL} paragraphs in order (0 is the headline); "
        "all of them, page by page, at paragraphs_url.",
    )
    paragraph_count = serializers.IntegerField(read_only=True)
    paragraphs_url = serializers.HyperlinkedIdentityField(
        view_name="api:paragraph-list", lookup_url_kwarg="release_id", read_only=True
    )

    class Meta(ReleaseSerializer.Meta):
        fields = [*ReleaseSerializer.Meta.fields, "paragraph_count", "paragraphs_url",
                  "paragraphs"]  # fmt: skip
        read_only_fields = fields


class ReleaseImportResultSerializer(ReleaseDetailSerializer):
    """The imported release (or the one already holding this text), and what was found."""

    summary = serializers.SerializerMethodField()
    notes = serializers.SerializerMethodField()

    class Meta(ReleaseDetailSerializer.Meta):
        fields = [*ReleaseDetailSerializer.Meta.fields, "summary", "notes"]
        read_only_fields = fields

    def get_summary(self, release) -> str:
        return self.context["import_result"].summary()

    def get_notes(self, release) -> list[str]:
        return list(self.context["import_result"].notes)


class _ReleaseImportFields(serializers.Serializer):
    url = WebAddressField(
        max_length=2000, required=False, allow_blank=True, help_text="Where it was published."
    )
    organization = serializers.CharField(
        max_length=200, required=False, allow_blank=True, help_text="Who published it."
    )
    published_on = serializers.DateField(
        required=False, allow_null=True, help_text="The day it was published, YYYY-MM-DD."
    )


class ReleaseImportSerializer(_ReleaseImportFields):
    """A release to import, as text (JSON) or as a file (multipart form)."""

    text = serializers.CharField(
        required=False,
        trim_whitespace=False,
        help_text="The release as plain text (headline on the first line) or as HTML.",
    )
    file = serializers.FileField(
        required=False, help_text="The release as a .txt or saved .html file."
    )

    def validate_file(self, upload):
        limit = settings.FACTCHECK_MAX_RELEASE_BYTES
        if upload.size > limit:
            raise serializers.ValidationError(
                f"The file is {upload.size:,} bytes, over the limit of {limit:,} bytes; "
                "import a shorter file."
            )
        return upload

    def validate(self, data):
        if ("text" in data) == ("file" in data):
            raise serializers.ValidationError(
                "Send the release either as “text” or as a “file”, one of the two."
            )
        return data


class ReleaseTextImportSerializer(_ReleaseImportFields):
    """For the schema: the JSON form of an import."""

    text = serializers.CharField(
        trim_whitespace=False,
        help_text="The release as plain text (headline on the first line) or as HTML.",
    )


class ReleaseFileImportSerializer(_ReleaseImportFields):
    """For the schema: the multipart form of an import."""

    # A form field cannot be null: leave it out instead.
    published_on = serializers.DateField(
        required=False, help_text="The day it was published, YYYY-MM-DD."
    )
    file = serializers.FileField(help_text="The release as a .txt or saved .html file.")
