"""An HTML page of a release -> headline and body paragraphs, in one pass over the page.

The page is read as a stream of tags and text (no tree is built), so the work grows with
its length whatever its nesting: a thousand nested lists or a million ``<br>`` cost what
their bytes cost. Paragraphs are the text of ``p``, ``li``, ``blockquote`` and ``dd``
elements (text before a nested block is a paragraph of its own); page furniture (scripts,
navigation, footers, share bars, cookie banners...) is skipped; the release is the text of
the page's ``article`` or ``main`` element, else of the element holding most paragraph text.
"""

from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass, field
from html import unescape

from .budget import charge
from .errors import NoBodyText
from .text import is_boilerplate

# Elements that never hold the release text.
_DROP_TAGS = frozenset([
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "iframe",
    "svg", "button", "select", "input", "textarea", "dialog", "object", "embed", "canvas",
    "head",
])
# Their content is raw text up to their closing tag: never read as tags.
_RAW_TEXT = frozenset(["script", "style", "textarea", "title", "xmp", "noscript", "template"])
# class/id fragments of page furniture: banners, share bars, menus, breadcrumbs ...
_NOISE = (
    "cookie", "consent", "gdpr", "share", "sharing", "social", "breadcrumb", "menu", "navbar",
    "newsletter", "subscribe", "related", "sidebar", "skip-link", "skiplink", "advert",
    "promo", "popup", "modal", "banner", "comment", "pagination", "print-", "toolbar",
    "masthead", "site-header", "site-footer", "global-header", "global-footer", "signup",
)
_NOISE_ROLES = frozenset(["navigation", "banner", "contentinfo", "search", "dialog"])
_BLOCKS = frozenset(["p", "li", "blockquote", "dd"])
# Elements whose start or end breaks a line of loose text (for pages without paragraphs).
_BREAKS = frozenset([
    "div", "section", "article", "main", "br", "tr", "td", "th", "table", "ul", "ol", "dl",
    "dt", "h1", "h2", "h3", "h4", "h5", "h6", "header", "hr",
])
_CONTAINERS = frozenset(["div", "section", "td"])
_VOID = frozenset([
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param",
    "source", "track", "wbr",
])
_CLOSES_P = frozenset([
    "p", "div", "ul", "ol", "dl", "li", "blockquote", "table", "section", "article", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "footer", "main", "nav", "aside", "pre", "hr",
    "form", "figure",
])
_SITE_SEPARATORS = (" | ", " – ", " — ", " - ", " :: ", " · ", " • ")
_ATTRIBUTE = re.compile(r"""([^\s=/>"']+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def looks_like_html(text: str) -> bool:
    """True for a page or fragment of HTML rather than plain text."""
    head = text.lstrip()[:2048].lower()
    if head.startswith(("<!doctype", "<html", "<?xml", "<head", "<body", "<article", "<div")):
        return True
    sample = text[:65536].lower()
    return any(tag in sample for tag in ("<p>", "<p ", "<body", "</p>", "<br>", "<br/>", "</div>"))


@dataclass(slots=True)
class _Element:
    name: str
    start: int  # event number at its start tag
    end: int = -1  # event number at its end (or where it was closed implicitly)
    skipped: bool = False  # furniture: its text is not the release
    container: bool = False  # a candidate for the release's body
    role_main: bool = False
    direct_p: int = 0  # characters of <p> text directly inside it
    text: list[str] = field(default_factory=list)  # text of a block (or h1/title)
    links: int = 0  # characters of that text inside links
    has_p: bool = False
    has_h1: bool = False


@dataclass
class _Found:
    text: str
    at: int  # event number
    header: _Element | None
    quoted: bool = False  # inside a <blockquote>


class _Reader:
    """Walks the tags and text of a page once, collecting blocks, headings and loose text."""

    def __init__(self) -> None:
        self.stack: list[_Element] = []
        self.open_names: dict[str, int] = {}
        self.skipping = 0  # how many skipped elements are open
        self.event = 0
        self.blocks: list[_Found] = []
        self.loose: list[_Found] = []  # lines of text outside blocks
        self.loose_line: list[str] = []
        self.h1: list[_Found] = []
        self.title = ""
        self.containers: list[_Element] = []
        self.headers: list[_Element] = []  # the open <header> elements, innermost last
        self.holders: list[_Element] = []  # the open blocks and h1, innermost last
        self.link_depth = 0

    # -- tags -------------------------------------------------------------------------------
    def start(self, name: str, attrs: dict[str, str], self_closing: bool) -> None:
        self.event += 1
        if name in _BREAKS:
            self._break_loose()
        if name in _VOID:
            return
        if name in _CLOSES_P and self.stack and self.stack[-1].name == "p":
            self.end("p")
        if name == "li" and self.stack and self.stack[-1].name == "li":
            self.end("li")
        if name in _BLOCKS:
            self._flush_block_text()
        element = _Element(name, self.event)
        element.skipped = name in _DROP_TAGS or _is_noise(name, attrs)
        element.container = name in ("article", "main") or name in _CONTAINERS
        element.role_main = attrs.get("role") == "main" or attrs.get("itemprop") == "articleBody"
        if element.container or element.role_main:
            self.containers.append(element)
        if self_closing:
            element.end = self.event
            return
        if name == "header":
            self.headers.append(element)
        if name in _BLOCKS or name == "h1":
            self.holders.append(element)
        if name == "a":
            self.link_depth += 1
        self.stack.append(element)
        self.open_names[name] = self.open_names.get(name, 0) + 1
        if element.skipped:
            self.skipping += 1

    def end(self, name: str) -> None:
        if not self.open_names.get(name):
            return  # a stray end tag
        self.event += 1
        while self.stack:
            element = self.stack.pop()
            self.open_names[element.name] -= 1
            self._close(element)
            if element.name == name:
                break
        if name in _BREAKS:
            self._break_loose()

    def _close(self, element: _Element) -> None:
        element.end = self.event
        if element.skipped:
            self.skipping -= 1
        if element.name == "a":
            self.link_depth = max(0, self.link_depth - 1)
        if self.holders and self.holders[-1] is element:
            self.holders.pop()
        if element.name in _BLOCKS:
            self._emit_block(element, parent=self.stack[-1] if self.stack else None)
        elif element.name == "h1":
            text = _clean("".join(element.text))
            if text and not self.skipping:
                self.h1.append(_Found(text, element.start, self._header()))
                if self.headers:
                    self.headers[-1].has_h1 = True
        elif element.name == "header" and self.headers and self.headers[-1] is element:
            self.headers.pop()
            if self.headers:
                # What a header holds, the header around it holds too.
                self.headers[-1].has_p |= element.has_p
                self.headers[-1].has_h1 |= element.has_h1

    # -- text -------------------------------------------------------------------------------
    def text(self, data: str) -> None:
        if self.skipping:
            return
        holder = self._holder()
        if holder is not None:
            holder.text.append(data)
            if self.link_depth:
                holder.links += len(data.strip())
        else:
            self.loose_line.append(data)

    def title_text(self, data: str) -> None:
        if not self.title:
            self.title = _clean(data)

    def _holder(self) -> _Element | None:
        return self.holders[-1] if self.holders else None

    def _flush_block_text(self) -> None:
        """Text a block holds before a nested block starts is a paragraph of its own."""
        holder = self._holder()
        if holder is not None and holder.name in _BLOCKS and holder.text:
            self._emit_block(holder)

    def _emit_block(self, element: _Element, parent: _Element | None = None) -> None:
        text = _clean("".join(element.text))
        links, element.text, element.links = element.links, [], 0
        if not text or self.skipping:
            return
        if element.name == "li" and links and links >= 0.8 * len(text) and len(text.split()) < 12:
            return  # a list of links: navigation that escaped its <nav>
        if element.name == "p" and parent is not None and parent.name in _CONTAINERS:
            parent.direct_p += len(text)
        if self.headers:
            self.headers[-1].has_p = True
        quoted = element.name == "blockquote" or bool(self.open_names.get("blockquote"))
        self.blocks.append(_Found(text, self.event, self._header(), quoted))

    def _break_loose(self) -> None:
        if self.loose_line:
            text = _clean("".join(self.loose_line))
            self.loose_line = []
            if text and not self.skipping:
                self.loose.append(_Found(text, self.event, self._header()))

    def _header(self) -> _Element | None:
        return self.headers[-1] if self.headers else None

    def finish(self) -> None:
        self.event += 1
        while self.stack:
            element = self.stack.pop()
            self._close(element)
        self._break_loose()


def _is_noise(name: str, attrs: dict[str, str]) -> bool:
    if not attrs or name in ("html", "body", "main", "article"):
        return False
    if attrs.get("role") in _NOISE_ROLES:
        return True
    if attrs.get("aria-hidden") == "true" or "hidden" in attrs:
        return True
    marks = " ".join([attrs.get("class", ""), attrs.get("id", "")]).lower()
    return bool(marks.strip()) and any(word in marks for word in _NOISE)


# A tag, up to its first ">": every "<" before the page's last ">" that starts a name has one.
_TAG = re.compile(r"<(/?)([A-Za-z][A-Za-z0-9:-]*)([^>]*)>|<!--|<[!?][^>]*>")


def _text(reader: _Reader, data: str) -> None:
    if data:
        reader.text(unescape(data) if "&" in data else data)


def _read(page: str) -> _Reader:
    """Feed ``page`` to a reader: tags by their first ``>``, raw text to its end tag."""
    reader = _Reader()
    n = len(page)
    last_gt = page.rfind(">")
    i = tags = 0
    while i <= last_gt:
        m = _TAG.search(page, i, last_gt + 1)
        if m is None:
            break
        _text(reader, page[i:m.start()])
        i = m.end()
        name = m.group(2)
        if name is None:
            if m.group() == "<!--":
                close = page.find("-->", i)
                i = n if close < 0 else close + 3
            continue  # a comment, <!DOCTYPE ...>, <?xml ...>
        name = name.lower()
        tags += 1
        if tags % 1000 == 0:
            charge(3000)  # (a tag costs what about three words do)
        if m.group(1):
            reader.end(name)
            continue
        rest = m.group(3)
        attrs = _attributes(rest) if "=" in rest or "hidden" in rest else {}
        if name in _RAW_TEXT:
            close = _find_end_tag(page, name, i)
            raw = page[i:close if close >= 0 else n]
            i = n if close < 0 else page.find(">", close) + 1 or n
            if name == "title":
                reader.title_text(unescape(raw))
            elif name not in _DROP_TAGS:
                _text(reader, raw)
            continue
        reader.start(name, attrs, rest.endswith("/") and name not in _BLOCKS)
        if name == "br":
            reader.text("\n")
    if i < n:
        _text(reader, page[i:])
    reader.finish()
    return reader


def _find_end_tag(page: str, name: str, i: int) -> int:
    m = re.compile(f"</{name}\\s*>", re.IGNORECASE).search(page, i)
    return m.start() if m else -1


def _attributes(inside: str) -> dict[str, str]:
    attrs: dict[str, str] = {}
    for m in _ATTRIBUTE.finditer(inside):
        key = m.group(1).lower()
        value = m.group(2) if m.group(2) is not None else m.group(3) if m.group(3) is not None \
            else m.group(4) or ""
        attrs.setdefault(key, unescape(value))
    return attrs


def parse_html(page: str) -> tuple[list[str], list[str]]:
    """Headline first, then body paragraphs, each normalized; and the boilerplate left out.

    Raises ``NoBodyText`` when the page has no body text.
    """
    paragraphs, left_out, _quoted = parse_html_blocks(page)
    return paragraphs, left_out


def parse_html_blocks(page: str) -> tuple[list[str], list[str], list[int]]:
    """``parse_html`` and the indexes of the paragraphs set in a ``<blockquote>``."""
    reader = _read(page)
    container = _main_container(reader)

    def inside(found: _Found) -> bool:
        if container is not None and not (container.start <= found.at <= container.end):
            return False
        header = found.header
        return header is None or (header.has_p and not header.has_h1)

    found = [f for f in reader.blocks if inside(f)]
    headline = _headline(reader, container)
    if not found:
        found = [f for f in reader.loose if inside(f) and len(f.text.split()) > 3]
    left_out = [f.text for f in found if is_boilerplate(f.text)]
    found = [f for f in found if not is_boilerplate(f.text)]
    if headline and found and found[0].text == headline:
        found = found[1:]
    if not found:
        raise NoBodyText()
    if not headline:
        headline, found = found[0].text, found[1:]
        if not found:
            raise NoBodyText()
    quoted = [i for i, f in enumerate(found, 1) if f.quoted]
    return [headline, *(f.text for f in found)], left_out, quoted


def _main_container(reader: _Reader) -> _Element | None:
    """The page's article, main or role=main element with text, else the div, section or
    cell holding most paragraph text directly, else the whole page (None)."""
    ats = [f.at for f in reader.blocks]

    def has_text(element: _Element) -> bool:
        i = bisect_left(ats, element.start)
        return i < len(ats) and ats[i] <= element.end

    for test in (lambda e: e.name == "article", lambda e: e.name == "main",
                 lambda e: e.role_main):
        for element in reader.containers:
            if test(element) and not element.skipped and has_text(element):
                return element
    best = max((e for e in reader.containers if e.name in _CONTAINERS and not e.skipped),
               key=lambda e: e.direct_p, default=None)
    return best if best is not None and best.direct_p > 0 else None


def _headline(reader: _Reader, container: _Element | None) -> str:
    if container is not None:
        for found in reader.h1:
            if container.start <= found.at <= container.end:
                return found.text
    if reader.h1:
        return reader.h1[0].text
    text = reader.title
    for separator in _SITE_SEPARATORS:
        if separator in text:
            parts = [part.strip() for part in text.split(separator)]
            text = max(parts, key=lambda part: (len(part.split()) >= 3, len(part)))
            break
    return text


def _clean(text: str) -> str:
    """One line: every run of spaces (of any kind) and line breaks is one space."""
    return " ".join(text.translate(_INVISIBLE).split())


_INVISIBLE = dict.fromkeys(map(ord, "\u200b\u200c\u200d\u2060\ufeff\u00ad"))
