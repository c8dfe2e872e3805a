"""Keyset pagination: the one way lists of claims are read page after page (queue and API).

A page beyond the first starts just after (or just before) a row named by its sort values, so
the database walks an index from there instead of counting its way through an OFFSET: page
20,000 of a million claims costs what page 2 does, and a claim added meanwhile never shifts a
row onto the next page twice. A cursor is the sort values of that row, opaque to the reader.
"""

import base64
import binascii
import datetime
import json
import math
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db.models import OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from claims.validators import in_utc


def _exact(value):
    # Full microseconds: a cursor rounded to milliseconds would skip rows created in between.
    if isinstance(value, datetime.date | datetime.time):
        return value.isoformat()
    raise TypeError(f"{type(value).__name__} cannot be part of a cursor.")


def encode(data):
    """``data`` (JSON-ready, dates allowed) as an opaque, URL-safe token."""
    raw = json.dumps(data, default=_exact, separators=(",", ":"))
    return base64.urlsafe_b64encode(raw.encode()).decode().rstrip("=")


def decode(token):
    """What ``encode`` made ``token`` from; None if it is not one of its tokens."""
    try:
        raw = base64.urlsafe_b64decode(token.encode("ascii") + b"=" * (-len(token) % 4))
        return json.loads(raw)
    except (ValueError, binascii.Error, UnicodeError, RecursionError):
        # RecursionError: JSON nested a thousand deep, which Python's parser gives up on.
        return None


def encode_cursor(values):
    """The cursor of a row whose sort values are ``values`` (numbers, dates, strings)."""
    return encode(list(values))


def sort_values(values, queryset, order):
    """A cursor's sort values as ``order``'s columns of ``queryset`` hold them (a column of
    its model, or an annotation such as a search's relevance); None if they are not what a
    row could hold (edited, truncated, from another sort).

    A cursor comes from a URL, so anything malformed is refused here rather than reaching the
    database, where it could fail as an error instead of matching nothing.
    """
    if not isinstance(values, list) or len(values) != len(order):
        return None
    try:
        position = tuple(_column_value(queryset, name.lstrip("-"), value)
                         for name, value in zip(order, values, strict=True))
    except (ValidationError, TypeError, ValueError):
        return None
    # An order over a column some rows leave empty (a due date) lists only the rows that have
    # one: a cursor holding an empty value is not a place in it.
    return None if None in position else position


def _column_value(queryset, column, value):
    annotation = queryset.query.annotations.get(column)
    if annotation is not None:
        column_field = annotation.output_field
    else:
        column_field = queryset.model._meta.get_field(column.removesuffix("_id"))
        if column_field.is_relation:
            column_field = column_field.target_field
    if isinstance(value, bool) or not isinstance(value, int | float | str):
        raise TypeError(value)
    value = column_field.to_python(value)
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        raise ValueError(value)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(value)
    if isinstance(value, datetime.datetime):
        if value.tzinfo is None:
            raise ValueError(value)
        value = in_utc(value)  # as the database can compare it
    return value


def decode_cursor(token, queryset, order):
    """The sort values a cursor holds, as ``order``'s fields read them; None if it is not one."""
    if not token:
        return None
    return sort_values(decode(token), queryset, order)


def beyond(order, values, *, backwards=False):
    """The rows strictly after ``values`` in ``order`` (before them when ``backwards``).

    Written as ``first <= v AND (first < v OR (first = v AND ...))`` rather than one OR over
    every column: the leading range lets an index on the ordering start at the cursor, and the
    rest only sorts out rows that tie with it.
    """
    condition = None
    for name, value in reversed(list(zip(order, values, strict=True))):
        column = name.lstrip("-")
        lookup = "lt" if name.startswith("-") != backwards else "gt"
        strictly = Q(**{f"{column}__{lookup}": value})
        condition = strictly if condition is None else strictly | (
            Q(**{column: value}) & condition
        )
    if len(order) == 1:
        return condition  # the leading range would only repeat it
    first = order[0]
    lookup = "lte" if first.startswith("-") != backwards else "gte"
    return Q(**{f"{first.lstrip('-')}__{lookup}": values[0]}) & condition


def _reversed(order):
    return [name[1:] if name.startswith("-") else f"-{name}" for name in order]


