"""Template helpers for the review pages.

Permission checks go through claims.permissions, the one policy, so a template never asks
a different question than the view that handles the request.
"""

from functools import lru_cache

from django import template
from django.urls import get_script_prefix, get_urlconf, reverse
from django.utils.html import format_html, format_html_join

from claims import permissions, workflow
from claims.models import ClaimKind, Rating, ReviewStatus

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


@register.simple_tag
def highlighted(text, claims, current=None):
    """Render ``text`` with each claim's span as a link coloured by status.

    ``current`` (the claim being reviewed) is shown as a ``<mark>`` instead of a link. Every
    piece of text is escaped by ``format_html``; the markup comes only from the offsets.
    """
    claims = list(claims)
    claim_url = url_for_id("claims:claim_detail")
    pieces = []
    for a, b, covering in _segments(text, claims):
        chunk = text[a:b]
        if not covering:
            pieces.append(format_html("{}", chunk))
            continue
        # The narrowest span is the one a reader means when they click inside a nested one.
        target = min(covering, key=lambda c: (c.end - c.start, c.pk))
        overlap = " hl-overlap" if len(covering) > 1 else ""
        ends_here = [c for c in covering if min(c.end, len(text)) == b]
        status_note = format_html_join(
            "",
            '<span class="visually-hidden"> ({})</span>',
            ((_status_label(c),) for c in ends_here if c != current),
        )
        if current is not None and target.pk == current.pk:
            pieces.append(
                format_html('<mark class="hl-current{}">{}</mark>{}', overlap, chunk, status_note)
            )
            continue
        title = "; ".join(
            f"#{c.pk} {KIND_LABELS.get(c.kind, c.kind)}, {_status_label(c)}" for c in covering
        )
        pieces.append(
            format_html(
                '<a class="hl hl-{}{}" href="{}" title="{}" data-claim="{}">{}</a>{}',
                target.status,
                overlap,
                claim_url(target.pk),
                title,
                target.pk,
                chunk,
                status_note,
            )
        )
    return format_html_join("", "{}", ((piece,) for piece in pieces))


@register.filter
def person(user):
    """A user as colleagues know them: full name, else username."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


@register.filter
def reason_label(code):
    """``named_person`` reads as “named person”."""
    return str(code).replace("_", " ")


@register.simple_tag(takes_context=True)
def query_with(context, **changes):
    """The current query string with some parameters replaced (``None`` removes one).

    Keeps the queue's filters when a person changes page, sort or status tab; the position
    in the list (page number, cursor) is kept only where a change names it again.
    """
    params = context["request"].GET.copy()
    for position in ("page", "after", "before"):
        params.pop(position, None)
    for key, value in changes.items():
        if value is None or value == "":
            params.pop(key, None)
        else:
            params[key] = value
    encoded = params.urlencode()
    return f"?{encoded}" if encoded else "?"


@register.filter
def past_tense(action):
    """A history entry's action as a verb: ``verify`` reads “verified”."""
    return workflow.PAST_TENSE.get(action, action)


@register.filter
def web_url(value):
    """The address if it is an http(s) link, else nothing: no ``javascript:`` in an href."""
    value = (value or "").strip()
    return value if value.lower().startswith(("https://", "http://")) else ""
