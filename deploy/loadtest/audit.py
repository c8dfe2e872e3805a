"""After the load test: is everything the desk was told it did in the database, once?

Reads the journal the locust users wrote (changes sent, accepted and refused) and
the load test's database (DATABASE_URL); prints JSON: how many claims, history entries and
accepted changes were checked, what was lost or doubled, and every problem as a sentence.
"""

import json
import os
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

import django  # noqa: E402

django.setup()

from claims.models import Claim, ClaimEvent, Evidence, Release, Report  # noqa: E402


def audit(journal):
    entries = [json.loads(line) for line in Path(journal).read_text().splitlines()]
    accepted = [e for e in entries if e["kind"] in ("transition", "evidence", "import", "export")]
    # Every change to a claim was journalled before it was sent: at most that many can have
    # happened, whatever became of the answers.
    sent = Counter((e["claim"], e["action"]) for e in entries if e["kind"] == "sent")
    problems, lost, doubled = [], 0, 0

    events = defaultdict(list)
    for event in ClaimEvent.objects.select_related("actor").order_by("created_at", "id"):
        events[event.claim_id].append(event)
    claims = {c.pk: c for c in Claim.objects.only("id", "status", "version")}

    # Each claim's version counts its changes, and its history runs from pending to where it is.
    for claim in claims.values():
        history = events.get(claim.pk, [])
        changes = [e for e in history if e.action not in ("note", "evidence")]
        if len(changes) != claim.version - 1:
            problems.append(f"claim {claim.pk} is at version {claim.version} with "
                            f"{len(changes)} changes in its history")  # fmt: skip
        status = "pending"
        for event in history:
            if event.from_status != status:
                problems.append(f"claim {claim.pk}: history entry {event.pk} ({event.action}) "
                                f"starts from {event.from_status}, not {status}")  # fmt: skip
            status = event.to_status
        if status != claim.status:
            problems.append(f"claim {claim.pk} is {claim.status} but its history ends {status}")

    # Every accepted change is there, at the version the desk was told, once.
    told = Counter()
    for entry in accepted:
        kind = entry["kind"]
        if kind == "transition":
            claim = entry["claim"]
            told[claim, entry["action"]] += 1
            changes = [e for e in events.get(claim, []) if e.action not in ("note", "evidence")]
            index = entry["version"] - 2  # version 2 is the first change
            if not (0 <= index < len(changes) and changes[index].action == entry["action"]
                    and changes[index].actor.username == entry["user"]):  # fmt: skip
                lost += 1
                problems.append(f"{entry['user']}'s {entry['action']} of claim {claim} "
                                f"(version {entry['version']}) is not in its history")  # fmt: skip
        elif kind == "evidence":
            told[entry["claim"], "evidence"] += 1
            found = Evidence.objects.filter(pk=entry["id"], claim_id=entry["claim"],
                                            url=entry["url"],
                                            added_by__username=entry["user"]).exists()  # fmt: skip
            recorded = any(e.action == "evidence" and e.note.endswith(entry["url"])
                           for e in events.get(entry["claim"], []))  # fmt: skip
            if not (found and recorded):
                lost += 1
                problems.append(f"evidence {entry['id']} on claim {entry['claim']} is missing "
                                "or not in its history")  # fmt: skip
        elif kind == "import":
            if not Release.objects.filter(pk=entry["id"], title__contains=entry["marker"]).exists():
                lost += 1
                problems.append(f"imported release {entry['id']} is missing")
        elif kind == "export" and not Report.objects.filter(
            sha256=entry["sha256"], created_by__username=entry["user"]
        ).exists():
            lost += 1
            problems.append(f"{entry['user']}'s export {entry['sha256'][:12]} is not recorded")

    # Nothing happened more often than it was asked for (a request whose answer was lost may
    # have happened once, or not).
    happened = Counter(
        (claim, event.action)
        for claim, history in events.items()
        for event in history
        if event.actor.username.startswith(("reviewer", "editor")) and event.action != "note"
    )
    for key, count in happened.items():
        if count > sent[key]:
            doubled += count - sent[key]
            problems.append(f"claim {key[0]}: {count} × {key[1]} in the history, but only "
                            f"{sent[key]} asked for")  # fmt: skip
    versions = Counter((e["claim"], e["version"]) for e in accepted if e["kind"] == "transition")
    for (claim, version), count in versions.items():
        if count > 1:
            doubled += count - 1
            problems.append(f"claim {claim}: {count} accepted changes all made version {version}")

    return {
        "claims": len(claims),
        "events": sum(len(h) for h in events.values()),
        "accepted": len(accepted),
        "accepted_by_kind": dict(Counter(e["kind"] for e in accepted)),
        "refused": sum(1 for e in entries if e["kind"] == "refused"),
        "unanswered": sum(sent.values()) - sum(told.values()) - sum(
            1 for e in entries if e["kind"] == "refused"
        ),
        "lost": lost,
        "doubled": doubled,
        "problems": problems,
    }


if __name__ == "__main__":
    print(json.dumps(audit(sys.argv[1])))
