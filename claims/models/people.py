"""The desk's people: how a person's name is shown, and when their API token expires."""

from django.db import models


def person_name(user):
    """A person as colleagues know them: the full name, else the username ("" for nobody)."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def person_name_from(first_name, last_name, username):
    """``person_name`` from a row's user columns, for lists that read rows, not users."""
    return f"{first_name or ''} {last_name or ''}".strip() or username or ""


class TokenExpiry(models.Model):
    """When an API token stops working, if it was given its own expiry.

    A token without one (made in the admin) expires FACTCHECK_API_TOKEN_DAYS after it was made.
    Deleting the token (rotating it) deletes this with it.
    """

    token = models.OneToOneField(
        "authtoken.Token", on_delete=models.CASCADE, primary_key=True, related_name="expiry"
    )
    expires_at = models.DateTimeField()

    class Meta:
        verbose_name = "API token expiry"
        verbose_name_plural = "API token expiries"

    def __str__(self):
        return f"Token of {self.token.user_id} expires {self.expires_at:%Y-%m-%d %H:%M}"
