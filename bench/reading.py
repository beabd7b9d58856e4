"""Reading benchmark: how much of a real news page's article text each extractor recovers.

    python -m bench.reading [--pages DIR] [-o bench/results/reading.md]

Over ``../shared/data/realworld-pages/`` (62 real pages with the article text a person or
Readability.js marked), three readers run on the same decoded pages in the same process:

- newsdigest: the project's real reading path (``parse_input`` then ``ArticleParser``), scored on
  the article's *body sentences*, what a reader of a summary could get (no headings, metadata or
  boilerplate);
- trafilatura: plain ``trafilatura.extract(html)``, its defaults;
- breadability: ``breadability.readable.Article(html).main_text`` (what newsdigest used before).

Per page: lower-case word tokens of the text against the expected text, clipped counts,
precision / recall / F1; means over pages, a page with no text scoring 0 (and counted as failed).
Titles are compared after normalising case, quotes, dashes and spacing; dates as ISO dates, where
the expected value is known (``pages.jsonl``, or for AEB pages the page's own JSON-LD
``headline``/``datePublished``, as the dataset's README says).

Markdown goes to stdout, and to ``-o FILE`` when given. When the data is absent this fails loudly
(exit 1): there is no quiet fallback.
"""

from __future__ import annotations

import argparse
import datetime
import json
import os
import platform
import re
import sys
import time
import unicodedata
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from statistics import mean

REPO = Path(__file__).resolve().parents[1]
DEFAULT_PAGES = REPO.parent / "shared" / "data" / "realworld-pages"
_WORD = re.compile(r"\w+")
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}


@dataclass(frozen=True)
class Page:
    id: str
    source: str
    html: str
    expected: str
    title: str | None
    date: str | None


@dataclass
class Result:
    """One reader on one page."""

    text: str
    title: str | None = None
    date: str | None = None
    seconds: float = 0.0


@dataclass
class Scores:
    name: str
    precision: list[float] = field(default_factory=list)
    recall: list[float] = field(default_factory=list)
    f1: list[float] = field(default_factory=list)
    failed: list[str] = field(default_factory=list)
    titles: list[bool] = field(default_factory=list)
    titles_lenient: list[bool] = field(default_factory=list)
    dates: list[bool] = field(default_factory=list)
    wrong_titles: list[str] = field(default_factory=list)
    wrong_dates: list[str] = field(default_factory=list)
    seconds: list[float] = field(default_factory=list)
    per_page: dict[str, float] = field(default_factory=dict)


# -- data ------------------------------------------------------------------------------------


def load_pages(pages_dir: Path) -> list[Page]:
    from summarizer.reading.decoding import decode_bytes

    pages = []
    with open(pages_dir / "pages.jsonl", encoding="utf-8") as lines:
        for line in lines:
            if not line.strip():
                continue
            record = json.loads(line)
            html = decode_bytes((pages_dir / "html" / f"{record['id']}.html").read_bytes())
            expected = (pages_dir / "expected" / f"{record['id']}.txt").read_text(encoding="utf-8")
            title, date = record.get("title"), record.get("date")
            if record.get("source") == "aeb":
                ld_title, ld_date = _json_ld_reference(html)
                title, date = title or ld_title, date or ld_date
            pages.append(Page(record["id"], record.get("source", ""), html, expected, title, date))
    return pages


def _json_ld_reference(html: str) -> tuple[str | None, str | None]:
    """The page's own JSON-LD ``headline`` and ``datePublished`` (the AEB pages' reference)."""
    import lxml.html

    tree = lxml.html.fromstring(html)
    title = date = None
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads(script.text_content().strip())
        except ValueError:
            continue
        for item in _walk_json(data):
            if title is None and isinstance(item.get("headline"), str):
                title = item["headline"]
            if date is None and isinstance(item.get("datePublished"), str):
                date = item["datePublished"]
    return title, date


def _walk_json(data: object):
    if isinstance(data, dict):
        yield data
        for value in data.values():
            yield from _walk_json(value)
    elif isinstance(data, list):
        for value in data:
            yield from _walk_json(value)


# -- readers ---------------------------------------------------------------------------------


def read_newsdigest(page: Page) -> Result:
    """The project's real path: parse_input (HTML to text and metadata), then ArticleParser."""
    from summarizer.errors import InputError
    from summarizer.reading.articles import ArticleParser
    from summarizer.reading.inputs import InputFile, parse_input

    item = InputFile(f"{page.id}.html", page.id, named=True)
    try:
        (raw,) = parse_input(item, page.html.encode("utf-8"), lambda error: None)
    except InputError:
        return Result("")
    article = ArticleParser()(raw.text, raw.meta)
    body = "\n\n".join(sentence.text for sentence in article.sentences)
    return Result(body, article.title if article.title != page.id else None, article.date)


