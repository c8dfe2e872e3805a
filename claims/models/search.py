"""Full-text search on SQLite: the FTS5 index of claims and its MATCH lookup."""

from django.db import models

from claims.models.claims import Claim


class SearchMatch(models.Lookup):
    """``<fts5 table's hidden column> MATCH <query>``: an SQLite FTS5 full-text search."""

    lookup_name = "match"

    def as_sql(self, compiler, connection):
        lhs, lhs_params = self.process_lhs(compiler, connection)
        rhs, rhs_params = self.process_rhs(compiler, connection)
        return f"{lhs} MATCH {rhs}", [*lhs_params, *rhs_params]


class FTS5Column(models.TextField):
    """The hidden column an FTS5 table has under its own name, which MATCH searches."""


FTS5Column.register_lookup(SearchMatch)


class ClaimSearchEntry(models.Model):
    """SQLite only: a claim's row in the FTS5 index of migration 0011 (claims.search joins it to
    rank a search by bm25). Not managed: the migration makes the table and triggers fill it."""

    claim = models.OneToOneField(
        Claim, on_delete=models.DO_NOTHING, primary_key=True, db_column="rowid",
        db_constraint=False, related_name="search_entry",
    )
    document = FTS5Column(db_column="claims_claim_search")

    class Meta:
        managed = False
        db_table = "claims_claim_search"

    def __str__(self):
        return f"Search entry of claim {self.claim_id}"
