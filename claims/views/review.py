"""One claim's page and the review forms posted from it: actions, notes, evidence, and a
check started from an earlier one.

Every view asks ``claims.permissions`` before it shows or changes anything, and every change of
a claim's status goes through ``claims.workflow.transition``; hiding a button is only a courtesy.
"""

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.db.models import Exists, F, OuterRef, Q
from django.http import QueryDict
from django.shortcuts import get_object_or_404, redirect, render
from django.template.loader import render_to_string
from django.views.decorators.http import require_POST

from claims import permissions, selectors, workflow
from claims.forms import (
    AnnotationForm,
    CorrectionForm,
    EvidenceForm,
    StartFromCheckForm,
    TransitionForm,
)
from claims.models import (
    Claim,
    ClaimMatch,
    Evidence,
    Paragraph,
    ReviewStatus,
    Speaker,
    person_name,
    person_name_from,
)
from claims.templatetags.claims_ui import RATING_LABELS, STATUS_LABELS, highlight
from claims.views.access import desk_member_required, forbidden
from claims.views.queue import (
    _posted_query,
    claim_url_in_queue,
    neighbours_in_queue,
    queue_query,
    queue_url,
)

STANCE_LABELS = dict(Evidence.Stance.choices)


def _action_forms(claim, user, draft, started_from=None):
    """One entry per action the user may take now, with what its form must ask for.

    ``started_from``, the earlier claim this check was started from (a "Checked before" row):
    verify or dispute comes with its rating chosen, when it is one the action takes.
    """
    forms = []
    reviewers = None
    for name in workflow.allowed_actions(claim, user):
        spec = workflow.ACTIONS[name]
        if spec.needs_assignee and reviewers is None:
            reviewers = [r for r in permissions.desk_reviewers() if r.pk != claim.assignee_id]
        draft_of_this = draft if draft and draft.get("action") == name else (
            _started_draft(claim, spec, started_from)
        )
        forms.append(
            {
                "spec": spec,
                "ratings": [(r.value, r.label) for r in spec.ratings],
                "reviewers": reviewers if spec.needs_assignee else None,
                # A rating deserves a word of explanation even when the action does not insist.
                "note": "required" if spec.needs_note else "optional" if spec.ratings else "",
                "simple": not (spec.ratings or spec.needs_note or spec.needs_assignee),
                "draft": draft_of_this,
                "draft_note": draft_of_this.get("note") or "",
            }
        )
    return forms


def _started_draft(claim, spec, started_from):
    """The draft a check started from an earlier one offers: its ruling, and its rating where
    this action takes it."""
    if not started_from or not spec.needs_ruling or started_from["rating"] not in spec.ratings:
        return {}
    return {"rating": started_from["rating"], "verdict": claim.verdict,
            "reasoning": claim.reasoning}


def _attach_people(claim):
    """The claim's assignee, checker and approver, read in one query.

    Joined to the claim with its release, paragraph and speaker, three more joins cost
    PostgreSQL's planner more than the query itself and this second one together.
    """
    fields = ("assignee", "checked_by", "approved_by")
    ids = {getattr(claim, f"{field}_id") for field in fields} - {None}
    people = get_user_model()._default_manager.in_bulk(ids) if ids else {}
    for field in fields:
        person_id = getattr(claim, f"{field}_id")
        if person_id is not None:
            setattr(claim, field, people[person_id])


def _person_columns(link):
    return (f"{link}__first_name", f"{link}__last_name", f"{link}__username")


def _with_names(rows, *links):
    """Rows of ``.values()`` with each linked person's name as ``<link>_name`` ("" for none).

    A claim page names the people behind its notes, evidence and history; rows with their
    names read faster than objects with users attached, which the page never needs.
    """
    rows = list(rows)
    for row in rows:
        for link in links:
            row[f"{link}_name"] = person_name_from(
                *(row.pop(column) for column in _person_columns(link))
            )
    return rows


