"""Builds the benchmark's data set: a sample through the real importer, the rest in bulk.

The sample (the seed release and a few hundred made-up ones) goes through
``claims.importing.import_text`` and a handful of its claims through ``claims.workflow``, so
the shape the bulk copies is the shape the product writes. The bulk is written straight into
the tables (COPY on PostgreSQL, ``executemany`` on SQLite), in chunks of one transaction each:
releases of 10 to 60 claims, their paragraphs and speakers, and statuses spread like a working
desk, with the fields, events, evidence and annotations each status implies.
"""

import datetime
import json
import random
import time
from pathlib import Path

from django.contrib.auth.models import Group, User
from django.core.management.color import no_style
from django.db import connection, models, transaction
from django.utils import timezone

from bench.corpus import ReleaseWriter
from claims import workflow
from claims.importing import ImportRefused, import_text
from claims.models import (
    Annotation,
    Claim,
    ClaimEvent,
    Evidence,
    Paragraph,
    Rating,
    Release,
    ReviewStatus,
    Speaker,
)

SEED_PATH = Path(__file__).resolve().parent.parent / "seed" / "nato-japan-2023-01-31.txt"
SAMPLE_RELEASES = 200
CHUNK_RELEASES = 800

S = ReviewStatus
# A working desk: most claims wait, a tenth are approved (so 1M claims export 100,000).
STATUS_WEIGHTS = {
    S.PENDING: 60,
    S.IN_REVIEW: 8,
    S.VERIFIED: 7,
    S.DISPUTED: 5,
    S.APPROVED: 10,
    S.DISMISSED: 10,
}
REVIEW_FIELDS = (
    "status", "rating", "assignee_id", "version", "checked_by_id", "checked_at",
    "approved_by_id", "approved_at", "updated_at", "verdict", "reasoning",
)
VERIFY_RATINGS = [r.value for r in workflow.VERIFY_RATINGS]
DISPUTE_RATINGS = [r.value for r in workflow.DISPUTE_RATINGS]
ANNOTATIONS = (
    "Checked against the published budget tables; the figure matches.",
    "The date is right but the venue was moved, see the agency's calendar.",
    "Asked the press office for the source of this number.",
    "Their own annual report gives a different base year.",
    "Second source agrees. Leaving for approval.",
)
DISPUTE_NOTES = (
    "The statistics office gives a lower figure for the same period.",
    "No public source supports this; the press office did not answer.",
    "The comparison uses different base years.",
)
# The public ruling every checked claim of the benchmark carries (verify and dispute need one).
BENCH_RULING = {
    "verdict": "The published statistics were checked against the claim.",
    "reasoning": "The statistics office's tables for the same period were compared with the "
    "figure in the release; the evidence links to them.",
}
EVIDENCE = (
    ("https://stats.example.org/tables/{n}", "Official statistics, table {n}", "Rows 4 to 9."),
    ("https://budget.example.org/{n}.pdf", "Budget statement {n}", "Section 3, capital spending"),
    ("https://archive.example.org/releases/{n}", "Earlier release", "Same figure, one year on."),
)


class Desk:
    """The people of the desk: the editor the benchmark logs in as, editors and reviewers."""

    def __init__(self):
        editors, reviewers = Group.objects.get(name="Editors"), Group.objects.get(name="Reviewers")
        self.editor = self._user("bench_editor", editors, staff=True)
        self.editors = [self.editor] + [
            self._user(f"editor{i}", editors, staff=True) for i in range(1, 5)
        ]
        self.reviewers = [self._user(f"reviewer{i}", reviewers) for i in range(1, 17)]

    @staticmethod
    def _user(username, group, staff=False):
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"is_staff": staff, "first_name": username.title(), "last_name": "Bench"},
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
            user.groups.add(group)
        return user


