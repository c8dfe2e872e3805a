"""Requests that combine what the list of every request takes one at a time (``--combinations``).

The list of every request (bench/catalog.py) tries each filter, each ordering and each search
word of a page alone. Editors combine them: a status tab, a release and a reviewer, a search,
an ordering, and then the next pages. Every combination of a page's choices would be thousands
of requests, so this samples them, still built from what each page offers:

- each filter (one of its choices) with each ordering, and with the common and the rare
  search word;
- all the filters together (the status tab, a release, a reviewer …), alone, with each
  ordering, and with each of the two words;
- each of those again on its deepest page: a cursor just past the 50,000th row (or half the
  list) for a list read by cursor, the last page number for a numbered list;
- the reports page's exports of every format with a wide date range, through the page and the
  API;
- the largest release the import accepts (``largest_release``), through the import page and
  the API, in a transaction rolled back afterwards.
"""

import json
import math
import traceback
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from bench import catalog, deep
from bench.catalog import Request, key_of
from bench.every import _with

# The search words each filter is tried with: many matches, and a handful.
WORDS = ("common", "rare")


def largest_release():
    """The seed's paragraphs repeated, each copy with its own place and day, for as many copies
    as the import accepts: the most paragraphs and the most quotes and claims a release may
    hold (FACTCHECK_MAX_PARAGRAPHS and FACTCHECK_MAX_CLAIMS are reached together, at about
    700 KB; no release of more bytes than that in this shape gets past them).
    """
    from claims.extraction import extract, parse_release
    from tests.extraction_inputs import seed_text

    lines = seed_text().splitlines()

    def made(copies):
        return "\n".join([lines[0], *(
            line.replace("Tokyo", f"Tokyo-{n}").replace("Tuesday", f"Tuesday {n}")
            for n in range(copies) for line in lines[1:])])

    def fits(copies):
        text = made(copies)
        if len(text.encode()) > settings.FACTCHECK_MAX_RELEASE_BYTES:
            return False
        parsed = parse_release(text)
        if len(parsed.paragraphs) > settings.FACTCHECK_MAX_PARAGRAPHS:
            return False
        found = extract(parsed)
        return len(found.quotes) + len(found.claims) <= settings.FACTCHECK_MAX_CLAIMS

    # The paragraph limit bounds the copies; the claims of a copy may bound them sooner.
    low, high = 1, settings.FACTCHECK_MAX_PARAGRAPHS // max(1, len(lines) - 1)
    while low < high:
        middle = (low + high + 1) // 2
        if fits(middle):
            low = middle
        else:
            high = middle - 1
    return made(low)


def split(variants):
    """(filters, orderings, search names) of a page's single-choice variants.

    filters: one (params, labels) per filter name, its first choice (a list of choices read
    as the page links them: the first status tab, the first release of a picker).
    """
    filters, orderings, searches = {}, [], []
    for params, labels in variants:
        names = set(params)
        if names <= set(catalog.ORDERING_PARAMS):
            if "relevance" not in "".join(params.values()):
                orderings.append((params, labels))
        elif names <= set(catalog.SEARCH_PARAMS):
            searches += [name for name in names if name not in searches]
        elif not names & set(catalog.SEARCH_PARAMS + catalog.ORDERING_PARAMS):
            filters.setdefault(frozenset(names), (params, labels))
    return list(filters.values()), orderings, searches


def combined(*parts):
    params, labels = {}, []
    for part_params, part_labels in parts:
        params.update(part_params)
        labels += part_labels
    return params, labels


def combinations(variants, words):
    """(params, labels) of the sampled combinations of a page's variants."""
    filters, orderings, searches = split(variants)
    if not filters and not (orderings and searches):
        return []
    word_parts = [({name: words[which]}, [(name, f"<{which}>")])
                  for name in searches[:1] for which in WORDS]
    found = []
    for one in filters:
        found += [combined(one, order) for order in orderings]
        found += [combined(one, word) for word in word_parts]
        found += [combined(one, word, order) for word in word_parts for order in orderings[:2]]
    together = combined(*filters) if len(filters) > 1 else None
    for word in [None, *word_parts] if together else ():
        base = combined(together, word) if word else together
        found.append(base)
        found += [combined(base, order) for order in orderings]
    if not filters:
        found += [combined(word, order) for word in word_parts for order in orderings]
    unique = {}
    for params, labels in found:
        unique.setdefault(urlencode(sorted(params.items())), (params, labels))
    return list(unique.values())


