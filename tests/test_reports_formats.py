"""Reports of approved claims in every format, on the sample release and on hostile input."""

import csv
import datetime
import io
import json
import os
import socket
import urllib.request
import zlib

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils.html import escape

from claims import workflow
from claims.importing import import_text
from claims.models import Claim, ClaimKind, Report, ReportChunk
from claims.reports import ReportRefused, export_with_filters, printable, recording
from claims.reports.formats import CSV_HEADER
from tests import factories
from tests.claimreview_check import SCHEMA, check_claim_review, expand, value

# Ratings handed out in turn to the approved quotes, so every rating shows up in the reports.
RATINGS = [
    "accurate",
    "unverifiable",
    "misleading",
    "mostly_accurate",
    "mostly_inaccurate",
    "inaccurate",
]
HOSTILE = 'Minister says <script>alert("x")</script> and <img src=x onerror=alert(1)> matter'


def approve(claim, *, reviewer, editor, rating="accurate"):
    """Take, check (with evidence) and approve ``claim`` the way the desk does."""
    workflow.transition(claim, "take", by=reviewer)
    factories.EvidenceFactory(
        claim=claim,
        added_by=reviewer,
        url=f"https://evidence.example.org/claims/{claim.pk}",
        title=f"Evidence for claim {claim.pk}",
        stance="supports",
    )
    if rating in workflow.VERIFY_RATINGS:
        workflow.transition(claim, "verify", by=reviewer, rating=rating, **factories.RULING)
    else:
        workflow.transition(
            claim, "dispute", by=reviewer, rating=rating, note="The record says otherwise.",
            **factories.RULING,
        )
    workflow.transition(claim, "approve", by=editor)
    return claim


def require_pdf():
    """Skip when WeasyPrint's system libraries are missing, except in CI, which installs them."""
    problem = printable.pdf_unavailable()
    if problem and os.environ.get("CI"):
        pytest.fail(problem)
    if problem:
        pytest.skip(problem)


def export(format, data=None, *, by):
    """Write a report; return its bytes and the recorded Report."""
    job = export_with_filters(format, data or {}, by=by)
    content = b"".join(job)
    return content, job.report


def csv_rows(content):
    assert content.startswith(b"\xef\xbb\xbf"), "the CSV starts with a UTF-8 byte order mark"
    return list(csv.reader(io.StringIO(content[3:].decode("utf-8"), newline="")))


def approved_claim(
    text, *, reviewer, editor, kind=ClaimKind.QUOTE, rating="accurate", release=None, speaker=None
):
    """An approved claim spanning a paragraph of its own (in a new release unless given)."""
    paragraph_kwargs = {"release": release} if release else {}
    paragraph = factories.ParagraphFactory(text=text, **paragraph_kwargs)
    claim = factories.ClaimFactory(paragraph=paragraph, kind=kind, speaker=speaker)
    return approve(claim, reviewer=reviewer, editor=editor, rating=rating)


def approve_quotes(release, *, reviewer, editor):
    """Approve every quote of ``release``, handing out the ratings in turn."""
    quotes = list(release.claims.filter(kind=ClaimKind.QUOTE).order_by("id"))
    assert quotes, "the release has quotes"
    for index, quote in enumerate(quotes):
        approve(quote, reviewer=reviewer, editor=editor, rating=RATINGS[index % len(RATINGS)])
    return release


@pytest.fixture
def approved_seed(seed_release, reviewer, editor):
    """The sample release with its quotes approved, one rating each in turn.

    One of its other claims is verified but not approved, another is in review: neither may
    appear in a report.
    """
    approve_quotes(seed_release, reviewer=reviewer, editor=editor)
    others = list(seed_release.claims.exclude(kind=ClaimKind.QUOTE).order_by("id")[:2])
    workflow.transition(others[0], "take", by=reviewer)
    factories.EvidenceFactory(claim=others[0], added_by=reviewer)
    workflow.transition(others[0], "verify", by=reviewer, rating="accurate", **factories.RULING)
    workflow.transition(others[1], "take", by=reviewer)
    return seed_release


