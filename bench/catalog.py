"""The list of every request the benchmark times, built from the URLconf and the API schema.

Nothing here names a page. The list starts from every URL pattern of the project:

- a pattern without parameters is requested as it is (``/review/``, ``/admin/claims/claim/``,
  ``/api/v1/claims/``);
- a pattern with parameters is filled with the release and claim the benchmark chose (the
  largest release, the claim richest in notes and history) when its parameter or model says it
  shows one, and otherwise with a link to it found on a page already requested (the change page
  of a speaker from the speaker list, a public fact-check from the public list);
- each page is then requested again with what it offers: every choice of every filter its own
  links and GET forms offer (status tabs, admin filter sidebars, pickers), each ordering (both
  directions), a search for a common word, a middling word, a two-word phrase, a rare word and
  a word no claim contains (each again sorted by relevance where the list offers that sort), a
  date range, and its deepest page: the last page number, or for the lists read by cursor a
  cursor deep in the list (bench/deep.py);
- an API endpoint takes its query parameters from the OpenAPI schema (drf-spectacular): each
  value of each enum, ids and dates from the data set, the searches (sorted by relevance too),
  the last page or a deep cursor;
- and the writes an editor makes that must stay fast: every export format through the reports
  page and the API, and the seed release imported through the import page and the API, each in
  a transaction rolled back afterwards.

A request's key names its route, not the ids in it (``GET /review/claims/<pk>/``, ``GET
/review/ ?release=<first>``), so the same key means the same request on the small and the
large data set and their query counts can be compared.
"""

import json
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from html.parser import HTMLParser
from itertools import pairwise
from urllib.parse import parse_qsl, urlsplit

from django.urls import URLPattern, URLResolver, get_resolver, resolve
from django.urls.exceptions import Resolver404
from django.urls.resolvers import RoutePattern

# Parameters that move through a list rather than filter it.
PAGE_PARAMS = ("page", "p")
CURSOR_PARAMS = ("after", "before", "cursor")
ORDERING_PARAMS = ("ordering", "o", "sort")
SEARCH_PARAMS = ("q", "search")
# Parameters a link may carry that change nothing a user would time.
IGNORED_PARAMS = ("_popup", "_to_field", "_changelist_filters", "e", "next", "all", "page_size")
# Paths never requested: the benchmark's own floors, and what is not a page (a catch-all).
SKIPPED_PREFIXES = ("/bench/",)
# A filter with more choices than this is sampled: its first, middle and last choice.
MAX_CHOICES = 12
# A word no claim, speaker or release contains (nor a prefix of one).
NO_HIT_WORD = "vorpalquux"
# The share of claims the middling word and phrase are found in: between a rare word's few
# matches and a common word's tenth of the desk (1.5%: 15,000 claims of a million).
MIDDLING_SHARE = 0.015
# Rough English stop words: not useful as the "common word" of a search.
STOP_WORDS = frozenset((
    "about", "after", "again", "against", "along", "also", "among", "around", "because",
    "been", "before", "being", "between", "could", "during", "every", "first", "from", "have",
    "having", "into", "itself", "least", "more", "most", "much", "other", "over", "said",
    "same", "should", "since", "some", "such", "than", "that", "their", "them", "then",
    "there", "these", "they", "this", "those", "through", "under", "until", "very", "were",
    "what", "when", "where", "which", "while", "will", "with", "would", "years", "your",
))


@dataclass
class Request:
    """One request of the list: what is sent, as whom, and the key it is reported under."""

    key: str
    url: str
    method: str = "GET"
    # "editor" (the desk's editor), "admin" (a superuser, for admin pages an editor may not
    # see), "anonymous" (the public pages and the login page)
    who: str = "editor"
    kind: str = "page"  # page, api, export, import
    # A write: a function returning the POST data for one run (a new release each time), and
    # the transaction it runs in is rolled back.
    post: object = None
    content_type: str = ""  # of the POST body, when not a form (the API's JSON)
    rolled_back: bool = False
    view: str = ""  # the URL name, e.g. "claims:queue"
    params: dict = field(default_factory=dict)


