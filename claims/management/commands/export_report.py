import os
import tempfile
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import CommandError

from claims.management.base import SentenceCommand
from claims.models import ClaimKind, Rating
from claims.reports import FORMATS, ReportRefused, export_with_filters

# Exit statuses: 2 when the command was asked for something that makes no sense (like
# argparse's own usage errors), 1 when it could not do something that makes sense.
BAD_REQUEST = 2


class Command(SentenceCommand):
    help = (
        "Export the approved claims as a report (CSV, JSON, ClaimReview JSON-LD, printable "
        "HTML or PDF) into a file, and record it like a download from the reports page."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", required=True, choices=list(FORMATS))
        parser.add_argument("--output", required=True, help="The file to write.")
        parser.add_argument("--release", help="Only the claims of this release (its id).")
        parser.add_argument("--since", help="Approved on or after this day, YYYY-MM-DD.")
        parser.add_argument("--until", help="Approved on or before this day, YYYY-MM-DD.")
        parser.add_argument("--speaker", help="Only the claims of this speaker (their id).")
        parser.add_argument(
            "--kind",
            action="append",
            choices=ClaimKind.values,
            help="Only claims of this kind; repeat for several.",
        )
        parser.add_argument(
            "--rating",
            action="append",
            choices=Rating.values,
            help="Only claims with this rating; repeat for several.",
        )
        parser.add_argument(
            "--user",
            help="The editor the report is recorded for (default: the first superuser).",
        )

    def handle(self, *args, format, output, user, **options):
        who = self.exporter(user)
        target = self.target(output)
        data = {
            name: options[name]
            for name in ("release", "since", "until", "speaker", "kind", "rating")
            if options[name]
        }
        try:
            export = export_with_filters(format, data, by=who)
        except ReportRefused as refused:
            status = BAD_REQUEST if refused.code == "invalid_filters" else 1
            raise CommandError(str(refused), returncode=status) from None
        report = self.write(export, target)
        self.stdout.write(
            f"Wrote report #{report.pk}: {report.row_count} approved "
            f"claim{'s' if report.row_count != 1 else ''} as {FORMATS[format].label} to "
            f"{target} ({report.size:,} bytes, SHA-256 {report.sha256})."
        )

    def exporter(self, username):
        User = get_user_model()
        if username:
            who = User.objects.filter(username=username).first()
            if who is None:
                raise CommandError(
                    f"There is no user “{username}”; give the username of an editor.",
                    returncode=BAD_REQUEST,
                )
            return who
        who = User.objects.filter(is_superuser=True, is_active=True).order_by("pk").first()
        if who is None:
            raise CommandError(
                "There is no superuser to record the report for; pass --user with the "
                "username of an editor."
            )
        return who

    def target(self, output):
        target = Path(output)
        if target.is_dir():
            raise CommandError(
                f"{output} is a folder; give the path of the file to write, such as "
                f"{target / 'report.csv'}.",
                returncode=BAD_REQUEST,
            )
        if not target.parent.is_dir():
            raise CommandError(
                f"There is no folder {target.parent} to write {target.name} into; create it "
                "first or choose another path.",
                returncode=BAD_REQUEST,
            )
        return target

    def write(self, export, target):
        """Write beside the target, then move into place: no half-written file is left."""
        try:
            handle, partial = tempfile.mkstemp(
                dir=target.parent, prefix=f".{target.name}.", suffix=".partial"
            )
        except OSError as error:
            raise CommandError(
                f"{target.parent} cannot be written to ({error.strerror})."
            ) from None
        pieces = iter(export)
        try:
            with os.fdopen(handle, "wb") as file:
                for piece in pieces:
                    file.write(piece)
            os.replace(partial, target)
        except OSError as error:
            raise CommandError(f"{target} could not be written ({error.strerror}).") from None
        finally:
            # An export stopped early records nothing (its transaction rolls back).
            pieces.close()
            if os.path.exists(partial):
                os.unlink(partial)
        return export.report
