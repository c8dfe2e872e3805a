"""Checked before at scale: the import, the matching after it, and the claim page's panel.

    DATABASE_URL=postgres://postgres@127.0.0.1:5432/factcheck_bench \\
        .venv/bin/python bench/checked_before.py --runs 7 --json bench/out/checked-before.json

Run against a benchmark data set (bench/run.py builds them) and against an empty database, and
compare. It indexes the data set's claims for matching once (``match_claims --index-only``, the
step a desk takes when matching is first set up) and then, in rolled-back transactions so the
data set stays as it was: imports the seed release under a new headline as bench/run.py does
(the import alone: matching waits for the commit), compares its claims with the desk's
(``claims.matching.match_release``, what runs after the commit), and asks for the page of its
claim with the most earlier claims, beside the login page. Medians of ``--runs``.
"""

import argparse
import json
import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def _median_ms(samples):
    return round(statistics.median(samples) * 1000, 2)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--json", type=Path)
    args = parser.parse_args(argv)
    os.environ["DJANGO_DEBUG"] = "0"
    os.environ.setdefault("DJANGO_SECRET_KEY", "bench-" + "x" * 50)
    os.environ["FACTCHECK_MATCHING"] = "off"
    # As bench/run.py: the test client's host, plain HTTP, and the request log quiet.
    os.environ["DJANGO_ALLOWED_HOSTS"] = "testserver,localhost,127.0.0.1"
    for name in ("SECURE_SSL_REDIRECT", "SESSION_COOKIE_SECURE", "CSRF_COOKIE_SECURE"):
        os.environ[f"DJANGO_{name}"] = "0"
    os.environ["DJANGO_LOG_LEVEL"] = "CRITICAL"
    os.environ.setdefault("FACTCHECK_REQUEST_LOG_LEVEL", "CRITICAL")
    os.environ["DJANGO_SETTINGS_MODULE"] = "bench.settings"
    import django

    django.setup()
    from django.contrib.auth.models import Group, User
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client

    from claims import matching
    from claims.importing import import_bytes
    from claims.models import Claim, ClaimMatch, ClaimMatchText

    call_command("migrate", verbosity=0)
    report = {"database": connection.vendor, "claims": Claim.objects.count()}
    waiting = report["claims"] - ClaimMatchText.objects.count()
    started = time.perf_counter()
    for _ in matching.index_waiting():
        pass
    report["indexed_now"] = waiting
    report["index_s"] = round(time.perf_counter() - started, 1)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("VACUUM ANALYZE claims_claimmatchtext")

    editor = User.objects.filter(groups__name="Editors", is_active=True).order_by("id").first()
    if editor is None:
        editor = User.objects.create_user("bench-editor", is_staff=True)
        editor.groups.add(Group.objects.get(name="Editors"))
    seed = (ROOT / "seed" / "nato-japan-2023-01-31.txt").read_bytes()
    anonymous, desk = Client(), Client()
    desk.force_login(editor)
    samples = {"login": [], "import": [], "match": [], "claim_page": []}
    links = []
    for run in range(args.runs + 1):
        data = seed.replace(b"\n", f" (checked before {run} {time.time()})\n".encode(), 1)
        started = time.perf_counter()
        anonymous.get("/accounts/login/")
        login = time.perf_counter() - started
        with transaction.atomic():
            started = time.perf_counter()
            result = import_bytes(data, by=editor, filename="release.txt")
            imported = time.perf_counter() - started
            started = time.perf_counter()
            made = matching.match_release(result.release.pk)
            matched = time.perf_counter() - started
            busiest = (
                ClaimMatch.objects.filter(claim__release=result.release)
                .values_list("claim_id", flat=True).order_by("claim_id").first()
            ) or Claim.objects.filter(release=result.release).values_list("pk", flat=True)[0]
            started = time.perf_counter()
            response = desk.get(f"/review/claims/{busiest}/")
            page = time.perf_counter() - started
            assert response.status_code == 200, response.status_code
            assert b"Checked before" in response.content
            transaction.set_rollback(True)
        if run == 0:  # warm-up
            continue
        links.append(made)
        for key, value in (("login", login), ("import", imported), ("match", matched),
                           ("claim_page", page)):
            samples[key].append(value)
    report.update({f"{key}_ms": _median_ms(values) for key, values in samples.items()})
    report["release_claims"] = result.claims + result.quotes
    report["links_per_import"] = links[-1] if links else 0
    report["claim_page_over_login"] = round(report["claim_page_ms"] / report["login_ms"], 1)
    report["import_and_match_ms"] = round(report["import_ms"] + report["match_ms"], 2)
    print(json.dumps(report, indent=1))
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        args.json.write_text(json.dumps(report, indent=1) + "\n")


if __name__ == "__main__":
    main()
