"""`make serve`: factcheck as it runs in production, on this machine.

nginx in front (TLS, static files, the request-size cap, a second app server when one is
down), gunicorn app servers behind it, PostgreSQL for the data and Redis as the shared cache
and for login throttling. Everything it writes (nginx's configuration, logs, a self-signed
certificate, a secret key) goes under var/serve/; stop it with Ctrl-C.

Settings come from the environment, with these defaults:

    DATABASE_URL     postgres://postgres@127.0.0.1:5432/factcheck
    REDIS_URL        redis://127.0.0.1:6379/0
    APP_SERVERS      1 (how many gunicorn app servers; 2 shows nginx sharing the load)
    SERVE_PORT       8443 (HTTPS; plain HTTP on SERVE_HTTP_PORT, 8480, redirects to it)
    APP_PORT         8401 (the first app server; the others follow: 8402, ...)
    WEB_CONCURRENCY  workers per app server (see deploy/gunicorn.conf.py)
    SERVE_TLS_CERT, SERVE_TLS_KEY   a certificate of your own (else a self-signed one)

and any of factcheck's own (README, Configuration). The Stack class is also what
`make loadtest` starts and stops.
"""

import os
import secrets
import shutil
import signal
import subprocess
import sys
import time
import urllib.request
from pathlib import Path
from string import Template

ROOT = Path(__file__).resolve().parent.parent
DEPLOY = ROOT / "deploy"
PYTHON = sys.executable


