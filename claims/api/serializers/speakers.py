"""Speakers as the API shows them (a summary, a list row, a record with its quotes), and
merging and splitting their records.
"""

from drf_spectacular.utils import extend_schema_field
from rest_framework import serializers

from claims.api.serializers.common import UserSerializer, rating_field
from claims.models import Claim, Speaker, SpeakerEvent, SpeakerRole


class SpeakerSummarySerializer(serializers.ModelSerializer):
    class Meta:
        model = Speaker
        fields = ["id", "name", "role"]
        read_only_fields = fields


class QuoteSerializer(serializers.ModelSerializer):
    """One quote of a speaker, with the release it appeared in."""

    release_title = serializers.CharField(source="release.title", read_only=True)
    paragraph = serializers.IntegerField(source="paragraph.position", read_only=True)
    rating = rating_field()

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
