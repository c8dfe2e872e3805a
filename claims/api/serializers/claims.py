"""Claims as the API shows them, the corrections and review actions it accepts, and a
claim's notes, evidence and history.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims import workflow
from claims.api.serializers.common import (
    MAX_VERSION,
    User,
    UserSerializer,
    WebAddressField,
    rating_field,
)
from claims.api.serializers.speakers import SpeakerSummarySerializer
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
)


class ClaimSerializer(serializers.ModelSerializer):
    """A row of the claims list."""

    release_title = serializers.CharField(source="release.title", read_only=True)
    paragraph = serializers.IntegerField(
        source="paragraph.position", read_only=True, help_text="Position; 0 is the headline."
    )
    speaker = SpeakerSummarySerializer(read_only=True, allow_null=True)
    rating = rating_field()
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
    rating = rating_field()
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
