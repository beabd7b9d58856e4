"""The command line's side of feeds: ``feeds add|list|remove|import|export``, ``refresh``, and
the ``--feeds`` / ``--since`` options of ``summarize`` and the app.

Light at import (the command line starts with it): the engine, httpx and feedparser are
imported by the commands that use them.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

from summarizer import NewsdigestError

from .exits import EXIT_FAILURE, EXIT_OK, PROG

if TYPE_CHECKING:
    from summarizer import Run

COMMANDS = ("feeds", "refresh")

FEEDS_EPILOG = """\
examples:
  newsdigest feeds add https://herald.norvale.example/rss --name herald
  newsdigest feeds list
  newsdigest feeds import subscriptions.opml
  newsdigest feeds export > subscriptions.opml
  newsdigest feeds remove herald
  newsdigest refresh                       fetch every subscription (unchanged feeds cost one request)
  newsdigest summarize --feeds --since 24h what the subscribed feeds published in the last day

subscriptions live in $XDG_CONFIG_HOME/newsdigest/feeds.toml ($NEWSDIGEST_FEEDS overrides);
fetched articles in the cache dir, so summarize --feeds works without network. With a shared
index (--index URL or $NEWSDIGEST_INDEX), both live in that database, for the whole team.
exit codes: 0 ok, 1 failure, 2 usage error
"""


class FeedUsageError(NewsdigestError):
    """A bad option value or feed name (exit 2)."""


# -- options of summarize and the app ----------------------------------------------------------


def add_web_options(parent: argparse.ArgumentParser) -> None:
    group = parent.add_argument_group("feeds and URLs")
    group.add_argument("--feeds", nargs="*", metavar="NAME",
                       help="also read the stored articles of these subscribed feeds (none named: every one); "
                       "see newsdigest feeds")
    group.add_argument("--since", type=_since, metavar="WHEN",
                       help="only articles published since WHEN: 90m, 24h, 7d, 2w or a date (2026-11-01); "
                       "undated articles count from when they were fetched (files: modified)")


def _since(text: str) -> datetime:
    from summarizer import parse_since

    try:
        return parse_since(text)
    except ValueError as error:
        raise argparse.ArgumentTypeError(str(error)) from None


def feed_urls(args: argparse.Namespace, index: str | None = None) -> tuple[str, ...] | None:
    """``--feeds NAME...`` as URLs (None without --feeds), from the user's subscriptions or with
    ``index`` the team's; FeedUsageError for an unknown name."""
    names = getattr(args, "feeds", None)
    if names is None:
        return None
    from summarizer import UnknownFeedError, open_subscriptions, select_subscriptions

    try:
        with open_subscriptions(index) as listed:
            subs = listed.load()
        if not subs:
            raise NewsdigestError(_none_subscribed(index))
        return tuple(s.url for s in select_subscriptions(subs, list(names)))
    except UnknownFeedError as error:
        raise FeedUsageError(str(error)) from None


def _none_subscribed(index: str | None) -> str:
    if index is None:
        return "no feeds subscribed; add one with: newsdigest feeds add URL"
    return "no feeds subscribed in the shared index; add one with: newsdigest feeds add URL --index URL"


def fetch_with_progress(run: Run, stderr: TextIO, warn: Callable[[str], None]) -> None:
    """Fetch the run's URLs and read its feeds (see :meth:`summarizer.Run.fetch`), with a
    progress bar on a terminal."""
    if not run.has_web_inputs:
        return
    with fetch_progress(stderr, warn) as (on_progress, print_above):
        run.fetch(lambda error: print_above(str(error)),
                  None if on_progress is None else lambda stage, done, total: on_progress(done, total))


def fetch_progress(stderr: TextIO, warn: Callable[[str], None]):
    """(on_progress, warn): a transient bar on stderr while fetching, when it is a terminal;
    warnings print above it."""
    from .progress import progress_bar

    return progress_bar(stderr, "fetching feeds and pages", warn, elapsed=True)


# -- the feeds and refresh commands ----------------------------------------------------------


