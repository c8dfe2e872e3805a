"""Middleware of the deployment: one log line per request, the cap on request size, and the
refusal of a NUL character in a query string."""

import logging
import re
import time
import uuid

from django.conf import settings
from django.http import HttpResponse

from factcheck.http import api_error, client_address, is_api

request_log = logging.getLogger("factcheck.requests")

# An id a proxy may hand on (nginx's $request_id): letters, digits and dashes, not too long.
_REQUEST_ID = re.compile(r"[A-Za-z0-9-]{1,64}")


class RequestLogMiddleware:
    """One line in the log for every request: what was asked, the answer, who, how long.

    Outermost, so the time covers every other middleware and the line is written whatever
    answered (a view, a refusal, an error page). The request's id comes from the proxy's
    X-Request-ID when it sends one, so nginx's log and ours can be joined, and goes back to
    the client in the same header.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        started = time.perf_counter()
        given = request.META.get("HTTP_X_REQUEST_ID", "")
        request.request_id = given if _REQUEST_ID.fullmatch(given) else uuid.uuid4().hex
        response = self.get_response(request)
        response["X-Request-ID"] = request.request_id
        if request_log.isEnabledFor(logging.INFO):
            user = getattr(request, "user", None)
            request_log.info(
                "%s %s %s",
                request.method,
                request.path,
                response.status_code,
                extra={
                    "request_id": request.request_id,
                    "method": request.method,
                    "path": request.path,
                    "status": response.status_code,
                    "duration_ms": round((time.perf_counter() - started) * 1000, 1),
                    "user": user.get_username() if user is not None and user.is_authenticated
                    else None,
                    "client": client_address(request),
                    "bytes": _length(response),
                },
            )
        return response


def _length(response):
    if response.streaming:
        return None  # a streamed export: its size is known only once sent
    return len(response.content)


class RequestSizeLimitMiddleware:
    """Refuse a request whose body is over FACTCHECK_MAX_REQUEST_BYTES before reading any of it.

    Django caps the fields it reads into memory but not files, which it streams to disk as
    they come: without this, a 300 MB upload was written out in full before the importer
    refused it for being over the release limit.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        limit = settings.FACTCHECK_MAX_REQUEST_BYTES
        try:
            length = int(request.META.get("CONTENT_LENGTH") or 0)
        except ValueError:
            length = 0
        if length > limit:
            sentence = (
                f"The request is {length:,} bytes, over the limit of {limit:,} bytes; a release "
                f"may be at most {settings.FACTCHECK_MAX_RELEASE_BYTES:,} bytes, so send a "
                "shorter one."
            )
            if is_api(request):
                return api_error("request_too_large", sentence, 413, Connection="close")
            response = HttpResponse(sentence, status=413, content_type="text/plain; charset=utf-8")
            # The unread body is left on the connection: close it rather than read it.
            response["Connection"] = "close"
            return response
        return self.get_response(request)


class NulInQueryMiddleware:
    """Refuse a query string holding a NUL character (``%00``) with a 400, before any view.

    No link factcheck gives out holds one, and PostgreSQL refuses NUL in a query: the admin's
    list filters pass their values to the database as they come, and ``?status__exact=%00``
    was a 500 there. Forms and the API's filters refused it already; this covers the rest.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        raw = request.META.get("QUERY_STRING", "")
        if ("%00" in raw or "\x00" in raw) and any(
            "\x00" in name or any("\x00" in value for value in values)
            for name, values in request.GET.lists()
        ):
            sentence = "The address holds a NUL character (%00); remove it and try again."
            if is_api(request):
                return api_error("invalid", sentence, 400)
            return HttpResponse(sentence, status=400, content_type="text/plain; charset=utf-8")
        return self.get_response(request)
