from django.contrib.auth import get_user_model
from django.core.management.base import CommandError
from django.db import transaction
from rest_framework.authtoken.models import Token

from claims import permissions
from claims.management.base import SentenceCommand


class Command(SentenceCommand):
    help = (
        "Print the API token of a user, creating it if they have none. "
        "Send it as the header “Authorization: Token <key>”."
    )

    def add_arguments(self, parser):
        parser.add_argument("username", help="The account the token acts as.")
        parser.add_argument(
            "--reset",
            action="store_true",
            help="Replace the user's token with a new one; the old one stops working.",
        )

    def handle(self, *args, username, reset, **options):
        user = self.find_user(username)
        with transaction.atomic():
            if reset:
                Token.objects.filter(user=user).delete()
            token, _ = Token.objects.get_or_create(user=user)
        if not permissions.can_view(user):
            self.stderr.write(
                f"{username} is in neither the Editors nor the Reviewers group, so the API will "
                "refuse their requests until an editor adds them to one."
            )
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
