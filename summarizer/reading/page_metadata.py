"""A news page's own metadata: its headline without the site's name, its publication date, its address.

Publishers say what a page is in several places, some more trustworthy than others. The title is,
in order of preference, the JSON-LD ``headline`` of the article, ``og:title``, the first ``<h1>`` and
``<title>``, each with the site's name taken off ("Talks resume - Norvale Herald" when the page names
itself "Norvale Herald" in ``og:site_name``, its domain or its other titles). The date is the
*publication* date, from JSON-LD ``datePublished``, the published-time meta tags, ``itemprop``
microdata or a ``<time>`` in the article: never a modified or updated date, which would date an old
story as news.
"""

from __future__ import annotations

import html as html_lib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from .metadata import normalise_date

# JSON-LD types whose headline and dates are the article's (schema.org's Article and its kinds).
_ARTICLE_TYPES = frozenset(
    t.lower()
    for t in (
        "Article", "NewsArticle", "ReportageNewsArticle", "AnalysisNewsArticle", "OpinionNewsArticle",
        "ReviewNewsArticle", "BackgroundNewsArticle", "AskPublicNewsArticle", "BlogPosting",
        "LiveBlogPosting", "SocialMediaPosting", "Report", "ScholarlyArticle", "TechArticle", "Review",
    )
)
# JSON-LD types that are never the article (their names and dates are not the story's).
_OTHER_TYPES = frozenset(
    t.lower()
    for t in (
        "WebSite", "Organization", "NewsMediaOrganization", "Person", "BreadcrumbList", "ImageObject",
        "VideoObject", "ListItem", "SiteNavigationElement", "SearchAction", "Place", "Product",
    )
)
# Meta tags (property, name or itemprop) that carry the publication date, best first. Modified or
# updated dates (article:modified_time, og:updated_time, dateModified, last-modified) are absent
# on purpose.
_PUBLISHED_META = (
    "article:published_time",
    "og:article:published_time",
    "og:published_time",
    "datepublished",
    "article.published",
    "article_date_original",
    "published_time",
    "published-date",
    "publish-date",
    "publishdate",
    "publish_date",
    "pubdate",
    "parsely-pub-date",
    "sailthru.date",
    "dc.date.issued",
    "dcterms.issued",
    "dc.date.created",
    "dcterms.created",
    "dc.date",
    "dcterms.date",
    "date",
    "og:pubdate",
    "datecreated",
)
_TITLE_SEPARATORS = re.compile(r"\s+(?:[|\-\u2013\u2014\u00b7\u2022/~]|::|\u00bb|\u203a|:)\s+|:\s+")
_WORD = re.compile(r"\w+")
_EARLIEST_YEAR = 1990


@dataclass(frozen=True)
class PageMetadata:
    title: str | None
    date: str | None
    """ISO ``YYYY-MM-DD``."""
    url: str | None
    site_name: str | None


def parse_html(html: str) -> lxml.html.HtmlElement | None:
    """The page as an lxml tree (whatever encoding its declaration names); None if unparsable."""
    try:
        parser = lxml.html.HTMLParser(encoding="utf-8", remove_comments=True)
        return lxml.html.document_fromstring(html.encode("utf-8", "surrogatepass"), parser=parser)
    except (lxml.etree.ParserError, ValueError):
        return None


def page_metadata(tree: lxml.html.HtmlElement | None) -> PageMetadata:
    if tree is None:
        return PageMetadata(None, None, None, None)
    meta = meta_tags(tree)
    items = list(json_ld_items(tree))
    articles = [item for item in items if _types(item) & _ARTICLE_TYPES]
    candidates = articles + [item for item in items if item not in articles and not _types(item) & _OTHER_TYPES]

    named = meta.get("og:url") or _canonical(tree)  # a relative one may still hold a date
    url = _absolute(tree, meta.get("og:url")) or _absolute(tree, _canonical(tree))
    # Some pages put the headline in application-name: a name as long as a title is no site's.
    titles = {_squash(t) for t in (meta.get("og:title"), tree.findtext(".//title")) if t}
    sites = [s for s in _site_names(meta, items, url) if len(s.split()) <= 6 and _squash(s) not in titles]
    return PageMetadata(
        title=_title(tree, meta, candidates, sites),
        date=_date(tree, meta, candidates, url or named),
        url=url,
        site_name=next(iter(sites), None),
    )


# -- sources ---------------------------------------------------------------------------------


