from django.contrib import admin
from django.urls import include, path

from factcheck import http

urlpatterns = [
    path("healthz", http.healthz, name="healthz"),
    path("accounts/", include("django.contrib.auth.urls")),
    path("admin/", admin.site.urls),
    path("api/", include("claims.api.urls")),
    path("", include("claims.urls")),
]

# Errors under /api/ answer in the API's JSON shape; elsewhere, Django's pages.
handler400 = http.bad_request
handler403 = http.permission_denied
handler404 = http.page_not_found
handler500 = http.server_error
