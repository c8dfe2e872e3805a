"""Speakers in the admin: names, roles and the aliases releases use for them."""

from django import forms
from django.contrib import admin
from django.urls import reverse
from django.utils.html import format_html, format_html_join

from claims.admin.common import (
    ListedFiltersOnly,
    PlainRowCheckbox,
    SearchWithinLimits,
    claim_list_url,
    plural,
)
from claims.models import (
    ClaimKind,
    Speaker,
)
from claims.selectors import CappedPaginator, with_quote_counts
from claims.templatetags.claims_ui import shorten


class AliasesField(forms.CharField):
    """The ways releases refer to a speaker, one per line."""

    widget = forms.Textarea(attrs={"rows": 4, "cols": 60})

    def prepare_value(self, value):
        if isinstance(value, list):
            return "\n".join(value)
        return value

    def to_python(self, value):
        lines = (line.strip() for line in (value or "").splitlines())
        return sorted({line for line in lines if line})


class SpeakerForm(forms.ModelForm):
    aliases = AliasesField(
        required=False,
        help_text="How releases refer to this person, one per line, "
        "e.g. “the Secretary General” or “Mr Stoltenberg”.",
    )

    class Meta:
        model = Speaker
        fields = ["name", "role", "organization", "aliases"]


@admin.register(Speaker)
class SpeakerAdmin(
    PlainRowCheckbox, SearchWithinLimits, ListedFiltersOnly, admin.ModelAdmin
):
    form = SpeakerForm
    list_display = ["name", "role", "organization", "quotes_link"]
    search_fields = ["name", "role", "organization", "aliases"]
    show_full_result_count = False
    paginator = CappedPaginator
    readonly_fields = ["recent_quotes"]
    fields = ["name", "role", "organization", "aliases", "recent_quotes"]
    quotes_shown = 20

    def get_queryset(self, request):
        return with_quote_counts(super().get_queryset(request))

    @admin.display(description="quotes", ordering="quote_count")
    def quotes_link(self, speaker):
        if not speaker.quote_count:
            return "No quotes"
        url = claim_list_url(speaker__id__exact=speaker.pk, kind__exact=ClaimKind.QUOTE)
        return format_html('<a href="{}">{}</a>', url, plural(speaker.quote_count, "quote"))

    @admin.display(description="quotes")
    def recent_quotes(self, speaker):
        if speaker.pk is None or not speaker.quote_count:
            return "No quotes yet."
        quotes = (
            speaker.claims.filter(kind=ClaimKind.QUOTE)
            .select_related("release")
            .order_by("-release__created_at", "paragraph__position", "start")[
                : self.quotes_shown
            ]
        )
        items = format_html_join(
            "",
            '<li><a href="{}">“{}”</a> — {} <span class="quiet">({})</span></li>',
            (
                (
                    reverse("admin:claims_claim_change", args=[quote.pk]),
                    shorten(quote.text, 140),
                    quote.release.title,
                    quote.get_status_display().lower(),
                )
                for quote in quotes
            ),
        )
        url = claim_list_url(speaker__id__exact=speaker.pk, kind__exact=ClaimKind.QUOTE)
        return format_html(
            '<ul class="speaker-quotes">{}</ul><p><a href="{}">All {} in the claim list</a></p>',
            items,
            url,
            plural(speaker.quote_count, "quote"),
        )
