"""Claims in the admin: corrections through the workflow, notes, evidence and history inline,
and bulk actions that move each claim through ``workflow.transition``.
"""

from collections import defaultdict

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.views.main import SEARCH_VAR
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Q
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.timezone import localtime

from claims import permissions, search, workflow
from claims.admin.claim_list import (
    AssigneeListFilter,
    ReleaseListFilter,
    SpeakerListFilter,
)
from claims.admin.common import (
    SHOWN_IDS,
    KeepsReviewWork,
    ListedFiltersOnly,
    PlainRowCheckbox,
    SearchCountCapped,
    SearchWithinLimits,
    claim_list_url,
    person_column,
    plural,
)
from claims.filters import CLAIM_ORDERINGS, SEARCH_ORDERING
from claims.models import (
    Annotation,
    Claim,
    ClaimEvent,
    Evidence,
    person_name,
)
from claims.reports.admin_actions import export_selected_approved_claims
from claims.selectors import CappedPaginator
from claims.templatetags.claims_ui import shorten


class ClaimForm(forms.ModelForm):
    """An editor's correction of a claim; ``seen_version`` is the version the page showed."""

    seen_version = forms.IntegerField(widget=forms.HiddenInput)

    class Meta:
        model = Claim
        fields = list(workflow.EDITABLE_FIELDS)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["seen_version"].initial = self.instance.version
        if "text" in self.fields:  # read-only on an approved claim
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
            f"While you were editing, this claim was changed by {person_name(last.actor)} at "
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
    fields = ["stance", "url", "title", "excerpt", "added_by_name", "added_at"]
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
        self.fields["reviewer"].label_from_instance = person_name


class ReturnForm(forms.Form):
    note = forms.CharField(
        label="Note for the reviewer",
        widget=forms.Textarea(attrs={"rows": 4, "cols": 80}),
        help_text="Say what needs another look; the reviewer sees it in the claim's history.",
        error_messages={"required": "Write a note saying why these claims need another look."},
    )


# What a row of the claim list shows: list_display's columns and the name of the claim itself
# (each row's checkbox is labelled with it).
LIST_COLUMNS = [
    "text", "kind", "status", "rating", "score", "speaker__name", "release__title",
    "assignee__first_name", "assignee__last_name", "assignee__username",
]


@admin.register(Claim)
class ClaimAdmin(
    PlainRowCheckbox, SearchWithinLimits, ListedFiltersOnly, SearchCountCapped,
    KeepsReviewWork, admin.ModelAdmin,
):
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
    paginator = CappedPaginator
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
                    "status", "rating", "verdict", "reasoning", "assignee_name", "version",
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
        "source", "release_link", "status", "rating", "verdict", "reasoning", "assignee_name",
        "version", "checked_by_name", "checked_at", "approved_by_name", "approved_at", "score",
        "reasons_list", "continues", "repeats", "created_at", "updated_at",
    ]
    inlines = [AnnotationInline, EvidenceInline, ClaimEventInline]

    assignee_name = person_column("assignee", "assignee")
    checked_by_name = person_column("checked_by", "checked by")
    approved_by_name = person_column("approved_by", "approved by")

    def has_add_permission(self, request):
        # Claims come from importing a release, anchored to its text.
        return False

    def get_queryset(self, request):
        # A row names its release; the release's text (up to megabytes) stays behind. (The
        # list applies list_select_related only to a queryset that has none, so here too.)
        claims = super().get_queryset(request).select_related(*self.list_select_related)
        return claims.defer("release__body")

    def get_changelist_instance(self, request):
        # The rows read the columns the list shows, not the whole claim and its people: a
        # fifth of the time of a hundred-row page went into building fields nobody sees.
        changelist = super().get_changelist_instance(request)
        changelist.result_list = changelist.result_list.only(*LIST_COLUMNS)
        return changelist

    def get_ordering(self, request):
        # A search lists its matches newest first, as the queue and the API do.
        if (request.GET.get(SEARCH_VAR) or "").strip():
            return list(CLAIM_ORDERINGS[SEARCH_ORDERING][1])
        return super().get_ordering(request)

    def get_search_results(self, request, queryset, search_term):
        # The search index (claims.search) instead of an icontains over every claim.
        if not search_term.strip():
            return queryset, False
        return search.search_claims(queryset, search_term), False

    def has_manage_permission(self, request):
        return permissions.can_manage(request.user)

    def has_approve_permission(self, request):
        return permissions.can_approve(request.user)

    def claims_of(self, claims):
        # With the later segments of a quote over several paragraphs, which go with it.
        pks = [claim.pk for claim in claims]
        return Claim.objects.filter(Q(pk__in=pks) | Q(continues__in=pks))

    def deleted_counts(self, claims):
        return [(Claim, self.claims_of(claims).count())]

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
            claim_list_url(release=claim.release_id),
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

    def get_fieldsets(self, request, obj=None):
        refusal = obj is not None and permissions.closed_to(obj, "edit")
        if not refusal:
            return self.fieldsets
        # The claim's fields are read-only, and the page says why and how to open them again.
        return [
            (name, {**options, "description": refusal}) if name == "The claim" else (name, options)
            for name, options in self.fieldsets
        ]

    def get_readonly_fields(self, request, obj=None):
        if obj is not None and permissions.closed_to(obj, "edit"):
            return [*self.readonly_fields, *workflow.EDITABLE_FIELDS]
        return self.readonly_fields

    def save_formset(self, request, form, formset, change):
        # New notes and evidence go through the workflow, which records them in the history
        # and refuses them on a claim whose status closes it (the admin's transaction rolls
        # back, and changeform_view says why).
        added = []
        for item in formset.save(commit=False):
            if isinstance(item, Annotation):
                added.append(workflow.add_note(form.instance, by=request.user, body=item.body))
            elif isinstance(item, Evidence):
                added.append(
                    workflow.add_evidence(
                        form.instance, by=request.user, url=item.url, title=item.title,
                        excerpt=item.excerpt, stance=item.stance,
                    )
                )
        # The admin's change message names what was added: the saved rows.
        formset.new_objects = added

    # Bulk actions: each claim goes through the workflow on its own, and the message says
    # which claims moved and why the others did not.

    @admin.action(description="Assign to a reviewer…", permissions=["manage"])
    def assign_to_reviewer(self, request, queryset):
        form = AssignForm(request.POST if "apply" in request.POST else None)
        if form.is_bound and form.is_valid():
            reviewer = form.cleaned_data["reviewer"]
            self._move(request, queryset, "assign", assignee=reviewer,
                       done=f"assigned to {person_name(reviewer)}")
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
                f"{plural(len(moved), 'claim')} {done}: {_ids(moved)}.",
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
