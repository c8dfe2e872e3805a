"""Every error the API answers has one shape, whatever raised it.

``{"error": "<machine code>", "detail": "<a sentence>"}``, plus ``"fields"`` (a list of
messages per field or query parameter) when the input did not validate. Programs branch on
``error``; people read ``detail``.
"""

from django.conf import settings
from django.core.exceptions import PermissionDenied as DjangoPermissionDenied
from django.core.exceptions import RequestDataTooBig, SuspiciousOperation
from django.http import Http404, JsonResponse
from django.urls import Resolver404, resolve
from django.views.decorators.csrf import csrf_exempt
from rest_framework import exceptions, status
from rest_framework.response import Response
from rest_framework.views import set_rollback

from claims import workflow

# A refused change answers by what the caller should do next: 403 ask someone else,
# 409 reload and look again, 400 send what is missing.
WORKFLOW_STATUS = {
    workflow.PermissionDenied: status.HTTP_403_FORBIDDEN,
    workflow.StaleVersion: status.HTTP_409_CONFLICT,
    workflow.InvalidTransition: status.HTTP_409_CONFLICT,
    workflow.MissingRequirement: status.HTTP_400_BAD_REQUEST,
}

NOT_AUTHENTICATED = (
    "Log in, or send the header “Authorization: Token <key>”; an administrator creates "
    "keys with “manage.py create_api_token USERNAME” or in the admin."
)


class ImportRefused(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "import_refused"
    default_detail = "The release could not be imported."


class BadRequest(exceptions.APIException):
    status_code = status.HTTP_400_BAD_REQUEST
    default_code = "bad_request"
    default_detail = "The request could not be read; check its format."


class RequestTooLarge(exceptions.APIException):
    status_code = status.HTTP_413_REQUEST_ENTITY_TOO_LARGE
    default_code = "request_too_large"
    default_detail = "The request body is too large; send less."


def error_body(code, detail, fields=None):
    body = {"error": code, "detail": str(detail)}
    if fields is not None:
        body["fields"] = fields
    return body


def _messages(errors):
    """A field's errors as the list of sentences the documented shape promises. A list field
    reports its items by position ({"2": ["This field may not be blank."]}); those become
    "Item 3: This field may not be blank."."""
    if isinstance(errors, dict):
        return [
            f"Item {int(key) + 1}: {message}" if str(key).isdigit() else f"{key}: {message}"
            for key, nested in errors.items()
            for message in _messages(nested)
        ]
    if isinstance(errors, list):
        return [message for error in errors for message in _messages(error)]
    return [str(errors)]


def _validation_body(exc):
    fields = exc.detail if isinstance(exc.detail, dict) else {"non_field_errors": exc.detail}
    fields = {name: _messages(errors) for name, errors in fields.items()}
    names = [name for name in fields if name != "non_field_errors"]
    if not names:
        messages = fields["non_field_errors"]
        detail = " ".join(str(m) for m in messages) if isinstance(messages, list) else messages
    elif len(names) == 1:
        detail = f"“{names[0]}” is not valid; see “fields” for what to correct."
    else:
        listed = ", ".join(f"“{name}”" for name in names)
        detail = f"These values are not valid: {listed}; see “fields” for what to correct."
    return error_body("invalid", detail, fields)


def _sentence(exc, view):
    """DRF's own messages for a few errors are terse; say what to do instead."""
    if isinstance(exc, exceptions.NotAuthenticated):
        return NOT_AUTHENTICATED
    if isinstance(exc, exceptions.MethodNotAllowed) and view is not None:
        allowed = ", ".join(m for m in view.allowed_methods if m not in ("HEAD", "OPTIONS"))
        return f"This endpoint does not accept {view.request.method}; it accepts {allowed}."
    if isinstance(exc, exceptions.UnsupportedMediaType) and view is not None:
        accepted = " or ".join(parser.media_type for parser in view.get_parsers())
        return f"Send the request body as {accepted}."
    if isinstance(exc, exceptions.ParseError):
        return f"The request body could not be read ({exc.detail}); check that it is well-formed."
    if isinstance(exc, exceptions.NotAcceptable):
        return "This API answers in JSON only; accept application/json."
    return exc.detail


def exception_handler(exc, context):
    """DRF's exception handler, answering every error in the API's one shape."""
    if isinstance(exc, workflow.WorkflowError):
        status_code = next(
            (code for kind, code in WORKFLOW_STATUS.items() if isinstance(exc, kind)),
            status.HTTP_409_CONFLICT,
        )
        set_rollback()
        return Response(error_body(exc.code, exc), status=status_code)
    if isinstance(exc, Http404):
        exc = exceptions.NotFound("Nothing was found at this address; check the id in it.")
    elif isinstance(exc, DjangoPermissionDenied):
        exc = exceptions.PermissionDenied()
    elif isinstance(exc, RequestDataTooBig):
        # Django's limit on bodies read into memory (JSON, and form fields other than files).
        exc = RequestTooLarge(
            f"The request body is over the limit of {settings.DATA_UPLOAD_MAX_MEMORY_SIZE:,} "
            "bytes; send less, or upload a long release as a file."
        )
    elif isinstance(exc, SuspiciousOperation):
        # Django refuses malformed request bodies (too many fields or files) this way.
        exc = BadRequest()
    if not isinstance(exc, exceptions.APIException):
        return None

    headers = {}
    if getattr(exc, "auth_header", None):
        headers["WWW-Authenticate"] = exc.auth_header
    if getattr(exc, "wait", None):
        headers["Retry-After"] = str(int(exc.wait))
    if isinstance(exc, exceptions.ValidationError):
        body = _validation_body(exc)
    else:
        body = error_body(exc.get_codes(), _sentence(exc, context.get("view")))
    set_rollback()
    return Response(body, status=exc.status_code, headers=headers)


@csrf_exempt  # it changes nothing; a mistyped POST should get this answer, not a CSRF page
def not_found(request):
    """Any path under /api/ that names no endpoint: the same JSON 404 as a missing object."""
    path = request.path
    if not path.endswith("/"):
        try:
            match = resolve(path + "/")
        except Resolver404:
            match = None
        if match is not None and match.func is not not_found:
            # Scripts often leave the trailing slash off (`/api/v1/reports/approved?format=csv`);
            # answer them as if they had written it, for every method, instead of a redirect
            # that curl does not follow and that would turn a POST into a GET.
            return match.func(request, *match.args, **match.kwargs)
    detail = f"There is no endpoint at {path}; the endpoints are listed at /api/docs/."
    return JsonResponse(
        error_body("not_found", detail),
        status=status.HTTP_404_NOT_FOUND,
        json_dumps_params={"ensure_ascii": False},
    )
