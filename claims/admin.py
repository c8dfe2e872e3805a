"""The Django admin: where editors look after releases, claims and speakers.

The admin never writes a claim's status, rating, assignee or version: corrections go through
``workflow.edit_claim`` and the bulk actions through ``workflow.transition``, one claim at a
time, so every change is checked and leaves a ClaimEvent. Review work (notes, evidence, history)
is never deleted here; the delete pages say so in a sentence instead of listing objects.
"""

from collections import defaultdict
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.views.main import ALL_VAR, ChangeList
from django.contrib.admin.widgets import AdminDateWidget
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models
from django.db.models import Count, OuterRef, Q, Subquery, Value
from django.db.models.functions import Coalesce, Concat, NullIf, Trim
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html, format_html_join
from django.utils.timezone import localtime

from claims import permissions, workflow
from claims.importing import ImportRefused, import_bytes, import_text
from claims.models import (
    Annotation,
    Claim,
    ClaimEvent,
    ClaimKind,
    Evidence,
    Paragraph,
    Release,
    ReviewStatus,
    Speaker,
)
from claims.pagination import keyset_page
from claims.reports.admin_actions import export_selected_approved_claims
from claims.templatetags.claims_ui import shorten

SHOWN_IDS = 20  # claim ids listed in one message before "and N more"
# The claim list's page cursors in its query string, as the review queue names them.
AFTER_VAR, BEFORE_VAR, PAGE_NUMBER_VAR = "after", "before", "page"

admin.site.site_header = "factcheck"
admin.site.site_title = "factcheck admin"
admin.site.index_title = "The desk's releases, claims and history"
admin.site.site_url = "/review/"


def _person(user):
    return user.get_full_name() or user.get_username()


def person_column(field, description):
    """A read-only column showing a user by name (editors cannot open user pages)."""

    @admin.display(description=description, ordering=f"{field}__last_name")
    def show(self, obj):
        user = getattr(obj, field)
        return _person(user) if user is not None else None

    return show


def _plural(count, singular, plural=None):
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


def _row_id(value):
    """The id in a filter's query string, or None when no row can have it."""
    if value and value.isascii() and value.isdigit() and int(value) < 2**63:
        return int(value)
    return None


def _claim_list_url(**params):
    url = reverse("admin:claims_claim_changelist")
    return f"{url}?{urlencode(params)}" if params else url


def review_work_sentence(claims, what):
    """Why ``what`` cannot be deleted, or "" when none of ``claims`` carries review work."""
    counts = claims.aggregate(
        notes=Count("annotations", distinct=True),
        evidence=Count("evidence", distinct=True),
        events=Count("events", distinct=True),
    )
    parts = [
        _plural(counts["notes"], "note"),
        _plural(counts["evidence"], "evidence item"),
        _plural(counts["events"], "history entry", "history entries"),
    ]
    parts = [part for part in parts if not part.startswith("0 ")]
    if not parts:
        return ""
    listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return (
        f"{what} cannot be deleted because review work was done on it ({listed}), and "
        "factcheck never throws review work away. If a claim is not worth checking, "
        "dismiss it instead; nothing has been deleted."
    )


class KeepsReviewWork:
    """Delete pages that refuse, in one sentence, to delete claims carrying review work.

    The models PROTECT notes, evidence and history; Django would list every protected row.
    ``protected`` carries the sentence instead (the templates under admin/claims/ show it).
    Each admin using it says, in ``claims_of(objs)``, which claims the objects hold.
    """

    def get_deleted_objects(self, objs, request):
        deleted, model_count, perms_needed, protected = super().get_deleted_objects(objs, request)
        if protected:
            objs = list(objs)
            if len(objs) == 1:
                what = f"The {self.opts.verbose_name} “{objs[0]}”"
            else:
                what = f"The selected {self.opts.verbose_name_plural}"
            sentence = review_work_sentence(self.claims_of(objs), what)
            if sentence:
                # Nothing will be deleted, so which permissions a delete would need is moot.
                perms_needed, protected = set(), [sentence]
        return deleted, model_count, perms_needed, protected


# Releases