# A paragraph a hostile source might add to a release: a quote a spreadsheet would run, and a
# quote full of markup.
HOSTILE_PARAGRAPH = (
    "“=HYPERLINK('https://evil.example/steal','Click for details') is what the message said,” "
    "said the Secretary General. “<script>alert(1)</script> and <img src=x onerror=alert(2)> "
    "are not welcome here,” he added."
)


@pytest.fixture
def hostile_release(db, reviewer, editor):
    """The sample release with the hostile paragraph at its end, imported, quotes approved."""
    text = factories.seed_text().rstrip("\n") + "\n" + HOSTILE_PARAGRAPH + "\n"
    release = import_text(text, by=editor, organization="NATO").release
    for quote in release.claims.filter(kind=ClaimKind.QUOTE).order_by("id"):
        approve(quote, reviewer=reviewer, editor=editor)
    return release


def approved_ids(release):
    return set(release.claims.approved().values_list("id", flat=True))


# CSV


def test_csv_has_one_row_per_approved_claim_and_nothing_else(approved_seed, editor):
    content, report = export("csv", by=editor)

    rows = csv_rows(content)
    assert tuple(rows[0]) == CSV_HEADER
    ids = [int(row[0]) for row in rows[1:]]
    assert len(ids) == len(set(ids)) == approved_seed.claims.approved().count()
    assert set(ids) == approved_ids(approved_seed)
    unapproved = approved_seed.claims.exclude(status="approved")
    assert not set(ids) & set(unapproved.values_list("id", flat=True))
    assert report.row_count == len(ids)


def test_csv_rows_end_in_crlf_and_carry_who_checked_and_approved(approved_seed, editor):
    content, _ = export("csv", by=editor)

    assert content.count(b"\r\n") == approved_seed.claims.approved().count() + 1
    header, first = csv_rows(content)[:2]
    cells = dict(zip(header, first, strict=True))
    claim = Claim.objects.get(pk=int(cells["claim id"]))
    assert cells["release title"] == approved_seed.title
    assert cells["claim text"] == claim.text
    assert cells["paragraph"] == str(claim.paragraph.position)
    assert cells["kind"] == "quote"
    assert cells["speaker"] == claim.speaker.name
    assert cells["rating"] == claim.rating
    assert cells["evidence URLs"] == f"https://evidence.example.org/claims/{claim.pk}"
    assert cells["reviewer"] == "Rita Reviewer"
    assert cells["approver"] == "Erin Editor"
    approved_at = datetime.datetime.fromisoformat(cells["approved at"])
    assert abs(approved_at - claim.approved_at) < datetime.timedelta(seconds=1)
    assert datetime.datetime.fromisoformat(cells["verified at"]) <= approved_at


def test_csv_neutralizes_formulas_but_keeps_the_text_readable(reviewer, editor):
    formula = '=HYPERLINK("https://evil.example/steal","Click for details")'
    approved_claim(formula, reviewer=reviewer, editor=editor)
    approved_claim("-40% of the budget is already spent", reviewer=reviewer, editor=editor)
    speaker = factories.SpeakerFactory(name="@minister", role="+44 minister")
    paragraph = factories.ParagraphFactory(text="Taxes will fall next year.")
    claim = factories.ClaimFactory(paragraph=paragraph, speaker=speaker)
    approve(claim, reviewer=reviewer, editor=editor)

    header, *rows = csv_rows(export("csv", by=editor)[0])
    by_text = {row[header.index("claim text")]: dict(zip(header, row, strict=True)) for row in rows}

    assert f"'{formula}" in by_text
    assert "'-40% of the budget is already spent" in by_text
    taxes = by_text["Taxes will fall next year."]
    assert taxes["speaker"] == "'@minister"
    assert taxes["role"] == "'+44 minister"
    # Nothing a spreadsheet would run is left at the start of any cell.
    for row in rows:
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r")), cell


def test_csv_neutralizes_a_formula_quoted_in_a_release(hostile_release, editor):
    header, *rows = csv_rows(export("csv", {"release": hostile_release.pk}, by=editor)[0])

    texts = [row[header.index("claim text")] for row in rows]
    assert len(rows) == hostile_release.claims.approved().count()
    assert (
        "'=HYPERLINK('https://evil.example/steal','Click for details') is what the message said"
        in texts
    )
    assert not any(text.startswith("=") for text in texts)


