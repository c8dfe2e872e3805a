"""The admin's list of claims, its rows built in one pass.

Django's admin renders a list cell by cell: for each of the 9 columns of each of the 100 rows
it looks the field up again, picks a display function, renders the selection checkbox through
the widget templates and escapes the result, which came to about three quarters of the list's
time. The columns of the claim list are known, so each row is formatted here at once, as the
same markup (``tests/test_admin.py`` compares the two row by row).
"""

from html import escape

from django import template
from django.contrib.admin.templatetags.admin_list import result_headers
from django.contrib.admin.templatetags.admin_urls import add_preserved_filters
from django.contrib.admin.templatetags.base import InclusionAdminNode
from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext

from claims.models import Claim, person_name_from
from claims.templatetags.claims_ui import (
    KIND_LABELS,
    RATING_LABELS,
    STATUS_LABELS,
    shorten,
    url_for_id,
)

register = template.Library()

# The columns this renderer knows, in ClaimAdmin.list_display's order.
COLUMNS = (
    "short_text", "kind", "speaker", "status", "rating", "assignee_name", "release_title",
    "score",
)

_ROW = (
    '<tr><td class="action-checkbox"><input type="checkbox" name="_selected_action" value="{pk}"'
    ' class="action-select" aria-label="{select}"></td>'
    '<th class="field-short_text"><a href="{url}">{text}</a></th>'
    '<td class="field-kind">{kind}</td>'
    '<td class="field-speaker nowrap">{speaker}</td>'
    '<td class="field-status">{status}</td>'
    '<td class="field-rating">{rating}</td>'
    '<td class="field-assignee_name">{assignee}</td>'
    '<td class="field-release_title">{release}</td>'
    '<td class="field-score">{score}</td></tr>'
)


def _score_format():
    """``number_format`` for this request's language, its separators looked up once rather
    than three times for each of a hundred rows."""
    lang = get_language()
    decimal, grouping, thousands = (
        get_format(name, lang, use_l10n=True)
        for name in ("DECIMAL_SEPARATOR", "NUMBER_GROUPING", "THOUSAND_SEPARATOR")
    )
    return lambda value: numberformat.format(
        value, decimal, None, grouping, thousands, force_grouping=False, use_l10n=True
    )


def claim_rows(cl):
    """The rows of a page of the claim list (rows of ``.values()``), as one piece of markup."""
    empty = cl.model_admin.get_empty_value_display()
    change_url = url_for_id(f"admin:{cl.opts.app_label}_{cl.opts.model_name}_change")
    # The list's filters ride along in each row's link, the same query string for every row:
    # worked out once (the admin's helper resolves the URL each time) and added to each.
    context = {"preserved_filters": cl.preserved_filters, "opts": cl.opts}
    any_url = change_url(0)
    filters = add_preserved_filters(context, any_url).removeprefix(any_url)
    select = gettext("Select this object for an action - {}")
    score = _score_format()
    rows = (
        _ROW.format(
            pk=claim["id"],
            select=escape(select.format(Claim.label(claim["id"], claim["text"]))),
            url=escape(change_url(claim["id"]) + filters),
            text=escape(shorten(claim["text"], 90)),
            kind=escape(KIND_LABELS.get(claim["kind"], empty)),
            speaker=escape(empty if claim["speaker_id"] is None else claim["speaker__name"]),
            status=escape(STATUS_LABELS.get(claim["status"], empty)),
            rating=escape(RATING_LABELS.get(claim["rating"], empty)),
            assignee=escape(empty if claim["assignee_id"] is None else person_name_from(
                claim["assignee__first_name"], claim["assignee__last_name"],
                claim["assignee__username"],
            )),
            release=escape(shorten(claim["release__title"], 40)),
            score=escape(score(claim["score"])),
        )
        for claim in cl.result_list
    )
    # Safe: every value in the markup was escaped above, as format_html would (its escaping,
    # value by value through Django's wrappers, was most of the rows' cost).
    return mark_safe("\n".join(rows))


def claim_result_list(cl):
    if tuple(cl.list_display) != ("action_checkbox", *COLUMNS):
        raise ValueError(
            "The claim list's columns changed; update claims_admin.COLUMNS and its row "
            "markup to match ClaimAdmin.list_display."
        )
    # Only the score sorts (ClaimAdmin.sortable_by), so no header shows a sorting priority.
    return {"cl": cl, "result_headers": list(result_headers(cl)), "rows": claim_rows(cl)}


@register.tag(name="claim_result_list")
def claim_result_list_tag(parser, token):
    return InclusionAdminNode(
        parser, token, func=claim_result_list, template_name="change_list_results.html",
        takes_context=False,
    )