def meta_tags(tree: lxml.html.HtmlElement) -> dict[str, str]:
    """The first non-empty content of each meta tag, by lower-case property, name or itemprop."""
    found: dict[str, str] = {}
    for element in tree.iter("meta"):
        content = (element.get("content") or "").strip()
        if not content:
            continue
        for attribute in ("property", "name", "itemprop", "http-equiv"):
            key = (element.get(attribute) or "").strip().lower()
            if key:
                found.setdefault(key, content)
    return found


def json_ld_items(tree: lxml.html.HtmlElement) -> Iterator[dict]:
    """Every object in the page's JSON-LD blocks, those in ``@graph`` and nested ones included."""
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() not in ("application/ld+json", "application/json+ld"):
            continue
        data = _load_json(script.text or "")
        if data is not None:
            yield from _objects(data, 0)


def _load_json(source: str) -> object | None:
    source = source.strip().removeprefix("<!--").removesuffix("-->").strip().rstrip(";")
    for attempt in (source, re.sub(r",\s*([\]}])", r"\1", source)):  # trailing commas, seen in the wild
        try:
            return json.loads(attempt, strict=False)  # strict=False: raw newlines inside strings
        except ValueError:
            continue
    return None


def _objects(data: object, depth: int) -> Iterator[dict]:
    if depth > 8:
        return
    if isinstance(data, list):
        for value in data:
            yield from _objects(value, depth + 1)
    elif isinstance(data, dict):
        yield data
        for key, value in data.items():
            if key in ("@graph", "mainEntity", "mainEntityOfPage", "itemListElement", "hasPart") or isinstance(value, list):
                yield from _objects(value, depth + 1)


def _types(item: dict) -> set[str]:
    kind = item.get("@type")
    kinds = kind if isinstance(kind, list) else [kind]
    return {k.lower().rsplit("/", 1)[-1] for k in kinds if isinstance(k, str)}


def _string(value: object) -> str | None:
    if isinstance(value, list) and value:
        value = value[0]
    if isinstance(value, dict):
        value = value.get("@value") or value.get("name")
    if isinstance(value, (str, int)) and not isinstance(value, bool):
        text = " ".join(html_lib.unescape(str(value)).split())
        return text or None
    return None


def _canonical(tree: lxml.html.HtmlElement) -> str | None:
    for link in tree.iter("link"):
        if "canonical" in (link.get("rel") or "").lower().split() and (link.get("href") or "").strip():
            return link.get("href").strip()
    return None


def _absolute(tree: lxml.html.HtmlElement, href: str | None) -> str | None:
    """``href`` as an absolute http(s) URL, resolved against the page's ``<base href>`` when it has
    an absolute one; None when it cannot be made one: a relative canonical ("/pages/story.html")
    with no base names no page, and would stand in Sources for a file's path."""
    if not href:
        return None
    base = next((b.get("href", "").strip() for b in tree.iter("base") if b.get("href")), "")
    if _is_web_url(base):
        href = urljoin(base, href)
    return href if _is_web_url(href) else None


def _is_web_url(url: str) -> bool:
    parts = urlsplit(url)
    return parts.scheme in ("http", "https") and bool(parts.netloc)


# -- title -----------------------------------------------------------------------------------


def _site_names(meta: dict[str, str], items: list[dict], url: str | None) -> list[str]:
    """What the site calls itself: og:site_name, application-name, the publisher, its domain."""
    names = [meta.get(key) for key in ("og:site_name", "application-name", "apple-mobile-web-app-title", "al:ios:app_name")]
    names.append((meta.get("twitter:site") or "").lstrip("@"))
    for item in items:
        publisher = item.get("publisher")
        if isinstance(publisher, dict):
            names.append(_string(publisher.get("name")))
        if _types(item) & {"website", "organization", "newsmediaorganization"}:
            names.append(_string(item.get("name")))
    host = urlsplit(url or "").hostname or ""
    labels = [label for label in host.split(".") if label not in ("www", "m", "amp", "edition", "mobile")]
    if len(labels) >= 2:
        # the registered name: "bbc" in www.bbc.co.uk, "nytimes" in www.nytimes.com
        core = labels[-3] if len(labels) >= 3 and len(labels[-1]) == 2 and len(labels[-2]) <= 3 else labels[-2]
        names += [core, ".".join(labels[-2:])]
    seen: list[str] = []
    for name in names:
        name = " ".join((name or "").split())
        if name and name not in seen:
            seen.append(name)
    return seen


def _squash(text: str) -> str:
    return "".join(_WORD.findall(text.lower()))


def _is_site(segment: str, sites: list[str]) -> bool:
    squashed = _squash(segment)
    if not squashed:
        return False
    for site in sites:
        name = _squash(site)
        if not name:
            continue
        if squashed == name:
            return True
        # "BBC News" for bbc, "The Norvale Herald" for "Norvale Herald", "Norvale Herald Online"
        if len(segment.split()) <= 4 and len(name) >= 3 and (name in squashed or squashed in name and len(squashed) >= 4):
            return True
    return False


