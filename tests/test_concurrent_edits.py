"""Two editors correcting two claims to the same span and kind at the same moment (issue 14,
finding 8: one of them got an unhandled IntegrityError).

Each correction locks only its own claim, so both pass the check for a claim already on that
span; the database's unique constraint then refuses the second, which now reads as the usual
sentence, with nothing of it saved. Real parallel connections, on PostgreSQL.
"""

import pytest
from django.db import connection

from claims import workflow
from claims.models import Claim, ClaimEvent
from tests import factories
from tests.test_workflow import _at_once

pytestmark = [
    pytest.mark.postgres,
    pytest.mark.skipif(
        connection.vendor != "postgresql",
        reason="needs two writers at once; SQLite serializes all writers",
    ),
    pytest.mark.django_db(transaction=True, serialized_rollback=True),
]

TEXT = "The bridge will open on 3 May 2027 and cost £40 million, the minister said."


@pytest.mark.parametrize("run", range(3))
def test_the_second_of_two_corrections_onto_one_span_is_refused_in_words(run):
    first, second = factories.editor("first"), factories.editor("second")
    paragraph = factories.ParagraphFactory(text=TEXT)
    one = factories.ClaimFactory(paragraph=paragraph, start=0, end=10, text=TEXT[:10])
    two = factories.ClaimFactory(paragraph=paragraph, start=4, end=10, text=TEXT[4:10])
    target = {"start": 11, "end": 34, "text": TEXT[11:34], "kind": "event"}

    results = _at_once(
        lambda: workflow.edit_claim(Claim.objects.get(pk=one.pk), by=first, version=1, **target),
        lambda: workflow.edit_claim(Claim.objects.get(pk=two.pk), by=second, version=1, **target),
    )

    won = [r for r in results if isinstance(r, Claim)]
    refused = [r for r in results if isinstance(r, workflow.MissingRequirement)]
    assert len(won) == 1 and len(refused) == 1, results
    assert "Another claim of this kind already covers exactly these characters" in str(
        refused[0]
    )
    loser = two if won[0].pk == one.pk else one
    loser = Claim.objects.get(pk=loser.pk)
    assert (loser.start, loser.version) == (0 if loser.pk == one.pk else 4, 1)
    assert not ClaimEvent.objects.filter(claim=loser).exists()
    assert Claim.objects.filter(paragraph=paragraph, start=11, end=34).count() == 1
