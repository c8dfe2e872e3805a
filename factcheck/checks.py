"""Refusals for settings a server must not run with.

A missing secret key with debug off is refused by the system check framework (so `check`,
`migrate` and `runserver` stop with the sentence below) and by the WSGI/ASGI entry points (so
gunicorn never serves with an empty key). Commands that read no secret, such as `extract_claims`,
opt out of system checks and run without one.
"""

from django.conf import settings
from django.core import checks
from django.core.exceptions import ImproperlyConfigured

MISSING_SECRET_KEY = (
    "DJANGO_SECRET_KEY is not set. With DJANGO_DEBUG=0 factcheck needs a long random "
    "secret key: set DJANGO_SECRET_KEY in the environment and start again."
)


def _serving_without_a_secret_key():
    if settings.DEBUG:
        return False
    try:
        return not settings.SECRET_KEY
    except ImproperlyConfigured:
        # Django refuses to read an empty key; that is the case this module exists for.
        return True


@checks.register(checks.Tags.security)
def secret_key_is_set(app_configs, **kwargs):
    if _serving_without_a_secret_key():
        return [checks.Error(MISSING_SECRET_KEY, id="factcheck.E001")]
    return []


def refuse_to_serve_without_a_secret_key():
    if _serving_without_a_secret_key():
        raise ImproperlyConfigured(MISSING_SECRET_KEY)