def strip_site_name(title: str, sites: list[str], references: tuple[str, ...] = ()) -> str:
    """``title`` without a site name before or after it ("Talks resume | Norvale Herald").

    Also without whatever follows a separator when what precedes it is one of ``references``
    (the page's other titles): "Talks resume - Herald" when og:title is "Talks resume".
    """
    title = " ".join(title.split())
    for _ in range(3):  # "Talks resume | World | Norvale Herald" loses at most a few parts
        separators = list(_TITLE_SEPARATORS.finditer(title))
        if not separators:
            break
        first, last = separators[0], separators[-1]
        head, tail = title[: first.start()], title[last.end() :]
        # A colon may follow a site's name ("Norvale Herald: Talks resume") but rarely precedes one.
        if ":" not in last.group() and _is_site(tail, sites) and len(_WORD.findall(title[: last.start()])) >= 2:
            title = _trim_separator(title[: last.start()])
        elif _is_site(head, sites) and len(_WORD.findall(title[first.end() :])) >= 2:
            title = title[first.end() :].strip()
        else:
            for reference in references:
                ref = _squash(reference)
                if ref and len(ref) < len(_squash(title)):
                    # "Talks resume - Herald" over "Talks resume", "Riverside Gazette: Council reopens the
                    # bridge" over a heading "Council reopens the bridge". What is cut is a site's name (a
                    # section's too), never the headline's larger part: a kicker "Norvale bridge" leaves
                    # "Norvale bridge - the vote that split the council" whole.
                    for separator in separators:
                        head, tail = title[: separator.start()], title[separator.end() :]
                        head_words, tail_words = len(_WORD.findall(head)), len(_WORD.findall(tail))
                        if _squash(head) == ref and tail_words <= min(8, head_words):
                            return head.strip()
                        if _squash(tail) == ref and head_words <= min(5, tail_words):
                            return tail.strip()
            break
    return title


def _trim_separator(text: str) -> str:
    return re.sub(r"(?:\s*(?:[|\-\u2013\u2014\u00b7\u2022/~:]|::|\u00bb|\u203a))+$", "", text).strip()


def _title(tree: lxml.html.HtmlElement, meta: dict[str, str], items: list[dict], sites: list[str]) -> str | None:
    headline = next((h for h in (_string(item.get("headline")) for item in items) if h), None)
    og_title = meta.get("og:title") or meta.get("twitter:title")
    og_title = " ".join(html_lib.unescape(og_title).split()) if og_title else None
    h1 = _first_h1(tree)
    page_title = " ".join(html_lib.unescape(tree.findtext(".//title") or "").split()) or None
    references = tuple(t for t in (headline, og_title, h1 or _first_heading(tree)) if t)

    if headline and og_title:
        # Headlines in JSON-LD are sometimes cut at 110 characters ("... the talks were...").
        cut = _squash(headline.rstrip(".\u2026 "))
        if len(headline) >= 100 and _squash(og_title).startswith(cut) and len(og_title) > len(headline):
            headline = og_title
    if h1 and page_title and not _overlaps(h1, page_title):
        h1 = None  # a section's or the site's name ("Health Center"), not this page's headline
    for candidate in (headline, og_title, h1, page_title):
        if candidate:
            stripped = strip_site_name(candidate, sites, tuple(r for r in references if r != candidate))
            if _WORD.search(stripped) and not _is_site(stripped, sites):
                return stripped
    return None


def _overlaps(h1: str, page_title: str) -> bool:
    """Whether most of the words of an <h1> are in the page's <title>."""
    words, title_words = _WORD.findall(h1.lower()), set(_WORD.findall(page_title.lower()))
    return sum(word in title_words for word in words) >= 0.5 * len(words)


def _first_h1(tree: lxml.html.HtmlElement) -> str | None:
    for scope in (".//article//h1", ".//main//h1", ".//h1"):
        for heading in tree.iterfind(scope):
            text = _heading_text(heading)
            if len(_WORD.findall(text)) >= 2:
                return text
    return None


# Where a page without an <h1> writes its headline: its first heading, or an element it calls one.
_HEADINGS = (
    "//*[self::h2 or self::h3 or @itemprop='headline'"
    " or contains(translate(@class, 'HEADLIN', 'headlin'), 'headline')]"
    "[not(ancestor::nav or ancestor::footer or ancestor::aside or ancestor::a)]"
)


