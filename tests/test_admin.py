"""The admin as editors use it: who gets in, what it shows, and that it uses the workflow."""

import pytest
from bs4 import BeautifulSoup
from django.contrib.admin.models import LogEntry
from django.contrib.messages import get_messages
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from claims.models import Annotation, Claim, ClaimEvent, Evidence, Release, Speaker
from claims.workflow import transition
from tests import factories

CLAIMS_URL = "/admin/claims/claim/"
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"


def reload(claim):
    return Claim.objects.get(pk=claim.pk)


def messages_of(response):
    return [str(message) for message in get_messages(response.wsgi_request)]


def claim_in_review(editor, reviewer, **kwargs):
    claim = factories.ClaimFactory(**kwargs)
    transition(claim, "assign", by=editor, assignee=reviewer)
    return reload(claim)


def verified_claim(editor, reviewer, **kwargs):
    claim = claim_in_review(editor, reviewer, **kwargs)
    factories.EvidenceFactory(claim=claim, added_by=reviewer)
    transition(claim, "verify", by=reviewer, rating="accurate", **factories.RULING)
    return reload(claim)


# Who gets in


@pytest.fixture
def objects(editor, reviewer):
    speaker = factories.SpeakerFactory(name="Jane Example")
    claim = verified_claim(editor, reviewer, kind="quote", speaker=speaker)
    factories.AnnotationFactory(claim=claim, author=reviewer)
    return {
        "release": claim.release,
        "claim": claim,
        "speaker": speaker,
        "claimevent": ClaimEvent.objects.filter(claim=claim).first(),
        "user": editor,
    }


def admin_url(page, objects):
    if page == "index":
        return reverse("admin:index")
    model, view = page.split(" ")
    app = "auth" if model == "user" else "claims"
    name = f"admin:{app}_{model}_{view}"
    if view in ("changelist", "add"):
        return reverse(name)
    return reverse(name, args=[objects[model].pk])


# What an editor and a superuser get on each admin page; everyone else goes to the login page.
PAGES = {
    "index": (200, 200),
    "release changelist": (200, 200),
    "release add": (200, 200),
    "release change": (200, 200),
    "release delete": (200, 200),
    "release history": (200, 200),
    "claim changelist": (200, 200),
    # Claims come from importing a release, for everyone.
    "claim add": (403, 403),
    "claim change": (200, 200),
    "claim delete": (200, 200),
    "claim history": (200, 200),
    "speaker changelist": (200, 200),
    "speaker add": (200, 200),
    "speaker change": (200, 200),
    "speaker delete": (403, 200),
    "speaker history": (200, 200),
    "claimevent changelist": (200, 200),
    "claimevent add": (403, 403),
    "claimevent change": (200, 200),
    "claimevent delete": (403, 403),
    "claimevent history": (200, 200),
    "user changelist": (403, 200),
    "user change": (403, 200),
}


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("persona", ["anonymous", "reviewer", "outsider"])
def test_only_staff_get_into_the_admin(page, persona, client, objects, request):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    url = admin_url(page, objects)
    response = client.get(url)
    assert response.status_code == 302
    assert response.url.startswith(reverse("admin:login"))


@pytest.mark.parametrize("page", PAGES)
@pytest.mark.parametrize("persona", ["editor", "superuser"])
def test_editors_and_superusers_get_the_pages_their_role_allows(
    page, persona, client, objects, request
):
    client.force_login(request.getfixturevalue(persona))
    expected = PAGES[page][0 if persona == "editor" else 1]
    assert client.get(admin_url(page, objects)).status_code == expected


@pytest.mark.parametrize("persona", ["anonymous", "reviewer"])
def test_a_bulk_action_from_outside_the_staff_changes_nothing(persona, client, objects, request):
    if persona != "anonymous":
        client.force_login(request.getfixturevalue(persona))
    claim = objects["claim"]
    response = client.post(
        CLAIMS_URL, {"action": "approve", "_selected_action": [claim.pk], "index": "0"}
    )
    assert response.status_code == 302 and response.url.startswith(reverse("admin:login"))
    assert reload(claim).status == "verified"