def _timeline(claim):
    """Everything said and done on the claim, oldest first, in one list: its notes, the
    notes and rulings given with actions, the evidence added and every change of status.

    A note is read from the thread (a note older than the history's note entries is there
    too), every other entry from the history.
    """
    events = _with_names(
        claim.events.exclude(action="note").values(
            "action", "from_status", "to_status", "rating", "note", "verdict", "created_at",
            *_person_columns("actor"), *_person_columns("assignee"),
        ),
        "actor", "assignee",
    )
    for event in events:
        event["from_label"] = STATUS_LABELS.get(event["from_status"], event["from_status"])
        event["to_label"] = STATUS_LABELS.get(event["to_status"], event["to_status"])
        event["rating_label"] = RATING_LABELS.get(event["rating"], event["rating"])
    notes = _with_names(
        claim.annotations.values("body", "created_at", *_person_columns("author")), "author"
    )
    for note in notes:
        # Every key the timeline's template reads of an entry: a key it misses is looked up
        # the template's slow way (an exception and a dir() each).
        note.update(action="note", actor_name=note.pop("author_name"), rating=None,
                    verdict=None, note=None, from_status=None, to_status=None)
    return sorted([*events, *notes], key=lambda entry: entry["created_at"])


def _form_fields(form):
    """A claim page form's fields as markup: a blank form, or one sent back with its errors."""
    return render_to_string("claims/_form_fields.html", {"form": form})


