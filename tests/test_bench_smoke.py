"""The benchmark of issue 6 runs end to end: a smoke test, never a timing test.

``bench/run.py --quick`` builds 100,000 claims in its own SQLite file under bench/out/ (reused
by later runs), requests every page, list, export and import next to its floor once, and
compares each page's query count with a 2,000-claim data set. This fails only when something
errors or a query count grows with the data; how fast anything was does not matter here.
"""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PAGES = (
    "queue_page_ms", "claim_page_ms", "release_page_ms", "admin_changelist_ms",
    "api_claims_list_ms", "import_release_ms", "export_csv_s",
)


def run_quick_benchmark(out):
    return subprocess.run(
        [sys.executable, str(ROOT / "bench" / "run.py"), "--quick", "--runs", "1",
         "--json", str(out)],
        capture_output=True, text=True, timeout=1200, check=False,
    )


def test_quick_benchmark_measures_every_page_without_errors_or_growing_queries(tmp_path):
    out = tmp_path / "quick.json"
    finished = run_quick_benchmark(out)
    assert out.exists(), finished.stderr[-3000:]
    report = json.loads(out.read_text())

    assert report["errors"] == {}, "\n".join(report["errors"].values())
    assert report["query_growth"] == {}, report["query_growth"]
    assert finished.returncode == 0, finished.stderr[-3000:]
    assert report["dataset"]["claims"] == 100_000
    for key in PAGES:
        measured = f"{key}_ratio" in report
        missing = any(name.startswith(key.rsplit("_", 1)[0]) for name in report["missing"])
        assert measured or missing, f"{key} is neither measured nor reported missing"
    assert all(
        detail.get("rows_match") is not False for detail in report["details"].values()
    ), "a floor shows other claims than its page"
    # The table a developer reads: every measured key with its ratio and target.
    assert "queue_page_ms" in finished.stdout and "export_csv_peak_mb" in finished.stdout
