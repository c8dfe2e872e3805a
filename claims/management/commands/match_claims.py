from claims import matching
from claims.management.base import SentenceCommand


class Command(SentenceCommand):
    help = (
        "Compare the claims not compared yet with the desk's earlier claims (\"checked "
        "before\"): those a stopped process left, or all of them with FACTCHECK_MATCHING=off. "
        "Safe to run at any time, from cron on servers."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--batch", type=int, default=500, help="Claims compared per transaction."
        )
        parser.add_argument(
            "--index-only",
            action="store_true",
            help="Only index the waiting claims for later comparisons, without comparing them "
            "with each other: for a desk's existing claims when matching is first set up.",
        )

    def handle(self, *args, batch, index_only, **options):
        claims = links = 0
        work = matching.index_waiting if index_only else matching.match_waiting
        for done, made in work(batch=max(1, batch)):
            claims += done
            links += made
            if options["verbosity"] > 1:
                self.stdout.write(f"{claims:,} claims, {links:,} links")
        if index_only:
            self.stdout.write(f"Indexed {claims:,} claims for later comparisons.")
        else:
            self.stdout.write(
                f"Compared {claims:,} claims with the desk's earlier claims: {links:,} links."
            )
