"""The API's documentation pages, served from the app's own static files (no CDN), and under
the site's Content-Security-Policy: no inline script or style, so each page loads its own
script and stylesheet from the app.
"""

import json

from csp.constants import NONCE, SELF
from csp.decorators import csp_update
from django.utils.decorators import method_decorator
from drf_spectacular.settings import spectacular_settings
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerSplitView


class SwaggerView(SpectacularSwaggerSplitView):
    """Swagger UI, whose start-up script is a second request to this view (``?script``)
    instead of an inline script."""

    template_name = "api/swagger_ui.html"

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        configured = spectacular_settings.SWAGGER_UI_SETTINGS
        if "settings" in response.data and isinstance(configured, dict):
            # Swagger UI would otherwise send the schema's address to validator.swagger.io
            # to draw a badge: a request to elsewhere, and a leak of where the desk lives.
            response.data["settings"] = json.dumps({**configured, "validatorUrl": None})
        return response


# The <style> elements Redoc's bundle writes as it loads, before Redoc.init hands it the
# nonce: its scrollbar's stylesheet, and an empty one. A new bundle with other styles shows up
# as a CSP violation in tests/test_csp.py's browser check.
REDOC_STYLE_HASHES = [
    "'sha256-QMIg+bpjm3JdElJ388KYke01izlUW0UoNOeKjpMxdgc='",
    "'sha256-47DEQpj8HBSa+/TImW+5JCeuQeRkm5NMpJWZG3hSuFU='",
]


class RedocView(SpectacularRedocView):
    template_name = "api/redoc.html"

    # Redoc writes its styles into <style> elements as it draws the page: this page's policy
    # accepts those that carry its nonce, the two it writes before it knows the nonce (by
    # their hashes), and the worker its search runs in. Images come from this site only (the
    # site's policy), so Redoc's menu never fetches its maker's logo from their CDN.
    @method_decorator(
        csp_update({"style-src": [NONCE, *REDOC_STYLE_HASHES], "worker-src": [SELF, "blob:"]})
    )
    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        return super().get(request, *args, **kwargs)
