"""How every API list is cut into pages: one class, so the scheme can change in one place."""

from django.core.paginator import Paginator
from rest_framework import exceptions, pagination


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
        paginator = Paginator(queryset, self.get_page_size(request))
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
