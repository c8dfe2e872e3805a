"""How API callers prove who they are: a token header first, then the browser's session."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils import timezone
from drf_spectacular.extensions import OpenApiAuthenticationExtension
from rest_framework import authentication, exceptions


def token_expires_at(token):
    """When ``token`` stops working: its own expiry, else FACTCHECK_API_TOKEN_DAYS after it
    was made."""
    try:
        return token.expiry.expires_at
    except ObjectDoesNotExist:
        return token.created + timedelta(days=settings.FACTCHECK_API_TOKEN_DAYS)


class TokenAuthentication(authentication.TokenAuthentication):
    """DRF's API token, read with its person and expiry, and refused once it has expired."""

    def authenticate_credentials(self, key):
        token = self.get_model().objects.select_related("user", "expiry").filter(key=key).first()
        if token is None or not token.user.is_active:
            return super().authenticate_credentials(key)  # refuses, in DRF's words
        expired = token_expires_at(token)
        if expired <= timezone.now():
            raise exceptions.AuthenticationFailed(
                f"This API token expired on {expired:%Y-%m-%d at %H:%M} UTC; ask an "
                "administrator for a new one (manage.py create_api_token USERNAME --rotate)."
            )
        return token.user, token


class SessionAuthentication(authentication.SessionAuthentication):
    """Django's login session; writes must carry the CSRF token, as the pages' forms do."""

    def enforce_csrf(self, request):
        try:
            super().enforce_csrf(request)
        except exceptions.PermissionDenied:
            # DRF's "CSRF Failed: ..." names the mechanism but not the fix.
            raise exceptions.PermissionDenied(
                "The CSRF check failed: send the value of the csrftoken cookie in an "
                "X-CSRFToken header, or authenticate with an API token instead of the session.",
                code="csrf_failed",
            ) from None


# Token first: a request carrying a token is judged by it (no CSRF needed), and an anonymous
# request is answered 401 with a WWW-Authenticate header naming the token scheme.
API_AUTHENTICATION = (TokenAuthentication, SessionAuthentication)


class SessionScheme(OpenApiAuthenticationExtension):
    target_class = SessionAuthentication
    name = "cookieAuth"

    def get_security_definition(self, auto_schema):
        return {
            "type": "apiKey",
            "in": "cookie",
            "name": settings.SESSION_COOKIE_NAME,
            "description": (
                "The session of a user logged in at /accounts/login/. Requests other than "
                "GET, HEAD and OPTIONS must also send the csrftoken cookie's value in an "
                "X-CSRFToken header."
            ),
        }