def add_page(every, pattern, url, who, kind, variants, is_api):
    """The combinations of one list page, each on its first and deepest page."""
    template = pattern.template
    for params, labels in combinations(variants, every.words):
        every.catalog.add(Request(key_of("GET", template, labels), _with(url, params), who=who,
                                  kind=kind, view=pattern.view, params=params))
        try:
            extra = deepest(every, pattern, url, who, params, is_api)
        except Exception:
            every.notes[key_of("GET", template, labels) + " deep"] = (
                "no deep page: " + traceback.format_exc(limit=2).splitlines()[-1])
            continue
        if extra:
            every.catalog.add(Request(
                key_of("GET", template, [*labels, *((n, "<deep>") for n in extra)]),
                _with(url, {**params, **extra}), who=who, kind=kind, view=pattern.view))


def deepest(every, pattern, url, who, params, is_api):
    """The parameters of the deepest page of a list filtered by ``params``, or None."""
    cursor = deep.deep_params(pattern.view, pattern.callback, params, every.editor)
    if cursor or pattern.view in ("claims:queue", "api:claim-list"):
        return cursor
    status, content_type, body, _, _ = every.discover(_with(url, params), who)
    if status != 200:
        return None
    if is_api:
        try:
            data = json.loads(body)
        except ValueError:
            return None
        if isinstance(data, dict) and isinstance(data.get("count"), int) and data.get("results"):
            last = math.ceil(data["count"] / len(data["results"]))
            return {"page": str(last)} if last > 1 else None
        return None
    _, pages = catalog.link_variants(urlsplit(url).path, body, every.words, every.values)
    if not pages:
        return None
    name = next((n for n in catalog.PAGE_PARAMS if f"{n}=" in body.decode("utf-8", "replace")),
                "page")
    return {name: str(max(pages))} if max(pages) > 1 else None


def add_writes(every):
    """Every export format with a wide date range, and the largest release imported."""
    wide = {"since": every.values["date_from"], "until": every.values["date_until"]}
    from claims.reports import FORMATS

    for url_name, through_api in (("claims:report_export", False),
                                  ("api:report-approved", True)):
        try:
            url = reverse(url_name)
        except NoReverseMatch:
            continue
        for fmt in FORMATS:
            if through_api:
                every.catalog.add(Request(
                    f"POST {url}?format={fmt}&since=<from>&until=<until>",
                    _with(url, {"format": fmt, **wide}), method="POST", kind="export", post={},
                    content_type="application/json", rolled_back=True, view=url_name))
            else:
                every.catalog.add(Request(
                    f"POST {url} format={fmt}&since=<from>&until=<until>", url, method="POST",
                    kind="export", post={"format": fmt, **wide}, rolled_back=True,
                    view=url_name))
    largest = largest_release()
    every.notes["largest release"] = (
        f"{len(largest.encode()):,} bytes, {largest.count(chr(10)) + 1:,} lines")
    counter = iter(range(10**9))

    def upload():
        from django.core.files.uploadedfile import SimpleUploadedFile

        # A new headline each time, so the importer never finds it already there.
        fresh = largest.replace("\n", f" (bench run {next(counter)})\n", 1).encode()
        return {"file": SimpleUploadedFile("release.txt", fresh, "text/plain")}

    for url_name in ("claims:release_import", "api:release-list"):
        url = reverse(url_name)
        every.catalog.add(Request(f"POST {url} file=<largest release>", url, method="POST",
                                  kind="import", post=upload, rolled_back=True,
                                  view=url_name))
