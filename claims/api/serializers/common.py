"""What every part of the API shares: users, web addresses, versions and error bodies."""

from django.contrib.auth import get_user_model
from django.core.validators import URLValidator
from rest_framework import serializers

from claims.models import Rating, person_name
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


def rating_field():
    return serializers.ChoiceField(
        choices=Rating.choices,
        allow_blank=True,
        read_only=True,
        help_text="Empty until the claim is verified or disputed.",
    )
