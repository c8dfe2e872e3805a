"""The admin's lists show each row as Django's own admin would, however they render it."""

from functools import partial

import pytest
from bs4 import BeautifulSoup
from django.contrib import admin
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Claim, ClaimEvent, Release, Speaker, person_name
from claims.workflow import transition
from tests import factories

HOSTILE = "<script>alert(\"1\")</script> & 'quoted'"


@pytest.fixture
def rows(db):
    release = factories.ReleaseFactory(title=f"Ministry {HOSTILE} statement")
    paragraph = factories.ParagraphFactory(release=release, text=f"The minister said {HOSTILE}.")
    speaker = factories.SpeakerFactory(name=f"Minister {HOSTILE}")
    claim = factories.ClaimFactory(paragraph=paragraph, speaker=speaker, kind="quote")
    return {Claim: claim, Release: release, Speaker: speaker}


def list_page(client, model):
    response = client.get(reverse(f"admin:claims_{model._meta.model_name}_changelist"))
    assert response.status_code == 200
    return BeautifulSoup(response.content, "html.parser")


@pytest.mark.parametrize("model", [Claim, Release, Speaker], ids=["claims", "releases", "speakers"])
def test_each_rows_checkbox_is_the_one_djangos_admin_renders(model, rows, superuser_client):
    model_admin = admin.site.get_model_admin(model)
    row = rows[model]
    stock = admin.ModelAdmin.action_checkbox(model_admin, row)

    assert model_admin.action_checkbox(row) == stock
    shown = list_page(superuser_client, model).select_one(f'input.action-select[value="{row.pk}"]')
    assert shown.attrs == BeautifulSoup(stock, "html.parser").input.attrs
    assert shown["aria-label"] == f"Select this object for an action - {row}"



def list_page_and_queries(client, model):
    with CaptureQueriesContext(connection) as queries:
        page = list_page(client, model)
    return page.tbody, len(queries)


@pytest.mark.parametrize(
    ("model", "named"), [(Claim, "reviewer"), (ClaimEvent, "editor")], ids=["claims", "history"]
)
def test_a_list_reading_only_its_columns_shows_what_whole_rows_show_with_no_query_more(
    model, named, rows, editor, reviewer, superuser_client, monkeypatch
):
    transition(rows[Claim], "assign", by=editor, assignee=reviewer, note=f"Check {HOSTILE}")
    list_page(superuser_client, model)  # what the shared cache keeps (the pickers) is kept
    trimmed, trimmed_queries = list_page_and_queries(superuser_client, model)

    model_admin = admin.site.get_model_admin(model)
    monkeypatch.setattr(
        model_admin,
        "get_changelist_instance",
        partial(admin.ModelAdmin.get_changelist_instance, model_admin),
    )
    whole, whole_queries = list_page_and_queries(superuser_client, model)

    # The claim, and the person assigned to it (claims) or who assigned it (history), by name.
    assert "The minister said" in trimmed.get_text()
    assert person_name({"reviewer": reviewer, "editor": editor}[named]) in trimmed.get_text()
    assert str(trimmed) == str(whole)
    assert trimmed_queries == whole_queries