def register_commands(commands) -> None:
    formatter = argparse.RawDescriptionHelpFormatter
    feeds = commands.add_parser(
        "feeds", formatter_class=formatter, epilog=FEEDS_EPILOG,
        help="manage subscribed RSS/Atom feeds (add, list, remove, import, export)",
        description="Manage the feeds newsdigest follows.",
    )
    actions = feeds.add_subparsers(dest="feeds_command", metavar="ACTION")
    actions.required = True
    add = actions.add_parser("add", help="subscribe to a feed (fetched once to check it and name it)",
                             description="Subscribe to a feed; it is fetched once to check it and to name it.")
    add.add_argument("url", metavar="URL")
    add.add_argument("--name", metavar="NAME", help="a short name (lower-case letters, digits, - and _); "
                     "default: from the feed's title")
    _cache_options(add)
    listing = actions.add_parser("list", help="the subscribed feeds, with what is stored of them")
    listing.add_argument("-f", "--format", choices=("text", "json"), default="text")
    _cache_options(listing)
    remove = actions.add_parser("remove", help="unsubscribe (by name or URL)")
    remove.add_argument("feed", metavar="NAME|URL")
    _index_option(remove)
    opml_in = actions.add_parser("import", help="subscribe to every feed of an OPML file")
    opml_in.add_argument("file", type=Path, metavar="FILE.opml")
    _index_option(opml_in)
    _index_option(actions.add_parser("export", help="the subscriptions as OPML, on stdout"))

    refresh = commands.add_parser(
        "refresh", formatter_class=formatter, help="fetch every subscribed feed (or those named)",
        description="Fetch the subscribed feeds and the articles they list, and keep them for "
        "summarize --feeds and the app. Unchanged feeds cost one small request (conditional GET).",
        epilog="examples:\n  newsdigest refresh\n  newsdigest refresh herald courier\n\n"
        "exit codes: 0 every feed fetched, 1 some feed could not be fetched (named on stderr; the\n"
        "others are fetched and stored all the same), 2 usage error\n",
    )
    refresh.add_argument("names", nargs="*", metavar="NAME", help="feeds to refresh (default: every one)")
    _cache_options(refresh)


def _cache_options(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--cache-dir", type=Path, metavar="DIR",
                        help="where fetched articles are kept (default $XDG_CACHE_HOME/newsdigest; "
                        "with --index, copies of the shared ones)")
    _index_option(parser)


def _index_option(parser: argparse.ArgumentParser) -> None:
    from .index_option import index_url

    parser.add_argument("--index", type=index_url, metavar="URL",
                        help="a team's shared store: the subscriptions and fetched articles in the PostgreSQL "
                        "database of the shared index, postgresql://user@host/db (default $NEWSDIGEST_INDEX)")


def _index(args: argparse.Namespace) -> str | None:
    from .index_option import index_location

    return index_location(args)


def run_command(args: argparse.Namespace, stdout: TextIO | None, stderr: TextIO, warn: Callable[[str], None]) -> int:
    from summarizer import UnknownFeedError, open_subscriptions, remove_subscription, write_opml

    index = _index(args)
    try:
        with open_subscriptions(index) as listed:
            if args.command == "refresh":
                return _refresh(args, listed, index, stdout, stderr, warn)
            action = args.feeds_command
            if action == "add":
                return _add(args, listed, index, stdout, stderr, warn)
            if action == "list":
                return _list(args, listed, index, stdout)
            if action == "remove":
                gone = listed.edit(lambda subs: remove_subscription(subs, args.feed))
                where = "the shared index" if index else "the cache"
                _write(stdout, f"unsubscribed from {gone.name} ({gone.url}); its stored articles stay in {where}\n")
                return EXIT_OK
            if action == "import":
                return _import(args, listed, stdout, stderr)
            _write(stdout, write_opml(listed.load()))
            return EXIT_OK
    except UnknownFeedError as error:
        raise FeedUsageError(str(error)) from None


def _add(args, listed, index, stdout, stderr, warn) -> int:
    from summarizer import WebInputs, add_subscription, advertised_feeds, check_feed_url

    subs = listed.load()
    check_feed_url(args.url)
    if any(s.url == args.url for s in subs):
        raise NewsdigestError(f"already subscribed to {args.url}")
    url = args.url
    held: list[str] = []  # what went wrong with the feed itself: said once, in the error or after it
    with fetch_progress(stderr, warn) as (on_progress, print_above):
        def problem(where: str, text: str) -> None:
            (held.append if where == url else print_above)(f"{where}: {text}")

        with WebInputs(_cache_dir(args), problem, on_progress, index=index) as web:
            report = web.reader.read([url])[0]
            feeds = report.feeds or (advertised_feeds(url) if report.kind == "page" and report.unchanged else [])
            if report.kind == "page" and feeds:
                # A site's page that advertises its feed (<link rel="alternate" type="application/rss+xml">).
                url = feeds[0]
                print_above(f"{args.url} is a page, not a feed: found the feed {url} on that page")
                if any(s.url == url for s in subs):
                    raise NewsdigestError(f"already subscribed to {url}, the feed of {args.url}")
                report = web.reader.read([url])[0]
    if report.kind == "page":
        raise NewsdigestError(f"{url} is an article page, not a feed, and names no feed: "
                              "summarize it with newsdigest summarize URL")
    if report.kind is None and not report.transient:  # a 404, not a feed: a wrong URL, not a server down
        raise NewsdigestError(f"not subscribed to {url}: {report.failed or 'nothing could be read'}")
    for message in held:
        warn(message)
    title = report.title if report.kind == "feed" else None
    sub = listed.edit(lambda subs: add_subscription(subs, url, args.name, title))
    if index is not None and report.articles:
        _index_fetched(report.articles, index)
    if report.kind == "feed":
        status = f"{len(report.articles)} article{'' if len(report.articles) == 1 else 's'} fetched"
    else:
        status = "not reachable now; newsdigest refresh will try again"
    _write(stdout, f"subscribed to {sub.name}: {sub.url} ({status})\n")
    return EXIT_OK


