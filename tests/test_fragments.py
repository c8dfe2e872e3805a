"""The queue's markup cached in the shared cache never outlives a deploy that changes it."""

from django.core.cache import cache
from django.core.cache.utils import make_template_fragment_key
from django.test import override_settings

from claims import permissions
from factcheck.settings import markup_version
from tests import factories


def test_a_changed_template_or_tag_gives_the_markup_a_new_version(tmp_path):
    templates, tags = tmp_path / "templates", tmp_path / "tags"
    (templates / "claims").mkdir(parents=True)
    tags.mkdir()
    (templates / "claims" / "queue.html").write_text("<table>{{ rows }}</table>")
    (tags / "rows.py").write_text("ROW = '<tr>'")
    before = markup_version([templates], [tags])
    assert markup_version([templates], [tags]) == before

    (templates / "claims" / "queue.html").write_text("<table class=queue>{{ rows }}</table>")
    after_template = markup_version([templates], [tags])
    (tags / "rows.py").write_text("ROW = '<tr class=row>'")
    after_tag = markup_version([templates], [tags])
    assert len({before, after_template, after_tag}) == 3


def test_after_a_deploy_the_queue_shows_none_of_the_old_markup(editor_client, reviewer):
    factories.ClaimFactory()
    cache.clear()
    reviewers = permissions.reviewer_choices()
    assert reviewers  # the bulk form offers the reviewer
    old_markup = '<option value="0">Written by the last deploy</option>'
    key = make_template_fragment_key("queue-bulk-assignees", ["old", reviewers])
    cache.set(key, old_markup, 600)

    with override_settings(FACTCHECK_MARKUP_VERSION="old"):
        assert old_markup in editor_client.get("/review/").content.decode()
    with override_settings(FACTCHECK_MARKUP_VERSION="new"):
        page = editor_client.get("/review/").content.decode()
    assert old_markup not in page
    assert f'<option value="{reviewer.pk}">' in page
    cache.clear()


@override_settings(FACTCHECK_FRAGMENT_SECONDS=0)
def test_under_runserver_nothing_of_the_queue_is_kept(editor_client, reviewer):
    factories.ClaimFactory()
    cache.clear()
    page = editor_client.get("/review/")
    assert f'<option value="{reviewer.pk}">' in page.content.decode()
    key = make_template_fragment_key(
        "queue-bulk-assignees", [page.context["markup_version"], permissions.reviewer_choices()]
    )
    assert cache.get(key) is None
