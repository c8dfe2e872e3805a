"""Releases in the admin: the list with counts per status, paragraphs read-only, and import."""

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin.widgets import AdminDateWidget
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.http import HttpResponseRedirect
from django.template.loader import render_to_string
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.html import format_html_join

from claims import search, selectors
from claims.admin.common import (
    KeepsReviewWork,
    ListedFiltersOnly,
    MomentListFilter,
    PlainRowCheckbox,
    SearchCountCapped,
    SearchWithinLimits,
    claim_list_url,
    person_column,
    plural,
)
from claims.importing import ImportRefused, import_bytes, import_text
from claims.models import (
    Claim,
    Paragraph,
    Release,
    ReviewStatus,
)
from claims.selectors import CappedPaginator
from claims.validators import WEB_ADDRESS_MESSAGE, validate_web_address

# Each status as the release list's counts name it ("3 in review").
STATUS_WORDS = [(status.value, status.label.lower()) for status in ReviewStatus]

# The release's page in the admin shows its first paragraphs, not all: the largest release
# allowed has thousands, and the release page reads them page by page.
PARAGRAPHS_SHOWN = 20


class ImportReleaseForm(forms.Form):
    text = forms.CharField(
        label="Release text",
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 14, "cols": 100}),
        help_text="Paste the release: the headline on the first line, then one paragraph "
        "per line. Or upload a file below.",
    )
    file = forms.FileField(
        label="Or a file",
        required=False,
        help_text="A .txt file or a saved .html page of the release.",
    )
    source_url = forms.URLField(
        label="Source URL", required=False, max_length=2000, assume_scheme="https",
        validators=[validate_web_address], error_messages={"invalid": WEB_ADDRESS_MESSAGE},
    )
    organization = forms.CharField(required=False, max_length=200)
    published_on = forms.DateField(label="Published on", required=False, widget=AdminDateWidget)

    def clean(self):
        cleaned = super().clean()
        has_text = bool((cleaned.get("text") or "").strip())
        if has_text and cleaned.get("file"):
            raise ValidationError("Paste the text or upload a file, not both.")
        if not has_text and not cleaned.get("file") and not self.errors:
            raise ValidationError("Paste the release text or choose a file to upload.")
        return cleaned


@admin.register(Release)
class ReleaseAdmin(
    PlainRowCheckbox, SearchWithinLimits, ListedFiltersOnly, SearchCountCapped,
    KeepsReviewWork, admin.ModelAdmin,
):
    list_display = ["title", "organization", "published_on", "claims_by_status", "created_at"]
    list_filter = ["published_on", ("created_at", MomentListFilter)]
    search_fields = ["title", "organization"]
    search_help_text = "Search the title, the organization and the text of the release."
    show_full_result_count = False
    paginator = CappedPaginator
    fieldsets = [
        (None, {"fields": ["title", "claims_by_status", "paragraphs"]}),
        (
            "Publication",
            {"fields": ["organization", "published_on", "source_url", "language"]},
        ),
        ("Import", {"fields": ["imported_by_name", "created_at", "content_sha256"]}),
    ]
    readonly_fields = [
        "claims_by_status", "paragraphs", "imported_by_name", "created_at", "content_sha256",
    ]
    show_facets = admin.ShowFacets.NEVER
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    imported_by_name = person_column("imported_by", "imported by")

    def get_queryset(self, request):
        return super().get_queryset(request).defer("body")

    def get_changelist_instance(self, request):
        # The claim counts of the shown page's releases only (selectors.with_status_counts).
        changelist = super().get_changelist_instance(request)
        changelist.result_list = selectors.with_status_counts(changelist.result_list)
        # One reverse() for the page's links to claims (a hundred rows, up to seven each).
        url = claim_list_url()
        for release in changelist.result_list:
            release.claim_list_url = url
        return changelist

    def get_search_results(self, request, queryset, search_term):
        # The search index (claims.search) instead of an icontains over every release.
        if not search_term.strip():
            return queryset, False
        return search.search_releases(queryset, search_term), False

    def claims_of(self, releases):
        return Claim.objects.filter(release__in=releases)

    def deleted_counts(self, releases):
        return [
            (Release, len(releases)),
            (Paragraph, Paragraph.objects.filter(release__in=releases).count()),
            (Claim, self.claims_of(releases).count()),
        ]

    @admin.display(description="paragraphs")
    def paragraphs(self, release):
        shown = list(release.paragraphs.order_by("position")[:PARAGRAPHS_SHOWN])
        return render_to_string(
            "admin/claims/release/_paragraphs.html",
            {
                "paragraphs": shown,
                "total": release.paragraphs.count(),
                "release": release,
            },
        )

    @admin.display(description="claims")
    def claims_by_status(self, release):
        if not hasattr(release, "claim_count"):  # the change page: one release
            selectors.with_status_counts([release])
        if not release.claim_count:
            return "No claims"
        url = getattr(release, "claim_list_url", None) or claim_list_url()
        links = [(f"{url}?release={release.pk}", plural(release.claim_count, "claim"))]
        for status, word in STATUS_WORDS:
            count = getattr(release, f"{status}_count")
            if count:
                link = f"{url}?release={release.pk}&status__exact={status}"
                links.append((link, f"{count} {word}"))
        return format_html_join(" · ", '<a href="{}">{}</a>', links)

    def add_view(self, request, form_url="", extra_context=None):
        """Adding a release is importing it: the claims come from its text."""
        if not self.has_add_permission(request):
            raise PermissionDenied
        posted = request.method == "POST"
        form = ImportReleaseForm(
            request.POST if posted else None, request.FILES if posted else None
        )
        if posted and form.is_valid():
            try:
                result = self._import(request, form.cleaned_data)
            except ImportRefused as error:
                form.add_error(None, str(error))
            else:
                for note in result.notes:
                    self.message_user(request, note, messages.WARNING)
                if result.created:
                    self.log_addition(request, result.release, [{"added": {}}])
                    self.message_user(request, result.summary(), messages.SUCCESS)
                else:
                    self.message_user(request, result.summary(), messages.WARNING)
                change = reverse("admin:claims_release_change", args=[result.release.pk])
                return HttpResponseRedirect(change)
        context = {
            **self.admin_site.each_context(request),
            **(extra_context or {}),
            "title": "Import a press release",
            "form": form,
            "opts": self.opts,
            "media": self.media + form.media,
        }
        return TemplateResponse(request, "admin/claims/release/import_form.html", context)

    def _import(self, request, data):
        metadata = {
            "by": request.user,
            "source_url": data["source_url"],
            "organization": data["organization"],
            "published_on": data["published_on"],
        }
        upload = data.get("file")
        if upload:
            # Reading one byte past the limit is enough for the importer to refuse a big file.
            content = upload.read(settings.FACTCHECK_MAX_RELEASE_BYTES + 1)
            return import_bytes(content, filename=upload.name, **metadata)
        return import_text(data["text"], **metadata)
