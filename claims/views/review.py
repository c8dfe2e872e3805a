"""The reviewers' pages: the queue, one claim, and the forms posted from it.

Every view asks ``claims.permissions`` before it shows or changes anything, and every change of
a claim's status goes through ``claims.workflow.transition``; hiding a button is only a courtesy.
"""

from functools import wraps

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db.models import Count, Q
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from claims import permissions, workflow
from claims.filters import ClaimFilter
from claims.forms import AnnotationForm, EvidenceForm, TransitionForm, desk_reviewers
from claims.models import Claim, ClaimKind, Paragraph, Release, ReviewStatus, Speaker

QUEUE_PAGE_SIZE = 25
# The sorts the queue offers, as OrderingFilter values, each with a tie-break that keeps
# pages stable when many claims share a score or a release.
QUEUE_SORTS = {
    "-score": ("Score, highest first", ("id",)),
    "-newest": ("Newest first", ("-id",)),
    "-release": ("Release, latest first", ("paragraph__position", "start", "id")),
}
DEFAULT_SORT = "-score"
# The queue's release and speaker pickers list this many; a chosen one is always included.
PICKER_LIMIT = 200


def forbidden(request, sentence):
    return render(request, "claims/forbidden.html", {"sentence": sentence}, status=403)


def desk_member_required(view):
    """Anonymous people go to the login page; people outside the desk get a 403 page."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not permissions.can_view(request.user):
            return forbidden(
                request,
                "Your account is not part of the fact-checking desk yet; ask an editor to add "
                "you to the Reviewers or Editors group.",
            )
        return view(request, *args, **kwargs)

    return wrapper


def _status_counts(queryset):
    """Claims per status for the queue's tabs, in one grouped query."""
    counts = dict.fromkeys(ReviewStatus.values, 0)
    rows = queryset.order_by().values_list("status").annotate(n=Count("id"))
    counts.update(dict(rows))
    return counts


def _picker(queryset, chosen_id):
    """A short list for a filter select that always contains the chosen item."""
    items = list(queryset[:PICKER_LIMIT])
    if chosen_id and all(item.pk != chosen_id for item in items):
        items += list(queryset.filter(pk=chosen_id))
    return items


def _int_or_none(value):
    try:
        return int(value)
    except (TypeError, ValueError):
        return None


@desk_member_required
def queue(request):
    data = request.GET.copy()
    sort = data.get("ordering")
    if sort not in QUEUE_SORTS:
        sort = DEFAULT_SORT
    data["ordering"] = sort
    base = Claim.objects.with_context()
    claim_filter = ClaimFilter(data, queryset=base, request=request)
    claims = claim_filter.qs.order_by(*claim_filter.qs.query.order_by, *QUEUE_SORTS[sort][1])

    # The tabs count the claims the other filters select, whatever their status.
    without_status = data.copy()
    without_status.pop("status", None)
    counts = _status_counts(ClaimFilter(without_status, queryset=Claim.objects.all(),
                                        request=request).qs)

    page = Paginator(claims, QUEUE_PAGE_SIZE).get_page(request.GET.get("page"))
    chosen_statuses = data.getlist("status")
    release_id = _int_or_none(data.get("release"))
    speaker_id = _int_or_none(data.get("speaker"))
    context = {
        "filter": claim_filter,
        "page": page,
        "claims": page.object_list,
        "status_tabs": [
            (value, label, counts[value], value in chosen_statuses)
            for value, label in ReviewStatus.choices
        ],
        "total_count": sum(counts.values()),
        "all_statuses": not chosen_statuses,
        "chosen_statuses": chosen_statuses,
        "sorts": [(value, label) for value, (label, _) in QUEUE_SORTS.items()],
        "sort": sort,
        "kinds": ClaimKind.choices,
        "chosen_kinds": data.getlist("kind"),
        "releases": _picker(Release.objects.only("id", "title").order_by("-id"), release_id),
        "release_id": release_id,
        "speakers": _picker(Speaker.objects.only("id", "name").order_by("name"), speaker_id),
        "speaker_id": speaker_id,
        "q": data.get("q", ""),
        "assigned_to_me": data.get("assigned_to_me") == "true",
        "unassigned": data.get("unassigned") == "true",
        "statuses": ReviewStatus,
    }
    return render(request, "claims/queue.html", context)


def _action_forms(claim, user, draft):
    """One entry per action the user may take now, with what its form must ask for."""
    forms = []
    reviewers = None
    for name in workflow.allowed_actions(claim, user):
        spec = workflow.ACTIONS[name]
        if spec.needs_assignee and reviewers is None:
            reviewers = [r for r in desk_reviewers() if r.pk != claim.assignee_id]
        forms.append(
            {
                "spec": spec,
                "ratings": [(r.value, r.label) for r in spec.ratings],
                "reviewers": reviewers if spec.needs_assignee else None,
                # A rating deserves a word of explanation even when the action does not insist.
                "note": "required" if spec.needs_note else "optional" if spec.ratings else "",
                "simple": not (spec.ratings or spec.needs_note or spec.needs_assignee),
                "draft": draft if draft and draft.get("action") == name else {},
            }
        )
    return forms


