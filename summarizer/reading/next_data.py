"""The article a Next.js page ships only in its ``__NEXT_DATA__`` JSON.

A page built with Next.js may send the browser a shell (the site's header, the headline, the
standfirst and "Loading article..." where the story goes) and the story itself in
``<script id="__NEXT_DATA__" type="application/json">``, which a script turns into paragraphs. Each
site names its fields its own way, so nothing here knows one site's keys: under
``props.pageProps`` the article's body is the field with the most words that reads as prose,
whichever shape it has:

- a list of paragraphs, each a string or an object whose text is in its ``text``, ``value``,
  ``content``, ``children``, ``html``... fields (the rich-text trees of Slate, Portable Text,
  Contentful: ``{"type": "paragraph", "children": [{"text": "..."}]}``), a heading marked so by
  its type (``"heading-two"``, ``"h2"``);
- one string of HTML (``"<p>...</p><p>...</p>"``);
- one string of plain text, paragraphs on lines of their own.

Its publication date is the first field named as one (``publishedAt``, ``datePublished``,
``published_at``, ``firstPublished``...), never an update's (``updatedAt``).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Iterator

import lxml.etree
import lxml.html

MIN_WORDS = 40
"""A body has at least this many words: a shorter field is a teaser, a caption or a headline."""
_MAX_DEPTH = 14
_MAX_NODES = 50_000  # a page's data may be large (a whole catalogue): the walk stops here
# Fields that hold a paragraph's text in rich-text trees (Slate, Portable Text, Contentful, Draft.js).
_TEXT_KEYS = ("text", "value", "content", "children", "html", "body", "markup", "data", "contents", "paragraph")
# Fields that are never the article's body: lists of other stories, menus, comments.
_OTHER = re.compile(
    r"(?i)related|recommend|trending|popular|most_?read|most_?viewed|more_?stories|nav|menu|footer|comment"
    r"|promo|teaser|advert|^ads?$|seo|breadcrumb"
)
_TYPE_KEYS = ("type", "_type", "nodeType", "style", "tag", "blockType", "__typename")
_HEADING_TYPE = re.compile(r"(?i)^(?:h[1-6]|heading.*|header|subhead.*)$")
_HTML = re.compile(r"<(?:p|br|div|h[1-6]|li|blockquote)\b[^>]*>", re.IGNORECASE)
_SENTENCE_END = re.compile(r"[.!?\u2026][\"'\u201d\u2019)\]]*$")
_WORD = re.compile(r"\w+")
# A field that dates the publication (its name squashed: lower case, no "_" or "-").
_PUBLISHED_KEYS = (
    "publishedat", "datepublished", "publisheddate", "publishdate", "publicationdate", "firstpublished",
    "firstpublishedat", "publishedon", "publishedtime", "pubdate", "publishat", "published",
)


def page_props(tree: lxml.html.HtmlElement) -> dict | None:
    """``props.pageProps`` of the page's ``__NEXT_DATA__`` (or ``props``), else the state another
    framework ships in a script (:func:`client_state`); None when it has none."""
    for script in tree.iter("script"):
        if script.get("id") != "__NEXT_DATA__":
            continue
        try:
            data = json.loads(script.text or "")
        except ValueError:
            return None
        props = data.get("props") if isinstance(data, dict) else None
        if not isinstance(props, dict):
            return None
        inner = props.get("pageProps")
        return inner if isinstance(inner, dict) else props
    return client_state(tree)


_STATE_SCRIPT = re.compile(r"\s*(?:window\.|self\.|globalThis\.|(?:var|let|const)\s+)?(__[A-Z][A-Z0-9_]*__)\s*=\s*")
_STATE_CHARS = 4 * 2**20
_JS_STRING_PAIR = re.compile(r'(?:([A-Za-z_$][\w$]*)|"([^"\\]{1,60})")\s*:\s*"((?:[^"\\]|\\.)*)"', re.DOTALL)
_REF_KEYS = ("__ref", "id")


def client_state(tree: lxml.html.HtmlElement) -> dict | None:
    """The state a client-rendered page ships in a script, ``window.__APOLLO_STATE__ = {...}``,
    ``window.__INITIAL_STATE__``, ``window.__NUXT__=(function(a,b){return {...}}(...))``: as JSON
    when it is JSON (Apollo's references, ``{"__ref": "Block:1"}``, replaced by what they name,
    so an article's body is its list of blocks), else its string fields in page order
    (``title:"..."``, ``body:"<p>..."``), read from the script without running it."""
    for script in tree.iter("script"):
        if script.get("src") or (script.get("type") or "").lower() not in ("", "text/javascript", "application/javascript"):
            continue
        text = script.text or ""
        match = _STATE_SCRIPT.match(text)
        if match is None:
            continue
        rest = text[match.end():_STATE_CHARS]
        state = _json_state(rest) if rest[:1] in ("{", "[") else None
        if state is None:
            state = _string_fields(rest)
        if state:
            return state
    return None


def _json_state(text: str) -> dict | None:
    try:
        value, _ = json.JSONDecoder().raw_decode(text)
    except ValueError:
        return None
    if not isinstance(value, dict):
        return {"state": value} if isinstance(value, list) else None
    return _resolved(value, value, 0, set())  # type: ignore[return-value]


def _resolved(node: object, state: dict, depth: int, path: set[str]) -> object:
    """``node`` with Apollo's references replaced by the entries they name (not within themselves)."""
    if depth > _MAX_DEPTH:
        return node
    if isinstance(node, list):
        return [_resolved(item, state, depth + 1, path) for item in node]
    if not isinstance(node, dict):
        return node
    ref = node.get("__ref") if len(node) == 1 else None
    if isinstance(ref, str) and isinstance(state.get(ref), dict) and ref not in path:
        return _resolved(state[ref], state, depth + 1, path | {ref})
    return {key: _resolved(value, state, depth + 1, path) for key, value in node.items()}


def _string_fields(script: str) -> dict[str, str] | None:
    """A script's ``key: "string"`` pairs in order (a later key again as ``key~2``), when one of them is
    long enough to be a body; JavaScript's string escapes read as JSON's."""
    fields: dict[str, str] = {}

    def add(key: str, value: str) -> None:
        name, n = key, 1
        while name in fields:
            n += 1
            name = f"{key}~{n}"
        fields[name] = value

    for match in _JS_STRING_PAIR.finditer(script):
        try:
            value = json.loads(f'"{match.group(3)}"')
        except ValueError:
            value = match.group(3).replace('\\"', '"')
        add(match.group(1) or match.group(2), value)
    # Nuxt 2 passes repeated values as the arguments of the function that builds its state:
    # (function(a,b){return {publishedAt:a, ...}}("2026-11-05T10:00:00Z", ...)): a field named
    # after a date takes its argument's value.
    call = _IIFE.match(script)
    if call is not None:
        params = [p.strip() for p in call.group(1).split(",")]
        args = _call_arguments(script)
        if args is not None:
            values = dict(zip(params, args))
            for key, param in _JS_NAME_PAIR.findall(script):
                if key not in fields and isinstance(values.get(param), str) and _squash(key) in _PUBLISHED_KEYS:
                    add(key, values[param])
    return fields if any(len(v) > 200 for v in fields.values()) else None


_IIFE = re.compile(r"\(?\s*function\s*\(([\w$,\s]*)\)\s*\{")
_JS_NAME_PAIR = re.compile(r"[{,]\s*([A-Za-z_$][\w$]*)\s*:\s*([A-Za-z_$][\w$]*)\s*(?=[,}])")


def _call_arguments(script: str) -> list | None:
    """The arguments of the call that ends a script (``...}("2026-11-05", 3, null));``), as JSON reads them."""
    end = script.rstrip().rstrip(";").rstrip()
    if not end.endswith("))"):
        return None
    depth, i = 0, len(end) - 3
    in_string = False
    while i >= 0:  # back to the "(" that opens the argument list, outside strings
        ch = end[i]
        if ch == '"' and (i == 0 or end[i - 1] != "\\"):
            in_string = not in_string
        elif not in_string:
            if ch == ")":
                depth += 1
            elif ch == "(":
                if depth == 0:
                    break
                depth -= 1
        i -= 1
    if i < 0:
        return None
    try:
        args = json.loads("[" + end[i + 1:len(end) - 2].replace("void 0", "null") + "]")
    except ValueError:
        return None
    return args if isinstance(args, list) else None


def state_headline(props: dict) -> str | None:
    """The headline a page's data gives its article: the first ``headline`` or ``title`` field,
    breadth first, that reads as one (three words or more, one line)."""
    for node in _breadth_first(props):
        for key in ("headline", "title"):
            value = node.get(key)
            if isinstance(value, str) and 3 <= len(value.split()) <= 30 and "<" not in value:
                return " ".join(value.split())
    return None


def _breadth_first(props: dict) -> Iterator[dict]:
    """The objects of ``props``, breadth first (the article's own before those of the stories it links
    to), as deep and as many as a page's data may reasonably nest, not into fields of other things."""
    queue: list[tuple[object, int]] = [(props, 0)]
    seen = 0
    while queue and seen < _MAX_NODES:
        node, depth = queue.pop(0)
        seen += 1
        if isinstance(node, dict):
            yield node
            children = [v for k, v in node.items() if not _OTHER.search(str(k))]
        elif isinstance(node, list):
            children = node
        else:
            continue
        if depth < _MAX_DEPTH:
            queue.extend((child, depth + 1) for child in children if isinstance(child, (dict, list)))


def body_paragraphs(props: dict, html_blocks: Callable[[lxml.html.HtmlElement], list[str]]) -> list[str]:
    """The article's paragraphs from ``props`` (module docstring), headings written "# ...";
    empty when no field holds ``MIN_WORDS`` words of prose. ``html_blocks`` reads a field of HTML,
    parsed, into blocks (the visible blocks of ``html.py``)."""
    best: list[str] = []
    best_words = MIN_WORDS - 1
    for paragraphs in _candidates(props, html_blocks):
        words = sum(len(_WORD.findall(p)) for p in paragraphs)
        if words > best_words and _prose(paragraphs):
            best, best_words = paragraphs, words
    return best


def published_date(props: dict) -> str | None:
    """The value of the first field that names the publication date, breadth first (the article's own
    before those of the stories it links to)."""
    for node in _breadth_first(props):
        for key, value in node.items():
            if isinstance(value, str) and _squash(key) in _PUBLISHED_KEYS:
                return value
    return None


def _squash(key: str) -> str:
    return re.sub(r"[^a-z]", "", key.lower())


def _candidates(props: dict, html_blocks: Callable[[lxml.html.HtmlElement], list[str]]) -> Iterator[list[str]]:
    stack: list[tuple[object, int]] = [(props, 0)]
    seen = 0
    while stack and seen < _MAX_NODES:
        node, depth = stack.pop()
        seen += 1
        if isinstance(node, str):
            if len(node) > 200:
                yield _string_paragraphs(node, html_blocks)
            continue
        if isinstance(node, list):
            paragraphs = [p for p in (_item_text(item) for item in node) if p]
            if len(paragraphs) >= 2:
                yield paragraphs
            children = node
        elif isinstance(node, dict):
            children = [v for k, v in node.items() if not _OTHER.search(str(k))]
        else:
            continue
        if depth < _MAX_DEPTH:
            stack.extend((child, depth + 1) for child in children if isinstance(child, (str, list, dict)))


def _item_text(item: object) -> str:
    """One paragraph of a list: a string, or the text of a rich-text node, "# " before a heading's."""
    if isinstance(item, str):
        return " ".join(_strip_html(item).split()) if _HTML.search(item) or "</" in item else " ".join(item.split())
    if not isinstance(item, dict):
        return ""
    text = " ".join("".join(_leaves(item, 0)).split())
    if "<" in text and ("</" in text or _HTML.search(text)):
        text = " ".join(_strip_html(text).split())
    kind = next((item[k] for k in _TYPE_KEYS if isinstance(item.get(k), str)), "")
    return "# " + text if text and _HEADING_TYPE.match(kind) else text


def _leaves(node: object, depth: int) -> Iterator[str]:
    """The text of a rich-text node: its strings under text fields, in order (spans are joined as
    written: "the " + "bold" + " word")."""
    if depth > 8:
        return
    if isinstance(node, str):
        yield node
    elif isinstance(node, list):
        for child in node:
            yield from _leaves(child, depth + 1)
    elif isinstance(node, dict):
        for key in _TEXT_KEYS:
            if key in node:
                yield from _leaves(node[key], depth + 1)


def _string_paragraphs(text: str, html_blocks: Callable[[lxml.html.HtmlElement], list[str]]) -> list[str]:
    if _HTML.search(text):
        try:
            return html_blocks(lxml.html.fragment_fromstring(text, create_parent="article"))
        except (lxml.etree.ParserError, ValueError):
            return []
    return [" ".join(line.split()) for line in text.splitlines() if line.strip()]


def _strip_html(html: str) -> str:
    try:
        return lxml.html.fragment_fromstring(html, create_parent="div").text_content()
    except (lxml.etree.ParserError, ValueError):
        return re.sub(r"<[^>]*>", " ", html)


def _prose(paragraphs: list[str]) -> bool:
    """Whether paragraphs read as an article: most of their words (headings aside) are in paragraphs
    that end as sentences do (a list of headlines or labels does not)."""
    words = [(len(_WORD.findall(p)), bool(_SENTENCE_END.search(p))) for p in paragraphs if not p.startswith("# ")]
    return sum(n for n, ends in words if ends) >= 0.5 * sum(n for n, _ in words) > 0