@dataclass
class Pattern:
    view: str  # the namespaced URL name, or the route when it has none
    route: str  # e.g. "review/claims/<int:pk>/"
    params: tuple  # the names of its parameters
    callback: object
    regex: bool = False

    @property
    def template(self):
        """The route as a reader writes it: ``/review/claims/<pk>/``."""
        return "/" + re.sub(r"<(?:\w+:)?(\w+)>", r"<\1>", self.route)

    @property
    def model(self):
        model_admin = getattr(self.callback, "model_admin", None)
        return model_admin.model if model_admin is not None else None


def url_patterns():
    """Every URL pattern of the project: its name, route and parameters."""
    found = []

    def walk(patterns, prefix, namespace, regex):
        for entry in patterns:
            route, is_regex = _route(entry.pattern)
            if isinstance(entry, URLResolver):
                ns = namespace
                if entry.namespace:
                    ns = f"{namespace}:{entry.namespace}" if namespace else entry.namespace
                walk(entry.url_patterns, prefix + route, ns, regex or is_regex)
            elif isinstance(entry, URLPattern):
                full = prefix + route
                name = entry.name and (f"{namespace}:{entry.name}" if namespace else entry.name)
                params = tuple(re.findall(r"<(?:\w+:)?(\w+)>", full)) if not (
                    regex or is_regex) else tuple(re.findall(r"\(\?P<(\w+)>", full))
                found.append(Pattern(name or full, full, params, entry.callback,
                                     regex=regex or is_regex))

    walk(get_resolver().url_patterns, "", "", False)
    return found


def _route(pattern):
    if isinstance(pattern, RoutePattern):
        return str(pattern), False
    raw = str(pattern.regex.pattern).removeprefix("^").removesuffix("$").removesuffix(r"\Z")
    # A regex without any special character is a plain path.
    return raw, bool(re.search(r"[\\()\[\]*+?|{}^$.]", raw))


# Reading pages -------------------------------------------------------------------------------


