from django.conf import settings


def publisher(request):
    """The organization that publishes the fact-checks, for the public pages' header."""
    return {"publisher_name": settings.FACTCHECK_PUBLISHER_NAME}
