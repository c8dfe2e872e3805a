"""Benchmark every page, list, export and import of factcheck against its floor.

    python bench/run.py --claims 1000000 --db postgres --json bench/out/postgres.json
    python bench/run.py --quick --json bench/out/quick.json      # 100,000 claims on SQLite

Builds (or reuses) its own data set in its own database, measures each key as the median of
several runs next to its floor in the same run, prints a table and writes the JSON. It exits
non-zero only on errors or when a page's query count grows between a small data set and this
one; timings never fail a run. bench/README.md says what each key means.
"""

import argparse
import json
import os
import secrets
import subprocess
import sys
import time
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.database import OUT, BenchDatabase, describe  # noqa: E402

QUICK_CLAIMS = 100_000
# The data set the query counts are compared with: small, but every page has rows.
BASELINE_CLAIMS = 2_000


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--claims", type=int, help="How many claims the data set holds.")
    parser.add_argument("--db", choices=("sqlite", "postgres"), default=None)
    parser.add_argument("--quick", action="store_true",
                        help=f"{QUICK_CLAIMS:,} claims on SQLite (the CI smoke test).")
    parser.add_argument("--json", type=Path, help="Write the results here.")
    parser.add_argument("--runs", type=int, default=21,
                        help="Timed runs per key (median); the CSV export, seconds long, "
                             "takes fewer (EXPORT_RUNS in bench/measure.py).")
    parser.add_argument("--rebuild", action="store_true",
                        help="Build the data set again even if one of this size exists.")
    parser.add_argument("--database-name", default=None,
                        help="PostgreSQL database (default factcheck_bench) or SQLite file "
                             "prefix under bench/out/ (default bench).")
    parser.add_argument("--queries-only", action="store_true",
                        help="Only count queries (used for the small baseline data set).")
    parser.add_argument("--no-baseline", action="store_true",
                        help="Skip the small data set the query counts are compared with.")
    parser.add_argument("--only", action="append", default=[], metavar="KEY",
                        help="Measure only keys starting with KEY (e.g. queue_page, "
                             "export_csv); repeatable.")
    parser.add_argument("--list-runs", type=int, default=3,
                        help="Timed runs of each request of the list of every request "
                             "(median; a request slower than 5 s is timed once).")
    parser.add_argument("--timeout", type=float, default=20.0,
                        help="Seconds after which a request of the list is stopped and "
                             "reported as a timeout.")
    parser.add_argument("--combinations", action="store_true",
                        help="The list of every request takes filters, orderings, searches "
                             "and deep pages together, sampled (bench/combinations.py), "
                             "instead of one at a time.")
    parser.add_argument("--no-list", action="store_true",
                        help="Only the pages with floors, not the list of every request.")
    args = parser.parse_args(argv)
    if args.quick:
        args.claims = args.claims or QUICK_CLAIMS
        args.db = args.db or "sqlite"
    if not args.claims or not args.db:
        parser.error("give --claims N and --db sqlite|postgres, or --quick")
    return args


