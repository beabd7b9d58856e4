"""HTML pages to article text: the main content only, via trafilatura, never an empty result.

The text keeps the structure the article parser reads: paragraphs separated by blank lines,
headings on lines of their own prefixed with ``# ``, each list item, quoted paragraph and table
row a paragraph of its own. What trafilatura finds is taken first (the best extractor measured on
real news pages, see ``bench/results/reading.md``). When it finds nothing, it is asked again
favouring recall, then breadability is, then the visible text of ``<body>`` without scripts,
styles, navigation, headers, footers and forms is taken: a page with words in it is never skipped.

trafilatura is imported when the first page is read, so that starting the command line does not
pay for it.
"""

from __future__ import annotations

import copy
import logging
import re
from collections.abc import Iterator
from dataclasses import dataclass
from html import unescape
from itertools import islice
from string import punctuation

import lxml.etree
import lxml.html

from .next_data import body_paragraphs, page_props
from .page_metadata import json_ld_items, meta_tags, page_metadata, parse_html

_HEADING_TAGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# Elements whose text is never the article's (in the last fallback, the whole <body>).
_INVISIBLE = frozenset(
    {"script", "style", "noscript", "template", "nav", "footer", "header", "aside", "form", "button",
     "select", "option", "svg", "iframe", "object", "embed", "canvas", "head", "title", "meta", "link"}
)
_BLOCK_TAGS = frozenset(
    {"p", "div", "section", "article", "main", "li", "ul", "ol", "dl", "dt", "dd", "blockquote", "pre",
     "table", "tr", "td", "th", "figure", "figcaption", "br", "hr", "body", "center", "address", *_HEADING_TAGS}
)
# Loggers that would otherwise print their warnings on stderr through logging's last resort.
_SCRIPT_OR_STYLE = re.compile(r"(?is)<(script|style|noscript|template)\b.*?</\1\s*>|<!--.*?-->")
_TAG = re.compile(r"(?s)<[^>]*>")
_QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext", "breadability", "readability")


@dataclass(frozen=True)
class HtmlText:
    text: str
    """Paragraphs separated by blank lines; headings on lines of their own, prefixed with ``# ``."""
    title: str | None
    date: str | None
    """ISO ``YYYY-MM-DD`` when the page tells its publication date."""
    url: str | None


def html_to_text(html: str) -> HtmlText:
    tree = parse_html(html)
    meta = page_metadata(tree)
    if tree is not None and (_drop_note_marks(tree) | _drop_inline_cards(tree) | _drop_loose_captions(tree)
                             | _drop_link_columns(tree)):
        html = lxml.html.tostring(tree, encoding="unicode")
    title = meta.title
    blocks = (
        _trafilatura_blocks(html, favor_recall=False)
        or _trafilatura_blocks(html, favor_recall=True)
        or _breadability_blocks(html)
        or (_visible_blocks(tree) if tree is not None else [])
        or _markup_stripped_blocks(html)
    )
    if tree is not None:
        blocks = _split_whole_articles(blocks, tree)
        blocks = _unglued(blocks, tree)
        blocks = _paragraphed_bodies(blocks, tree)
        blocks = _next_data_body(blocks, tree)
        blocks = _headlines_and_deck(blocks, tree)
        blocks = _live_blog(blocks, tree, meta.title)
        headlines = _linked_headlines(tree)
        blocks = [block for block in blocks if not _mostly_headlines(block, headlines)]
        blocks = _shell_body(blocks, tree)
        title = _shell_title(blocks, tree) or title
    blocks = [block for block in blocks if not _SCRIPT_NOTICE.fullmatch(block)]
    return HtmlText("\n\n".join(_without_repeats(blocks)), title, meta.date, meta.url)


_SCRIPT_NOTICE = re.compile(
    r"(?is)\W*(?:(?:you need to |please |kindly )?(?:enable|turn on|activate|allow) javascript\b.{0,80}"
    r"|javascript (?:is )?(?:disabled|required|needed|must be enabled)\b.{0,80}"
    r"|(?:this (?:site|page|app) )?(?:requires|needs) javascript\b.{0,80}"
    r"|loading(?: (?:article|story|content|page|comments))?(?:\.\.\.|\u2026)?)\W*"
)
"""What a client-rendered page says where its story goes ("You need to enable JavaScript to run this
app.", "Loading…"): never an article's text."""


def _shell_body(blocks: list[str], tree: lxml.html.HtmlElement) -> list[str]:
    """A page whose visible text has no prose (its story is filled in by a script: a shell's
    headline, byline and "Loading article…") is read from what it holds for readers without
    JavaScript, its ``<noscript>`` paragraphs, else from its own summary (the ``description``,
    ``og:description`` or JSON-LD ``description``), under its headings. A page with prose of its
    own is left as it is."""
    if any(_reads_as_prose(block) for block in blocks if not block.startswith("# ") and not _SCRIPT_NOTICE.fullmatch(block)):
        return blocks
    headings = [block for block in blocks if block.startswith("# ")]
    noscript = [block for element in tree.iter("noscript") for block in _noscript_blocks(element)]
    if any(_reads_as_prose(block) for block in noscript):
        return headings + noscript
    meta = meta_tags(tree)
    described = [meta.get(name) for name in ("description", "og:description", "twitter:description")]
    described += [item.get("description") for item in json_ld_items(tree)]
    summary = next((" ".join(d.split()) for d in described if isinstance(d, str) and _reads_as_prose(" ".join(d.split()))), None)
    if summary is None:
        return blocks
    headline = _shell_title(blocks, tree) or meta.get("og:title") or next(
        (item.get("headline") for item in json_ld_items(tree) if isinstance(item.get("headline"), str)), None)
    if not headings and headline:
        headings = ["# " + " ".join(headline.split())]
    return headings + [summary]


