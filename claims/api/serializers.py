"""What the API shows and accepts. Every serializer lists its fields; none writes a status.

A claim's status, rating, assignee and version change only through ``claims.workflow``: here
they are read-only everywhere, and ``version`` is only ever sent back as "the version I saw".
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.validators import URLValidator
from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims import workflow
from claims.models import (
    VERDICT_MAX_LENGTH,
    Annotation,
    Claim,
    ClaimEvent,
    ClaimKind,
    Evidence,
    Paragraph,
    Rating,
    Release,
    ReviewStatus,
    Speaker,
    SpeakerEvent,
    SpeakerRole,
    person_name,
)
from claims.validators import validate_web_address

User = get_user_model()

# Claim.version is a PositiveIntegerField: larger numbers cannot be a version.
MAX_VERSION = 2_147_483_647


class WebAddressField(serializers.URLField):
    """A URL a person can open: http or https only (no javascript:, data: or file:)."""

    def __init__(self, **kwargs):
        super().__init__(**kwargs)
        # DRF's own URL check lets ftp: through; the desk's shared one replaces it.
        self.validators = [
            validator for validator in self.validators if not isinstance(validator, URLValidator)
        ]
        self.validators.append(validate_web_address)


class ErrorSerializer(serializers.Serializer):
    """The body of every error answer."""

    error = serializers.CharField(
        help_text=(
            "A machine code, such as: invalid, parse_error, not_authenticated, "
            "authentication_failed, permission_denied, csrf_failed, not_found, "
            "method_not_allowed, not_acceptable, unsupported_media_type, bad_request, "
            "request_too_large, import_refused, missing_requirement, stale_version, "
            "invalid_transition."
        )
    )
    detail = serializers.CharField(help_text="What went wrong and what to do, as a sentence.")


class ValidationErrorSerializer(ErrorSerializer):
    fields = serializers.DictField(
        child=serializers.ListField(child=serializers.CharField()),
        required=False,
        help_text="For error “invalid”: the messages for each field or query parameter.",
    )


class UserSerializer(serializers.ModelSerializer):
    name = serializers.SerializerMethodField()

    class Meta:
        model = User
        fields = ["id", "username", "name"]
        read_only_fields = fields

    def get_name(self, user) -> str:
        return person_name(user)


class SpeakerSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = ["id", "name", "role"]
        read_only_fields = fields


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


def _rating_field():
    return serializers.ChoiceField(
        choices=Rating.choices,
        allow_blank=True,
        read_only=True,
        help_text="Empty until the claim is verified or disputed.",
    )


class ClaimSerializer(serializers.ModelSerializer):
    """A row of the claims list."""

    release_title = serializers.CharField(source="release.title", read_only=True)
    paragraph = serializers.IntegerField(
        source="paragraph.position", read_only=True, help_text="Position; 0 is the headline."
    )
    speaker = SpeakerSummarySerializer(read_only=True, allow_null=True)
    rating = _rating_field()
    assignee = UserSerializer(read_only=True, allow_null=True)

    class Meta:
        model = Claim
        fields = [
            "id",
            "release",
            "release_title",
            "paragraph",
            "kind",
            "text",
            "speaker",
            "attribution",
            "speaker_how",
            "speaker_sure",
            "speaker_note",
            "score",
            "status",
            "rating",
            "assignee",
            "version",
            "due_on",
            "created_at",
            "updated_at",
        ]
        read_only_fields = fields


# The columns of a claims list row, read with ``.values()``: building a model instance and
# running ClaimSerializer for each row cost three to four times as long, for the same JSON.
CLAIM_ROW_COLUMNS = (
    "id", "release_id", "release__title", "paragraph__position", "kind", "text", "speaker_id",
    "speaker__name", "speaker__role", "attribution", "speaker_how", "speaker_sure",
    "speaker_note", "score", "status", "rating",
    "assignee_id", "assignee__username", "assignee__first_name", "assignee__last_name",
    "version", "created_at", "updated_at", "due_on",
)
_moment = serializers.DateTimeField(read_only=True)


def claim_row(row):
    """A claims list row, as ClaimSerializer shows the claim, from its CLAIM_ROW_COLUMNS."""
    speaker = assignee = None
    if row["speaker_id"] is not None:
        speaker = {"id": row["speaker_id"], "name": row["speaker__name"],
                   "role": row["speaker__role"]}
    if row["assignee_id"] is not None:
        full_name = f"{row['assignee__first_name']} {row['assignee__last_name']}".strip()
        assignee = {"id": row["assignee_id"], "username": row["assignee__username"],
                    "name": full_name or row["assignee__username"]}
    return {
        "id": row["id"],
        "release": row["release_id"],
        "release_title": row["release__title"],
        "paragraph": row["paragraph__position"],
        "kind": row["kind"],
        "text": row["text"],
        "speaker": speaker,
        "attribution": row["attribution"],
        "speaker_how": row["speaker_how"],
        "speaker_sure": row["speaker_sure"],
        "speaker_note": row["speaker_note"],
        "score": row["score"],
        "status": row["status"],
        "rating": row["rating"],
        "assignee": assignee,
        "version": row["version"],
        "due_on": row["due_on"],
        "created_at": _moment.to_representation(row["created_at"]),
        "updated_at": _moment.to_representation(row["updated_at"]),
    }


class UnavailableActionsSerializer(serializers.Serializer):
    actions = serializers.ListField(
        child=serializers.ChoiceField(choices=workflow.ACTION_NAMES), read_only=True
    )
    reason = serializers.CharField(read_only=True, help_text="Why, as a sentence.")


class ClaimDetailSerializer(ClaimSerializer):
    paragraph_text = serializers.CharField(source="paragraph.text", read_only=True)
    checked_by = UserSerializer(read_only=True, allow_null=True)
    approved_by = UserSerializer(read_only=True, allow_null=True)
    reasons = serializers.ListField(child=serializers.CharField(), read_only=True)
    allowed_actions = serializers.SerializerMethodField(
        help_text="The actions you may take on this claim now (POST them to transition/)."
    )
    public_url = serializers.SerializerMethodField(
        help_text="The published fact-check's page while the claim is approved, else null."
    )
    unavailable_actions = serializers.SerializerMethodField(
        help_text=(
            "Actions your role covers and the claim's status allows, that a rule stops you "
            "from taking now, each group with the reason (e.g. you checked it yourself)."
        )
    )

    class Meta(ClaimSerializer.Meta):
        fields = [
            *ClaimSerializer.Meta.fields,
            "paragraph_text",
            "start",
            "end",
            "reasons",
            "continues",
            "repeats",
            "checked_by",
            "checked_at",
            "verdict",
            "reasoning",
            "approved_by",
            "approved_at",
            "public_url",
            "allowed_actions",
            "unavailable_actions",
        ]
        read_only_fields = fields

    @extend_schema_field(
        serializers.ListField(child=serializers.ChoiceField(choices=workflow.ACTION_NAMES))
    )
    def get_allowed_actions(self, claim):
        return workflow.allowed_actions(claim, self.context["request"].user)

    @extend_schema_field(serializers.URLField(allow_null=True))
    def get_public_url(self, claim):
        if claim.status != ReviewStatus.APPROVED:
            return None
        return self.context["request"].build_absolute_uri(claim.get_public_url())

    @extend_schema_field(UnavailableActionsSerializer(many=True))
    def get_unavailable_actions(self, claim):
        return [
            {"actions": list(group.names), "reason": group.reason}
            for group in workflow.unavailable_actions(claim, self.context["request"].user)
        ]


# What a PATCH may not touch, and where to go instead.
_NOT_EDITABLE = {
    "status": "Change the status with POST /api/v1/claims/{id}/transition/.",
    "rating": "The rating is given with verify or dispute: POST /api/v1/claims/{id}/transition/.",
    "assignee": "Assign with POST /api/v1/claims/{id}/transition/ (action “assign” or “take”).",
}


class ClaimEditSerializer(serializers.ModelSerializer):
    """An editor's correction of a claim; every change is recorded in its history."""

    version = serializers.IntegerField(
        min_value=1,
        max_value=MAX_VERSION,
        write_only=True,
        help_text="The version you loaded: if the claim changed since, nothing is saved (409).",
    )

    class Meta:
        model = Claim
        fields = ["version", *workflow.EDITABLE_FIELDS]
        # Send only what changes (the version always): a missing field keeps its value.
        extra_kwargs = {
            **{name: {"required": False} for name in workflow.EDITABLE_FIELDS},
            "text": {"required": False, "trim_whitespace": False},
        }

    def validate(self, data):
        errors = {}
        for name in self.initial_data:
            if name in self.fields:
                continue
            errors[name] = [
                _NOT_EDITABLE.get(
                    name, f"This field cannot be edited; send only {', '.join(self.fields)}."
                )
            ]
        if errors:
            raise serializers.ValidationError(errors)
        return data

    def update(self, claim, validated_data):
        version = validated_data.pop("version")
        return workflow.edit_claim(
            claim, by=self.context["request"].user, version=version, **validated_data
        )