def test_csv_says_what_the_json_report_says_claim_by_claim(approved_seed, reviewer, editor):
    first = approved_seed.claims.approved().order_by("id").first()
    for number in (2, 3):
        factories.EvidenceFactory(
            claim=first, added_by=reviewer, url=f"https://evidence.example.org/more/{number}"
        )

    header, *rows = csv_rows(export("csv", by=editor)[0])
    claims = json.loads(export("json", by=editor)[0])["claims"]

    assert [int(row[0]) for row in rows] == [claim["id"] for claim in claims]
    for row, claim in zip(rows, claims, strict=True):
        cells = dict(zip(header, row, strict=True))
        assert cells["release date"] == (claim["release"]["published_on"] or "")
        assert cells["paragraph"] == str(claim["paragraph"])
        assert cells["evidence URLs"].split("\n") == [e["url"] for e in claim["evidence"]]
        assert cells["reviewer"] == claim["reviewer"]
        assert cells["verified at"] == claim["verified_at"]
        assert cells["approver"] == claim["approver"]
        assert cells["approved at"] == claim["approved_at"]
    assert len(next(c for c in claims if c["id"] == first.pk)["evidence"]) == 3


def test_csv_stays_utf8_for_curly_quotes_and_accents(reviewer, editor):
    approved_claim("“Zürich’s naïve café” costs €4", reviewer=reviewer, editor=editor)

    header, row = csv_rows(export("csv", by=editor)[0])

    assert row[header.index("claim text")] == "“Zürich’s naïve café” costs €4"


def test_csv_carries_the_ruling_every_piece_of_evidence_and_the_public_page(reviewer, editor):
    claim = approved_claim("Exports rose by 12% in 2023.", reviewer=reviewer, editor=editor)
    factories.EvidenceFactory(
        claim=claim, added_by=reviewer, stance="contradicts", title="",
        url="https://stats.example.org/trade-2023", excerpt="=Exports rose 9% in 2023.",
    )

    header, row = csv_rows(export("csv", by=editor)[0])
    cells = dict(zip(header, row, strict=True))

    assert (cells["verdict"], cells["reasoning"]) == (claim.verdict, claim.reasoning)
    assert cells["evidence URLs"] == (
        f"https://evidence.example.org/claims/{claim.pk}\nhttps://stats.example.org/trade-2023"
    )
    assert cells["evidence"] == (
        f"Supports the claim: Evidence for claim {claim.pk} "
        f"<https://evidence.example.org/claims/{claim.pk}>\n“Bridge: £40m”\n\n"
        "Contradicts the claim: https://stats.example.org/trade-2023\n“=Exports rose 9% in 2023.”"
    )
    assert cells["fact-check URL"] == f"http://127.0.0.1:8000/fact-checks/{claim.pk}/"


# JSON


def test_json_has_the_documented_shape_and_every_approved_claim(approved_seed, editor):
    content, report = export("json", {"release": approved_seed.pk}, by=editor)

    document = json.loads(content)
    assert list(document) == ["generated_at", "filters", "claims", "count"]
    assert document["filters"] == {"release": approved_seed.pk}
    assert document["count"] == len(document["claims"]) == report.row_count
    assert {c["id"] for c in document["claims"]} == approved_ids(approved_seed)
    claim = document["claims"][0]
    assert list(claim) == [
        "id", "url", "public_url", "release", "paragraph", "start", "end", "kind", "speaker",
        "text", "rating", "rating_label", "verdict", "reasoning", "evidence", "reviewer",
        "verified_at", "approver", "approved_at",
    ]  # fmt: skip
    stored = Claim.objects.get(pk=claim["id"])
    assert claim["url"] == f"http://127.0.0.1:8000/review/claims/{stored.pk}/"
    assert claim["public_url"] == f"http://127.0.0.1:8000/fact-checks/{stored.pk}/"
    assert (claim["verdict"], claim["reasoning"]) == (stored.verdict, stored.reasoning)
    assert claim["release"]["title"] == approved_seed.title
    assert claim["speaker"]["name"] == stored.speaker.name
    assert claim["evidence"] == [
        {
            "url": f"https://evidence.example.org/claims/{stored.pk}",
            "title": f"Evidence for claim {stored.pk}",
            "stance": "supports",
            "excerpt": "Bridge: £40m",
        }
    ]
    assert datetime.datetime.fromisoformat(document["generated_at"]) == report.created_at.replace(
        microsecond=0
    )


