"""The settings the tests run with: factcheck's own, with debug on as on a developer's machine.

factcheck/settings.py turns debug off unless told otherwise, which then asks for a secret key;
the tests (like `make run`) say DJANGO_DEBUG=1 unless the environment says something else. The
test runner still runs each test with DEBUG off, as Django's does.
"""

import os

os.environ.setdefault("DJANGO_DEBUG", "1")

from factcheck.settings import *  # noqa: E402, F403
