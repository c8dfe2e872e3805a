"""HTTP responses for reports: a new export streamed as it is written, a recorded one re-read."""

from django.http import StreamingHttpResponse
from django.utils.http import content_disposition_header

from claims.reports.recording import FORMATS, filename_for


def _attachment(response, filename):
    # Always a download, never shown inline: a report is a file, not a page of this site.
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["Cache-Control"] = "private, no-store"
    return response


def export_response(export):
    """Stream a new :class:`~claims.reports.Export` to the client while it is recorded."""
    response = StreamingHttpResponse(iter(export), content_type=export.content_type)
    return _attachment(response, export.filename)


def download_response(report):
    """Stream a recorded report's stored bytes, exactly as they were first written."""
    spec = FORMATS[report.format]
    response = StreamingHttpResponse(report.iter_content(), content_type=spec.content_type)
    response["Content-Length"] = str(report.size)
    response["ETag"] = f'"{report.sha256}"'
    return _attachment(response, filename_for(spec, report.created_at, report.pk))
