"""The base every API view builds on, and the index at ``/api/v1/``."""

from django.http import Http404
from rest_framework import exceptions, routers
from rest_framework.renderers import JSONRenderer

from claims.api import errors
from claims.api.authentication import API_AUTHENTICATION
from claims.api.pagination import PageNumberPagination
from claims.api.parsers import JSONParser
from claims.api.permissions import CanViewDesk
from claims.api.schema import AutoSchema


# What every API view shares: who may call, how errors and pages look, JSON only. (A comment,
# not a docstring: drf-spectacular would show a docstring as every operation's description.)
class DeskAPIMixin:
    authentication_classes = API_AUTHENTICATION
    permission_classes = [CanViewDesk]
    renderer_classes = [JSONRenderer]
    parser_classes = [JSONParser]
    pagination_class = PageNumberPagination
    schema = AutoSchema()
    # Ids in URLs are whole numbers: anything else names no endpoint (a JSON 404).
    lookup_value_converter = "int"
    # For each action, the permissions it needs on top of CanViewDesk.
    action_permissions = {}

    def get_exception_handler(self):
        return errors.exception_handler

    def get_permissions(self):
        extra = self.action_permissions.get(getattr(self, "action", None), [])
        return [permission() for permission in [*self.permission_classes, *extra]]

    def get_object(self):
        try:
            return super().get_object()
        except Http404:
            raise missing(self.get_queryset().model, self.kwargs.get(self.lookup_field)) from None


class APIRootView(DeskAPIMixin, routers.APIRootView):
    """``/api/v1/``: a link to each list."""

    schema = None  # an index, not an operation to document


def missing(model, pk):
    return exceptions.NotFound(f"There is no {model._meta.verbose_name} with id {pk}.")