class Loader:
    """Writes rows (dicts by attribute name) into a model's table, the fastest way per database."""

    def __init__(self):
        self.vendor = connection.vendor
        self._columns = {}

    def _layout(self, model):
        if model not in self._columns:
            layout = []
            for f in model._meta.local_concrete_fields:
                convert = None
                if isinstance(f, models.JSONField):
                    convert = json.dumps
                elif self.vendor == "sqlite" and isinstance(f, models.DateTimeField):
                    convert = _sqlite_datetime
                elif self.vendor == "sqlite" and isinstance(f, models.DateField):
                    convert = str
                layout.append((f.attname, f.column, convert, f.get_default()))
            self._columns[model] = layout
        return self._columns[model]

    def write(self, model, rows):
        if not rows:
            return
        layout = self._layout(model)
        table = connection.ops.quote_name(model._meta.db_table)
        columns = ", ".join(connection.ops.quote_name(c) for _, c, _, _ in layout)

        def values(row):
            out = []
            for attname, _, convert, default in layout:
                value = row.get(attname, default)
                out.append(convert(value) if convert and value is not None else value)
            return out

        if self.vendor == "postgresql":
            with (
                connection.cursor() as cursor,
                cursor.cursor.copy(f"COPY {table} ({columns}) FROM STDIN") as copy,
            ):
                for row in rows:
                    copy.write_row(values(row))
        else:
            marks = ", ".join("?" for _ in layout)
            connection.connection.executemany(
                f"INSERT INTO {table} ({columns}) VALUES ({marks})", (values(r) for r in rows)
            )


def _sql_value(value):
    if connection.vendor == "sqlite" and isinstance(value, datetime.datetime):
        return _sqlite_datetime(value)
    return value


def _sqlite_datetime(value):
    # Django keeps aware datetimes in SQLite as naive UTC text.
    return str(value.astimezone(datetime.UTC).replace(tzinfo=None))


class Ids:
    """The next free primary key of each table, so bulk rows can point at each other."""

    def __init__(self, *models_):
        self._next = {
            m: (m.objects.aggregate(top=models.Max("pk"))["top"] or 0) + 1 for m in models_
        }

    def take(self, model):
        value = self._next[model]
        self._next[model] = value + 1
        return value


def review_state(rng, created_at, desk, ids, claim_id, now):
    """Fields, events, evidence and notes of a claim in a status drawn like a working desk."""
    status = rng.choices(list(STATUS_WEIGHTS), list(STATUS_WEIGHTS.values()))[0]
    fields = dict.fromkeys(REVIEW_FIELDS)
    fields.update(status=status, rating="", version=1, updated_at=created_at, verdict="",
                  reasoning="")
    events, evidence, notes = [], [], []
    if status == S.PENDING:
        return fields, events, evidence, notes
    clock = [created_at + datetime.timedelta(minutes=rng.randint(30, 20 * 24 * 60))]

    def later(low, high):
        clock[0] = min(now, clock[0] + datetime.timedelta(minutes=rng.randint(low, high)))
        return clock[0]

    def event(actor, action, from_status, to_status, *, rating="", assignee=None, note=""):
        events.append({
            "id": ids.take(ClaimEvent), "claim_id": claim_id, "actor_id": actor.pk,
            "action": action, "from_status": from_status, "to_status": to_status,
            "rating": rating, "assignee_id": assignee.pk if assignee else None, "note": note,
            "created_at": clock[0],
        })

    editor = rng.choice(desk.editors)
    if status == S.DISMISSED:
        event(editor, "dismiss", S.PENDING, S.DISMISSED)
    else:
        reviewer = rng.choice(desk.reviewers)
        if rng.random() < 0.3:
            event(editor, "assign", S.PENDING, S.IN_REVIEW, assignee=reviewer)
        else:
            event(reviewer, "take", S.PENDING, S.IN_REVIEW, assignee=reviewer)
        fields["assignee_id"] = reviewer.pk
        for _ in range(rng.choice((0, 0, 1, 1, 2, 3))):
            notes.append({
                "id": ids.take(Annotation), "claim_id": claim_id,
                "author_id": rng.choice((reviewer, editor)).pk,
                "body": rng.choice(ANNOTATIONS), "created_at": later(5, 600),
            })
        if status in (S.VERIFIED, S.DISPUTED, S.APPROVED):
            verdict = "verify" if status == S.VERIFIED or (
                status == S.APPROVED and rng.random() < 0.65) else "dispute"
            for _ in range(rng.randint(1, 3) if verdict == "verify" else rng.randint(0, 2)):
                url, title, excerpt = rng.choice(EVIDENCE)
                n = rng.randint(100, 99999)
                evidence.append({
                    "id": ids.take(Evidence), "claim_id": claim_id,
                    "stance": "supports" if verdict == "verify" else "contradicts",
                    "url": url.format(n=n), "title": title.format(n=n), "excerpt": excerpt,
                    "added_by_id": reviewer.pk, "added_at": later(5, 900),
                })
            checked = S.VERIFIED if verdict == "verify" else S.DISPUTED
            rating = rng.choice(VERIFY_RATINGS if verdict == "verify" else DISPUTE_RATINGS)
            later(10, 3 * 24 * 60)
            event(reviewer, verdict, S.IN_REVIEW, checked, rating=rating, assignee=reviewer,
                  note=rng.choice(DISPUTE_NOTES) if verdict == "dispute" else "")
            fields.update(rating=rating, checked_by_id=reviewer.pk, checked_at=clock[0],
                          **BENCH_RULING)
            if status == S.APPROVED:
                later(60, 5 * 24 * 60)
                event(editor, "approve", checked, S.APPROVED, rating=rating, assignee=reviewer)
                fields.update(approved_by_id=editor.pk, approved_at=clock[0])
    fields["version"] = 1 + len(events)
    fields["updated_at"] = clock[0]
    return fields, events, evidence, notes