def test_json_of_no_claims_is_still_a_complete_document(editor):
    document = json.loads(export("json", by=editor)[0])

    assert document["claims"] == []
    assert document["count"] == 0
    assert document["filters"] == {}


# ClaimReview JSON-LD


def test_claimreview_has_every_property_googles_fact_check_markup_requires(
    approved_seed, editor
):
    content, report = export("claimreview", by=editor)

    reviews = expand(json.loads(content))
    assert len(reviews) == report.row_count == approved_seed.claims.approved().count()
    for review in reviews:
        claim = Claim.objects.select_related("speaker", "release").get(
            pk=int(value(review, "url").rstrip("/").rsplit("/", 1)[1])
        )
        assert claim.status == "approved"
        check_claim_review(
            review, claim, public_url=f"http://127.0.0.1:8000/fact-checks/{claim.pk}/"
        )
        assert value(value(review, "author"), "name") == "factcheck desk"


def test_claimreview_item_has_the_release_date_and_url_when_they_are_known(
    reviewer, editor
):
    release = factories.ReleaseFactory(
        source_url="https://ministry.example.org/news/42",
        published_on=datetime.date(2024, 3, 5),
        organization="Ministry of Examples",
    )
    approved_claim(
        "Exports rose by 12% in 2023.",
        reviewer=reviewer,
        editor=editor,
        kind="quantity",
        release=release,
    )

    (review,) = expand(json.loads(export("claimreview", by=editor)[0]))

    item = value(review, "itemReviewed")
    assert value(item, "datePublished") == "2024-03-05"
    assert value(value(item, "appearance"), "url") == "https://ministry.example.org/news/42"
    # A claim of the release itself, with no speaker, is the issuing organization's.
    author = value(item, "author")
    assert author["@type"] == [SCHEMA + "Organization"]
    assert value(author, "name") == "Ministry of Examples"


def test_claimreview_is_served_from_the_publisher_url_setting(settings, reviewer, editor):
    settings.FACTCHECK_PUBLISHER_URL = "https://facts.example.org/"
    settings.FACTCHECK_PUBLISHER_NAME = "Example Fact Desk"
    claim = approved_claim("Unemployment halved.", reviewer=reviewer, editor=editor)

    (review,) = json.loads(export("claimreview", by=editor)[0])

    assert review["url"] == f"https://facts.example.org/fact-checks/{claim.pk}/"
    assert review["author"] == {
        "@type": "Organization",
        "name": "Example Fact Desk",
        "url": "https://facts.example.org/",
    }


def test_claimreview_cites_the_evidence_with_its_excerpt_and_stance(reviewer, editor):
    claim = approved_claim("Exports rose 9% in 2023.", reviewer=reviewer, editor=editor)
    claim.evidence.update(excerpt="Exports: +9.1% (2023).")
    evidence = claim.evidence.get()

    (review,) = expand(json.loads(export("claimreview", by=editor)[0]))

    (cited,) = review[SCHEMA + "citation"]
    assert value(cited, "url") == evidence.url
    assert value(cited, "name") == evidence.title
    assert value(cited, "text") == "Exports: +9.1% (2023)."
    assert value(cited, "description") == "Supports the claim"


# Printable HTML and PDF


def test_printable_html_groups_claims_by_release_and_highlights_them(approved_seed, editor):
    html = export("html", by=editor)[0].decode("utf-8")

    assert html.count('<article class="claim">') == approved_seed.claims.approved().count()
    assert html.count('<section class="release">') == 1
    assert "@media print" in html
    assert "<link" not in html and "<script" not in html, "the page stands alone"
    for claim in approved_seed.claims.approved():
        assert f"<mark>{escape(claim.text)}</mark>" in html
    assert "Rating: Accurate (5 of 5)" in html
    assert "Rating: Unverifiable" in html
    assert "approved by Erin Editor on" in html
    assert "Checked by Rita Reviewer on" in html
    assert 'href="https://evidence.example.org/claims/' in html
    ruling = factories.RULING
    assert html.count(f'<p class="verdict">{escape(ruling["verdict"])}</p>') == (
        approved_seed.claims.approved().count()
    )
    assert f"<p>{escape(ruling['reasoning'])}</p>" in html
    assert '<span class="stance stance-supports">Supports the claim:</span>' in html
    assert '<blockquote class="excerpt">Bridge: £40m</blockquote>' in html
    assert 'Published fact-check: <a href="http://127.0.0.1:8000/fact-checks/' in html