def _ranges(queryset, order, values, *, backwards=False):
    """The two index ranges of the rows strictly after ``values`` in ``order`` (before them,
    ``backwards``): those that tie with them on the first column, then those past it, and the
    order to walk both in."""
    first, column = order[0], order[0].lstrip("-")
    walk = _reversed(order) if backwards else order
    tie = Q(**{column: values[0]})
    if len(order) > 1:
        tie &= beyond(order[1:], values[1:], backwards=backwards)
    ties = queryset.filter(tie)
    lookup = "lt" if first.startswith("-") != backwards else "gt"
    past = queryset.filter(**{f"{column}__{lookup}": values[0]})
    return ties.order_by(*walk), past.order_by(*walk)


def _rows_beyond(queryset, order, values, limit, *, backwards=False):
    """The first ``limit`` rows strictly after ``values`` in ``order`` (before, ``backwards``).

    Two index ranges: the rows that tie with the cursor on the first column, then the rows
    past it. In one range, with mixed directions (score down, id up), the index would be read
    from the first tie on, through every tying row before the cursor; scores tie by the
    thousand, so that read grew with the page's depth. The second query reads only what the
    first left to fill, and is not run when the ties fill the page, which is the usual case.
    (One UNION of both ranges, on PostgreSQL, was slower: it always read and joined both,
    and took longer to plan.)
    """
    ties, past = _ranges(queryset, order, values, backwards=backwards)
    found = list(ties[:limit])
    if len(found) == limit:
        return found
    return found + list(past[: limit - len(found)])


def id_beyond(queryset, order, *, backwards=False):
    """The id of the first row of ``queryset`` strictly after the row of an outer query in
    ``order`` (before it, ``backwards``), or None, as an expression to annotate that query
    with: a claim page's "previous" and "next" in the list it came from, read with the claim.
    The same two ranges as a page's, the second read only when the first finds no row
    (COALESCE stops at its first value)."""
    values = [OuterRef(name.lstrip("-")) for name in order]
    ties, past = _ranges(queryset, order, values, backwards=backwards)
    return Coalesce(Subquery(ties.values("pk")[:1]), Subquery(past.values("pk")[:1]))


@dataclass
class KeysetPage:
    """One page of rows, and the sort values of the rows on either side of it.

    ``next_values`` (``previous_values``) are those of the last (first) row shown when there
    is a page after (before) this one; ``next_cursor`` and ``previous_cursor`` are them as
    cursors, None where there is no such page.
    """

    rows: list
    number: int
    next_values: tuple | None = None
    previous_values: tuple | None = None
    order: list = field(default_factory=list)

    def __iter__(self):
        return iter(self.rows)

    def __len__(self):
        return len(self.rows)

    @property
    def next_cursor(self):
        return None if self.next_values is None else encode_cursor(self.next_values)

    @property
    def previous_cursor(self):
        return None if self.previous_values is None else encode_cursor(self.previous_values)

    @property
    def has_next(self):
        return self.next_values is not None

    @property
    def has_previous(self):
        return self.previous_values is not None

    @property
    def has_other_pages(self):
        return self.has_next or self.has_previous

    @property
    def next_page_number(self):
        return self.number + 1

    @property
    def previous_page_number(self):
        return self.number - 1


def keyset_page(queryset, order, size, *, after=None, before=None, number=1):
    """The ``size`` rows of ``queryset`` in ``order`` after the sort values ``after`` or before
    ``before`` (the first page without either, in one query; others in one or two).

    ``order`` must end with a unique column (the id) so every row has one place. ``number``
    is the page number the link carried, for display only; a page found to be the first is
    numbered 1 whatever the link said. Rows may be model instances or ``.values()`` dicts.
    """
    order = list(order)

    def values_of(row):
        if isinstance(row, dict):
            return tuple(row[name.lstrip("-")] for name in order)
        return tuple(getattr(row, name.lstrip("-")) for name in order)

    if before is not None and after is None:
        rows = _rows_beyond(queryset, order, before, size + 1, backwards=True)
        more_before = len(rows) > size
        rows = rows[:size][::-1]
        page = KeysetPage(rows, max(number, 2) if more_before else 1, order=order)
        if rows:
            page.next_values = values_of(rows[-1])
            if more_before:
                page.previous_values = values_of(rows[0])
        return page

    if after is None:
        rows = list(queryset.order_by(*order)[: size + 1])
    else:
        rows = _rows_beyond(queryset, order, after, size + 1)
    more_after = len(rows) > size
    rows = rows[:size]
    page = KeysetPage(rows, max(number, 2) if after is not None else 1, order=order)
    if more_after:
        page.next_values = values_of(rows[-1])
    if after is not None:
        # Past the last row (its claims changed meanwhile), the way back starts at the cursor.
        page.previous_values = values_of(rows[0]) if rows else after
    return page
