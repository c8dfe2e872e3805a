"""Telling people when something needs them: in the app, and by e-mail as each one chooses.

``claims.workflow`` calls :func:`claim_moved` after a transition; everything here runs once the
transition's transaction has committed (``transaction.on_commit``), and nothing here may break
or slow down the action that caused it: every failure is logged and swallowed, and e-mails go
out on a background thread, so a slow or unreachable mail server never holds up a page.

Who hears of what:

- ``assign``: the reviewer the claim was assigned to (unless they assigned it themselves);
- ``verify``, ``dispute``: every editor who may approve it (not the one who checked it);
- ``return``: the person who checked it.
"""

import logging
from concurrent.futures import ThreadPoolExecutor, wait

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMessage, get_connection
from django.db import transaction
from django.db.models import Count
from django.utils import timezone

from claims import permissions
from claims.models import Notification, NotificationSettings, person_name

logger = logging.getLogger("factcheck.notifications")

Kind = Notification.Kind
Email = NotificationSettings.Email

# The menu shows at most this many unread ("99+"), however many there are.
UNREAD_CAP = 99

# One thread sends every e-mail, in order; the page that caused it never waits for SMTP.
_mailer = ThreadPoolExecutor(max_workers=1, thread_name_prefix="factcheck-mail")
_pending = set()


def claim_moved(claim, action, *, by, assignee=None, checked_by=None):
    """Tell the people a transition concerns, once the transaction that made it commits.

    ``claim`` is the claim after the change; ``assignee`` the person it was assigned to by an
    ``assign``, ``checked_by`` who checked a claim being returned.
    """
    if action not in ("assign", "verify", "dispute", "return"):
        return
    claim_id, text, actor_id = claim.pk, claim.text, by.pk
    assignee_id = getattr(assignee, "pk", None)
    checker_id = getattr(checked_by, "pk", None)

    def send():
        try:
            _notify(action, claim_id, text, actor_id, assignee_id, checker_id, by)
        except Exception:
            # Nothing a notification does may undo or fail the action itself.
            logger.exception("Could not notify anyone of %s on claim %s", action, claim_id)

    transaction.on_commit(send)


def _recipients(action, actor_id, assignee_id, checker_id):
    if action == "assign":
        ids = [assignee_id]
    elif action == "return":
        ids = [checker_id]
    else:
        ids = list(permissions.desk_approvers().values_list("pk", flat=True))
    return [pk for pk in ids if pk is not None and pk != actor_id]


def _message(action, text, by):
    quoted = text if len(text) <= 120 else text[:119] + "…"
    who = person_name(by)
    if action == "assign":
        return f"{who} assigned you a claim: “{quoted}”"
    if action == "return":
        return f"{who} returned a claim you checked for another look: “{quoted}”"
    verb = "verified" if action == "verify" else "disputed"
    return f"{who} {verb} a claim; it awaits approval: “{quoted}”"


KIND_OF_ACTION = {
    "assign": Kind.ASSIGNED,
    "verify": Kind.AWAITING_APPROVAL,
    "dispute": Kind.AWAITING_APPROVAL,
    "return": Kind.RETURNED,
}


def _notify(action, claim_id, text, actor_id, assignee_id, checker_id, by):
    recipients = _recipients(action, actor_id, assignee_id, checker_id)
    if not recipients:
        return []
    message = _message(action, text, by)
    notifications = Notification.objects.bulk_create(
        Notification(
            recipient_id=pk, kind=KIND_OF_ACTION[action], claim_id=claim_id, actor_id=actor_id,
            message=message,
        )
        for pk in recipients
    )
    _email_at_once(notifications)
    return notifications


def email_mode(user):
    """How ``user`` chose to be e-mailed (immediate unless they said otherwise)."""
    chosen = NotificationSettings.objects.filter(user=user).values_list("email", flat=True)
    return next(iter(chosen), Email.IMMEDIATE)