def test_printable_html_escapes_hostile_markup(reviewer, editor):
    paragraph = factories.ParagraphFactory(
        text=f"Before. {HOSTILE}. After.",
        release=factories.ReleaseFactory(title="<b>Bold</b> release"),
    )
    start = paragraph.text.index(HOSTILE)
    claim = factories.ClaimFactory(
        paragraph=paragraph, text=HOSTILE, start=start, end=start + len(HOSTILE)
    )
    approve(claim, reviewer=reviewer, editor=editor)
    factories.EvidenceFactory(
        claim=claim, added_by=reviewer, url="javascript:alert(1)", title="<i>trap</i>"
    )

    html = export("html", by=editor)[0].decode("utf-8")

    assert "<script>" not in html
    assert "<img" not in html
    assert "<b>Bold</b>" not in html and "&lt;b&gt;Bold&lt;/b&gt; release" in html
    assert "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;" in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert 'href="javascript:' not in html, "only web links become links"
    assert "&lt;i&gt;trap&lt;/i&gt;" in html
    assert "Before. <mark>Minister says &lt;script&gt;" in html


def test_printable_html_escapes_markup_quoted_in_a_release(hostile_release, editor):
    html = export("html", {"release": hostile_release.pk}, by=editor)[0].decode("utf-8")

    assert "<script>" not in html and "<img" not in html
    assert (
        "<mark>&lt;script&gt;alert(1)&lt;/script&gt; and &lt;img src=x onerror=alert(2)&gt; "
        "are not welcome here</mark>" in html
    )


def test_printable_report_refuses_more_claims_than_it_can_hold(monkeypatch, reviewer, editor):
    monkeypatch.setattr(printable, "PRINTABLE_LIMIT", 1)
    approved_claim("One.", reviewer=reviewer, editor=editor)
    approved_claim("Two.", reviewer=reviewer, editor=editor)

    with pytest.raises(ReportRefused) as refused:
        export_with_filters("html", {}, by=editor)

    assert refused.value.code == "too_many_claims"
    assert "hold at most 1 claims and these filters match 2" in str(refused.value)
    assert "narrow the filters" in str(refused.value)
    assert not Report.objects.exists()


def pdf_text(content):
    pypdf = pytest.importorskip("pypdf")
    reader = pypdf.PdfReader(io.BytesIO(content))
    return " ".join(page.extract_text() for page in reader.pages)


def normalize_space(text):
    return " ".join(text.split())


def test_pdf_contains_every_approved_claim(approved_seed, editor):
    require_pdf()
    content, report = export("pdf", by=editor)

    assert content.startswith(b"%PDF-")
    text = normalize_space(pdf_text(content))
    for claim in approved_seed.claims.approved():
        # Text extraction may break a line anywhere; compare word by word.
        assert normalize_space(claim.text) in text
    # The reader learns why: the ruling and the evidence's excerpt are in the PDF.
    assert normalize_space(factories.RULING["verdict"]) in text
    assert normalize_space(factories.RULING["reasoning"]) in text
    assert "Supports the claim: Evidence for claim" in text
    assert "Bridge: £40m" in text
    for claim in approved_seed.claims.exclude(status="approved"):
        assert f"Claim #{claim.pk} " not in text + " "
    assert report.format == "pdf"


def test_pdf_shows_hostile_markup_as_text(hostile_release, editor):
    require_pdf()
    text = normalize_space(pdf_text(export("pdf", {"release": hostile_release.pk}, by=editor)[0]))

    assert "<script>alert(1)</script> and <img src=x onerror=alert(2)> are not welcome" in text
    assert "=HYPERLINK('https://evil.example/steal','Click for details')" in text


