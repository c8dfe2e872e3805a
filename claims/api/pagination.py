"""How every API list is cut into pages: one class, so the scheme can change in one place."""

import base64
import json
import math
from datetime import date, datetime

from django.core.exceptions import ValidationError as DjangoValidationError
from django.db.models import FloatField
from rest_framework import exceptions, pagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from claims import selectors
from claims.models import Claim
from claims.search import RELEVANCE
from claims.validators import in_utc


def _whole_number(request, name, default):
    raw = request.query_params.get(name)
    if raw is None or raw == "":
        return default
    try:
        value = int(raw)
    except ValueError:
        value = 0
    if value < 1:
        raise exceptions.ValidationError({name: [f"Give {name} as a whole number from 1."]})
    return value


class PageNumberPagination(pagination.PageNumberPagination):
    """``?page=2&page_size=100``: 50 rows a page by default, at most 500."""

    page_size = 50
    page_size_query_param = "page_size"
    max_page_size = 500

    def get_page_size(self, request):
        asked = _whole_number(request, self.page_size_query_param, self.page_size)
        return min(asked, self.max_page_size)

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        paginator = selectors.Paginator(queryset, self.get_page_size(request))
        number = _whole_number(request, self.page_query_param, 1)
        if number > paginator.num_pages:
            pages = "1 page" if paginator.num_pages == 1 else f"{paginator.num_pages} pages"
            raise exceptions.NotFound(
                f"There is no page {number}: these results fill {pages}; ask for an earlier one."
            )
        self.page = paginator.page(number)
        return list(self.page)

    def get_schema_operation_parameters(self, view):
        parameters = super().get_schema_operation_parameters(view)
        for parameter in parameters:
            parameter["schema"]["minimum"] = 1
            if parameter["name"] == self.page_size_query_param:
                parameter["description"] = (
                    f"Rows per page: {self.page_size} unless given; larger values than "
                    f"{self.max_page_size} give {self.max_page_size}."
                )
        return parameters


class CursorError(exceptions.ValidationError):
    def __init__(self, sentence):
        super().__init__({"cursor": [sentence]})


class ClaimCursorPagination(pagination.BasePagination):
    """``?cursor=...``: the claims list read as a keyset, never counted and never OFFSET.

    A million claims cannot be counted or skipped through on every request: each page starts
    right after the last row of the one before (its ordering values, carried in the opaque
    ``cursor`` of the ``next`` link), which the index behind that order finds directly. Every
    order ends with the id, so rows with equal scores or dates are neither skipped nor
    repeated.
    """

    page_size = PageNumberPagination.page_size
    max_page_size = PageNumberPagination.max_page_size
    page_size_query_param = "page_size"
    cursor_query_param = "cursor"
    ordering_query_param = "ordering"
    # Each value of ``ordering`` (ClaimFilter's names) and the columns it sorts by, each
    # served by an index: (status, -score, id) and (-score, id); (status, -created_at, -id);
    # (release, status).
    orders = {
        "-score": ("-score", "id"),
        "score": ("score", "-id"),
        "-newest": ("-created_at", "-id"),
        "newest": ("created_at", "id"),
        "release": ("release_id", "id"),
        "-release": ("-release_id", "-id"),
        # With a search only: the best matches first (claims.search).
        f"-{RELEVANCE}": (f"-{RELEVANCE}", "id"),
        # Only the claims with a due date (see paginate_queryset), on their partial index.
        "due": ("due_on", "id"),
        "-due": ("-due_on", "-id"),
    }
    # Orders that list only the claims that have the column they sort by: a cursor cannot
    # resume after an empty value.
    only_with = {"due": "due_on", "-due": "due_on"}
    default_ordering = "-score"

    def get_page_size(self, request):
        asked = _whole_number(request, self.page_size_query_param, self.page_size)
        return min(asked, self.max_page_size)

    def get_ordering(self, request):
        asked = [
            name.strip()
            for name in request.query_params.get(self.ordering_query_param, "").split(",")
            if name.strip()
        ]
        if not asked:
            return self.default_ordering
        if len(asked) > 1 or asked[0] not in self.orders:
            raise exceptions.ValidationError(
                {self.ordering_query_param: [
                    f"Order the claims by one of {', '.join(self.orders)}, one at a time."
                ]}
            )
        return asked[0]

    def paginate_queryset(self, queryset, request, view=None):
        if "page" in request.query_params:
            raise exceptions.ValidationError({"page": [
                "The claims list is read page after page: follow the “next” link of an "
                "answer instead of asking for a page number."
            ]})
        self.request = request
        self.ordering = self.get_ordering(request)
        if self.ordering == f"-{RELEVANCE}" and RELEVANCE not in queryset.query.annotations:
            raise exceptions.ValidationError({self.ordering_query_param: [
                "Order by relevance only with a search: give the words to look for in “q”."
            ]})
        order = self.orders[self.ordering]
        if self.ordering in self.only_with:
            queryset = queryset.filter(**{f"{self.only_with[self.ordering]}__isnull": False})
        size = self.get_page_size(request)
        cursor = self.decode_cursor(request, order)
        backwards = cursor is not None and cursor["back"]
        if backwards:
            order = tuple(_reversed(name) for name in order)
        rows = _rows_after(queryset.order_by(*order), order, cursor and cursor["position"],
                           size + 1)
        more = len(rows) > size
        rows = rows[:size]
        if backwards:
            rows.reverse()
            self.has_next, self.has_previous = True, more
        else:
            self.has_next, self.has_previous = more, cursor is not None
        order = self.orders[self.ordering]
        if rows:
            self.first, self.last = _position(rows[0], order), _position(rows[-1], order)
        else:
            self.first = self.last = cursor["position"] if cursor else None
        return rows

    def decode_cursor(self, request, order):
        raw = request.query_params.get(self.cursor_query_param)
        if not raw:
            return None
        stale = (
            "This cursor is not one this list gave out (or was given for another ordering); "
            "start again from the first page, without a cursor."
        )
        try:
            data = json.loads(base64.urlsafe_b64decode(raw.encode("ascii") + b"==="))
            if data["o"] != self.ordering or len(data["p"]) != len(order):
                raise CursorError(stale)
            position = [
                _column_value(name.lstrip("-"), value)
                for name, value in zip(order, data["p"], strict=True)
            ]
            return {"position": position, "back": bool(data["b"])}
        except CursorError:
            raise
        # RecursionError: JSON nested a thousand deep (Python's parser gives up, not the list).
        except (
            ValueError, TypeError, KeyError, UnicodeError, RecursionError, DjangoValidationError
        ):
            raise CursorError(stale) from None

    def encode_cursor(self, position, back):
        url = remove_query_param(self.request.build_absolute_uri(), "page")
        cursor = claim_cursor(self.ordering, position, back=back)
        return replace_query_param(url, self.cursor_query_param, cursor)

    def get_next_link(self):
        if not self.has_next or self.last is None:
            return None
        return self.encode_cursor(self.last, back=False)

    def get_previous_link(self):
        if not self.has_previous or self.first is None:
            return None
        return self.encode_cursor(self.first, back=True)

    def get_paginated_response(self, data):
        return Response(
            {"next": self.get_next_link(), "previous": self.get_previous_link(), "results": data}
        )

    def get_paginated_response_schema(self, schema):
        def link(description):
            return {"type": "string", "format": "uri", "nullable": True,
                    "description": description}

        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": link("The following page; null on the last one."),
                "previous": link("The page before; null on the first one."),
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "required": False,
                "in": "query",
                "description": (
                    "Where a page starts: copied from the `next` or `previous` link of the "
                    "page before; leave it out for the first page."
                ),
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "required": False,
                "in": "query",
                "description": (
                    f"Rows per page: {self.page_size} unless given; larger values than "
                    f"{self.max_page_size} give {self.max_page_size}."
                ),
                "schema": {"type": "integer", "minimum": 1},
            },
        ]


