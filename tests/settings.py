"""The settings the tests run with: factcheck's own, with debug on as on a developer's machine.

factcheck/settings.py turns debug off unless told otherwise, which then asks for a secret key;
the tests (like `make run`) say DJANGO_DEBUG=1 unless the environment says something else. The
test runner still runs each test with DEBUG off, as Django's does.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")
# Claims are compared with earlier ones in the committing thread: a test sees the links.
os.environ.setdefault("FACTCHECK_MATCHING", "inline")

from factcheck.settings import *  # noqa: E402, F403
