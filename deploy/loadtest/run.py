"""`make loadtest`: a busy desk on the production set-up, through faults, and then an audit.

Two gunicorn app servers behind nginx, on PostgreSQL and on a Redis of the test's own (port
6479, started and restarted here: never the machine's shared one), all on 127.0.0.1. locust
plays 50 people for 2 minutes (deploy/loadtest/locustfile.py). 40 s in, one app server is
killed and stays down for 15 s; 80 s in, Redis is restarted. Afterwards:

- requests per second and the 50th/95th/99th percentile of each request type (locust);
- server errors (5xx) inside the window an app server was down, and outside it;
- the audit of the database (deploy/loadtest/audit.py): each claim's version matches its
  history, no claim moved without a history entry, and every change the desk was told was
  accepted (a 200 or 201) is in the database, once.

The run fails (exit 1) on a 5xx outside the window or on anything lost or doubled. Settings:
LOADTEST_DATABASE (factcheck_loadtest, dropped and made anew), LOADTEST_USERS (50),
LOADTEST_SECONDS (120).
"""

import csv
import json
import os
import shutil
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
sys.path.insert(0, str(HERE.parent))

from serve import Stack  # noqa: E402

RUN_DIR = ROOT / "var" / "loadtest"
PG = ["-h", "127.0.0.1", "-U", "postgres"]
REDIS_PORT = 6479
APP_PORTS = (8411, 8412)
DOWN_AT, DOWN_FOR, REDIS_AT = 40, 15, 80


def log(message):
    print(f"[loadtest {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class Redis:
    """A Redis of the load test's own, without persistence, on REDIS_PORT."""

    def __init__(self, folder):
        self.folder, self.process = folder, None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(REDIS_PORT), "--bind", "127.0.0.1", "--save", "",
             "--appendonly", "no", "--dir", str(self.folder), "--logfile",
             str(self.folder / "log" / "redis.log")],
            start_new_session=True,
        )  # fmt: skip
        deadline = time.monotonic() + 10
        while subprocess.run(["redis-cli", "-p", str(REDIS_PORT), "ping"], capture_output=True,
                             text=True).stdout.strip() != "PONG":  # fmt: skip
            if time.monotonic() > deadline:
                raise RuntimeError("the load test's Redis did not start")
            time.sleep(0.1)

    def stop(self):
        if self.process is not None and self.process.poll() is None:
            self.process.terminate()
            self.process.wait(timeout=10)


def main():
    for tool in ("nginx", "redis-server", "createdb", "locust"):
        found = shutil.which(tool) or (Path(sys.executable).parent / tool).exists()
        if not found:
            sys.exit(f"{tool} is missing: see the README's 'Load test' section.")
    database = os.environ.get("LOADTEST_DATABASE", "factcheck_loadtest")
    users = int(os.environ.get("LOADTEST_USERS", "50"))
    seconds = int(os.environ.get("LOADTEST_SECONDS", "120"))
    if RUN_DIR.exists():
        shutil.rmtree(RUN_DIR)
    (RUN_DIR / "log").mkdir(parents=True)
    subprocess.run(["dropdb", *PG, "--if-exists", database], check=True)
    subprocess.run(["createdb", *PG, database], check=True)

    environ = {
        **os.environ,
        "DATABASE_URL": f"postgres://postgres@127.0.0.1:5432/{database}",
        "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
        "WEB_CONCURRENCY": os.environ.get("WEB_CONCURRENCY", "2"),
    }
    redis = Redis(RUN_DIR)
    stack = Stack(RUN_DIR, app_ports=APP_PORTS, http_port=8490, https_port=8444,
                  environ=environ)  # fmt: skip
    redis.start()
    try:
        stack.prepare()
        log("making the desk: 50 people and 60 releases")
        accounts = RUN_DIR / "accounts.json"
        subprocess.run([sys.executable, str(HERE / "seed.py"), str(accounts)],
                       env=stack.app_environment(), check=True)  # fmt: skip
        stack.start()
        faults = run_locust(stack, redis, accounts, users=users, seconds=seconds)
    finally:
        stack.stop()
        redis.stop()
    report = summarize(faults, database, stack.app_environment())
    print(report["text"])
    (RUN_DIR / "report.md").write_text(report["text"])
    (RUN_DIR / "report.json").write_text(json.dumps(report["data"], indent=2))
    sys.exit(0 if report["data"]["passed"] else 1)


