"""Importing a press release: bytes or text in, a Release with paragraphs, speakers and claims out.

Shared by the import command, the import page and the API. Extraction itself is pure text
processing (``claims.extraction``); this module adds the size limit, de-duplication by content
hash and the single transaction that saves everything or nothing.
"""

import dataclasses
import hashlib

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Case, F, When
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
    try:
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
    except IntegrityError:
        # The same text was imported before, or by someone else at this very moment: the
        # unique fingerprint let the first one in (and nothing of this one was kept), so this
        # import finds it.
        existing = Release.objects.filter(content_sha256=digest).first()
        if existing is None:
            raise
        return ImportResult(release=existing, created=False)
    # Compared with the desk's earlier claims once the release is committed, not before: the
    # editor who imports does not wait for it (claims.matching).
    matching.schedule(result.release.pk)
    return result


@transaction.atomic
def _save(extraction, digest, *, body, by, **metadata):
    """Store the release and all it holds; an IntegrityError if a release with this
    fingerprint exists."""
    # One moment for the whole import: the release and every claim in it carry the same
    # timestamp, so "imported together" reads the same in every list and sort.
    now = timezone.now()
    release = Release.objects.create(
        title=extraction.title[:500],
        body=body,
        content_sha256=digest,
        imported_by=by if by is not None and by.is_authenticated else None,
        created_at=now,
        **metadata,
    )
    paragraphs = Paragraph.objects.bulk_create(
        Paragraph(release=release, position=index, text=text)
        for index, text in enumerate(extraction.paragraphs)
    )
    speaker_ids = _save_speakers(extraction.speakers)
    _save_roles(extraction.speakers, speaker_ids, release)

    def new_claim(item, kind, score, reasons, attribution="", how="", sure=False, note=""):
        return Claim(
            release_id=release.pk,
            paragraph_id=paragraphs[item.paragraph].pk,
            kind=kind,
            text=item.text,
            start=item.start,
            end=item.end,
            speaker_id=speaker_ids.get(item.speaker),
            attribution=attribution,
            score=score,
            reasons=reasons,
            speaker_how=how,
            speaker_sure=sure,
            speaker_note=note[:300],
            created_at=now,
            updated_at=now,
        )

    quotes = [
        new_claim(
            item,
            ClaimKind.QUOTE,
            *worthiness(item.text, ClaimKind.QUOTE),
            attribution=(item.attribution or "")[:500],
            how=item.speaker_how,
            sure=item.speaker_sure,
            note=item.speaker_note,
        )
        for item in extraction.quotes
    ]
    claims = [
        new_claim(item, item.kind, item.score, list(item.reasons)) for item in extraction.claims
    ]
    # Quotes and claims go in together; the links between them (a quote's continuation, a
    # headline repeating a quote) follow once the quotes have their ids, in one update however
    # many there are: a second insert into the claims table, with all its indexes, costs more.
    Claim.objects.bulk_create(quotes + claims)
    links = {"continues": {}, "repeats": {}}
    for quote, item in zip(quotes, extraction.quotes, strict=True):
        if item.continues is not None:
            links["continues"][quote.pk] = quotes[item.continues].pk
    for claim, item in zip(claims, extraction.claims, strict=True):
        if item.repeats is not None:
            links["repeats"][claim.pk] = quotes[item.repeats].pk
    _link(links)
    return ImportResult(
        release=release,
        created=True,
        paragraphs=len(paragraphs),
        speakers=len(extraction.speakers),
        quotes=len(quotes),
        claims=len(claims),
    )


def _save_speakers(found):
    """Find or create each speaker by canonical name, merging the aliases seen this time.

    Returns the speakers' ids by name. The speakers on file are read under a row lock, in one
    query when all are known (as they mostly are on a desk that imports one organisation's
    releases). Imports run at the same moment may name the same new speaker, so new ones are
    inserted ignoring conflicts (ON CONFLICT DO NOTHING: whoever comes second finds the first
    one's row instead of failing on the unique name) and then read under the lock too: an
    alias merged here is merged into what the other import just stored, never over it
    (without the lock, eight imports each adding an alias kept five).
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
    # Locked and inserted in one order by every import, so two of them never wait on each
    # other's rows.
    names = sorted(seen)
    on_file = _locked_speakers(names)
    new = [name for name in names if name not in on_file]
    if new:
        Speaker.objects.bulk_create(
            [
                Speaker(
                    name=name, role=seen[name]["role"],
                    organization=seen[name]["organization"], aliases=sorted(seen[name]["aliases"]),
                )
                for name in new
            ],
            ignore_conflicts=True,
        )
        on_file.update(_locked_speakers(new))
    ids = {}
    for name, (speaker_id, role, organization, aliases, merged_into) in on_file.items():
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
    """The speakers of these names on file, locked until the import commits, by name."""
    rows = (
        Speaker.objects.filter(name__in=names)
        .order_by("name")
        .select_for_update()
        .values_list("name", "id", "role", "organization", "aliases", "merged_into")
    )
    return {name: rest for name, *rest in rows}


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


def _link(links):
    """Point claims at the quotes they continue or repeat, in one UPDATE: ``links`` maps each
    link (a Claim field) to the quote's id by the id of the claim that points at it."""
    pointing = {claim_id for targets in links.values() for claim_id in targets}
    if not pointing:
        return
    Claim.objects.filter(pk__in=pointing).update(**{
        f"{link}_id": Case(
            *(When(pk=claim_id, then=quote_id) for claim_id, quote_id in targets.items()),
            default=F(f"{link}_id"),
            output_field=Claim._meta.pk,
        )
        for link, targets in links.items()
        if targets
    })
