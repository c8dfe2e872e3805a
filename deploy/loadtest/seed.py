"""The load test's desk: reviewers and editors with API tokens, and releases to work on.

Run by run.py with the load test's database in DATABASE_URL; writes the accounts (and the
text the editors import copies of) as JSON to the path given.
"""

import json
import os
import secrets
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "factcheck.settings")

import django  # noqa: E402

django.setup()

from django.contrib.auth.models import Group, User  # noqa: E402
from rest_framework.authtoken.models import Token  # noqa: E402

from claims.importing import import_text  # noqa: E402

SEED = ROOT / "seed" / "nato-japan-2023-01-31.txt"


def person(username, group):
    password = secrets.token_urlsafe(12)
    user = User.objects.create_user(username, password=password, is_staff=group == "Editors")
    user.groups.add(Group.objects.get(name=group))
    return {"username": username, "password": password,
            "token": Token.objects.create(user=user).key}  # fmt: skip


def main(out, *, reviewers=40, editors=10, releases=60):
    accounts = {
        "reviewers": [person(f"reviewer{n:02}", "Reviewers") for n in range(1, reviewers + 1)],
        "editors": [person(f"editor{n:02}", "Editors") for n in range(1, editors + 1)],
    }
    text = SEED.read_text(encoding="utf-8")
    importer = User.objects.get(username="editor01")
    for number in range(releases):
        copy = text.replace("\n", f" (archive copy {number})\n", 1)
        import_text(copy, by=importer, organization="NATO")
    accounts["release_text"] = text
    Path(out).write_text(json.dumps(accounts))


if __name__ == "__main__":
    main(sys.argv[1])
