"""What the project answers outside the app's own views: errors in the API's JSON shape under
``/api/`` (and Django's pages elsewhere), a refused login during a lockout, ``/healthz``, and
who the client is.
"""

import logging
import uuid

from django.conf import settings
from django.core.cache import cache
from django.db import connection
from django.http import JsonResponse
from django.shortcuts import render
from django.views import csrf, defaults
from django.views.decorators.cache import never_cache
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_GET

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"


def client_address(request):
    """The address of the person making the request, as far as it can be trusted.

    Behind our proxy (DJANGO_BEHIND_PROXY=1), nginx appends the address it saw to
    X-Forwarded-For: the last entry is ours to trust, any earlier ones the client's to invent.
    Without a proxy, a client could write that header itself, so only the socket's address
    counts.
    """
    if settings.BEHIND_PROXY:
        forwarded = request.META.get("HTTP_X_FORWARDED_FOR", "")
        last = forwarded.rsplit(",", 1)[-1].strip()
        if last:
            return last
    return request.META.get("REMOTE_ADDR") or None


def is_api(request):
    return request.path.startswith(API_PREFIX)


def api_error(code, detail, status, **headers):
    """An error in the API's one shape (see claims.api.errors)."""
    response = JsonResponse(
        {"error": code, "detail": detail}, status=status, json_dumps_params={"ensure_ascii": False}
    )
    for name, value in headers.items():
        response[name.replace("_", "-")] = value
    return response


def bad_request(request, exception, template_name="400.html"):
    if is_api(request):
        return api_error(
            "bad_request", "The request could not be read; check its format and its Host.", 400
        )
    return defaults.bad_request(request, exception)


def permission_denied(request, exception, template_name="403.html"):
    if is_api(request):
        return api_error("permission_denied", "You may not do this; ask an editor.", 403)
    return defaults.permission_denied(request, exception)


def page_not_found(request, exception, template_name="404.html"):
    if is_api(request):
        return api_error(
            "not_found", "Nothing was found at this address; the endpoints are listed at "
            "/api/docs/.", 404,
        )
    return defaults.page_not_found(request, exception)


def server_error(request, template_name="500.html"):
    # Django has logged the traceback, and the request log the request's id: quoting it
    # ties the answer to both.
    if is_api(request):
        reference = getattr(request, "request_id", "")
        return api_error(
            "server_error",
            "Something went wrong on the server and this request changed nothing; try again "
            "in a moment, and if it happens again tell the desk's administrator"
            + (f", quoting reference {reference}." if reference else "."),
            500,
        )
    return defaults.server_error(request)


def csrf_failure(request, reason=""):
    """A write without its CSRF token: the API's JSON error under /api/, Django's page else."""
    if is_api(request):
        return api_error(
            "csrf_failed",
            "The CSRF check failed: send the value of the csrftoken cookie in an X-CSRFToken "
            "header, or authenticate with an API token instead of the session.",
            403,
        )
    return csrf.csrf_failure(request, reason=reason)


def locked_out(request, original_response=None, credentials=None):
    """The answer to a login during a lockout (django-axes' AXES_LOCKOUT_CALLABLE)."""
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    sentence = (
        f"Too many failed logins for this account or from this address: logging in is "
        f"paused for {minutes} minutes. Wait, then try again; if you forgot your password, "
        "ask an administrator to set a new one."
    )
    retry_after = str(int(settings.AXES_COOLOFF_TIME.total_seconds()))
    if is_api(request):
        return api_error("login_throttled", sentence, 429, Retry_After=retry_after)
    response = render(request, "registration/locked_out.html", {"sentence": sentence}, status=429)
    response["Retry-After"] = retry_after
    return response


@csrf_exempt
@never_cache
@require_GET
def healthz(request):
    """Is this app server able to serve: its database answers, and its cache (Redis) too.

    503 with what is wrong when not, so a load balancer takes the server out of rotation.
    """
    problems = {}
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
    except Exception as error:  # noqa: BLE001 - any failure means the database is not usable
        problems["database"] = f"{type(error).__name__}: {error}".strip()
    probe = f"healthz:{uuid.uuid4().hex}"
    try:
        # The Redis cache ignores its errors (a miss), so a failed round trip reads None.
        cache.set(probe, "ok", timeout=10)
        if cache.get(probe) != "ok":
            problems["cache"] = "the cache did not give back what was just stored in it"
        cache.delete(probe)
    except Exception as error:  # noqa: BLE001
        problems["cache"] = f"{type(error).__name__}: {error}".strip()
    if problems:
        logger.error("health check failed: %s", problems)
        return JsonResponse({"status": "unavailable", "problems": problems}, status=503)
    return JsonResponse({"status": "ok", "database": "ok", "cache": "ok"})
