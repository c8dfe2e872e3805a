from argparse import ArgumentTypeError
from datetime import timedelta

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.db import transaction
from django.utils import timezone
from rest_framework.authtoken.models import Token

from claims import permissions
from claims.api.authentication import token_expires_at
from claims.management.base import SentenceCommand
from claims.models import TokenExpiry


def _days(value):
    try:
        days = int(value)
    except ValueError:
        days = 0
    if not 1 <= days <= 3650:
        raise ArgumentTypeError(f"{value!r} is not a number of days from 1 to 3650.")
    return days


class Command(SentenceCommand):
    help = (
        "Print the API token of a user, creating it if they have none or theirs has expired. "
        "Send it as the header “Authorization: Token <key>”. A token stops working after "
        "FACTCHECK_API_TOKEN_DAYS days (90 by default) unless --expires says otherwise."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="The account the token acts as.")
        parser.add_argument(
            "--rotate",
            "--reset",
            dest="rotate",
            action="store_true",
            help="Replace the user's token with a new one; the old one stops working at once.",
        )
        parser.add_argument(
            "--expires",
            metavar="DAYS",
            type=_days,
            help="The token stops working this many days from now (a new token, or the "
            "user's current one).",
        )

    def handle(self, *args, username, rotate, expires, **options):
        user = self.find_user(username)
        now = timezone.now()
        with transaction.atomic():
            token = Token.objects.select_for_update().filter(user=user).first()
            if token is not None and (rotate or token_expires_at(token) <= now):
                # An expired token is replaced rather than printed: it would only be refused.
                token.delete()
                token = None
            if token is None:
                token = Token.objects.create(user=user)
                expires = expires or settings.FACTCHECK_API_TOKEN_DAYS
            if expires:
                TokenExpiry.objects.update_or_create(
                    token=token, defaults={"expires_at": now + timedelta(days=expires)}
                )
            token = Token.objects.select_related("expiry").get(pk=token.pk)
        if not permissions.can_view(user):
            self.stderr.write(
                f"{username} is in neither the Editors nor the Reviewers group, so the API will "
                "refuse their requests until an editor adds them to one."
            )
        self.stderr.write(f"It works until {token_expires_at(token):%Y-%m-%d %H:%M} UTC.")
        self.stdout.write(token.key)

    def find_user(self, username):
        User = get_user_model()
        try:
            user = User.objects.get_by_natural_key(username)
        except User.DoesNotExist:
            raise CommandError(
                f"There is no user called “{username}”; check the spelling, or create the "
                "account first in the admin."
            ) from None
        if not user.is_active:
            raise CommandError(
                f"{username}’s account is deactivated; reactivate it in the admin before "
                "giving it an API token."
            )
        return user
