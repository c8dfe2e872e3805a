"""Reports of approved claims: what leaves the desk.

Pure functions over a queryset of approved claims, shared by the reports page, the admin action,
the API and the ``export_report`` command:

- :mod:`~claims.reports.filters`: which claims (release, approval dates, speaker, kind, rating);
- :mod:`~claims.reports.rows`: one flat row per claim, read in batches;
- :mod:`~claims.reports.formats`: CSV, JSON and ClaimReview JSON-LD, written piece by piece;
- :mod:`~claims.reports.printable`: the printable HTML page and its PDF;
- :mod:`~claims.reports.recording`: writing a report while recording it, and comparing it with
  the previous report made with the same filters;
- :mod:`~claims.reports.http`: the download responses;
- :mod:`~claims.reports.admin_actions`: “Export selected approved claims” in the admin.
"""

from claims.reports.filters import ReportFilter, bind_filters, describe, normalize
from claims.reports.recording import (
    FORMATS,
    Changes,
    Export,
    ReportRefused,
    changes_in_report,
    changes_since_last_report,
    export_of,
    export_with_filters,
)

__all__ = [
    "FORMATS",
    "Changes",
    "Export",
    "ReportFilter",
    "ReportRefused",
    "bind_filters",
    "changes_in_report",
    "changes_since_last_report",
    "describe",
    "export_of",
    "export_with_filters",
    "normalize",
]
