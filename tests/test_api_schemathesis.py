"""Schemathesis sends generated requests, valid and invalid, to every operation of the live
schema, as an editor with a token, through the app's WSGI interface: no answer may be a server
error, every answer must be documented (status, content type, headers, body), and schema-valid
input must be accepted unless the data on file decides otherwise (tests/schemathesis_checks.py:
an id that names nothing, a split between two words, a release that is not text).

The check that schema-invalid data is refused is left out on purpose: the filters shared with
the pages read an empty value as "no filter", as a web form sends it.

All of it runs inside the test's database transaction, so nothing it creates outlives the test.
"""

import pytest
import schemathesis
from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import close_old_connections
from hypothesis import HealthCheck, Phase, settings
from rest_framework.authtoken.models import Token
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from claims import workflow
from tests import factories
from tests.schemathesis_checks import positive_data_accepted_unless_the_data_decides

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    positive_data_accepted_unless_the_data_decides,
]

# Loaded once, while tests are collected: the schema itself needs no database.
app = WSGIHandler()
schema = schemathesis.openapi.from_wsgi("/api/schema/", app)


@pytest.fixture(autouse=True)
def requests_share_the_test_transaction():
    """After each request Django closes connections it thinks are stale; inside a test that
    would end the test's transaction. Like Django's test client, keep it from doing so."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.fixture
def editor_token(editor):
    return Token.objects.create(user=editor).key


@pytest.fixture
def desk(seed_release, editor, reviewer):
    """Something to work on: the seed release with claims in several states, and a release
    imported by a command (no importer)."""
    claims = list(seed_release.claims.order_by("pk"))
    workflow.transition(claims[0], "take", by=reviewer)
    for checked in claims[1:3]:
        factories.EvidenceFactory(claim=checked, added_by=reviewer)
        factories.AnnotationFactory(claim=checked, author=reviewer)
        workflow.transition(checked, "take", by=reviewer)
        workflow.transition(checked, "verify", by=reviewer, rating="accurate", **factories.RULING)
    workflow.transition(claims[2], "approve", by=editor)
    workflow.transition(claims[3], "dismiss", by=editor)
    factories.ClaimFactory(paragraph__release=factories.ReleaseFactory(imported_by=None))
    return seed_release


@schema.parametrize()
@settings(
    max_examples=20,
    deadline=None,
    phases=[Phase.explicit, Phase.generate],
    suppress_health_check=list(HealthCheck),
)
def test_every_operation_answers_as_its_schema_says(case, desk, editor_token):
    case.call_and_validate(headers={"Authorization": f"Token {editor_token}"}, checks=CHECKS)
