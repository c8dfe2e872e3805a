"""The benchmark runs end to end on a tiny data set: a smoke test, never a timing test.

``bench/run.py`` builds 3,000 claims in its own SQLite file under bench/out/ (reused by later
runs), requests every page next to its floor once, then every request of its list (every URL
of the project with each filter, ordering, search and deep page it offers, the exports and
the imports) once, and compares each one's query count with a 2,000-claim data set. This fails
when a request answers 5xx, when a query count grows with the data, or when a URL of the
project is neither requested nor said why not; how fast anything was does not matter here.
"""

import json
import subprocess
import sys
from pathlib import Path

import pytest

from bench.catalog import SKIPPED_PREFIXES, url_patterns

ROOT = Path(__file__).resolve().parent.parent
PAGES = (
    "queue_page_ms", "claim_page_ms", "release_page_ms", "admin_changelist_ms",
    "api_claims_list_ms", "import_release_ms", "export_csv_s",
)
TINY_CLAIMS = 3_000


@pytest.fixture(scope="module")
def tiny_run(tmp_path_factory):
    out = tmp_path_factory.mktemp("bench") / "tiny.json"
    finished = subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--claims", str(TINY_CLAIMS),
         "--db", "sqlite", "--runs", "1", "--list-runs", "0", "--timeout", "10",
         "--json", str(out)],
        capture_output=True, text=True, timeout=900, check=False,
    )
    assert out.exists(), finished.stderr[-3000:]
    return finished, json.loads(out.read_text()), out


def test_the_benchmark_runs_every_request_without_errors_or_growing_queries(tiny_run):
    finished, report, _ = tiny_run

    assert report["errors"] == {}, "\n".join(report["errors"].values())
    assert report["query_growth"] == {}, report["query_growth"]
    assert finished.returncode == 0, finished.stderr[-3000:]
    assert report["dataset"]["claims"] == TINY_CLAIMS
    for key in PAGES:
        measured = f"{key}_ratio" in report
        missing = any(name.startswith(key.rsplit("_", 1)[0]) for name in report["missing"])
        assert measured or missing, f"{key} is neither measured nor reported missing"
    assert all(
        detail.get("rows_match") is not False for detail in report["details"].values()
    ), "a floor shows other claims than its page"
    # The table a developer reads: every measured key with its ratio and target.
    assert "queue_page_ms" in finished.stdout and "export_csv_peak_mb" in finished.stdout


def test_every_url_of_the_project_is_requested_or_said_why_not(tiny_run):
    _, report, _ = tiny_run
    every = report["every"]
    keys = [request["key"] for request in every["requests"]]
    for pattern in url_patterns():
        template = pattern.template
        if template.startswith(SKIPPED_PREFIXES):
            continue
        requested = any(key.split(" ")[1] == template for key in keys)
        assert requested or template in every["skipped"], f"{template} is not in the list"


def test_the_list_takes_each_filter_ordering_search_and_deep_page(tiny_run):
    _, report, _ = tiny_run
    keys = {request["key"] for request in report["every"]["requests"]}
    for key in (
        "GET /review/ ?status=pending",  # a filter's choice
        "GET /review/ ?ordering=-newest",  # an ordering
        "GET /review/ ?q=<common>", "GET /review/ ?q=<rare>", "GET /review/ ?q=<none>",
        "GET /review/ ?q=<mid>", "GET /admin/claims/claim/ ?q=<phrase>",
        "GET /review/ ?q=<mid>&ordering=-relevance",  # a search sorted by relevance
        "GET /api/v1/claims/ ?q=<phrase>&ordering=-relevance",
        "GET /review/ ?after=<deep>&page=<deep>",  # a deep page by cursor
        "GET /releases/ ?page=<last>",  # the last page by number
        "GET /admin/claims/claim/ ?status__exact=pending",  # an admin filter
        "GET /api/v1/claims/ ?ordering=newest",  # an ordering from the OpenAPI schema
        "GET /api/v1/claims/<pk>/",  # an API detail
        "POST /reports/export/ format=csv",  # an export
        "POST /releases/import/ file=<seed release>",  # an import
    ):
        assert key in keys, f"{key} is not in the list"


def test_the_list_is_written_as_a_table_worst_first(tiny_run):
    _, report, out = tiny_run
    table = out.with_suffix(".md").read_text()
    assert "| # | request | median ms | x login | queries | status |" in table
    ratios = [r["ratio"] for r in report["every"]["requests"] if "ratio" in r]
    assert ratios == sorted(ratios, reverse=True)
    assert report["every"]["login_ms"] > 0
