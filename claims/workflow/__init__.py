"""The review workflow: the only code that changes a claim's status.

Pages, admin actions, the API and the commands all call :func:`transition` (or
:func:`edit_claim` for text corrections). Each call is one transaction: lock the claim, refuse a
stale version, check permission and what the action needs, change the claim, and append one
:class:`~claims.models.ClaimEvent`.
"""

from claims.workflow.actions import (
    ACTION_NAMES,
    ACTIONS,
    DISPUTE_RATINGS,
    PAST_TENSE,
    VERIFY_RATINGS,
    Action,
)
from claims.workflow.corrections import (
    EDITABLE_FIELDS,
    SAME_SPAN,
    add_claim,
    edit_claim,
    merge_claims,
    split_claim,
)
from claims.workflow.due_dates import due_sentence, set_due_date, set_release_due_date
from claims.workflow.errors import (
    InvalidTransition,
    MissingRequirement,
    PermissionDenied,
    StaleVersion,
    WorkflowError,
)
from claims.workflow.review_work import (
    RULED_STATUSES,
    add_evidence,
    add_note,
    can_start_from_check,
    start_from_check,
)
from claims.workflow.speakers import merge_speakers, split_speaker
from claims.workflow.transitions import (
    Unavailable,
    allowed_actions,
    transition,
    unavailable_actions,
)

__all__ = [
    "VERIFY_RATINGS",
    "DISPUTE_RATINGS",
    "Action",
    "ACTIONS",
    "ACTION_NAMES",
    "PAST_TENSE",
    "WorkflowError",
    "InvalidTransition",
    "StaleVersion",
    "PermissionDenied",
    "MissingRequirement",
    "transition",
    "allowed_actions",
    "Unavailable",
    "unavailable_actions",
    "SAME_SPAN",
    "EDITABLE_FIELDS",
    "edit_claim",
    "add_claim",
    "split_claim",
    "merge_claims",
    "add_note",
    "add_evidence",
    "RULED_STATUSES",
    "can_start_from_check",
    "start_from_check",
    "due_sentence",
    "set_due_date",
    "set_release_due_date",
    "merge_speakers",
    "split_speaker",
]
