"""Every request of the list (bench/catalog.py), timed next to the login page of the same run.

Each request is made once with its queries counted (its status, queries and first time), then
timed a few times; the median is kept, and its ratio to the login page's median, measured
at the start and the end of the same run, says how it compares on this machine today. A
request that takes longer than the timeout is stopped (its query cancelled) and reported as a
timeout with the time it had taken; a 5xx fails the run.
"""

import contextlib
import math
import signal
import statistics
import threading
import time
import traceback
from urllib.parse import urlencode, urlsplit

from django.contrib.auth.models import User
from django.db import connection, transaction
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import NoReverseMatch, reverse

from bench import catalog, deep
from bench.catalog import Request, key_of

# How far a request may fall behind the login page before it is flagged.
LOGIN_RATIO_LIMIT = 100
LOGIN_RUNS = 21
# A request slower than this on its first run is timed once more only.
SLOW_MS = 5_000
ADMIN_USERNAME = "bench_admin"
EXPORT_TIMEOUT_FACTOR = 6


class RequestTimeout(Exception):
    pass


class Deadline:
    """Stops whatever runs in this thread after ``seconds``: the query, or the Python code.

    The database's running query is cancelled from a timer thread (PostgreSQL's cancel,
    SQLite's interrupt), and an alarm interrupts Python work between two queries.
    """

    def __init__(self, seconds):
        self.seconds = seconds
        self.expired = False

    def _expire(self):
        self.expired = True
        raw = self._raw
        try:
            if raw is None:
                return
            if connection.vendor == "postgresql":
                raw.cancel()
            else:
                raw.interrupt()
        except Exception:  # the query may have ended meanwhile
            pass

    def _alarm(self, signum, frame):
        self.expired = True
        raise RequestTimeout(f"stopped after {self.seconds:g} s")

    def __enter__(self):
        connection.ensure_connection()
        self._raw = connection.connection
        self._timer = threading.Timer(self.seconds, self._expire)
        self._timer.daemon = True
        self._timer.start()
        self._previous = signal.signal(signal.SIGALRM, self._alarm)
        signal.setitimer(signal.ITIMER_REAL, self.seconds + 0.2)
        return self

    def __exit__(self, *exc):
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, self._previous)
        self._timer.cancel()
        return False


