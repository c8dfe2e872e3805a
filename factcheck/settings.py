"""Settings for factcheck, read from the environment.

Every value a deployment may change comes from an environment variable, parsed by the small
helpers below, which refuse values they do not understand instead of guessing.
"""

import hashlib
import os
from datetime import timedelta
from pathlib import Path

import dj_database_url
from csp.constants import NONCE, NONE, SELF
from django.core.exceptions import ImproperlyConfigured

BASE_DIR = Path(__file__).resolve().parent.parent

_TRUE = {"1", "true", "yes", "on"}
_FALSE = {"0", "false", "no", "off"}


def env_bool(name, default):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    value = raw.strip().lower()
    if value in _TRUE:
        return True
    if value in _FALSE:
        return False
    raise ImproperlyConfigured(
        f"{name}={raw!r} is not a yes/no value; set it to 1 or 0 (or true/false)."
    )


def env_int(name, default):
    raw = os.environ.get(name)
    if raw is None or raw.strip() == "":
        return default
    try:
        return int(raw)
    except ValueError:
        raise ImproperlyConfigured(f"{name}={raw!r} is not a whole number.") from None


def env_list(name, default):
    raw = os.environ.get(name)
    if raw is None:
        return default
    return [item.strip() for item in raw.split(",") if item.strip()]


# Off unless asked for: a forgotten setting must not show tracebacks to the world.
# `make run` (a developer's machine) turns it on.
DEBUG = env_bool("DJANGO_DEBUG", False)

# Required to serve with debug off: the check `factcheck.E001` and the WSGI/ASGI entry points
# refuse without it (factcheck/checks.py). Settings do not raise here, so commands that need no
# key, such as `extract_claims`, run on a fresh clone without any environment.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "")
if not SECRET_KEY and DEBUG:
    # Only for a developer's machine: debug mode never serves real users.
    SECRET_KEY = "dev-only-factcheck-key-not-for-production-use-0123456789"

ALLOWED_HOSTS = env_list("DJANGO_ALLOWED_HOSTS", ["localhost", "127.0.0.1", "[::1]"])
CSRF_TRUSTED_ORIGINS = env_list("DJANGO_CSRF_TRUSTED_ORIGINS", [])

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "rest_framework",
    "rest_framework.authtoken",
    "django_filters",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "axes",
    "csp",
    "claims",
]

MIDDLEWARE = [
    # First: one log line for every request, whatever answers it, with the time it took.
    "factcheck.middleware.RequestLogMiddleware",
    "django.middleware.security.SecurityMiddleware",
    # Before anything reads the body: a request over the cap is refused unread.
    "factcheck.middleware.RequestSizeLimitMiddleware",
    "factcheck.middleware.NulInQueryMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
    # Last, as django-axes asks: it answers a login refused during a lockout.
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "factcheck.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "claims.context_processors.publisher",
                "claims.context_processors.fragments",
                "claims.context_processors.desk_lists",
                "claims.context_processors.notifications",
            ],
        },
    },
]

WSGI_APPLICATION = "factcheck.wsgi.application"

