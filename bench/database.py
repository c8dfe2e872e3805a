"""The benchmark's own database: a file under bench/out/ or ``factcheck_bench`` on PostgreSQL.

This module runs before ``django.setup()``: it decides the DATABASE_URL, reads which data set a
database already holds (so a run can reuse it) and drops it when it must be rebuilt. It never
touches the developer's ``db.sqlite3``.
"""

import json
import sqlite3
from pathlib import Path

OUT = Path(__file__).resolve().parent / "out"
PG_HOST = "127.0.0.1"
PG_PORT = 5432
PG_USER = "postgres"
META_TABLE = "bench_dataset"
# Bump when the shape of the generated data changes, so stored data sets are rebuilt.
GENERATOR_VERSION = 1


def describe(claims):
    """What a data set of this size is, as stored next to it."""
    return {"claims": claims, "generator": GENERATOR_VERSION}


class BenchDatabase:
    def __init__(self, vendor, *, claims, name=None):
        self.vendor = vendor
        self.claims = claims
        if vendor == "sqlite":
            self.name = name or "bench"
            self.path = OUT / f"{self.name}-{claims}.sqlite3"
            self.url = f"sqlite:///{self.path}"
        elif vendor == "postgres":
            self.name = name or "factcheck_bench"
            self.url = f"postgres://{PG_USER}@{PG_HOST}:{PG_PORT}/{self.name}"
        else:
            raise ValueError(f"Unknown database {vendor!r}; use sqlite or postgres.")

    def __str__(self):
        return str(self.path) if self.vendor == "sqlite" else f"{self.name} on {PG_HOST}"

    def _pg(self, dbname):
        import psycopg

        return psycopg.connect(
            host=PG_HOST, port=PG_PORT, user=PG_USER, dbname=dbname, autocommit=True,
            connect_timeout=5,
        )

    def _pg_exists(self):
        with self._pg("postgres") as conn:
            row = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [self.name])
            return row.fetchone() is not None

    def stored_dataset(self):
        """What the database holds (the dict written by :func:`record_dataset`), or None."""
        query = f"SELECT value FROM {META_TABLE} WHERE name = 'dataset'"
        if self.vendor == "sqlite":
            if not self.path.exists():
                return None
            with sqlite3.connect(self.path) as conn:
                try:
                    row = conn.execute(query).fetchone()
                except sqlite3.OperationalError:  # no table yet: an unfinished build
                    return None
        else:
            import psycopg

            if not self._pg_exists():
                return None
            with self._pg(self.name) as conn:
                try:
                    row = conn.execute(query).fetchone()
                except psycopg.errors.UndefinedTable:
                    return None
        return json.loads(row[0]) if row else None

    def drop(self):
        if self.vendor == "sqlite":
            for suffix in ("", "-wal", "-shm", "-journal"):
                Path(f"{self.path}{suffix}").unlink(missing_ok=True)
            return
        with self._pg("postgres") as conn:
            conn.execute(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')

    def create(self):
        OUT.mkdir(exist_ok=True)
        if self.vendor == "postgres" and not self._pg_exists():
            with self._pg("postgres") as conn:
                conn.execute(f'CREATE DATABASE "{self.name}"')


def record_dataset(connection, description):
    """Record which data set the database now holds, for the next run to reuse."""
    with connection.cursor() as cursor:
        cursor.execute(
            f"CREATE TABLE IF NOT EXISTS {META_TABLE} (name varchar(50) PRIMARY KEY, value text)"
        )
        cursor.execute(f"DELETE FROM {META_TABLE} WHERE name = 'dataset'")
        cursor.execute(
            f"INSERT INTO {META_TABLE} (name, value) VALUES ('dataset', %s)",
            [json.dumps(description)],
        )
