"""An HTML page of a release -> headline and body paragraphs (BeautifulSoup, html.parser)."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from .errors import NoBodyText
from .text import is_boilerplate, normalize_text

# Elements that never hold the release text.
_DROP_TAGS = (
    "script", "style", "noscript", "template", "nav", "footer", "aside", "form", "iframe",
    "svg", "button", "select", "input", "textarea", "dialog", "object", "embed", "canvas",
)
# class/id fragments of page furniture: banners, share bars, menus, breadcrumbs ...
_NOISE = (
    "cookie", "consent", "gdpr", "share", "sharing", "social", "breadcrumb", "menu", "navbar",
    "newsletter", "subscribe", "related", "sidebar", "skip-link", "skiplink", "advert",
    "promo", "popup", "modal", "banner", "comment", "pagination", "print-", "toolbar",
    "masthead", "site-header", "site-footer", "global-header", "global-footer", "signup",
)
_BLOCKS = ("p", "li", "blockquote", "dd")
_SITE_SEPARATORS = (" | ", " – ", " — ", " - ", " :: ", " · ", " • ")


def looks_like_html(text: str) -> bool:
    """True for a page or fragment of HTML rather than plain text."""
    head = text.lstrip()[:2048].lower()
    if head.startswith(("<!doctype", "<html", "<?xml", "<head", "<body", "<article", "<div")):
        return True
    sample = text[:65536].lower()
    return any(tag in sample for tag in ("<p>", "<p ", "<body", "</p>", "<br>", "<br/>", "</div>"))


def parse_html(page: str) -> list[str]:
    """Headline first, then body paragraphs, each normalized; raises ``NoBodyText``."""
    soup = BeautifulSoup(page, "html.parser")
    for br in soup.find_all("br"):
        br.replace_with("\n")
    for tag in soup.find_all(_DROP_TAGS):
        tag.decompose()
    for tag in soup.find_all(_is_noise):
        tag.decompose()
    container = _main_container(soup)
    headline = _headline(soup, container)
    for tag in container.find_all("header"):
        if not tag.find("p") or tag.find("h1"):
            tag.decompose()
    paragraphs = [p for p in (_block_text(el) for el in _blocks(container)) if p]
    if not paragraphs:
        text = _clean(container.get_text("\n"))
        paragraphs = [line for line in text.split("\n") if len(line.split()) > 3]
    paragraphs = [p for p in paragraphs if not is_boilerplate(p)]
    if headline and paragraphs and paragraphs[0] == headline:
        paragraphs = paragraphs[1:]
    if not paragraphs:
        raise NoBodyText()
    if not headline:
        headline, paragraphs = paragraphs[0], paragraphs[1:]
        if not paragraphs:
            raise NoBodyText()
    return [headline, *paragraphs]


def _is_noise(tag: Tag) -> bool:
    if not isinstance(tag, Tag) or tag.name in ("html", "body", "main", "article"):
        return False
    attrs = tag.attrs or {}
    if attrs.get("role") in ("navigation", "banner", "contentinfo", "search", "dialog"):
        return True
    if attrs.get("aria-hidden") == "true" or "hidden" in attrs:
        return True
    marks = " ".join([*attrs.get("class", []), attrs.get("id", "") or ""]).lower()
    return bool(marks) and any(word in marks for word in _NOISE)


def _main_container(soup: BeautifulSoup) -> Tag:
    for found in (
        soup.find("article"),
        soup.find("main"),
        soup.find(attrs={"role": "main"}),
        soup.find(attrs={"itemprop": "articleBody"}),
    ):
        if isinstance(found, Tag) and _text_length(found) > 0:
            return found
    best, best_length = None, 0
    for candidate in soup.find_all(["div", "section", "td"]):
        length = sum(len(p.get_text()) for p in candidate.find_all("p", recursive=False))
        if length > best_length:
            best, best_length = candidate, length
    return best or soup.body or soup


def _text_length(tag: Tag) -> int:
    return sum(len(p.get_text()) for p in tag.find_all(["p", "li", "blockquote"]))


def _headline(soup: BeautifulSoup, container: Tag) -> str:
    for h1 in (container.find("h1"), soup.find("h1")):
        if isinstance(h1, Tag):
            text = _clean(h1.get_text())
            if text:
                return text
    title = soup.find("title")
    if isinstance(title, Tag):
        text = _clean(title.get_text())
        for separator in _SITE_SEPARATORS:
            if separator in text:
                parts = [part.strip() for part in text.split(separator)]
                text = max(parts, key=lambda part: (len(part.split()) >= 3, len(part)))
                break
        return text
    return ""


def _blocks(container: Tag):
    for el in container.find_all(_BLOCKS):
        if el.find(_BLOCKS):
            continue
        if el.name == "li" and _is_link_list_item(el):
            continue
        yield el


def _is_link_list_item(li: Tag) -> bool:
    text = li.get_text().strip()
    links = "".join(a.get_text() for a in li.find_all("a")).strip()
    return bool(links) and len(links) >= 0.8 * len(text) and len(text.split()) < 12


def _block_text(el: Tag) -> str:
    return _clean(el.get_text())


def _clean(text: str) -> str:
    return normalize_text(text.replace("\n", " ")).strip()
