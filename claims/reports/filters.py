"""Which approved claims a report covers: one set of filters for the page, API and command.

The filters a person gave are kept with each recorded report in a normalized form (ids, ISO
dates, sorted lists, only the filters that were set), so two reports made with the same
filters compare equal and the reports page can say what changed between them.
"""

import datetime

import django_filters
from django import forms
from django.utils import timezone

from claims.models import Claim, ClaimKind, Rating, Release, Speaker


class ReportFilterForm(forms.Form):
    def clean(self):
        cleaned = super().clean()
        since, until = cleaned.get("since"), cleaned.get("until")
        if since and until and since > until:
            raise forms.ValidationError(
                "The “approved from” date is after the “approved until” date; swap them.",
                code="date_range",
            )
        return cleaned


class ReportFilter(django_filters.FilterSet):
    """Filters over approved claims; every filter left empty means “all”."""

    release = django_filters.ModelChoiceFilter(
        queryset=Release.objects.all(),
        label="Release",
        help_text="Only the claims of this release (its id).",
    )
    # A day is the range of moments from its midnight to the next, in the desk's time zone:
    # compared as moments, not as each claim's date, the approval index finds them.
    since = django_filters.DateFilter(
        field_name="approved_at",
        method="filter_since",
        label="Approved from",
        help_text="Approved on or after this day (YYYY-MM-DD, in the desk's time zone).",
    )
    until = django_filters.DateFilter(
        field_name="approved_at",
        method="filter_until",
        label="Approved until",
        help_text="Approved on or before this day (YYYY-MM-DD, in the desk's time zone).",
    )
    speaker = django_filters.ModelChoiceFilter(
        queryset=Speaker.objects.all(),
        label="Speaker",
        help_text="Only the claims of this speaker (their id).",
    )
    # distinct=False: the claim's own columns, which no join repeats; a SELECT DISTINCT over
    # every column made the page's count read each approved claim's whole row.
    kind = django_filters.MultipleChoiceFilter(
        choices=ClaimKind.choices, label="Kind", help_text="One or more kinds of claim.",
        distinct=False,
    )
    rating = django_filters.MultipleChoiceFilter(
        choices=Rating.choices, label="Rating", help_text="One or more ratings.",
        distinct=False,
    )

    class Meta:
        model = Claim
        fields = []
        form = ReportFilterForm

    # A day in the first or last year a date can have is before or after every approval: its
    # midnight, or the next day's, may be no moment at all (until=9999-12-31 was a 500).
    def filter_since(self, queryset, name, value):
        if value.year == datetime.MINYEAR:
            return queryset
        if value.year == datetime.MAXYEAR:
            return queryset.none()
        return queryset.filter(approved_at__gte=_midnight(value))

    def filter_until(self, queryset, name, value):
        if value.year == datetime.MAXYEAR:
            return queryset
        if value.year == datetime.MINYEAR:
            return queryset.none()
        return queryset.filter(approved_at__lt=_midnight(value + datetime.timedelta(days=1)))


def _midnight(day):
    """The moment ``day`` begins in the current (the desk's) time zone."""
    return timezone.make_aware(datetime.datetime.combine(day, datetime.time.min))


def filter_error_sentence(form):
    """All of a filter form's errors as sentences, each naming the filter it is about."""
    sentences = []
    for name, errors in form.errors.items():
        label = form.fields[name].label if name in form.fields else None
        for error in errors:
            error = error.rstrip(".")
            sentences.append(f"{label}: {error}." if label else f"{error}.")
    return " ".join(sentences)


def normalize(cleaned_data):
    """The filters that were set, as JSON-ready values in a fixed order."""
    normalized = {}
    for name in ReportFilter.base_filters:
        value = cleaned_data.get(name)
        if value in (None, "", [], ()):
            continue
        if isinstance(value, Release | Speaker):
            value = value.pk
        elif isinstance(value, datetime.date):
            value = value.isoformat()
        elif isinstance(value, list | tuple):
            value = sorted(value)
        normalized[name] = value
    return normalized


def describe(cleaned_data):
    """The filters in words, e.g. “Release “…”; approved from 2023-02-01; kinds: direct quote”."""
    parts = []
    release = cleaned_data.get("release")
    if release:
        parts.append(f"Release #{release.pk} “{release.title}”")
    since, until = cleaned_data.get("since"), cleaned_data.get("until")
    if since and until:
        parts.append(f"approved from {since.isoformat()} until {until.isoformat()}")
    elif since:
        parts.append(f"approved from {since.isoformat()}")
    elif until:
        parts.append(f"approved until {until.isoformat()}")
    speaker = cleaned_data.get("speaker")
    if speaker:
        parts.append(f"speaker {speaker.name}")
    for name, choices, word in (("kind", ClaimKind, "kinds"), ("rating", Rating, "ratings")):
        values = cleaned_data.get(name)
        if values:
            labels = ", ".join(str(choices(value).label).lower() for value in sorted(values))
            parts.append(f"{word}: {labels}")
    if not parts:
        return "All approved claims"
    text = "; ".join(parts)
    return text[0].upper() + text[1:]


def bind_filters(data=None):
    """Validate filter ``data`` (a QueryDict or dict); return the bound :class:`ReportFilter`.

    ``filterset.is_valid()`` says whether the data made sense; ``filterset.qs`` is then the
    approved claims the report covers.
    """
    return ReportFilter(data=data or {}, queryset=Claim.objects.approved())