class ClaimAddSerializer(serializers.Serializer):
    """A quote or claim the importer missed, added by an editor."""

    release = serializers.PrimaryKeyRelatedField(
        queryset=Release.objects.only("id"), help_text="The release's id."
    )
    paragraph = serializers.IntegerField(
        min_value=0, help_text="The paragraph's position in the release (0 is the headline)."
    )
    start = serializers.IntegerField(min_value=0, help_text="Offset of the first character.")
    end = serializers.IntegerField(min_value=1, help_text="Offset just past the last one.")
    kind = serializers.ChoiceField(choices=ClaimKind.choices)
    speaker = serializers.PrimaryKeyRelatedField(
        queryset=Speaker.objects.all(), required=False, allow_null=True,
        help_text="The speaker's id, for a quote or reported speech.",
    )
    attribution = serializers.CharField(
        max_length=500, required=False, allow_blank=True, help_text="e.g. “said the minister”."
    )

    def validate(self, data):
        paragraph = Paragraph.objects.filter(
            release=data["release"], position=data["paragraph"]
        ).first()
        if paragraph is None:
            raise serializers.ValidationError(
                {"paragraph": [f"Release #{data['release'].pk} has no paragraph "
                               f"{data['paragraph']}."]}
            )
        return {**data, "paragraph": paragraph}


class SplitSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        min_value=1, max_value=MAX_VERSION, help_text="The version you loaded."
    )
    at = serializers.IntegerField(
        min_value=0,
        help_text="The paragraph offset to split at: the claim keeps the words before it, a "
        "new claim takes the words after.",
    )


class MergeSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        min_value=1, max_value=MAX_VERSION, help_text="The version of this claim you loaded."
    )
    other = serializers.PrimaryKeyRelatedField(
        queryset=Claim.objects.all(), help_text="The claim of the same paragraph to merge in."
    )
    other_version = serializers.IntegerField(
        min_value=1, max_value=MAX_VERSION, help_text="The version of the other claim you loaded."
    )


class StartFromCheckSerializer(serializers.Serializer):
    version = serializers.IntegerField(
        min_value=1, max_value=MAX_VERSION, help_text="The version of this claim you loaded."
    )
    earlier = serializers.PrimaryKeyRelatedField(
        queryset=Claim.objects.all(),
        help_text="The earlier claim, verified, disputed or approved, whose check to start from.",
    )


class CheckedBeforeSerializer(serializers.Serializer):
    """An earlier claim of another release that this claim reads like (all read-only)."""

    earlier = serializers.IntegerField(source="earlier_id", read_only=True)
    similarity = serializers.FloatField(read_only=True, help_text="How closely they read, 0 to 1.")
    text = serializers.CharField(read_only=True)
    kind = serializers.CharField(read_only=True)
    status = serializers.CharField(read_only=True)
    rating = serializers.CharField(read_only=True)
    verdict = serializers.CharField(read_only=True)
    speaker = serializers.CharField(source="speaker__name", allow_null=True, read_only=True)
    release = serializers.IntegerField(source="release_id", read_only=True)
    release_title = serializers.CharField(source="release__title", read_only=True)
    published_on = serializers.DateField(
        source="release__published_on", allow_null=True, read_only=True
    )
    started_at = serializers.DateTimeField(
        allow_null=True, read_only=True,
        help_text="When this claim's check was started from the earlier one.",
    )


