"""Deep pages of the lists read by cursor: a cursor for the page after the 50,000th row.

A page-number list's deepest page is its last, which the list itself links to. A list read by
cursor only links to the next page, and following 2,000 links to reach the middle of a million
claims is not a benchmark; so the cursor of a deep page is made here, from the row at that
offset in the list's own order, with the list's own cursor format. This is the one place that
knows how the app's cursors are made; a list it does not know gets no deep page (reported as
such) rather than a wrong one.
"""

from django.http import QueryDict
from django.test import RequestFactory

# The depth: the page after the 50,000th row, or half the list when it is shorter.
DEEP_OFFSET = 50_000


def deep_offset(total, page_size):
    offset = min(DEEP_OFFSET, total // 2)
    return offset // page_size * page_size


def boundary_of(queryset, order, offset):
    """The ordering values of the row just before ``offset`` (read outside the timing)."""
    if offset == 0:
        return None
    return tuple(queryset.order_by(*order).values_list(
        *[name.lstrip("-") for name in order])[offset - 1])


def _query(params):
    data = QueryDict(mutable=True)
    for name, value in params.items():
        data[name] = value
    return data


def claim_orderings():
    """Each ``?ordering=`` name of a claim list -> its columns, from the one vocabulary the
    FilterSet owns (the queue and the API share it)."""
    from claims import filters

    return {name: order for name, (_, order) in filters.CLAIM_ORDERINGS.items()}


def queue_cursor(params, user):
    from claims.filters import ClaimFilter, default_ordering
    from claims.models import Claim
    from claims.pagination import encode_cursor
    from claims.views import queue

    orderings = claim_orderings()
    data = _query(params)
    default = default_ordering(data)
    sort = data.pop("ordering", [default])[0]
    order = orderings.get(sort, orderings[default])
    claims = ClaimFilter(data, queryset=Claim.objects.all(), request=_request(params, user)).qs
    offset = deep_offset(claims.count(), queue.QUEUE_PAGE_SIZE)
    if not offset:
        return None
    boundary = boundary_of(claims, order, offset)
    return {"after": encode_cursor(boundary),
            "page": offset // queue.QUEUE_PAGE_SIZE + 1}


def api_claims_cursor(params, user):
    from claims.api.pagination import ClaimCursorPagination, claim_cursor
    from claims.filters import ClaimFilter, default_ordering
    from claims.models import Claim

    data = _query(params)
    ordering = data.pop("ordering", [default_ordering(data)])[0]
    order = ClaimCursorPagination.orders[ordering]
    claims = ClaimFilter(data, queryset=Claim.objects.all(), request=_request(params, user)).qs
    offset = deep_offset(claims.count(), ClaimCursorPagination.page_size)
    if not offset:
        return None
    return {"cursor": claim_cursor(ordering, boundary_of(claims, order, offset))}


def _request(params, user):
    request = RequestFactory().get("/", params)
    request.user = user
    return request


def deep_params(view, callback, params, user):
    """The parameters of a deep page of the list ``view`` filtered by ``params``, or None.

    Raises when the list is read by cursor but its cursor could not be made (the app's
    pagination changed): the caller reports it, so the benchmark is updated.
    """
    if view == "claims:queue":
        return queue_cursor(params, user)
    if view == "api:claim-list":
        return api_claims_cursor(params, user)
    # The admin's lists are Django's own, by page number: their last page is linked.
    return None
