"""The search index of claims and releases (claims.search), on both databases, filled for the
data already there.

PostgreSQL: a ``search_document`` tsvector on each claim (its text, its speaker's name, its
release's title) and on each release (title, organization, body), each with a GIN index; the
words are stemmed in the release's language and also kept as written, accents folded (unaccent).
SQLite: FTS5 tables of the same columns (``unicode61 remove_diacritics 2``), a row per claim or
release, the rowid being its id.

Triggers keep the index in step, whatever writes the rows: the importer's bulk inserts, the
workflow's edits and corrections, the admin, a renamed speaker or retitled release, deletes,
and SQL from outside Django (the benchmark's COPY). Written once here, they spare every writer a
call it could forget.

SQLite drops a table's triggers when Django rebuilds the table (some ALTERs on SQLite copy the
table to a new one): a later migration that does so to claims_claim, claims_release or
claims_speaker must create these triggers again. tests/test_search.py fails if they are gone.
"""

from django.contrib.postgres.operations import UnaccentExtension
from django.db import migrations

# The release's language (Release.language) -> the text search configuration for its words.
LANGUAGES = {"en": "english", "fr": "french", "de": "german", "es": "spanish"}

POSTGRES_FORWARDS = [
    # One configuration per language, and one without stemming or stop words, each folding
    # accents first (unaccent), so "Zürich" and "zurich" are the same word.
    *(
        f"""
        CREATE TEXT SEARCH CONFIGURATION factcheck_{name} (COPY = pg_catalog.{name});
        ALTER TEXT SEARCH CONFIGURATION factcheck_{name}
            ALTER MAPPING FOR hword, hword_part, word WITH unaccent, {name}_stem;
        """
        for name in LANGUAGES.values()
    ),
    """
    CREATE TEXT SEARCH CONFIGURATION factcheck_simple (COPY = pg_catalog.simple);
    ALTER TEXT SEARCH CONFIGURATION factcheck_simple
        ALTER MAPPING FOR hword, hword_part, word WITH unaccent, simple;
    """,
    # Words in the release's language (stemmed, stop words left out) and as written (so a
    # search for "US" or "will" finds them too). Of the first 100,000 characters: a tsvector
    # holds at most 1 MB, which a 2 MB release of all different words would exceed, and past
    # 16,383 words it keeps no positions anyway.
    f"""
    CREATE FUNCTION factcheck_words(language text, body text) RETURNS tsvector
    LANGUAGE sql STABLE AS $$
        SELECT to_tsvector(
            CASE language {" ".join(f"WHEN '{code}' THEN 'factcheck_{name}'"
                                    for code, name in LANGUAGES.items())}
            ELSE 'factcheck_simple' END::regconfig,
            left(coalesce(body, ''), 100000)
        ) || to_tsvector('factcheck_simple', left(coalesce(body, ''), 100000))
    $$;
    """,
    # Three parts weighed A, B, C for ranking: a claim's text, its speaker's name, its release's
    # title; a release's title, its organization, its text. The middle one is a name: its
    # words as written.
    """
    CREATE FUNCTION factcheck_document(language text, a text, b text, c text) RETURNS tsvector
    LANGUAGE sql STABLE AS $$
        SELECT setweight(factcheck_words(language, a), 'A')
            || setweight(to_tsvector('factcheck_simple', coalesce(b, '')), 'B')
            || setweight(factcheck_words(language, c), 'C')
    $$;
    """,
    "ALTER TABLE claims_claim ADD COLUMN search_document tsvector;",
    "ALTER TABLE claims_release ADD COLUMN search_document tsvector;",
    """
    UPDATE claims_release SET search_document =
        factcheck_document(language, title, organization, body);
    """,
    """
    UPDATE claims_claim c SET search_document = factcheck_document(
        r.language, c.text, (SELECT s.name FROM claims_speaker s WHERE s.id = c.speaker_id),
        r.title
    ) FROM claims_release r WHERE r.id = c.release_id;
    """,
    "CREATE INDEX claim_search_idx ON claims_claim USING gin (search_document);",
    "CREATE INDEX release_search_idx ON claims_release USING gin (search_document);",
    # The planner's statistics of the new column: without them it takes every word for a
    # common one until autovacuum's next ANALYZE.
    "ANALYZE claims_claim;",
    "ANALYZE claims_release;",
    """
    CREATE FUNCTION factcheck_claim_search() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_document := factcheck_document(
            (SELECT language FROM claims_release WHERE id = NEW.release_id),
            NEW.text,
            (SELECT name FROM claims_speaker WHERE id = NEW.speaker_id),
            (SELECT title FROM claims_release WHERE id = NEW.release_id)
        );
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER claim_search_insert BEFORE INSERT ON claims_claim
        FOR EACH ROW EXECUTE FUNCTION factcheck_claim_search();
    -- Django's save() writes every column: only a change of these three remakes the document.
    CREATE TRIGGER claim_search_update BEFORE UPDATE OF text, speaker_id, release_id
        ON claims_claim FOR EACH ROW
        WHEN (OLD.text IS DISTINCT FROM NEW.text OR OLD.speaker_id IS DISTINCT FROM NEW.speaker_id
              OR OLD.release_id IS DISTINCT FROM NEW.release_id)
        EXECUTE FUNCTION factcheck_claim_search();
    """,
    """
    CREATE FUNCTION factcheck_release_search() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        NEW.search_document := factcheck_document(
            NEW.language, NEW.title, NEW.organization, NEW.body
        );
        RETURN NEW;
    END
    $$;
    CREATE TRIGGER release_search_insert BEFORE INSERT ON claims_release
        FOR EACH ROW EXECUTE FUNCTION factcheck_release_search();
    CREATE TRIGGER release_search_update BEFORE UPDATE OF language, title, organization, body
        ON claims_release FOR EACH ROW
        WHEN (OLD.language IS DISTINCT FROM NEW.language OR OLD.title IS DISTINCT FROM NEW.title
              OR OLD.organization IS DISTINCT FROM NEW.organization
              OR OLD.body IS DISTINCT FROM NEW.body)
        EXECUTE FUNCTION factcheck_release_search();
    """,
    # A retitled release or renamed speaker: their claims' documents name them too.
    """
    CREATE FUNCTION factcheck_release_claims_search() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE claims_claim c SET search_document = factcheck_document(
            NEW.language, c.text,
            (SELECT s.name FROM claims_speaker s WHERE s.id = c.speaker_id), NEW.title
        ) WHERE c.release_id = NEW.id;
        RETURN NULL;
    END
    $$;
    CREATE TRIGGER release_claims_search AFTER UPDATE OF language, title ON claims_release
        FOR EACH ROW
        WHEN (OLD.title IS DISTINCT FROM NEW.title OR OLD.language IS DISTINCT FROM NEW.language)
        EXECUTE FUNCTION factcheck_release_claims_search();
    """,
    """
    CREATE FUNCTION factcheck_speaker_claims_search() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
        UPDATE claims_claim c SET search_document = factcheck_document(
            r.language, c.text, NEW.name, r.title
        ) FROM claims_release r WHERE r.id = c.release_id AND c.speaker_id = NEW.id;
        RETURN NULL;
    END
    $$;
    CREATE TRIGGER speaker_claims_search AFTER UPDATE OF name ON claims_speaker
        FOR EACH ROW WHEN (OLD.name IS DISTINCT FROM NEW.name)
        EXECUTE FUNCTION factcheck_speaker_claims_search();
    """,
]

