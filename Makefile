# The two ways in: `make run` serves a demo desk, `make test` runs every check.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
PIP := $(VENV)/bin/pip
# `make run PORT=8001` serves elsewhere; the claim and fact-check links follow the port.
PORT ?= 8000

.PHONY: run test lint bench serve loadtest clean

$(PY):
	$(PYTHON) -c 'import sys; sys.exit("factcheck needs Python 3.11 or newer" if sys.version_info < (3, 11) else 0)'
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Reinstall whenever the dependencies change.
$(VENV)/.installed: pyproject.toml | $(PY)
	$(PIP) install --quiet -e .
	touch $@

$(VENV)/.installed-dev: pyproject.toml | $(PY)
	$(PIP) install --quiet -e ".[dev]"
	touch $@ $(VENV)/.installed

run: export FACTCHECK_PUBLISHER_URL ?= http://127.0.0.1:$(PORT)/
# The demo runs in debug mode on purpose; everything else (a server) runs with debug off.
run: export DJANGO_DEBUG = 1
run: $(VENV)/.installed
	$(PY) manage.py migrate --noinput
	$(PY) manage.py setup_demo
	$(PY) manage.py runserver 127.0.0.1:$(PORT)

$(VENV)/.installed-serve: pyproject.toml | $(PY)
	$(PIP) install --quiet -e ".[serve]"
	touch $@ $(VENV)/.installed

$(VENV)/.installed-loadtest: pyproject.toml | $(PY)
	$(PIP) install --quiet -e ".[loadtest]"
	touch $@ $(VENV)/.installed $(VENV)/.installed-serve

# Production on this machine: nginx (TLS, static files) in front of gunicorn, PostgreSQL,
# Redis. See deploy/serve.py for the settings it reads (DATABASE_URL, REDIS_URL, APP_SERVERS).
serve: $(VENV)/.installed-serve
	$(PY) deploy/serve.py

# Two app servers behind nginx on PostgreSQL and Redis, 50 simulated people for 2 minutes,
# one app server stopped for 15 s and Redis restarted; then nothing may be lost.
loadtest: $(VENV)/.installed-loadtest
	$(PY) deploy/loadtest/run.py

lint: $(VENV)/.installed-dev
	$(VENV)/bin/ruff check .

# axe-core for the browser test's accessibility check, when npm is there.
test: lint
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent; fi
	$(PY) -m pytest

bench: $(VENV)/.installed-dev
	$(PY) bench/run.py --claims 1000000 --db sqlite --json bench/out/sqlite.json
	$(PY) bench/run.py --claims 1000000 --db postgres --json bench/out/postgres.json

clean:
	rm -rf $(VENV) db.sqlite3 staticfiles var
