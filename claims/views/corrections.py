"""An editor's corrections of the extraction on a claim's page: its text and span edited,
split in two, or merged with a neighbour.

Every view asks ``claims.permissions`` before it shows or changes anything, and every change of
a claim's status goes through ``claims.workflow.transition``; hiding a button is only a courtesy.
"""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import get_object_or_404
from django.views.decorators.http import require_POST

from claims import permissions, workflow
from claims.forms import CorrectionForm
from claims.models import Claim, Speaker
from claims.views.access import desk_member_required, forbidden
from claims.views.queue import _id_or_none, _int_or_none, _posted_query
from claims.views.review import _back_to, _claim_page


def _editor_post(request, pk):
    claim = get_object_or_404(Claim.objects.select_related("paragraph"), pk=pk)
    if not permissions.can_manage(request.user):
        return claim, forbidden(request, "Only editors correct claims; ask an editor.")
    return claim, None


@desk_member_required
@require_POST
def correct_claim(request, pk):
    """An editor corrects the claim's kind, speaker (picked, or a new one) and span."""
    claim, refused = _editor_post(request, pk)
    if refused:
        return refused
    query = _posted_query(request)
    form = CorrectionForm(request.POST)
    form.fields["speaker"].queryset = Speaker.objects.all()
    if not form.is_valid():
        return _claim_page(request, pk, correction_form=form, status=400, query=query)
    data = form.cleaned_data
    speaker = data["speaker"]
    try:
        with transaction.atomic():
            if data["new_speaker"].strip():
                speaker, _ = Speaker.objects.get_or_create(
                    name=" ".join(data["new_speaker"].split()),
                    defaults={"role": data["new_speaker_role"].strip(),
                              "organization": data["new_speaker_organization"]},
                )
            start, end = data["start"], data["end"]
            workflow.edit_claim(
                claim, by=request.user, version=data["version"], kind=data["kind"],
                speaker=speaker, start=start, end=end, text=claim.paragraph.text[start:end],
            )
    except workflow.WorkflowError as refusal:
        messages.error(request, str(refusal))
        return _claim_page(request, pk, correction_form=form, status=409, query=query)
    messages.success(request, "Claim corrected.")
    return _back_to(claim, query)


def _reshape(request, pk, change):
    """Split or merge from the claim page: ``change(claim, version)`` calls the workflow and
    returns the sentence that says what it did; a refusal is said instead."""
    claim, refused = _editor_post(request, pk)
    if refused:
        return refused
    query = _posted_query(request)
    try:
        messages.success(request, change(claim, _int_or_none(request.POST.get("version"))))
    except workflow.WorkflowError as refusal:
        messages.error(request, str(refusal))
    return _back_to(claim, query)


@desk_member_required
@require_POST
def split_claim(request, pk):
    def split(claim, version):
        at = _int_or_none(request.POST.get("at"))
        if at is None:
            raise workflow.MissingRequirement("Give the character to split the claim at.")
        _, new = workflow.split_claim(claim, by=request.user, version=version, at=at)
        return f"Claim split: the words after went to claim #{new.pk}."

    return _reshape(request, pk, split)


@desk_member_required
@require_POST
def merge_claim(request, pk):
    def merge(claim, version):
        other = Claim.objects.filter(pk=_id_or_none(request.POST.get("other"))).first()
        if other is None:
            raise workflow.MissingRequirement("Choose the claim to merge this one with.")
        workflow.merge_claims(
            claim, other, by=request.user, version=version, other_version=other.version
        )
        return f"Claim #{other.pk} merged into this one."

    return _reshape(request, pk, merge)