DATABASES = {
    "default": dj_database_url.config(
        default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}",
        conn_max_age=env_int("DJANGO_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # Wait for a concurrent writer instead of failing at once with "database is locked".
    DATABASES["default"].setdefault("OPTIONS", {})["timeout"] = 20
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # PostgreSQL compiles a query it costs high (a capped count over a million claims) before
    # running it, which pays off for reports that run for seconds; the desk's queries run in
    # milliseconds and paid 20-300 ms to compile (a search of the history for a middling
    # word, 397 -> 194 ms at a million claims). A DATABASE_URL's own options still win.
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")

DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# Redis, when given, is the cache every app server shares (and login throttling's store).
# A Redis that is down or restarting makes the cache miss, not the request fail: the pages do
# not need it to answer, and throttling lets logins through until it is back (logged).
REDIS_URL = os.environ.get("REDIS_URL", "")
if REDIS_URL:
    CACHES = {
        "default": {
            "BACKEND": "django_redis.cache.RedisCache",
            "LOCATION": REDIS_URL,
            "KEY_PREFIX": "factcheck",
            "OPTIONS": {
                "IGNORE_EXCEPTIONS": True,
                "SOCKET_CONNECT_TIMEOUT": 0.5,
                "SOCKET_TIMEOUT": 0.5,
            },
        }
    }
    DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]

LANGUAGE_CODE = "en-gb"
TIME_ZONE = os.environ.get("DJANGO_TIME_ZONE", "UTC")
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = BASE_DIR / "staticfiles"
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"
        if not DEBUG
        else "django.contrib.staticfiles.storage.StaticFilesStorage"
    },
}
# Serve static files straight from the app folders, so the app works without collectstatic.
WHITENOISE_USE_FINDERS = True
# Files browsers ask for at the site's root (/favicon.ico), served as they are.
WHITENOISE_ROOT = BASE_DIR / "factcheck" / "root"

AUTHENTICATION_BACKENDS = [
    # First, as django-axes asks: it refuses a login during a lockout before any password check.
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
LOGIN_URL = "login"
# Each role's own list: editors the claims awaiting approval, reviewers their open claims.
LOGIN_REDIRECT_URL = "claims:home"
LOGOUT_REDIRECT_URL = "login"

# Security: strict by default when debug is off; each switch can be loosened for a set-up
# behind a TLS-terminating proxy that handles it instead.
SECURE_SSL_REDIRECT = env_bool("DJANGO_SECURE_SSL_REDIRECT", not DEBUG)
# A load balancer asks each app server straight, over plain HTTP, whether it is healthy.
SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
SESSION_COOKIE_SECURE = env_bool("DJANGO_SESSION_COOKIE_SECURE", not DEBUG)
CSRF_COOKIE_SECURE = env_bool("DJANGO_CSRF_COOKIE_SECURE", not DEBUG)
SECURE_HSTS_SECONDS = env_int("DJANGO_SECURE_HSTS_SECONDS", 0 if DEBUG else 31536000)
SECURE_HSTS_INCLUDE_SUBDOMAINS = env_bool("DJANGO_SECURE_HSTS_INCLUDE_SUBDOMAINS", not DEBUG)
SECURE_HSTS_PRELOAD = env_bool("DJANGO_SECURE_HSTS_PRELOAD", not DEBUG)
# Behind a proxy (nginx), trust what it says about the request: the scheme, and the client's
# address, which it appends to X-Forwarded-For. Without one, a client could claim either.
BEHIND_PROXY = env_bool("DJANGO_BEHIND_PROXY", False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
SESSION_COOKIE_HTTPONLY = True
CSRF_FAILURE_VIEW = "factcheck.http.csrf_failure"
X_FRAME_OPTIONS = "DENY"

# Content-Security-Policy: scripts, styles, fonts and images from the app itself only, no
# inline script or style attribute anywhere. A page that truly needs an inline script asks
# for a nonce ({{ request.csp_nonce }}), which is then added to that page's policy alone.
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": [SELF],
        "script-src": [SELF, NONCE],
        "style-src": [SELF],
        "img-src": [SELF, "data:"],
        "font-src": [SELF],
        "connect-src": [SELF],
        "object-src": [NONE],
        "base-uri": [SELF],
        "form-action": [SELF],
        "frame-ancestors": [NONE],
    }
}

# Login throttling (django-axes): after AXES_FAILURE_LIMIT wrong passwords for one username,
# or from one address, further logins for it are refused for the cool-off time, even with the
# right password. Counted in Redis when there is one (shared by every app server), else in
# the database.
AXES_FAILURE_LIMIT = env_int("FACTCHECK_LOGIN_FAILURE_LIMIT", 5)
AXES_COOLOFF_TIME = timedelta(minutes=env_int("FACTCHECK_LOGIN_COOLOFF_MINUTES", 15))
AXES_LOCKOUT_PARAMETERS = ["username", "ip_address"]
AXES_RESET_ON_SUCCESS = True
AXES_HANDLER = "axes.handlers.%s" % (
    "cache.AxesCacheHandler" if REDIS_URL else "database.AxesDatabaseHandler"
)
AXES_CLIENT_IP_CALLABLE = "factcheck.http.client_address"
AXES_LOCKOUT_CALLABLE = "factcheck.http.locked_out"

REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        "claims.api.authentication.TokenAuthentication",
        "claims.api.authentication.SessionAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "DEFAULT_FILTER_BACKENDS": ["django_filters.rest_framework.DjangoFilterBackend"],
}

SPECTACULAR_SETTINGS = {
    "TITLE": "factcheck API",
    "DESCRIPTION": "Press releases, their quotes and claims, and the review workflow.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    "REDOC_DIST": "SIDECAR",
    "SCHEMA_PATH_PREFIX": r"/api/v[0-9]+",
    "POSTPROCESSING_HOOKS": [
        "drf_spectacular.hooks.postprocess_schema_enums",
        "claims.api.schema.say_what_the_server_refuses",
    ],
    # Claim and history statuses are the same list: one enum in the schema, not two.
    "ENUM_NAME_OVERRIDES": {
        "ReviewStatusEnum": "claims.models.ReviewStatus",
        "RatingEnum": "claims.models.Rating",
        "ClaimKindEnum": "claims.models.ClaimKind",
        "ReviewActionEnum": "claims.workflow.ACTION_NAMES",
    },
}

# Logs go to standard error, one JSON object a line (DJANGO_LOG_FORMAT=json, the default with
# debug off) or as plain text. Every request is one line of the "factcheck.requests" logger,
# at INFO: method, path, status, user, time taken.
LOG_FORMAT = os.environ.get("DJANGO_LOG_FORMAT", "text" if DEBUG else "json")
if LOG_FORMAT not in ("json", "text"):
    raise ImproperlyConfigured(f"DJANGO_LOG_FORMAT={LOG_FORMAT!r} is not json or text.")
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {
        "json": {"()": "factcheck.jsonlog.JSONFormatter"},
        "text": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"},
    },
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": LOG_FORMAT}},
    "loggers": {
        "factcheck.requests": {
            "level": os.environ.get("FACTCHECK_REQUEST_LOG_LEVEL", "INFO"),
        },
        # The request log says it once: Django's own "Not Found: ..." lines would repeat it.
        "django.request": {"level": "ERROR"},
    },
    "root": {"handlers": ["console"], "level": os.environ.get("DJANGO_LOG_LEVEL", "WARNING")},
}

# factcheck's own settings.
# Largest release file or pasted text accepted by the importer, in bytes.
FACTCHECK_MAX_RELEASE_BYTES = env_int("FACTCHECK_MAX_RELEASE_BYTES", 2 * 1024 * 1024)
# The most paragraphs and claims (quotes included) one release may hold: past them the import
# is refused with a sentence, and nothing is saved.
FACTCHECK_MAX_PARAGRAPHS = env_int("FACTCHECK_MAX_PARAGRAPHS", 2000)
FACTCHECK_MAX_CLAIMS = env_int("FACTCHECK_MAX_CLAIMS", 5000)
# Let a pasted release over the limit reach the importer, which refuses it with a sentence,
# instead of Django's bare "400 Bad Request".
DATA_UPLOAD_MAX_MEMORY_SIZE = max(2_621_440, 2 * FACTCHECK_MAX_RELEASE_BYTES)
# No request body may be larger than this, whatever it holds (an upload included): it is
# refused before a byte of it is read or written to disk. The web server's own cap
# (deploy/nginx.conf, client_max_body_size) is set above it, so this one answers, in words.
FACTCHECK_MAX_REQUEST_BYTES = env_int(
    "FACTCHECK_MAX_REQUEST_BYTES",
    max(DATA_UPLOAD_MAX_MEMORY_SIZE, FACTCHECK_MAX_RELEASE_BYTES) + 1024 * 1024,
)
# An API token stops working this many days after it was made, unless made with its own
# expiry (create_api_token --expires DAYS).
FACTCHECK_API_TOKEN_DAYS = env_int("FACTCHECK_API_TOKEN_DAYS", 90)
# An editor may not approve a claim they verified or disputed themselves; one-person desks
# turn this off.
FACTCHECK_SEPARATE_APPROVAL = env_bool("FACTCHECK_SEPARATE_APPROVAL", True)
# When an imported release's claims are compared with the desk's earlier claims ("checked
# before", claims.matching): "thread" once the import has committed, in a thread of its own, so
# the import answers at once; "inline" in the importing thread after the commit; "off" only by
# `manage.py match_claims` (run it from cron on servers: it also compares what a stopped
# thread left).
FACTCHECK_MATCHING = os.environ.get("FACTCHECK_MATCHING", "thread").strip() or "thread"
if FACTCHECK_MATCHING not in ("thread", "inline", "off"):
    raise ImproperlyConfigured(
        f"FACTCHECK_MATCHING={FACTCHECK_MATCHING!r} is not one of thread, inline or off."
    )