def _first_heading(tree: lxml.html.HtmlElement) -> str | None:
    """The page's first heading when it has no <h1> (an <h2>, a ``<b class="headline">``): only a
    reference, which tells what of the <title> is the headline, never a title by itself."""
    for heading in tree.xpath(_HEADINGS):
        text = _heading_text(heading)
        if len(_WORD.findall(text)) >= 2:
            return text
    return None


_BLOCKS = frozenset(
    {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "table", "tr", "td", "blockquote",
     "figure", "header", "footer", "aside", "nav", "form", "h1", "h2", "h3", "h4", "h5", "h6"}
)


def _heading_text(heading: lxml.html.HtmlElement) -> str:
    """A heading's words; only those before its first child when it holds blocks, as an <h1> left
    open (``<h1>Headline</h2>``) swallows the byline and the story after it."""
    if any(isinstance(node.tag, str) and node.tag in _BLOCKS for node in heading.iterdescendants()):
        return " ".join((heading.text or "").split())
    return " ".join(heading.text_content().split())


# -- date ------------------------------------------------------------------------------------


_PUBLISHED_CLASS = (
    "//*[not(self::script or self::style or self::input or self::meta)]"
    "[contains(translate(@class, 'PUBLISHED', 'published'), 'publish')"
    " or contains(translate(@class, 'PUBDATE', 'pubdate'), 'pubdate')"
    " or contains(translate(@id, 'PUBLISHED', 'published'), 'publish')]"
)
_URL_DATE = re.compile(r"/((?:19|20)\d{2})[/-]?(0[1-9]|1[0-2])[/-]?(0[1-9]|[12]\d|3[01])(?:/|[-_]|$)")


def _date(tree: lxml.html.HtmlElement, meta: dict[str, str], items: list[dict], url: str | None) -> str | None:
    for item in items:
        found = _iso(_string(item.get("datePublished")))
        if found:
            return found
    for key in _PUBLISHED_META:
        found = _iso(meta.get(key))
        if found:
            return found
    for element in tree.xpath('//*[@itemprop="datePublished"]'):
        found = _iso(element.get("content") or element.get("datetime") or element.text_content())
        if found:
            return found
    for path in ("//time[@pubdate][@datetime]", "//article//time[@datetime]", "//main//time[@datetime]"):
        for element in tree.xpath(path):
            if _is_modified(element):
                continue
            found = _iso(element.get("datetime"))
            if found:
                return found
    for item in items:
        found = _iso(_string(item.get("dateCreated")))
        if found:
            return found
    # An element the page's own styles call the publication date ("article-publish-date").
    for element in tree.xpath(_PUBLISHED_CLASS):
        if _is_modified(element):
            continue
        found = _iso(element.get("datetime") or element.get("content") or element.text_content()[:60])
        if found:
            return found
    # A date in the article's address: /2024/03/05/ or /20240305/.
    match = _URL_DATE.search(url or "")
    return _iso("-".join(match.groups())) if match else None


def _is_modified(element: lxml.html.HtmlElement) -> bool:
    """A <time> marked or labelled as an update ("Updated 3 May")."""
    marks = " ".join(filter(None, (element.get("class"), element.get("itemprop"), element.get("id"))))
    context = marks + " " + (element.getparent().text_content()[:80] if element.getparent() is not None else "")
    return bool(re.search(r"(?i)updat|modif|revis|edited", context))


_EXTRA_FORMATS = (
    "%a %d %b %Y %H:%M:%S",  # RFC 822 / e-mail dates, weekday and zone removed below
    "%d %b %Y %H:%M:%S",
    "%B %d %Y %I:%M %p",
    "%b %d %Y %I:%M %p",
    "%Y/%m/%d",
    "%d.%m.%Y",
)


def _iso(value: str | None) -> str | None:
    """An ISO date for a publication date as pages write it, or None (also when implausible)."""
    if not value:
        return None
    value = " ".join(value.split())
    found = normalise_date(value)
    if found is None:
        cleaned = re.sub(r"\s*(?:GMT|UTC|Z|[+-]\d{2}:?\d{2}|[A-Z]{2,4}T)$", "", value.replace(",", ""))
        cleaned = re.sub(r"^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)[a-z]*\.? ", "", cleaned)
        for pattern in _EXTRA_FORMATS:
            try:
                found = datetime.strptime(cleaned, pattern.replace("%a ", "")).date().isoformat()
                break
            except ValueError:
                continue
        if found is None:
            found = normalise_date(cleaned.split(" ")[0]) if re.match(r"\d{4}", cleaned) else None
    if found is None:
        return None
    year = int(found[:4])
    if year < _EARLIEST_YEAR or year > date.today().year + 1:
        return None
    return found
