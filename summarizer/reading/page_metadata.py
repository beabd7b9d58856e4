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
from itertools import islice
from urllib.parse import urljoin, urlsplit

import lxml.etree
import lxml.html

from .metadata import dateline_length, normalise_date
from .next_data import page_props, published_date

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
    title = _title(tree, meta, candidates, sites)
    if title and _TITLE_SEPARATORS.search(title):  # a site's name the page gives only in its copyright line?
        owners = [s for s in _copyright_names(tree) if len(s.split()) <= 6 and _squash(s) not in titles]
        if owners:
            sites = [*sites, *owners]
            title = _title(tree, meta, candidates, sites)
    return PageMetadata(
        title=title,
        date=_date(tree, meta, candidates, url or named) or _text_date(tree, title),
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


_COPYRIGHT = re.compile(
    r"(?:\u00a9|\(c\)|copyright)\s*(?:\u00a9\s*)?(?:\d{4}\s*(?:[-\u2013]\s*\d{2,4}\s*)?)?,?\s*"
    r"(?P<name>[A-Z][\w&'.-]*(?:\s+[A-Z&][\w&'.-]*){0,5}?)\s*(?:[.,|]|\s+all rights|$)",
    re.IGNORECASE,
)


def _copyright_names(tree: lxml.html.HtmlElement) -> list[str]:
    """The name a page's copyright line gives its owner ("Copyright 2026 Millbeck Weekly Post. All
    rights reserved."): the site's name, when a page tells it nowhere else, which a <title> may
    carry before the headline ("Millbeck Weekly Post - Footbridge at Millbeck reopens")."""
    names: list[str] = []
    for text in tree.xpath("//body//text()[contains(., '\u00a9') or contains(., 'opyright') or contains(., 'OPYRIGHT')]"):
        line = " ".join(str(text).split())
        if len(line) > 200:
            continue
        found = _COPYRIGHT.search(line)
        if found and found.group("name")[0].isupper() and found.group("name") not in names:
            names.append(found.group("name").strip(" .,"))
    return names[:3]


def _squash(text: str) -> str:
    return "".join(_WORD.findall(text.lower()))


_KICKERS = frozenset("""explainer analysis opinion comment live exclusive review interview factcheck breaking
    update watch listen editorial obituary profile""".split())
"""What a headline may open with that says what kind of piece it is ("Explainer: how do you catch ...?"),
also in a site's name ("The Ledger Explainer"): the headline's, not the site's."""


def _is_site(segment: str, sites: list[str]) -> bool:
    squashed = _squash(segment)
    if not squashed or squashed in _KICKERS:
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
    h1_element = _first_h1_element(tree)
    h1 = _heading_text(h1_element) if h1_element is not None else None
    if h1 and _links_home(h1_element):
        sites = [*sites, h1]  # a blog's name over each post (Blogger's <h1><a href="/">), not a headline
        h1 = None
    entry = _entry_title(tree)
    page_title = " ".join(html_lib.unescape(tree.findtext(".//title") or "").split()) or None
    references = tuple(t for t in (headline, og_title, entry, h1 or _first_heading(tree)) if t)

    if headline and og_title:
        # Headlines in JSON-LD are sometimes cut at 110 characters ("... the talks were...").
        cut = _squash(headline.rstrip(".\u2026 "))
        if len(headline) >= 100 and _squash(og_title).startswith(cut) and len(og_title) > len(headline):
            headline = og_title
    if h1 and page_title and not _overlaps(h1, page_title) and len(_WORD.findall(h1)) < HEADLINE_MIN_WORDS:
        h1 = None  # a section's or the site's name ("Health Center"), not this page's headline
    for candidate in (headline, og_title, entry, h1, page_title):
        if candidate:
            stripped = strip_site_name(candidate, sites, tuple(r for r in references if r != candidate))
            if _WORD.search(stripped) and not _is_site(stripped, sites):
                if candidate is page_title and stripped != page_title and _is_menu_item(tree, stripped):
                    # "Gazette Online - Local News": what is left of the site's name is a section's
                    return _bold_headline(tree) or stripped
                return stripped
    return None


def _is_menu_item(tree: lxml.html.HtmlElement, text: str) -> bool:
    """Whether a page links to something under these very words: a section of the site ("Local News")."""
    squashed = _squash(text)
    return any(_squash(link.text_content()) == squashed for link in islice(tree.iter("a"), 500))


_BOLD = "//*[self::b or self::strong or (self::font and number(@size) >= 4)][not(ancestor::a or ancestor::nav)]"


def _bold_headline(tree: lxml.html.HtmlElement) -> str | None:
    """The headline of a page laid out without headings (``<FONT SIZE=4><B>Relief fund tops $40,000
    ...</B></FONT>``): the first bold line of four words or more, alone in its line, that a
    paragraph of the story follows."""
    for element in tree.xpath(_BOLD)[:200]:
        text = " ".join(element.text_content().split())
        if not 4 <= len(_WORD.findall(text)) <= 25 or text.endswith((":", ".")):
            continue
        parent = element.getparent()
        if parent is not None and parent.tag in ("p", "li", "span") and len(_squash(parent.text_content())) > 2 * len(_squash(text)):
            continue  # bold words inside a paragraph
        following = element.xpath("following::p[string-length(normalize-space(.)) > 80][1]")
        if following:
            return text
    return None


def _overlaps(h1: str, page_title: str) -> bool:
    """Whether most of the words of an <h1> are in the page's <title>."""
    words, title_words = _WORD.findall(h1.lower()), set(_WORD.findall(page_title.lower()))
    return sum(word in title_words for word in words) >= 0.5 * len(words)


HEADLINE_MIN_WORDS = 5
"""An ``<h1>`` of this many words is the page's headline even when the ``<title>`` says something
else ("Storm Ilse cuts power to 30,000 homes in Port Elsby" under a <title> "Storm Ilse: live updates
and what we know | Chronicle"); a shorter one that the <title> does not repeat names a section or
the site ("Health Center")."""


def _first_h1_element(tree: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    for scope in (".//article//h1", ".//main//h1", ".//h1"):
        for heading in tree.iterfind(scope):
            if len(_WORD.findall(_heading_text(heading))) >= 2:
                return heading
    return None


def _links_home(heading: lxml.html.HtmlElement) -> bool:
    """Whether a heading's words are all one link to the site's front page ("/"): a logo."""
    links = list(heading.iter("a"))
    if len(links) != 1 or _squash(links[0].text_content()) != _squash(heading.text_content()):
        return False
    return urlsplit((links[0].get("href") or "").strip()).path in ("", "/", "/index.html", "./")


def _entry_title(tree: lxml.html.HtmlElement) -> str | None:
    """The post's title where the page marks it with hAtom's ``entry-title`` (Blogger's
    ``<h3 class="post-title entry-title">``, many WordPress themes): only when the page has one
    (a blog's front page lists many)."""
    found = tree.xpath("//*[contains(concat(' ', normalize-space(@class), ' '), ' entry-title ')]")
    if len(found) != 1:
        return None
    text = _heading_text(found[0])
    return text if len(_WORD.findall(text)) >= 2 else None


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
        # hAtom's <abbr class="published" title="2026-03-17T19:42:00-08:00">7:42 PM</abbr> (Blogger)
        title = element.get("title") if element.tag == "abbr" else None
        found = _iso(element.get("datetime") or element.get("content") or title or element.text_content()[:60])
        if found:
            return found
    # A Next.js page's data ("publishedAt"), where a shell page keeps its article.
    props = page_props(tree)
    found = _iso(published_date(props)) if props is not None else None
    if found:
        return found
    # A date in the article's address: /2024/03/05/ or /20240305/.
    match = _URL_DATE.search(url or "")
    return _iso("-".join(match.groups())) if match else None


_MODIFIED = re.compile(r"(?i)updat|modif|revis|edited")
_LABEL_SEPARATORS = re.compile(r"[\u00b7\u2022|\u2013\u2014;]|\s-\s")


def _is_modified(element: lxml.html.HtmlElement) -> bool:
    """A <time> marked or labelled as an update ("Updated 3 May"): by its class, itemprop or id, by
    its own text, else by the label right before it ("By X · Updated <time> · Published <time>":
    only the first is an update), else by the start of the text around it."""
    marks = " ".join(filter(None, (element.get("class"), element.get("itemprop"), element.get("id"))))
    if _MODIFIED.search(marks) or _MODIFIED.search(element.text_content()[:80]):
        return True
    label = _label_before(element)
    if label:
        return _MODIFIED.search(label) is not None
    parent = element.getparent()
    return parent is not None and _MODIFIED.search(parent.text_content()[:80]) is not None


def _label_before(element: lxml.html.HtmlElement) -> str:
    """The words right before an element in its parent, back to a separator ("·", "|") or to the
    element before it: "Published" in "... · Published <time>"."""
    previous = element.getprevious()
    while previous is not None and not isinstance(previous.tag, str):  # a comment
        previous = previous.getprevious()
    parent = element.getparent()
    before = (previous.tail if previous is not None else parent.text if parent is not None else None) or ""
    label = _LABEL_SEPARATORS.split(before)[-1].strip()
    if not label and previous is not None and not _LABEL_SEPARATORS.search(before):
        label = _LABEL_SEPARATORS.split(previous.text_content())[-1].strip()[-40:]  # <span>Updated</span> <time>
    return label[-40:]


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


# -- a date written only as text ---------------------------------------------------------------

# What a date looks like in a byline or a dateline, in any language: "March 3, 2026", "3 March 2026",
# "3. März 2026", "3 de marzo de 2026", "18.03.2026", "2026-03-18". What the word is, and the date,
# htmldate decides (``_read_date``).
_TEXT_DATE = re.compile(
    r"(?<![\w.])(?:"
    r"\d{4}[-/.]\d{1,2}[-/.]\d{1,2}"
    r"|\d{1,2}\.\d{1,2}\.\d{4}"
    r"|\d{1,2}(?:st|nd|rd|th|\.|º)?\s+(?:de\s+|of\s+)?(?P<after>[^\W\d_]{3,})\.?,?\s+(?:de\s+|del\s+)?\d{4}"
    r"|(?P<before>[^\W\d_]{3,})\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}"
    r")(?!\w)"
)
# What says a date is an update's, not the publication's ("Updated", "Aktualisiert", "Actualizado").
_UPDATED = re.compile(r"(?i)updat|modif|revis|edited|aktualisiert|ge(?:ä|ae)ndert|actuali[sz]|mis à jour|atuali[sz]")
# Elements whose words are never the article's date.
_NO_DATE = frozenset({"script", "style", "noscript", "template", "nav", "aside", "footer", "figure", "figcaption", "form"})
_SENTENCE_WORDS = 15
"""A block of this many words is the story's text (or a deck): the search for a date ends there."""


def _text_date(tree: lxml.html.HtmlElement, title: str | None) -> str | None:
    """The publication date a page writes only as text, where it gives no machine-readable one:
    a byline line ("By Ansel Mirow | March 3, 2026 | Nature"), a <time> without ``datetime``, a wire
    dateline ("KARVO, March 3, 2026 (Nordwire) - "), in any language ("3 de marzo de 2026").

    Only the short lines between the headline and the story's first paragraph are read (and a <time>
    in the article above its headline), and of that paragraph only its dateline: never the story's
    sentences, where a date is what they tell of, nor the masthead, which gives the day the page
    was read."""
    headline = _headline_element(tree, title)
    if headline is not None:
        # a <time> in the article's header above its headline
        for element in headline.xpath("preceding::time[not(@datetime)][ancestor::article or ancestor::main]"):
            found = _date_in(" ".join(element.text_content().split()))
            if found:
                return found
        following = _after(headline)
    else:
        # no headline to start from: the article's own lines, from its top
        scope = next(iter(tree.xpath("//article | //main")), None)
        following = scope.iterdescendants() if scope is not None else iter(())
    skipped: lxml.html.HtmlElement | None = None
    lines = 0
    deck_seen = False
    for element in following:
        if skipped is not None and skipped in element.iterancestors():
            continue
        if not isinstance(element.tag, str) or element.tag in _NO_DATE:
            skipped = element
            continue
        if any(isinstance(node.tag, str) and node.tag in _BLOCKS for node in element.iterdescendants()):
            continue  # a container: its blocks come next
        text = " ".join(element.text_content().split())
        if not text:
            continue
        if len(_WORD.findall(_undated(text))) >= _SENTENCE_WORDS or _is_sentence(text):
            if lines == 0 and not deck_seen and _is_deck(element, text):
                deck_seen = True  # the standfirst under the headline: its date line may follow
                continue
            return _date_in(text[: dateline_length(text)])  # the story begins: only its dateline
        lines += 1
        if lines > 12:
            return None
        found = _date_in(text)
        if found:
            return found
    return None


def _is_sentence(line: str) -> bool:
    """Whether a short line, its dates and times left out, reads as a sentence ("The vote was held on
    March 3, 2026."), not as a byline ("By Ansel Mirow | March 3, 2026 | Nature", "Published March 3,
    2026.", "Published Thursday, March 5, 2026 at 6:02 p.m.", "Publié le 3 mars 2026 à 09h12")."""
    line = _undated(line)
    words = _WORD.findall(line)
    lower = sum(word.islower() and word not in _BYLINE_WORDS for word in words)
    return lower >= 3 or len(words) >= 4 and bool(re.search(r"[.!?][\"'\u201d\u2019)]?$", line))


# A time of day as a date line writes it: "6:02 p.m.", "9:14 PM CET", "09h12", "18.40 Uhr", "6pm".
_TIME = re.compile(
    r"(?<![\w.])\d{1,2}(?:[:h.]\d{2}(?::\d{2})?)?(?:\s*(?:[ap]\.\s?m\.|[ap]m\b|uhr\b))?"
    r"(?:\s+(?-i:[A-Z]{2,4}T?|UTC|GMT))?(?![\w.:])",
    re.IGNORECASE,
)


def _undated(line: str) -> str:
    """A line without its dates and times of day."""
    return _TIME.sub(lambda m: " " if re.search(r"[:h.]\d|[ap]\.?\s?m|uhr", m.group(), re.IGNORECASE) else m.group(),
                     _TEXT_DATE.sub(" ", line)).strip()


_DECK_NAME = re.compile(
    r"(?i)(?:^|[\s_-])(?:dek|deck|standfirst|stand-first|sub-?head(?:line|ing)?|sub-?title|subline|strap(?:line)?"
    r"|summary|excerpt|teaser|intro|abstract|description|lede|lead)(?:$|[\s_-])"
)
_DECK_MAX_WORDS = 60


def _is_deck(element: lxml.html.HtmlElement, text: str) -> bool:
    """Whether the first line under a headline is its standfirst (deck): a heading (Substack's
    ``<h3 class="subtitle">``), or an element it or its parents name one ("standfirst", "dek",
    "subtitle"...), of at most ``_DECK_MAX_WORDS`` words. The line after it may be the date."""
    if len(text.split()) > _DECK_MAX_WORDS:
        return False
    if element.tag in ("h2", "h3", "h4", "h5", "h6"):
        return True
    for node in (element, element.getparent(), element.getparent().getparent() if element.getparent() is not None else None):
        if node is not None and any(_DECK_NAME.search(value) for value in node.attrib.values()):
            return True
    return False


# The small words of a byline or a date line ("Posted on March 3, 2026 at 10:00 am by", "Por ... de").
_BYLINE_WORDS = frozenset(
    "by on at am pm and of in updated published posted last from von am um uhr und par le à et por de del el en y"
    " di da il".split()
)


def _after(element: lxml.html.HtmlElement) -> Iterator[lxml.html.HtmlElement]:
    """The elements after ``element`` in document order, its own descendants left out (lazily: a
    page of 5,000 links is not walked to read the line under its headline)."""
    node: lxml.html.HtmlElement | None = element
    while node is not None:
        for sibling in node.itersiblings():
            yield sibling
            yield from sibling.iterdescendants()
        node = node.getparent()


def _headline_element(tree: lxml.html.HtmlElement, title: str | None) -> lxml.html.HtmlElement | None:
    """The element that shows the headline: the heading whose words are the title's, else the <h1>."""
    wanted = _squash(title or "")
    headings = tree.xpath("//h1 | " + _HEADINGS)
    for heading in headings:
        if wanted and _squash(_heading_text(heading)) == wanted:
            return heading
    return next((h for h in headings if h.tag == "h1" and len(_WORD.findall(_heading_text(h))) >= 2), None)


def _date_in(text: str) -> str | None:
    """The first date in a short line that is not an update's ("Published March 3 · Updated March 5")."""
    start = 0
    for match in _TEXT_DATE.finditer(text):
        if not _UPDATED.search(text[start : match.start()]):
            found = _read_date(match.group(), match.group("after") or match.group("before"))
            if found:
                return found
        start = match.end()
    return None


def _read_date(value: str, month: str | None) -> str | None:
    """``value`` as an ISO date, read by htmldate (which trafilatura brings, and which knows more ways
    of writing a date than a list of formats here would): first with its own month names (English,
    French, German, Indonesian, Turkish), then with dateparser's for other languages, but only for a
    word that is a month in one of them: any other word ("Chapter 3, 2026") would have dateparser try
    every language on it (a second and a half)."""
    from htmldate.extractors import try_date_expr  # documented among htmldate's "useful internal functions"

    value = value.lower()  # htmldate takes three capitals for a currency code ("MARCH" for "MAR")
    earliest, latest = datetime(_EARLIEST_YEAR, 1, 1), datetime(date.today().year + 1, 12, 31)
    found = try_date_expr(value, "%Y-%m-%d", False, earliest, latest)
    if found is None and month and month.lower() in _month_words():
        found = try_date_expr(value, "%Y-%m-%d", True, earliest, latest)
    return _iso(found)


def _month_words() -> frozenset[str]:
    """Month names in every language dateparser knows (htmldate 1.11 lists them; an older one does not,
    and then only its own languages' dates are read)."""
    try:
        from htmldate.extractors import month_words
    except ImportError:
        return frozenset()
    return month_words()