class Every:
    def __init__(self, harness, *, runs, timeout, log, queries_only=False, combinations=False):
        self.harness = harness
        # The sampled combinations of filters, orderings, searches and deep pages
        # (bench/combinations.py) instead of each choice alone.
        self.combinations = combinations
        self.runs = runs
        self.timeout = timeout
        self.log = log
        self.queries_only = queries_only
        admin, _ = User.objects.get_or_create(
            username=ADMIN_USERNAME, defaults={"is_staff": True, "is_superuser": True})
        self.clients = {"editor": harness.client, "anonymous": Client(), "admin": Client()}
        self.clients["admin"].force_login(admin)
        self.editor = harness.editor
        self.chosen = harness.report["chosen"]
        self.words = catalog.choose_words()
        self.values = catalog.choose_values(self.chosen)
        self.chosen.update(words=self.words, values=self.values)
        self.catalog = catalog.Catalog()
        self.bodies = {}  # url -> (status, content type, body) of discovery requests
        self.notes = {}  # key or route -> a sentence on what could not be built

    # Requests --------------------------------------------------------------------------

    def send(self, request):
        client = self.clients[request.who]
        if request.method == "GET":
            return client.get(request.url)
        data = request.post() if callable(request.post) else (request.post or {})
        if request.content_type:
            return client.post(request.url, data, content_type=request.content_type)
        return client.post(request.url, data)

    def fetch(self, request):
        """(milliseconds, response, body) of one request; a write is rolled back."""
        started = time.perf_counter()
        if request.rolled_back:
            with transaction.atomic():
                response = self.send(request)
                body = b"".join(response.streaming_content) if response.streaming else (
                    response.content)
                transaction.set_rollback(True)
        else:
            response = self.send(request)
            body = b"".join(response.streaming_content) if response.streaming else (
                response.content)
        return (time.perf_counter() - started) * 1000, response, body

    def bounded(self, request):
        """fetch() under the deadline: (ms, response, body), or raises RequestTimeout."""
        started = time.perf_counter()
        # An export of every approved claim (100,000 at a million) takes seconds by nature;
        # its own target is its floor's (export_csv_s), so it gets longer before it is stopped.
        deadline = Deadline(self.timeout * (EXPORT_TIMEOUT_FACTOR if request.kind == "export"
                                            else 1))
        try:
            with deadline:
                return self.fetch(request)
        except Exception as error:
            if deadline.expired:
                self._recover()
                elapsed = time.perf_counter() - started
                stopped = RequestTimeout(f"stopped after {elapsed:.1f} s")
                stopped.elapsed_ms = elapsed * 1000
                raise stopped from error
            raise

    def _recover(self):
        # A cancelled query can leave the connection mid-transaction: start afresh.
        with contextlib.suppress(Exception):
            connection.close()

    # Building the list -----------------------------------------------------------------

    def discover(self, url, who=None):
        """GET ``url`` once (outside any timing) for its links, and who may see it.

        A page is requested as the first who may see it: anyone (the public fact-checks, the
        login page), the desk's editor, or a superuser (admin pages an editor may not open).
        """
        if url in self.bodies:
            return self.bodies[url]
        for person in (who,) if who else ("anonymous", "editor", "admin"):
            try:
                _, response, body = self.bounded(Request("", url, who=person))
            except RequestTimeout as stopped:
                self.bodies[url] = (None, "", b"", person, str(stopped))
                return self.bodies[url]
            except Exception:
                self.bodies[url] = (500, "", b"", person, traceback.format_exc(limit=6))
                return self.bodies[url]
            forbidden = response.status_code in (401, 403) or (
                response.status_code == 302 and "login" in response.get("Location", ""))
            if not forbidden or person == "admin":
                break
        self.bodies[url] = (response.status_code, response.get("Content-Type", ""), body,
                            person, "")
        return self.bodies[url]

    def links(self):
        """Every link seen so far on a discovered page, with its resolved match."""
        seen = {}
        for status, content_type, body, _, _ in self.bodies.values():
            if status != 200 or "html" not in content_type:
                continue
            for href in catalog.parse_page(body).links:
                path = urlsplit(href).path
                if path.startswith("/") and path not in seen:
                    seen[path] = catalog.resolves(path)
        return seen

    def fill(self, pattern, links):
        """A URL for a pattern with parameters, or None."""
        params = pattern.params
        model = pattern.model
        chosen = {"claim": self.chosen["claim_id"], "release": self.chosen["release_id"],
                  "speaker": self.values.get("speaker")}
        if len(params) == 1 and not pattern.regex:
            (name,) = params
            subject = None
            if model is not None:
                subject = model._meta.model_name
            elif name.endswith("_id"):
                subject = name.removesuffix("_id")
            else:
                subject = pattern.view.rsplit(":", 1)[-1].replace("-", "_").split("_")[0]
            if name in ("pk", "id", "object_id", f"{subject}_id"):
                found = chosen.get(subject) or _first_of(subject)
                if found is not None:
                    try:
                        return reverse(pattern.view, kwargs={name: found})
                    except NoReverseMatch:
                        pass
        # A link to it on a page already seen.
        for path, match in links.items():
            if match is not None and (match.view_name or match.route) == pattern.view and (
                    pattern.regex or set(match.kwargs) == set(params)):
                return path
        if model is not None and "object_id" in params:
            # Another admin page of the same model (its change page) gives an id.
            for match in links.values():
                if match is not None and "object_id" in match.kwargs and getattr(
                        match.func, "model_admin", None) is not None and (
                        match.func.model_admin.model is model):
                    try:
                        return reverse(pattern.view,
                                       kwargs={"object_id": match.kwargs["object_id"]})
                    except NoReverseMatch:
                        pass
        if len(params) == 1 and not pattern.regex:
            # An API detail: the first row of the list above it.
            parent = pattern.template.split("<", 1)[0]
            for url, (status, content_type, body, _, _) in self.bodies.items():
                if urlsplit(url).path == parent and status == 200 and "json" in content_type:
                    ids = catalog.json_ids(body)
                    if ids:
                        try:
                            return reverse(pattern.view, kwargs={params[0]: ids[0]})
                        except NoReverseMatch:
                            pass
        return None

    def build(self):
        patterns = [p for p in catalog.url_patterns()
                    if not p.template.startswith(catalog.SKIPPED_PREFIXES)]
        self.login_url = reverse("login")
        pages = []  # (pattern, url)
        waiting = []
        for pattern in patterns:
            if not pattern.params and not pattern.regex:
                pages.append((pattern, "/" + pattern.route))
            elif pattern.regex and not pattern.params:
                self.catalog.skipped[pattern.template] = "a catch-all, not a page"
            else:
                waiting.append(pattern)
        self.log(f"list: {len(pages)} pages without parameters, {len(waiting)} with")
        for _, url in pages:
            self.discover(url)
        for _ in range(3):
            links = self.links()
            still = []
            for pattern in waiting:
                url = self.fill(pattern, links)
                if url is None:
                    still.append(pattern)
                    continue
                pages.append((pattern, url))
                self.discover(url)
            if len(still) == len(waiting):
                break
            waiting = still
        for pattern in waiting:
            self.catalog.skipped[pattern.template] = "no object or link to fill its parameters"

        operations = []
        try:
            operations = catalog.schema_operations()
        except Exception:
            self.notes["openapi"] = "the schema could not be built: " + (
                traceback.format_exc(limit=3).splitlines()[-1])
        for pattern, url in pages:
            self.add_page(pattern, url, operations)
        if self.combinations:
            from bench import combinations

            combinations.add_writes(self)
        else:
            self.add_writes()
        return self.catalog

    def add_page(self, pattern, url, operations):
        status, content_type, body, who, problem = self.bodies[url]
        template = pattern.template
        if status == 405:
            self.catalog.skipped[template] = "answers GET with 405 (a form's target)"
            return
        is_api = "json" in content_type and template.startswith("/api/")
        kind = "api" if is_api else "page"
        base = Request(key_of("GET", template, []), url, who=who, kind=kind, view=pattern.view)
        self.catalog.add(base)
        if status != 200:
            return
        variants, pages = [], []
        if is_api:
            operation = catalog.operation_for(operations, urlsplit(url).path)
            if operation is not None:
                variants = catalog.api_variants(operation, self.words, self.values)
        elif "html" in content_type:
            variants, pages = catalog.link_variants(urlsplit(url).path, body, self.words,
                                                    self.values)
            variants += self.ranked_searches(url, who, variants)
        if self.combinations:
            from bench import combinations

            combinations.add_page(self, pattern, url, who, kind, variants, is_api)
            return
        for params, labels in variants:
            self.catalog.add(Request(key_of("GET", template, labels), _with(url, params),
                                     who=who, kind=kind, view=pattern.view, params=params))
        self.add_deep(pattern, url, who, kind, variants, pages, body, is_api)

    def ranked_searches(self, url, who, variants):
        """A page's searches sorted by relevance, where its search results offer that sort
        (the queue offers it beside a search only)."""
        names = list(dict.fromkeys(name for params, _ in variants for name in params
                                   if name in catalog.SEARCH_PARAMS))
        if not names:
            return []
        status, content_type, body, _, _ = self.discover(
            _with(url, {names[0]: self.words["common"]}), who)
        if status != 200 or "html" not in content_type:
            return []
        found, _ = catalog.link_variants(urlsplit(url).path, body, self.words, self.values)
        return catalog.ranked_search_variants(names, self.words,
                                              catalog.ranking_orderings(found))

    def add_deep(self, pattern, url, who, kind, variants, pages, body, is_api):
        """The last page of a numbered list, or a cursor deep into a list read by cursor."""
        template = pattern.template
        param = None
        if is_api:
            import json

            try:
                data = json.loads(body)
            except ValueError:
                data = None
            if isinstance(data, dict) and isinstance(data.get("count"), int) and data.get(
                    "results"):
                last = math.ceil(data["count"] / len(data["results"]))
                if last > 1:
                    param = ("page", str(last))
        elif pages:
            name = next((n for n in catalog.PAGE_PARAMS if f"{n}=" in body.decode(
                "utf-8", "replace")), "page")
            last = max(pages)
            probe = self.discover(_with(url, {name: "999999"}), who)
            if probe[0] == 200:
                # An out-of-range number shows the last page (Paginator.get_page): its own
                # links say which it is.
                _, probed_pages = catalog.link_variants(urlsplit(url).path, probe[2],
                                                        self.words, self.values)
                last = max([last, *(n + 1 for n in probed_pages)])
            if last > 1:
                param = (name, str(last))
        if param is not None:
            self.catalog.add(Request(key_of("GET", template, [(param[0], "<last>")]),
                                     _with(url, {param[0]: param[1]}), who=who, kind=kind,
                                     view=pattern.view))
        # Cursor lists: the plain list, each ordering, and the first status filter, deep.
        wanted = [({}, [])] + [
            (params, labels) for params, labels in variants
            # (an ordering by relevance needs a search: its deep page is a search's)
            if (set(params) <= set(catalog.ORDERING_PARAMS)
                and "relevance" not in "".join(params.values()))
            or params in ({"status": "pending"}, {"status__exact": "pending"})
        ]
        for params, labels in wanted:
            try:
                extra = deep.deep_params(pattern.view, pattern.callback, params, self.editor)
            except Exception:
                self.notes[key_of("GET", template, labels) + " deep"] = (
                    "no deep cursor: " + traceback.format_exc(limit=2).splitlines()[-1])
                continue
            if not extra:
                continue
            self.catalog.add(Request(
                key_of("GET", template, [*labels, *((n, "<deep>") for n in extra)]),
                _with(url, {**params, **extra}), who=who, kind=kind, view=pattern.view))

    def add_writes(self):
        """Every export format (page and API) and the seed release imported (page and API)."""
        from bench.measure import SEED_PATH
        from claims.reports import FORMATS

        for name, url_name, kind in (("page", "claims:report_export", "export"),
                                     ("api", "api:report-approved", "export")):
            try:
                url = reverse(url_name)
            except NoReverseMatch:
                self.notes[f"export via {name}"] = f"no URL named {url_name}"
                continue
            for fmt in FORMATS:
                if name == "page":
                    self.catalog.add(Request(f"POST {url} format={fmt}", url, method="POST",
                                             kind=kind, post={"format": fmt},
                                             rolled_back=True, view=url_name))
                else:
                    self.catalog.add(Request(f"POST {url}?format={fmt}", _with(url, {
                        "format": fmt}), method="POST", kind=kind, post={},
                        content_type="application/json", rolled_back=True, view=url_name))
        seed = SEED_PATH.read_bytes()
        counter = iter(range(10**9))

        def upload(field):
            def data():
                from django.core.files.uploadedfile import SimpleUploadedFile

                # A new headline each time, so the importer never finds it already there.
                fresh = seed.replace(b"\n", f" (bench run {next(counter)})\n".encode(), 1)
                return {field: SimpleUploadedFile("release.txt", fresh, "text/plain")}
            return data

        for url_name, kind in (("claims:release_import", "import"),
                               ("api:release-list", "import")):
            try:
                url = reverse(url_name)
            except NoReverseMatch:
                self.notes[f"import via {url_name}"] = f"no URL named {url_name}"
                continue
            self.catalog.add(Request(f"POST {url} file=<seed release>", url, method="POST",
                                     kind=kind, post=upload("file"),
                                     rolled_back=True, view=url_name))

    # Measuring -------------------------------------------------------------------------

    def time_login(self, runs):
        """Times the login page ``runs`` times (after one untimed request)."""
        request = Request("login", self.login_url, who="anonymous")
        self.fetch(request)
        self.login_times += [self.fetch(request)[0] for _ in range(runs)]

    def measure(self, request):
        """One request: its status, queries and first time, then its median of a few runs."""
        result = {"key": request.key, "url": request.url, "method": request.method,
                  "kind": request.kind, "who": request.who}
        try:
            with CaptureQueriesContext(connection) as captured:
                first_ms, response, body = self.bounded(request)
        except RequestTimeout as stopped:
            result.update(status="timeout", timeout=True, note=str(stopped),
                          median_ms=round(getattr(stopped, "elapsed_ms", self.timeout * 1000)))
            return result
        except Exception:
            result.update(status=500, error=traceback.format_exc(limit=8))
            return result
        result.update(status=response.status_code, first_ms=round(first_ms, 1),
                      queries=len(captured.captured_queries), bytes=len(body))
        if response.status_code >= 500:
            result["error"] = f"{request.method} {request.url} answered {response.status_code}"
            return result
        if first_ms < SLOW_MS:
            # Counted again: the first request of a process may fill a cache (content types,
            # a planner estimate) that later ones read, and only the steady count compares.
            try:
                with CaptureQueriesContext(connection) as again:
                    self.bounded(request)
                result["queries"] = min(result["queries"], len(again.captured_queries))
            except RequestTimeout:
                pass
        if self.queries_only:
            return result
        if not self.runs:
            # No timed runs (the test suite's smoke run): the first request's time.
            result.update(median_ms=round(first_ms, 2), runs=0)
            return result
        runs = 1 if first_ms > SLOW_MS else self.runs
        timings = []
        try:
            for _ in range(runs):
                timings.append(self.bounded(request)[0])
        except RequestTimeout as stopped:
            result.update(timeout=True, note=str(stopped))
            timings.append(getattr(stopped, "elapsed_ms", self.timeout * 1000))
        result.update(median_ms=round(statistics.median(timings), 2), runs=len(timings))
        return result

    def run(self, wanted):
        requests = [r for r in self.catalog.requests if wanted(r)]
        self.login_times = []
        results = []
        for number, request in enumerate(requests, 1):
            if number % 25 == 1:
                self.log(f"list: {number}/{len(requests)} {request.key}")
                # The login page throughout the run, as the machine's load changes.
                if not self.queries_only:
                    self.time_login(LOGIN_RUNS if number == 1 else 5)
            results.append(self.measure(request))
        login = None
        if not self.queries_only:
            self.time_login(LOGIN_RUNS)
            login = statistics.median(self.login_times)
            for result in results:
                if "median_ms" in result:
                    result["ratio"] = round(result["median_ms"] / login, 1)
                    result["over"] = result["ratio"] > LOGIN_RATIO_LIMIT
        results.sort(key=lambda r: -r.get("ratio", -1))
        return {"login_ms": login and round(login, 3), "login_runs": len(self.login_times),
                "login_ms_quartiles": login and [round(q, 3) for q in statistics.quantiles(
                    self.login_times, n=4)],
                "limit": LOGIN_RATIO_LIMIT,
                "timeout_s": self.timeout, "runs": self.runs, "requests": results,
                "skipped": self.catalog.skipped, "notes": self.notes}