def _noscript_blocks(element: lxml.html.HtmlElement) -> list[str]:
    """The paragraphs of a ``<noscript>`` (its markup may have been kept as text by the parser)."""
    if len(element) == 0 and element.text and "<" in element.text:
        try:
            element = lxml.html.fragment_fromstring(element.text, create_parent="article")
        except (lxml.etree.ParserError, ValueError):
            return []
    else:
        element = copy.deepcopy(element)
        element.tag = "article"
    return [block for block in _visible_blocks(element) if not _SCRIPT_NOTICE.fullmatch(block)]


def _shell_title(blocks: list[str], tree: lxml.html.HtmlElement) -> str | None:
    """The headline a client-rendered page's data gives (see ``next_data.client_state``) when the
    page names none itself (no ``<h1>``, ``og:title`` or JSON-LD ``headline``: its ``<title>`` is
    the site's name) and its text was read from that data."""
    from .next_data import client_state, state_headline

    if next(tree.iter("h1"), None) is not None or "og:title" in meta_tags(tree):
        return None
    if any(isinstance(item.get("headline"), str) for item in json_ld_items(tree)):
        return None
    state = client_state(tree)
    headline = state_headline(state) if state is not None else None
    if headline is None or not any(not block.startswith("# ") for block in blocks):
        return None
    return headline


REPEAT_MIN_WORDS = 6
"""A block of at least this many words whose words all stand, in the same order, in another block
of the page is a repeat of it: a pull quote set in the body ("“We need the barriers,”"), a
caption shown again under a thumbnail, a teaser of a paragraph. It is read once, where it is
longest (the first of two equal ones). Shorter blocks ("Yes.", "Photo") may repeat by right."""
_WORD = re.compile(r"\w+")


def _without_repeats(blocks: list[str]) -> list[str]:
    words = [" ".join(_WORD.findall(block.lower())) for block in blocks]
    order = sorted(range(len(blocks)), key=lambda i: (-len(words[i]), i))
    kept: list[int] = []
    for i in order:
        if blocks[i].startswith("# ") or words[i].count(" ") + 1 < REPEAT_MIN_WORDS:
            kept.append(i)
            continue
        needle = f" {words[i]} "
        if not any(needle in f" {words[k]} " for k in kept if not blocks[k].startswith("# ")):
            kept.append(i)
    return [blocks[i] for i in sorted(kept)]


def _split_whole_articles(blocks: list[str], tree: lxml.html.HtmlElement) -> list[str]:
    """When trafilatura finds too little in a page's paragraphs (a photo gallery, whose captions are
    in ``<figcaption>``), its last rescue hands back the whole text of each ``<article>`` as one
    paragraph: the headline, "1 of 4", each caption, its photo credit and the thumbnails' captions
    glued into sentences that cross them ("Photo: Nils Arbogast 2 of 4 Children from the ...").
    Such a block is replaced by the visible blocks of that ``<article>``, one per HTML block, as
    the last fallback reads a page (repeats and credits are then set apart as anywhere else)."""
    articles = {}
    for element in tree.iter("article"):
        key = _letters(element.text_content())  # block boundaries may or may not space words
        if len(key) >= 200:
            articles.setdefault(key, element)
    if not articles:
        return blocks
    out: list[str] = []
    for block in blocks:
        element = None if block.startswith("# ") else articles.get(_letters(block))
        split = _visible_blocks(element) if element is not None else []
        out.extend(split if len(split) > 1 else [block])
    return out


def _unglued(blocks: list[str], tree: lxml.html.HtmlElement) -> list[str]:
    """When a page's story is not in its HTML (a script fills it in), the extractor's last rescue
    hands back the page's visible text as one block: the site's name, its menu, the headline, the
    standfirst and "Loading article..." glued into one sentence ("Tallow Bay Post News Sport Ferry
    operators and unions agree to mediation Talks on the ... judge. Loading article..."). A block
    that holds one of the page's ``<h1>`` headlines inside it, not alone, is replaced by the page's
    visible blocks it is made of, in order, one per HTML block (as the last fallback reads a page),
    when they make up most of it; the page's header and menu, which that fallback leaves out, go."""
    h1s = {_letters(_text_of(h)) for h in tree.iter("h1") if len(_text_of(h).split()) >= 3}
    # An e-mail newsletter laid out in tables, which the extractor reads as one block: its
    # stories' <h2> headings inside table cells glued to their text ("Ferry talks resume Talks between").
    h1s |= {_letters(_text_of(h)) for h in tree.xpath("//td//*[self::h2 or self::h3 or self::h4]")
            if len(_text_of(h).split()) >= 3}
    h1s.discard("")
    if not h1s:
        return blocks
    visible: list[str] | None = None
    out: list[str] = []
    for block in blocks:
        key = _letters(block)
        if block.startswith("# ") or not any(h in key and h != key for h in h1s):
            out.append(block)
            continue
        if visible is None:
            visible = _visible_blocks(tree)
        parts, pos = [], 0
        for part in visible:
            letters = _letters(part)
            found = key.find(letters, pos) if letters else -1
            if found >= 0:
                parts.append(part)
                pos = found + len(letters)
        covered = sum(len(_letters(part)) for part in parts)
        if len(parts) > 1 and covered >= GLUED_SHARE * len(key):
            out.extend(parts)
        else:
            out.append(block)
    return out


GLUED_SHARE = 0.6
"""The share of a glued block's letters its page's visible blocks must make up for it to be split
into them (the rest is the header and menu the extractor kept and the visible text leaves out)."""
PROSE_MIN_WORDS = 5


def _next_data_body(blocks: list[str], tree: lxml.html.HtmlElement) -> list[str]:
    """A Next.js page whose HTML is a shell is read from its ``__NEXT_DATA__`` (see ``next_data.py``)
    when the body found there has more than twice the words of what the HTML gave. The HTML's
    headings and its prose (the standfirst: ``PROSE_MIN_WORDS`` words or more ending as a sentence)
    are kept above it; its labels ("Loading article...", "Sport") go."""
    props = page_props(tree)
    if props is None:
        return blocks
    paragraphs = body_paragraphs(props, _visible_blocks)
    found = sum(len(_WORD.findall(p)) for p in paragraphs)
    shown = sum(len(_WORD.findall(b)) for b in blocks if not b.startswith("# "))
    if not paragraphs or found <= 2 * shown:
        return blocks
    kept = [b for b in blocks if b.startswith("# ") or _reads_as_prose(b)]
    return kept + paragraphs


