"""gunicorn's settings for factcheck: `gunicorn -c deploy/gunicorn.conf.py factcheck.wsgi`.

Everything a deployment changes comes from the environment:

- GUNICORN_BIND: where this app server listens (127.0.0.1:8401), behind nginx;
- WEB_CONCURRENCY: worker processes (default: two per core, at most 8);
- GUNICORN_THREADS: threads per worker (default 4), each with its own database connection;
- GUNICORN_TIMEOUT: seconds a request may take before its worker is restarted (default 30:
  the longest request, an import of the largest release, takes a few seconds).

Requests are logged by the app itself (one JSON line each, with the user), so gunicorn's own
access log is off; its error log goes to standard error with the app's.
"""

import multiprocessing
import os

bind = os.environ.get("GUNICORN_BIND", "127.0.0.1:8401")
workers = int(os.environ.get("WEB_CONCURRENCY") or min(2 * multiprocessing.cpu_count(), 8))
worker_class = "gthread"
threads = int(os.environ.get("GUNICORN_THREADS", "4"))
timeout = int(os.environ.get("GUNICORN_TIMEOUT", "30"))
# On SIGTERM, requests under way get this long to finish before their worker is stopped.
graceful_timeout = 20
keepalive = 5
# A worker is replaced after this many requests (at a random point past it, so that not all
# restart at once): memory a long-lived process gathers is given back.
max_requests = 2000
max_requests_jitter = 200
accesslog = None
errorlog = "-"
# Several app servers may run on one machine: none needs gunicorn's control socket.
control_socket_disable = True
# Django reads the proxy's headers itself (DJANGO_BEHIND_PROXY); gunicorn trusts none.
forwarded_allow_ips = ""
proc_name = f"factcheck {bind}"