# The organization that publishes the fact-checks (ClaimReview "author").
FACTCHECK_PUBLISHER_NAME = os.environ.get("FACTCHECK_PUBLISHER_NAME", "factcheck desk")


def markup_version(template_dirs, tag_dirs):
    """A digest of the templates and of the tags that write markup.

    The queue's fragments are cached in the cache every app server shares, under this
    digest: a deploy that changes how a page is written reads fresh fragments at once instead
    of the old markup for the cache's ten minutes.
    """
    digest = hashlib.sha256()
    files = [*((d, f) for d in map(Path, template_dirs) for f in d.rglob("*.html")),
             *((d, f) for d in map(Path, tag_dirs) for f in d.glob("*.py"))]
    for directory, path in sorted(files):
        digest.update(f"{path.relative_to(directory)}\n".encode() + path.read_bytes())
    return digest.hexdigest()[:16]


FACTCHECK_MARKUP_VERSION = markup_version(
    [BASE_DIR / "templates"], [BASE_DIR / "claims" / "templatetags"]
)
# How long a fragment of markup stays cached. Under DEBUG (runserver) templates are edited
# while the process runs, so nothing is cached and an edit shows on the next request.
FACTCHECK_FRAGMENT_SECONDS = 0 if DEBUG else 600
FACTCHECK_PUBLISHER_URL = os.environ.get("FACTCHECK_PUBLISHER_URL", "http://127.0.0.1:8000/")

# E-mail (notifications): printed on the console unless an SMTP server is named. With
# DJANGO_EMAIL_HOST set, mail goes there, through TLS or SSL as asked, with a short timeout so
# a slow server costs the mail thread seconds, not minutes.
EMAIL_HOST = os.environ.get("DJANGO_EMAIL_HOST", "")
EMAIL_BACKEND = (
    "django.core.mail.backends.smtp.EmailBackend"
    if EMAIL_HOST
    else "django.core.mail.backends.console.EmailBackend"
)
EMAIL_PORT = env_int("DJANGO_EMAIL_PORT", 25)
EMAIL_HOST_USER = os.environ.get("DJANGO_EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("DJANGO_EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = env_bool("DJANGO_EMAIL_USE_TLS", False)
EMAIL_USE_SSL = env_bool("DJANGO_EMAIL_USE_SSL", False)
if EMAIL_USE_TLS and EMAIL_USE_SSL:
    raise ImproperlyConfigured(
        "DJANGO_EMAIL_USE_TLS and DJANGO_EMAIL_USE_SSL are both on; choose one (STARTTLS on "
        "port 587 is TLS, port 465 is SSL)."
    )
EMAIL_TIMEOUT = env_int("DJANGO_EMAIL_TIMEOUT", 10)
DEFAULT_FROM_EMAIL = os.environ.get("DJANGO_DEFAULT_FROM_EMAIL", "factcheck@localhost")
