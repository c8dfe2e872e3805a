"""Importing a press release: bytes or text in, a Release with paragraphs, speakers and claims out.

Shared by the import command, the import page and the API. Extraction itself is pure text
processing (``claims.extraction``); this module adds the size limit, de-duplication by content
hash and the single transaction that saves everything or nothing.
"""

import dataclasses
import functools
import hashlib
from collections import defaultdict
from typing import NamedTuple

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import connection, transaction
from django.utils import timezone

from claims import matching
from claims.extraction import ExtractionError, budget, decode_release, extract, parse_release
from claims.extraction.claims import reasons_for, score_for
from claims.models import Claim, ClaimKind, Paragraph, Release, Speaker, SpeakerRole
from claims.validators import validate_web_address


class ImportRefused(Exception):
    """The input cannot be imported; ``str(error)`` says why and what to do."""


@dataclasses.dataclass
class ImportResult:
    release: Release
    created: bool
    paragraphs: int = 0
    speakers: int = 0
    quotes: int = 0
    claims: int = 0
    notes: list = dataclasses.field(default_factory=list)

    def summary(self):
        if not self.created:
            return f"Already imported as release #{self.release.pk}: “{self.release.title}”."
        return (
            f"Imported release #{self.release.pk} “{self.release.title}”: "
            f"{self.paragraphs} paragraphs, {self.speakers} speakers, "
            f"{self.quotes} quotes, {self.claims} claims."
        )


def _size_limit_sentence(size):
    limit = settings.FACTCHECK_MAX_RELEASE_BYTES
    return (
        f"The release is {size:,} bytes, over the limit of {limit:,} bytes; "
        "import a shorter text or raise FACTCHECK_MAX_RELEASE_BYTES."
    )


def import_bytes(data, *, by=None, filename="", **metadata):
    """Decode an uploaded file (any newline style, with or without BOM) and import it."""
    if len(data) > settings.FACTCHECK_MAX_RELEASE_BYTES:
        raise ImportRefused(_size_limit_sentence(len(data)))
    try:
        decoded = decode_release(data)
    except ExtractionError as error:
        raise ImportRefused(str(error)) from None
    is_html = True if filename.lower().endswith((".html", ".htm")) else None
    result = import_text(decoded.text, by=by, is_html=is_html, **metadata)
    if decoded.note:
        result.notes.append(decoded.note)
    return result


def _check_limit(count, limit, what, setting):
    if count > limit:
        raise ImportRefused(
            f"This release has {count:,} {what}; factcheck takes at most {limit:,}. "
            f"Split it or raise {setting}."
        )


def content_sha256(paragraphs):
    """The fingerprint of a release's normalized text: the same text gives the same hash."""
    return hashlib.sha256("\n".join(paragraphs).encode("utf-8")).hexdigest()


def worthiness(text, kind):
    """The score and reasons of a span: its check-worthiness from what it says (a figure or
    a date outranks a pledge), quotes included, which have "direct_quote" first among their
    reasons. For quotes on import and for claims an editor adds, splits or merges."""
    reasons = reasons_for(text)
    if kind == ClaimKind.QUOTE:
        return score_for(reasons), ["direct_quote", *reasons]
    return score_for(reasons), reasons


def import_text(
    text, *, by=None, is_html=None, source_url="", organization="", published_on=None,
    language=None,
):
    """Import a release from text (plain or HTML); an identical release is found, not doubled.

    The release's language is the one extraction detects, unless ``language`` is given.
    A release with more paragraphs or claims than the settings allow is refused, and
    nothing of it is saved.
    """
    if source_url:
        try:
            validate_web_address(source_url)
        except ValidationError:
            raise ImportRefused(
                f"The source URL “{source_url}” is not a web address; give one starting with "
                "https:// or http://, or leave it out."
            ) from None
    size = len(text.encode("utf-8"))
    if size > settings.FACTCHECK_MAX_RELEASE_BYTES:
        raise ImportRefused(_size_limit_sentence(size))
    # NUL characters: no database keeps them in text (PostgreSQL refuses them).
    text = text.replace("\x00", "")
    try:
        with budget():
            parsed = parse_release(text, is_html=is_html)
            _check_limit(len(parsed.paragraphs), settings.FACTCHECK_MAX_PARAGRAPHS,
                         "paragraphs", "FACTCHECK_MAX_PARAGRAPHS")
            extraction = extract(parsed)
    except ExtractionError as error:
        raise ImportRefused(str(error)) from None
    _check_limit(len(extraction.quotes) + len(extraction.claims), settings.FACTCHECK_MAX_CLAIMS,
                 "quotes and claims", "FACTCHECK_MAX_CLAIMS")

    digest = content_sha256(extraction.paragraphs)
    result = _save(
        extraction,
        digest,
        body=text,
        by=by,
        source_url=source_url,
        organization=organization,
        published_on=published_on,
        language=language or extraction.language,
        left_out=extraction.left_out,
    )
    if result is None:
        # The same text was imported before, or by someone else at this very moment: the
        # unique fingerprint let the first one in, and this import finds it.
        existing = Release.objects.filter(content_sha256=digest).order_by().get()
        return ImportResult(release=existing, created=False)
    # Compared with the desk's earlier claims once the release is committed, not before: the
    # editor who imports does not wait for it (claims.matching).
    matching.schedule(result.release.pk)
    return result