def test_the_pdf_renderer_fetches_nothing(monkeypatch):
    require_pdf()
    attempts = []
    monkeypatch.setattr(
        urllib.request.OpenerDirector, "open", lambda self, url, *a, **k: attempts.append(url)
    )
    monkeypatch.setattr(socket, "getaddrinfo", lambda host, *a, **k: attempts.append(host))
    page = (
        b'<link rel="stylesheet" href="https://fonts.example.org/x.css">'
        b'<img src="http://tracker.example.org/pixel.png"><img src="file:///etc/passwd">'
        b"<p>Only this text.</p>"
    )

    text = pdf_text(printable.html_to_pdf(page))

    assert "Only this text." in text
    assert attempts == []


# Recording


@pytest.mark.parametrize("format", ["csv", "json", "claimreview", "html", "pdf"])
def test_every_export_is_recorded_with_the_sha256_of_its_bytes(approved_seed, editor, format):
    if format == "pdf":
        require_pdf()
    content, report = export(format, {"release": approved_seed.pk}, by=editor)

    report.refresh_from_db()
    assert report.created_by == editor
    assert report.format == format
    assert report.filters == {"release": approved_seed.pk}
    assert report.description == f"Release #{approved_seed.pk} “{approved_seed.title}”"
    assert sorted(report.claim_ids) == sorted(approved_ids(approved_seed))
    assert report.row_count == len(report.claim_ids)
    assert report.size == len(content)
    assert report.sha256 == recording.hashlib.sha256(content).hexdigest()
    assert b"".join(report.iter_content()) == content


def test_a_large_report_is_stored_in_pieces_and_reads_back_whole(monkeypatch, reviewer, editor):
    monkeypatch.setattr(recording, "CHUNK_BYTES", 64)
    for number in range(5):
        approved_claim(f"Claim number {number} about the budget.", reviewer=reviewer, editor=editor)

    content, report = export("csv", by=editor)

    assert report.chunks.count() == -(-len(content) // 64)
    assert all(len(zlib.decompress(c.data)) <= 64 for c in report.chunks.all())
    assert b"".join(report.iter_content()) == content


def test_an_export_abandoned_halfway_records_nothing(monkeypatch, reviewer, editor):
    monkeypatch.setattr(recording, "CHUNK_BYTES", 64)
    for number in range(5):
        approved_claim(f"Claim number {number} about the budget.", reviewer=reviewer, editor=editor)

    job = iter(export_with_filters("csv", {}, by=editor))
    next(job)
    job.close()  # the client went away

    assert not Report.objects.exists()
    assert not ReportChunk.objects.exists()


def test_export_queries_stay_the_same_as_claims_grow(reviewer, editor):
    def queries_for_export():
        with CaptureQueriesContext(connection) as queries:
            export("csv", by=editor)
        return len(queries)

    approved_claim("The first claim.", reviewer=reviewer, editor=editor)
    few = queries_for_export()
    for number in range(12):
        approved_claim(f"Another claim, number {number}.", reviewer=reviewer, editor=editor)
    many = queries_for_export()

    assert many == few


@pytest.mark.parametrize("format", ["json", "claimreview", "html"])
def test_other_formats_make_the_same_queries_as_claims_grow(reviewer, editor, format):
    def queries_for_export():
        with CaptureQueriesContext(connection) as queries:
            export(format, by=editor)
        return len(queries)

    approved_claim("The first claim.", reviewer=reviewer, editor=editor)
    few = queries_for_export()
    for number in range(8):
        approved_claim(f"Another claim, number {number}.", reviewer=reviewer, editor=editor)

    assert queries_for_export() == few


def test_only_editors_may_export(reviewer):
    with pytest.raises(ReportRefused) as refused:
        export_with_filters("csv", {}, by=reviewer)

    assert refused.value.code == "permission_denied"
    assert "only editors can" in str(refused.value)


def test_a_report_recorded_before_its_pieces_were_compressed_still_downloads(editor):
    report = Report.objects.create(created_by=editor, format="csv", sha256="", size=9)
    ReportChunk.objects.create(report=report, sequence=0, data=b"id,te")
    ReportChunk.objects.create(report=report, sequence=1, data=zlib.compress(b"xt\r\n"),
                               compressed=True)

    assert b"".join(report.iter_content()) == b"id,text\r\n"
