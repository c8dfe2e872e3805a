"""Schemathesis' positive-data check, less the refusals no schema can say.

Schema-valid input must be accepted, except where the server refuses it for a reason that
depends on the data on file, on another field or on the text itself: an id that names no row
("does not exist", "not one of the available choices"), a cursor the list did not give out, a
workflow need ("missing_requirement": a split between two words, a rating the action takes), a
release that is not text ("import_refused"), two dates in the wrong order, ordering by relevance
without a search, and a form field sent as a string where the schema asks for a file upload.
Anything else a schema could say (a minimum, a required field, a blank note, an address that is
not a web page) must be in the schema.

Used by tests/test_api_schemathesis.py, and by a run of schemathesis' command line against a
live server: ``SCHEMATHESIS_HOOKS=tests.schemathesis_checks st run … -c
positive_data_accepted_unless_the_data_decides``.
"""

import schemathesis
from schemathesis.specs.openapi.checks import positive_data_acceptance

REFUSED_BY_THE_DATA = {"missing_requirement", "import_refused"}
SENTENCES_ABOUT_THE_DATA = (
    "does not exist",
    "not one of the available choices",
    "was not a file",
    "not one this list gave out",  # a cursor: opaque, only the list's own links hold one
    "has no paragraph",  # a paragraph position past the release's last
    "swap them",  # two dates in the wrong order: one field against another
    "only with a search",  # ordering by relevance without the words to look for
)


def _decided_by_the_data(response):
    if response.status_code != 400:
        return False
    try:
        body = response.json()
    except ValueError:
        return False
    if body.get("error") in REFUSED_BY_THE_DATA:
        return True
    messages = [
        message
        for field_messages in (body.get("fields") or {}).values()
        for message in (field_messages if isinstance(field_messages, list) else [field_messages])
    ]
    return bool(messages) and all(
        any(sentence in str(message) for sentence in SENTENCES_ABOUT_THE_DATA)
        for message in messages
    )


@schemathesis.check
def positive_data_accepted_unless_the_data_decides(ctx, response, case):
    if _decided_by_the_data(response):
        return None
    return positive_data_acceptance(ctx, response, case)
