"""Settings of the benchmark process only: the app's own, plus the floor views and templates.

``bench/run.py`` sets the environment (DEBUG off, its own database) before importing this.
"""

from factcheck.settings import *  # noqa: F403
from factcheck.settings import BASE_DIR, TEMPLATES

ROOT_URLCONF = "bench.urls"
TEMPLATES[0]["DIRS"] = [*TEMPLATES[0]["DIRS"], BASE_DIR / "bench" / "templates"]