def _list(args, listed, index, stdout) -> int:
    import json

    subs = listed.load()
    rows = []
    with _store(args, index) as store:
        for sub in subs:
            known = store.validators(sub.url) if store else None
            rows.append({
                "name": sub.name, "url": sub.url, "articles": store.feed_article_count(sub.url) if store else 0,
                "checked": datetime.fromtimestamp(known.checked_at).astimezone().isoformat(timespec="seconds") if known else None,
            })
    if args.format == "json":
        _write(stdout, json.dumps(rows, indent=2, ensure_ascii=True) + "\n")
        return EXIT_OK
    if not rows:
        _write(stdout, _none_subscribed(index) + "\n")
        return EXIT_OK
    from .safety import printable

    width = max(len(r["name"]) for r in rows)
    lines = []
    for r in rows:
        checked = f"checked {r['checked'][:16].replace('T', ' ')}" if r["checked"] else "never fetched"
        lines.append(f"{r['name']:<{width}}  {printable(r['url'])}  ({r['articles']} stored, {checked})\n")
    _write(stdout, "".join(lines))
    return EXIT_OK


def _import(args, listed, stdout, stderr) -> int:
    from summarizer import SubscriptionError, add_subscription, read_opml

    found = read_opml(args.file)
    problems: list[str] = []

    def subscribe(subs) -> tuple[int, int]:
        added = skipped = 0
        problems.clear()
        for url, title in found:
            if any(s.url == url for s in subs):
                skipped += 1
                continue
            try:
                add_subscription(subs, url, None, title)
                added += 1
            except SubscriptionError as error:
                problems.append(str(error))
        return added, skipped

    added, skipped = listed.edit(subscribe)
    lines = [f"{PROG}: warning: {args.file}: {p}\n" for p in problems]
    summary = f"imported {added} feed{'' if added == 1 else 's'}"
    if skipped:
        summary += f" ({skipped} already subscribed)"
    _write(stdout, summary + "\n")
    if lines:
        stderr.write("".join(lines))
    return EXIT_OK


def _refresh(args, listed, index, stdout, stderr, warn) -> int:
    from summarizer import WebInputs, select_subscriptions

    subs = select_subscriptions(listed.load(), list(args.names))
    if not subs:
        raise NewsdigestError(_none_subscribed(index))
    by_url = {s.url: s for s in subs}
    with fetch_progress(stderr, warn) as (on_progress, print_above):
        with WebInputs(_cache_dir(args), lambda url, problem: print_above(f"{url}: {problem}"), on_progress,
                       index=index) as web:
            reports = web.reader.read(list(by_url))
            requests = web.reader.requests
    if index is not None:  # parsed once here, for every reader's --feeds
        _index_fetched([a for report in reports for a in report.articles], index)
    lines, failed = [], []
    for report in reports:
        name = by_url[report.url].name
        n = len(report.articles)
        count = f"{n} article{'' if n == 1 else 's'}"
        if report.failed:
            lines.append(f"{name}: failed ({report.failed})")
            failed.append(name)
        elif report.offline:
            lines.append(f"{name}: not reachable, {count} stored")
            failed.append(name)
        elif report.kind == "page":
            lines.append(f"{name}: a page, not a feed ({count})")
        elif report.unchanged:
            extra = f", {report.new} fetched again" if report.new else ""
            lines.append(f"{name}: unchanged, {count}{extra}")
        else:
            lines.append(f"{name}: {count}, {report.new} new")
    lines.append(f"{len(reports)} feed{'' if len(reports) == 1 else 's'}, {requests} request{'' if requests == 1 else 's'}")
    _write(stdout, "".join(line + "\n" for line in lines))
    if failed:  # the rest was fetched and stored; a cron job or a script must still hear of it
        from .safety import printable

        stderr.write(f"{PROG}: error: {len(failed)} of {len(reports)} feeds could not be fetched: "
                     f"{printable(', '.join(failed))}\n")
        return EXIT_FAILURE
    return EXIT_OK


def _index_fetched(articles, index: str) -> None:
    """Read the fetched articles into the shared index, so that readers' runs find them parsed
    (their warnings are the readers' runs' to report)."""
    from summarizer import index_paths

    files = list(dict.fromkeys(str(article.file) for article in articles))
    if files:
        index_paths(files, index)


@contextmanager
def _store(args, index: str | None = None):
    from summarizer import open_fetch_store

    store = open_fetch_store(_cache_dir(args), index)
    if store is None:
        yield None
        return
    try:
        yield store
    finally:
        store.close()


def _cache_dir(args) -> Path:
    from summarizer import default_cache_dir

    return getattr(args, "cache_dir", None) or default_cache_dir()


def _write(stdout: TextIO | None, text: str) -> None:
    if stdout is None:
        raise NewsdigestError("standard output is closed")
    stdout.write(text)
