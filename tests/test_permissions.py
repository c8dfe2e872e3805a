"""The permission policy: each role's permissions, read afresh on every request."""

from django.contrib.auth.backends import ModelBackend
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from claims import permissions
from tests.api_support import assert_error, with_token


def _person(user):
    """The person as a request sees them: read again by the login session's backend."""
    return ModelBackend().get_user(user.pk)


def test_the_backend_gives_each_role_its_permissions(editor, reviewer, outsider):
    desk_editor, desk_reviewer, stranger = (_person(u) for u in (editor, reviewer, outsider))
    assert permissions.can_approve(desk_editor) and permissions.can_import(desk_editor)
    assert permissions.can_review(desk_reviewer)
    assert not permissions.can_manage(desk_reviewer)
    assert not permissions.can_view(stranger)


def test_a_permission_held_directly_counts_as_well_as_one_through_a_group(outsider):
    outsider.user_permissions.add(Permission.objects.get(codename="view_claim"))
    person = _person(outsider)
    assert permissions.can_view(person)
    assert person.get_user_permissions() == {"claims.view_claim"}
    assert person.get_group_permissions() == set()


def test_a_superuser_holds_every_permission(superuser):
    person = _person(superuser)
    assert permissions.can_export(person)
    assert "claims.approve_claim" in person.get_all_permissions()
    assert len(person.get_all_permissions()) == Permission.objects.count()


def test_an_inactive_account_is_signed_out(editor):
    editor.is_active = False
    editor.save(update_fields=["is_active"])
    assert _person(editor) is None


def test_leaving_the_editors_applies_on_the_very_next_page(editor_client, editor):
    assert editor_client.get(reverse("claims:release_import")).status_code == 200
    editor.groups.remove(Group.objects.get(name="Editors"))
    editor.groups.add(Group.objects.get(name="Reviewers"))
    assert editor_client.get(reverse("claims:release_import")).status_code == 403
    assert editor_client.get(reverse("claims:queue")).status_code == 200


def test_a_token_whose_person_lost_the_desk_is_refused(reviewer, seed_release):
    api = with_token(reviewer)
    reviewer.groups.clear()
    assert_error(api.get("/api/v1/claims/"), 403, "permission_denied")


def test_an_unknown_token_is_refused_in_drfs_words(db):
    from rest_framework.test import APIClient

    api = APIClient()
    api.credentials(HTTP_AUTHORIZATION="Token not-a-token")
    body = assert_error(api.get("/api/v1/claims/"), 401, "authentication_failed")
    assert "Invalid token" in body["detail"]


def test_the_people_a_claim_can_go_to_are_active_reviewers_each_once(
    editor, reviewer, outsider, superuser
):
    from tests import factories

    both = factories.reviewer("both", first_name="Bo", last_name="Both")
    both.groups.add(Group.objects.get(name="Editors"))
    direct = factories.UserFactory(username="direct", first_name="Di", last_name="Rect")
    direct.user_permissions.add(Permission.objects.get(codename="review_claim"))
    gone = factories.reviewer("gone")
    gone.is_active = False
    gone.save(update_fields=["is_active"])

    people = list(permissions.desk_reviewers())

    assert sorted(p.username for p in people) == sorted(
        ["editor", "reviewer", "both", "direct", "admin"]
    )
    assert len(people) == len(set(people))
