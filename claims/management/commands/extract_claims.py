import json

from django.core.management.base import CommandError

from claims.extraction import ExtractionError, decode_release, extract, parse_release
from claims.management.base import SentenceCommand, read_release_file


class Command(SentenceCommand):
    help = (
        "Print the headline, paragraphs, speakers, quotes and claims found in a release, "
        "without touching the database."
    )
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("path", help="The release file (.txt or .html).")
        parser.add_argument(
            "--json", dest="as_json", action="store_true", help="Print the result as JSON."
        )

    def handle(self, *args, path, as_json, **options):
        data = read_release_file(path)
        try:
            decoded = decode_release(data)
            is_html = True if path.lower().endswith((".html", ".htm")) else None
            result = extract(parse_release(decoded.text, is_html=is_html))
        except ExtractionError as error:
            raise CommandError(str(error)) from None
        if decoded.note:
            self.stderr.write(decoded.note)
        if as_json:
            self.stdout.write(_dumps(result.to_json()))
            return
        self.stdout.write(result.title)
        for index, quote in enumerate(result.quotes):
            who = quote.speaker or "unknown speaker"
            self.stdout.write(f"quote {index} (¶{quote.paragraph}, {who}): {quote.text}")
        for claim in result.claims:
            self.stdout.write(f"{claim.kind} {claim.score:.2f} (¶{claim.paragraph}): {claim.text}")


def _dumps(data):
    return json.dumps(data, ensure_ascii=False, indent=2)