def _reads_as_prose(block: str) -> bool:
    return len(block.split()) >= PROSE_MIN_WORDS and re.search(r"[.!?][\"'\u201d\u2019)]*$", block) is not None


def _paragraphed_bodies(blocks: list[str], tree: lxml.html.HtmlElement) -> list[str]:
    """A page that ships its article only in JSON-LD (``articleBody``; the visible page is a script's
    shell) is read from there by trafilatura as one block, its line breaks lost: a user would get
    the whole article as one paragraph. Such a block, whose words are exactly an ``articleBody``
    with line breaks, is replaced by that text's lines, one paragraph each."""
    bodies = {}
    for item in json_ld_items(tree):
        body = item.get("articleBody")
        if isinstance(body, str) and "\n" in body.strip() and "<" not in body:
            lines = [" ".join(line.split()) for line in body.splitlines()]
            lines = [line for line in lines if line]
            if len(lines) > 1:
                bodies.setdefault(_letters(body), lines)
    if not bodies:
        return blocks
    out: list[str] = []
    for block in blocks:
        lines = None if block.startswith("# ") else bodies.get(_letters(block))
        out.extend(lines if lines else [block])
    return out


DECK_MIN_WORDS = 8
DECK_MAX_WORDS = 60
_DECK_CLASS = re.compile(
    r"(?:^|[\s_-])(?:dek|deck|standfirst|stand-first|sub-?head(?:line|ing)?|sub-?title|subline|strap(?:line)?"
    r"|summary|excerpt|teaser|intro|abstract|description)(?:$|[\s_-])",
    re.IGNORECASE,
)
_DECK_TAGS = frozenset({"p", "h2", "h3", "h4", "div", "span"})
_DECK_SIBLINGS = 4  # elements after the headline that may hold its deck (a kicker, byline or date between)


def _headlines_and_deck(blocks: list[str], tree: lxml.html.HtmlElement) -> list[str]:
    """The page's headline is a heading, its deck (standfirst) a paragraph.

    A block that is one of the page's own headlines (an ``<h1>``, ``og:title``, ``twitter:title``, the
    JSON-LD ``headline``), as a page with two titles shows the other in its body, is written as a
    heading ("# ..."), never read as the article's first sentence. The deck is the article's own
    summary in one line, which the extractor either marks as a heading (an ``<h2>`` over the story)
    or leaves out with the page's header. It is, in this order: the element among the few after the
    ``<h1>`` whose text is the page's description (``description``, ``og:description``, JSON-LD
    ``description``...) or whose class names it a deck (``dek``, ``standfirst``, ``sub-headline``,
    ``subtitle``, ``strapline``, ``summary``...), of ``DECK_MIN_WORDS`` to ``DECK_MAX_WORDS`` words
    and not a link; else a heading above the story's first paragraph that is no headline and reads
    as a sentence (:func:`~.articles.reads_as_sentence`). Written as a paragraph at its place, or
    first when the extractor left it out; the reader takes it for the article's first sentence
    however it ends (``articles.py``, standfirst)."""
    from .articles import reads_as_sentence

    meta = meta_tags(tree)
    headlines = {_letters(t) for t in (meta.get("og:title"), meta.get("twitter:title")) if t}
    descriptions = {_letters(meta[k]) for k in ("description", "og:description", "twitter:description") if meta.get(k)}
    for item in json_ld_items(tree):
        for key, found in (("headline", headlines), ("description", descriptions)):
            if isinstance(item.get(key), str):
                found.add(_letters(item[key]))
    h1s = [h for h in tree.iter("h1") if len(_text_of(h).split()) >= 3]
    headlines.update(_letters(_text_of(h)) for h in h1s)
    headlines.discard("")
    deck = _deck(h1s, descriptions, headlines)
    out: list[str] = []
    above = True  # no paragraph of the story yet
    for block in blocks:
        heading = block.startswith("# ")
        bare = block[2:] if heading else block
        key = _letters(bare)
        if key in headlines:
            out.append(block if heading else "# " + block)
        elif deck is not None and key == deck[0]:
            out.append(bare)
            deck, above = None, False
        elif above and heading and deck is None and reads_as_sentence(bare):
            out.append(bare)
            above = False
        else:
            out.append(block)
            above = above and heading
    if deck is not None and not any(deck[0] in _letters(block) for block in blocks):
        # under the headline, or first when the text has none (a kicker above the headline stays above)
        at = next((i + 1 for i, block in enumerate(out) if block.startswith("# ") and _letters(block[2:]) in headlines),
                  None)
        if at is None:
            at = next((i for i, block in enumerate(out) if not block.startswith("# ")), len(out))
        out.insert(at, deck[1])
    return out


def _deck(h1s: list[lxml.html.HtmlElement], descriptions: set[str], headlines: set[str]) -> tuple[str, str] | None:
    """(letters, text) of the headline's deck (see :func:`_headlines_and_deck`), or None."""
    for h1 in h1s:
        for anchor in (h1, h1.getparent()):
            if anchor is None:
                continue
            for element in islice(anchor.itersiblings(), _DECK_SIBLINGS):
                tag = element.tag if isinstance(element.tag, str) else ""
                text = _text_of(element)
                words = len(text.split())
                if tag not in _DECK_TAGS or not DECK_MIN_WORDS <= words <= DECK_MAX_WORDS:
                    continue
                key = _letters(text)
                if key in headlines or sum(len(_text_of(a)) for a in element.iter("a")) > len(text) / 2:
                    continue
                named = " ".join(element.get(a) or "" for a in ("class", "id", "data-qa", "itemprop"))
                if key in descriptions or _DECK_CLASS.search(named):
                    return key, _without_place_mark(element, text)
    return None