POSTGRES_BACKWARDS = [
    "DROP TRIGGER speaker_claims_search ON claims_speaker;",
    "DROP TRIGGER release_claims_search ON claims_release;",
    "DROP TRIGGER release_search_update ON claims_release;",
    "DROP TRIGGER release_search_insert ON claims_release;",
    "DROP TRIGGER claim_search_update ON claims_claim;",
    "DROP TRIGGER claim_search_insert ON claims_claim;",
    "DROP FUNCTION factcheck_speaker_claims_search();",
    "DROP FUNCTION factcheck_release_claims_search();",
    "DROP FUNCTION factcheck_release_search();",
    "DROP FUNCTION factcheck_claim_search();",
    "ALTER TABLE claims_claim DROP COLUMN search_document;",
    "ALTER TABLE claims_release DROP COLUMN search_document;",
    "DROP FUNCTION factcheck_document(text, text, text, text);",
    "DROP FUNCTION factcheck_words(text, text);",
    *(
        f"DROP TEXT SEARCH CONFIGURATION factcheck_{name};"
        for name in (*LANGUAGES.values(), "simple")
    ),
]

# The name of a claim's speaker and the title of its release, for a trigger on claims_claim.
_SPEAKER = "coalesce((SELECT name FROM claims_speaker WHERE id = new.speaker_id), '')"
_TITLE = "coalesce((SELECT title FROM claims_release WHERE id = new.release_id), '')"

