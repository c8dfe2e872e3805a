"""Template helpers for the review pages.

Permission checks go through claims.permissions, the one policy, so a template never asks
a different question than the view that handles the request.
"""

import json
from urllib.parse import urlencode

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.dates import MONTHS_3
from django.utils.safestring import mark_safe

from claims import permissions, workflow
from claims.models import (
    OPEN_STATUSES,
    ClaimKind,
    Rating,
    ReviewStatus,
    person_name,
    person_name_from,
)

register = template.Library()

_CHECKS = {
    "view": permissions.can_view,
    "review": permissions.can_review,
    "manage": permissions.can_manage,
    "approve": permissions.can_approve,
    "import": permissions.can_import,
    "export": permissions.can_export,
}


KIND_LABELS = dict(ClaimKind.choices)
STATUS_LABELS = dict(ReviewStatus.choices)
RATING_LABELS = dict(Rating.choices)


@register.filter
def can(user, what):
    """``{% if user|can:"import" %}``: whether the user holds one of the desk's permissions."""
    return _CHECKS[what](user)


def _segments(text, spans):
    """Cut ``text`` at every edge of every span: ``(start, end, spans covering it)``.

    Spans may overlap or nest; each piece of text is then covered by several spans and the
    caller decides how to show it. Edges outside the text are clamped, so a stale offset
    never loses characters.
    """
    length = len(text)
    clamped = [(min(max(s.start, 0), length), min(max(s.end, 0), length), s) for s in spans]
    edges = sorted({0, length, *(a for a, _, _ in clamped), *(b for _, b, _ in clamped)})
    for a, b in zip(edges, edges[1:], strict=False):
        covering = [s for start, end, s in clamped if start <= a and b <= end and start < end]
        yield a, b, covering


def _status_label(claim):
    return STATUS_LABELS.get(claim.status, claim.status).lower()


def highlight(text, claims, *, current=None, urls=None):
    """``text`` cut into the pieces ``claims/_highlighted.html`` shows: plain text, and each
    claim's span as a link coloured by its status.

    ``current`` (the claim being reviewed) is shown as a ``<mark>`` instead of a link. The
    offsets decide the pieces; the template escapes every piece of text. ``urls`` (claim id
    to its page) spares a page that links each claim twice a second reverse() of each.
    Every piece has every key the template reads, as plain values: a template looks a
    missing key or a model's attribute up the slow way.
    """
    claims = list(claims)
    pieces = []
    for a, b, covering in _segments(text, claims):
        piece = {"text": text[a:b], "pk": None}
        pieces.append(piece)
        if not covering:
            continue
        # The narrowest span is the one a reader means when they click inside a nested one.
        target = min(covering, key=lambda c: (c.end - c.start, c.pk))
        is_current = current is not None and target.pk == current.pk
        overlap = " hl-overlap" if len(covering) > 1 else ""
        piece.update(
            pk=target.pk,
            current=is_current,
            classes=f"hl-current{overlap}" if is_current else f"hl hl-{target.status}{overlap}",
            url=None if is_current else urls[target.pk] if urls else target.get_absolute_url(),
            # A span's status is said where it ends, for those who cannot see its colour.
            ends=[
                _status_label(c) for c in covering
                if min(c.end, len(text)) == b and c != current
            ],
            title="; ".join(
                f"#{c.pk} {KIND_LABELS.get(c.kind, c.kind)}, {_status_label(c)}"
                for c in covering
            ),
        )
    return pieces


def url_for_each(name):
    """``reverse(name, args=[pk])`` as a function of ``pk``, for a page linking many rows to
    one view (``name``'s pattern takes one ``<int:...>``): reversed once, each row's pk put
    where a stand-in's digits were. A reverse() costs a page row more than all its cells."""
    stand_in = str(STAND_IN_PK)
    head, tail = reverse(name, args=[STAND_IN_PK]).rsplit(stand_in, 1)
    return lambda pk: f"{head}{pk}{tail}"


# No prefix or pattern of the project holds these digits (tests/test_views_review.py).
STAND_IN_PK = 8_640_195_737_312_251


