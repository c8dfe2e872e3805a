"""Notifications: who is told what, in the app and by e-mail (at once, daily, never), and that
telling never gets in the way of the action that caused it."""

import asyncio
import socket

import pytest
from django.core import mail
from django.core.management import call_command

from claims import notifications
from claims.models import Notification, NotificationSettings, ReviewStatus
from claims.workflow import WorkflowError, transition
from tests import factories
from tests.factories import RULING

LOCMEM = "django.core.mail.backends.locmem.EmailBackend"


@pytest.fixture(autouse=True)
def locmem_mail(settings):
    settings.EMAIL_BACKEND = LOCMEM
    settings.FACTCHECK_PUBLISHER_URL = "https://desk.example.org/"


def moved(claim, action, commits, **kwargs):
    """``transition`` run as a page runs it: the notifications go once it commits."""
    with commits(execute=True):
        result = transition(claim, action, **kwargs)
    notifications.wait_for_mail()
    return result


def checked_claim(editor, reviewer, commits):
    claim = factories.ClaimFactory(text="The bridge will open in 2027.")
    factories.EvidenceFactory(claim=claim, added_by=reviewer)
    moved(claim, "assign", commits, by=editor, assignee=reviewer)
    moved(claim, "verify", commits, by=reviewer, rating="accurate", **RULING)
    return claim


def test_a_reviewer_is_told_when_a_claim_is_assigned_to_them(
    editor, reviewer, django_capture_on_commit_callbacks
):
    claim = factories.ClaimFactory()
    moved(claim, "assign", django_capture_on_commit_callbacks, by=editor, assignee=reviewer)

    [note] = Notification.objects.all()
    assert (note.recipient, note.kind, note.claim, note.actor) == (
        reviewer, Notification.Kind.ASSIGNED, claim, editor
    )
    assert note.message.startswith("Erin Editor assigned you a claim")
    [email] = mail.outbox
    assert email.to == ["reviewer@example.org"]
    assert "Assigned to you" in email.subject
    assert f"https://desk.example.org/review/claims/{claim.pk}/" in email.body
    note.refresh_from_db()
    assert note.emailed_at is not None


def test_taking_a_claim_tells_nobody(reviewer, django_capture_on_commit_callbacks):
    claim = factories.ClaimFactory()
    moved(claim, "take", django_capture_on_commit_callbacks, by=reviewer)
    assert not Notification.objects.exists()
    assert mail.outbox == []


def test_every_editor_but_the_checker_is_told_a_claim_awaits_approval(
    editor, second_editor, reviewer, django_capture_on_commit_callbacks
):
    claim = checked_claim(editor, reviewer, django_capture_on_commit_callbacks)

    waiting = Notification.objects.filter(kind=Notification.Kind.AWAITING_APPROVAL)
    assert {n.recipient for n in waiting} == {editor, second_editor}
    assert all(n.claim == claim for n in waiting)
    assert sorted(e.to[0] for e in mail.outbox[1:]) == ["editor2@example.org",
                                                       "editor@example.org"]
    assert "verified a claim; it awaits approval" in waiting[0].message


def test_the_checker_is_told_when_their_claim_is_returned(
    editor, reviewer, django_capture_on_commit_callbacks
):
    claim = checked_claim(editor, reviewer, django_capture_on_commit_callbacks)
    mail.outbox.clear()
    moved(claim, "return", django_capture_on_commit_callbacks, by=editor, note="Check the date.")

    [note] = Notification.objects.filter(kind=Notification.Kind.RETURNED)
    assert note.recipient == reviewer
    [email] = mail.outbox
    assert email.to == ["reviewer@example.org"]
    assert "returned a claim you checked" in email.body


def test_someone_who_chose_no_email_is_told_only_in_the_app(
    editor, reviewer, django_capture_on_commit_callbacks
):
    NotificationSettings.objects.create(user=reviewer, email="none")
    moved(factories.ClaimFactory(), "assign", django_capture_on_commit_callbacks, by=editor,
          assignee=reviewer)

    note = Notification.objects.get(recipient=reviewer)
    assert note.emailed_at is None
    assert mail.outbox == []
    call_command("send_notification_digest", verbosity=0)
    assert mail.outbox == []


def test_the_daily_digest_gathers_everything_not_yet_emailed_once(
    editor, reviewer, django_capture_on_commit_callbacks
):
    NotificationSettings.objects.create(user=reviewer, email="daily")
    first = factories.ClaimFactory(text="Unemployment fell to 4.1% in March.")
    second = factories.ClaimFactory(text="The ferry will run twice a day from May.")
    for claim in (first, second):
        moved(claim, "assign", django_capture_on_commit_callbacks, by=editor, assignee=reviewer)
    assert mail.outbox == []  # nothing at once

    call_command("send_notification_digest", verbosity=0)
    [digest] = mail.outbox
    assert digest.to == ["reviewer@example.org"]
    assert digest.subject == "[factcheck] 2 things that need you"
    assert "Unemployment fell to 4.1% in March." in digest.body
    assert "The ferry will run twice a day from May." in digest.body
    assert not Notification.objects.filter(emailed_at__isnull=True).exists()

    call_command("send_notification_digest", verbosity=0)
    assert len(mail.outbox) == 1  # sent once


