"""A speaker's record: everything the person said across releases, their ratings and roles,
and the editors' merge and split of records that are (or are not) one person.

Merging and splitting go through ``claims.workflow``; this module only reads and asks.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from claims import dashboard, permissions, workflow
from claims.models import Claim, Rating, ReviewStatus, Speaker, SpeakerEvent, person_name_from
from claims.pagination import keyset_page
from claims.templatetags.claims_ui import query_links
from claims.views.access import desk_member_required, forbidden

RECORD_PAGE_SIZE = 50
RECORD_ORDER = ("-id",)
RECORD_COLUMNS = (
    "id", "kind", "text", "status", "rating", "release_id", "release__title",
    "release__published_on", "release__created_at",
)
# Rated claims are those checked: verified, disputed or approved.
CHECKED = (ReviewStatus.VERIFIED, ReviewStatus.DISPUTED, ReviewStatus.APPROVED)
HISTORY_SHOWN = 20
MERGED_SHOWN = 50
ROLES_SHOWN = 20


class MergeForm(forms.Form):
    other = forms.IntegerField(
        label="Speaker record to merge into this one", min_value=1,
        help_text="Its number, shown on its page as “record #”.",
        error_messages={"required": "Give the number of the record to merge into this one."},
    )
    note = forms.CharField(label="Why", required=False, max_length=1000)


class SplitForm(forms.Form):
    claims = forms.TypedMultipleChoiceField(coerce=int, required=False, choices=())
    aliases = forms.MultipleChoiceField(required=False, choices=())
    into = forms.IntegerField(required=False, min_value=1)
    name = forms.CharField(required=False, max_length=200)
    note = forms.CharField(required=False, max_length=1000)

    def __init__(self, *args, speaker, **kwargs):
        super().__init__(*args, **kwargs)
        # Any claim id: the workflow checks they are the speaker's, in the transaction.
        self.fields["claims"].valid_value = lambda value: True
        self.fields["aliases"].choices = [(alias, alias) for alias in speaker.aliases]


def record_counts(speaker):
    """The speaker's claims by status and their checked claims by rating, capped, in one
    statement (each a range of the (speaker, status) index)."""
    claims = Claim.objects.filter(speaker=speaker)
    plan = {("status", s): claims.filter(status=s) for s in ReviewStatus.values}
    plan.update(
        {("rating", r): claims.filter(status__in=CHECKED, rating=r) for r in Rating.values}
    )
    counted = dashboard.capped_counts(plan)
    return (
        [(value, label, counted[("status", value)]) for value, label in ReviewStatus.choices],
        [(value, label, counted[("rating", value)]) for value, label in Rating.choices],
    )


def _history(speaker):
    events = list(
        SpeakerEvent.objects.filter(speaker=speaker)
        .order_by("-created_at", "-id")
        .values("id", "action", "other_id", "other__name", "claim_ids", "aliases", "note",
                "created_at", "actor__first_name", "actor__last_name", "actor__username")
        [:HISTORY_SHOWN]
    )
    for event in events:
        event["actor_name"] = person_name_from(
            event.pop("actor__first_name"), event.pop("actor__last_name"),
            event.pop("actor__username"),
        )
    return events


@desk_member_required
def speaker_detail(request, pk):
    speaker = get_object_or_404(Speaker.objects.select_related("merged_into"), pk=pk)
    page = keyset_page(
        Claim.objects.filter(speaker=speaker).values(*RECORD_COLUMNS),
        RECORD_ORDER, RECORD_PAGE_SIZE, after=request.GET.get("after"),
        before=request.GET.get("before"),
    )
    statuses, ratings = record_counts(speaker)
    link = query_links(request.GET)
    editor = permissions.can_manage(request.user)
    context = {
        "speaker": speaker,
        "page": page,
        "claims": page.rows,
        "previous_link": page.has_previous and link(before=page.previous_cursor, after=None),
        "next_link": page.has_next and link(after=page.next_cursor, before=None),
        "statuses": statuses,
        "ratings": ratings,
        "rated": sum(int(n) for _, _, n in ratings),
        "roles": list(speaker.roles.select_related("first_release", "last_release")
                      .only("role", "organization", "first_seen", "last_seen",
                            "first_release__title", "last_release__title")[:ROLES_SHOWN]),
        "merged": list(speaker.merged.order_by("name").only("id", "name")[:MERGED_SHOWN]),
        "events": _history(speaker),
        "can_edit": editor,
        "merge_form": MergeForm() if editor else None,
    }
    return render(request, "claims/speaker_detail.html", context)


@desk_member_required
@require_POST
def speaker_merge(request, pk):
    speaker = get_object_or_404(Speaker, pk=pk)
    if not permissions.can_manage(request.user):
        return forbidden(request, "Only editors merge speaker records; ask an editor.")
    form = MergeForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(e for errors in form.errors.values() for e in errors))
        return redirect(speaker)
    other = Speaker.objects.filter(pk=form.cleaned_data["other"]).first()
    if other is None:
        messages.error(request, f"There is no speaker record #{form.cleaned_data['other']}.")
        return redirect(speaker)
    try:
        event = workflow.merge_speakers(
            speaker, other, by=request.user, note=form.cleaned_data["note"]
        )
    except workflow.WorkflowError as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            f"Merged “{other.name}” into this record: {len(event.claim_ids)} claim"
            f"{'s' if len(event.claim_ids) != 1 else ''} and {len(event.aliases)} alias"
            f"{'es' if len(event.aliases) != 1 else ''} moved.",
        )
    return redirect(speaker)


@desk_member_required
@require_POST
def speaker_split(request, pk):
    speaker = get_object_or_404(Speaker, pk=pk)
    if not permissions.can_manage(request.user):
        return forbidden(request, "Only editors split speaker records; ask an editor.")
    form = SplitForm(request.POST, speaker=speaker)
    if not form.is_valid():
        messages.error(request, "Choose claims and aliases of this record, and where they go.")
        return redirect(speaker)
    data = form.cleaned_data
    into = None
    if data["into"]:
        into = Speaker.objects.filter(pk=data["into"]).first()
        if into is None:
            messages.error(request, f"There is no speaker record #{data['into']}.")
            return redirect(speaker)
    try:
        target = workflow.split_speaker(
            speaker, by=request.user, claim_ids=data["claims"], aliases=data["aliases"],
            into=into, name=data["name"], note=data["note"],
        )
    except workflow.WorkflowError as refusal:
        messages.error(request, str(refusal))
        return redirect(speaker)
    messages.success(request, f"Moved to “{target.name}”: {len(data['claims'])} claims, "
                              f"{len(data['aliases'])} aliases.")
    return redirect(speaker)
