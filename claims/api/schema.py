"""The OpenAPI description: every operation lists the errors it can answer, in their one shape."""

from drf_spectacular import openapi
from drf_spectacular.utils import OpenApiResponse

from claims.api.serializers import ErrorSerializer, ValidationErrorSerializer

NOT_AUTHENTICATED = "Not logged in and no valid token (error “not_authenticated”)."
FORBIDDEN = "Your account may not do this (error “permission_denied” or “csrf_failed”)."
NOT_FOUND = "There is no such object, or no such page of results (error “not_found”)."
BAD_QUERY = "A filter, ordering or page value is not valid (error “invalid”)."
BAD_BODY = (
    "The body is not valid (error “invalid”, with “fields”), cannot be read (“parse_error”, "
    "“bad_request”), or lacks what the action needs (“missing_requirement”, "
    "“import_refused”)."
)
TOO_LARGE = "The body is larger than the server accepts (error “request_too_large”)."
UNSUPPORTED_MEDIA_TYPE = "The body is not in a format this endpoint reads."
CONFLICT = (
    "The claim changed since you loaded it (error “stale_version”), or the action does not "
    "apply to its current status (“invalid_transition”): reload it and try again."
)

CLOSED = (
    "The claim's status closes it to this (error “invalid_transition”): an approved claim "
    "changes only after a reopen, a dismissed one only after a restore."
)


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's schema, plus the error answers every operation can give."""

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        for code, serializer, description in self._error_responses():
            if code not in responses:
                responses[code] = self._get_response_for_code(
                    OpenApiResponse(serializer, description), code, direction=direction
                )
        return dict(sorted(responses.items()))

    def _error_responses(self):
        errors = [("401", ErrorSerializer, NOT_AUTHENTICATED), ("403", ErrorSerializer, FORBIDDEN)]
        if self.method == "GET" and self._is_list_view():
            errors.append(("400", ValidationErrorSerializer, BAD_QUERY))
            errors.append(("404", ErrorSerializer, NOT_FOUND))
        elif "{" in self.path:
            errors.append(("404", ErrorSerializer, NOT_FOUND))
        if self.method in ("POST", "PUT", "PATCH"):
            errors.append(("400", ValidationErrorSerializer, BAD_BODY))
            errors.append(("413", ErrorSerializer, TOO_LARGE))
            errors.append(("415", ErrorSerializer, UNSUPPORTED_MEDIA_TYPE))
        return errors
