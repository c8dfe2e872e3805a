"""The whole workflow on one screen: each action, the statuses it moves a claim from and to,
who may take it and what it needs.
"""

from dataclasses import dataclass

from claims import permissions
from claims.models import Rating, ReviewStatus

S = ReviewStatus

VERIFY_RATINGS = (Rating.ACCURATE, Rating.MOSTLY_ACCURATE)
DISPUTE_RATINGS = (
    Rating.MISLEADING,
    Rating.MOSTLY_INACCURATE,
    Rating.INACCURATE,
    Rating.UNVERIFIABLE,
)


@dataclass(frozen=True)
class Action:
    name: str
    label: str
    from_statuses: tuple
    to_status: str
    permission: str
    ratings: tuple = ()  # the ratings this action accepts; empty: it takes none
    needs_note: bool = False
    needs_ruling: bool = False  # a public verdict and its reasoning
    needs_evidence: bool = False
    needs_assignee: bool = False
    only_assignee: bool = False  # only the reviewer the claim is assigned to may do it
    # only the assignee, or someone who manages the desk (an editor handing a claim back)
    assignee_or_manager: bool = False


# The whole workflow on one screen: (from statuses) --action--> to status, who, and what it needs.
ACTIONS = {
    a.name: a
    for a in (
        Action("take", "Take", (S.PENDING,), S.IN_REVIEW, permissions.REVIEW),
        Action(
            "assign", "Assign", (S.PENDING, S.IN_REVIEW), S.IN_REVIEW, permissions.MANAGE,
            needs_assignee=True,
        ),
        Action(
            "verify", "Verify", (S.IN_REVIEW,), S.VERIFIED, permissions.REVIEW,
            ratings=VERIFY_RATINGS, needs_ruling=True, needs_evidence=True, only_assignee=True,
        ),
        # The ruling's reasoning says publicly why a claim is disputed: no internal note needed.
        Action(
            "dispute", "Dispute", (S.IN_REVIEW,), S.DISPUTED, permissions.REVIEW,
            ratings=DISPUTE_RATINGS, needs_ruling=True, only_assignee=True,
        ),
        Action("approve", "Approve", (S.VERIFIED, S.DISPUTED), S.APPROVED, permissions.APPROVE),
        Action(
            "return", "Return for review", (S.VERIFIED, S.DISPUTED), S.IN_REVIEW,
            permissions.MANAGE, needs_note=True,
        ),
        Action(
            "reopen", "Reopen", (S.APPROVED,), S.IN_REVIEW, permissions.APPROVE, needs_note=True
        ),
        Action("dismiss", "Dismiss", (S.PENDING, S.IN_REVIEW), S.DISMISSED, permissions.MANAGE),
        Action("restore", "Restore", (S.DISMISSED,), S.PENDING, permissions.MANAGE),
        Action(
            "unassign", "Hand back", (S.IN_REVIEW,), S.PENDING, permissions.REVIEW,
            assignee_or_manager=True,
        ),
    )
}

# The actions' names in table order (the API's ReviewActionEnum).
ACTION_NAMES = tuple(ACTIONS)

PAST_TENSE = {
    "take": "taken",
    "assign": "assigned",
    "verify": "verified",
    "dispute": "disputed",
    "approve": "approved",
    "return": "returned for review",
    "reopen": "reopened",
    "dismiss": "dismissed",
    "restore": "restored",
    "unassign": "handed back",
    "edit": "edited",
    "add": "added",
    "split": "split",
    "merge": "merged",
    "note": "added a note",
    "evidence": "added evidence",
    "start_from": "started from an earlier check",


    "due": "set the due date",
}
