"""The people of a busy desk, for locust (driven by deploy/loadtest/run.py).

Reviewers read the queue (the page and the API), take claims, add evidence and verify them;
editors approve, import releases and export reports. Every request is written to the journal
(LOADTEST_JOURNAL, one JSON object a line) with its time and status; every change to a claim
is written before it is sent, and again with what it changed once it is accepted, so that the
audit can check afterwards that each accepted one is in the database and that nothing happened
more often than it was asked for (an answer can be lost, to a killed server or to the end of
the run, but never a change made twice).
"""

import hashlib
import itertools
import json
import os
import random
import re
import time
import uuid

import urllib3
from locust import HttpUser, between, events, task

urllib3.disable_warnings(urllib3.exceptions.InsecureRequestWarning)  # the self-signed cert

ACCOUNTS = json.loads(open(os.environ["LOADTEST_ACCOUNTS"]).read())  # noqa: SIM115
_journal = open(os.environ["LOADTEST_JOURNAL"], "a", buffering=1)  # noqa: SIM115
_reviewers = itertools.cycle(ACCOUNTS["reviewers"])
_editors = itertools.cycle(ACCOUNTS["editors"])
RELEASE_TEXT = ACCOUNTS["release_text"]


def record(**entry):
    entry["t"] = time.time()
    _journal.write(json.dumps(entry) + "\n")


@events.request.add_listener
def journal_every_request(request_type, name, response_time, response=None, exception=None,
                          **_):
    status = getattr(response, "status_code", 0) if response is not None else 0
    record(kind="request", method=request_type, name=name, status=status or 0,
           ms=round(response_time, 1), error=str(exception)[:200] if exception else None)


def unknown(answer, **what):
    """A change whose outcome the desk never learnt (no answer, or a server error): the audit
    allows it to be in the database, or not, but not twice."""
    record(kind="unknown", status=answer.status_code or 0, **what)


class DeskPerson(HttpUser):
    abstract = True
    wait_time = between(0.5, 2.0)

    def on_start(self):
        self.client.verify = False
        self.account = next(self.accounts)
        self.client.headers["Authorization"] = f"Token {self.account['token']}"
        # A browser session too, for the pages: the login form, as a person fills it in.
        login = self.client.get("/accounts/login/", name="page: login")
        token = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', login.text)
        self.client.post(
            "/accounts/login/",
            {"username": self.account["username"], "password": self.account["password"],
             "csrfmiddlewaretoken": token.group(1) if token else ""},
            headers={"Referer": f"{self.host}/accounts/login/"},
            name="page: log in",
        )  # fmt: skip

    def claims(self, name, **filters):
        with self.client.get("/api/v1/claims/", params=filters, name=name,
                             catch_response=True) as answer:  # fmt: skip
            if answer.status_code != 200:
                answer.failure(f"{answer.status_code}")
                return []
            return answer.json()["results"]

    def transition(self, claim, action, **data):
        """POST a review action; 409 (someone was first) is an expected answer, not a failure."""
        body = {"action": action, "version": claim["version"], **data}
        record(kind="sent", claim=claim["id"], action=action)
        with self.client.post(f"/api/v1/claims/{claim['id']}/transition/", json=body,
                              name=f"api: {action}", catch_response=True) as answer:  # fmt: skip
            if answer.status_code == 200:
                after = answer.json()
                record(kind="transition", claim=claim["id"], action=action,
                       user=self.account["username"], version=after["version"],
                       status_after=after["status"])  # fmt: skip
                return after
            if answer.status_code in (403, 409):
                answer.success()  # another person got there first, or the rules said no
                record(kind="refused", claim=claim["id"], action=action,
                       status=answer.status_code)  # fmt: skip
            else:
                answer.failure(f"{answer.status_code}")
                unknown(answer, claim=claim["id"], action=action)
            return None


class Reviewer(DeskPerson):
    weight = 4
    accounts = _reviewers

    @task(4)
    def read_the_queue_page(self):
        self.client.get("/review/?status=pending", name="page: queue")

    @task(2)
    def read_the_queue_api(self):
        self.claims("api: queue", status="pending", unassigned="true")

    @task(2)
    def open_a_claim(self):
        rows = self.claims("api: queue", status="pending", page_size=20)
        if rows:
            self.client.get(f"/review/claims/{random.choice(rows)['id']}/", name="page: claim")

    @task(3)
    def take_a_claim(self):
        rows = self.claims("api: queue", status="pending", unassigned="true", page_size=20)
        if rows:
            self.transition(random.choice(rows), "take")

    @task(3)
    def check_a_claim_of_mine(self):
        rows = self.claims("api: my claims", status="in_review", assigned_to_me="true")
        if not rows:
            return
        claim = random.choice(rows)
        url = f"https://www.example.org/evidence/{uuid.uuid4().hex}"
        record(kind="sent", claim=claim["id"], action="evidence")
        with self.client.post(f"/api/v1/claims/{claim['id']}/evidence/",
                              json={"url": url, "title": "Source checked", "excerpt": "As said.",
                                    "stance": "supports"},
                              name="api: add evidence", catch_response=True) as answer:  # fmt: skip
            if answer.status_code == 201:
                record(kind="evidence", claim=claim["id"], id=answer.json()["id"], url=url,
                       user=self.account["username"])  # fmt: skip
            elif answer.status_code == 409:
                answer.success()
                return
            else:
                answer.failure(f"{answer.status_code}")
                unknown(answer, claim=claim["id"], action="evidence", url=url)
                return
        # Evidence leaves the version as it was: the claim is verified on the same one.
        self.transition(claim, "verify", rating="accurate", verdict="The figures match the record.",
                        reasoning="Checked against the source linked as evidence.")


class Editor(DeskPerson):
    weight = 1
    accounts = _editors

    @task(4)
    def approve_a_checked_claim(self):
        rows = self.claims("api: awaiting approval", status="verified")
        if rows:
            self.transition(random.choice(rows), "approve")

    @task(2)
    def read_the_releases(self):
        self.client.get("/releases/", name="page: releases")

    @task(1)
    def import_a_release(self):
        marker = uuid.uuid4().hex[:12]
        text = RELEASE_TEXT.replace("\n", f" (desk copy {marker})\n", 1)
        with self.client.post("/api/v1/releases/", json={"text": text, "organization": "NATO"},
                              name="api: import", catch_response=True) as answer:  # fmt: skip
            if answer.status_code == 201:
                record(kind="import", id=answer.json()["id"], marker=marker,
                       user=self.account["username"])  # fmt: skip
            else:
                answer.failure(f"{answer.status_code}")
                unknown(answer, action="import", marker=marker)

    @task(1)
    def export_a_report(self):
        with self.client.post("/api/v1/reports/approved/?format=csv", name="api: export",
                              catch_response=True) as answer:  # fmt: skip
            if answer.status_code == 200:
                record(kind="export", sha256=hashlib.sha256(answer.content).hexdigest(),
                       user=self.account["username"])  # fmt: skip
            else:
                answer.failure(f"{answer.status_code}")
                unknown(answer, action="export", user=self.account["username"])