class PageParser(HTMLParser):
    """The links of a page and the fields of its GET forms."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.links = []
        self.forms = []  # each: {"method", "action", "fields": [(tag, type, name, value)]}
        self._form = None
        self._select = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self._form = {"method": (attrs.get("method") or "get").lower(),
                          "action": attrs.get("action") or "", "fields": []}
            self.forms.append(self._form)
        elif self._form is not None and tag == "input" and attrs.get("name"):
            self._form["fields"].append(
                ("input", (attrs.get("type") or "text").lower(), attrs["name"],
                 attrs.get("value") or ""))
        elif self._form is not None and tag == "select" and attrs.get("name"):
            self._select = attrs["name"]
        elif self._select is not None and tag == "option":
            self._form["fields"].append(("select", "option", self._select,
                                         attrs.get("value") or ""))

    def handle_endtag(self, tag):
        if tag == "select":
            self._select = None
        elif tag == "form":
            self._form = None


def parse_page(body):
    parser = PageParser()
    try:
        parser.feed(body.decode("utf-8", "replace"))
    except Exception:  # a page that is not HTML offers nothing
        return PageParser()
    return parser


# What the data set holds -----------------------------------------------------------------


def choose_words():
    """The searches every search box is tried with, taken from the data set: a common word, a
    middling word and a two-word phrase (in quotes), a rare word and a word with no hits.

    The common word is the most frequent long word of the first few thousand claims. The
    middling word and the phrase are each found in about one claim in seventy (in its text,
    its speaker's name or its release's title, as a search finds them): too many to read
    every match cheaply, too few for the newest claims to fill a page at once. The rare word comes
    from the seed release (imported once in every data set) and appears in none of those
    claims; the last is in no claim at all.
    """
    from claims.models import Claim, Release

    seed = Release.objects.filter(organization="NATO").order_by("id").first()
    claims = Claim.objects.exclude(release=seed)
    texts = list(claims.order_by("id").values_list("text", flat=True)[:3000])
    counts = Counter(
        word for text in texts for word in set(re.findall(r"[a-z]{5,}", text.lower()))
        if word not in STOP_WORDS
    )
    common = counts.most_common(1)[0][0] if counts else "minister"
    # Claims spread over the whole desk, for how many hold a word: the first claims come
    # from a few dozen releases, whose names and topics each repeat in all their claims.
    last = claims.order_by("-id").values_list("id", flat=True).first() or 0
    sample = list(claims.filter(pk__in=range(1, last + 1, max(1, last // 3000)))
                  .values_list("text", "speaker__name", "release__title"))
    named = Counter(
        word for text, name, title in sample
        for word in set(re.findall(r"[a-z]{5,}", f"{text} {name or ''} {title}".lower()))
        if word not in STOP_WORDS
    )
    pairs = Counter(
        pair for text, _, title in sample for pair in _pairs(text) | _pairs(title)
    )
    rare = "Stoltenberg"
    if seed is not None:
        seed_words = {
            word for text in Claim.objects.filter(release=seed).values_list("text", flat=True)
            for word in re.findall(r"[A-Za-z]{7,}", text)
        }
        # Only in the seed release: none of the generated claims use it.
        candidates = sorted((w for w in seed_words
                             if w.lower() not in counts and w.lower() not in STOP_WORDS),
                            key=lambda w: (-len(w), w))
        if candidates:
            rare = candidates[0]
    mid = _middling(named, len(sample)) or "minister"
    phrase = _middling(pairs, len(sample)) or ("ferry", "terminal")
    return {"common": common, "mid": mid, "phrase": '"{} {}"'.format(*phrase), "rare": rare,
            "none": NO_HIT_WORD}


def _pairs(text):
    """The (word, next word) pairs of ``text`` whose words are both long and not stop words."""
    words = re.findall(r"[a-z]+", text.lower())
    return {pair for pair in pairwise(words)
            if all(len(word) >= 4 and word not in STOP_WORDS for word in pair)}


def _middling(counts, total):
    """Of ``counts`` (found in how many of ``total`` claims), the one nearest
    ``MIDDLING_SHARE`` of them, the first in alphabetical order on a tie."""
    if not counts or not total:
        return None
    return min(counts, key=lambda k: (abs(counts[k] / total - MIDDLING_SHARE), k))


def choose_values(chosen):
    """Real values for the filters that take an id, a name or a date, by the filter's name."""
    from claims.models import Claim, Release

    claim = Claim.objects.filter(pk=chosen["claim_id"]).values(
        "speaker_id", "assignee_id").first() or {}
    release = Release.objects.filter(pk=chosen["release_id"]).values("organization").first()
    speaker = claim.get("speaker_id") or (
        Claim.objects.exclude(speaker=None).order_by("id").values_list("speaker_id", flat=True)
        .first())
    assignee = Claim.objects.exclude(assignee=None).order_by("id").values_list(
        "assignee_id", flat=True).first()
    return {
        "release": chosen["release_id"], "claim": chosen["claim_id"], "speaker": speaker,
        "assignee": assignee, "organization": (release or {}).get("organization") or "",
        # A wide range: every row of the data set, which is the slow case of a date filter.
        "date_from": "2000-01-01", "date_until": "2099-12-31", "number": "0.5",
    }


def value_for(name, kind, values):
    """(value, label) for a filter named ``name`` of type ``kind``, or None."""
    base = name.lower().removesuffix("_id").removesuffix("__id__exact").removesuffix("__exact")
    if kind in ("date", "datetime-local"):
        if re.search(r"(after|since|from|gte|start|min)", base):
            return values["date_from"], "<from>"
        if re.search(r"(before|until|to|lte|end|max)", base):
            return values["date_until"], "<until>"
        return values["date_from"], "<date>"
    for known in ("release", "claim", "speaker", "assignee", "organization"):
        if base == known or base.endswith("_" + known) or base.startswith(known + "_"):
            if values.get(known) in (None, ""):
                return None
            return str(values[known]), f"<{known}>"
    if kind in ("number", "integer") or re.search(r"(_min|_max|score)", base):
        return values["number"], values["number"]
    if kind == "boolean":
        return "true", "true"
    return None


