"""Template helpers for the desk's dashboard and speakers' records."""

from django import template

from claims.selectors import AtLeast
from claims.templatetags.claims_ui import KIND_LABELS

register = template.Library()


@register.filter
def count_words(n):
    """A count as the desk reads it: "1,234", or "10,000+" for one that stopped at its cap."""
    if isinstance(n, AtLeast):
        return str(n)
    return f"{int(n):,}"


@register.filter
def kind_label(value):
    """A claim kind's label ("Direct quote") from its word value."""
    return KIND_LABELS.get(value, value)