# A German or Dutch paper's place mark ("Ortsmarke") opening a paragraph in bold: "Grauwalden.",
# "Bad Lauter (dpa)." — a dateline, never a sentence of one word.
_PLACE_MARK = re.compile(r"[A-ZÄÖÜ][\w'-]+(?:[ /-][A-ZÄÖÜ][\w'-]+){0,2}(?:\s*\([\w/ ]{1,20}\))?\s*[.:\u2013\u2014-]")
_NOT_PLACES = frozenset({"update", "updated", "note", "correction", "warning", "breaking", "exclusive", "analysis", "live"})


def _without_place_mark(element: lxml.html.HtmlElement, text: str) -> str:
    """A deck's text without the place mark that opens it in bold (``<strong>Grauwalden.</strong>
    Nach drei bangen Tagen ...``): the dateline is the article's metadata."""
    first = next((c for c in element if isinstance(c.tag, str)), None)
    if first is None or first.tag not in ("strong", "b") or (element.text or "").strip():
        return text
    mark = _text_of(first)
    rest = text[len(mark):].strip()
    if (_PLACE_MARK.fullmatch(mark) and _letters(mark.split()[0]) not in _NOT_PLACES
            and rest[:1].isupper() and len(rest.split()) >= PROSE_MIN_WORDS and text.startswith(mark)):
        return rest
    return text


LIVE_MIN_ENTRIES = 3
"""A live blog is read entry by entry when the page holds at least this many entries in a row."""
_CLOCK = re.compile(r"(?i)\d{1,2}[:.h]\d{2}(?:\s*[ap]\.?m\.?)?(?:\s*(?:GMT|UTC|BST|CET|CEST|[A-Z]{2,4}T))?")
_NOT_ENTRIES = re.compile(r"(?i)comment|repl(?:y|ies)|related|recommend|most-?read|key-?events|timeline-nav")
_ENTRY_FURNITURE = frozenset({"a", "button"})


def _live_blog(blocks: list[str], tree: lxml.html.HtmlElement, title: str | None) -> list[str]:
    """A live blog (timestamped entries, newest first) is read entry by entry from the page: the
    extractor loses entries (the last one, when a share bar ends it), puts the newest one above
    the headline as if it were the standfirst, drops the entries' times and keeps the page's
    controls ("Key events", "Auto-update: on"). The page is a live blog when its JSON-LD says
    ``LiveBlogPosting``, or its headline, title or a class name says "live", and it holds
    ``LIVE_MIN_ENTRIES`` sibling elements or more each with a time (a ``<time>``, or an element
    whose text is a clock time "20:15") and a sentence. The text is then the headline, the prose
    the extractor found above the entries (a standfirst, a summary's points), and each entry in
    page order: its time as a heading line of its own ("# 20:15"), its title, its paragraphs,
    without its share links."""
    entries = _live_entries(tree, title)
    if not entries:
        return blocks
    read = [("" if stamp is None else _stamp_text(stamp), [] if _is_embed(entry) else _entry_blocks(entry))
            for entry, stamp in entries]
    inside = "".join(_letters(" ".join([stamp, *parts])) for stamp, parts in read)
    inside += "".join(_letters(_text_of(entry)) for entry, stamp in entries if stamp is None)
    h1 = next((_text_of(h) for h in tree.iter("h1") if _text_of(h)), None)
    out = ["# " + h1] if h1 else []
    lead: list[str] = []
    for block in blocks:
        key = _letters(block)
        if not key or key in inside or (h1 and key == _letters(h1)):
            continue
        if block.startswith("- ") or _reads_as_prose(block) or (not h1 and block.startswith("# ")):
            lead.append(block)
    out.extend(lead)
    for stamp, parts in read:
        out.extend(["# " + stamp, *parts] if stamp else parts)
    return out


def _live_entries(tree: lxml.html.HtmlElement, title: str | None) -> list[tuple]:
    holders = _stamp_holders(list(tree.iter("time")))
    if not holders:
        if not _is_live(tree, title):
            return []
        # entries timed by a clock written without <time> ("<span class='ts'>20:15</span>")
        holders = _stamp_holders([e for e in tree.xpath("//body//*[not(*)][string-length(normalize-space(.)) < 24]")
                                  if _is_clock(e)])
    elif not _is_live(tree, title):
        return []
    parents = list(holders)
    best: list[tuple] = []
    for parent in parents:
        if any(_NOT_ENTRIES.search(" ".join(e.get(a) or "" for a in ("class", "id")))
               or e.tag in ("nav", "aside", "footer", "header") for e in (parent, *parent.iterancestors())):
            continue
        run: list[tuple] = []
        between: list[tuple] = []
        for child in parent:
            if not isinstance(child.tag, str):
                continue
            stamp = _entry_stamp(child) if child in holders[parent] else None
            if stamp is not None and _has_sentence(child):
                run.extend([*between, (child, stamp)])
                between = []
            elif run and _text_of(child) and not _all_links(child):
                # An untimed element between entries (an embedded post, a note) is read in its place;
                # the entries end at the last one with a time.
                between.append((child, None))
        if sum(stamp is not None for _, stamp in run) >= LIVE_MIN_ENTRIES and len(run) > len(best):
            best = run
    return best


_EMBED_MARK = re.compile(r"(?i)embed|tweet|instagram|tiktok|social|\bad\b|advert|promo|newsletter")


def _is_embed(element: lxml.html.HtmlElement) -> bool:
    """Whether an untimed element between a live blog's entries is another site's post or the page's
    own furniture (an advert, a newsletter box), not the outlet's text: a quote or frame alone, or
    a class or id naming it."""
    marks = " ".join(e.get(a) or "" for e in element.iter() if isinstance(e.tag, str) for a in ("class", "id"))
    if _EMBED_MARK.search(marks):
        return True
    children = [c for c in element if isinstance(c.tag, str)]
    return element.tag in ("blockquote", "iframe") or (len(children) == 1 and children[0].tag in ("blockquote", "iframe")
                                                        and not (element.text or "").strip())