# The import writes its rows with statements of its own, not through model instances: for the
# seed release, saving through ``create`` and ``bulk_create`` took twice as long on PostgreSQL
# (16 ms against 8), most of it spent building and preparing the instances, and put the import
# past three times the cost of extraction (bench/README.md). The statements are plain
# INSERT … RETURNING and UPDATE, which SQLite and PostgreSQL both take; the models still decide
# the columns, their defaults and how JSON and dates are stored.


@transaction.atomic
def _save(extraction, digest, *, body, by, **metadata):
    """Store the release and all it holds; None if a release with this fingerprint exists."""
    now = timezone.now()
    release_values = {
        "title": extraction.title[:500],
        "body": body,
        "content_sha256": digest,
        "imported_by": by.pk if by is not None and by.is_authenticated else None,
        "created_at": now,
        **metadata,
    }
    inserted = _insert(Release, [release_values], unless_taken="content_sha256")
    if not inserted:
        return None
    release = Release.from_db(
        connection.alias,
        [field.attname for field in Release._meta.concrete_fields],
        [
            # A column the import leaves to its default (a due date) reads as that default.
            inserted[0] if field.primary_key
            else release_values.get(field.name, field.get_default())
            for field in Release._meta.concrete_fields
        ],
    )
    paragraph_ids = _insert(
        Paragraph,
        [
            {"release": release.pk, "position": index, "text": text}
            for index, text in enumerate(extraction.paragraphs)
        ],
    )
    speaker_ids = _save_speakers(extraction.speakers)
    _save_roles(extraction.speakers, speaker_ids, release)

    def claim_row(item, kind, score, reasons, attribution="", how="", sure=False, note=""):
        return {
            "release": release.pk,
            "paragraph": paragraph_ids[item.paragraph],
            "kind": kind,
            "text": item.text,
            "start": item.start,
            "end": item.end,
            "speaker": speaker_ids.get(item.speaker),
            "attribution": attribution,
            "score": score,
            "reasons": reasons,
            "speaker_how": how,
            "speaker_sure": sure,
            "speaker_note": note[:300],
            "created_at": now,
            "updated_at": now,
        }

    quotes = [
        claim_row(
            item,
            ClaimKind.QUOTE.value,
            *worthiness(item.text, ClaimKind.QUOTE),
            attribution=(item.attribution or "")[:500],
            how=item.speaker_how,
            sure=item.speaker_sure,
            note=item.speaker_note,
        )
        for item in extraction.quotes
    ]
    claims = [
        claim_row(item, item.kind, item.score, list(item.reasons)) for item in extraction.claims
    ]
    # Quotes and claims go in together; the links between them (a quote's continuation, a
    # headline repeating a quote) follow once the quotes have their ids, one small update per
    # quote pointed at: a second insert into the claims table, with all its indexes, costs
    # several times more.
    claim_ids = _insert(Claim, quotes + claims)
    quote_ids, other_ids = claim_ids[: len(quotes)], claim_ids[len(quotes) :]
    links = defaultdict(list)
    for claim_id, item in zip(quote_ids, extraction.quotes, strict=True):
        if item.continues is not None:
            links["continues", quote_ids[item.continues]].append(claim_id)
    for claim_id, item in zip(other_ids, extraction.claims, strict=True):
        if item.repeats is not None:
            links["repeats", quote_ids[item.repeats]].append(claim_id)
    for (link, quote_id), pointing in links.items():
        _link(link, quote_id, pointing)
    return ImportResult(
        release=release,
        created=True,
        paragraphs=len(paragraph_ids),
        speakers=len(extraction.speakers),
        quotes=len(quotes),
        claims=len(claims),
    )


