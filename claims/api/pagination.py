"""How every API list is cut into pages: one class, so the scheme can change in one place."""

from rest_framework import exceptions, pagination
from rest_framework.response import Response
from rest_framework.utils.urls import remove_query_param, replace_query_param

from claims import selectors
from claims.filters import CLAIM_ORDERINGS, DEFAULT_ORDERING, default_ordering, ranked
from claims.pagination import decode, encode, keyset_page, sort_values
from claims.search import RELEVANCE


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
        # A search's count stops at selectors.SEARCH_COUNT_CAP (selectors.SearchPaginator).
        paginator = selectors.paginator_for(request.query_params)(
            queryset, self.get_page_size(request)
        )
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
    """``?cursor=...``: the claims list read as a keyset (``claims.pagination``), never
    counted and never OFFSET.

    A million claims cannot be counted or skipped through on every request: each page starts
    right after the last row of the one before (its ordering values, carried in the opaque
    ``cursor`` of the ``next`` link), which the index behind that order finds directly. Every
    order ends with the id, so rows with equal scores or dates are neither skipped nor
    repeated. The orders are ClaimFilter's (``claims.filters.CLAIM_ORDERINGS``), which also
    refuses an unknown one.
    """

    page_size = PageNumberPagination.page_size
    max_page_size = PageNumberPagination.max_page_size
    page_size_query_param = "page_size"
    cursor_query_param = "cursor"
    ordering_query_param = "ordering"
    orders = {name: order for name, (_, order) in CLAIM_ORDERINGS.items()}
    default_ordering = DEFAULT_ORDERING

    def get_page_size(self, request):
        asked = _whole_number(request, self.page_size_query_param, self.page_size)
        return min(asked, self.max_page_size)

    def paginate_queryset(self, queryset, request, view=None):
        if "page" in request.query_params:
            raise exceptions.ValidationError({"page": [
                "The claims list is read page after page: follow the “next” link of an "
                "answer instead of asking for a page number."
            ]})
        self.request = request
        asked = request.query_params.get(self.ordering_query_param)
        self.ordering = asked if asked in self.orders else default_ordering(request.query_params)
        order = self.orders[self.ordering]
        if order[0].lstrip("-") == RELEVANCE and not ranked(queryset):
            raise exceptions.ValidationError({self.ordering_query_param: [
                "Order by relevance only with a search: give the words to look for in “q”."
            ]})
        position, back = self.decode_cursor(request, queryset, order)
        self.page = keyset_page(
            queryset, order, self.get_page_size(request),
            after=None if back else position, before=position if back else None,
        )
        return self.page.rows

    def decode_cursor(self, request, queryset, order):
        """The sort values and direction (``back``) of the ``cursor`` parameter, if any."""
        raw = request.query_params.get(self.cursor_query_param)
        if not raw:
            return None, False
        data = decode(raw)
        position = None
        if isinstance(data, dict) and data.get("o") == self.ordering:
            position = sort_values(data.get("p"), queryset, order)
        if position is None:
            raise CursorError(
                "This cursor is not one this list gave out (or was given for another "
                "ordering); start again from the first page, without a cursor."
            )
        return position, bool(data.get("b"))

    def encode_cursor(self, position, back):
        url = remove_query_param(self.request.build_absolute_uri(), "page")
        cursor = claim_cursor(self.ordering, position, back=back)
        return replace_query_param(url, self.cursor_query_param, cursor)

    def get_next_link(self):
        if not self.page.has_next:
            return None
        return self.encode_cursor(self.page.next_values, back=False)

    def get_previous_link(self):
        if not self.page.has_previous:
            return None
        return self.encode_cursor(self.page.previous_values, back=True)

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
    return encode({"o": ordering, "p": list(position), "b": back})