def log(message):
    print(f"[bench {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def configure_django(database):
    """The app's settings with DEBUG off, this benchmark's database and its floor views."""
    os.environ["DATABASE_URL"] = database.url
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-" + secrets.token_urlsafe(40))
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver,localhost,127.0.0.1"
    # The test client speaks plain HTTP; production's HTTPS redirect would answer every request.
    os.environ["DJANGO_SECURE_SSL_REDIRECT"] = "0"
    os.environ["DJANGO_SESSION_COOKIE_SECURE"] = "0"
    os.environ["DJANGO_CSRF_COOKIE_SECURE"] = "0"
    # A page that fails is reported in the results (with its traceback), not logged per request.
    os.environ["DJANGO_LOG_LEVEL"] = "CRITICAL"
    # WhiteNoise serves from the app folders here; there is no collectstatic output to scan.
    warnings.filterwarnings("ignore", message="No directory at", module="django.core.handlers")
    import logging

    import django

    django.setup()
    # One log line per request is the server's business; here it would only fill the output.
    logging.getLogger("factcheck.requests").disabled = True


def prepare(args):
    """Open the benchmark database with the data set of the asked size, building it if needed."""
    database = BenchDatabase(args.db, claims=args.claims, name=args.database_name)
    wanted = describe(args.claims)
    stored = database.stored_dataset()
    reuse = not args.rebuild and stored is not None and stored.get("dataset") == wanted
    if not reuse:
        if stored is not None or args.rebuild:
            log(f"dropping {database} to rebuild it")
        database.drop()
    database.create()
    configure_django(database)

    from django.core.management import call_command
    from django.db import connection

    from bench import dataset
    from bench.database import record_dataset

    log(f"migrating {database}")
    call_command("migrate", verbosity=0, interactive=False)
    if reuse:
        log(f"reusing the data set of {args.claims:,} claims in {database} "
            f"(built in {stored['build']['build_s']} s; --rebuild to build it again)")
        build = dict(stored["build"], reused=True)
    else:
        log(f"building {args.claims:,} claims in {database}")
        build = dataset.Builder(args.claims, log=log).build()
        record_dataset(connection, {"dataset": wanted, "build": build})
        log(f"built in {build['build_s']} s")
        build["reused"] = False
    return database, build


def baseline_queries(args):
    """Query counts on a small data set of the same shape, measured in a child process."""
    out = OUT / f"baseline-{args.db}.json"
    command = [sys.executable, str(Path(__file__)), "--claims", str(BASELINE_CLAIMS),
               "--db", args.db, "--queries-only", "--no-baseline", "--json", str(out),
               "--timeout", str(args.timeout), *(["--no-list"] if args.no_list else []),
               *(["--combinations"] if args.combinations else []),
               "--database-name", "factcheck_bench_small" if args.db == "postgres" else "bench"]
    log(f"counting queries on a {BASELINE_CLAIMS:,}-claim data set for comparison")
    finished = subprocess.run(command, check=False)
    if finished.returncode != 0 or not out.exists():
        return None
    return json.loads(out.read_text())


def main(argv=None):
    args = parse_args(argv)
    OUT.mkdir(exist_ok=True)
    database, build = prepare(args)

    from bench import measure

    report = measure.run(args, database=database, build=build, log=log)
    if not args.queries_only and not args.no_baseline and args.claims > BASELINE_CLAIMS:
        baseline = baseline_queries(args)
        measure.compare_queries(report, baseline)
    if args.json is None:
        args.json = OUT / f"bench-{args.db}-{args.claims}.json"
    args.json.parent.mkdir(parents=True, exist_ok=True)
    args.json.write_text(json.dumps(report, indent=2, sort_keys=True, default=str) + "\n")
    if not args.queries_only:
        print(measure.table(report))
        if "every" in report:
            from bench.every import markdown

            table = args.json.with_suffix(".md")
            table.write_text(markdown(report, report["every"]) + _growth_lines(report))
            log(f"the table of every request: {table}")
    if report["errors"]:
        log("errors: " + "; ".join(f"{k}: {v.splitlines()[-1]}"
                                    for k, v in report["errors"].items()))
    return 1 if report["errors"] or report["query_growth"] else 0


def _growth_lines(report):
    lines = [f"- `{key}`: {c['small']} queries on the small data set, {c['large']} here"
             for key, c in report["query_growth"].items()]
    errors = [f"- `{key}`: {error.strip().splitlines()[-1] if error else ''}"
              for key, error in report["errors"].items()]
    allowed = [f"- `{key}`: {c['small']} then {c['large']} ({c['why']})"
               for key, c in report.get("query_growth_allowed", {}).items()]
    text = ""
    if allowed:
        text += ("\nQuery counts that grow by design (not a failure):\n\n"
                 + "\n".join(allowed) + "\n")
    if lines:
        text += "\nQuery counts that grow (the run fails):\n\n" + "\n".join(lines) + "\n"
    if errors:
        text += "\nErrors (the run fails):\n\n" + "\n".join(errors) + "\n"
    return text


if __name__ == "__main__":
    sys.exit(main())
