"""The API's documentation pages, served from the app's own static files (no CDN)."""

import json

from drf_spectacular.settings import spectacular_settings
from drf_spectacular.utils import extend_schema
from drf_spectacular.views import SpectacularRedocView, SpectacularSwaggerView


class SwaggerView(SpectacularSwaggerView):
    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        configured = spectacular_settings.SWAGGER_UI_SETTINGS
        if isinstance(configured, dict):
            # Swagger UI would otherwise send the schema's address to validator.swagger.io
            # to draw a badge: a request to elsewhere, and a leak of where the desk lives.
            response.data["settings"] = json.dumps({**configured, "validatorUrl": None})
        return response


class RedocView(SpectacularRedocView):
    template_name = "api/redoc.html"

    @extend_schema(exclude=True)
    def get(self, request, *args, **kwargs):
        response = super().get(request, *args, **kwargs)
        # Redoc's menu always draws its maker's logo from their CDN; images from anywhere but
        # this site are refused, so the browser never asks (Redoc then leaves the logo out).
        response["Content-Security-Policy"] = "img-src 'self' data:"
        return response
