"""``/api/``: version 1 of the API, its OpenAPI schema and the documentation pages."""

from django.urls import include, path, re_path
from drf_spectacular.views import SpectacularAPIView
from rest_framework import routers

from claims.api import docs, errors, reports
from claims.api.views.claim_parts import AnnotationViewSet, ClaimEventViewSet, EvidenceViewSet
from claims.api.views.claims import ClaimViewSet
from claims.api.views.common import APIRootView as DeskAPIRootView
from claims.api.views.releases import ParagraphViewSet, ReleaseViewSet
from claims.api.views.speakers import SpeakerViewSet

app_name = "api"


class Router(routers.DefaultRouter):
    """Routes with path converters (integer ids) and an index that answers like the API."""

    APIRootView = DeskAPIRootView
    include_format_suffixes = False


router = Router(use_regex_path=False)
router.register("releases", ReleaseViewSet, basename="release")
router.register(
    "releases/<int:release_id>/paragraphs", ParagraphViewSet, basename="paragraph"
)
router.register("claims", ClaimViewSet, basename="claim")
router.register(
    "claims/<int:claim_id>/annotations", AnnotationViewSet, basename="annotation"
)
router.register("claims/<int:claim_id>/evidence", EvidenceViewSet, basename="evidence")
router.register("claims/<int:claim_id>/events", ClaimEventViewSet, basename="event")
router.register("speakers", SpeakerViewSet, basename="speaker")
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
