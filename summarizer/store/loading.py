"""From paths to articles: discovery, reading, parsing, unique ids; the seeds by default."""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from importlib import resources
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ..errors import InputError, NoArticlesError
from .index import ArticleCache
from ..reading.inputs import STDIN, discover, read_input
from ..model import Article

if TYPE_CHECKING:
    from ..reading.articles import ArticleParser

Progress = Callable[[int, int], None]
"""Called with (inputs done, inputs in all)."""


def seeds_dir() -> Path:
    """The embedded default corpus (inside the installed package, or ``seeds/`` in a checkout)."""
    try:
        # Resolved: in a checkout, summarizer/seeds is a symlink to the top-level seeds/.
        return Path(str(resources.files("summarizer.seeds"))).resolve()
    except ModuleNotFoundError:
        return Path(__file__).resolve().parents[2] / "seeds"


def load_articles(
    paths: Sequence[str] = (),
    *,
    on_warning: Callable[[InputError], None] | None = None,
    on_progress: Progress | None = None,
    stdin: BinaryIO | None = None,
    parser: ArticleParser | None = None,
    cache: ArticleCache | None = None,
) -> tuple[Article, ...]:
    """Read every article under ``paths`` (the seeds when empty).

    Unusable inputs are reported to ``on_warning`` and skipped; :class:`NoArticlesError`
    is raised when nothing readable remains. With a ``cache`` (see :mod:`summarizer.index`),
    unchanged files come from the index and new ones are parsed in worker processes; the
    articles are the same either way. A custom ``parser`` bypasses the cache.
    """
    warnings: list[InputError] = []

    def warn(error: InputError) -> None:
        warnings.append(error)
        if on_warning:
            on_warning(error)

    given = list(paths) or [str(seeds_dir())]
    files = discover(given, warn)
    if cache is not None and parser is None:
        articles = cache.load(files, warn, on_progress, stdin, roots=[os.path.abspath(g) for g in given if g != STDIN])
        return _nonempty(articles, given)
    from ..reading.articles import ArticleParser, Metadata

    parse = parser or ArticleParser()
    articles: list[Article] = []
    seen_ids: set[str] = set()
    for done, item in enumerate(files, 1):
        try:
            raws = list(read_input(item, warn, stdin))
        except InputError as error:
            warn(error)
            raws = []
        for raw in raws:
            meta = raw.meta
            if meta.id in seen_ids:
                unique = _unique_id(meta.id, seen_ids)
                if meta.id != item.id_stem:  # two files named alike ("herald.txt", "herald.html") are no mistake
                    warn(InputError(item.path, f"duplicate article id {meta.id!r}, renamed {unique!r}"))
                meta = Metadata(unique, meta.title, meta.date, meta.path, meta.url)
            seen_ids.add(meta.id)
            article = parse(raw.text, meta)
            if not article.sentences:
                warn(InputError(meta.path or item.path, f"article {meta.id!r} has no sentences to summarize, skipped"))
                continue
            articles.append(article)
        if on_progress:
            on_progress(done, len(files))
    return _nonempty(articles, given)


def _nonempty(articles: list[Article], given: list[str]) -> tuple[Article, ...]:
    if not articles:
        where = ", ".join(given) if len(given) <= 3 else f"{len(given)} paths"
        raise NoArticlesError(f"no readable articles in {where}")
    return tuple(articles)


def _unique_id(base: str, seen: set[str]) -> str:
    n = 2
    while f"{base}~{n}" in seen:
        n += 1
    return f"{base}~{n}"
