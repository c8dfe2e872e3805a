"""Importing a press release: bytes or text in, a Release with paragraphs, speakers and claims out.

Shared by the import command, the import page and the API. Extraction itself is pure text
processing (``claims.extraction``); this module adds the size limit, de-duplication by content
hash and the single transaction that saves everything or nothing.
"""

import hashlib
from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.db import IntegrityError, transaction

from claims.extraction import ExtractionError, decode_release, extract, parse_release
from claims.models import Claim, ClaimKind, Paragraph, Release, Speaker


class ImportRefused(Exception):
    """The input cannot be imported; ``str(error)`` says why and what to do."""


@dataclass
class ImportResult:
    release: Release
    created: bool
    paragraphs: int = 0
    speakers: int = 0
    quotes: int = 0
    claims: int = 0
    notes: list = field(default_factory=list)

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


def content_sha256(paragraphs):
    """The fingerprint of a release's normalized text: the same text gives the same hash."""
    return hashlib.sha256("\n".join(paragraphs).encode("utf-8")).hexdigest()


def import_text(
    text, *, by=None, is_html=None, source_url="", organization="", published_on=None,
    language="en",
):
    """Import a release from text (plain or HTML); an identical release is found, not doubled."""
    size = len(text.encode("utf-8"))
    if size > settings.FACTCHECK_MAX_RELEASE_BYTES:
        raise ImportRefused(_size_limit_sentence(size))
    try:
        parsed = parse_release(text, is_html=is_html)
        extraction = extract(parsed)
    except ExtractionError as error:
        raise ImportRefused(str(error)) from None

    digest = content_sha256(extraction.paragraphs)
    # No look for the release first: the unique fingerprint refuses a second copy, and a new
    # release (the usual case) saves a round trip to the database.
    try:
        return _save(
            extraction,
            digest,
            body=text,
            by=by,
            source_url=source_url,
            organization=organization,
            published_on=published_on,
            language=language,
        )
    except IntegrityError:
        # The same text was imported before, or by someone else at this very moment.
        existing = Release.objects.filter(content_sha256=digest).order_by().first()
        if existing is None:
            raise
        return ImportResult(release=existing, created=False)


@transaction.atomic
def _save(extraction, digest, *, body, by, **metadata):
    release = Release.objects.create(
        title=extraction.title[:500],
        body=body,
        content_sha256=digest,
        imported_by=by if by is not None and by.is_authenticated else None,
        **metadata,
    )
    paragraphs = Paragraph.objects.bulk_create(
        Paragraph(release=release, position=index, text=text)
        for index, text in enumerate(extraction.paragraphs)
    )
    speakers = _save_speakers(extraction.speakers)

    quotes = [
        Claim(
            release=release,
            paragraph=paragraphs[item.paragraph],
            kind=ClaimKind.QUOTE,
            text=item.text,
            start=item.start,
            end=item.end,
            speaker=speakers.get(item.speaker),
            attribution=(item.attribution or "")[:500],
            score=1.0,
            reasons=["direct_quote"],
        )
        for item in extraction.quotes
    ]
    claims = [
        Claim(
            release=release,
            paragraph=paragraphs[item.paragraph],
            kind=item.kind,
            text=item.text,
            start=item.start,
            end=item.end,
            speaker=speakers.get(item.speaker),
            score=item.score,
            reasons=list(item.reasons),
        )
        for item in extraction.claims
    ]
    # Quotes and claims go in together, one round trip; the links between them (a quote's
    # continuation, a headline repeating a quote) follow once the quotes have their primary
    # keys, one small update per quote pointed at: a second insert into the claims table, with
    # all its indexes, costs several times more.
    Claim.objects.bulk_create(quotes + claims)
    links = defaultdict(list)
    for quote, item in zip(quotes, extraction.quotes, strict=True):
        if item.continues is not None:
            links["continues", quotes[item.continues]].append(quote)
    for claim, item in zip(claims, extraction.claims, strict=True):
        if item.repeats is not None:
            links["repeats", quotes[item.repeats]].append(claim)
    for (link, quote), pointing in links.items():
        Claim.objects.filter(pk__in=[claim.pk for claim in pointing]).update(**{link: quote})
        for claim in pointing:
            setattr(claim, link, quote)
    return ImportResult(
        release=release,
        created=True,
        paragraphs=len(paragraphs),
        speakers=len(extraction.speakers),
        quotes=len(quotes),
        claims=len(claims),
    )


def _save_speakers(found):
    """Find or create each speaker by canonical name, merging the aliases seen this time."""
    if not found:
        return {}
    by_name = {s.name: s for s in Speaker.objects.filter(name__in=[f.name for f in found])}
    new = []
    for item in found:
        speaker = by_name.get(item.name)
        if speaker is None:
            by_name[item.name] = speaker = Speaker(
                name=item.name[:200],
                role=(item.role or "")[:300],
                organization=(item.organization or "")[:200],
                aliases=sorted(set(item.aliases)),
            )
            new.append(speaker)
            continue
        aliases = sorted(set(speaker.aliases) | set(item.aliases))
        updates = {}
        if aliases != speaker.aliases:
            updates["aliases"] = aliases
        if not speaker.role and item.role:
            updates["role"] = item.role[:300]
        if not speaker.organization and item.organization:
            updates["organization"] = item.organization[:200]
        if updates:
            Speaker.objects.filter(pk=speaker.pk).update(**updates)
            for key, value in updates.items():
                setattr(speaker, key, value)
    # One insert for every new speaker; bulk_create sets their primary keys.
    Speaker.objects.bulk_create(new)
    return by_name
