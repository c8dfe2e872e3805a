"""The admin's “Export selected approved claims” action on the claim list.

The first click shows how many of the selected claims are approved (only those go into a
report) and asks for the format; the second writes the report, records it like a download from
the reports page and sends it.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.core.exceptions import PermissionDenied
from django.template.response import TemplateResponse

from claims import permissions
from claims.reports.http import export_response
from claims.reports.printable import PRINTABLE_LIMIT
from claims.reports.recording import FORMATS, Export, ReportRefused

# Approved claims named on the confirmation page; the rest are counted.
SHOWN = 20


class ExportFormatForm(forms.Form):
    format = forms.ChoiceField(
        label="Format",
        choices=[(spec.name, spec.label) for spec in FORMATS.values()],
        initial="csv",
        widget=forms.RadioSelect,
        help_text=f"Printable HTML and PDF hold at most {PRINTABLE_LIMIT:,} claims.",
    )


@admin.action(description="Export selected approved claims")
def export_selected_approved_claims(modeladmin, request, queryset):
    if not permissions.can_export(request.user):
        raise PermissionDenied("Only editors can export reports of approved claims.")
    approved = queryset.approved().select_related(None).order_by("pk")
    form = ExportFormatForm(request.POST if "apply" in request.POST else None)
    if form.is_bound and form.is_valid():
        ids = list(approved.values_list("pk", flat=True))
        if not ids:
            modeladmin.message_user(
                request,
                "None of the selected claims is approved, and only approved claims go into a "
                "report; approve them first or select approved ones.",
                messages.ERROR,
            )
            return None
        try:
            export = Export(
                form.cleaned_data["format"],
                approved,
                by=request.user,
                filters={"claims": ids},
                description=f"{len(ids)} approved claim{'s' if len(ids) != 1 else ''} "
                "selected in the admin",
                base_url=request.build_absolute_uri("/"),
            )
        except ReportRefused as refused:
            modeladmin.message_user(request, str(refused), messages.ERROR)
            return None
        return export_response(export)

    count = approved.count()
    context = {
        **modeladmin.admin_site.each_context(request),
        "title": "Export selected approved claims",
        "opts": modeladmin.opts,
        "form": form,
        "claims": list(approved.only("pk", "text")[:SHOWN]),
        "count": count,
        "more": max(count - SHOWN, 0),
        "left_out": queryset.count() - count,
        "action": "export_selected_approved_claims",
        "selected": request.POST.getlist(helpers.ACTION_CHECKBOX_NAME),
        "select_across": request.POST.get("select_across", "0"),
        "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
        "media": modeladmin.media,
    }
    return TemplateResponse(request, "claims/reports/admin_export.html", context)
