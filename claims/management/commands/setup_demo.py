"""A realistic desk for ``make run``: demo accounts and the sample release, in every state.

Safe to run again: accounts that exist are left as they are, and the sample release is only
imported and reviewed the first time. Every status change goes through the workflow, as if the
demo editor and reviewer had clicked the buttons themselves.
"""

import datetime
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management.base import CommandError
from django.db import transaction
from django.db.models import Count

from claims import matching
from claims.importing import ImportRefused, import_bytes
from claims.management.base import SentenceCommand, read_release_file
from claims.models import ClaimKind, Evidence, ReviewStatus
from claims.workflow import WorkflowError, add_evidence, add_note, transition

SAMPLE_PATH = settings.BASE_DIR / "seed" / "nato-japan-2023-01-31.txt"
SAMPLE = {
    "source_url": "https://www.nato.int/cps/en/natohq/news_211294.htm",
    "organization": "NATO",
    "published_on": datetime.date(2023, 1, 31),
}
RELEASE_PAGE = SAMPLE["source_url"]
JAPAN_PAGE = "https://www.nato.int/cps/en/natohq/topics_50336.htm"
# The desk's own rulings on the sample claims (the desk's words, not the speakers').
QUOTE_RULING = {
    "verdict": "NATO's own record of the visit carries these words of the Secretary General.",
    "reasoning": "The quote appears word for word in NATO's news release on his visit to Tokyo "
    "on 31 January 2023, which is linked as evidence.",
}
RELEASE_RULING = {
    "verdict": "NATO's published record of the visit says the same.",
    "reasoning": "NATO's news release on the visit, linked as evidence, gives the same account; "
    "for the other claims NATO's page on its relations with Japan agrees with it.",
}

# username, password, first name, last name, group, what they are for
ACCOUNTS = [
    ("editor", "factcheck-editor", "Erin", "Walsh", "Editors",
     "imports releases, assigns, approves; also /admin/"),
    ("editor2", "factcheck-editor2", "Eli", "Navarro", "Editors",
     "a second editor, to approve what the first one checked"),
    ("reviewer", "factcheck-reviewer", "Rita", "Okafor", "Reviewers",
     "takes claims, adds evidence, verifies or disputes"),
    ("admin", "factcheck-admin", "Desk", "Admin", None, "superuser: users and groups"),
]


