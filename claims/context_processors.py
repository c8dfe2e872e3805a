from functools import cache

from django.conf import settings


def publisher(request):
    """The organization that publishes the fact-checks, for the public pages' header."""
    return {"publisher_name": settings.FACTCHECK_PUBLISHER_NAME}


def fragments(request):
    """What a cached fragment of markup is kept under: how long, and the markup's version
    (so a deploy that changes a template never serves the old fragment)."""
    return {
        "fragment_seconds": settings.FACTCHECK_FRAGMENT_SECONDS,
        "markup_version": settings.FACTCHECK_MARKUP_VERSION,
    }


def desk_lists(request):
    """The lists a person starts from, with their counts, for the navigation; counted only
    when a page's menu shows them (the public pages and the login page never do)."""
    from claims.views.queue import desk_lists as lists_of
    from claims.views.queue import queue_query

    counted = []

    def lists():
        if not counted:
            on_queue = getattr(request.resolver_match, "url_name", None) == "queue"
            current = queue_query(request.GET) if on_queue else None
            counted.append(lists_of(request.user, current))
        return counted[0]

    return {"desk_lists": lists}


def notifications(request):
    """The menu's unread count, asked of the database only when a page shows it (an API
    answer never does), once per request."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    @cache
    def count():
        from claims.notifications import unread_count

        return unread_count(user)

    return {"unread_notifications": count}
