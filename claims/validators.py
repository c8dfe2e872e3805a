"""Validation shared by every way in (pages, admin, API, commands), so each refuses the same."""

import datetime

from django.core.validators import URLValidator

WEB_ADDRESS_MESSAGE = "Enter a full web address starting with https:// or http://."

# Only addresses a colleague or a reader can open in a browser: no javascript:, data:, file:
# or ftp: links, which would be stored, shown as links and exported.
# Its own code, so that a form does not swap the sentence for its generic "Enter a valid URL.".
_web_address = URLValidator(
    schemes=["http", "https"], message=WEB_ADDRESS_MESSAGE, code="not_web_address"
)


def validate_web_address(value):
    """Refuse anything but an http or https address (ValidationError, code "not_web_address")."""
    _web_address(value)


def in_utc(moment):
    """An aware datetime from a URL as UTC, or ValueError when no database could compare with it.

    PostgreSQL refuses offsets past ±15:59 (``-23:59`` was a 500), and 9999-12-31T23:59-23:59
    lies past the last year a date can have once in UTC.
    """
    try:
        return moment.astimezone(datetime.UTC)
    except OverflowError:
        raise ValueError(f"{moment.isoformat()} is past the last date there is.") from None