@pytest.mark.parametrize("view", ["add", "change", "delete"])
def test_nobody_can_write_history_not_even_a_superuser(view, superuser_client, objects):
    event = objects["claimevent"]
    args = [] if view == "add" else [event.pk]
    url = reverse(f"admin:claims_claimevent_{view}", args=args)
    fields = {"note": "rewritten", "action": "approve", "post": "yes"}
    assert superuser_client.post(url, fields).status_code == 403
    event.refresh_from_db()
    assert (event.note, event.action) == ("", "assign")
    assert ClaimEvent.objects.count() == 2


def test_the_history_page_has_no_save_or_delete_button(superuser_client, objects):
    html = superuser_client.get(admin_url("claimevent change", objects)).content.decode()
    assert 'name="_save"' not in html
    assert "deletelink" not in html
    changelist = superuser_client.get(admin_url("claimevent changelist", objects))
    assert b"delete_selected" not in changelist.content


# Bulk actions through the workflow


def test_approving_in_bulk_reports_which_claims_moved_and_why_others_did_not(
    editor, editor_client, reviewer
):
    checked_by_reviewer = verified_claim(editor, reviewer)
    pending = factories.ClaimFactory()
    checked_by_editor = factories.ClaimFactory()
    factories.EvidenceFactory(claim=checked_by_editor, added_by=editor)
    transition(checked_by_editor, "take", by=editor)
    transition(checked_by_editor, "verify", by=editor, rating="accurate", **factories.RULING)

    response = editor_client.post(
        CLAIMS_URL,
        {
            "action": "approve",
            "_selected_action": [checked_by_reviewer.pk, pending.pk, checked_by_editor.pk],
            "index": "0",
            "select_across": "0",
        },
        follow=True,
    )
    assert response.status_code == 200
    said = messages_of(response)
    assert f"1 claim approved: #{checked_by_reviewer.pk}." in said
    assert f"Not approved: #{pending.pk}. A claim that is pending cannot be approved." in said
    assert any(
        m.startswith(f"Not approved: #{checked_by_editor.pk}.") and "another editor" in m
        for m in said
    )
    assert reload(checked_by_reviewer).status == "approved"
    assert reload(pending).status == "pending"
    assert reload(checked_by_editor).status == "verified"
    assert ClaimEvent.objects.filter(action="approve").count() == 1


def test_assigning_asks_for_the_reviewer_then_assigns_each_claim(
    editor, editor_client, reviewer, second_reviewer
):
    first, second = factories.ClaimFactory(), factories.ClaimFactory()
    dismissed = factories.ClaimFactory()
    transition(dismissed, "dismiss", by=editor)
    selected = [first.pk, second.pk, dismissed.pk]

    page = editor_client.post(
        CLAIMS_URL,
        {"action": "assign_to_reviewer", "_selected_action": selected, "index": "0"},
    )
    assert page.status_code == 200
    html = page.content.decode()
    assert "Assign claims to a reviewer" in html
    assert "Rita Reviewer" in html and "Ravi Other" in html
    assert reload(first).status == "pending"

    response = editor_client.post(
        CLAIMS_URL,
        {
            "action": "assign_to_reviewer",
            "_selected_action": selected,
            "select_across": "0",
            "apply": "yes",
            "reviewer": second_reviewer.pk,
        },
        follow=True,
    )
    said = messages_of(response)
    assert f"2 claims assigned to Ravi Other: #{first.pk}, #{second.pk}." in said
    assert f"Not assigned: #{dismissed.pk}. A claim that is dismissed cannot be assigned." in said
    assert reload(first).assignee == second_reviewer
    event = ClaimEvent.objects.get(claim=first)
    assert (event.actor, event.action, event.assignee) == (editor, "assign", second_reviewer)


def test_assigning_without_choosing_a_reviewer_asks_again(editor_client):
    claim = factories.ClaimFactory()
    response = editor_client.post(
        CLAIMS_URL,
        {"action": "assign_to_reviewer", "_selected_action": [claim.pk], "apply": "yes"},
    )
    assert response.status_code == 200
    assert "Choose the reviewer to assign these claims to." in response.content.decode()
    assert reload(claim).status == "pending"