class ParagraphInline(admin.TabularInline):
    model = Paragraph
    fields = ["position", "text"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name_plural = "paragraphs (0 is the headline)"

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False


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
        label="Source URL", required=False, max_length=2000, assume_scheme="https"
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
class ReleaseAdmin(KeepsReviewWork, admin.ModelAdmin):
    list_display = ["title", "organization", "published_on", "claims_by_status", "created_at"]
    list_filter = ["published_on", "created_at"]
    search_fields = ["title", "organization"]
    show_full_result_count = False
    fieldsets = [
        (None, {"fields": ["title", "claims_by_status"]}),
        (
            "Publication",
            {"fields": ["organization", "published_on", "source_url", "language"]},
        ),
        ("Import", {"fields": ["imported_by_name", "created_at", "content_sha256"]}),
    ]
    readonly_fields = ["claims_by_status", "imported_by_name", "created_at", "content_sha256"]
    inlines = [ParagraphInline]
    show_facets = admin.ShowFacets.NEVER
    formfield_overrides = {models.URLField: {"assume_scheme": "https"}}

    imported_by_name = person_column("imported_by", "imported by")

    def get_queryset(self, request):
        counts = {
            f"claims_{status.value}": Count("claims", filter=Q(claims__status=status))
            for status in ReviewStatus
        }
        return super().get_queryset(request).annotate(claims_total=Count("claims"), **counts)

    def claims_of(self, releases):
        return Claim.objects.filter(release__in=releases)

    @admin.display(description="claims")
    def claims_by_status(self, release):
        if not release.claims_total:
            return "No claims"
        links = [(_claim_list_url(release=release.pk), _plural(release.claims_total, "claim"))]
        for status in ReviewStatus:
            count = getattr(release, f"claims_{status.value}")
            if count:
                url = _claim_list_url(release=release.pk, status__exact=status.value)
                links.append((url, f"{count} {status.label.lower()}"))
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


# Claims


class ReleaseListFilter(admin.SimpleListFilter):
    """The most recent releases (and the one chosen), not every release ever imported."""

    title = "release"
    parameter_name = "release"
    shown = 15

    def lookups(self, request, model_admin):
        # Newest first by id (ids follow imports), which the primary key's index serves.
        releases = list(Release.objects.only("pk", "title").order_by("-pk")[: self.shown])
        chosen = _row_id(self.value())
        if chosen is not None and all(r.pk != chosen for r in releases):
            releases += list(Release.objects.filter(pk=chosen).only("pk", "title"))
        return [(str(r.pk), shorten(r.title, 60)) for r in releases]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        release_id = _row_id(value)
        return queryset.none() if release_id is None else queryset.filter(release_id=release_id)


class AssigneeListFilter(admin.SimpleListFilter):
    title = "assignee"
    parameter_name = "assignee"

    def lookups(self, request, model_admin):
        people = permissions.desk_reviewers().values_list(
            "pk", "first_name", "last_name", "username"
        )
        return [("none", "Unassigned")] + [
            (str(pk), f"{first} {last}".strip() or username)
            for pk, first, last, username in people
        ]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        if value == "none":
            return queryset.filter(assignee__isnull=True)
        user_id = _row_id(value)
        return queryset.none() if user_id is None else queryset.filter(assignee_id=user_id)


class SpeakerListFilter(admin.SimpleListFilter):
    """The speaker chosen from the speakers page ("N quotes"), not every speaker ever quoted:
    a desk quotes thousands, too many for a sidebar to list on every page of claims."""

    title = "speaker"
    parameter_name = "speaker__id__exact"

    def lookups(self, request, model_admin):
        chosen = _row_id(self.value())
        if chosen is None:
            return []
        return [(str(s.pk), s.name) for s in Speaker.objects.filter(pk=chosen).only("pk", "name")]

    def queryset(self, request, queryset):
        value = self.value()
        if value is None:
            return queryset
        speaker_id = _row_id(value)
        return queryset.none() if speaker_id is None else queryset.filter(speaker_id=speaker_id)


class ClaimForm(forms.ModelForm):
    """An editor's correction of a claim; ``seen_version`` is the version the page showed."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Claim
        fields = list(workflow.EDITABLE_FIELDS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seen_version"].initial = self.instance.version
        self.fields["text"].help_text = (
            "Exactly the paragraph's characters from start to end (the highlighted span)."
        )

    def clean(self):
        cleaned = super().clean()
        start, end = cleaned.get("start"), cleaned.get("end")
        if start is not None and end is not None and start >= end:
            self.add_error("end", "The end must come after the start.")
        self._check_unique_span(cleaned)
        self._check_version(cleaned.get("seen_version"))
        return cleaned

    def _check_unique_span(self, cleaned):
        if any(cleaned.get(name) is None for name in ("start", "end", "kind")):
            return
        other = (
            Claim.objects.filter(
                paragraph_id=self.instance.paragraph_id,
                start=cleaned["start"],
                end=cleaned["end"],
                kind=cleaned["kind"],
            )
            .exclude(pk=self.instance.pk)
            .values_list("pk", flat=True)
            .first()
        )
        if other is not None:
            raise ValidationError(
                f"Claim #{other} already covers exactly these characters as the same kind; "
                "correct that claim instead, or choose another span or kind."
            )

    def _check_version(self, seen):
        current = Claim.objects.filter(pk=self.instance.pk).values_list("version", flat=True)
        current = current.first()
        if seen is None or current is None or seen == current:
            return
        last = (
            ClaimEvent.objects.filter(claim_id=self.instance.pk)
            .select_related("actor")
            .order_by("-created_at", "-id")
            .first()
        )
        if last is None:
            raise ValidationError(
                "This claim was changed while you were editing; open it again, then make "
                "your change."
            )
        when = date_format(localtime(last.created_at), "DATETIME_FORMAT")
        raise ValidationError(
            f"While you were editing, this claim was changed by {_person(last.actor)} at "
            f"{when}. Open it again to see their change, then make yours."
        )


class ReviewWorkInline(admin.TabularInline):
    """Notes and evidence: editors add new ones; what is saved stays as it was written."""

    extra = 1
    can_delete = False
    formfield_overrides = {
        models.TextField: {"widget": forms.Textarea(attrs={"rows": 3, "cols": 50})},
        models.URLField: {"assume_scheme": "https"},
    }

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AnnotationInline(ReviewWorkInline):
    model = Annotation
    fields = ["body", "author_name", "created_at"]
    readonly_fields = ["author_name", "created_at"]
    verbose_name = "note"
    verbose_name_plural = "notes"

    author_name = person_column("author", "author")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("author")

    def has_add_permission(self, request, obj=None):
        return obj is not None and permissions.can_annotate(request.user, obj)


class EvidenceInline(ReviewWorkInline):
    model = Evidence
    fields = ["url", "title", "excerpt", "added_by_name", "added_at"]
    readonly_fields = ["added_by_name", "added_at"]

    added_by_name = person_column("added_by", "added by")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("added_by")

    def has_add_permission(self, request, obj=None):
        return obj is not None and permissions.can_add_evidence(request.user, obj)


class ClaimEventInline(admin.TabularInline):
    model = ClaimEvent
    fields = ["created_at", "actor_name", "action", "from_status", "to_status", "rating",
              "assignee_name", "note"]
    readonly_fields = fields
    extra = 0
    can_delete = False
    verbose_name = "history entry"
    verbose_name_plural = "history"

    actor_name = person_column("actor", "by")
    assignee_name = person_column("assignee", "assigned to")

    def get_queryset(self, request):
        return super().get_queryset(request).select_related("actor", "assignee")

    def has_add_permission(self, request, obj=None):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(
        queryset=get_user_model().objects.none(),
        label="Reviewer",
        empty_label="Choose a reviewer",
        error_messages={"required": "Choose the reviewer to assign these claims to."},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Evaluated per request, so a reviewer who joined today is on the list.
        self.fields["reviewer"].queryset = permissions.desk_reviewers()
        self.fields["reviewer"].label_from_instance = _person


class ReturnForm(forms.Form):
    note = forms.CharField(
        label="Note for the reviewer",
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        help_text="Say what needs another look; the reviewer sees it in the claim's history.",
        error_messages={"required": "Write a note saying why these claims need another look."},
    )


class ClaimChangeList(ChangeList):
    """The claim list: pages by cursor, a count that stops early, only the columns it shows.

    A page starts just after (``after``) or before (``before``) the sort values of a row, as
    the review queue's pages do, so the 500th page costs what the second does; a page number
    would make the database count its way through every claim before it. The count stops at
    ``counted_up_to`` ("More than 1,000 claims"): nobody reads the exact number, and counting
    a million claims on every page costs more than showing the page. Rows carry no release
    body or paragraph text: a page's rows are the columns ``claims_admin.claim_rows`` shows,
    read with ``.values()`` (names joined in), not claims and their related objects.
    """

    counted_up_to = 1_000
    # The names each row shows, each read by its own small subquery: three joins in each half
    # of a page's UNION cost PostgreSQL's planner more than the page's rows.
    names = {
        "speaker_name": Subquery(Speaker.objects.filter(pk=OuterRef("speaker_id")).values("name")),
        "release_title": Subquery(
            Release.objects.filter(pk=OuterRef("release_id")).values("title")
        ),
        # As User.get_full_name() or the username.
        "assignee_name": Subquery(
            get_user_model()
            .objects.filter(pk=OuterRef("assignee_id"))
            .values(
                name=Coalesce(
                    NullIf(Trim(Concat("first_name", Value(" "), "last_name")), Value("")),
                    "username",
                )
            )
        ),
    }
    shown = (
        "id", "text", "kind", "status", "rating", "score", "speaker_id", "assignee_id",
        *names,
    )
    cursor_params = (AFTER_VAR, BEFORE_VAR, PAGE_NUMBER_VAR)

    def __init__(self, request, *args, **kwargs):
        self.cursors = {name: request.GET.get(name) for name in self.cursor_params}
        super().__init__(request, *args, **kwargs)
        # Links to another filter or order start from the first page.
        for name in self.cursor_params:
            self.params.pop(name, None)
            self.filter_params.pop(name, None)

    def get_filters_params(self, params=None):
        lookup_params = super().get_filters_params(params)
        for name in self.cursor_params:
            lookup_params.pop(name, None)
        return lookup_params

    def get_queryset(self, request, exclude_parameters=None):
        return super().get_queryset(request, exclude_parameters).select_related(None)

    def _keyset_order(self):
        """The list's order as field names, ending with the id so each row has one place."""
        order = []
        for name in self.queryset.query.order_by:
            name = name.replace("pk", "id") if name.lstrip("-") == "pk" else name
            if all(name.lstrip("-") != seen.lstrip("-") for seen in order):
                order.append(name)
        if all(name.lstrip("-") != "id" for name in order):
            order.append("id")
        return order

    def get_results(self, request):
        counted = self.queryset.order_by().values("pk")[: self.counted_up_to + 1].count()
        self.counted_all = counted <= self.counted_up_to
        self.result_count = counted
        self.full_result_count = None
        self.show_full_result_count = False
        self.show_admin_actions = True
        self.can_show_all = self.counted_all and counted <= self.list_max_show_all
        self.multi_page = counted > self.list_per_page
        self.paginator = None
        claims = self.queryset.annotate(**self.names).values(*self.shown)
        if (self.show_all and self.can_show_all) or not self.multi_page:
            self.page = None
            self.result_list = list(claims)
            return
        self.page = keyset_page(
            claims, self._keyset_order(), self.list_per_page,
            after=self.cursors[AFTER_VAR], before=self.cursors[BEFORE_VAR],
            number=_row_id(self.cursors[PAGE_NUMBER_VAR] or "") or 1,
        )
        self.result_list = self.page.rows

    @property
    def count_limit(self):
        return f"{self.counted_up_to:,}"

    def page_link(self, cursor_name, cursor, number):
        return self.get_query_string(
            {cursor_name: cursor, PAGE_NUMBER_VAR: number}, self.cursor_params
        )

    @property
    def show_all_link(self):
        return self.get_query_string({ALL_VAR: ""})

    @property
    def previous_link(self):
        page = self.page
        if page is None or not page.has_previous:
            return None
        return self.page_link(BEFORE_VAR, page.previous_cursor, page.previous_page_number)

    @property
    def next_link(self):
        page = self.page
        if page is None or not page.has_next:
            return None
        return self.page_link(AFTER_VAR, page.next_cursor, page.next_page_number)


@admin.register(Claim)
class ClaimAdmin(KeepsReviewWork, admin.ModelAdmin):
    form = ClaimForm
    list_display = [
        "short_text", "kind", "speaker", "status", "rating", "assignee_name", "release_title",
        "score",
    ]
    list_filter = [
        "status", "kind", "rating", ReleaseListFilter, AssigneeListFilter, SpeakerListFilter,
    ]
    list_select_related = ["speaker", "assignee", "release"]
    autocomplete_fields = ["speaker"]
    search_fields = ["text", "speaker__name", "release__title"]
    search_help_text = "Search the claim text, the speaker's name and the release title."
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    # Highest score first, as the review queue; the indexes (-score, id) and, with a status
    # filter, (status, -score, id) hold the claims in this order. Sorting a million claims by
    # their text or a joined name would read them all, so only the score column sorts.
    ordering = ["-score", "id"]
    sortable_by = ["score"]
    actions = [
        "assign_to_reviewer", "approve", "dismiss", "return_for_review",
        export_selected_approved_claims,
    ]
    fieldsets = [
        (None, {"fields": ["source", "release_link", "seen_version"]}),
        ("The claim", {"fields": ["kind", "text", ("start", "end"), "speaker", "attribution"]}),
        (
            "Review",
            {
                "fields": [
                    "status", "rating", "assignee_name", "version",
                    ("checked_by_name", "checked_at"), ("approved_by_name", "approved_at"),
                ],
                "description": "Changed only by review actions, which the history records.",
            },
        ),
        (
            "Extraction",
            {
                "fields": [
                    "score", "reasons_list", "continues", "repeats", "created_at", "updated_at",
                ],
            },
        ),
    ]
    readonly_fields = [
        "source", "release_link", "status", "rating", "assignee_name", "version",
        "checked_by_name", "checked_at", "approved_by_name", "approved_at", "score",
        "reasons_list", "continues", "repeats", "created_at", "updated_at",
    ]
    inlines = [AnnotationInline, EvidenceInline, ClaimEventInline]

    assignee_name = person_column("assignee", "assignee")
    checked_by_name = person_column("checked_by", "checked by")
    approved_by_name = person_column("approved_by", "approved by")

    def has_add_permission(self, request):
        # Claims come from importing a release, anchored to its text.
        return False

    def get_changelist(self, request, **kwargs):
        return ClaimChangeList

    def has_manage_permission(self, request):
        return permissions.can_manage(request.user)

    def has_approve_permission(self, request):
        return permissions.can_approve(request.user)

    def claims_of(self, claims):
        return Claim.objects.filter(pk__in=[claim.pk for claim in claims])

    @admin.display(description="claim", ordering="text")
    def short_text(self, claim):
        return shorten(claim.text, 90)

    @admin.display(description="release", ordering="release__title")
    def release_title(self, claim):
        return shorten(claim.release.title, 40)

    @admin.display(description="why it was picked")
    def reasons_list(self, claim):
        return ", ".join(str(reason).replace("_", " ") for reason in claim.reasons) or None

    @admin.display(description="source paragraph")
    def source(self, claim):
        text = claim.paragraph.text
        return format_html(
            '<p class="claim-source">{}<mark>{}</mark>{}</p>'
            '<p class="help">Paragraph {} of the release{}; the claim is highlighted.</p>',
            text[: claim.start],
            text[claim.start : claim.end],
            text[claim.end :],
            claim.paragraph.position,
            " (the headline)" if claim.paragraph.is_headline else "",
        )

    @admin.display(description="release")
    def release_link(self, claim):
        return format_html(
            '<a href="{}">{}</a> · <a href="{}">all its claims</a>',
            reverse("admin:claims_release_change", args=[claim.release_id]),
            claim.release.title,
            _claim_list_url(release=claim.release_id),
        )

    def changeform_view(self, request, object_id=None, form_url="", extra_context=None):
        try:
            return super().changeform_view(request, object_id, form_url, extra_context)
        except workflow.WorkflowError as error:
            # Raised by edit_claim inside the admin's transaction, which has rolled back.
            self.message_user(request, str(error), messages.ERROR)
            return HttpResponseRedirect(request.get_full_path())

    def save_model(self, request, obj, form, change):
        fields = {
            name: form.cleaned_data[name]
            for name in form.changed_data
            if name in workflow.EDITABLE_FIELDS
        }
        if fields:
            workflow.edit_claim(
                obj, by=request.user, version=form.cleaned_data["seen_version"], **fields
            )

    def save_formset(self, request, form, formset, change):
        for item in formset.save(commit=False):
            if isinstance(item, Annotation):
                item.author = request.user
            elif isinstance(item, Evidence):
                item.added_by = request.user
            item.save()
        formset.save_m2m()

    # Bulk actions: each claim goes through the workflow on its own, and the message says
    # which claims moved and why the others did not.

    @admin.action(description="Assign to a reviewer…", permissions=["manage"])
    def assign_to_reviewer(self, request, queryset):
        form = AssignForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            reviewer = form.cleaned_data["reviewer"]
            self._move(request, queryset, "assign", assignee=reviewer,
                       done=f"assigned to {_person(reviewer)}")
            return None
        return self._action_page(
            request, queryset, form, action="assign_to_reviewer",
            title="Assign claims to a reviewer", button="Assign",
        )

    @admin.action(description="Approve", permissions=["approve"])
    def approve(self, request, queryset):
        self._move(request, queryset, "approve")

    @admin.action(description="Dismiss as not worth checking", permissions=["manage"])
    def dismiss(self, request, queryset):
        self._move(request, queryset, "dismiss")

    @admin.action(description="Return for review…", permissions=["manage"])
    def return_for_review(self, request, queryset):
        form = ReturnForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            self._move(request, queryset, "return", note=form.cleaned_data["note"])
            return None
        return self._action_page(
            request, queryset, form, action="return_for_review",
            title="Return claims for review", button="Return for review",
        )

    def _move(self, request, queryset, action, *, done=None, **kwargs):
        moved, refused = [], defaultdict(list)
        for claim in queryset.select_related(None).order_by("pk"):
            try:
                workflow.transition(claim, action, by=request.user, **kwargs)
            except workflow.WorkflowError as error:
                refused[str(error)].append(claim.pk)
            else:
                moved.append(claim.pk)
        done = done or workflow.PAST_TENSE[action]
        if moved:
            self.message_user(
                request,
                f"{_plural(len(moved), 'claim')} {done}: {_ids(moved)}.",
                messages.SUCCESS,
            )
        for reason, pks in refused.items():
            self.message_user(
                request,
                f"Not {workflow.PAST_TENSE[action]}: {_ids(pks)}. {reason}",
                messages.ERROR,
            )

    def _action_page(self, request, queryset, form, *, action, title, button):
        shown = list(queryset.select_related(None).order_by("pk")[:SHOWN_IDS])
        total = queryset.count()
        context = {
            **self.admin_site.each_context(request),
            "title": title,
            "button": button,
            "form": form,
            "action": action,
            "opts": self.opts,
            "claims": shown,
            "more": total - len(shown),
            "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
            "select_across": request.POST.get("select_across", "0"),
            "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            "media": self.media,
        }
        return TemplateResponse(request, "admin/claims/claim/action_form.html", context)


def _ids(pks):
    listed = ", ".join(f"#{pk}" for pk in pks[:SHOWN_IDS])
    if len(pks) > SHOWN_IDS:
        listed += f" and {len(pks) - SHOWN_IDS} more"
    return listed


# Speakers


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
class SpeakerAdmin(admin.ModelAdmin):
    form = SpeakerForm
    list_display = ["name", "role", "organization", "quotes_link"]
    search_fields = ["name", "role", "organization", "aliases"]
    show_full_result_count = False
    readonly_fields = ["recent_quotes"]
    fields = ["name", "role", "organization", "aliases", "recent_quotes"]
    quotes_shown = 20

    def get_queryset(self, request):
        return (
            super()
            .get_queryset(request)
            .annotate(quote_count=Count("claims", filter=Q(claims__kind=ClaimKind.QUOTE)))
        )

    @admin.display(description="quotes", ordering="quote_count")
    def quotes_link(self, speaker):
        if not speaker.quote_count:
            return "No quotes"
        url = _claim_list_url(speaker__id__exact=speaker.pk, kind__exact=ClaimKind.QUOTE)
        return format_html('<a href="{}">{}</a>', url, _plural(speaker.quote_count, "quote"))

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
        url = _claim_list_url(speaker__id__exact=speaker.pk, kind__exact=ClaimKind.QUOTE)
        return format_html(
            '<ul class="speaker-quotes">{}</ul><p><a href="{}">All {} in the claim list</a></p>',
            items,
            url,
            _plural(speaker.quote_count, "quote"),
        )


# History


@admin.register(ClaimEvent)
class ClaimEventAdmin(admin.ModelAdmin):
    """The audit trail, for reading only: nobody adds, changes or deletes an entry here."""

    list_display = ["created_at", "claim", "action", "from_status", "to_status", "rating",
                    "actor_name"]
    list_filter = ["to_status", "from_status"]
    list_select_related = ["claim", "actor"]
    search_fields = ["note", "claim__text"]
    show_full_result_count = False
    show_facets = admin.ShowFacets.NEVER
    fields = ["claim", "created_at", "actor_name", "action", "from_status", "to_status", "rating",
              "assignee_name", "note"]
    readonly_fields = fields

    actor_name = person_column("actor", "by")
    assignee_name = person_column("assignee", "assigned to")

    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
