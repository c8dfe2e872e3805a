"""Who may see the desk's pages: members of the desk, and a 403 page that says what to do."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.shortcuts import render

from claims import permissions


def forbidden(request, sentence):
    return render(request, "claims/forbidden.html", {"sentence": sentence}, status=403)


def desk_member_required(view):
    """Anonymous people go to the login page; people outside the desk get a 403 page."""

    @wraps(view)
    @login_required
    def wrapper(request, *args, **kwargs):
        if not permissions.can_view(request.user):
            return forbidden(
                request,
                "Your account is not part of the fact-checking desk yet; ask an editor to add "
                "you to the Reviewers or Editors group.",
            )
        return view(request, *args, **kwargs)

    return wrapper