def _first_of(model_name):
    """The first id of the project's model called ``model_name``, or None."""
    from django.apps import apps

    for model in apps.get_models():
        if model._meta.model_name == model_name.replace("_", ""):
            return model._default_manager.order_by("pk").values_list("pk", flat=True).first()
    return None


def _with(url, params):
    parts = urlsplit(url)
    query = urlencode(params, doseq=True)
    return parts.path + (f"?{query}" if query else "")


def errors_of(every):
    """The requests that answered 5xx or raised: each fails the run."""
    return {r["key"]: r.get("error", "") for r in every["requests"]
            if r["status"] != "timeout" and int(r["status"]) >= 500}


# An export reads its rows in batches and stores what it wrote in pieces, so its queries grow
# with what it exports: one more query per this many bytes more is its batches, not a query
# per row (a claim's row is a few hundred bytes).
EXPORT_BYTES_PER_QUERY = 16 * 1024


def growth_of(every, baseline):
    """(grown, allowed): requests that run more queries here than on the small data set.

    Two kinds of growth are not a query per row, and are kept apart as allowed: an export's
    batches (see EXPORT_BYTES_PER_QUERY), and one query more. A query per row grows by more
    than one between the data sets (the benchmark's release has ten or more claims more
    there, its claim two notes, pieces of evidence and events more); one query more is rows
    found here and not there (a filter choice with no rows on the small data set, a second
    index range of a keyset page, claims.pagination).
    """
    small = {r["key"]: r for r in baseline["requests"]}
    grown, allowed = {}, {}
    for result in every["requests"]:
        before = small.get(result["key"], {}).get("queries")
        after = result.get("queries")
        if before is None or after is None or after <= before:
            continue
        counts = {"small": before, "large": after}
        more_bytes = result.get("bytes", 0) - small[result["key"]].get("bytes", 0)
        if result["kind"] == "export" and after - before <= 1 + max(
                more_bytes, 0) // EXPORT_BYTES_PER_QUERY:
            allowed[result["key"]] = {**counts, "why": "an export's batches"}
        elif after - before == 1:
            allowed[result["key"]] = {**counts, "why": "one query more, not one per row"}
        else:
            grown[result["key"]] = counts
    return grown, allowed