def test_a_mail_server_that_fails_neither_breaks_nor_undoes_the_action(
    editor, reviewer, settings, django_capture_on_commit_callbacks, caplog
):
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", _free_port()  # nobody listens
    settings.EMAIL_TIMEOUT = 2
    claim = factories.ClaimFactory()

    moved(claim, "assign", django_capture_on_commit_callbacks, by=editor, assignee=reviewer)

    claim.refresh_from_db()
    assert claim.status == ReviewStatus.IN_REVIEW and claim.assignee == reviewer
    assert Notification.objects.filter(recipient=reviewer).exists()
    assert "Could not send 1 notification e-mail(s) to reviewer@example.org" in caplog.text


def test_a_notification_that_cannot_be_written_leaves_the_action_done(
    editor, reviewer, monkeypatch, django_capture_on_commit_callbacks, caplog
):
    def broken(*args, **kwargs):
        raise RuntimeError("the notifications table is gone")

    monkeypatch.setattr(notifications, "_notify", broken)
    claim = factories.ClaimFactory()
    moved(claim, "assign", django_capture_on_commit_callbacks, by=editor, assignee=reviewer)
    claim.refresh_from_db()
    assert claim.status == ReviewStatus.IN_REVIEW
    assert f"Could not notify anyone of assign on claim {claim.pk}" in caplog.text


def test_a_refused_transition_tells_nobody(editor, reviewer, django_capture_on_commit_callbacks):
    claim = factories.ClaimFactory()
    with pytest.raises(WorkflowError), django_capture_on_commit_callbacks(execute=True):
        transition(claim, "verify", by=reviewer, rating="accurate", **RULING)
    assert not Notification.objects.exists()


# Pages ---------------------------------------------------------------------------------------


def test_the_menu_counts_unread_notifications_and_following_one_reads_it(
    client, editor, reviewer, django_capture_on_commit_callbacks
):
    claim = factories.ClaimFactory(text="Exports rose by a third.")
    moved(claim, "assign", django_capture_on_commit_callbacks, by=editor, assignee=reviewer)
    client.force_login(reviewer)

    page = client.get("/review/").content.decode()
    assert 'class="count unread-count">1<span class="visually-hidden"> unread</span>' in page

    listing = client.get("/notifications/").content.decode()
    assert "Erin Editor assigned you a claim: “Exports rose by a third.”" in listing
    assert "New" in listing

    [note] = Notification.objects.filter(recipient=reviewer)
    opened = client.get(f"/notifications/{note.pk}/")
    assert opened["Location"] == f"/review/claims/{claim.pk}/"
    assert "unread-count" not in client.get("/review/").content.decode()


def test_nobody_opens_someone_elses_notification(
    client, editor, reviewer, second_reviewer, django_capture_on_commit_callbacks
):
    moved(factories.ClaimFactory(), "assign", django_capture_on_commit_callbacks, by=editor,
          assignee=reviewer)
    client.force_login(second_reviewer)
    assert client.get(f"/notifications/{Notification.objects.get().pk}/").status_code == 404
    assert notifications.unread_count(reviewer) == 1


def test_a_person_chooses_how_to_be_emailed(client, reviewer):
    client.force_login(reviewer)
    answer = client.post("/notifications/", {"email": "daily"}, follow=True)
    assert "Saved: one e-mail a day with everything new." in answer.content.decode()
    assert notifications.email_mode(reviewer) == "daily"


def test_mark_all_read(client, editor, reviewer, django_capture_on_commit_callbacks):
    for _ in range(2):
        moved(factories.ClaimFactory(), "assign", django_capture_on_commit_callbacks, by=editor,
              assignee=reviewer)
    client.force_login(reviewer)
    client.post("/notifications/", {"mark_read": "1"})
    assert notifications.unread_count(reviewer) == 0


def test_outsiders_see_no_notifications_page(outsider_client):
    assert outsider_client.get("/notifications/").status_code == 403


def test_anonymous_people_are_sent_to_log_in(client):
    assert client.get("/notifications/")["Location"].startswith("/accounts/login/")


# A real mail server -------------------------------------------------------------------------


def _free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@pytest.fixture
def smtp_server():
    """An SMTP server on 127.0.0.1 (aiosmtpd), keeping what it receives."""
    from aiosmtpd.controller import Controller

    class Keep:
        def __init__(self):
            self.received = []

        async def handle_DATA(self, server, session, envelope):  # noqa: N802 (aiosmtpd's name)
            self.received.append(envelope)
            return "250 Message accepted for delivery"

    handler = Keep()
    controller = Controller(handler, hostname="127.0.0.1", port=_free_port())
    controller.start()
    try:
        yield controller, handler
    finally:
        controller.stop()
        asyncio.set_event_loop(None)


def test_an_assignment_reaches_a_real_smtp_server(
    editor, reviewer, settings, smtp_server, django_capture_on_commit_callbacks
):
    controller, handler = smtp_server
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = controller.hostname, controller.port
    settings.DEFAULT_FROM_EMAIL = "desk@example.org"
    claim = factories.ClaimFactory(text="Inflation will fall below 2% by June.")

    moved(claim, "assign", django_capture_on_commit_callbacks, by=editor, assignee=reviewer)

    [envelope] = handler.received
    assert envelope.mail_from == "desk@example.org"
    assert envelope.rcpt_tos == ["reviewer@example.org"]
    body = envelope.content.decode()
    assert "Subject: [factcheck] Assigned to you: claim #" in body
    assert "Inflation will fall below 2% by June." in body
