"""The OpenAPI description: every operation lists the errors it can answer, in their one shape."""

import copy
import json

from drf_spectacular import openapi
from drf_spectacular.utils import OpenApiResponse

from claims.api.serializers.common import ErrorSerializer, ValidationErrorSerializer

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


# What the server refuses that the generated schema did not say (found by schemathesis with
# its positive-data check: the schema called these valid, the server answered 400).
_ROW_ID = {"type": "integer", "minimum": 1, "maximum": 2**63 - 1}
_ID_PARAMETERS = {"release", "speaker", "assignee"}
_ID_PROPERTIES = {"release", "speaker", "assignee", "other"}
# Text that must say something: more than spaces.
_NOT_BLANK = [
    ("Annotation", "body"), ("ReleaseTextImport", "text"), ("PatchedClaimEdit", "text"),
]
# Lists of names, each more than spaces.
_NOT_BLANK_ITEMS = [("SpeakerSplit", "aliases")]
_SAYS_SOMETHING = r"^[^\u0000]*[^\s\u0000][^\u0000]*$"
# No text the desk keeps holds a NUL character (PostgreSQL refuses it; forms refuse it first).
_NO_NUL = r"^[^\u0000]*$"
# An http(s) address with a host name, the shape claims.validators takes (stricter, if anything:
# the validator also takes addresses by IP number).
_WEB_ADDRESS = (
    r"^[Hh][Tt][Tt][Pp][Ss]?://([A-Za-z0-9]([A-Za-z0-9-]{0,20}[A-Za-z0-9])?\.){1,5}"
    r"[A-Za-z]{2,20}(:[0-9]{1,4})?([/?#][^\s]*)?$"
)


def say_what_the_server_refuses(result, generator, request, public):
    """drf-spectacular postprocessing hook: ids start at 1, scores lie between 0 and 1, one
    ordering at a time, no text holds a NUL, a correction always carries the version it was
    made on, a note is more than spaces, an address is a web page's."""
    for operations in result.get("paths", {}).values():
        if "requestBody" in operations.get("patch", {}):
            # A correction carries at least the version it was made on: never an empty body.
            operations["patch"]["requestBody"]["required"] = True
        for operation in operations.values():
            for parameter in operation.get("parameters", []):
                if parameter["in"] != "query":
                    continue
                if parameter["name"] in _ID_PARAMETERS:
                    parameter["schema"] = dict(_ROW_ID)
                elif parameter["name"] in ("score_min", "score_max"):
                    parameter["schema"] = {"type": "number", "minimum": 0, "maximum": 1}
                elif _is_free_text(parameter["schema"]):
                    parameter["schema"]["pattern"] = _NO_NUL
                elif parameter["name"] == "ordering" and parameter["schema"].get("items"):
                    # One ordering at a time, one of those the keyset pages can follow.
                    parameter["schema"] = {"type": "string", "enum": _claim_orders()}
                    parameter.pop("explode", None)
                    parameter.pop("style", None)
    components = result.get("components", {}).get("schemas", {})
    for name, component in components.items():
        properties = component.get("properties", {})
        for field in _ID_PROPERTIES & properties.keys():
            if properties[field].get("type") == "integer" and not properties[field].get(
                "readOnly"
            ):
                properties[field].update(minimum=1)
        for field in properties.values():
            if _is_free_text(field) and not field.get("readOnly"):
                field["pattern"] = _NO_NUL
        if name.startswith("Patched") and "version" in properties:
            # A correction without the version it was made on could overwrite someone's work,
            # and a field it cannot change is refused in words rather than ignored.
            component["required"] = sorted({*component.get("required", []), "version"})
            component["additionalProperties"] = False
    _ask_for_web_addresses(result, components)
    for component, field in _NOT_BLANK:
        if field in components.get(component, {}).get("properties", {}):
            components[component]["properties"][field].update(
                minLength=1, pattern=_SAYS_SOMETHING
            )
    for component, field in _NOT_BLANK_ITEMS:
        listed = components.get(component, {}).get("properties", {}).get(field, {})
        if "items" in listed:
            listed["items"].update(minLength=1, pattern=_SAYS_SOMETHING)
    return result


def _is_free_text(schema):
    return schema.get("type") == "string" and not (
        {"enum", "format", "pattern"} & schema.keys()
    )


def _claim_orders():
    # Imported here: the pagination reads the models, which the settings' schema class precedes.
    from claims.api.pagination import ClaimCursorPagination

    return sorted(ClaimCursorPagination.orders)


def _ask_for_web_addresses(result, components):
    """Addresses sent for evidence and sources must be a web page's (http or https, a host
    name). Only what is sent is held to that shape: an address stored earlier, or one by IP
    number, which the validator also takes, is still a valid answer. So a component that is
    also an answer gets a request copy (``EvidenceRequest``) that the request bodies use."""
    copies = {}
    # Components that answers use, directly or inside a page or another component.
    answered = json.dumps(
        [
            operation.get("responses", {})
            for operations in result.get("paths", {}).values()
            for operation in operations.values()
        ]
        + list(components.values())
    )
    for name, component in list(components.items()):
        addresses = [
            choice
            for field_name, field in component.get("properties", {}).items()
            if field_name in ("url", "source_url") and not field.get("readOnly")
            for choice in [field, *field.get("oneOf", [])]
            if choice.get("format") == "uri"
        ]
        if not addresses:
            continue
        if f'"#/components/schemas/{name}"' in answered:
            # An answer gives the address as it was stored: a web address may hold letters
            # outside ASCII (an IRI), which the "uri" format would call invalid.
            for choice in addresses:
                choice.pop("format")
            component = components[f"{name}Request"] = copy.deepcopy(components[name])
            copies[f"#/components/schemas/{name}"] = f"#/components/schemas/{name}Request"
            addresses = [
                choice
                for field_name, field in component["properties"].items()
                if field_name in ("url", "source_url") and not field.get("readOnly")
                for choice in [field, *field.get("oneOf", [])]
                if choice.get("type") == "string"
            ]
        for choice in addresses:
            choice.update(format="uri", pattern=_WEB_ADDRESS)
    for operations in result.get("paths", {}).values():
        for operation in operations.values():
            for media in operation.get("requestBody", {}).get("content", {}).values():
                reference = media.get("schema", {}).get("$ref")
                if reference in copies:
                    media["schema"]["$ref"] = copies[reference]