def read_trafilatura(page: Page) -> Result:
    import trafilatura

    text = trafilatura.extract(page.html) or ""
    meta = trafilatura.extract_metadata(page.html)
    return Result(text, meta.title if meta else None, meta.date if meta else None)


def read_breadability(page: Page) -> Result:
    """breadability's main text, with the meta-tag title and date newsdigest used to take."""
    from breadability.readable import Article as ReadableArticle

    paragraphs = []
    for paragraph in ReadableArticle(page.html).main_text:
        words = " ".join(
            text for text, annotations in paragraph if not (annotations and _HEADING_TAGS.intersection(annotations))
        )
        if words.strip():
            paragraphs.append(" ".join(words.split()))
    title, date = _old_meta(page.html)
    return Result("\n\n".join(paragraphs), title, date)


def _old_meta(html: str) -> tuple[str | None, str | None]:
    import lxml.html

    tree = lxml.html.fromstring(html)
    meta = {
        (el.get("property") or el.get("name") or el.get("itemprop") or "").lower(): el.get("content")
        for el in tree.iter("meta")
        if el.get("content")
    }
    title = " ".join((meta.get("og:title") or tree.findtext(".//title") or "").split()) or None
    keys = ("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate", "date", "dc.date")
    date = next((meta[k] for k in keys if meta.get(k)), None)
    if date is None:
        time_el = tree.find(".//time[@datetime]")
        date = time_el.get("datetime") if time_el is not None else None
    return title, date


READERS: dict[str, Callable[[Page], Result]] = {
    "newsdigest": read_newsdigest,
    "trafilatura": read_trafilatura,
    "breadability": read_breadability,
}


# -- scoring ---------------------------------------------------------------------------------


def words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


def prf(got: str, expected: str) -> tuple[float, float, float]:
    found, wanted = words(got), words(expected)
    if not found or not wanted:
        return 0.0, 0.0, 0.0
    overlap = sum((found & wanted).values())
    precision, recall = overlap / sum(found.values()), overlap / sum(wanted.values())
    return precision, recall, (2 * precision * recall / (precision + recall) if overlap else 0.0)


def normal_title(title: str | None) -> str:
    if not title:
        return ""
    title = unicodedata.normalize("NFKC", title).lower()
    title = re.sub(r"[\u2018\u2019\u201a\u201b\u2032`]", "'", title)
    title = re.sub(r"[\u201c\u201d\u201e\u201f\u2033]", '"', title)
    title = re.sub(r"[\u2010-\u2015]", "-", title)
    return " ".join(_WORD.findall(title))


def _without_suffix(title: str) -> str:
    """A reference title without its own trailing " - Site" / " | Site" part (kept by some pages)."""
    parts = re.split(r"\s+[|\-\u2013\u2014]\s+", title)
    return normal_title(" - ".join(parts[:-1])) if len(parts) > 1 else normal_title(title)


def iso_date(value: str | None) -> str | None:
    from summarizer.reading.metadata import normalise_date

    if not value:
        return None
    match = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", value)
    return "-".join(match.groups()) if match else normalise_date(value)


def run(pages: list[Page]) -> dict[str, Scores]:
    scores = {name: Scores(name) for name in READERS}
    for page in pages:
        for name, reader in READERS.items():
            started = time.perf_counter()
            result = reader(page)
            elapsed = time.perf_counter() - started
            s = scores[name]
            s.seconds.append(elapsed)
            if not result.text.strip():
                s.failed.append(page.id)
            p, r, f = prf(result.text, page.expected)
            s.precision.append(p)
            s.recall.append(r)
            s.f1.append(f)
            s.per_page[page.id] = f
            if page.title:
                right = normal_title(result.title) == normal_title(page.title)
                s.titles.append(right)
                s.titles_lenient.append(right or _without_suffix(page.title) == normal_title(result.title))
                if not right:
                    s.wrong_titles.append(f"{page.id}: {result.title!r} (expected {page.title!r})")
            if iso_date(page.date) and iso_date(page.date) >= "1990":  # "0001-01-01" is no reference
                right = iso_date(result.date) == iso_date(page.date)
                s.dates.append(right)
                if not right:
                    s.wrong_dates.append(f"{page.id}: {result.date!r} (expected {iso_date(page.date)})")
    return scores


# -- report ----------------------------------------------------------------------------------


def _versions() -> str:
    from importlib.metadata import PackageNotFoundError, version

    out = []
    for name in ("trafilatura", "htmldate", "breadability", "lxml"):
        try:
            out.append(f"{name} {version(name)}")
        except PackageNotFoundError:
            out.append(f"{name} (not installed)")
    return ", ".join(out)


