import pytest

from tests import factories


@pytest.fixture(autouse=True)
def fast_password_hashing(settings):
    # The real hasher costs about a second per test user; the tests are not about hashing.
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


@pytest.fixture
def editor(db):
    return factories.editor("editor", first_name="Erin", last_name="Editor")


@pytest.fixture
def second_editor(db):
    return factories.editor("editor2", first_name="Eli", last_name="Second")


@pytest.fixture
def reviewer(db):
    return factories.reviewer("reviewer", first_name="Rita", last_name="Reviewer")


@pytest.fixture
def second_reviewer(db):
    return factories.reviewer("reviewer2", first_name="Ravi", last_name="Other")


@pytest.fixture
def outsider(db):
    """Logged in, but in no group: sees nothing of the desk."""
    return factories.UserFactory(username="outsider")


@pytest.fixture
def superuser(db):
    return factories.UserFactory(username="admin", is_staff=True, is_superuser=True)


def _client_for(client, user):
    client.force_login(user)
    return client


@pytest.fixture
def editor_client(client, editor):
    return _client_for(client, editor)


@pytest.fixture
def reviewer_client(client, reviewer):
    return _client_for(client, reviewer)


@pytest.fixture
def outsider_client(client, outsider):
    return _client_for(client, outsider)


@pytest.fixture
def superuser_client(client, superuser):
    return _client_for(client, superuser)


@pytest.fixture
def seed_release(db, editor):
    """The NATO release of 31 January 2023, imported the way an editor would."""
    from claims.importing import import_text

    return import_text(factories.seed_text(), by=editor, organization="NATO").release
