from django.urls import path

from claims.feeds import PublishedFeed
from claims.views import corrections, desk, public, queue, releases, reports, review, speakers

app_name = "claims"

urlpatterns = [
    path("", queue.home, name="home"),
    path("review/", queue.queue, name="queue"),
    path("review/bulk/", queue.queue_bulk, name="queue_bulk"),
    path("review/claims/<int:pk>/", review.claim_detail, name="claim_detail"),
    path(
        "review/claims/<int:pk>/transition/", review.claim_transition, name="claim_transition"
    ),
    path("review/claims/<int:pk>/notes/", review.add_annotation, name="claim_add_note"),
    path("review/claims/<int:pk>/correct/", corrections.correct_claim, name="claim_correct"),
    path("review/claims/<int:pk>/split/", corrections.split_claim, name="claim_split"),
    path("review/claims/<int:pk>/merge/", corrections.merge_claim, name="claim_merge"),
    path("review/claims/<int:pk>/evidence/", review.add_evidence, name="claim_add_evidence"),
    path(
        "review/claims/<int:pk>/start-from/", review.start_from_check,
        name="claim_start_from_check",
    ),


    path("review/claims/<int:pk>/due/", desk.claim_due_date, name="claim_due_date"),
    path("releases/<int:pk>/due/", desk.release_due_date, name="release_due_date"),
    path("notifications/", desk.notification_list, name="notification_list"),
    path("notifications/<int:pk>/", desk.notification_open, name="notification_open"),
    path("desk/", desk.dashboard, name="dashboard"),
    path("speakers/<int:pk>/", speakers.speaker_detail, name="speaker_detail"),
    path("speakers/<int:pk>/merge/", speakers.speaker_merge, name="speaker_merge"),
    path("speakers/<int:pk>/split/", speakers.speaker_split, name="speaker_split"),
    path("releases/", releases.release_list, name="release_list"),
    path("releases/import/", releases.release_import, name="release_import"),
    path("releases/<int:pk>/", releases.release_detail, name="release_detail"),
    path("releases/<int:pk>/claims/", releases.release_add_claim, name="release_add_claim"),
    path("reports/", reports.report_list, name="report_list"),
    path("reports/export/", reports.report_export, name="report_export"),
    path("reports/<int:pk>/", reports.report_detail, name="report_detail"),
    path("reports/<int:pk>/download/", reports.report_download, name="report_download"),
    # Public: the published fact-checks, for anyone.
    path("fact-checks/", public.fact_check_list, name="fact_check_list"),
    path("fact-checks/feed/", PublishedFeed(), name="fact_check_feed"),
    path("fact-checks/<int:pk>/", public.fact_check, name="fact_check"),
]
