"""Due dates and notifications: what editors plan and what tells people something needs them.

Setting a due date is an editor's job and goes through ``claims.workflow`` (it writes the
claim's history); a person's notifications and how they want them e-mailed are their own.
"""

from django import forms
from django.contrib import messages
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from claims import dashboard as dashboard_figures
from claims import notifications, permissions, workflow
from claims.models import Claim, Notification, NotificationSettings, Release
from claims.views.access import desk_member_required, forbidden

NOTIFICATIONS_SHOWN = 50


class DueDateForm(forms.Form):
    due_on = forms.DateField(
        label="Due date", required=False, widget=forms.DateInput(attrs={"type": "date"}),
        error_messages={"invalid": "Give the due date as a date, e.g. 2026-12-31."},
    )


class NotificationSettingsForm(forms.ModelForm):
    class Meta:
        model = NotificationSettings
        fields = ["email"]
        labels = {"email": "E-mail me"}
        widgets = {"email": forms.RadioSelect}


def _due_date_from(request):
    form = DueDateForm(request.POST)
    if not form.is_valid():
        messages.error(request, " ".join(form.errors["due_on"]))
        return None, False
    # The "Remove" button clears the date whatever the field holds.
    return (None if "clear" in request.POST else form.cleaned_data["due_on"]), True


@desk_member_required
@require_POST
def claim_due_date(request, pk):
    claim = get_object_or_404(Claim, pk=pk)
    if not permissions.can_manage(request.user):
        return forbidden(request, "Only editors set due dates; ask an editor.")
    due_on, valid = _due_date_from(request)
    if valid:
        try:
            workflow.set_due_date(claim, by=request.user, due_on=due_on)
        except workflow.WorkflowError as refusal:
            messages.error(request, str(refusal))
        else:
            messages.success(request, workflow.due_sentence(due_on))
    return redirect(claim)


@desk_member_required
@require_POST
def release_due_date(request, pk):
    release = get_object_or_404(Release.objects.only("pk", "due_on"), pk=pk)
    if not permissions.can_manage(request.user):
        return forbidden(request, "Only editors set due dates; ask an editor.")
    due_on, valid = _due_date_from(request)
    if valid:
        moved = workflow.set_release_due_date(release, by=request.user, due_on=due_on)
        messages.success(
            request,
            f"{workflow.due_sentence(due_on)} {moved} claim{'s' if moved != 1 else ''} of the "
            "release follow it; claims with a date of their own keep theirs.",
        )
    return redirect(release)


@desk_member_required
def notification_open(request, pk):
    """A notification's link: its claim, with what told this person about the claim read."""
    notification = get_object_or_404(
        Notification.objects.only("claim_id"), pk=pk, recipient=request.user
    )
    notifications.mark_read(request.user, claim_id=notification.claim_id)
    return redirect("claims:claim_detail", notification.claim_id)


@desk_member_required
def notification_list(request):
    user = request.user
    settings_row = NotificationSettings.objects.filter(user=user).first()
    if settings_row is None:
        settings_row = NotificationSettings(user=user)
    form = NotificationSettingsForm(request.POST or None, instance=settings_row)
    if request.method == "POST":
        if "mark_read" in request.POST:
            notifications.mark_read(user)
            messages.success(request, "All your notifications are marked read.")
            return redirect("claims:notification_list")
        if form.is_valid():
            form.save()
            messages.success(request, f"Saved: {form.instance.get_email_display().lower()}.")
            return redirect("claims:notification_list")
    items = list(
        Notification.objects.filter(recipient=user)
        .select_related("claim", "actor")
        .only(
            "id", "kind", "message", "created_at", "read_at", "claim__id", "claim__status",
            "actor__first_name", "actor__last_name", "actor__username",
        )[:NOTIFICATIONS_SHOWN]
    )
    return render(
        request,
        "claims/notifications.html",
        {"notifications": items, "form": form, "shown": NOTIFICATIONS_SHOWN},
    )


@desk_member_required
def dashboard(request):
    if not permissions.can_manage(request.user):
        return forbidden(request, "The desk at a glance is for editors.")
    data = dashboard_figures.figures()
    return render(
        request,
        "claims/dashboard.html",
        {
            "figures": data,
            "ages": dashboard_figures.AGES,
            "sample": dashboard_figures.SAMPLE,
            "cap": dashboard_figures.CAP,
            "import_to_approval": dashboard_figures.duration_words(data.import_to_approval),
            "take_to_verify": dashboard_figures.duration_words(data.take_to_verify),
        },
    )
