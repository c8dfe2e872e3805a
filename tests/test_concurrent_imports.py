"""Imports at the same moment naming the same speaker (issue 14, finding 3: two imports creating
one new speaker gave one of them a 500, an IntegrityError on the name; eight imports each adding
an alias to one speaker kept five of the eight).

Real parallel connections on PostgreSQL, each import in its own thread and transaction.
"""

import pytest
from django.db import connection

from claims.importing import ImportResult, import_text
from claims.models import Release, Speaker
from tests import factories
from tests.test_workflow import _at_once

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs several writers at once; SQLite serializes all writers",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TITLES = [
    "the Health Minister", "the Finance Minister", "the Party Leader", "the Defence Minister",
    "the Trade Minister", "the Science Minister", "the Transport Minister", "the Energy Minister",
]


def _release(number, title="the Health Minister"):
    """A release of its own (a different text each time) quoting Mira Castellane as ``title``."""
    return (
        f"Ministry plans {number + 2} clinics\n"
        f"Mira Castellane, {title}, said: “We will open {number + 2} new clinics by 2030.”\n"
        f"“It is a start,” {title} said.\n"
    )


@pytest.mark.parametrize("run", range(3))
def test_two_imports_creating_one_new_speaker_both_succeed_and_share_it(run):
    editor = factories.editor("editor")

    results = _at_once(*(lambda n=n: import_text(_release(n), by=editor) for n in range(2)))

    assert all(isinstance(r, ImportResult) and r.created for r in results), results
    speaker = Speaker.objects.get(name="Mira Castellane")
    for release in Release.objects.all():
        quotes = release.claims.filter(kind="quote")
        assert quotes and {quote.speaker_id for quote in quotes} == {speaker.pk}


@pytest.mark.parametrize("on_file", [True, False], ids=["speaker on file", "new speaker"])
def test_eight_imports_each_adding_an_alias_keep_all_eight(on_file):
    editor = factories.editor("editor")
    if on_file:
        Speaker.objects.create(name="Mira Castellane", aliases=["Ms Castellane"])

    results = _at_once(
        *(lambda n=n, title=title: import_text(_release(n, title), by=editor)
          for n, title in enumerate(TITLES))
    )

    assert all(isinstance(r, ImportResult) and r.created for r in results), results
    speaker = Speaker.objects.get(name="Mira Castellane")
    assert set(TITLES) <= set(speaker.aliases)
    assert ("Ms Castellane" in speaker.aliases) == on_file
    assert speaker.aliases == sorted(speaker.aliases)
    assert speaker.role