SQLITE_FORWARDS = [
    """
    CREATE VIRTUAL TABLE claims_claim_search USING fts5(
        text, speaker, title, tokenize = 'unicode61 remove_diacritics 2'
    );
    """,
    """
    CREATE VIRTUAL TABLE claims_release_search USING fts5(
        title, organization, body, tokenize = 'unicode61 remove_diacritics 2'
    );
    """,
    """
    INSERT INTO claims_release_search (rowid, title, organization, body)
    SELECT id, title, organization, body FROM claims_release;
    """,
    """
    INSERT INTO claims_claim_search (rowid, text, speaker, title)
    SELECT c.id, c.text, coalesce(s.name, ''), r.title
    FROM claims_claim c JOIN claims_release r ON r.id = c.release_id
    LEFT JOIN claims_speaker s ON s.id = c.speaker_id;
    """,
    f"""
    CREATE TRIGGER claim_search_insert AFTER INSERT ON claims_claim BEGIN
        INSERT INTO claims_claim_search (rowid, text, speaker, title)
        VALUES (new.id, new.text, {_SPEAKER}, {_TITLE});
    END;
    """,
    f"""
    CREATE TRIGGER claim_search_update AFTER UPDATE OF text, speaker_id, release_id
    ON claims_claim WHEN new.text IS NOT old.text OR new.speaker_id IS NOT old.speaker_id
    OR new.release_id IS NOT old.release_id BEGIN
        UPDATE claims_claim_search SET text = new.text, speaker = {_SPEAKER}, title = {_TITLE}
        WHERE rowid = new.id;
    END;
    """,
    """
    CREATE TRIGGER claim_search_delete AFTER DELETE ON claims_claim BEGIN
        DELETE FROM claims_claim_search WHERE rowid = old.id;
    END;
    """,
    """
    CREATE TRIGGER release_search_insert AFTER INSERT ON claims_release BEGIN
        INSERT INTO claims_release_search (rowid, title, organization, body)
        VALUES (new.id, new.title, new.organization, new.body);
    END;
    """,
    """
    CREATE TRIGGER release_search_update AFTER UPDATE OF title, organization, body
    ON claims_release WHEN new.title IS NOT old.title OR new.organization IS NOT old.organization
    OR new.body IS NOT old.body BEGIN
        UPDATE claims_release_search
        SET title = new.title, organization = new.organization, body = new.body
        WHERE rowid = new.id;
        UPDATE claims_claim_search SET title = new.title
        WHERE new.title IS NOT old.title
        AND rowid IN (SELECT id FROM claims_claim WHERE release_id = new.id);
    END;
    """,
    """
    CREATE TRIGGER release_search_delete AFTER DELETE ON claims_release BEGIN
        DELETE FROM claims_release_search WHERE rowid = old.id;
    END;
    """,
    """
    CREATE TRIGGER speaker_search_update AFTER UPDATE OF name ON claims_speaker
    WHEN new.name IS NOT old.name BEGIN
        UPDATE claims_claim_search SET speaker = new.name
        WHERE rowid IN (SELECT id FROM claims_claim WHERE speaker_id = new.id);
    END;
    """,
]

SQLITE_BACKWARDS = [
    *(
        f"DROP TRIGGER {name};"
        for name in (
            "speaker_search_update", "release_search_delete", "release_search_update",
            "release_search_insert", "claim_search_delete", "claim_search_update",
            "claim_search_insert",
        )
    ),
    "DROP TABLE claims_release_search;",
    "DROP TABLE claims_claim_search;",
]


def forwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": POSTGRES_FORWARDS, "sqlite": SQLITE_FORWARDS}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement, params=None)


def backwards(apps, schema_editor):
    vendor = schema_editor.connection.vendor
    statements = {"postgresql": POSTGRES_BACKWARDS, "sqlite": SQLITE_BACKWARDS}.get(vendor, [])
    for statement in statements:
        schema_editor.execute(statement, params=None)


class Migration(migrations.Migration):
    dependencies = [
        ("claims", "0010_checked_before"),
    ]

    operations = [
        UnaccentExtension(),
        migrations.RunPython(forwards, backwards),
    ]