def _claim_page(request, pk, *, annotation_form=None, evidence_form=None, status=200):
    claim = get_object_or_404(
        Claim.objects.with_context().select_related(
            "continues__paragraph", "repeats__paragraph", "checked_by", "approved_by"
        ),
        pk=pk,
    )
    user = request.user
    position = claim.paragraph.position
    paragraphs = {
        p.position: p
        for p in Paragraph.objects.filter(
            release_id=claim.release_id, position__in=[position - 1, position + 1]
        )
    }
    paragraph_claims = list(
        Claim.objects.filter(paragraph_id=claim.paragraph_id).only(
            "id", "start", "end", "status", "kind"
        )
    )
    # A quote over several paragraphs: every segment, the first one carrying the speaker.
    first_id = claim.continues_id or claim.pk
    segments = []
    if claim.is_quote:
        segments = list(
            Claim.objects.filter(Q(pk=first_id) | Q(continues_id=first_id))
            .select_related("paragraph")
            .order_by("paragraph__position", "start")
        )
    repeated_by = list(claim.repeated_by.select_related("paragraph"))
    evidence = list(claim.evidence.select_related("added_by"))
    draft = request.session.pop(f"claim-draft-{claim.pk}", None)
    context = {
        "claim": claim,
        "release": claim.release,
        "previous_paragraph": paragraphs.get(position - 1),
        "next_paragraph": paragraphs.get(position + 1),
        "paragraph_claims": paragraph_claims,
        "segments": segments if len(segments) > 1 else [],
        "repeated_by": repeated_by,
        "annotations": claim.annotations.select_related("author"),
        "evidence": evidence,
        "events": claim.events.select_related("actor", "assignee"),
        "action_forms": _action_forms(claim, user, draft),
        "can_annotate": permissions.can_annotate(user, claim),
        "can_add_evidence": permissions.can_add_evidence(user, claim),
        "annotation_form": annotation_form or AnnotationForm(),
        "evidence_form": evidence_form or EvidenceForm(),
        "statuses": ReviewStatus,
    }
    return render(request, "claims/claim_detail.html", context, status=status)


@desk_member_required
def claim_detail(request, pk):
    return _claim_page(request, pk)


def _success_sentence(claim, action):
    if action == "take":
        return "Claim taken: it is assigned to you."
    if action == "assign":
        name = claim.assignee.get_full_name() or claim.assignee.get_username()
        return f"Claim assigned to {name}."
    return f"Claim {workflow.PAST_TENSE[action]}."


@desk_member_required
@require_POST
def claim_transition(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.error_sentence())
        return redirect(claim)
    action = form.cleaned_data["action"]
    note = form.cleaned_data["note"]
    try:
        workflow.transition(
            claim,
            action,
            by=request.user,
            rating=form.cleaned_data["rating"],
            note=note,
            version=form.cleaned_data["version"],
            assignee=form.cleaned_data["assignee"],
        )
    except workflow.WorkflowError as refusal:
        messages.error(request, str(refusal))
        if note.strip():
            # Keep what the person wrote, so a refusal never costs them their note.
            request.session[f"claim-draft-{claim.pk}"] = {
                "action": action,
                "note": note,
                "rating": form.cleaned_data["rating"],
            }
        return redirect(claim)
    messages.success(request, _success_sentence(claim, action))
    return redirect(claim)


@desk_member_required
@require_POST
def add_annotation(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    if not permissions.can_annotate(request.user, claim):
        return forbidden(request, "You cannot add notes to claims; ask an editor.")
    form = AnnotationForm(request.POST)
    if not form.is_valid():
        return _claim_page(request, pk, annotation_form=form, status=400)
    form.instance.claim = claim
    form.instance.author = request.user
    form.save()
    messages.success(request, "Note added.")
    return redirect(f"{claim.get_absolute_url()}#notes")


@desk_member_required
@require_POST
def add_evidence(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    if not permissions.can_add_evidence(request.user, claim):
        return forbidden(request, "You cannot add evidence to claims; ask an editor.")
    form = EvidenceForm(request.POST)
    if not form.is_valid():
        return _claim_page(request, pk, evidence_form=form, status=400)
    form.instance.claim = claim
    form.instance.added_by = request.user
    form.save()
    messages.success(request, "Evidence added.")
    return redirect(f"{claim.get_absolute_url()}#evidence")