def report(pages_dir: Path, pages: list[Page], scores: dict[str, Scores], argv: list[str]) -> str:
    n = len(pages)
    lines = [
        "# Reading real news pages: newsdigest vs trafilatura vs breadability",
        "",
        f"- date: {datetime.datetime.now().astimezone().isoformat(timespec='seconds')}",
        f"- machine: {platform.node() or '?'}, {platform.platform()}, {os.cpu_count()} CPUs, Python {platform.python_version()}",
        f"- packages: {_versions()}",
        f"- command: `python -m bench.reading {' '.join(argv)}`".replace("  ", " ").rstrip(),
        (f"- pages: {n} from `{_shown(pages_dir)}` "
        f"({sum(p.source == 'readability' for p in pages)} Readability test pages, {sum(p.source == 'aeb' for p in pages)} AEB pages)"),
        "",
        "Bag of lower-case words against the expected main text, clipped counts; means over pages, a page",
        "with no text scoring 0. newsdigest is scored on its body sentences (after headings, metadata and",
        "boilerplate are set aside); trafilatura is plain `trafilatura.extract(html)` with its defaults",
        "(comments included) and `extract_metadata` for title and date; breadability is its `main_text`",
        "with the meta-tag title and date newsdigest took before.",
        "",
        "| reader | precision | recall | F1 | pages failed | titles right | titles right, reference's site suffix forgiven | dates right | ms / page |",
        "|---|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for s in scores.values():
        lines.append(
            f"| {s.name} | {mean(s.precision):.3f} | {mean(s.recall):.3f} | {mean(s.f1):.3f} | "
            f"{len(s.failed)} / {n} | {sum(s.titles)} / {len(s.titles)} | {sum(s.titles_lenient)} / {len(s.titles)} | "
            f"{sum(s.dates)} / {len(s.dates)} | "
            f"{1000 * mean(s.seconds):.0f} |"
        )
    lines += ["", "## By source", "", "| reader | source | pages | F1 |", "|---|---|---:|---:|"]
    for s in scores.values():
        for source in sorted({p.source for p in pages}):
            ids = [p.id for p in pages if p.source == source]
            lines.append(f"| {s.name} | {source} | {len(ids)} | {mean(s.per_page[i] for i in ids):.3f} |")
    names = list(scores)
    lines += ["", "## Pages", "", "F1 per page, lowest newsdigest first.", "", "| page | " + " | ".join(names) + " |"]
    lines.append("|---|" + "---:|" * len(names))
    first = scores[names[0]]
    for page_id in sorted(first.per_page, key=first.per_page.get):
        lines.append(f"| {page_id} | " + " | ".join(f"{scores[name].per_page[page_id]:.3f}" for name in names) + " |")
    for s in scores.values():
        if s.failed or s.wrong_titles or s.wrong_dates:
            lines += ["", f"## {s.name}: misses", ""]
            lines += [f"- failed (no text): {page_id}" for page_id in s.failed]
            lines += [f"- title: {_inline(item)}" for item in s.wrong_titles]
            lines += [f"- date: {_inline(item)}" for item in s.wrong_dates]
    return "\n".join(lines) + "\n"


def _inline(text: str) -> str:
    return text.replace("|", "\\|").replace("\n", " ")


def _shown(path: Path) -> str:
    try:
        return os.path.relpath(path, REPO)
    except ValueError:
        return str(path)


def text_section(pages_dir: Path) -> str:
    """The plain-text sections (``bench/reading_text.py``), or a line saying they are missing."""
    try:
        from bench.reading_text import text_report
    except ImportError as error:
        return f"\n## Plain text\n\n(section missing: `bench.reading_text` could not be imported: {error})\n"
    return "\n" + text_report(pages_dir).rstrip("\n") + "\n"


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    parser = argparse.ArgumentParser(prog="python -m bench.reading", description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=Path, default=DEFAULT_PAGES, help="the realworld-pages folder")
    parser.add_argument("-o", "--output", type=Path, help="also write the Markdown report here")
    args = parser.parse_args(argv)
    pages_dir: Path = args.pages
    if not (pages_dir / "pages.jsonl").is_file() or not (pages_dir / "html").is_dir():
        print(
            f"ERROR: bench.reading needs the real pages at {pages_dir} (pages.jsonl, html/, expected/): "
            "not found. ../shared is absent or incomplete; nothing was measured.",
            file=sys.stderr,
        )
        return 1
    sys.path.insert(0, str(REPO))
    pages = load_pages(pages_dir)
    scores = run(pages)
    markdown = report(pages_dir, pages, scores, argv) + text_section(pages_dir)
    sys.stdout.write(markdown)
    if args.output:
        args.output.parent.mkdir(parents=True, exist_ok=True)
        tmp = args.output.with_name(args.output.name + ".tmp")
        tmp.write_text(markdown, encoding="utf-8")
        tmp.replace(args.output)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
