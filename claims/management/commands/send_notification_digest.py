"""``manage.py send_notification_digest``: the daily e-mail of what needs each person.

Run it once a day (cron, a systemd timer): everyone who chose the daily digest gets one e-mail
listing their notifications not yet e-mailed, which are then marked e-mailed, so a second run
the same day sends only what is new.
"""

from django.core.management.base import BaseCommand

from claims.notifications import send_digests


class Command(BaseCommand):
    help = "E-mail each person who chose the daily digest what has needed them since the last."

    def handle(self, *args, **options):
        written = send_digests()
        people = "person" if written == 1 else "people"
        self.stdout.write(f"Daily digest sent to {written} {people}.")
