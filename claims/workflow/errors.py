"""Why the workflow refused a change, each with a code the API answers with."""


class WorkflowError(Exception):
    """A refused change. ``str(error)`` is a sentence for the person who asked."""

    code = "workflow_error"

    def __init__(self, message, *, code=None):
        super().__init__(message)
        self.message = message
        if code:
            self.code = code


class InvalidTransition(WorkflowError):
    """The action does not apply to the claim's current status (or is unknown)."""

    code = "invalid_transition"


class StaleVersion(WorkflowError):
    """Someone changed the claim after the user loaded it."""

    code = "stale_version"


class PermissionDenied(WorkflowError):
    """This user may not take this action on this claim."""

    code = "permission_denied"


class MissingRequirement(WorkflowError):
    """The action needs something the request did not give (a rating, a note, evidence)."""

    code = "missing_requirement"