def _save_speakers(found):
    """Find or create each speaker by canonical name, merging the aliases seen this time.

    Returns the speakers' ids by name. Imports run at the same moment may name the same
    speaker, so a new one is inserted with ON CONFLICT DO NOTHING (whoever comes second finds
    the first one's row instead of failing on the unique name) and every speaker is then read
    back under a row lock: an alias merged here is merged into what the other import just
    stored, never over it (without the lock, eight imports each adding an alias kept five).
    """
    if not found:
        return {}
    # Names are stored cut to the field's length, so they are looked up the same way.
    name_of = {item.name: item.name[:200] for item in found}
    seen = {}
    for item in found:
        entry = seen.setdefault(
            name_of[item.name], {"role": "", "organization": "", "aliases": set()}
        )
        entry["role"] = entry["role"] or (item.role or "")[:300]
        entry["organization"] = entry["organization"] or (item.organization or "")[:200]
        entry["aliases"].update(item.aliases)
    # Inserted in one order by every import, so two of them never wait on each other's rows.
    names = sorted(seen)
    _insert(
        Speaker,
        [{"name": name, **seen[name], "aliases": sorted(seen[name]["aliases"])}
         for name in names],
        unless_taken="name",
    )
    ids = {}
    for speaker_id, name, role, organization, aliases, merged_into in _locked_speakers(names):
        # A record merged into another speaks for that one (claims.workflow.merge_speakers).
        ids[name] = merged_into or speaker_id
        entry = seen[name]
        merged = sorted(set(aliases) | entry["aliases"])
        updates = {}
        if merged != aliases:
            updates["aliases"] = merged
        if not role and entry["role"]:
            updates["role"] = entry["role"]
        if not organization and entry["organization"]:
            updates["organization"] = entry["organization"]
        if updates:
            Speaker.objects.filter(pk=speaker_id).update(**updates)
    return {item.name: ids[name_of[item.name]] for item in found}


def _locked_speakers(names):
    """(id, name, role, organization, aliases, merged into) of the speakers by these names,
    each row locked until the import's transaction ends (where the database locks rows), in
    name order."""
    quote = connection.ops.quote_name
    fields = [Speaker._meta.get_field(name) for name in ("id", "name", "role", "organization")]
    aliases = Speaker._meta.get_field("aliases")
    merged_into = Speaker._meta.get_field("merged_into")
    lock = " FOR UPDATE" if connection.features.has_select_for_update else ""
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT {', '.join(quote(field.column) for field in fields)}, "
            f"{quote(aliases.column)}, {quote(merged_into.column)} "
            f"FROM {quote(Speaker._meta.db_table)} "
            f"WHERE {quote(fields[1].column)} IN ({', '.join(['%s'] * len(names))}) "
            f"ORDER BY {quote(fields[1].column)}{lock}",
            names,
        )
        return [
            (*row[:4], aliases.from_db_value(row[4], None, connection), row[5])
            for row in cursor.fetchall()
        ]


def _save_roles(found, speaker_ids, release):
    """Remember the role each speaker has in this release: a new role is a new row of their
    record (first and latest release this one), a known one takes this as its latest."""
    seen_on = release.published_on or release.created_at.date()
    rows = {}
    for item in found:
        if item.role:
            key = (speaker_ids[item.name], item.role[:300], (item.organization or "")[:200])
            rows[key] = SpeakerRole(
                speaker_id=key[0], role=key[1], organization=key[2], first_release=release,
                first_seen=seen_on, last_release=release, last_seen=seen_on,
            )
    if rows:
        SpeakerRole.objects.bulk_create(
            [rows[key] for key in sorted(rows)], update_conflicts=True,
            unique_fields=["speaker", "role", "organization"],
            update_fields=["last_release", "last_seen"],
        )


# Each backend's driver takes text and numbers as they are; JSON and dates go through the
# field, which knows how this database stores them.
_PREPARED_TYPES = {"JSONField", "DateField", "DateTimeField"}


