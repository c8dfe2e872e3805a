"""Template helpers for the review pages.

Permission checks go through claims.permissions, the one policy, so a template never asks
a different question than the view that handles the request.
"""

import json
from functools import lru_cache
from urllib.parse import urlencode

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils import timezone
from django.utils.html import escape
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


# An id no desk will reach, reversed once to find where a page's URL puts the id.
_ID_MARKER = 918273645546372819
KIND_LABELS = dict(ClaimKind.choices)
STATUS_LABELS = dict(ReviewStatus.choices)
RATING_LABELS = dict(Rating.choices)


@lru_cache(maxsize=64)
def _url_around_id(viewname, urlconf, script_prefix):
    return tuple(reverse(viewname, urlconf, args=[_ID_MARKER]).rsplit(str(_ID_MARKER), 1))


@lru_cache(maxsize=64)
def _page_url(viewname, urlconf, script_prefix):
    return reverse(viewname, urlconf)


@register.simple_tag
def page_url(viewname):
    """``{% url %}`` for a page that takes no arguments, reversed once per process.

    Every page's menu and links name half a dozen such pages; a reverse() each was a good
    part of rendering the menu.
    """
    return _page_url(viewname, get_urlconf(), get_script_prefix())


def url_for_id(viewname):
    """A function from an object's id to its URL at ``viewname`` (a pattern taking one int).

    A page of claims needs dozens of such URLs; reversing once and formatting ids is a
    fraction of a ``reverse()`` per row and gives the same address.
    """
    head, tail = _url_around_id(viewname, get_urlconf(), get_script_prefix())
    return lambda pk: f"{head}{pk}{tail}"


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


_STATUS_NOTE = '<span class="visually-hidden"> ({})</span>'


@register.simple_tag
def highlighted(text, claims, current=None):
    """Render ``text`` with each claim's span as a link coloured by status.

    ``current`` (the claim being reviewed) is shown as a ``<mark>`` instead of a link. Every
    piece of text is escaped; the markup comes only from the offsets.
    """
    claims = list(claims)
    claim_url = url_for_id("claims:claim_detail")
    pieces = []
    for a, b, covering in _segments(text, claims):
        chunk = escape(text[a:b])
        if not covering:
            pieces.append(chunk)
            continue
        # The narrowest span is the one a reader means when they click inside a nested one.
        target = min(covering, key=lambda c: (c.end - c.start, c.pk))
        overlap = " hl-overlap" if len(covering) > 1 else ""
        status_note = "".join(
            _STATUS_NOTE.format(escape(_status_label(c)))
            for c in covering
            if min(c.end, len(text)) == b and c != current
        )
        if current is not None and target.pk == current.pk:
            pieces.append(f'<mark class="hl-current{overlap}">{chunk}</mark>{status_note}')
            continue
        title = "; ".join(
            f"#{c.pk} {KIND_LABELS.get(c.kind, c.kind)}, {_status_label(c)}" for c in covering
        )
        pieces.append(
            f'<a class="hl hl-{escape(target.status)}{overlap}" href="{claim_url(target.pk)}" '
            f'title="{escape(title)}" data-claim="{target.pk}">{chunk}</a>{status_note}'
        )
    # Safe: every piece of text and every value from the database was escaped above.
    return mark_safe("".join(pieces))


# One row of the review queue; queue_rows escapes every value it puts in.
_QUEUE_ROW = (
    "<tr>{pick}"
    '<td class="cell-claim"><span class="kind kind-{kind}">{kind_label}</span> '
    '<a class="claim-link" href="{url}">{text}</a></td>'
    "<td>{speaker}</td>"
    '<td class="cell-release"><a href="{release_url}" title="{title}">{short_title}</a></td>'
    '<td class="num">{score}</td>'
    '<td><span class="badge status-{status}">{status_label}</span>{rating}{due}</td>'
    "<td>{assignee}</td>"
    "</tr>"
)
_NO_SPEAKER = '<span class="muted">—</span>'
_UNRESOLVED = '<span class="muted">Speaker not resolved</span>'
_UNASSIGNED = '<span class="muted">Unassigned</span>'
_RATING_NOTE = '<span class="rating-note">{}</span>'
_DUE_NOTE = '<span class="due-note">due {}</span>'
_OVERDUE_NOTE = '<span class="badge overdue">Overdue</span> <span class="due-note">due {}</span>'