def _claim_page(request, pk, *, annotation_form=None, evidence_form=None, status=200,
                query=None, correction_form=None):
    if query is None:
        query = queue_query(request.GET)
    claim = get_object_or_404(
        Claim.objects.select_related("release", "paragraph", "speaker")
        .defer("release__body")
        .annotate(
            **neighbours_in_queue(QueryDict(query), request),
            # Its text as compared, if it was: a join on the claim's own id costs the page
            # less than one more subquery.
            compared_as=F("match_text"),
            # Whether "Checked before" has rows to read: most claims read like no earlier one.
            has_matches=Exists(ClaimMatch.objects.filter(claim_id=OuterRef("pk"))),
            started_elsewhere=Exists(ClaimMatch.objects.filter(
                earlier_id=OuterRef("pk"), started_at__isnull=False)),
        ),
        pk=pk,
    )
    _attach_people(claim)
    user = request.user
    position = claim.paragraph.position
    paragraphs = {
        p.position: p
        for p in Paragraph.objects.filter(
            release_id=claim.release_id, position__in=[position - 1, position + 1]
        )
    }
    # The claims the page mentions besides this one, in one query: those in its paragraph,
    # every segment of a quote over several paragraphs, and the quotes a headline repeats.
    first_id = claim.continues_id or claim.pk
    related = Q(paragraph_id=claim.paragraph_id) | Q(repeats_id=claim.pk)
    if claim.is_quote:
        related |= Q(pk=first_id) | Q(continues_id=first_id)
    if claim.repeats_id:
        related |= Q(pk=claim.repeats_id)
    # Only each claim's paragraph position, not its paragraph; paragraph ids follow their
    # positions within a release, so ordering by them is reading order without the join.
    mentioned = list(
        Claim.objects.filter(related)
        .annotate(paragraph_position=F("paragraph__position"))
        # What the page shows of them: their spans, texts, statuses and how they link.
        .only("paragraph_id", "start", "end", "kind", "text", "status", "continues_id",
              "repeats_id")
        .order_by("paragraph_id", "start", "id")
    )
    paragraph_claims = [c for c in mentioned if c.paragraph_id == claim.paragraph_id]
    segments = [
        c for c in mentioned
        if claim.is_quote and (c.pk == first_id or c.continues_id == first_id)
    ]
    repeated_by = [c for c in mentioned if c.repeats_id == claim.pk]
    repeats = next((c for c in mentioned if c.pk == claim.repeats_id), None)
    evidence = _with_names(
        claim.evidence.values(
            "stance", "url", "title", "excerpt", "added_at", *_person_columns("added_by")
        ),
        "added_by",
    )
    for item in evidence:
        item["stance_label"] = STANCE_LABELS.get(item["stance"], "")
    draft = request.session.pop(f"claim-draft-{claim.pk}", None)
    previous_id, next_id = claim.previous_in_queue, claim.next_in_queue
    earlier = selectors.checked_before(claim) if claim.has_matches else []
    started = next((row for row in earlier if row["started_at"]), None)
    can_annotate = permissions.can_annotate(user, claim)
    can_add_evidence = permissions.can_add_evidence(user, claim)
    context = {
        "queue_query": query,
        "queue_url": queue_url(query),
        "previous_url": previous_id and claim_url_in_queue(previous_id, query),
        "next_url": next_id and claim_url_in_queue(next_id, query),
        "claim": claim,
        "release": claim.release,
        "release_url": claim.release.get_absolute_url(),  # linked twice, reversed once
        "previous_paragraph": paragraphs.get(position - 1),
        "next_paragraph": paragraphs.get(position + 1),
        "paragraph_pieces": highlight(claim.paragraph.text, paragraph_claims, current=claim),
        "segments": segments if len(segments) > 1 else [],
        "repeated_by": repeated_by,
        "repeats": repeats,

        "evidence": evidence,
        "timeline": _timeline(claim),
        "action_forms": _action_forms(claim, user, draft, started),
        # Checked before: the earlier claims this one reads like, and the later claims whose
        # check started from this one's.
        "checked_before": earlier,
        "compared": bool(earlier) or claim.compared_as is not None,
        "started_from": started,
        "started_here": selectors.started_from(claim) if claim.started_elsewhere else [],
        "can_start_from": workflow.can_start_from_check(claim, user),
        "unavailable_actions": workflow.unavailable_actions(claim, user),
        "can_annotate": can_annotate,
        "can_add_evidence": can_add_evidence,
        # Why a reviewer finds no form: the claim's status closes it (approved, dismissed).
        "notes_closed": permissions.can_review(user) and permissions.closed_to(claim, "note"),
        "evidence_closed": (
            permissions.can_review(user) and permissions.closed_to(claim, "evidence")
        ),
        # Rendered only where the page shows them (a closed claim takes no notes or evidence).
        "annotation_fields": can_annotate and _form_fields(annotation_form or AnnotationForm()),
        "evidence_fields": can_add_evidence and _form_fields(evidence_form or EvidenceForm()),
        **_correction(claim, user, correction_form, paragraph_claims),
        "statuses": ReviewStatus,
        "can_set_due_date": permissions.can_manage(user),
    }
    return render(request, "claims/claim_detail.html", context, status=status)


@desk_member_required
def claim_detail(request, pk):
    return _claim_page(request, pk)


def _success_sentence(claim, action):
    if action == "take":
        return "Claim taken: it is assigned to you."
    if action == "assign":
        return f"Claim assigned to {person_name(claim.assignee)}."
    if action == "unassign":
        return "Claim handed back: it is unassigned and waiting in the queue again."
    return f"Claim {workflow.PAST_TENSE[action]}."


def _back_to(claim, query, anchor=""):
    return redirect(claim_url_in_queue(claim.pk, query) + anchor)


def _onwards(request, claim, query):
    """After "... and next": the next claim of the queue, or the queue when none is left."""
    next_id = (
        Claim.objects.filter(pk=claim.pk)
        .annotate(**neighbours_in_queue(QueryDict(query), request))
        .values_list("next_in_queue", flat=True)
        .get()
    )
    if next_id is None:
        messages.info(request, "That was the last claim of this list.")
        return redirect(queue_url(query))
    return redirect(claim_url_in_queue(next_id, query))


