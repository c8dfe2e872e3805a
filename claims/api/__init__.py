"""The REST API under ``/api/v1/``: the same workflow, permissions and filters as the pages.

Every view here goes through ``claims.workflow`` for changes and asks ``claims.permissions``
who may do what; this package only translates HTTP to those calls and back.
"""
