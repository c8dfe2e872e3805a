"""Writing a report and recording it, and comparing a report with the one before it.

An :class:`Export` is iterated for its bytes. While it runs it records a
:class:`~claims.models.Report`: who, when, the filters, the format, the claim ids, the size and
the SHA-256 of the bytes, and the bytes themselves in :class:`~claims.models.ReportChunk` pieces,
all in one transaction. A report that is not written to the end (a dropped connection, an
error) leaves nothing behind; a recorded one downloads again byte for byte.
"""

import hashlib
import zlib
from array import array
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import urljoin

from django.conf import settings
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from claims import permissions
from claims.models import Claim, Report, ReportChunk, person_name
from claims.reports import formats, printable
from claims.reports.filters import bind_filters, describe, filter_error_sentence, normalize
from claims.reports.rows import iter_csv_batches, iter_rows

# Bytes per stored piece of a report: big enough to keep the number of rows small, small
# enough that writing and re-reading a huge report keeps memory flat.
CHUNK_BYTES = 512 * 1024
# Claims listed by name when a report is compared with the previous one.
CHANGES_SHOWN = 50


@dataclass(frozen=True)
class ReportFormat:
    name: str
    extension: str
    content_type: str
    write: Callable  # (what ``read`` yields, ExportContext) -> iterator of bytes
    # (queryset, claim ids to append to) -> what ``write`` takes; None for ReportRows.
    read: Callable = None
    printable: bool = False  # read with paragraphs, limited to printable.PRINTABLE_LIMIT
    unavailable: Callable = None  # () -> a sentence when this server cannot write the format

    @property
    def label(self):
        return str(Report.Format(self.name).label)


FORMATS = {
    spec.name: spec
    for spec in (
        ReportFormat(
            "csv",
            "csv",
            "text/csv; charset=utf-8",
            formats.write_csv,
            read=lambda queryset, claim_ids: iter_csv_batches(
                queryset, claim_ids, tz=timezone.get_current_timezone()
            ),
        ),
        ReportFormat("json", "json", "application/json", formats.write_json),
        ReportFormat(
            "claimreview", "jsonld", "application/ld+json", formats.write_claimreview
        ),
        ReportFormat(
            "html", "html", "text/html; charset=utf-8", printable.write_html, printable=True
        ),
        ReportFormat(
            "pdf",
            "pdf",
            "application/pdf",
            printable.write_pdf,
            printable=True,
            unavailable=printable.pdf_unavailable,
        ),
    )
}


class ReportRefused(Exception):
    """The report cannot be made as asked; ``str(error)`` says why and what to do instead."""

    def __init__(self, message, *, code):
        super().__init__(message)
        self.message = message
        self.code = code


def url_builder(viewname, base_url=None):
    """claim id -> absolute URL of the claim at ``viewname`` (its desk page, its published
    fact-check), on ``FACTCHECK_PUBLISHER_URL`` or else ``base_url``."""
    root = settings.FACTCHECK_PUBLISHER_URL or base_url or ""
    # The path is the same for every claim but its id: build it once, not per row.
    marker = 987654321
    path = reverse(viewname, args=[marker])
    prefix, _, suffix = urljoin(root, path).rpartition(str(marker))
    return lambda claim_id: f"{prefix}{claim_id}{suffix}"


def claim_url_builder(base_url=None):
    """claim id -> absolute URL of its page on the desk."""
    return url_builder("claims:claim_detail", base_url)


def public_url_builder(base_url=None):
    """claim id -> absolute URL of its published fact-check."""
    return url_builder("claims:fact_check", base_url)


def publishing_context(*, generated_at, base_url=None, filters=None, description="",
                       created_by=""):
    """The :class:`~claims.reports.formats.ExportContext` of a report or a public page."""
    return formats.ExportContext(
        generated_at=generated_at,
        filters=filters or {},
        description=description,
        created_by=created_by,
        publisher_name=settings.FACTCHECK_PUBLISHER_NAME,
        publisher_url=settings.FACTCHECK_PUBLISHER_URL,
        claim_url=claim_url_builder(base_url),
        public_url=public_url_builder(base_url),
    )


def filename_for(spec, moment, report_id=None):
    stamp = timezone.localtime(moment).strftime("%Y-%m-%d-%H%M%S")
    number = f"report-{report_id}-" if report_id else ""
    return f"approved-claims-{number}{stamp}.{spec.extension}"


class _ChunkWriter:
    """Stores a report's bytes in pieces of CHUNK_BYTES, hashing them on the way."""

    def __init__(self, report):
        self.report = report
        self.buffer = bytearray()
        self.sequence = 0
        self.size = 0
        self.digest = hashlib.sha256()

    def write(self, data):
        """Take ``data``; yield each full piece once it is stored."""
        self.buffer += data
        while len(self.buffer) >= CHUNK_BYTES:
            piece = bytes(self.buffer[:CHUNK_BYTES])
            del self.buffer[:CHUNK_BYTES]
            self._store(piece)
            yield piece

    def finish(self):
        """Store what is left; return it (it may be empty)."""
        piece = bytes(self.buffer)
        self.buffer.clear()
        if piece:
            self._store(piece)
        return piece

    def _store(self, piece):
        ReportChunk.objects.create(
            report=self.report, sequence=self.sequence, data=zlib.compress(piece, 1),
            compressed=True,
        )
        self.sequence += 1
        self.size += len(piece)
        self.digest.update(piece)