@desk_member_required
@require_POST
def claim_transition(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    query = _posted_query(request)
    form = TransitionForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.error_sentence())
        return _back_to(claim, query)
    action = form.cleaned_data["action"]
    typed = {name: form.cleaned_data[name] for name in ("note", "verdict", "reasoning")}
    try:
        workflow.transition(
            claim,
            action,
            by=request.user,
            rating=form.cleaned_data["rating"],
            version=form.cleaned_data["version"],
            assignee=form.cleaned_data["assignee"],
            **typed,
        )
    except workflow.WorkflowError as refusal:
        messages.error(request, str(refusal))
        # Keep what the person chose and wrote, so a refusal never costs them their work.
        request.session[f"claim-draft-{claim.pk}"] = {
            "action": action, "rating": form.cleaned_data["rating"], **typed,
        }
        return _back_to(claim, query)
    messages.success(request, _success_sentence(claim, action))
    if request.POST.get("then") == "next":
        return _onwards(request, claim, query)
    return _back_to(claim, query)


@desk_member_required
@require_POST
def add_annotation(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    if not permissions.can_review(request.user):
        return forbidden(request, "You cannot add notes to claims; ask an editor.")
    query = _posted_query(request)
    form = AnnotationForm(request.POST)
    if not form.is_valid():
        return _claim_page(request, pk, annotation_form=form, status=400, query=query)
    try:
        workflow.add_note(claim, by=request.user, body=form.cleaned_data["body"])
    except workflow.WorkflowError as refusal:
        messages.error(request, str(refusal))
        return _back_to(claim, query)
    messages.success(request, "Note added.")
    return _back_to(claim, query)


def _correction(claim, user, form, paragraph_claims):
    """What the claim page needs for an editor's corrections: the form (as sent back, or as
    the claim stands), the speakers to pick from, the claims it may be merged with."""
    if not permissions.can_edit_claim(user, claim):
        return {"can_correct": False}
    if form is None:
        form = CorrectionForm(initial={
            "version": claim.version, "kind": claim.kind, "speaker": claim.speaker_id,
            "start": claim.start, "end": claim.end,
        })
    # The release's own speakers (and the claim's), not the whole desk's.
    speakers = Speaker.objects.filter(
        Q(claims__release_id=claim.release_id) | Q(pk=claim.speaker_id)
    ).distinct().order_by("name")
    form.fields["speaker"].queryset = speakers
    return {
        "can_correct": True,
        "correction_open": form.is_bound,
        "correction_fields": _form_fields(form),
        "merge_candidates": [
            c for c in paragraph_claims if c.pk != claim.pk and c.status in ("pending", "in_review")
        ],
    }


@desk_member_required
@require_POST
def add_evidence(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    if not permissions.can_review(request.user):
        return forbidden(request, "You cannot add evidence to claims; ask an editor.")
    query = _posted_query(request)
    form = EvidenceForm(request.POST)
    if not form.is_valid():
        return _claim_page(request, pk, evidence_form=form, status=400, query=query)
    try:
        workflow.add_evidence(claim, by=request.user, **form.cleaned_data)
    except workflow.WorkflowError as refusal:
        messages.error(request, str(refusal))
        return _back_to(claim, query)
    messages.success(request, "Evidence added.")
    return _back_to(claim, query)


@desk_member_required
@require_POST
def start_from_check(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    query = _posted_query(request)
    form = StartFromCheckForm(request.POST)
    if not form.is_valid():
        messages.error(request, form.error_sentence())
        return _back_to(claim, query)
    earlier = Claim.objects.filter(pk=form.cleaned_data["earlier"]).first()
    if earlier is None:
        messages.error(request, "That earlier claim no longer exists; reload the page.")
        return _back_to(claim, query)
    try:
        workflow.start_from_check(
            claim, by=request.user, earlier=earlier, version=form.cleaned_data["version"]
        )
    except workflow.WorkflowError as refusal:
        messages.error(request, str(refusal))
        return _back_to(claim, query)
    messages.success(
        request,
        f"Started from the check of #{earlier.pk}: its ruling and evidence are a draft here. "
        "Check them against this claim before you verify or dispute it.",
    )
    return _back_to(claim, query, "#checked-before")
