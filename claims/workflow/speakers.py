"""Speakers' records: merged when two are one person, split when a merge was wrong."""

from django.db import transaction
from django.utils import timezone

from claims.models import Claim, Speaker, SpeakerEvent, SpeakerRole
from claims.workflow.common import _check_corrector
from claims.workflow.errors import InvalidTransition, MissingRequirement


def _merge_roles(target_id, absorbed_id):
    """``absorbed``'s roles become ``target``'s; a role both had keeps the wider span."""
    mine = {(r.role, r.organization): r for r in SpeakerRole.objects.filter(speaker_id=target_id)}
    for row in SpeakerRole.objects.filter(speaker_id=absorbed_id):
        same = mine.get((row.role, row.organization))
        if same is None:
            SpeakerRole.objects.filter(pk=row.pk).update(speaker_id=target_id)
            continue
        if row.first_seen < same.first_seen:
            same.first_seen, same.first_release_id = row.first_seen, row.first_release_id
        if row.last_seen > same.last_seen:
            same.last_seen, same.last_release_id = row.last_seen, row.last_release_id
        same.save(update_fields=["first_seen", "first_release", "last_seen", "last_release"])
        row.delete()


def _locked_speakers(*ids):
    # In id order, so two editors merging the same pair either way cannot deadlock.
    found = Speaker.objects.select_for_update().in_bulk(sorted(ids))
    return [found.get(pk) for pk in ids]


def merge_speakers(speaker, other, *, by, note=""):
    """Merge ``other`` into ``speaker``: the same person under two records. Every claim of
    ``other`` becomes ``speaker``'s, its aliases (and its name) join ``speaker``'s, its roles
    too; ``other`` stays, pointing at ``speaker``, so that an import naming it finds the person
    and a wrong merge can be split back into it. Both records' histories say so. One
    transaction; returns the merge's history entry."""
    _check_corrector(by, "merge speakers")
    if speaker.pk == other.pk:
        raise MissingRequirement("Choose another speaker record to merge with this one.")
    with transaction.atomic():
        target, absorbed = _locked_speakers(speaker.pk, other.pk)
        if target is None or absorbed is None:
            raise MissingRequirement("That speaker record no longer exists; reload the page.")
        for record in (target, absorbed):
            if record.merged_into_id:
                raise InvalidTransition(
                    f"“{record.name}” was merged into another record already; merge into "
                    "that one instead."
                )
        moved = list(absorbed.claims.order_by("pk").values_list("pk", flat=True))
        Claim.objects.filter(speaker_id=absorbed.pk).update(
            speaker_id=target.pk, updated_at=timezone.now()
        )
        # Records merged into ``other`` before now point at ``speaker``, so none is two hops
        # away.
        Speaker.objects.filter(merged_into_id=absorbed.pk).update(merged_into_id=target.pk)
        added = [a for a in [absorbed.name, *absorbed.aliases] if a not in target.aliases]
        target.aliases = [*target.aliases, *added]
        if not target.role and absorbed.role:
            target.role = absorbed.role
        if not target.organization and absorbed.organization:
            target.organization = absorbed.organization
        target.save(update_fields=["aliases", "role", "organization"])
        absorbed.merged_into = target
        absorbed.save(update_fields=["merged_into"])
        _merge_roles(target.pk, absorbed.pk)
        event = SpeakerEvent.objects.create(
            speaker=target, other=absorbed, actor=by, action="merge", claim_ids=moved,
            aliases=added, note=note,
        )
        SpeakerEvent.objects.create(
            speaker=absorbed, other=target, actor=by, action="merge", claim_ids=moved,
            aliases=added, note=note,
        )
    speaker.__dict__.update(aliases=target.aliases, role=target.role,
                            organization=target.organization)
    return event


def split_speaker(speaker, *, by, claim_ids=(), aliases=(), into=None, name="", note=""):
    """Move the chosen claims and aliases of ``speaker`` to another record: ``into`` (a record
    merged into ``speaker`` comes back as a record of its own) or a new one called ``name``.
    Both histories say so. One transaction; returns the record they went to."""
    _check_corrector(by, "split speakers")
    claim_ids, aliases = sorted(set(claim_ids)), list(dict.fromkeys(aliases))
    name = " ".join((name or "").split())[:200]
    if not claim_ids and not aliases:
        raise MissingRequirement("Choose the claims or aliases that belong to someone else.")
    if (into is None) == (not name):
        raise MissingRequirement(
            "Say where they go: an existing speaker record, or the name of a new one."
        )
    with transaction.atomic():
        if into is None:
            if Speaker.objects.filter(name=name).exists():
                raise MissingRequirement(
                    f"A speaker named “{name}” exists already; choose that record instead."
                )
            into = Speaker.objects.create(name=name)
        source, target = _locked_speakers(speaker.pk, into.pk)
        if target is None or source is None or target.pk == source.pk:
            raise MissingRequirement("Choose another speaker record to move them to.")
        if target.merged_into_id not in (None, source.pk):
            raise InvalidTransition(
                f"“{target.name}” was merged into another record; split into that one."
            )
        theirs = set(source.claims.filter(pk__in=claim_ids).values_list("pk", flat=True))
        if theirs != set(claim_ids):
            raise MissingRequirement(
                "Some of the chosen claims are not this speaker's any more; reload the page."
            )
        missing = [alias for alias in aliases if alias not in source.aliases]
        if missing:
            raise MissingRequirement(f"“{missing[0]}” is not one of this speaker's aliases.")
        Claim.objects.filter(pk__in=claim_ids).update(
            speaker_id=target.pk, updated_at=timezone.now()
        )
        source.aliases = [alias for alias in source.aliases if alias not in aliases]
        source.save(update_fields=["aliases"])
        target.aliases = [
            *target.aliases,
            *(a for a in aliases if a not in target.aliases and a != target.name),
        ]
        target.merged_into = None  # a record split back out is a person of its own again
        target.save(update_fields=["aliases", "merged_into"])
        for record, other in ((source, target), (target, source)):
            SpeakerEvent.objects.create(
                speaker=record, other=other, actor=by, action="split", claim_ids=claim_ids,
                aliases=aliases, note=note,
            )
    speaker.aliases = source.aliases
    return target