def _stamp_holders(stamps: list) -> dict:
    """The elements holding a stamp in at least ``LIVE_MIN_ENTRIES`` of their children (where entries
    may be), each with those children."""
    holders: dict[lxml.html.HtmlElement, set] = {}
    for stamp in stamps:
        child = stamp
        for parent in stamp.iterancestors():
            holders.setdefault(parent, set()).add(child)
            child = parent
    return {p: children for p, children in holders.items() if len(children) >= LIVE_MIN_ENTRIES}


def _is_live(tree: lxml.html.HtmlElement, title: str | None) -> bool:
    """Whether a page says it is a live blog: JSON-LD ``LiveBlogPosting``, "live" in its headline or
    title, or a class or id naming it live."""
    for item in json_ld_items(tree):
        kind = item.get("@type")
        if kind == "LiveBlogPosting" or (isinstance(kind, list) and "LiveBlogPosting" in kind):
            return True
    if any(re.search(r"(?i)\blive\b", n) for n in [*(_text_of(h) for h in tree.iter("h1")), title or ""]):
        return True
    return bool(tree.xpath("//*[contains(translate(@class, 'LIVE', 'live'), 'live')"
                           " or contains(translate(@id, 'LIVE', 'live'), 'live')]"))


def _entry_stamp(entry: lxml.html.HtmlElement) -> lxml.html.HtmlElement | None:
    for element in entry.iter():
        if not isinstance(element.tag, str) or element is entry:
            continue
        if element.tag == "time" or _is_clock(element):
            return element
    return None


def _is_clock(element: lxml.html.HtmlElement) -> bool:
    """Whether an element holds nothing but a clock time ("<span class='ts'>20:15</span>")."""
    return len(element) == 0 and _CLOCK.fullmatch(_text_of(element)) is not None


def _stamp_text(stamp: lxml.html.HtmlElement) -> str:
    text = _text_of(stamp)
    if not text:
        found = _CLOCK.search(stamp.get("datetime") or "")
        text = found.group(0) if found else ""
    return text


def _has_sentence(entry: lxml.html.HtmlElement) -> bool:
    return any(_reads_as_prose(s) for block in _visible_blocks(entry) for s in re.split(r"(?<=[.!?])\s+", block))


def _all_links(element: lxml.html.HtmlElement) -> bool:
    linked = sum(len(_letters(_text_of(e))) for e in element.iter(*_ENTRY_FURNITURE))
    return linked >= len(_letters(_text_of(element)))


def _entry_blocks(entry: lxml.html.HtmlElement) -> list[str]:
    """An entry's blocks as the last fallback reads a page, without its time and its share links
    (an element whose words are all links or buttons, "Copy link Share"); its title stays."""
    entry = copy.deepcopy(entry)
    for element in list(entry.iter()):
        if not isinstance(element.tag, str) or element is entry or element.getparent() is None:
            continue
        if element.tag in _HEADING_TAGS:
            continue
        if element.tag == "time" or _is_clock(element) or (_text_of(element) and _all_links(element)):
            element.drop_tree()
    return _visible_blocks(entry)


def _letters(text: str) -> str:
    return "".join(_WORD.findall(text.lower()))


LINK_SHARE = 0.8
"""A block whose text is at least this share the page's linked headlines is a box of links to other
stories ("DON'T MISS: ...", "SEE MORE: ..."), not the article's prose, which links a few words at
most. A headline here is a link's text of three words or more that does not end with a full stop
(headlines may ask a question): links written as sentences (a shop's deals) are prose."""


def _drop_inline_cards(tree: lxml.html.HtmlElement) -> bool:
    """Take out the cards of links some pages hide inside a paragraph (a person's name opens a card
    of their latest stories on hover): the extractor would glue their headlines into the sentence
    ("Rep. Alexandria Ocasio-CortezAlexandria Ocasio-CortezSanders doubles down on ..."). A card is
    an element within a paragraph holding two links or more, one of them headline-like, whose text
    is at least ``LINK_SHARE`` link text. Whether any was taken out."""
    cards = []
    for paragraph in tree.iter("p"):
        for element in paragraph.iterdescendants("span", "div", "aside", "section", "ul"):
            links = [_text_of(a) for a in element.iter("a")]
            if len(links) >= 2 and any(map(_headline_like, links)):
                if sum(map(len, links)) >= LINK_SHARE * len(_text_of(element)):
                    cards.append(element)
    # The innermost of nested cards: the one around it may hold the name the sentence links.
    cards = [c for c in cards if not any(c in other.iterancestors() for other in cards)]
    for card in cards:
        card.drop_tree()  # its tail, the paragraph's text after it, stays
    return bool(cards)


CAPTION_MAX_WORDS = 30
_CAPTION_TAGS = frozenset({"i", "em", "small", "span", "font", "cite"})
_CAPTION_NAME = re.compile(r"(?i)caption|cutline")


def _drop_loose_captions(tree: lxml.html.HtmlElement) -> bool:
    """Take out the caption an old page writes under an image outside any ``<figure>``: an ``<i>``
    (``<em>``, ``<small>``, ``<font>``, or an element named a caption) that is the whole line after
    the ``<img>`` ("<img ...><br><i>The repaired bridge on Saturday morning.</i><br>"). A
    ``<figcaption>`` is left out of the text, and so is such a caption: it describes the photo, it is
    no sentence of the story. Whether any was taken out."""
    captions = []
    for image in tree.iter("img"):
        anchor = image
        parent = anchor.getparent()
        if parent is not None and parent.tag == "a" and not _WORD.search(parent.text_content()):
            anchor = parent
        if any(a.tag == "figure" for a in anchor.iterancestors()) or (anchor.tail or "").strip():
            continue
        element = anchor.getnext()
        while element is not None and element.tag == "br" and not (element.tail or "").strip():
            element = element.getnext()
        if element is None or not isinstance(element.tag, str):
            continue
        named = " ".join(element.get(a) or "" for a in ("class", "id"))
        if element.tag not in _CAPTION_TAGS and not _CAPTION_NAME.search(named):
            continue
        words = len(_text_of(element).split())
        after = element.getnext()
        line_ends = after is None or (isinstance(after.tag, str) and after.tag in ("br", *_BLOCK_TAGS))
        if 0 < words <= CAPTION_MAX_WORDS and not (element.tail or "").strip() and line_ends:
            captions.append(element)
    for caption in captions:
        caption.drop_tree()
    return bool(captions)