class TransitionSerializer(serializers.Serializer):
    """One review action on a claim; what each action needs is in the API description."""

    action = serializers.ChoiceField(
        choices=[(spec.name, spec.label) for spec in workflow.ACTIONS.values()]
    )
    rating = serializers.ChoiceField(
        choices=Rating.choices,
        required=False,
        allow_blank=True,
        help_text="For verify (accurate, mostly_accurate) and dispute (the other ratings).",
    )
    note = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="An internal note on why: required for return and reopen.",
    )
    verdict = serializers.CharField(
        required=False,
        allow_blank=True,
        max_length=VERDICT_MAX_LENGTH,
        help_text=(
            "For verify and dispute: the public ruling in one sentence, published with the "
            "claim once it is approved."
        ),
    )
    reasoning = serializers.CharField(
        required=False,
        allow_blank=True,
        help_text="For verify and dispute: a few lines for readers on how the claim was checked.",
    )
    version = serializers.IntegerField(
        min_value=1,
        max_value=MAX_VERSION,
        help_text="The version you loaded: if the claim changed since, nothing moves (409).",
    )
    assignee = serializers.PrimaryKeyRelatedField(
        queryset=User.objects.filter(is_active=True),
        required=False,
        allow_null=True,
        help_text="For assign: the id of the reviewer to assign the claim to.",
    )


class AnnotationSerializer(serializers.ModelSerializer):
    author = UserSerializer(read_only=True)

    class Meta:
        model = Annotation
        fields = ["id", "claim", "author", "body", "created_at"]
        read_only_fields = ["id", "claim", "author", "created_at"]


class EvidenceSerializer(serializers.ModelSerializer):
    stance = serializers.ChoiceField(
        choices=Evidence.Stance.choices,
        help_text="What it says about the claim: supports, contradicts, or context.",
        error_messages={
            "required": "Say what the evidence does: supports, contradicts or context.",
        },
    )
    url = WebAddressField(
        max_length=2000, help_text="A web address (http or https) where the evidence can be read."
    )
    added_by = UserSerializer(read_only=True)

    class Meta:
        model = Evidence
        fields = ["id", "claim", "stance", "url", "title", "excerpt", "added_by", "added_at"]
        read_only_fields = ["id", "claim", "added_by", "added_at"]


class ClaimEventSerializer(serializers.ModelSerializer):
    actor = UserSerializer(read_only=True)
    rating = _rating_field()
    assignee = UserSerializer(read_only=True, allow_null=True)

    class Meta:
        model = ClaimEvent
        fields = [
            "id",
            "action",
            "from_status",
            "to_status",
            "rating",
            "assignee",
            "note",
            "actor",
            "created_at",
        ]
        read_only_fields = fields


class QuoteSerializer(serializers.ModelSerializer):
    """One quote of a speaker, with the release it appeared in."""

    release_title = serializers.CharField(source="release.title", read_only=True)
    paragraph = serializers.IntegerField(source="paragraph.position", read_only=True)
    rating = _rating_field()

    class Meta:
        model = Claim
        fields = [
            "id",
            "release",
            "release_title",
            "paragraph",
            "text",
            "attribution",
            "continues",
            "status",
            "rating",
        ]
        read_only_fields = fields