class Command(SentenceCommand):
    help = (
        "Create the demo accounts and import the sample release with claims in every review "
        "state. Running it again changes nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--random-passwords",
            action="store_true",
            help="Give the new accounts random passwords (printed once) instead of the "
            "well-known demo ones. Needed to run it with debug off, on a reachable server.",
        )

    def handle(self, *args, random_passwords, **options):
        if not settings.DEBUG and not random_passwords:
            raise CommandError(
                "Debug is off, so this looks like a server: setup_demo would create accounts "
                "whose passwords are printed in the README. Run it with --random-passwords to "
                "give them random ones (printed once), or with DJANGO_DEBUG=1 on your own "
                "machine."
            )
        self.random_passwords = random_passwords
        self.passwords = {
            username: secrets.token_urlsafe(12) if random_passwords else password
            for username, password, *_ in ACCOUNTS
        }
        # The sample's claims are compared with earlier ones (match texts kept for the next
        # import) before the command ends, not in a thread the exit would cut short.
        with matching.inline(), transaction.atomic():
            users = self.create_accounts()
            release, created = self.import_sample(users["editor"])
            if created:
                try:
                    self.review_sample(release, users)
                except WorkflowError as error:
                    # The transaction rolls back the import too, so the next run starts afresh.
                    raise CommandError(
                        f"The demo review could not be set up: {error} Check that the editor "
                        "and reviewer accounts are in the Editors and Reviewers groups."
                    ) from None
        self.print_logins(users)
        self.print_release(release, created)

    def create_accounts(self):
        User = get_user_model()
        users = {}
        self.created_accounts = []
        for username, _, first, last, group, _ in ACCOUNTS:
            user = User.objects.filter(username=username).first()
            if user is None:
                user = User(
                    username=username,
                    first_name=first,
                    last_name=last,
                    email=f"{username}@example.org",
                    is_staff=group == "Editors" or group is None,
                    is_superuser=group is None,
                )
                user.set_password(self.passwords[username])
                user.save()
                if group:
                    user.groups.add(self.group(group))
                self.created_accounts.append(username)
            users[username] = user
        return users

    def group(self, name):
        try:
            return Group.objects.get(name=name)
        except Group.DoesNotExist:
            raise CommandError(
                f"The {name} group is missing; run `python manage.py migrate` first."
            ) from None

    def import_sample(self, editor):
        data = read_release_file(SAMPLE_PATH)
        try:
            result = import_bytes(data, by=editor, filename=SAMPLE_PATH.name, **SAMPLE)
        except ImportRefused as error:
            raise CommandError(f"The sample release could not be imported: {error}") from None
        return result.release, result.created

    def review_sample(self, release, users):
        """Walk some claims through the workflow, so that the desk shows every state."""
        editor, reviewer = users["editor"], users["reviewer"]
        claims = release.claims.filter(continues__isnull=True)
        quotes = list(claims.filter(kind=ClaimKind.QUOTE).order_by("paragraph__position", "start"))
        others = list(
            claims.exclude(kind=ClaimKind.QUOTE).order_by("-score", "paragraph__position", "start")
        )
        not_worth_checking = others.pop() if len(others) > 4 else None

        # Verified by the reviewer, then approved by the editor.
        for claim in quotes[:1]:
            transition(claim, "assign", by=editor, assignee=reviewer)
            self.add_evidence(claim, reviewer, RELEASE_PAGE, "Secretary General in Tokyo")
            transition(claim, "verify", by=reviewer, rating="accurate", **QUOTE_RULING)
            transition(claim, "approve", by=editor)

        # Disputed: a judgement no public source can confirm.
        for claim in quotes[1:2]:
            transition(claim, "assign", by=editor, assignee=reviewer)
            add_note(
                claim,
                by=reviewer,
                body="This is the Secretary General's reading of Beijing's intentions; "
                "I found nothing on the record that confirms or refutes it.",
            )
            transition(
                claim,
                "dispute",
                by=reviewer,
                rating="unverifiable",
                note="An assessment of another government's intentions; it cannot be checked.",
                verdict="This is a judgement of another government's intentions, which no "
                "public record can confirm or refute.",
                reasoning="The release gives it as the Secretary General's own reading. We "
                "found no published document that settles what those intentions are, so the "
                "statement cannot be checked either way.",
            )

        # Verified, waiting for an editor's approval.
        for claim, rating in zip(
            [*others[:2], *quotes[2:3]], ["accurate", "mostly_accurate", "accurate"], strict=False
        ):
            transition(claim, "take", by=reviewer)
            self.add_evidence(claim, reviewer, RELEASE_PAGE, "Secretary General in Tokyo")
            if claim.kind != ClaimKind.QUOTE:
                self.add_evidence(claim, reviewer, JAPAN_PAGE, "NATO: Relations with Japan")
            transition(claim, "verify", by=reviewer, rating=rating, **RELEASE_RULING)

        # In review with the demo reviewer: one taken, the others assigned by the editor.
        in_review = others[2:5]
        for claim in in_review[:1]:
            transition(claim, "take", by=reviewer)
            add_note(
                claim, by=reviewer, body="Looking for the text of the joint statement to compare."
            )
        for claim in in_review[1:]:
            transition(claim, "assign", by=editor, assignee=reviewer)

        if not_worth_checking is not None:
            transition(not_worth_checking, "dismiss", by=editor)

    def add_evidence(self, claim, user, url, title):
        add_evidence(
            claim,
            by=user,
            stance=Evidence.Stance.SUPPORTS,
            url=url,
            title=title,
            excerpt=claim.text if len(claim.text) <= 300 else claim.text[:299] + "…",
        )

    def print_logins(self, users):
        # Where `make run` serves the desk (it sets the publisher URL from its PORT).
        site = settings.FACTCHECK_PUBLISHER_URL
        self.stdout.write(f"factcheck demo desk: open {site} and log in as")
        for username, *_, purpose in ACCOUNTS:
            password, note = self.passwords[username], ""
            if username not in self.created_accounts:
                note = " (already there, not changed)"
                if self.random_passwords:
                    password = "(its own)"  # not the random one this run made up
            self.stdout.write(f"  {username:<9} password {password:<19} {purpose}{note}")

    def print_release(self, release, created):
        counts = dict(release.claims.order_by().values_list("status").annotate(Count("id")))
        states = ", ".join(
            f"{counts[status.value]} {status.label.lower()}"
            for status in ReviewStatus
            if counts.get(status.value)
        )
        what = f"sample release #{release.pk} “{release.title}”"
        how = f"Imported the {what}" if created else f"The {what} was already there, unchanged"
        self.stdout.write(f"{how}: {sum(counts.values())} claims ({states}).")
        site = settings.FACTCHECK_PUBLISHER_URL
        self.stdout.write(f"Review queue: {site}review/   Admin: {site}admin/")
