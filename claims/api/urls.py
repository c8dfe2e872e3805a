"""``/api/``: version 1 of the API, its OpenAPI schema and the documentation pages."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework import routers

from claims.api import docs, errors, reports, views

app_name = "api"


class Router(routers.DefaultRouter):
    """Routes with path converters (integer ids) and an index that answers like the API."""

    APIRootView = views.APIRootView
    include_format_suffixes = False


router = Router(use_regex_path=False)
router.register("releases", views.ReleaseViewSet, basename="release")
router.register(
    "releases/<int:release_id>/paragraphs", views.ParagraphViewSet, basename="paragraph"
)
router.register("claims", views.ClaimViewSet, basename="claim")
router.register(
    "claims/<int:claim_id>/annotations", views.AnnotationViewSet, basename="annotation"
)
router.register("claims/<int:claim_id>/evidence", views.EvidenceViewSet, basename="evidence")
router.register("claims/<int:claim_id>/events", views.ClaimEventViewSet, basename="event")
router.register("speakers", views.SpeakerViewSet, basename="speaker")
router.register("reports", reports.ReportViewSet, basename="report")

urlpatterns = [
    path("v1/", include(router.urls)),
    path("schema/", SpectacularAPIView.as_view(), name="schema"),
    path("docs/", docs.SwaggerView.as_view(url_name="api:schema"), name="docs"),
    path("redoc/", docs.RedocView.as_view(url_name="api:schema"), name="redoc"),
    # Last: any other path under /api/ (even one with a newline) answers a JSON 404, not the
    # site's HTML page.
    re_path(r"^[\s\S]*$", errors.not_found),
]