def _due_note(due_on, status, today):
    """A queue row's due date, marked when an open claim is past it."""
    when = f"{due_on.day} {_MONTHS[due_on.month - 1]}" + (
        f" {due_on.year}" if due_on.year != today.year else ""
    )
    if due_on < today and status in OPEN_STATUSES:
        return _OVERDUE_NOTE.format(when)
    return _DUE_NOTE.format(when)


_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


# The box that puts a claim into the queue's bulk form (an editor's page only).
_PICK = (
    '<td class="cell-pick"><input type="checkbox" name="claims" value="{pk}" form="bulk" '
    'aria-label="Select claim #{pk}"></td>'
)


@register.simple_tag
def queue_rows(claims, query="", selectable=False):
    """The queue's table rows (claim, speaker, release, score, status, assignee) from rows of
    ``.values()``, as the queue view reads them. Each claim's link carries ``query``, the
    queue's own, so that its page leads back to this list and on to the next claim in it.

    Built in one pass, each value escaped once, rather than by a dozen template variables and
    filters per row, which were most of the cost of a page of claims.
    """
    claim_url = url_for_id("claims:claim_detail")
    release_url = url_for_id("claims:release_detail")
    suffix = f"?{escape(query)}" if query else ""
    today = timezone.localdate()
    rows = []
    for claim in claims:
        title = claim["release__title"]
        rating = claim["rating"]
        rows.append(_QUEUE_ROW.format(
            pick=_PICK.format(pk=int(claim["id"])) if selectable else "",
            kind=escape(claim["kind"]),
            kind_label=escape(KIND_LABELS.get(claim["kind"], claim["kind"])),
            url=claim_url(claim["id"]) + suffix,
            text=escape(shorten(claim["text"], 180)),
            speaker=escape(claim["speaker__name"]) if claim["speaker_id"] else (
                _UNRESOLVED if claim["kind"] == "quote" else _NO_SPEAKER),
            release_url=release_url(claim["release_id"]),
            title=escape(title),
            short_title=escape(shorten(title, 42)),
            score=f"{claim['score']:.2f}",
            status=escape(claim["status"]),
            status_label=escape(STATUS_LABELS.get(claim["status"], claim["status"])),
            rating=_RATING_NOTE.format(escape(RATING_LABELS.get(rating, rating))) if rating else "",
            due=_due_note(claim["due_on"], claim["status"], today) if claim["due_on"] else "",
            assignee=escape(person_name_from(
                claim["assignee__first_name"], claim["assignee__last_name"],
                claim["assignee__username"],
            )) if claim["assignee_id"] else _UNASSIGNED,
        ))
    # Safe: every value that came from the database was escaped above.
    return mark_safe("\n".join(rows))


_INDEX_ROW = (
    '<li><a href="{url}"><span class="claim-index-meta"><span class="kind kind-{kind}">'
    '{kind_label}</span> <span class="muted">#{pk}</span></span>'
    '<span class="claim-index-text">{text}</span></a>'
    '<span class="claim-index-status"><span class="badge status-{status}">{status_label}</span>'
    "{assignee}</span></li>"
)


@register.simple_tag
def claim_index(claims):
    """A release page's list of its claims, one line each, built in one pass like the queue's
    rows (a template loop over sixty claims was most of the page's time)."""
    claim_url = url_for_id("claims:claim_detail")
    rows = (
        _INDEX_ROW.format(
            url=claim_url(claim.pk),
            kind=escape(claim.kind),
            kind_label=escape(KIND_LABELS.get(claim.kind, claim.kind)),
            pk=claim.pk,
            text=escape(shorten(claim.text, 110)),
            status=escape(claim.status),
            status_label=escape(STATUS_LABELS.get(claim.status, claim.status)),
            assignee=(
                f' <span class="muted">{escape(person(claim.assignee))}</span>'
                if claim.assignee_id else ""
            ),
        )
        for claim in claims
    )
    # Safe: every value that came from the database was escaped above.
    return mark_safe("\n".join(rows))


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