def markdown(report, every, *, limit=None):
    """The table, worst first: median, ratio to the login page, queries, status."""
    database = report["database"]
    rows = every["requests"]
    over = [r for r in rows if r.get("over")]
    over_writes = [r for r in over if r["kind"] in ("export", "import")]
    timeouts = [r for r in rows if r.get("timeout")]
    lines = [
        f"# factcheck bench: every request, {report['claims']:,} claims on "
        f"{database['vendor']} {database['version']}",
        "",
        f"Django {report['django']}, {report['machine']['cores']} cores; median of "
        f"{every['runs']} runs per request; login page {every['login_ms']} ms (same run); "
        f"timeout {every['timeout_s']:g} s.",
        "",
        f"**{len(rows)} requests, {len(over)} over {every['limit']}x the login page "
        f"({len(over) - len(over_writes)} pages and API reads, {len(over_writes)} exports and "
        f"imports), {len(timeouts)} timed out, {len(errors_of(every))} answered 5xx.**",
        "",
        "The exports write every approved claim (a tenth of the data set); their target is "
        "their floor's (`export_csv_s` in the floors' table), not the login page's.",
        "",
        "| # | request | median ms | x login | queries | status |",
        "| ---: | --- | ---: | ---: | ---: | --- |",
    ]
    for number, row in enumerate(rows[:limit] if limit else rows, 1):
        ratio = row.get("ratio", "")
        flag = " **over**" if row.get("over") else ""
        status = str(row["status"]) + (" timeout" if row.get("timeout") and row[
            "status"] != "timeout" else "")
        key = row["key"].replace("|", "\\|")
        lines.append(f"| {number} | `{key}` | {row.get('median_ms', '')} | {ratio}{flag} | "
                     f"{row.get('queries', '')} | {status} |")
    if limit and len(rows) > limit:
        lines.append(f"| | … {len(rows) - limit} more in the JSON | | | | |")
    if every["skipped"]:
        lines += ["", "Not requested:", ""]
        lines += [f"- `{route}`: {why}" for route, why in every["skipped"].items()]
    if every["notes"]:
        lines += ["", "Notes:", ""]
        lines += [f"- {what}: {why}" for what, why in every["notes"].items()]
    return "\n".join(lines) + "\n"
