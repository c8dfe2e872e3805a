import datetime

from django.core.management.base import CommandError

from claims import matching
from claims.importing import ImportRefused, import_bytes
from claims.management.base import SentenceCommand, read_release_file


def _date(value):
    try:
        return datetime.date.fromisoformat(value)
    except ValueError:
        raise CommandError(
            f"--published {value!r} is not a date; write it as YYYY-MM-DD."
        ) from None


class Command(SentenceCommand):
    help = "Import a press release (plain text or a saved HTML page) and extract its claims."

    def add_arguments(self, parser):
        parser.add_argument("path", help="The release file (.txt or .html).")
        parser.add_argument("--url", default="", help="Where the release was published.")
        parser.add_argument("--organization", default="", help="Who published it.")
        parser.add_argument("--published", default=None, help="Publication date, YYYY-MM-DD.")

    def handle(self, *args, path, url, organization, published, **options):
        published_on = _date(published) if published else None
        data = read_release_file(path)
        try:
            # The claims are compared with earlier ones before the command ends.
            with matching.inline():
                result = import_bytes(
                    data,
                    filename=path,
                    source_url=url,
                    organization=organization,
                    published_on=published_on,
                )
        except ImportRefused as error:
            raise CommandError(str(error)) from None
        for note in result.notes:
            self.stderr.write(note)
        self.stdout.write(result.summary())