LINK_COLUMN_MIN_LINKS = 3
_MENU_GLUE = re.compile(r"[\s|\u00b7\u2022/-]*")


def _drop_link_columns(tree: lxml.html.HtmlElement) -> bool:
    """Take out a menu that is not marked as one: a table cell or block holding nothing but
    ``LINK_COLUMN_MIN_LINKS`` short links or more, one a line or between bars ("Home<br>News<br>What's
    On<br>Classifieds"), as an old page's left column is. Left in, each link is read as a heading.
    Whether any was taken out."""
    columns = []
    for element in tree.iter("td", "div", "p", "center"):
        children = [c for c in element if isinstance(c.tag, str)]
        links = [c for c in children if c.tag == "a"]
        if len(links) < LINK_COLUMN_MIN_LINKS or any(c.tag not in ("a", "br") for c in children):
            continue
        if any(len(_text_of(a).split()) > 4 or not _text_of(a) for a in links):
            continue
        loose = [element.text or "", *(c.tail or "" for c in children)]
        if all(_MENU_GLUE.fullmatch(text) for text in loose):
            columns.append(element)
    for column in columns:
        column.drop_tree()
    return bool(columns)


_NOTE_MARK = re.compile(r"\[?\d{1,3}\]?|\[[a-z]\]|[*\u2020\u2021]{1,3}")
_NOTE_NAME = re.compile(r"(?i)foot-?note|end-?note|fnref|noteref|note-ref|reference|citation")
# A list of notes as pages name it: "footnotes", "endnotes", "fn-notes", role "doc-endnotes", or
# "notes" as a whole class or id ("article-notes" may be anything).
_NOTES_NAME = re.compile(r"(?i)(?:^|[\s_:-])(?:foot-?notes?|end-?notes?)(?:$|[\s_:-])|(?:^|\s)notes(?:$|\s)")
_NOTES_TAGS = frozenset({"ol", "ul", "div", "section", "aside", "footer", "dl"})
NOTES_HEADING = "Notes"
"""The heading written above a list of notes that has none, so that the reader sets the list apart
as a note section (``exclusions.py``): a note is a source, not a statement of the story."""


def _drop_note_marks(tree: lxml.html.HtmlElement) -> bool:
    """Take the marks of notes out of the text, and set the notes apart.

    A note's mark is a ``<sup>`` holding a number or ``[n]`` (or an asterisk, a dagger) that links
    to a place in the page, is named a note reference, is bracketed, or follows a word or a stop:
    left in, it fuses two sentences ("crowns.1 By the time...") or glues to a word ("times2."). A
    ``<sup>`` after a number or a unit ("10<sup>6</sup>", "km<sup>2</sup>") is an exponent and stays.
    The list the marks point to (or a list the page names "footnotes", "endnotes", "notes") gets a
    heading "Notes" when it has none above it, so that its items are read as a note section, never
    as statements of the story; the links back to the text ("↩") go. Whether the tree changed."""
    targets: set[str] = set()
    marks = []
    for sup in tree.iter("sup"):
        text = _text_of(sup)
        if not _NOTE_MARK.fullmatch(text):
            continue
        hrefs = [a.get("href") or "" for a in sup.iter("a")]
        named = " ".join(sup.get(a) or "" for a in ("class", "id", "role"))
        named += " " + " ".join(a.get("class") or "" for a in sup.iter("a"))
        if (any(h.startswith("#") for h in hrefs) or _NOTE_NAME.search(named) or text.startswith("[")
                or _note_position(sup)):
            marks.append(sup)
            targets.update(h[1:] for h in hrefs if h.startswith("#") and len(h) > 1)
    lists = []
    for element in tree.iter(*_NOTES_TAGS):
        named = " ".join(element.get(a) or "" for a in ("class", "id", "role"))
        if _NOTES_NAME.search(named) and len(_text_of(element).split()) >= 3:
            lists.append(element)
    for target in targets:
        found = tree.xpath("//li[@id=$id]", id=target)
        if found and found[0].getparent() is not None:
            lists.append(found[0].getparent())
    lists = [e for e in lists if not any(other in e.iterancestors() for other in lists)]
    for sup in marks:
        sup.drop_tree()  # its tail, the sentence's words after it, stays
    for notes in dict.fromkeys(lists):
        for back in notes.xpath(".//a[starts-with(@href, '#')]"):
            if not _WORD.search(_text_of(back)):
                back.drop_tree()  # "↩", "^": a link back to the mark
        if not _has_notes_heading(notes):
            heading = lxml.html.Element("h2")
            heading.text = NOTES_HEADING
            notes.addprevious(heading)
    return bool(marks or lists)


def _note_position(sup: lxml.html.HtmlElement) -> bool:
    """Whether a bare number in ``<sup>`` follows a stop or a word of three letters or more, where a
    note's mark is written (an exponent follows a number or a unit: "10<sup>6</sup>", "m<sup>2</sup>")."""
    previous = sup.getprevious()
    before = (previous.tail if previous is not None else (sup.getparent().text if sup.getparent() is not None else None))
    if not before and previous is not None:
        before = previous.text_content()
    before = (before or "").rstrip()
    if not before:
        return False
    if before[-1] in ".,;:!?)\u201d\u2019\"'":
        return True
    word = re.search(r"([^\W\d_]+)$", before)
    return word is not None and len(word.group(1)) >= 3


def _has_notes_heading(notes: lxml.html.HtmlElement) -> bool:
    """Whether a list of notes has a heading of its own: its first element, or the one before it."""
    first = next((c for c in notes if isinstance(c.tag, str)), None)
    previous = notes.getprevious()
    for element in (first, previous):
        if element is not None and isinstance(element.tag, str) and element.tag in _HEADING_TAGS:
            return True
    return False


