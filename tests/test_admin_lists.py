"""The admin's lists show each row as Django's own admin would, however they render it."""

import pytest
from bs4 import BeautifulSoup
from django.contrib import admin
from django.urls import reverse

from claims.models import Claim, Release, Speaker
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