@register.inclusion_tag("claims/_queue_rows.html")
def queue_rows(claims, query="", selectable=False, today=None):
    """The queue's table rows (claim, speaker, release, score, status, assignee) from rows of
    ``.values()``, as the queue view reads them. Each claim's link carries ``query``, the
    queue's own, so that its page leads back to this list and on to the next claim in it.

    Each row gets its links, labels, names, shortened texts and due date here (overdue
    before ``today``, by default the current date); the template only places them.
    """
    today = today or timezone.localdate()
    rows = list(claims)
    claim_url = url_for_each("claims:claim_detail")
    release_url = url_for_each("claims:release_detail")
    query = f"?{query}" if query else ""
    for row in rows:
        row["href"] = f"{claim_url(row['id'])}{query}"
        row["release_url"] = release_url(row["release_id"])
        row["short_text"] = shorten(row["text"], 180)
        row["short_title"] = shorten(row["release__title"], 42)
        row["score_text"] = f"{row['score']:.2f}"
        row["kind_label"] = KIND_LABELS.get(row["kind"], row["kind"])
        row["status_label"] = STATUS_LABELS.get(row["status"], row["status"])
        row["rating_label"] = RATING_LABELS.get(row["rating"], row["rating"])
        row["assignee_name"] = row["assignee_id"] and person_name_from(
            row["assignee__first_name"], row["assignee__last_name"], row["assignee__username"]
        )
        row["due"] = row["overdue"] = None
        if due_on := row["due_on"]:
            row["due"] = f"{due_on.day} {_MONTHS[due_on.month - 1]}" + (
                f" {due_on.year}" if due_on.year != today.year else ""
            )
            row["overdue"] = due_on < today and row["status"] in OPEN_STATUSES
    return {"rows": rows, "selectable": selectable}


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@register.inclusion_tag("claims/_claim_index.html")
def claim_index(claims, urls):
    """A release page's list of its claims (rows with ``assignee_name``), one line each;
    ``urls`` maps each to its page. Rows of plain values, as ``highlight``'s pieces."""
    rows = [
        {
            "pk": claim.pk,
            "url": urls[claim.pk],
            "kind": claim.kind,
            "kind_label": KIND_LABELS.get(claim.kind, claim.kind),
            "text": shorten(claim.text, 110),
            "status": claim.status,
            "status_label": STATUS_LABELS.get(claim.status, claim.status),
            "assignee_name": claim.assignee_name,
        }
        for claim in claims
    ]
    return {"rows": rows}


@register.filter(expects_localtime=True)
def iso_time(value):
    """What ``date:"c"`` shows (ISO 8601, for ``<time datetime>``), in the current time zone.

    ``date`` builds a formatter for each value; a claim page has twenty dates in its lists.
    """
    return value.isoformat() if value not in (None, "") else ""


@register.filter(expects_localtime=True)
def day_and_time(value):
    """What ``date:"j M Y, H:i"`` shows ("5 Dec 2026, 17:05"), in the current time zone."""
    if value in (None, ""):
        return ""
    month = MONTHS_3[value.month].title()
    return f"{value.day} {month} {value.year}, {value.hour:02d}:{value.minute:02d}"


@register.filter
def shorten(text, length):
    """``text`` cut to ``length`` characters, the last one an ellipsis, when it is longer.

    What ``truncatechars`` shows for the plain text of claims and titles, at a fraction of
    its cost on a page of many rows.
    """
    text = str(text)
    return text if len(text) <= length else f"{text[: length - 1]}…"


@register.filter
def person(user):
    """A user as colleagues know them: full name, else username."""
    return person_name(user)


@register.filter
def status_label(value):
    """A status word value as people read it: ``in_review`` reads “In review”."""
    return STATUS_LABELS.get(value, value)


@register.filter
def rating_label(value):
    """A rating word value as people read it: ``mostly_accurate`` reads “Mostly accurate”."""
    return RATING_LABELS.get(value, value)


@register.filter
def percent(value):
    """A share from 0 to 1 as a whole percentage: 0.734 reads “73%”."""
    return f"{round(float(value) * 100)}%"


@register.filter
def reason_label(code):
    """``named_person`` reads as “named person”."""
    return str(code).replace("_", " ")


# Where a person is in a list; a link that changes anything else starts from the top again.
_POSITION = ("page", "after", "before")


def query_links(query):
    """A function building links from the query ``query`` (a QueryDict) with some parameters
    replaced (``None`` removes one), for a page that needs several such links.

    Keeps the queue's filters when a person changes page, sort or status tab; the position
    in the list (page number, cursor) is kept only where a change names it again.
    """
    kept = {key: values for key, values in query.lists() if key not in _POSITION}

    def link(**changes):
        params = dict(kept)
        for key, value in changes.items():
            if value is None or value == "":
                params.pop(key, None)
            else:
                params[key] = [value]
        return f"?{urlencode(params, doseq=True)}"

    return link


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced: see ``query_links``."""
    return query_links(context["request"].GET)(**changes)


@register.filter
def past_tense(action):
    """A history entry's action as a verb: ``verify`` reads “verified”."""
    return workflow.PAST_TENSE.get(action, action)


# What would let JSON text end its <script> element or start markup, as JSON escapes.
_JSON_IN_HTML = str.maketrans({"<": "\\u003C", ">": "\\u003E", "&": "\\u0026"})


@register.filter
def json_ld(value):
    """``value`` as JSON text safe inside ``<script type="application/ld+json">``."""
    # Safe: the only characters that could close the element or open markup are escaped.
    return mark_safe(json.dumps(value, ensure_ascii=False, indent=1).translate(_JSON_IN_HTML))


@register.filter
def web_url(value):
    """The address if it is an http(s) link, else nothing: no ``javascript:`` in an href."""
    value = (value or "").strip()
    return value if value.lower().startswith(("https://", "http://")) else ""
