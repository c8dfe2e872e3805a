import datetime
import zoneinfo

import pytest
from django.template import Context, Template
from django.test import override_settings
from django.utils import timezone

DATES = [
    datetime.datetime(2026, 12, 5, 17, 5, 9, 123456, tzinfo=datetime.UTC),
    datetime.datetime(2024, 2, 29, 23, 59, tzinfo=datetime.UTC),  # another day in Tokyo
    datetime.datetime(2025, 1, 1, 0, 0, tzinfo=zoneinfo.ZoneInfo("America/New_York")),
    datetime.datetime(2023, 6, 30, 8, 7, 6),  # naive
    datetime.date(2023, 1, 31),
    None,
    "",
]


def _render(text, value):
    return Template("{% load claims_ui %}" + text).render(Context({"value": value}))


@pytest.mark.parametrize("zone", ["UTC", "Asia/Tokyo", "Europe/Paris"])
@pytest.mark.parametrize("value", DATES)
def test_the_time_filters_show_what_the_date_filter_shows(value, zone):
    with override_settings(TIME_ZONE=zone), timezone.override(zone):
        assert _render("{{ value|iso_time }}", value) == _render("{{ value|date:'c' }}", value)
        if not isinstance(value, datetime.date) or isinstance(value, datetime.datetime):
            assert _render("{{ value|day_and_time }}", value) == _render(
                '{{ value|date:"j M Y, H:i" }}', value
            )
