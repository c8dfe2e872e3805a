"""The printable report: one self-contained HTML page, and the same page as a PDF.

The page groups the claims by release and shows each in its source paragraph with the claim
highlighted, its rating as a labelled badge, the ruling (verdict and reasoning), the evidence
with what each piece says about the claim and its excerpt, and who checked and approved it. Its
stylesheet (with print rules) is inline and it loads nothing, so the file stands alone and
WeasyPrint renders it without touching the network. Every piece of user text goes through the
template's escaping; the highlight markup is built from the offsets, never from the text.

A printable report is meant to be read: it is limited to ``PRINTABLE_LIMIT`` claims.
"""

import importlib
from dataclasses import dataclass, field

from django.template.loader import render_to_string

PRINTABLE_LIMIT = 2000
# Characters of the paragraph shown on each side of the claim.
CONTEXT_CHARS = 320


@dataclass
class ReleaseGroup:
    release_id: int
    title: str
    date: object
    url: str
    organization: str
    claims: list = field(default_factory=list)


def _trim_before(text):
    if len(text) <= CONTEXT_CHARS:
        return text
    cut = text[-CONTEXT_CHARS:]
    space = cut.find(" ")
    return "…" + (cut[space + 1 :] if 0 <= space < 40 else cut)


def _trim_after(text):
    if len(text) <= CONTEXT_CHARS:
        return text
    cut = text[:CONTEXT_CHARS]
    space = cut.rfind(" ")
    return (cut[:space] if space > CONTEXT_CHARS - 40 else cut) + "…"


def source_context(row):
    """``(before, after)``: the paragraph's text around the claim, trimmed when long.

    Empty when the offsets no longer cut the claim out of its paragraph; the page then shows
    the claim on its own rather than a wrong highlight.
    """
    if not row.paragraph_text or not row.has_span:
        return "", ""
    return (
        _trim_before(row.paragraph_text[: row.start]),
        _trim_after(row.paragraph_text[row.end :]),
    )


def _is_web_link(url):
    return url.lower().startswith(("http://", "https://"))


def group_by_release(rows, claim_url, public_url):
    """The rows (in report order) as a list of :class:`ReleaseGroup`, ready for the template."""
    groups = []
    for row in rows:
        if not groups or groups[-1].release_id != row.release_id:
            groups.append(
                ReleaseGroup(
                    release_id=row.release_id,
                    title=row.release_title,
                    date=row.release_date,
                    url=row.release_url if _is_web_link(row.release_url) else "",
                    organization=row.release_organization,
                )
            )
        before, after = source_context(row)
        groups[-1].claims.append(
            {
                "row": row,
                "before": before,
                "after": after,
                "url": claim_url(row.claim_id),
                "public_url": public_url(row.claim_id),
                "evidence": [
                    {"link": link, "is_link": _is_web_link(link.url)} for link in row.evidence
                ],
            }
        )
    return groups


def render_html(rows, context):
    """The printable report as UTF-8 bytes."""
    rows = list(rows)
    groups = group_by_release(rows, context.claim_url, context.public_url)
    html = render_to_string(
        "claims/reports/printable.html",
        {
            "groups": groups,
            "count": len(rows),
            "context": context,
        },
    )
    return html.encode("utf-8")


def pdf_unavailable():
    """None when WeasyPrint can render PDFs here; else a sentence saying what is missing."""
    try:
        importlib.import_module("weasyprint")
    except OSError as error:
        return (
            "PDF reports need the Pango text library, which this server lacks "
            f"({error}); install libpango-1.0-0 and libpangoft2-1.0-0, or export HTML instead."
        )
    return None


def html_to_pdf(html):
    """Render printable HTML bytes to PDF bytes with WeasyPrint, fetching nothing."""
    import weasyprint

    # The report carries everything it shows: no scheme is allowed, so nothing is fetched
    # (a fetch would leak who reads the report, or hang the export).
    nothing = weasyprint.urls.URLFetcher(allowed_protocols=frozenset())
    document = weasyprint.HTML(string=html.decode("utf-8"), url_fetcher=nothing)
    return document.write_pdf()


def write_html(rows, context):
    yield render_html(rows, context)


def write_pdf(rows, context):
    yield html_to_pdf(render_html(rows, context))
