"""Validation shared by every way in (pages, admin, API, commands), so each refuses the same."""

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