# Building the list -----------------------------------------------------------------------


class Catalog:
    """Collects the requests; ``add`` keeps keys unique and the order stable."""

    def __init__(self):
        self.requests = []
        self.keys = Counter()
        self.skipped = {}  # route -> why it is not in the list

    def add(self, request):
        self.keys[request.key] += 1
        if self.keys[request.key] > 1:
            request.key = f"{request.key} #{self.keys[request.key]}"
        self.requests.append(request)
        return request


def key_of(method, template, labels):
    query = "&".join(f"{name}={label}" for name, label in labels)
    return f"{method} {template}" + (f" ?{query}" if query else "")


def sample(values):
    """(value, label) of each value, or of a long list's first, middle and last.

    Ids (all digits) are always sampled and labelled by position, so that a key means the
    same request on a data set whose ids differ.
    """
    values = list(dict.fromkeys(values))
    if not values:
        return []
    numeric = all(v.lstrip("-").isdigit() for v in values)
    if not numeric and len(values) <= MAX_CHOICES:
        return [(v, None) for v in values]
    positions = {0: "<first>"}
    positions.setdefault(len(values) // 2, "<middle>")
    positions.setdefault(len(values) - 1, "<last>")
    return [(values[i], label) for i, label in sorted(positions.items())]


def label_of(name, value, words):
    """How a parameter's value reads in a key: itself, unless it depends on the data set."""
    if name in CURSOR_PARAMS:
        return "<cursor>"
    if name in SEARCH_PARAMS:
        for which, word in words.items():
            if value == word:
                return f"<{which}>"
    if re.fullmatch(r"\d{4}-\d\d-\d\d.*", value):
        return "<date>"
    if name not in ORDERING_PARAMS and value.isdigit() and name not in PAGE_PARAMS:
        return "<id>"
    return value


def link_variants(path, body, words, values):
    """(params, labels) of every variant a page offers through its own links and GET forms."""
    page = parse_page(body)
    by_name = defaultdict(list)  # a parameter -> the values its links and fields offer
    combos = []  # links that set several filter parameters at once (kept as they are)
    pages = []
    cursors = False
    for href in page.links:
        parts = urlsplit(href)
        if parts.path not in ("", path) or not parts.query:
            continue
        pairs = parse_qsl(parts.query, keep_blank_values=True)
        if any(k in CURSOR_PARAMS for k, _ in pairs):
            # A list read by cursor: a page number beside it only labels the page.
            cursors = True
            continue
        pairs = [(k, v) for k, v in pairs if k not in IGNORED_PARAMS]
        pairs = [(k, v) for k, v in pairs if v != ""]
        if any(k in PAGE_PARAMS for k, _ in pairs):
            pages += [int(v) for k, v in pairs if k in PAGE_PARAMS and v.isdigit()]
            continue
        if len(pairs) == 1:
            by_name[pairs[0][0]].append(pairs[0][1])
        elif pairs:
            combos.append(pairs)
    searches, dates = [], []
    for form in page.forms:
        action = urlsplit(form["action"]).path
        if form["method"] != "get" or action not in ("", path):
            continue
        for tag, kind, name, value in form["fields"]:
            if name in IGNORED_PARAMS or name in CURSOR_PARAMS or name in PAGE_PARAMS:
                continue
            if tag == "select":
                if value:
                    by_name[name].append(value)
            elif kind in ("checkbox", "radio"):
                by_name[name].append(value or "on")
            elif kind == "search" or name in SEARCH_PARAMS:
                searches.append(name)
            elif kind in ("date", "datetime-local"):
                dates.append(name)
            elif kind in ("text", "number"):
                found = value_for(name, kind, values)
                if found:
                    by_name[name].append(found[0])
    variants = []
    for name, offered in by_name.items():
        offered = list(dict.fromkeys(offered))
        if name in ORDERING_PARAMS:
            # Both directions of each ordering (the admin's headers link one at a time).
            offered += [v[1:] if v.startswith("-") else f"-{v}" for v in offered
                        if re.fullmatch(r"-?\d+", v)]
            offered = list(dict.fromkeys(offered))
            variants += [({name: v}, [(name, v)]) for v in offered]
            continue
        if name in SEARCH_PARAMS:
            continue
        for value, label in sample(offered):
            variants.append(({name: value}, [(name, label or label_of(name, value, words))]))
    for pairs in combos:
        variants.append((dict(pairs), [(k, label_of(k, v, words)) for k, v in pairs]))
    for name in dict.fromkeys(searches):
        for which, word in words.items():
            variants.append(({name: word}, [(name, f"<{which}>")]))
    if dates:
        params, labels = {}, []
        for name in dates:
            value, label = value_for(name, "date", values)
            params[name] = value
            labels.append((name, label))
        variants.append((params, labels))
    return variants, [] if cursors else pages


def _ranks(ordering):
    """Whether an ordering's value sorts a search's matches by how well they match."""
    return ordering.lstrip("-") == "relevance"


def ranking_orderings(variants):
    """``(parameter, value)`` of each ordering among ``variants`` that sorts by relevance."""
    return [(name, value) for params, _ in variants if len(params) == 1
            for name, value in params.items() if name in ORDERING_PARAMS and _ranks(value)]


def ranked_search_variants(names, words, ranking):
    """(params, labels) of each search box of ``names`` tried with each of ``words`` and
    sorted with each ``(parameter, value)`` of ``ranking``: by relevance, the sort that reads
    every match (or the newest of many) where the newest first stops at a page."""
    return [
        ({name: word, param: value}, [(name, f"<{which}>"), (param, value)])
        for name in names for which, word in words.items() for param, value in ranking
    ]


def api_variants(operation, words, values):
    """(params, labels) for each query parameter of an API operation in the OpenAPI schema."""
    variants = []
    for parameter in operation.get("parameters", []):
        if parameter.get("in") != "query":
            continue
        name = parameter["name"]
        schema = parameter.get("schema", {})
        if name in PAGE_PARAMS or name in CURSOR_PARAMS or name in IGNORED_PARAMS:
            continue
        enum = schema.get("enum") or schema.get("items", {}).get("enum")
        if name in SEARCH_PARAMS:
            ranking = [
                (other["name"], str(value)) for other in operation.get("parameters", [])
                if other.get("in") == "query" and other["name"] in ORDERING_PARAMS
                for value in other.get("schema", {}).get("enum") or () if _ranks(str(value))
            ]
            variants += [({name: word}, [(name, f"<{which}>")]) for which, word in words.items()]
            variants += ranked_search_variants([name], words, ranking)
        elif enum:
            variants += [({name: str(v)}, [(name, str(v))]) for v in enum if v not in ("", None)]
        else:
            kind = schema.get("format") if schema.get("format") in ("date", "date-time") else (
                schema.get("type", "string"))
            found = value_for(name, "date" if kind in ("date", "date-time") else kind, values)
            if found:
                variants.append(({name: found[0]}, [(name, found[1])]))
    return variants


def schema_operations():
    """path regex -> the GET operation of each API path, from the OpenAPI schema."""
    from drf_spectacular.generators import SchemaGenerator

    schema = SchemaGenerator().get_schema(request=None, public=True)
    found = []
    for path, item in schema.get("paths", {}).items():
        if "get" in item:
            regex = "^" + re.sub(r"\\\{\w+\\\}", r"[^/]+", re.escape(path)) + "$"
            found.append((re.compile(regex), item["get"]))
    return found


def operation_for(operations, path):
    for regex, operation in operations:
        if regex.match(path):
            return operation
    return None


def resolves(path):
    try:
        return resolve(path)
    except Resolver404:
        return None


def json_ids(body):
    """The ids of the rows of an API answer (a list, or a page of one)."""
    try:
        data = json.loads(body)
    except ValueError:
        return []
    rows = data.get("results", []) if isinstance(data, dict) else data
    return [row["id"] for row in rows if isinstance(row, dict) and "id" in row]