def log(message):
    print(f"[serve {time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


class Stack:
    """nginx and gunicorn app servers for one database, under ``run_dir``."""

    def __init__(self, run_dir, *, app_ports, http_port, https_port, environ=None):
        self.run_dir = Path(run_dir)
        self.app_ports = list(app_ports)
        self.http_port, self.https_port = http_port, https_port
        self.environ = dict(os.environ if environ is None else environ)
        self.apps = {}  # port -> Popen
        self.nginx = None

    @property
    def url(self):
        return f"https://127.0.0.1:{self.https_port}"

    # Preparing

    def app_environment(self):
        env = dict(self.environ)
        env.setdefault("DATABASE_URL", "postgres://postgres@127.0.0.1:5432/factcheck")
        env.setdefault("REDIS_URL", "redis://127.0.0.1:6379/0")
        env.setdefault("DJANGO_SECRET_KEY", self._secret_key())
        env.setdefault("DJANGO_ALLOWED_HOSTS", "localhost,127.0.0.1")
        env.setdefault("DJANGO_CONN_MAX_AGE", "60")
        env.setdefault("FACTCHECK_PUBLISHER_URL", f"{self.url}/")
        # A browser would remember HSTS for "localhost" (every port) for a year; on this
        # machine's own names it stays off unless asked for. A real host keeps the default.
        env.setdefault("DJANGO_SECURE_HSTS_SECONDS", "0")
        env["DJANGO_DEBUG"] = "0"
        env["DJANGO_BEHIND_PROXY"] = "1"
        env["PYTHONUNBUFFERED"] = "1"
        return env

    def _secret_key(self):
        path = self.run_dir / "secret_key"
        if not path.exists():
            path.write_text(secrets.token_urlsafe(50))
            path.chmod(0o600)
        return path.read_text().strip()

    def prepare(self):
        for folder in ("log", "tmp", "tls"):
            (self.run_dir / folder).mkdir(parents=True, exist_ok=True)
        env = self.app_environment()
        log("migrating the database and collecting static files")
        for command in (["migrate", "--noinput"], ["collectstatic", "--noinput", "-v0"]):
            subprocess.run([PYTHON, "manage.py", *command], cwd=ROOT, env=env, check=True)
        cert, key = self._certificate()
        config = Template((DEPLOY / "nginx.conf").read_text()).safe_substitute(
            FC_RUN_DIR=self.run_dir,
            FC_DEPLOY_DIR=DEPLOY,
            FC_STATIC_ROOT=ROOT / "staticfiles",
            FC_HTTP_PORT=self.http_port,
            FC_HTTPS_PORT=self.https_port,
            FC_SERVER_NAME="localhost 127.0.0.1",
            FC_TLS_CERT=cert,
            FC_TLS_KEY=key,
            FC_UPSTREAMS="\n        ".join(
                f"server 127.0.0.1:{port} max_fails=1 fail_timeout=5s;"
                for port in self.app_ports
            ),
        )
        (self.run_dir / "nginx.conf").write_text(config)
        self._nginx("-t", "-q")

    def _certificate(self):
        if self.environ.get("SERVE_TLS_CERT"):
            return self.environ["SERVE_TLS_CERT"], self.environ["SERVE_TLS_KEY"]
        cert, key = self.run_dir / "tls" / "cert.pem", self.run_dir / "tls" / "key.pem"
        if not cert.exists():
            log("making a self-signed certificate for localhost and 127.0.0.1")
            subprocess.run(
                ["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "365",
                 "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                 "-keyout", str(key), "-out", str(cert)],
                check=True, capture_output=True,
            )  # fmt: skip
        return cert, key

    # Running

    def _nginx(self, *args):
        return subprocess.run(
            ["nginx", "-p", str(self.run_dir), "-c", str(self.run_dir / "nginx.conf"), *args],
            check=True,
        )

    def start_app(self, port):
        env = self.app_environment()
        env["GUNICORN_BIND"] = f"127.0.0.1:{port}"
        output = open(self.run_dir / "log" / f"app-{port}.log", "ab")  # noqa: SIM115
        self.apps[port] = subprocess.Popen(
            [PYTHON, "-m", "gunicorn", "-c", str(DEPLOY / "gunicorn.conf.py"), "factcheck.wsgi"],
            cwd=ROOT, env=env, stdout=output, stderr=subprocess.STDOUT,
            # Its own process group: stopping it stops its workers, and nothing else.
            start_new_session=True,
        )
        output.close()

    def stop_app(self, port, *, sig=signal.SIGTERM):
        process = self.apps.pop(port, None)
        if process is None or process.poll() is not None:
            return
        os.killpg(process.pid, sig)
        try:
            process.wait(timeout=30)
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, signal.SIGKILL)
            process.wait()

    def start(self):
        for port in self.app_ports:
            self.start_app(port)
        self.nginx = subprocess.Popen(
            ["nginx", "-p", str(self.run_dir), "-c", str(self.run_dir / "nginx.conf"),
             "-g", "daemon off;"],
            start_new_session=True,
        )  # fmt: skip
        for port in self.app_ports:
            self.wait_for_app(port)
        wait_until_healthy(f"{self.url}/healthz", process=self.nginx)

    def wait_for_app(self, port):
        wait_until_healthy(
            f"http://127.0.0.1:{port}/healthz", host="localhost", process=self.apps[port]
        )

    def stop(self):
        for port in list(self.apps):
            self.stop_app(port)
        if self.nginx is not None and self.nginx.poll() is None:
            os.killpg(self.nginx.pid, signal.SIGQUIT)
            try:
                self.nginx.wait(timeout=15)
            except subprocess.TimeoutExpired:
                os.killpg(self.nginx.pid, signal.SIGKILL)
        self.nginx = None


def wait_until_healthy(url, *, host=None, seconds=60, process=None):
    """Wait for ``url`` to answer 200 (an app server's /healthz straight, or through nginx),
    while ``process``, the server that should answer, is still running."""
    import ssl

    context = ssl._create_unverified_context()  # the self-signed certificate, on this machine
    request = urllib.request.Request(url, headers={"Host": host} if host else {})
    deadline = time.monotonic() + seconds
    while True:
        if process is not None and process.poll() is not None:
            raise RuntimeError(f"the server for {url} stopped as it started; see var/*/log/")
        try:
            with urllib.request.urlopen(request, timeout=5, context=context) as answer:
                if answer.status == 200:
                    return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise RuntimeError(f"{url} did not answer 200 within {seconds} s; see var/serve/log/")
        time.sleep(0.5)


def main():
    if not shutil.which("nginx"):
        sys.exit("nginx is not installed: apt-get install nginx (Debian's package).")
    env = os.environ
    app_port = int(env.get("APP_PORT", "8401"))
    stack = Stack(
        ROOT / "var" / "serve",
        app_ports=range(app_port, app_port + int(env.get("APP_SERVERS", "1"))),
        http_port=int(env.get("SERVE_HTTP_PORT", "8480")),
        https_port=int(env.get("SERVE_PORT", "8443")),
    )
    stack.run_dir.mkdir(parents=True, exist_ok=True)
    stack.prepare()
    stopping = []
    signal.signal(signal.SIGTERM, lambda *_: stopping.append(True))
    try:
        stack.start()
        log(f"factcheck is at {stack.url}/ (self-signed certificate unless SERVE_TLS_CERT is "
            f"set); app servers on {', '.join(map(str, stack.app_ports))}; logs in "
            f"{stack.run_dir / 'log'}. Ctrl-C stops it.")
        while not stopping:
            for port, process in list(stack.apps.items()):
                if process.poll() is not None:
                    log(f"the app server on {port} stopped; starting it again")
                    stack.start_app(port)
            time.sleep(1)
    except KeyboardInterrupt:
        pass
    finally:
        log("stopping")
        stack.stop()


if __name__ == "__main__":
    main()