class Builder:
    def __init__(self, claims, *, log):
        self.target = claims
        self.log = log
        self.loader = Loader()
        self.rng = random.Random(20230131)
        self.now = timezone.now()

    def build(self):
        started = time.perf_counter()
        self.desk = Desk()
        sample = self._import_sample()
        self._review_by_workflow(sample)
        self.ids = Ids(Release, Paragraph, Speaker, Claim, Annotation, Evidence, ClaimEvent)
        self._review_sample(sample)
        self._bulk()
        if connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                for sql in connection.ops.sequence_reset_sql(
                    no_style(), [Release, Paragraph, Speaker, Claim, Annotation, Evidence,
                                 ClaimEvent]
                ):
                    cursor.execute(sql)
                # Autovacuum does both within minutes of a bulk load on a real server (since
                # PostgreSQL 13 inserts alone trigger it): statistics for the planner, and the
                # visibility map that lets an index-only scan skip the table.
                cursor.execute("VACUUM (ANALYZE)")
        return {"build_s": round(time.perf_counter() - started, 1),
                "sample_releases": len(sample)}

    def _import_sample(self):
        """The seed release and made-up ones through the importer, as an editor would."""
        editor = self.desk.editor
        releases = [import_text(SEED_PATH.read_text(encoding="utf-8"), by=editor,
                                organization="NATO").release]
        writer = ReleaseWriter(seed=7, first_serial=1)
        wanted = min(SAMPLE_RELEASES, max(5, self.target // 35 // 20))
        refused = 0
        while len(releases) < wanted + 1 and refused < wanted:
            made_up = writer.write()
            try:
                result = import_text(
                    made_up.text, by=editor, organization=made_up.organization,
                    published_on=made_up.published_on, source_url=made_up.source_url,
                )
            except ImportRefused:
                refused += 1
                continue
            releases.append(result.release)
        self.log(f"imported {len(releases)} releases through the importer "
                 f"({Claim.objects.count():,} claims)")
        return releases

    def _review_by_workflow(self, releases):
        """A few claims moved by the real workflow, so its events sit next to the bulk ones."""
        claims = list(Claim.objects.filter(release__in=releases).order_by("id")[:12])
        editor, second = self.desk.editors[0], self.desk.editors[1]
        for index, claim in enumerate(claims):
            reviewer = self.desk.reviewers[index % len(self.desk.reviewers)]
            if index % 4 == 3:
                workflow.transition(claim, "dismiss", by=editor)
                continue
            workflow.transition(claim, "take", by=reviewer)
            if index % 4 == 2:
                continue
            Evidence.objects.create(claim=claim, url="https://stats.example.org/tables/1",
                                    title="Official statistics", added_by=reviewer)
            if index % 4 == 0:
                workflow.transition(claim, "verify", by=reviewer, rating=Rating.ACCURATE,
                                    **BENCH_RULING)
                workflow.transition(claim, "approve", by=second)
            else:
                workflow.transition(claim, "dispute", by=reviewer, rating=Rating.MISLEADING,
                                    note="The statistics office gives a lower figure.",
                                    **BENCH_RULING)
        self.workflow_claims = {c.pk for c in claims}

    def _review_sample(self, releases):
        rows = Claim.objects.filter(release__in=releases).exclude(
            pk__in=self.workflow_claims).values_list("pk", "created_at")
        updates, events, evidence, notes = [], [], [], []
        for pk, created_at in rows:
            fields, e, v, n = review_state(self.rng, created_at, self.desk, self.ids, pk,
                                           self.now)
            if fields["status"] != S.PENDING:
                updates.append([_sql_value(fields[name]) for name in REVIEW_FIELDS] + [pk])
            events += e
            evidence += v
            notes += n
        columns = ", ".join(f"{name} = %s" for name in REVIEW_FIELDS)
        with transaction.atomic(), connection.cursor() as cursor:
            cursor.executemany(f"UPDATE claims_claim SET {columns} WHERE id = %s", updates)
            self.loader.write(Annotation, notes)
            self.loader.write(Evidence, evidence)
            self.loader.write(ClaimEvent, events)

    def _speakers(self, writer):
        known = dict(Speaker.objects.values_list("name", "pk"))
        rows = []
        for speaker in writer.speakers:
            if speaker.name in known:
                continue
            known[speaker.name] = self.ids.take(Speaker)
            surname = speaker.name.split()[-1]
            rows.append({"id": known[speaker.name], "name": speaker.name, "role": speaker.role,
                         "organization": speaker.organization,
                         "aliases": [speaker.title, f"Mx {surname}"]})
        with transaction.atomic():
            self.loader.write(Speaker, rows)
        return known

    def _bulk(self):
        writer = ReleaseWriter(seed=31, first_serial=1_000_000)
        speaker_ids = self._speakers(writer)
        remaining = self.target - Claim.objects.count()
        written = 0
        started = time.perf_counter()
        first = True
        while remaining > 0:
            chunk = {m: [] for m in (Release, Paragraph, Claim, Annotation, Evidence,
                                     ClaimEvent)}
            for _ in range(CHUNK_RELEASES):
                if remaining <= 0:
                    break
                size = 60 if first else self.rng.randint(10, 60)
                first = False
                if remaining - size < 10:
                    size = remaining
                made_up = writer.write(claims=size)
                self._release_rows(made_up, speaker_ids, chunk)
                remaining -= made_up.claim_count
                written += made_up.claim_count
            with transaction.atomic():
                for model, rows in chunk.items():
                    self.loader.write(model, rows)
            rate = written / (time.perf_counter() - started)
            self.log(f"bulk: {written:,} claims written ({rate:,.0f}/s)")

    def _release_rows(self, made_up, speaker_ids, chunk):
        rng = self.rng
        release_id = self.ids.take(Release)
        created_at = datetime.datetime.combine(
            made_up.published_on, datetime.time(rng.randint(6, 20), rng.randint(0, 59)),
            tzinfo=datetime.UTC,
        )
        chunk[Release].append({
            "id": release_id, "title": made_up.title, "body": made_up.text,
            "source_url": made_up.source_url, "organization": made_up.organization,
            "published_on": made_up.published_on, "language": "en",
            "content_sha256": made_up.sha256, "imported_by_id": rng.choice(self.desk.editors).pk,
            "created_at": created_at,
        })
        last_quote = None
        for position, (text, spans) in enumerate(zip(made_up.paragraphs, made_up.spans,
                                                     strict=True)):
            paragraph_id = self.ids.take(Paragraph)
            chunk[Paragraph].append(
                {"id": paragraph_id, "release_id": release_id, "position": position,
                 "text": text})
            for span in spans:
                claim_id = self.ids.take(Claim)
                fields, events, evidence, notes = review_state(
                    rng, created_at, self.desk, self.ids, claim_id, self.now)
                chunk[Claim].append({
                    "id": claim_id, "release_id": release_id, "paragraph_id": paragraph_id,
                    "kind": span.kind, "text": span.text, "start": span.start, "end": span.end,
                    "speaker_id": speaker_ids.get(span.speaker),
                    "attribution": span.attribution[:500],
                    "continues_id": last_quote if span.continues else None,
                    "repeats_id": None, "score": span.score, "reasons": span.reasons,
                    "created_at": created_at, **fields,
                })
                chunk[ClaimEvent] += events
                chunk[Evidence] += evidence
                chunk[Annotation] += notes
                if span.kind == "quote" and not span.continues:
                    last_quote = claim_id


def counts():
    """How many rows of each kind the data set holds, and claims by status."""
    by_status = dict(
        Claim.objects.order_by().values_list("status").annotate(n=models.Count("pk"))
    )
    return {
        "releases": Release.objects.count(),
        "paragraphs": Paragraph.objects.count(),
        "speakers": Speaker.objects.count(),
        "claims": sum(by_status.values()),
        "claims_by_status": by_status,
        "annotations": Annotation.objects.count(),
        "evidence": Evidence.objects.count(),
        "events": ClaimEvent.objects.count(),
    }