def test_assigning_every_claim_of_a_filtered_list_keeps_the_filter(
    editor, editor_client, reviewer
):
    pending = [factories.ClaimFactory() for _ in range(3)]
    dismissed = factories.ClaimFactory()
    transition(dismissed, "dismiss", by=editor)
    url = CLAIMS_URL + "?status__exact=pending"
    page = editor_client.post(
        url,
        {
            "action": "assign_to_reviewer",
            "_selected_action": [pending[0].pk],
            "select_across": "1",
            "index": "0",
        },
    )
    soup = BeautifulSoup(page.content, "html.parser")
    assert soup.find("input", {"name": "select_across"})["value"] == "1"
    response = editor_client.post(
        url,
        {
            "action": "assign_to_reviewer",
            "_selected_action": [pending[0].pk],
            "select_across": "1",
            "apply": "yes",
            "reviewer": reviewer.pk,
        },
        follow=True,
    )
    assert any(m.startswith("3 claims assigned to Rita Reviewer") for m in messages_of(response))
    assert all(reload(claim).assignee == reviewer for claim in pending)
    assert reload(dismissed).status == "dismissed"


def test_returning_for_review_needs_a_note_and_records_it(editor, editor_client, reviewer):
    claim = verified_claim(editor, reviewer)
    fields = {"action": "return_for_review", "_selected_action": [claim.pk], "apply": "yes"}
    asked = editor_client.post(CLAIMS_URL, {**fields, "note": "  "})
    assert "Write a note saying why these claims need another look." in asked.content.decode()
    assert reload(claim).status == "verified"

    response = editor_client.post(
        CLAIMS_URL, {**fields, "note": "The year is wrong."}, follow=True
    )
    assert f"1 claim returned for review: #{claim.pk}." in messages_of(response)
    event = ClaimEvent.objects.filter(claim=claim).latest("id")
    assert (event.action, event.note, event.actor) == ("return", "The year is wrong.", editor)
    assert reload(claim).status == "in_review"


def test_dismissing_in_bulk_leaves_checked_claims_alone(editor, editor_client, reviewer):
    pending = factories.ClaimFactory()
    verified = verified_claim(editor, reviewer)
    response = editor_client.post(
        CLAIMS_URL,
        {"action": "dismiss", "_selected_action": [pending.pk, verified.pk], "index": "0"},
        follow=True,
    )
    said = messages_of(response)
    assert f"1 claim dismissed: #{pending.pk}." in said
    assert f"Not dismissed: #{verified.pk}. A claim that is verified cannot be dismissed." in said
    assert (reload(pending).status, reload(verified).status) == ("dismissed", "verified")


def test_an_editor_without_the_approve_permission_is_not_offered_approve(editor, editor_client):
    from django.contrib.auth.models import Group, Permission

    editors = Group.objects.get(name="Editors")
    editors.permissions.remove(Permission.objects.get(codename="approve_claim"))
    factories.ClaimFactory()
    html = editor_client.get(CLAIMS_URL).content.decode()
    assert 'value="approve"' not in html
    assert 'value="assign_to_reviewer"' in html


# Correcting a claim goes through the workflow