def _headline_like(text: str) -> bool:
    return len(text.split()) >= 3 and not text.rstrip("\"'\u201d\u2019)").endswith(".")


def _linked_headlines(tree: lxml.html.HtmlElement) -> frozenset[str]:
    headlines = set()
    for link in tree.iter("a"):
        text = _text_of(link)
        if _headline_like(text):
            headlines.add(text)
    return frozenset(headlines)


def _text_of(element: lxml.html.HtmlElement) -> str:
    """An element's words on one line, spacing collapsed (as the blocks' text is)."""
    return " ".join(element.text_content().split())


def _mostly_headlines(block: str, headlines: frozenset[str]) -> bool:
    if not headlines or block.startswith("# "):
        return False
    linked = sum(len(h) for h in headlines if h in block)
    return linked >= LINK_SHARE * len(block)


# -- trafilatura -----------------------------------------------------------------------------

_quieted = False


def _quiet_loggers() -> None:
    global _quieted
    if not _quieted:
        for name in _QUIET_LOGGERS:
            logging.getLogger(name).addHandler(logging.NullHandler())
        _quieted = True


def _trafilatura_blocks(html: str, *, favor_recall: bool) -> list[str]:
    _quiet_loggers()
    import trafilatura  # lazily: some 150 ms of imports, paid only when a page is read

    try:
        document = trafilatura.bare_extraction(
            html,
            favor_recall=favor_recall,
            include_comments=False,
            include_tables=True,
            include_images=False,
            include_links=False,
            with_metadata=False,
        )
    except (ValueError, TypeError, lxml.etree.LxmlError, RecursionError):
        return []  # a page trafilatura cannot read: the fallbacks will
    body = getattr(document, "body", None) if document is not None else None
    if body is None:
        return []
    return [block for block in _tree_blocks(body) if block.strip()]


# Elements of trafilatura's tree that are blocks of their own; the others (hi, ref, del...) are inline.
_TREE_BLOCKS = frozenset({"p", "head", "list", "item", "quote", "table", "code", "div", "main", "body", "graphic", "pre"})


def _tree_blocks(element: lxml.etree._Element) -> Iterator[str]:
    """Paragraph blocks from trafilatura's tree (``p``, ``head``, ``list/item``, ``quote``, ``table``...).

    Text outside any paragraph element (loose text, or the tail of a heading) is a block too.
    """
    run: list[str] = [element.text or ""]
    for child in element:
        tag = child.tag if isinstance(child.tag, str) else ""
        if tag in _TREE_BLOCKS or tag == "lb":
            loose = " ".join("".join(run).split())
            run.clear()
            if loose:
                yield loose
            if tag != "lb":
                yield from _block(child, tag)
        elif tag:
            run.append(_inline_text(child))
        if child.tail:
            run.append(child.tail)
    loose = " ".join("".join(run).split())
    if loose:
        yield loose


LIST_ITEM_MIN_WORDS = 5
"""A list whose every item has at least this many words is a list of statements (a "Key points"
box, a summary's bullets: "Numbers at the weekly sale have tripled since June"), written with a
"- " marker so that the reader takes each item, which rarely ends with a full stop, as a sentence
of the article rather than as a heading. So is a list whose every item is a figure told in
``LIST_FIGURE_MIN_WORDS`` words or more ("600 food parcels delivered", "Two bridges still closed").
Lists with other short items (a menu, "1 of 5", a date) stay as they were: lines without a stop,
read as headings or labels."""
LIST_FIGURE_MIN_WORDS = 3
_FIGURE_ITEM = re.compile(
    r"(?i)(?:\d[\d,.]*%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|dozens|hundreds|thousands)"
    r"\s+[^\W\d_]"
)


def _statement_items(items: list[str]) -> bool:
    """Whether a list's items are statements, each to be read as a sentence (``LIST_ITEM_MIN_WORDS``)."""
    if not items or any(item.startswith("# ") for item in items):
        return False
    if all(len(item.split()) >= LIST_ITEM_MIN_WORDS for item in items):
        return True
    return len(items) >= 2 and all(
        len(item.split()) >= LIST_FIGURE_MIN_WORDS and _FIGURE_ITEM.match(item) and not _CLOCK.match(item)
        and not re.match(r"(?i)\d+\s+of\s+\d", item) and not _COUNTER.search(item) for item in items
    )


# A page's counters, never a statement: "5 min read", "2 hours ago", "12 comments", "3 photos".
_COUNTER = re.compile(r"(?i)\b(?:ago|read|comments?|repl(?:y|ies)|photos?|images?|videos?|shares?|views?|likes?)$")


def _block(element: lxml.etree._Element, tag: str) -> Iterator[str]:
    if tag == "head":
        text = _inline_text(element)
        if text:
            yield "# " + text
    elif tag == "table":
        yield from _table_blocks(element)
    elif tag == "graphic":
        return
    elif tag == "list":
        items = list(_tree_blocks(element))
        marked = _statement_items(items)
        yield from (("- " + item) if marked else item for item in items)
    elif tag == "quote" and _embedded_post(element):
        yield _inline_text(element)
    elif tag in ("quote", "div", "main", "body") or any(
        isinstance(child.tag, str) and child.tag in _TREE_BLOCKS for child in element
    ):
        yield from _tree_blocks(element)
    else:  # p, item, code
        yield from _line_broken_paragraphs(element)


def _embedded_post(quote: lxml.etree._Element) -> bool:
    """Whether a quote is a social network's post as pages embed it: its text, then "— Name
    (@handle) date" after it. Read as one block, post and signature together, so that the reader
    sets it apart whole (``boilerplate.EMBED_ATTRIBUTION``) instead of taking its signature for a
    sentence and its text, without a stop, for a heading."""
    from .boilerplate import EMBED_ATTRIBUTION

    return EMBED_ATTRIBUTION.search(_inline_text(quote)) is not None


_LINE_BREAK = "\x00"  # a line break, while an element's words are gathered
_SPACE_TAGS = _TREE_BLOCKS | {"cell", "row"}


