"""After migrations, PostgreSQL's planner is given statistics for the claims' tables."""

import pytest
from django.apps import apps
from django.db import connection
from django.test.utils import CaptureQueriesContext

from claims.apps import refresh_planner_statistics

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(connection.vendor != "postgresql", reason="PostgreSQL's planner"),
]


def _analysed(plan):
    with CaptureQueriesContext(connection) as queries:
        refresh_planner_statistics(apps.get_app_config("claims"), using="default", plan=plan)
    return {q["sql"].split()[-1].strip('"') for q in queries if q["sql"].startswith("ANALYZE")}


@pytest.mark.django_db
def test_applied_migrations_leave_the_claims_tables_analysed():
    analysed = _analysed(plan=[("a migration", False)])

    assert {"claims_claim", "claims_release", "claims_speaker"} <= analysed


@pytest.mark.django_db
def test_a_migrate_with_nothing_to_apply_costs_nothing():
    assert _analysed(plan=[]) == set()