def _insert(model, rows, *, unless_taken=None):
    """Insert ``rows`` (dicts by field name, all with the same keys) and return their new ids.

    The model's defaults fill the columns the rows leave out, as ``bulk_create`` would. With
    ``unless_taken``, a unique field, a row whose value is already taken is skipped: it is
    meant for one row, and an empty list then says the row was there.
    """
    if not rows:
        return []
    names = tuple(rows[0])
    plan = _insert_plan(model, names, unless_taken, connection.vendor)
    defaults = [field.get_db_prep_save(_default(field), connection) for field in plan.others]
    columns = []
    for name, given, prepared in zip(names, plan.given, plan.prepared, strict=True):
        column = [row[name] for row in rows]
        if prepared:
            column = [given.get_db_prep_save(value, connection) for value in column]
        columns.append(column)

    if plan.unnested and len(rows) > 1:
        statements = [(plan.unnested, [*defaults, *columns])]
    else:
        batch = connection.ops.bulk_batch_size(plan.given + plan.others, rows)
        statements = []
        for first in range(0, len(rows), batch):
            chunk = list(zip(*(column[first : first + batch] for column in columns), strict=True))
            statements.append(
                (
                    f"{plan.head}VALUES {', '.join([plan.row] * len(chunk))}{plan.tail}",
                    [value for row in chunk for value in (*row, *defaults)],
                )
            )
    ids = []
    with connection.cursor() as cursor:
        for sql, params in statements:
            cursor.execute(sql, params)
            ids.extend(row[0] for row in cursor.fetchall())
    return ids


class _InsertPlan(NamedTuple):
    given: list  # the fields the rows hold, in their order
    prepared: list  # for each of those, whether its values go through the field first
    others: list  # the fields left to their defaults
    head: str  # INSERT INTO … (columns)
    row: str  # one row's placeholders
    tail: str  # [ON CONFLICT …] RETURNING id
    unnested: str | None  # on PostgreSQL, the whole statement taking one array per column


@functools.cache
def _insert_plan(model, names, unless_taken, vendor):
    """How :func:`_insert` writes rows of ``names`` into ``model``'s table, worked out once."""
    opts = model._meta
    given = [opts.get_field(name) for name in names]
    others = [
        field
        for field in opts.concrete_fields
        if field.name not in names and not field.primary_key
    ]
    quote = connection.ops.quote_name
    head = (
        f"INSERT INTO {quote(opts.db_table)} "
        f"({', '.join(quote(field.column) for field in given + others)}) "
    )
    tail = f" RETURNING {quote(opts.pk.column)}"
    if unless_taken:
        tail = f" ON CONFLICT ({quote(opts.get_field(unless_taken).column)}) DO NOTHING{tail}"
    unnested = None
    if vendor == "postgresql":
        # One array per column, unnested into rows: the statement reads the same whatever the
        # number of rows, so neither the driver nor the server parses it anew each time (the
        # driver keeps parsed statements of up to 50 parameters only).
        def array_type(field):
            return field.db_type(connection).split("(")[0]

        selected = ", ".join(["*", *(f"%s::{array_type(field)}" for field in others)])
        arrays = ", ".join(f"%s::{array_type(field)}[]" for field in given)
        unnested = f"{head}SELECT {selected} FROM UNNEST({arrays}){tail}"
    row = f"({', '.join(['%s'] * (len(given) + len(others)))})"
    prepared = [field.get_internal_type() in _PREPARED_TYPES for field in given]
    return _InsertPlan(given, prepared, others, head, row, tail, unnested)


def _default(field):
    if getattr(field, "auto_now", False) or getattr(field, "auto_now_add", False):
        return timezone.now()
    return field.get_default()


def _link(link, quote_id, claim_ids):
    """Point the claims ``claim_ids`` at the quote ``quote_id`` by ``link`` (a Claim field)."""
    quote = connection.ops.quote_name
    field = Claim._meta.get_field(link)
    with connection.cursor() as cursor:
        cursor.execute(
            f"UPDATE {quote(Claim._meta.db_table)} SET {quote(field.column)} = %s "
            f"WHERE {quote(Claim._meta.pk.column)} IN ({', '.join(['%s'] * len(claim_ids))})",
            [quote_id, *claim_ids],
        )