class Export:
    """One report of ``queryset`` (approved claims) in ``format``, ready to be written.

    Iterate it for the bytes; once the iteration has ended, ``report`` is the recorded
    :class:`~claims.models.Report`. Raises :class:`ReportRefused` at once when the report cannot
    be made (no permission, an unknown format, too many claims for a printable report).
    """

    def __init__(self, format, queryset, *, by, filters, description, base_url=None):
        if not permissions.can_export(by):
            raise ReportRefused(
                f"{person_name(by)} may not export reports; only editors can, so ask an editor.",
                code="permission_denied",
            )
        spec = FORMATS.get(format)
        if spec is None:
            known = ", ".join(FORMATS)
            raise ReportRefused(
                f"“{format}” is not a report format; use one of: {known}."
                if format
                else f"Choose the report's format: {known}.",
                code="unknown_format",
            )
        problem = spec.unavailable() if spec.unavailable else None
        if problem:
            raise ReportRefused(problem, code="format_unavailable")
        if spec.printable:
            count = queryset.count()
            if count > printable.PRINTABLE_LIMIT:
                raise ReportRefused(
                    f"Printable reports (HTML and PDF) hold at most "
                    f"{printable.PRINTABLE_LIMIT:,} claims and these filters match {count:,}; "
                    "narrow the filters, or export CSV or JSON.",
                    code="too_many_claims",
                )
        self.spec = spec
        self.queryset = queryset
        self.by = by
        self.filters = filters
        self.description = description
        self.base_url = base_url
        self.started_at = timezone.now()
        self.report = None

    @property
    def filename(self):
        return filename_for(self.spec, self.started_at)

    @property
    def content_type(self):
        return self.spec.content_type

    def __iter__(self):
        claim_ids = array("q")

        def rows():
            for row in iter_rows(self.queryset, with_paragraphs=self.spec.printable):
                claim_ids.append(row.claim_id)
                yield row

        read = self.spec.read(self.queryset, claim_ids) if self.spec.read else rows()

        with transaction.atomic():
            report = Report.objects.create(
                created_by=self.by,
                format=self.spec.name,
                filters=self.filters,
                description=self.description[:1000],
                sha256="",
            )
            context = publishing_context(
                generated_at=report.created_at,
                base_url=self.base_url,
                filters=self.filters,
                description=self.description,
                created_by=person_name(self.by),
            )
            writer = _ChunkWriter(report)
            writing = self.spec.write(read, context)
            try:
                for data in writing:
                    yield from writer.write(data)
            finally:
                # A report abandoned halfway closes its database cursor here, inside the
                # transaction: once it is rolled back, PostgreSQL no longer knows the cursor.
                writing.close()
                read.close()
            last = writer.finish()
            report.claim_ids = claim_ids.tolist()
            report.row_count = len(claim_ids)
            report.size = writer.size
            report.sha256 = writer.digest.hexdigest()
            report.save(update_fields=["claim_ids", "row_count", "size", "sha256"])
        # Committed before the last piece leaves: a reader who got every byte has a record.
        self.report = report
        if last:
            yield last


def export_with_filters(format, data, *, by, base_url=None):
    """An :class:`Export` of the approved claims that filter ``data`` selects.

    ``data`` is a QueryDict or dict with the names of :class:`~claims.reports.ReportFilter`;
    filters that do not make sense raise :class:`ReportRefused` with every problem in words.
    """
    filterset = bind_filters(data)
    if not filterset.is_valid():
        raise ReportRefused(filter_error_sentence(filterset.form), code="invalid_filters")
    return export_of(format, filterset, by=by, base_url=base_url)


def export_of(format, filterset, *, by, base_url=None):
    """An :class:`Export` of a bound, valid :class:`~claims.reports.ReportFilter`."""
    cleaned = filterset.form.cleaned_data
    return Export(
        format,
        filterset.qs,
        by=by,
        filters=normalize(cleaned),
        description=describe(cleaned),
        base_url=base_url,
    )


@dataclass
class Changes:
    """How a set of approved claims differs from a recorded report with the same filters."""

    previous: Report
    added_count: int
    removed_count: int
    added: list  # up to CHANGES_SHOWN claims that are new since ``previous``
    removed: list  # up to CHANGES_SHOWN claims of ``previous`` that are no longer included

    @property
    def any(self):
        return bool(self.added_count or self.removed_count)


def _listed(ids):
    shown = sorted(ids)[:CHANGES_SHOWN]
    return list(
        Claim.objects.filter(pk__in=shown).select_related("release", "speaker").order_by("id")
    )


def _compare(previous, current_ids):
    before = set(previous.claim_ids)
    added = current_ids - before
    removed = before - current_ids
    return Changes(
        previous=previous,
        added_count=len(added),
        removed_count=len(removed),
        added=_listed(added),
        removed=_listed(removed),
    )


def last_report_with(filters, *, before=None):
    """The newest recorded report made with exactly these (normalized) filters, or None."""
    reports = Report.objects.filter(filters=filters).select_related("created_by")
    if before is not None:
        reports = reports.filter(
            Q(created_at__lt=before.created_at) | Q(created_at=before.created_at, pk__lt=before.pk)
        )
    return reports.order_by("-created_at", "-id").first()


def changes_since_last_report(filters, queryset):
    """What a report of ``queryset`` would change against the last one with ``filters``."""
    previous = last_report_with(filters)
    if previous is None:
        return None
    return _compare(previous, set(queryset.values_list("id", flat=True)))


def changes_in_report(report):
    """What ``report`` changed against the report with the same filters made before it."""
    previous = last_report_with(report.filters, before=report)
    if previous is None:
        return None
    return _compare(previous, set(report.claim_ids))