class SpeakerSerializer(serializers.ModelSerializer):
    aliases = serializers.ListField(
        child=serializers.CharField(),
        read_only=True,
        help_text="How releases refer to this speaker, e.g. “the Secretary General”.",
    )
    quote_count = serializers.IntegerField(read_only=True)

    class Meta:
        model = Speaker
        fields = ["id", "name", "role", "organization", "aliases", "quote_count"]
        read_only_fields = fields


class SpeakerLinkSerializer(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = ["id", "name"]
        read_only_fields = fields


class SpeakerRoleSerializer(serializers.ModelSerializer):
    class Meta:
        model = SpeakerRole
        fields = ["role", "organization", "first_seen", "first_release", "last_seen",
                  "last_release"]
        read_only_fields = fields


class SpeakerEventSerializer(serializers.ModelSerializer):
    other = SpeakerLinkSerializer(read_only=True)
    actor = UserSerializer(read_only=True)

    class Meta:
        model = SpeakerEvent
        fields = ["action", "other", "actor", "claim_ids", "aliases", "note", "created_at"]
        read_only_fields = fields


class SpeakerDetailSerializer(SpeakerSerializer):
    """A speaker's record: their quotes, and what the record page shows (counts capped at
    10,000, roles over time, the records merged into it, its history)."""

    quotes = QuoteSerializer(many=True, read_only=True)
    merged_into = SpeakerLinkSerializer(read_only=True, allow_null=True)
    merged = serializers.SerializerMethodField()
    roles = serializers.SerializerMethodField()
    status_counts = serializers.SerializerMethodField()
    rating_counts = serializers.SerializerMethodField()
    history = serializers.SerializerMethodField()

    class Meta(SpeakerSerializer.Meta):
        fields = [*SpeakerSerializer.Meta.fields, "merged_into", "merged", "roles",
                  "status_counts", "rating_counts", "history", "quotes"]
        read_only_fields = fields

    def _counts(self, speaker):
        from claims.views.speakers import record_counts

        if not hasattr(speaker, "_record_counts"):
            speaker._record_counts = record_counts(speaker)
        return speaker._record_counts

    @extend_schema_field(SpeakerLinkSerializer(many=True))
    def get_merged(self, speaker):
        return SpeakerLinkSerializer(speaker.merged.order_by("name")[:50], many=True).data

    @extend_schema_field(SpeakerRoleSerializer(many=True))
    def get_roles(self, speaker):
        return SpeakerRoleSerializer(speaker.roles.all()[:20], many=True).data

    @extend_schema_field(serializers.DictField(child=serializers.IntegerField()))
    def get_status_counts(self, speaker):
        return {value: int(n) for value, _, n in self._counts(speaker)[0]}

    @extend_schema_field(serializers.DictField(child=serializers.IntegerField()))
    def get_rating_counts(self, speaker):
        return {value: int(n) for value, _, n in self._counts(speaker)[1]}

    @extend_schema_field(SpeakerEventSerializer(many=True))
    def get_history(self, speaker):
        events = speaker.events.select_related("other", "actor").order_by("-created_at", "-id")
        return SpeakerEventSerializer(events[:20], many=True).data


class SpeakerMergeSerializer(serializers.Serializer):
    other = serializers.PrimaryKeyRelatedField(
        queryset=Speaker.objects.all(), help_text="The record to merge into this one."
    )
    note = serializers.CharField(required=False, allow_blank=True, max_length=1000, default="")


class SpeakerSplitSerializer(serializers.Serializer):
    claims = serializers.ListField(
        child=serializers.IntegerField(min_value=1, max_value=2**63 - 1), required=False,
        default=list, help_text="Ids of this speaker's claims.",
    )
    aliases = serializers.ListField(child=serializers.CharField(), required=False,
                                    default=list)
    into = serializers.PrimaryKeyRelatedField(
        queryset=Speaker.objects.all(), required=False, allow_null=True, default=None,
        help_text="The record they go to; or give `name` for a new one.",
    )
    name = serializers.CharField(required=False, allow_blank=True, max_length=200, default="")
    note = serializers.CharField(required=False, allow_blank=True, max_length=1000, default="")