def _pieces(element: lxml.etree._Element) -> Iterator[str]:
    """An element's text in document order (an element's text, its children's, then its tail):
    ``_LINE_BREAK`` for each line break, a space around each block inside it."""
    for event, node in lxml.etree.iterwalk(element, events=("start", "end")):
        tag = node.tag if isinstance(node.tag, str) else ""
        if event == "start":
            if node is not element and tag == "lb":
                yield _LINE_BREAK
            elif node is not element and tag in _SPACE_TAGS:
                yield " "
            if tag and node.text:
                yield node.text
        elif node is not element:
            if tag in _SPACE_TAGS:
                yield " "
            if node.tail:
                yield node.tail


def _line_broken_paragraphs(element: lxml.etree._Element) -> Iterator[str]:
    """The paragraphs of an element written with line breaks instead of paragraphs: a page that
    separates its paragraphs by ``<br><br>`` comes out of the extractor as one ``p`` with pairs of
    ``lb`` in it. Two line breaks in a row (with nothing but spacing between) end a paragraph; a
    single one is a line break inside it (an address, a poem) and becomes a space."""
    text = "".join(_pieces(element))
    for paragraph in re.split(f"{_LINE_BREAK}\\s*{_LINE_BREAK}[\\s{_LINE_BREAK}]*", text):
        words = " ".join(paragraph.replace(_LINE_BREAK, " ").split())
        if words:
            yield words


def _inline_text(element: lxml.etree._Element) -> str:
    """The words of an element on one line, in the order they are written: line breaks become
    spaces, spacing is collapsed, and a block inside it (a ``p`` in a table's cell) is set apart
    by spaces, never fused to the words around it ("Home" and "Archive" are not "HomeArchive")."""
    return " ".join("".join(_pieces(element)).replace(_LINE_BREAK, " ").split())


def _table_blocks(table: lxml.etree._Element) -> Iterator[str]:
    """A table: a table of figures, or a page laid out in a table.

    A table laid out as a page (a cell holding paragraphs: a column of links beside the story) is
    read cell by cell as the blocks it holds. A table of figures is the article's content and is
    written as one block, a row a line in Markdown's table shape (``| Aska | 7.3% | 7.9% |``), under
    its caption, the line before it, when the extractor made the caption a row of one cell: the
    reader shows its rows and keeps them out of sentences, and the caption stays with its table."""
    rows = [[cell for cell in row if isinstance(cell.tag, str)] for row in table.iter("row")]
    if any(isinstance(node.tag, str) and node.tag in _TREE_BLOCKS for row in rows for cell in row for node in cell.iter()
           if node is not cell):
        for row in rows:
            for cell in row:
                yield from _tree_blocks(cell)
        return
    lines = [[_inline_text(cell).replace("|", "/") for cell in row] for row in rows]
    lines = [cells for cells in lines if any(cells)]
    if not lines:
        return
    widest = max(len([c for c in cells if c]) for cells in lines)
    caption = None
    if widest > 1 and len([c for c in lines[0] if c]) == 1 and len(lines) > 1:
        caption = next(c for c in lines[0] if c)
        lines = lines[1:]
    if widest == 1:  # a table of one column is a list of lines, not figures
        for cells in lines:
            yield from (c for c in cells if c)
        return
    table_lines = ["| " + " | ".join(cells) + " |" for cells in lines]
    yield "\n".join(([caption] if caption else []) + table_lines)


# -- fallbacks -------------------------------------------------------------------------------


def _breadability_blocks(html: str) -> list[str]:
    _quiet_loggers()
    from breadability.readable import Article as ReadableArticle

    try:
        main_text = ReadableArticle(html).main_text
    except (ValueError, TypeError, lxml.etree.LxmlError, RecursionError):
        return []
    blocks: list[str] = []
    for paragraph in main_text:
        current = ""
        for text, marks in paragraph:
            if marks and _HEADING_TAGS.intersection(marks):
                if current.strip():
                    blocks.append(" ".join(current.split()))
                    current = ""
                if text.strip():
                    blocks.append("# " + " ".join(text.split()))
            elif not (marks and "pre" in marks) and text:
                # no space between a word and the punctuation after it
                current += text if text[0] in punctuation else " " + text
        if current.strip():
            blocks.append(" ".join(current.split()))
    return blocks


def _visible_blocks(tree: lxml.html.HtmlElement) -> list[str]:
    """The visible text of <body> (or of the element given), one block per HTML block, without page
    furniture.

    Iterative (``iterwalk``), so that a page nested thousands of levels deep cannot exhaust the stack.
    """
    body = tree.find(".//body") if tree.tag != "article" else None
    root = body if body is not None else tree
    blocks: list[str] = []
    current: list[str] = []

    def flush() -> None:
        text = " ".join("".join(current).split())
        if text:
            blocks.append(text)
        current.clear()

    walker = lxml.etree.iterwalk(root, events=("start", "end"))
    skipped: set[lxml.etree._Element] = set()
    for event, element in walker:
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if event == "start":
            if not tag or tag in _INVISIBLE or element.get("hidden") is not None or element.get("aria-hidden") == "true":
                skipped.add(element)
                walker.skip_subtree()
                continue
            if tag in _BLOCK_TAGS:
                flush()
            if tag in _HEADING_TAGS:
                text = _text_of(element)
                if text:
                    blocks.append("# " + text)
                skipped.add(element)
                walker.skip_subtree()
            elif element.text:
                current.append(element.text)
            continue
        if tag in _BLOCK_TAGS and element not in skipped:
            flush()
        if element is not root and element.tail:
            current.append(element.tail)
    flush()
    return [block for block in blocks if re.search(r"\w", block)]


def _markup_stripped_blocks(html: str) -> list[str]:
    """The page's words with every tag taken out: for markup no parser keeps (nested too deep)."""
    stripped = _TAG.sub("\n", _SCRIPT_OR_STYLE.sub("\n", html))
    lines = (" ".join(unescape(line).split()) for line in stripped.split("\n"))
    return [line for line in lines if re.search(r"\w", line)]
