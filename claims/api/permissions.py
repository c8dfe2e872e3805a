"""DRF's side of the desk's permission policy: each class only asks ``claims.permissions``.

The views pick the classes for each action (reading needs only ``CanViewDesk``). An anonymous
caller never reaches these messages: DRF answers 401 first.
"""

from rest_framework.permissions import BasePermission

from claims import permissions


class CanViewDesk(BasePermission):
    message = (
        "Your account is in neither the Editors nor the Reviewers group, so it cannot see the "
        "desk's work; ask an editor to add you."
    )

    def has_permission(self, request, view):
        return permissions.can_view(request.user)


class CanImportReleases(BasePermission):
    message = "Only editors can import releases; ask an editor to import this one."

    def has_permission(self, request, view):
        return permissions.can_import(request.user)


class CanEditClaim(BasePermission):
    message = "Only editors can correct a claim's text, span, speaker or kind; ask an editor."

    # The role only: a claim closed to corrections (approved) is the workflow's 409, with why.
    def has_object_permission(self, request, view, obj):
        return permissions.can_manage(request.user)


class CanAnnotateClaim(BasePermission):
    """Who may add notes; whether the claim takes them now is the workflow's to say (409)."""

    message = "Only editors and reviewers can add notes to a claim."

    def has_permission(self, request, view):
        return permissions.can_review(request.user)


class CanAddEvidence(BasePermission):
    """Who may add evidence; whether the claim takes it now is the workflow's to say (409)."""

    message = "Only editors and reviewers can add evidence to a claim."

    def has_permission(self, request, view):
        return permissions.can_review(request.user)


class CanManageSpeakers(BasePermission):
    message = "Only editors can merge and split speaker records; ask an editor."

    def has_permission(self, request, view):
        return permissions.can_manage(request.user)