def run_locust(stack, redis, accounts, *, users, seconds):
    journal = RUN_DIR / "journal.jsonl"
    env = {**os.environ, "LOADTEST_ACCOUNTS": str(accounts), "LOADTEST_JOURNAL": str(journal)}
    locust = subprocess.Popen(
        [str(Path(sys.executable).parent / "locust"), "-f", str(HERE / "locustfile.py"),
         "--headless", "--users", str(users), "--spawn-rate", "10", "--run-time", f"{seconds}s",
         "--host", stack.url, "--csv", str(RUN_DIR / "locust"), "--only-summary",
         "--loglevel", "WARNING", "--exit-code-on-error", "0",
         # At the end, each person finishes the step under way rather than dropping it.
         "--stop-timeout", "30"],
        env=env, start_new_session=True,
    )  # fmt: skip
    started = time.time()
    faults = {"started": started}

    def at(offset):
        time.sleep(max(0.0, started + offset - time.time()))

    def inject():
        at(DOWN_AT)
        log(f"killing the app server on {APP_PORTS[0]}")
        faults["app_down"] = time.time()
        stack.stop_app(APP_PORTS[0], sig=signal.SIGKILL)
        at(DOWN_AT + DOWN_FOR)
        log(f"starting the app server on {APP_PORTS[0]} again")
        stack.start_app(APP_PORTS[0])
        faults["app_restarted"] = time.time()
        stack.wait_for_app(APP_PORTS[0])
        faults["app_up"] = time.time()
        at(REDIS_AT)
        log("restarting Redis")
        faults["redis_down"] = time.time()
        redis.stop()
        redis.start()
        faults["redis_up"] = time.time()

    injector = threading.Thread(target=inject, daemon=True)
    injector.start()
    locust.wait(timeout=seconds + 120)
    injector.join(timeout=60)
    faults["ended"] = time.time()
    return faults


def summarize(faults, database, environ):
    rows = read_locust_stats()
    requests = [json.loads(line) for line in (RUN_DIR / "journal.jsonl").read_text().splitlines()]
    down, up = faults.get("app_down", 0), faults.get("app_up", 0)
    errors = [r for r in requests if r["kind"] == "request" and r["status"] >= 500]
    inside = [r for r in errors if down <= r["t"] <= up]
    outside = [r for r in errors if not down <= r["t"] <= up]
    no_answer = [r for r in requests if r["kind"] == "request" and r["status"] == 0]
    audit = json.loads(
        subprocess.run(
            [sys.executable, str(HERE / "audit.py"), str(RUN_DIR / "journal.jsonl")],
            env=environ, check=True, capture_output=True, text=True,
        ).stdout
    )
    data = {
        "faults": {k: round(v - faults["started"], 1) for k, v in faults.items()},
        "requests": rows,
        "server_errors_inside_window": len(inside),
        "server_errors_outside_window": len(outside),
        "outside_window": outside[:20],
        "no_answer": len(no_answer),
        "audit": audit,
    }
    data["passed"] = not outside and not audit["problems"]
    return {"data": data, "text": render(data)}


def read_locust_stats():
    rows = []
    with (RUN_DIR / "locust_stats.csv").open() as stats:
        for row in csv.DictReader(stats):
            rows.append({
                "name": row["Name"] if row["Type"] != "" else "Aggregated",
                "method": row["Type"],
                "requests": int(row["Request Count"]),
                "failures": int(row["Failure Count"]),
                "rps": float(row["Requests/s"]),
                "p50": row["50%"], "p95": row["95%"], "p99": row["99%"],
            })  # fmt: skip
    return rows


def render(data):
    lines = [
        "# Load test", "",
        f"Faults (seconds after the start): {data['faults']}", "",
        "| request | count | failures | req/s | p50 ms | p95 ms | p99 ms |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]  # fmt: skip
    for row in data["requests"]:
        lines.append(
            f"| {row['method']} {row['name']} | {row['requests']} | {row['failures']} | "
            f"{row['rps']:.1f} | {row['p50']} | {row['p95']} | {row['p99']} |"
        )
    audit = data["audit"]
    lines += [
        "",
        f"Accepted changes by kind: {audit['accepted_by_kind']}; refused (409/403, someone "
        f"was first or a rule said no): {audit['refused']}; sent but unanswered: "
        f"{audit['unanswered']}.",
        f"5xx while an app server was down: {data['server_errors_inside_window']}; "
        f"outside that window: {data['server_errors_outside_window']}; "
        f"requests without an answer: {data['no_answer']}.",
        f"Audit: {audit['claims']} claims, {audit['events']} history entries; "
        f"accepted changes checked: {audit['accepted']}; lost: {audit['lost']}; "
        f"doubled: {audit['doubled']}; problems: {len(audit['problems'])}.",
    ]
    lines += [f"- {problem}" for problem in audit["problems"][:30]]
    lines.append("PASSED" if data["passed"] else "FAILED")
    return "\n".join(lines) + "\n"


if __name__ == "__main__":
    main()
