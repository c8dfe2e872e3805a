"""What factcheck's commands share: plain-sentence errors and reading a release file."""

import sys
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError


class SentenceCommand(BaseCommand):
    """A command whose errors reach the terminal as one sentence, without a class name."""

    def run_from_argv(self, argv):
        self._from_terminal = True
        super().run_from_argv(argv)

    def execute(self, *args, **options):
        try:
            return super().execute(*args, **options)
        except CommandError as error:
            # Django would print "CommandError: ..."; a person wants just the sentence.
            if not getattr(self, "_from_terminal", False) or options.get("traceback"):
                raise
            self.stderr.write(str(error))
            sys.exit(error.returncode)


def read_release_file(path):
    """Return the bytes of the file at ``path`` or raise a CommandError saying what is wrong."""
    file = Path(path)
    if not file.exists():
        raise CommandError(f"There is no file at {path}; check the path and try again.")
    if not file.is_file():
        raise CommandError(f"{path} is a folder, not a file; give the path of a release file.")
    size = file.stat().st_size
    limit = settings.FACTCHECK_MAX_RELEASE_BYTES
    if size > limit:
        raise CommandError(
            f"{path} is {size:,} bytes, over the limit of {limit:,} bytes; "
            "import a shorter file or raise FACTCHECK_MAX_RELEASE_BYTES."
        )
    try:
        return file.read_bytes()
    except OSError as error:
        raise CommandError(f"{path} could not be read ({error.strerror}).") from None
