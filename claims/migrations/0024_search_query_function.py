"""PostgreSQL: a search's words become one text search query, each form of a word once.

A word is looked up in every configuration of 0011 (it does not say its language). Most words
come out the same in all five ("vorpalquux" five times over), and the planner, adding up the
five, took a word in no claim for one in a hundred: sorted by relevance, it then read the
whole desk by date for matches there were none of (1.5 s at a million claims). Asked once, it
reads the index (under a millisecond). The claims found are the same. The function is
immutable, as ``to_tsquery`` with a named configuration is, so the planner works it out once,
before it plans, and sees the query it makes. SQLite's search (FTS5) is unchanged.
"""

import importlib

from django.db import migrations

# 0011's map of a release's language to the text search configuration of its words.
LANGUAGES = importlib.import_module("claims.migrations.0011_search_index").LANGUAGES
CONFIGS = ", ".join(f"'factcheck_{name}'" for name in ("simple", *LANGUAGES.values()))

# Each term (claims.search.Term.as_tsquery) as every configuration reads it, the different
# readings joined by "or"; the terms joined by "and". A term that is only stop words in one
# language reads as nothing there and is left out of that language's reading.
FORWARDS = f"""
CREATE FUNCTION factcheck_query(VARIADIC terms text[]) RETURNS tsquery
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
    SELECT string_agg('(' || (
        SELECT string_agg(DISTINCT reading, ' | ')
        FROM unnest(ARRAY[{CONFIGS}]::regconfig[]) AS config,
             CAST(to_tsquery(config, term) AS text) AS reading
        WHERE reading <> ''
    ) || ')', ' & ')::tsquery
    FROM unnest(terms) AS term
$$;
"""

BACKWARDS = "DROP FUNCTION factcheck_query(VARIADIC text[]);"


def forwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(FORWARDS)


def backwards(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(BACKWARDS)


class Migration(migrations.Migration):

    dependencies = [
        ("claims", "0023_release_title_index"),
    ]

    operations = [migrations.RunPython(forwards, backwards, elidable=False)]