def claim_cursor(ordering, position, *, back=False):
    """The ``cursor`` of the page after (or, ``back``, before) the row at ``position``."""
    data = {"o": ordering, "p": [_json_value(value) for value in position], "b": back}
    raw = base64.urlsafe_b64encode(json.dumps(data, separators=(",", ":")).encode())
    return raw.decode().rstrip("=")


def _reversed(name):
    return name[1:] if name.startswith("-") else f"-{name}"


def _rows_after(queryset, order, position, limit):
    """Up to ``limit`` rows of ``queryset`` strictly after ``position`` in ``order``.

    One range per ordering column, the deepest first: the rows tied with the position on
    every column but the last and past it on that one, then those tied on one column fewer,
    and so on. The columns run in different directions (score down, id up), so no single
    row comparison can say "after"; each of these ranges is a plain slice of the index
    behind the order, however many rows share the position's score or date. So a page costs
    one query, or at most one per ordering column.
    """
    if position is None:
        return list(queryset[:limit])
    rows = []
    columns = [name.lstrip("-") for name in order]
    for depth in range(len(order) - 1, -1, -1):
        tied = dict(zip(columns[:depth], position[:depth], strict=True))
        name = order[depth]
        beyond = f"{name.lstrip('-')}__{'lt' if name.startswith('-') else 'gt'}"
        rows += queryset.filter(**tied, **{beyond: position[depth]})[: limit - len(rows)]
        if len(rows) >= limit:
            break
    return rows


def _position(row, order):
    names = [name.lstrip("-") for name in order]
    if isinstance(row, dict):
        return [row[name] for name in names]
    return [getattr(row, name) for name in names]


def _column_value(column, value):
    """A cursor's value as the column holds it; anything else is not a cursor we gave out."""
    if column == RELEVANCE:
        field = FloatField()
    else:
        field = Claim._meta.get_field(column.removesuffix("_id"))
    if field.is_relation:
        field = field.target_field
    if isinstance(value, bool) or not isinstance(value, (int, float, str)):
        raise TypeError(value)
    value = field.to_python(value)
    if isinstance(value, int) and not -(2**63) <= value < 2**63:
        raise ValueError(value)
    if isinstance(value, float) and not math.isfinite(value):
        raise ValueError(value)
    if isinstance(value, datetime):
        if value.tzinfo is None:
            raise ValueError(value)
        value = in_utc(value)
    return value


def _json_value(value):
    # Full precision: a date rounded to the millisecond could repeat or skip a row.
    return value.isoformat() if isinstance(value, date) else value