def form_data(response, form_id):
    """What a browser would post back from the page, unchanged."""
    soup = BeautifulSoup(response.content, "html.parser")
    form = soup.find("form", id=form_id)
    data = {}
    for field in form.find_all(["input", "select", "textarea"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.name == "select":
            chosen = field.find("option", selected=True)
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.name == "textarea":
            data[name] = field.text.removeprefix("\n")
        elif field.get("type") != "checkbox" or field.has_attr("checked"):
            data[name] = field.get("value", "")
    return data


def change_url(claim):
    return reverse("admin:claims_claim_change", args=[claim.pk])


def test_an_editor_corrects_a_claim_and_the_history_records_it(editor, editor_client, reviewer):
    claim = claim_in_review(editor, reviewer)
    data = form_data(editor_client.get(change_url(claim)), "claim_form")
    data.update(start="4", text=claim.paragraph.text[4:], attribution="said the minister")
    response = editor_client.post(change_url(claim), data)
    assert response.status_code == 302
    corrected = reload(claim)
    assert (corrected.start, corrected.attribution) == (4, "said the minister")
    assert corrected.version == claim.version + 1
    assert corrected.status == "in_review"
    event = ClaimEvent.objects.filter(claim=claim).latest("id")
    assert (event.action, event.actor, event.note) == (
        "edit", editor, "Changed attribution, start, text.",
    )
    assert LogEntry.objects.filter(object_id=str(claim.pk)).exists()


def test_a_span_that_does_not_slice_the_paragraph_is_a_form_error(editor, editor_client):
    claim = factories.ClaimFactory()
    data = form_data(editor_client.get(change_url(claim)), "claim_form")
    data.update(start="5")
    response = editor_client.post(change_url(claim), data)
    assert response.status_code == 200
    assert "exactly the characters between start and end" in response.content.decode()
    assert (reload(claim).start, reload(claim).version) == (0, 1)


def test_an_end_before_the_start_is_a_form_error(editor_client):
    claim = factories.ClaimFactory()
    data = form_data(editor_client.get(change_url(claim)), "claim_form")
    data.update(start="9", end="3")
    response = editor_client.post(change_url(claim), data)
    assert response.status_code == 200
    assert "The end must come after the start." in response.content.decode()
    assert reload(claim).end == len(claim.paragraph.text)


def test_a_span_already_claimed_as_the_same_kind_is_a_form_error(editor_client):
    claim = factories.ClaimFactory()
    other = factories.ClaimFactory(paragraph=claim.paragraph, kind="quantity")
    data = form_data(editor_client.get(change_url(other)), "claim_form")
    data.update(kind="event")
    response = editor_client.post(change_url(other), data)
    assert response.status_code == 200
    assert f"Claim #{claim.pk} already covers exactly these characters" in (
        response.content.decode()
    )
    assert reload(other).kind == "quantity"


def test_a_correction_on_a_page_someone_else_changed_meanwhile_is_refused(
    editor, editor_client, reviewer
):
    claim = factories.ClaimFactory()
    data = form_data(editor_client.get(change_url(claim)), "claim_form")
    transition(claim, "take", by=reviewer)
    data.update(attribution="said the minister")
    response = editor_client.post(change_url(claim), data)
    assert response.status_code == 200
    assert "this claim was changed by Rita Reviewer" in response.content.decode()
    assert reload(claim).attribution == ""
    assert not ClaimEvent.objects.filter(action="edit").exists()


def test_posting_status_rating_or_assignee_changes_nothing(
    editor, editor_client, reviewer, second_reviewer
):
    claim = claim_in_review(editor, reviewer)
    data = form_data(editor_client.get(change_url(claim)), "claim_form")
    assert not {"status", "rating", "assignee", "version"} & set(data)
    data.update(status="approved", rating="accurate", assignee=str(second_reviewer.pk),
                version="99", checked_by=str(editor.pk))
    response = editor_client.post(change_url(claim), data)
    assert response.status_code == 302
    after = reload(claim)
    assert (after.status, after.rating, after.assignee, after.version, after.checked_by) == (
        "in_review", "", reviewer, claim.version, None,
    )


def test_an_editor_adds_a_note_and_evidence_but_cannot_rewrite_old_ones(
    editor, editor_client, reviewer
):
    claim = claim_in_review(editor, reviewer)
    old = factories.AnnotationFactory(claim=claim, author=reviewer, body="Original note.")
    data = form_data(editor_client.get(change_url(claim)), "claim_form")
    assert "annotations-0-body" not in data  # saved notes are shown, not editable
    data.update({
        "annotations-0-body": "Rewritten note.",
        "annotations-1-body": "Asked the ministry for the table.",
        "evidence-0-url": "https://www.example.org/table.csv",
        "evidence-0-title": "Ministry table",
    })
    response = editor_client.post(change_url(claim), data)
    assert response.status_code == 302
    old.refresh_from_db()
    assert old.body == "Original note."
    note = Annotation.objects.get(claim=claim, body="Asked the ministry for the table.")
    assert note.author == editor
    assert Evidence.objects.get(claim=claim, title="Ministry table").added_by == editor
    assert reload(claim).version == claim.version  # notes are not edits of the claim


def test_evidence_with_a_javascript_url_is_refused(editor, editor_client, reviewer):
    claim = claim_in_review(editor, reviewer)
    data = form_data(editor_client.get(change_url(claim)), "claim_form")
    data.update({"evidence-0-url": "javascript:alert(1)", "evidence-0-title": "x"})
    response = editor_client.post(change_url(claim), data)
    assert response.status_code == 200
    assert "Enter a valid URL." in response.content.decode()
    assert not Evidence.objects.filter(claim=claim).exists()


# Deleting review work is refused in words


def test_deleting_a_release_with_review_work_is_refused_with_a_sentence(
    editor_client, objects
):
    release = objects["release"]
    url = reverse("admin:claims_release_delete", args=[release.pk])
    page = editor_client.get(url).content.decode()
    assert "cannot be deleted because review work was done on it" in page
    assert "1 note, 1 evidence item and 2 history entries" in page
    assert "dismiss it instead" in page
    editor_client.post(url, {"post": "yes"})
    assert Release.objects.filter(pk=release.pk).exists()


def test_deleting_selected_claims_with_review_work_is_refused_with_a_sentence(
    editor_client, objects
):
    claim = objects["claim"]
    page = editor_client.post(
        CLAIMS_URL, {"action": "delete_selected", "_selected_action": [claim.pk], "index": "0"}
    ).content.decode()
    assert "cannot be deleted because review work was done on it" in page
    editor_client.post(
        CLAIMS_URL, {"action": "delete_selected", "_selected_action": [claim.pk], "post": "yes"}
    )
    assert Claim.objects.filter(pk=claim.pk).exists()


def test_a_release_nobody_reviewed_yet_can_be_deleted(editor_client):
    claim = factories.ClaimFactory()
    url = reverse("admin:claims_release_delete", args=[claim.release_id])
    assert "Are you sure" in editor_client.get(url).content.decode()
    editor_client.post(url, {"post": "yes"})
    assert not Release.objects.filter(pk=claim.release_id).exists()


# Importing a release from the admin


def test_adding_a_release_imports_its_text(editor, editor_client):
    response = editor_client.post(
        reverse("admin:claims_release_add"),
        {"text": factories.seed_text(), "organization": "NATO", "published_on": "31/01/2023"},
        follow=True,
    )
    release = Release.objects.get()
    assert response.redirect_chain[-1][0] == reverse(
        "admin:claims_release_change", args=[release.pk]
    )
    assert any(m.startswith(f"Imported release #{release.pk}") for m in messages_of(response))
    assert (release.imported_by, release.organization) == (editor, "NATO")
    assert release.published_on.isoformat() == "2023-01-31"
    assert release.claims.exists()


def test_uploading_a_release_file_imports_it_and_a_second_upload_finds_it(editor_client):
    url = reverse("admin:claims_release_add")
    upload = SimpleUploadedFile("release.txt", factories.seed_text().encode("utf-8"))
    editor_client.post(url, {"file": upload})
    again = SimpleUploadedFile("release.txt", factories.seed_text().encode("utf-8"))
    response = editor_client.post(url, {"file": again}, follow=True)
    assert Release.objects.count() == 1
    assert any(m.startswith("Already imported") for m in messages_of(response))


@pytest.mark.parametrize(
    ("fields", "says"),
    [
        ({}, "Paste the release text or choose a file to upload."),
        ({"text": "   \n  "}, "Paste the release text or choose a file to upload."),
        ({"text": "x", "file": ("r.txt", b"Headline\nBody.")}, "not both"),
        ({"file": ("photo.txt", b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" * 20)}, "not text"),
    ],
    ids=["nothing", "blank text", "text and file", "binary file"],
)
def test_an_import_that_cannot_be_done_says_why_and_saves_nothing(fields, says, editor_client):
    if "file" in fields:
        fields["file"] = SimpleUploadedFile(*fields["file"])
    response = editor_client.post(reverse("admin:claims_release_add"), fields)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="errornote"' in html
    assert says in html
    assert not Release.objects.exists()


def test_an_oversized_upload_is_refused_without_reading_it_all(settings, editor_client):
    settings.FACTCHECK_MAX_RELEASE_BYTES = 1000
    upload = SimpleUploadedFile("big.txt", b"Headline\n" + b"Words and more words. " * 500)
    response = editor_client.post(reverse("admin:claims_release_add"), {"file": upload})
    assert "over the limit of 1,000 bytes" in response.content.decode()
    assert not Release.objects.exists()


# Hostile text is shown as text


@pytest.fixture
def hostile(editor, reviewer):
    release = factories.ReleaseFactory(title=f"Ministry {SCRIPT} statement")
    paragraph = factories.ParagraphFactory(
        release=release, text=f"The minister said {IMG} that {SCRIPT} rates fall."
    )
    speaker = factories.SpeakerFactory(name=f"Minister {IMG}", aliases=[SCRIPT])
    claim = factories.ClaimFactory(paragraph=paragraph, speaker=speaker, kind="quote",
                                   attribution=SCRIPT)
    transition(claim, "assign", by=editor, assignee=reviewer)
    factories.AnnotationFactory(claim=claim, author=reviewer, body=f"Note {SCRIPT} {IMG}")
    factories.EvidenceFactory(claim=claim, added_by=reviewer, title=IMG, excerpt=SCRIPT)
    return claim


@pytest.mark.parametrize(
    "url",
    [
        lambda c: "/admin/claims/release/",
        lambda c: reverse("admin:claims_release_change", args=[c.release_id]),
        lambda c: reverse("admin:claims_release_delete", args=[c.release_id]),
        lambda c: CLAIMS_URL,
        lambda c: change_url(c),
        lambda c: reverse("admin:claims_claim_delete", args=[c.pk]),
        lambda c: "/admin/claims/speaker/",
        lambda c: reverse("admin:claims_speaker_change", args=[c.speaker_id]),
        lambda c: "/admin/claims/claimevent/",
        lambda c: reverse(
            "admin:claims_claimevent_change", args=[ClaimEvent.objects.get(claim=c).pk]
        ),
    ],
    ids=["releases", "release", "release delete", "claims", "claim", "claim delete",
         "speakers", "speaker", "history", "history entry"],
)
def test_hostile_text_is_escaped_on_every_admin_page(url, hostile, editor_client):
    html = editor_client.get(url(hostile)).content.decode()
    assert SCRIPT not in html
    assert "<img src=x" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html or "&lt;img src=x" in html


def test_the_highlighted_span_is_escaped_inside_the_mark(hostile, editor_client):
    html = editor_client.get(change_url(hostile)).content.decode()
    soup = BeautifulSoup(html, "html.parser")
    source = soup.find("p", class_="claim-source")
    assert source.find("mark").get_text() == hostile.text
    assert source.find("script") is None and source.find("img") is None


def test_hostile_text_is_escaped_on_the_action_page(hostile, editor_client):
    html = editor_client.post(
        CLAIMS_URL,
        {"action": "return_for_review", "_selected_action": [hostile.pk], "index": "0"},
    ).content.decode()
    assert "Return claims for review" in html
    assert SCRIPT not in html and "<img src=x" not in html


# Pages cost the same number of queries however many rows they show


def queries_for(client, url):
    with CaptureQueriesContext(connection) as captured:
        response = client.get(url)
    assert response.status_code == 200
    return len(captured)


def more_claims(count, editor):
    reviewers = [factories.reviewer(f"rev{Claim.objects.count()}-{i}") for i in range(3)]
    for i in range(count):
        claim = factories.ClaimFactory(
            speaker=factories.SpeakerFactory(), kind="quote" if i % 2 else "event"
        )
        transition(claim, "assign", by=editor, assignee=reviewers[i % 3])


@pytest.mark.parametrize(
    "url",
    [CLAIMS_URL, CLAIMS_URL + "?status__exact=in_review&q=minister", "/admin/claims/release/",
     "/admin/claims/speaker/", "/admin/claims/claimevent/"],
)
def test_a_list_makes_as_many_queries_for_many_rows_as_for_a_few(
    url, editor, editor_client, django_assert_max_num_queries
):
    more_claims(2, editor)
    few = queries_for(editor_client, url)
    more_claims(25, editor)
    with django_assert_max_num_queries(few):
        editor_client.get(url)


def test_a_claim_page_makes_as_many_queries_with_a_long_history(
    editor, reviewer, editor_client, django_assert_max_num_queries
):
    claim = claim_in_review(editor, reviewer)
    factories.AnnotationFactory(claim=claim, author=reviewer)
    factories.EvidenceFactory(claim=claim, added_by=reviewer)
    few = queries_for(editor_client, change_url(claim))
    others = [factories.reviewer(f"other{i}") for i in range(5)]
    for someone in others:
        transition(claim, "assign", by=editor, assignee=someone)
        factories.AnnotationFactory(claim=claim, author=someone)
        factories.EvidenceFactory(claim=claim, added_by=someone)
    with django_assert_max_num_queries(few):
        editor_client.get(change_url(claim))


def test_a_release_page_makes_as_many_queries_for_a_long_release(
    editor_client, django_assert_max_num_queries
):
    release = factories.ReleaseFactory()
    factories.ClaimFactory(paragraph=factories.ParagraphFactory(release=release))
    url = reverse("admin:claims_release_change", args=[release.pk])
    few = queries_for(editor_client, url)
    for _ in range(30):
        factories.ClaimFactory(paragraph=factories.ParagraphFactory(release=release))
    with django_assert_max_num_queries(few):
        editor_client.get(url)


def test_a_speaker_page_makes_as_many_queries_for_a_prolific_speaker(
    editor_client, django_assert_max_num_queries
):
    speaker = factories.SpeakerFactory()
    factories.ClaimFactory(speaker=speaker, kind="quote")
    url = reverse("admin:claims_speaker_change", args=[speaker.pk])
    few = queries_for(editor_client, url)
    for _ in range(30):
        factories.ClaimFactory(speaker=speaker, kind="quote")
    with django_assert_max_num_queries(few):
        response = editor_client.get(url)
    assert "All 31 quotes in the claim list" in response.content.decode()


# What the lists show


def test_the_speaker_list_sorted_by_quotes_counts_quotes_only(editor_client):
    quiet, prolific, reporter = (
        factories.SpeakerFactory(name=name) for name in ("Quiet", "Prolific", "Reported")
    )
    factories.ClaimFactory(speaker=quiet, kind="quote")
    for _ in range(3):
        factories.ClaimFactory(speaker=prolific, kind="quote")
    for _ in range(5):
        factories.ClaimFactory(speaker=reporter, kind="reported_speech")

    most = editor_client.get("/admin/claims/speaker/", {"o": "-3"}).context["cl"].result_list
    fewest = editor_client.get("/admin/claims/speaker/", {"o": "3"}).context["cl"].result_list

    assert [(s.name, s.quote_count) for s in most] == [
        ("Prolific", 3), ("Quiet", 1), ("Reported", 0)
    ]
    assert [s.name for s in fewest] == ["Reported", "Quiet", "Prolific"]


def test_the_release_list_counts_claims_by_status_and_links_to_them(
    editor, editor_client, reviewer
):
    claim = verified_claim(editor, reviewer)
    factories.ClaimFactory(paragraph=factories.ParagraphFactory(release=claim.release))
    html = editor_client.get("/admin/claims/release/").content.decode()
    release = claim.release_id
    assert f'href="/admin/claims/claim/?release={release}">2 claims</a>' in html
    assert f'?release={release}&amp;status__exact=verified">1 verified</a>' in html
    assert f'?release={release}&amp;status__exact=pending">1 pending</a>' in html


def test_the_claim_list_filters_by_release_assignee_and_speaker(editor, editor_client, reviewer):
    mine = claim_in_review(editor, reviewer, speaker=factories.SpeakerFactory(name="Ann Lee"))
    other = factories.ClaimFactory()
    for query, shown, hidden in [
        (f"release={mine.release_id}", mine, other),
        (f"assignee={reviewer.pk}", mine, other),
        ("assignee=none", other, mine),
        (f"speaker__id__exact={mine.speaker_id}", mine, other),
    ]:
        response = editor_client.get(f"{CLAIMS_URL}?{query}")
        listed = {c.pk for c in response.context["cl"].result_list}
        assert shown.pk in listed and hidden.pk not in listed, query


def test_the_claim_list_shows_the_highest_score_first_and_sorts_only_by_score(editor_client):
    claims = [factories.ClaimFactory(score=score) for score in (0.2, 0.9, 0.5, 0.9)]

    response = editor_client.get(CLAIMS_URL)

    listed = [c.pk for c in response.context["cl"].result_list]
    assert listed == [claims[1].pk, claims[3].pk, claims[2].pk, claims[0].pk]
    sortable = BeautifulSoup(response.content, "html.parser").select("th.sortable")
    assert ["column-score" in th["class"] for th in sortable] == [True]


@pytest.fixture
def short_claim_pages(monkeypatch):
    """Pages of two claims, counted no further than three."""
    from claims.admin import ClaimAdmin
    from claims.selectors import CappedPaginator

    monkeypatch.setattr(ClaimAdmin, "list_per_page", 2)
    monkeypatch.setattr(CappedPaginator, "cap", 3)


def _listed(response):
    return [c.pk for c in response.context["cl"].result_list]


def test_the_claim_list_pages_and_counts_no_further_than_its_cap(
    editor_client, short_claim_pages
):
    claims = [factories.ClaimFactory(score=1 - i / 10) for i in range(7)]

    first = editor_client.get(CLAIMS_URL)
    assert _listed(first) == [claims[0].pk, claims[1].pk]
    html = first.content.decode()
    assert "3+ claims" in html
    assert "Select all 3+ claims" in html

    second = editor_client.get(CLAIMS_URL, {"p": 2})
    assert _listed(second) == [claims[2].pk]
    # The pages stop at the cap: the rest are a filter or the other order away.
    assert _listed(editor_client.get(CLAIMS_URL, {"o": "8"})) == [claims[6].pk, claims[5].pk]


def test_a_short_claim_list_is_counted_exactly(editor_client, short_claim_pages):
    factories.ClaimFactory.create_batch(3)

    html = editor_client.get(CLAIMS_URL).content.decode()

    assert "3 claims" in html
    assert "3+" not in html


def test_the_speaker_filter_shows_the_speaker_chosen_not_every_speaker(editor_client):
    chosen = factories.SpeakerFactory(name="Ann Lee")
    factories.ClaimFactory(speaker=chosen, kind="quote")
    factories.ClaimFactory(speaker=factories.SpeakerFactory(name="Bo Ray"), kind="quote")

    unfiltered = editor_client.get(CLAIMS_URL).content.decode()
    filtered = editor_client.get(CLAIMS_URL, {"speaker__id__exact": chosen.pk})

    assert "Bo Ray" in unfiltered and "By speaker" not in unfiltered
    assert "By speaker" in filtered.content.decode()
    assert [c.speaker_id for c in filtered.context["cl"].result_list] == [chosen.pk]


@pytest.mark.parametrize(
    "query",
    ["release=99999999999999999999999", "assignee=99999999999999999999999", "release=-1",
     "assignee=x", "release=%EF%BC%91"],
)
def test_a_filter_value_no_row_can_have_lists_nothing(query, editor_client):
    factories.ClaimFactory()
    response = editor_client.get(f"{CLAIMS_URL}?{query}")
    assert response.status_code == 200
    assert not response.context["cl"].result_list


def test_the_claim_search_covers_text_speaker_and_release_title(editor_client):
    by_speaker = factories.ClaimFactory(speaker=factories.SpeakerFactory(name="Olga Zeta"))
    by_title = factories.ClaimFactory(
        paragraph=factories.ParagraphFactory(release=factories.ReleaseFactory(title="Budget 2031"))
    )
    for query, expected in [("Zeta", by_speaker), ("Budget 2031", by_title), ("bridge", None)]:
        listed = {
            c.pk for c in editor_client.get(CLAIMS_URL, {"q": query}).context["cl"].result_list
        }
        if expected is None:
            assert listed == {by_speaker.pk, by_title.pk}
        else:
            assert listed == {expected.pk}


def test_speaker_aliases_are_edited_one_per_line(editor_client):
    speaker = factories.SpeakerFactory(name="Jens Stoltenberg", aliases=["the Secretary General"])
    url = reverse("admin:claims_speaker_change", args=[speaker.pk])
    data = form_data(editor_client.get(url), "speaker_form")
    assert data["aliases"] == "the Secretary General"
    data["aliases"] = "the Secretary General\nMr Stoltenberg\n\n  Mr Stoltenberg "
    assert editor_client.post(url, data).status_code == 302
    speaker.refresh_from_db()
    assert speaker.aliases == ["Mr Stoltenberg", "the Secretary General"]
    assert Speaker.objects.count() == 1


def test_the_claim_lists_action_picker_is_the_markup_the_admin_would_render(editor_client):
    factories.ClaimFactory()
    response = editor_client.get(CLAIMS_URL)
    stock = BeautifulSoup("".join(
        f"<label>{field.label} {field}</label>" if field.label else str(field)
        for field in response.context["action_form"]
    ), "html.parser")
    shown = BeautifulSoup(response.content, "html.parser").select_one("div.actions")

    def picker(soup):
        select, hidden = soup.select_one('select[name="action"]'), soup.select_one(
            'input[name="select_across"]'
        )
        return (
            select.parent.name, select.find_previous(string=True).strip(), select.attrs,
            [(o["value"], o.get_text(), o.has_attr("selected")) for o in select("option")],
            hidden.attrs,
        )

    assert picker(shown) == picker(stock)
    assert len(picker(stock)[3]) == 7  # the blank choice and six actions, delete among them
