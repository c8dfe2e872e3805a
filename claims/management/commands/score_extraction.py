import json
from pathlib import Path

from django.core.management.base import CommandError

from claims.extraction.scoring import how_rows, score_folder, table_rows
from claims.management.base import SentenceCommand


class Command(SentenceCommand):
    help = (
        "Score the extraction against a gold directory (release files with their .json "
        "annotations): quotes found, precision, right, empty and wrong speakers, per release, "
        "per language and in total. Touches no database."
    )
    requires_system_checks = []
    requires_migrations_checks = False

    def add_arguments(self, parser):
        parser.add_argument("folder", help="A directory of <slug>.txt|.html + <slug>.json.")
        parser.add_argument("--json", dest="as_json", action="store_true",
                            help="Print the scores as JSON.")
        parser.add_argument("--problems", action="store_true",
                            help="List every missed quote, wrong or empty speaker and extra.")
        parser.add_argument("--by-how", dest="by_how", action="store_true",
                            help="Then the right, empty and wrong speakers by how each was "
                                 "found (speaker_how).")

    def handle(self, *args, folder, as_json, problems, by_how, **options):
        board = score_folder(self.gold_folder(folder))
        if as_json:
            self.stdout.write(json.dumps(board.to_json(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(self.format_table(table_rows(board)))
        if by_how:
            self.stdout.write("")
            self.stdout.write(self.format_table(how_rows(board)))
        if problems:
            for score in board.releases:
                for problem in score.problems:
                    self.stdout.write(f"{score.name}: {problem}")

    @staticmethod
    def gold_folder(folder):
        path = Path(folder)
        if not path.is_dir():
            raise CommandError(f"There is no folder at {folder}; give a folder of releases "
                               "with their .json annotations.")
        if not any(path.glob("*.json")):
            raise CommandError(f"{folder} holds no .json annotations; see the corpus format "
                               "in the README's extraction section.")
        return path

    @staticmethod
    def format_table(rows):
        widths = [max(len(row[i]) for row in rows) for i in range(len(rows[0]))]
        return "\n".join(
            "  ".join(cell.ljust(width) if i == 0 else cell.rjust(width)
                      for i, (cell, width) in enumerate(zip(row, widths, strict=True)))
            for row in rows
        )