def _email_at_once(notifications):
    ids = [n.recipient_id for n in notifications]
    chosen = dict(
        NotificationSettings.objects.filter(user_id__in=ids).values_list("user_id", "email")
    )
    people = get_user_model()._default_manager.in_bulk(ids)
    messages, sent = [], []
    for notification in notifications:
        person = people.get(notification.recipient_id)
        mode = chosen.get(notification.recipient_id, Email.IMMEDIATE)
        if mode != Email.IMMEDIATE or person is None or not person.email:
            continue
        messages.append(
            EmailMessage(
                subject=f"[factcheck] {notification.get_kind_display()}: claim "
                f"#{notification.claim_id}",
                body=f"{notification.message}\n\n{claim_address(notification.claim_id)}\n",
                to=[person.email],
            )
        )
        sent.append(notification.pk)
    if messages:
        Notification.objects.filter(pk__in=sent).update(emailed_at=timezone.now())
        send_in_background(messages)


def claim_address(claim_id):
    """The claim page's full address, for e-mails (read outside any request)."""
    from django.urls import reverse

    base = settings.FACTCHECK_PUBLISHER_URL.rstrip("/")
    return base + reverse("claims:claim_detail", args=[claim_id])


def send_in_background(messages):
    """Send ``messages`` on the mail thread; failures are logged there, never raised."""
    future = _mailer.submit(_send, list(messages))
    _pending.add(future)
    future.add_done_callback(_pending.discard)
    return future


def _send(messages):
    try:
        with get_connection() as connection:
            connection.send_messages(messages)
    except Exception:
        logger.exception(
            "Could not send %d notification e-mail(s) to %s", len(messages),
            ", ".join(address for m in messages for address in m.to),
        )


def wait_for_mail(timeout=30):
    """Wait until the e-mails handed to the mail thread so far have gone (tests, commands)."""
    wait(list(_pending), timeout=timeout)


# The daily digest ---------------------------------------------------------------------------


def send_digests(now=None):
    """One e-mail to each person who chose the daily digest, listing their notifications not
    yet e-mailed; marks them e-mailed. Returns how many people were written to.

    Sent here, not on the mail thread: a command has no page waiting for it.
    """
    now = now or timezone.now()
    daily = NotificationSettings.objects.filter(email=Email.DAILY).values_list(
        "user_id", flat=True
    )
    waiting = (
        Notification.objects.filter(recipient_id__in=daily, emailed_at__isnull=True)
        .order_by().values("recipient_id").annotate(n=Count("id"))
    )
    people = get_user_model()._default_manager.in_bulk([row["recipient_id"] for row in waiting])
    written = 0
    with get_connection() as connection:
        for person in people.values():
            if not person.email:
                continue
            items = list(
                Notification.objects.filter(recipient=person, emailed_at__isnull=True)
                .order_by("created_at", "id")
            )
            if not items:
                continue
            lines = [f"- {item.message}\n  {claim_address(item.claim_id)}" for item in items]
            message = EmailMessage(
                subject=f"[factcheck] {len(items)} thing{'s' if len(items) != 1 else ''} "
                "that need you",
                body="Since the last digest:\n\n" + "\n".join(lines) + "\n",
                to=[person.email],
                connection=connection,
            )
            try:
                message.send()
            except Exception:
                logger.exception("Could not send the daily digest to %s", person.email)
                continue
            Notification.objects.filter(pk__in=[item.pk for item in items]).update(
                emailed_at=now
            )
            written += 1
    return written


# Reading them -------------------------------------------------------------------------------


def unread(user):
    """``user``'s unread notifications."""
    return Notification.objects.filter(recipient=user, read_at__isnull=True)


def remember_unread(user, n):
    """Keep a count of ``user``'s unread notifications made elsewhere (the menu's counts are
    one statement) for :func:`unread_count`, for the rest of the request."""
    user._unread_notifications = min(n, UNREAD_CAP + 1)


def unread_count(user):
    """How many of ``user``'s notifications are unread, stopping at UNREAD_CAP + 1; kept on
    the user for the rest of the request."""
    known = getattr(user, "_unread_notifications", None)
    if known is None:
        known = unread(user).order_by()[: UNREAD_CAP + 1].count()
        remember_unread(user, known)
    return known


def mark_read(user, *, claim_id=None):
    """Mark ``user``'s unread notifications read (only those of one claim, if given)."""
    marked = unread(user)
    if claim_id is not None:
        marked = marked.filter(claim_id=claim_id)
    marked = marked.update(read_at=timezone.now())
    if getattr(user, "_unread_notifications", None) is not None:
        user._unread_notifications = max(0, user._unread_notifications - marked)
    return marked
