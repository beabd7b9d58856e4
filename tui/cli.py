"""The ``newsdigest`` command line: argument parsing, running, messages and exit codes."""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, TextIO

# Only light modules at start-up: the engine (numpy, scipy, sumy, NLTK: about a second) is
# imported by the commands that run it, so the app can paint first.
from summarizer import (DEFAULT_METHOD, METHODS, ORDERS, EmptyQueryError, Length, NewsdigestError, Request,
                        UnknownMethodError, UnknownTopicError)

if TYPE_CHECKING:
    from summarizer import Digest

from .exits import EXIT_FAILURE, EXIT_OK, EXIT_USAGE, PROG, interrupted
from .index_option import UsageError, index_location, index_url as _index_url
from .feeds_cli import COMMANDS as FEED_COMMANDS, FeedUsageError, add_web_options, feed_urls, fetch_with_progress

SUBCOMMANDS = ("summarize", "topics", "eval", "app", "serve", "mark-read", "index", *FEED_COMMANDS)
PROGRESS_MIN_FILES = 50  # fewer files load too fast for a bar to help
FORMATS = ("text", "markdown", "json")

EPILOG = """\
examples:
  newsdigest                                   the app on the seed articles (summary when piped)
  newsdigest summarize                         every topic over the seed articles
  newsdigest summarize news/ -t aid -t security --sentences 3
  newsdigest summarize export.jsonl --query "Who is mediating?" --words 250
  newsdigest summarize news/ --format json | jq '.topics[0].sentences[0]'
  cat story.txt | newsdigest summarize - --format markdown -o digest.md
  newsdigest summarize https://herald.norvale.example/rss --since 24h   a feed's articles of the last day
  newsdigest summarize news/ --new --mark-read   only what is new since the last --mark-read
  newsdigest mark-read news/old-story.txt      mark articles read (--all: everything indexed)
  newsdigest index archive/ --index postgresql://me@db.example/news   fill a shared index
  newsdigest topics --topics mytopics.toml
  newsdigest serve news/ --port 8000            the app in a browser (needs newsdigest[serve])
  newsdigest eval topics.jsonl --method topical --method lexrank --words 100

exit codes: 0 ok, 1 failure, 2 usage error, 130 interrupted (Ctrl-C), 143 terminated (SIGTERM)
"""


class OutputError(NewsdigestError):
    """The output cannot be written: a closed stdout, a full disk, a bad -o path (exit 1)."""


class _Parser(argparse.ArgumentParser):
    """argparse, with its errors in the style of every other message: one line on stderr, exit 2
    (argparse prints eight lines of usage first)."""

    def error(self, message: str):  # type: ignore[override]
        from .safety import printable

        self.exit(EXIT_USAGE, f"{PROG}: error: {printable(message)} (see {self.prog} --help)\n")


def _output(value: str) -> Path | None:
    """An output file; ``-`` is standard output (None), as ``-`` among the paths is standard input."""
    return None if value == "-" else Path(value)


class _Once(argparse.Action):
    """An option given at most once: a second value is a usage error, never silently the winner."""

    def __call__(self, parser, namespace, values, option_string=None):  # noqa: ANN001 - argparse's signature
        if getattr(namespace, self.dest, None) is not None:
            parser.error(f"argument {'/'.join(self.option_strings)}: given twice: one query per run")
        if not values.strip():  # -q "$QUESTION" with nothing in it: never silently every topic
            parser.error(f"argument {'/'.join(self.option_strings)}: empty: give a question or a few words")
        setattr(namespace, self.dest, values)


def _selection_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    parent.add_argument("paths", nargs="*", metavar="PATH",
                        help="article files or folders (recursive), URLs of feeds or pages, or - for stdin; "
                        "default: the seed articles")
    group = parent.add_argument_group("topics")
    group.add_argument("-t", "--topic", action="append", default=[], metavar="NAME",
                       help="a topic to summarize (repeatable); default: every topic")
    group.add_argument("-q", "--query", metavar="TEXT", action=_Once,
                       help="a free-text topic: a question or description (once)")
    group.add_argument("--topics", dest="topics_file", type=Path, metavar="FILE",
                       help="a TOML file of extra topics (see README); ~/.config/newsdigest/topics.toml is read when present")
    group = parent.add_argument_group("summary")
    group.add_argument("-m", "--method", default=DEFAULT_METHOD, metavar="NAME",
                       help=f"ranking method: {', '.join(METHODS)} (default {DEFAULT_METHOD})")
    size = group.add_mutually_exclusive_group()
    size.add_argument("-n", "--sentences", type=_positive, metavar="N", help="sentences per topic (default 5)")
    size.add_argument("-w", "--words", type=_positive, metavar="N", help="a word budget per topic instead")
    group.add_argument("--order", choices=ORDERS, default="relevance", help="order of each topic's sentences")
    group = parent.add_argument_group("index")
    cache = group.add_mutually_exclusive_group()
    cache.add_argument("--cache-dir", type=Path, metavar="DIR",
                       help="where parsed articles are kept between runs (default $XDG_CACHE_HOME/newsdigest)")
    cache.add_argument("--no-cache", action="store_true", help="read every file again and keep nothing")
    _add_index_option(group)
    _add_reader_option(group)
    add_web_options(parent)
    return parent


def _add_index_option(group) -> None:  # noqa: ANN001 - an argparse group
    group.add_argument("--index", type=_index_url, metavar="URL",
                       help="keep the index of parsed articles on a PostgreSQL server, shared with other "
                       "processes and machines, with the team's feeds (--feeds): postgresql://user@host/db "
                       "(default $NEWSDIGEST_INDEX; needs pip install 'newsdigest[postgres]')")


def _add_reader_option(group) -> None:  # noqa: ANN001 - an argparse group
    group.add_argument("--reader", metavar="NAME",
                       help="with --index: whose read state --new, --mark-read and mark-read use "
                       "(default: the login name); each reader has their own")


def _reader(args: argparse.Namespace, index: str | None) -> str | None:
    reader = getattr(args, "reader", None)
    if reader is not None and index is None:
        raise UsageError("--reader needs a shared index (--index URL): the read state in the cache dir is yours alone")
    if reader is not None and not reader.strip():
        raise UsageError("--reader: give a name")
    return reader


def _update_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("what is new (update summaries)")
    group.add_argument("--new", action="store_true",
                       help="summarize only the articles not marked read, leaving out what was already read; "
                       "says so (exit 0) when nothing is new")
    group.add_argument("--mark-read", action="store_true",
                       help="once printed, mark the summarized articles read (the read state lives in the cache dir)")
    return parent


def _output_options() -> argparse.ArgumentParser:
    parent = argparse.ArgumentParser(add_help=False)
    group = parent.add_argument_group("output")
    group.add_argument("-f", "--format", choices=FORMATS, default="text", help="output format (default text)")
    group.add_argument("--explain", action="store_true",
                       help="show why each sentence was chosen (terms, relevance, centrality, redundancy)")
    group.add_argument("--with-text", action="store_true",
                       help="JSON: each article's text as read, which the sentences' offsets index (a web "
                       "page's or a feed item's text is not its HTML, a Markdown file's has no marks)")
    group.add_argument("-o", "--output", type=_output, metavar="FILE",
                       help="write to FILE (atomically) instead of stdout (- is stdout)")
    group.add_argument("--color", choices=("auto", "always", "never"), default="auto",
                       help="colour on a terminal (auto), always or never; NO_COLOR is respected")
    return parent


def build_parser() -> argparse.ArgumentParser:
    formatter = argparse.RawDescriptionHelpFormatter
    parser = _Parser(
        prog=PROG,
        description="Read many articles about one story through a few topics: merged extractive "
        "summaries in which every sentence cites its source.",
        epilog=EPILOG,
        formatter_class=formatter,
    )
    parser.add_argument("--version", action=_VersionAction, version="%(prog)s")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    selection, output = _selection_options(), _output_options()
    commands.add_parser(
        "summarize", parents=[selection, _update_options(), output], formatter_class=formatter, epilog=EPILOG,
        help="print merged summaries (text, Markdown or JSON)",
        description="Summarize articles by topic; every sentence cites its source.",
    )
    commands.add_parser(
        "app", parents=[selection], formatter_class=formatter,
        help="open the terminal app (the default on a terminal)",
        description="Open the Textual app over the articles.",
    )
    topics = commands.add_parser(
        "topics", formatter_class=formatter, help="list the topics in use and their keywords",
        description="List the topics in use (built-in, from topics files, from --query) and their keywords.",
        epilog="examples:\n  newsdigest topics\n  newsdigest topics --topics mytopics.toml --format json\n"
        "  newsdigest topics --index postgresql://me@db.example/news            how many articles of the\n"
        "                                                                      shared index hold each topic\n"
        "  newsdigest topics archive/2026/ --index postgresql://me@db.example/news   the same, for those files\n"
        "  newsdigest topics --add floods --keywords \"flood, river level, evacuate\"   a topic of your own\n"
        "  newsdigest topics --remove floods\n",
    )
    topics.add_argument("paths", nargs="*", metavar="PATH",
                        help="with a shared index: count the articles of these files or folders, as indexed "
                        "(default: the whole index)")
    topics.add_argument("-q", "--query", metavar="TEXT", action=_Once, help="also show the topic made from this query")
    topics.add_argument("--topics", dest="topics_file", type=Path, metavar="FILE", help="a TOML file of extra topics")
    topics.add_argument("-f", "--format", choices=("text", "json"), default="text", help="how to list them")
    own = topics.add_argument_group("your topics (in --topics FILE, else the topics file of your config)")
    own.add_argument("--add", metavar="NAME", action=_Once, help="add a topic (with --keywords)")
    own.add_argument("--keywords", metavar="WORDS", action=_Once,
                     help="the new topic's words and phrases, separated by commas: \"flood, river level, evacuate\"")
    own.add_argument("--label", metavar="TEXT", action=_Once, help="the new topic's name as shown (default: NAME)")
    own.add_argument("--remove", metavar="NAME", action=_Once, help="remove a topic you added")
    topics_index = topics.add_argument_group("index")
    topics_index.add_argument("--index", type=_index_url, metavar="URL",
                              help="a shared index on a PostgreSQL server (default $NEWSDIGEST_INDEX): also say how "
                              "many of its articles hold each topic's keywords, counted by the server")
    evaluate = commands.add_parser(
        "eval", formatter_class=formatter, help="score summaries against human references (ROUGE)",
        description="Summarize every topic of a dataset and score it with ROUGE-1, ROUGE-2 and ROUGE-SU4 "
        "recall against its human references, or score summaries made elsewhere (--peers).",
        epilog="examples:\n"
        "  newsdigest eval topics.jsonl                       every method at 100 words\n"
        "  newsdigest eval topics.jsonl -m topical -m lead --format markdown\n"
        "  newsdigest eval topics.jsonl --peers peers.jsonl --format tsv\n"
        "  newsdigest eval update.jsonl -m topical --save summaries.jsonl   update topics (with \"read\")\n"
        "  newsdigest eval update.jsonl -m topical --ignore-read             the same, ignoring \"read\"\n"
        "\ndataset lines with \"read\" (documents already read, shaped like \"documents\") are update\n"
        "topics: \"documents\" is summarized for a reader who has read \"read\".\n",
    )
    mark = commands.add_parser(
        "mark-read", formatter_class=formatter, help="mark articles read (or forget what was read)",
        description="Record articles as read, so that `summarize --new` leaves them, and what they say, out. "
        "Articles are known by their text: moved or re-indexed files stay read.",
        epilog="examples:\n"
        "  newsdigest mark-read news/monday/          every article in a folder\n"
        "  newsdigest mark-read --all                 every article in the index (all files read so far)\n"
        "  newsdigest mark-read --reset               forget everything read\n"
        "\nexit codes: 0 ok, 1 failure, 2 usage error\n",
    )
    mark.add_argument("paths", nargs="*", metavar="PATH", help="article files or folders (recursive), or - for stdin")
    which = mark.add_mutually_exclusive_group()
    which.add_argument("--all", action="store_true", help="every article the index holds")
    which.add_argument("--reset", action="store_true", help="forget every article read and every topic viewed")
    mark_cache = mark.add_argument_group("index")
    mark_cache.add_argument("--cache-dir", type=Path, metavar="DIR",
                            help="where the index and the read state live (default $XDG_CACHE_HOME/newsdigest)")
    _add_index_option(mark_cache)
    _add_reader_option(mark_cache)
    index = commands.add_parser(
        "index", formatter_class=formatter, help="read articles into the index without summarizing",
        description="Read, parse and store articles in the index, without summarizing: to fill a shared "
        "index (--index URL) from an archive, with several processes or machines at once. Files already "
        "stored are skipped; a killed run is resumed by running it again.",
        epilog="examples:\n"
        "  newsdigest index archive/                                  into the SQLite index in the cache dir\n"
        "  newsdigest index archive/ --index postgresql://me@db.example/news --workers 4\n"
        "\nexit codes: 0 ok, 1 failure, 2 usage error\n",
    )
    index.add_argument("paths", nargs="+", metavar="PATH", help="article files or folders (recursive)")
    index.add_argument("--workers", type=_positive, metavar="N",
                       help="processes that parse files (default: the machine's cores)")
    index_group = index.add_argument_group("index")
    index_group.add_argument("--cache-dir", type=Path, metavar="DIR",
                             help="where the SQLite index lives without --index (default $XDG_CACHE_HOME/newsdigest)")
    _add_index_option(index_group)
    evaluate.add_argument("dataset", type=Path, metavar="DATASET.jsonl")
    evaluate.add_argument("--peers", type=Path, metavar="FILE", help="score these summaries (topic, peer, summary)")
    evaluate.add_argument("-w", "--words", type=_positive, default=100, metavar="N", help="summary length (default 100)")
    evaluate.add_argument("-m", "--method", action="append", default=[], metavar="NAME",
                          help="a method to evaluate (repeatable; default: all)")
    evaluate.add_argument("-f", "--format", choices=("table", "tsv", "json", "markdown"), default="table")
    evaluate.add_argument("--per-eval", action="store_true",
                          help="tsv/json: one row per topic and left-out reference (ROUGE's -d lines)")
    evaluate.add_argument("-o", "--output", type=_output, metavar="FILE", help="write to FILE (atomically; - is stdout)")
    evaluate.add_argument("--save", type=Path, metavar="FILE",
                          help="also write the summaries scored, as JSONL {topic, method, summary} (atomically)")
    evaluate.add_argument("--ignore-read", action="store_true",
                          help="summarize update topics as if nothing had been read (for comparison)")
    _add_serve(commands, selection)
    from .feeds_cli import register_commands

    register_commands(commands)
    return parser


def get_args(argv: Sequence[str]) -> argparse.Namespace:
    """Parse ``argv``; with no subcommand, ``newsdigest [PATHS...]`` means the app or summarize."""
    argv = list(argv)
    first = next((a for a in argv if a not in ("--",)), None)
    if first is None or (first not in SUBCOMMANDS and first not in ("-h", "--help", "--version")):
        default = "app" if _is_terminal(sys.stdout) and app_has_a_terminal() else "summarize"
        argv = [default, *argv]
    parser = build_parser()
    args, unknown = parser.parse_known_args(argv)
    if unknown:  # said by the command's own parser, so the message points to the help listing its options
        _command_parser(parser, argv).error(f"unrecognized arguments: {' '.join(unknown)}")
    return args


def _command_parser(parser: argparse.ArgumentParser, argv: Sequence[str]) -> argparse.ArgumentParser:
    """The parser of the (sub)command ``argv`` names: ``feeds add`` in ``feeds add URL --bogus``."""
    commands = next((a for a in parser._actions if isinstance(a, argparse._SubParsersAction)), None)
    if commands is not None:
        for position, arg in enumerate(argv):
            if arg in commands.choices:
                return _command_parser(commands.choices[arg], argv[position + 1:])
    return parser


def _is_terminal(stream: TextIO | None) -> bool:
    try:
        return stream is not None and stream.isatty()
    except ValueError:  # closed
        return False


def app_has_a_terminal() -> bool:
    """Whether the app can run here: Textual's terminal driver draws on standard error and reads
    keys from standard input; served to a browser (``TEXTUAL_DRIVER``, textual-serve's web
    driver) it needs neither."""
    return bool(os.environ.get("TEXTUAL_DRIVER")) or (_is_terminal(sys.stdin) and _is_terminal(sys.stderr))


def stdin_is_input() -> bool:
    """Whether standard input carries input, as ripgrep decides it: a pipe, a socket or a regular
    file redirected in is input; a terminal, a device such as /dev/null, or no stdin at all is not
    (so cron jobs and ``< /dev/null`` still get the seeds or the feeds)."""
    import stat

    try:
        mode = os.fstat(sys.stdin.fileno()).st_mode
    except (AttributeError, OSError, ValueError):
        return False
    return stat.S_ISFIFO(mode) or stat.S_ISREG(mode) or stat.S_ISSOCK(mode)


def request_from(args: argparse.Namespace) -> Request:
    length = Length(words=args.words) if args.words else Length(sentences=args.sentences or 5)
    if args.method not in METHODS:
        raise UnknownMethodError(args.method, list(METHODS))
    new = getattr(args, "new", False)
    if getattr(args, "with_text", False) and getattr(args, "format", "json") != "json":
        raise UsageError("--with-text adds each article's text to the JSON output: add --format json")
    if args.no_cache and (new or getattr(args, "mark_read", False)):
        raise UsageError("--new and --mark-read keep the read state in the cache directory: drop --no-cache")
    index = index_location(args)
    paths = tuple(args.paths)
    if not paths and getattr(args, "feeds", None) is None and args.command == "summarize" and stdin_is_input():
        paths = ("-",)  # `cat story.txt | newsdigest summarize`: the input is where the user put it
    return Request(
        paths=paths,
        topics=tuple(args.topic),
        query=args.query,
        topics_file=args.topics_file,
        method=args.method,
        length=length,
        order=args.order,
        cache_dir=None if args.no_cache else (args.cache_dir or _default_cache_dir()),
        index=index,
        reader=_reader(args, index),
        new=new,
        feeds=feed_urls(args, index),
        since=args.since,
    )


def _summarize(args: argparse.Namespace, stdout: TextIO | None, stderr: TextIO) -> int:
    request = request_from(args)
    _require_some_path(request)
    if not args.output:
        _require(stdout)
    from summarizer import NothingNew, Run

    try:
        with _progress_bar(stderr) as (on_progress, print_above):
            def reading(stage: str, done: int, total: int | None) -> None:
                if stage == "reading" and on_progress is not None:
                    on_progress(done, total)

            run = Run(request, on_warning=lambda e: print_above(str(e)), on_progress=reading)
            fetch_with_progress(run, stderr, print_above)  # URLs and --feeds, as files
            digest, baseline = run().digest, run.baseline
    except NothingNew as nothing:
        # Not a failure: nothing on stdout (an empty digest would read as a summary), one line on stderr.
        stderr.write(f"{PROG}: {_safe(nothing)}\n")
        return EXIT_OK
    heading = baseline.describe() if baseline is not None else None
    settings = {
        "method": request.method,
        "sentences": request.length.sentences,
        "words": request.length.words,
        "order": request.order,
    }
    # The whole output is made before any of it is written: a failure cannot leave half of it.
    if args.format == "json":
        from summarizer import digest_to_dict

        update = None
        if baseline is not None:
            since = None if baseline.since is None else _iso(baseline.since)
            update = {"since": since, "new_articles": baseline.new, "read_articles": baseline.read, "description": heading}
        from .render_json import render_json

        out = render_json(digest_to_dict(digest, settings, update, tables=True, with_text=args.with_text)) + "\n"
    elif args.format == "markdown":
        from .render_markdown import render_markdown

        out = render_markdown(digest, explain=args.explain, heading=heading, settings=settings)
    elif args.output:
        out = _text(digest, args, heading=heading)
    else:
        out = _text(digest, args, like=_console(stdout, args.color), heading=heading)
    if args.output:
        _export(args.output, out)
    else:
        _emit(stdout, out)
    if args.mark_read:  # after the output is written
        from summarizer import mark_summarized

        mark_summarized(request.cache_dir, digest, index=request.index, reader=request.reader)
    return EXIT_OK


def _require_some_path(request: Request) -> None:
    """When no path given exists, that is the error, said once (not a warning per path and then
    "no readable articles" about the same paths)."""
    from summarizer import NoArticlesError

    if not request.paths or request.feeds is not None:
        return
    missing = [p for p in request.paths if p != "-" and "://" not in p and not os.path.lexists(p)]
    if len(missing) == len(request.paths):
        import difflib

        more = f" (and {len(missing) - 1} more)" if len(missing) > 1 else ""
        # "newsdigest sumarize": a mistyped command is read as a path; say which command was meant.
        command = difflib.get_close_matches(missing[0], SUBCOMMANDS, n=1, cutoff=0.75)
        if command and request.paths[0] == missing[0]:
            raise UsageError(f"{missing[0]}: no such file or directory, nor a command (did you mean "
                             f"'{PROG} {command[0]}'?)")
        raise NoArticlesError(f"{missing[0]}: no such file or directory{more}")




def _mark_read(args: argparse.Namespace, stdout: TextIO | None, stderr: TextIO) -> int:
    from summarizer import open_read_state

    if not (args.paths or args.all or args.reset):
        raise UsageError("mark-read: give PATH..., --all or --reset")
    if args.paths and (args.all or args.reset):
        raise UsageError("mark-read: give PATH... or --all or --reset, not both")
    web = [p for p in args.paths if p.startswith(("http://", "https://"))]
    if web:
        raise UsageError(f"mark-read: {web[0]} is a URL, and mark-read takes files and folders; mark a page's or "
                         "a feed's articles read with: newsdigest summarize URL --mark-read (or --feeds --mark-read)")
    _require(stdout)
    if args.paths:
        _require_some_path(Request(paths=tuple(args.paths)))  # one error, not a warning and an error
    directory = args.cache_dir or _default_cache_dir()
    index = index_location(args)
    with open_read_state(directory, index, _reader(args, index), lambda message: _warn(stderr, message)) as state:
        if args.reset:
            forgotten = state.reset()
            _emit(stdout, f"forgot {forgotten} article{'' if forgotten == 1 else 's'} read; every article is new again\n")
            return EXIT_OK
        from summarizer import ArticleCache, load_articles

        cache = ArticleCache(index or directory, cache_dir=directory)
        try:
            if args.all:
                articles = cache.indexed_articles()
            else:
                articles = list(load_articles(args.paths, on_warning=lambda e: _warn(stderr, str(e)), cache=cache))
        finally:
            cache.close()
        already = len(state.marks(articles))
        state.mark(articles, how="explicit")
    plural = "" if len(articles) == 1 else "s"
    _emit(stdout, f"marked {len(articles)} article{plural} read ({already} already were)\n")
    return EXIT_OK


def _index(args: argparse.Namespace, stdout: TextIO | None, stderr: TextIO) -> int:
    """``newsdigest index PATH…``: read and store, no summary."""
    from summarizer import index_paths

    if any(path == "-" for path in args.paths):
        raise UsageError("index: standard input is never stored; give files or folders")
    _require(stdout)
    location = index_location(args) or args.cache_dir or _default_cache_dir()
    from .progress import progress_bar

    with progress_bar(stderr, "indexing articles", lambda message: _warn(stderr, message), PROGRESS_MIN_FILES) as (
        on_progress, print_above,
    ):
        report = index_paths(args.paths, location, args.workers, lambda e: print_above(str(e)), on_progress)
    plural = "" if report.files == 1 else "s"
    articles = "article" if report.articles == 1 else "articles"
    skipped = report.files - report.parsed - report.stored  # binary, unreadable, gone: each had its warning
    _emit(stdout, f"indexed {report.files:,} file{plural} ({report.articles:,} {articles}): {report.parsed:,} read, "
                  f"{report.stored:,} already stored" + (f", {skipped:,} skipped" if skipped > 0 else "") + "\n")
    return EXIT_OK


def _iso(moment: float) -> str:
    from datetime import datetime

    return datetime.fromtimestamp(moment).astimezone().isoformat(timespec="seconds")


def _progress_bar(stderr: TextIO):
    """(on_progress, warn) for a run: a bar on stderr while files are read, when it is a terminal
    and there are enough files for reading to take a while."""
    from .progress import progress_bar

    return progress_bar(stderr, "reading articles", lambda message: _warn(stderr, message), PROGRESS_MIN_FILES)


def _text(digest: Digest, args: argparse.Namespace, like=None, heading: str | None = None) -> str:
    """The text form, rendered in memory as the console ``like`` would show it (plain without)."""
    import io

    from rich.console import Console

    from .render_text import render_text

    buffer = io.StringIO()
    if like is None or not like.is_terminal:
        console = _console(buffer, "never")
    else:
        console = Console(
            file=buffer, force_terminal=True, width=like.width, color_system=like.color_system,
            no_color=like.no_color, highlight=False, markup=False, emoji=False,
        )
    render_text(digest, console, explain=args.explain, heading=heading)
    return buffer.getvalue()


def _require(stdout: TextIO | None) -> None:
    if stdout is None:
        raise OutputError("standard output is closed (use -o FILE to write a file)")


def _emit(stdout: TextIO | None, text: str) -> None:
    """Write everything to stdout; a full disk or a dead terminal is one message, not a traceback."""
    _require(stdout)
    try:
        stdout.write(text)
        stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        _silence(stdout)  # or Python reports the unflushed rest again at exit
        raise OutputError(f"cannot write to standard output: {error.strerror or error}") from None


def _export(path: Path, text: str) -> None:
    from summarizer import write_atomically

    try:
        write_atomically(path, text)
    except OSError as error:
        raise OutputError(f"{path}: cannot write: {error.strerror or error} (nothing was changed)") from None


def _silence(stream: TextIO) -> None:
    """Point a stream's file descriptor at /dev/null so that the exit-time flush succeeds."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, stream.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass  # no descriptor to redirect (a StringIO in tests): nothing is flushed at exit


def _console(file: TextIO, color: str):
    from rich.console import Console

    force = True if color == "always" else None
    no_color = color == "never" or bool(os.environ.get("NO_COLOR"))
    return Console(
        file=file, force_terminal=force, no_color=no_color, highlight=False, markup=False, emoji=False,
        color_system=None if no_color and not force else "auto",
    )


def _topics(args: argparse.Namespace, stdout: TextIO | None, stderr: TextIO) -> int:
    _require(stdout)
    from summarizer import config_topics_path, topics_in_use

    if args.add or args.remove or args.keywords or args.label:
        return _edit_topics(args, args.topics_file or config_topics_path(), stdout)

    if any(path == "-" for path in args.paths):
        raise UsageError("topics: standard input is never indexed; give files or folders")
    url = index_location(args)
    if args.paths and url is None:
        raise UsageError("topics PATH…: counting the articles of files needs a shared index (--index URL)")
    topics, replaced = topics_in_use(args.topics_file, args.query)
    coverage = None
    if url is not None:
        from summarizer import topic_coverage

        coverage = topic_coverage(url, topics, args.paths or None, lambda error: _warn(stderr, str(error)))
    counted = {c.name: c for c in coverage.topics} if coverage else {}
    if args.format == "json":
        data = [
            {"name": t.name, "label": t.label, "keywords": list(t.keywords), "context": list(t.context),
             "description": t.description, "origin": t.origin, "replaces": list(replaced.get(t.name, ()))}
            for t in topics
        ]
        if coverage is not None:
            for entry in data:
                found = counted[entry["name"]]
                entry["in_index"] = {"articles": found.articles, "of": coverage.articles,
                                     "keyword_sentences": dict(found.keywords)}
        _emit(stdout, json.dumps(data, indent=2, ensure_ascii=True) + "\n")
        return EXIT_OK
    from .safety import printable

    lines = []
    for topic in topics:
        lines.append(f"{topic.name}  ({printable(topic.label)}, {printable(topic.origin)})")
        for origin in replaced.get(topic.name, ()):
            lines.append(f"  replaces the {'built-in topic' if origin == 'built-in' else 'topic from ' + printable(origin)}"
                         f" {topic.name!r}: the later definition wins")
        if topic.description:
            lines.append(f"  {printable(topic.description)}")
        lines.append(f"  keywords: {printable(', '.join(topic.keywords))}" if topic.keywords
                     else "  keywords: the words the articles' titles share (the question names no subject)")
        if topic.context:
            lines.append(f"  in context: {printable(', '.join(topic.context))}")
        if coverage is not None:
            found = counted[topic.name]
            most = ", ".join(f"{printable(word)} {n:,}" for word, n in found.keywords[:5])
            lines.append(f"  {'in these files' if coverage.files is not None else 'in the index'}: {found.articles:,} "
                         f"of {coverage.articles:,} article{'' if coverage.articles == 1 else 's'} "
                         f"{'holds' if found.articles == 1 else 'hold'} a keyword"
                         + (f" (sentences: {most})" if most else ""))
    if coverage is not None:
        where = (f"{coverage.files:,} file{'' if coverage.files == 1 else 's'} given, "
                 f"{coverage.files - coverage.not_indexed:,} indexed" if coverage.files is not None
                 else "the whole index, each distinct text once")
        lines.append(f"counted by the index server: {coverage.articles:,} article{'' if coverage.articles == 1 else 's'}, "
                     f"{coverage.sentences:,} sentence{'' if coverage.sentences == 1 else 's'} ({where})")
        if coverage.not_indexed:
            lines.append(f"{coverage.not_indexed:,} of the files {'is' if coverage.not_indexed == 1 else 'are'} not "
                         "indexed yet (newsdigest index PATH… --index URL)")
    if coverage is None and not any(topic.origin == str(config_topics_path()) for topic in topics):
        lines.append(f"your own topics go in {config_topics_path()}: newsdigest topics --add NAME --keywords \"…\"")
    _emit(stdout, "".join(line + "\n" for line in lines))
    return EXIT_OK


def _edit_topics(args: argparse.Namespace, path: Path, stdout: TextIO | None) -> int:
    """``topics --add NAME --keywords ...`` or ``topics --remove NAME``, in ``path``."""
    from summarizer import add_topic, remove_topic

    from .safety import printable

    if bool(args.add) == bool(args.remove):
        raise UsageError("topics: give --add NAME --keywords WORDS, or --remove NAME")
    if args.remove:
        if args.keywords or args.label:
            raise UsageError("topics --remove NAME takes no --keywords or --label")
        remove_topic(path, args.remove)
        _emit(stdout, f"removed topic {args.remove!r} from {printable(str(path))}\n")
        return EXIT_OK
    if not args.keywords:
        raise UsageError("topics --add NAME: give its words with --keywords \"word, another, a phrase\"")
    topic = add_topic(path, args.add, args.keywords.split(","), label=args.label)
    _emit(stdout, f"added topic {topic.name!r} to {printable(str(path))}: {printable(', '.join(topic.keywords))}\n")
    return EXIT_OK


def _app(args: argparse.Namespace) -> int:
    from dataclasses import replace

    from summarizer import default_feeds

    from .app.main import run_app

    request = request_from(args)
    if not app_has_a_terminal():  # else the app is drawn where no one sees it, and waits for keys
        raise UsageError("app: needs a terminal (standard input and standard error); "
                         "newsdigest summarize prints the summary")
    if not request.paths and request.feeds is None:  # the subscribed feeds, else the seeds
        request = replace(request, feeds=default_feeds(request.cache_dir, request.index))
    return run_app(request)


def _add_serve(commands, selection: argparse.ArgumentParser) -> None:  # noqa: ANN001 - argparse's private type
    serve = commands.add_parser(
        "serve", parents=[selection], formatter_class=argparse.RawDescriptionHelpFormatter,
        help="the app in a browser, for readers without a terminal (pip install 'newsdigest[serve]')",
        description="Serve the app to web browsers: every browser tab gets its own session of the app over the "
        "same articles. The page has no login: it listens on 127.0.0.1 unless --host says otherwise; for a team, "
        "put it behind a reverse proxy with authentication (see the README).",
        epilog="examples:\n"
        "  newsdigest serve news/                       http://127.0.0.1:8000/ on this machine\n"
        "  newsdigest serve news/ --port 8080 --max-sessions 20 --idle-minutes 60\n"
        "\nexit codes: 0 stopped (Ctrl-C, SIGTERM), 1 failure (port in use, serve extra missing), 2 usage error\n",
    )
    group = serve.add_argument_group("server")
    group.add_argument("--host", default="127.0.0.1",
                       help="address to listen on (default 127.0.0.1: this machine only; 0.0.0.0: every interface)")
    group.add_argument("--port", type=_port, default=8000, help="port to listen on (default 8000)")
    group.add_argument("--max-sessions", type=_positive, default=8, metavar="N",
                       help="browser tabs with the app open at once (default 8); one more is told the server is full")
    group.add_argument("--idle-minutes", type=_positive_float, default=30.0, metavar="M",
                       help="end a session after M minutes without a key (default 30)")


def _serve(args: argparse.Namespace, stderr: TextIO) -> int:
    """``newsdigest serve``: textual-serve is imported here only, so the terminal app never loads it."""
    request_from(args)  # the options' errors (a bad method, a --feeds name) now, not in every browser tab
    if "-" in args.paths:
        raise UsageError("serve: standard input cannot be served (every browser tab reads the inputs again)")
    try:
        from .serve import Limits, serve
    except ModuleNotFoundError as missing:
        if (missing.name or "").split(".")[0] in ("textual_serve", "aiohttp", "aiohttp_jinja2", "jinja2"):
            raise NewsdigestError("serve needs textual-serve: pip install 'newsdigest[serve]'") from None
        raise
    if getattr(args, "index", None):
        # Each tab's app finds the index where the user's own runs do: in the environment, not on
        # a command line that every user of the machine can read (the URL may hold a password).
        os.environ["NEWSDIGEST_INDEX"] = args.index
    limits = Limits(max_sessions=args.max_sessions, idle_seconds=args.idle_minutes * 60)
    try:
        serve(_app_args(args), host=args.host, port=args.port, limits=limits, stderr=stderr)
    except OSError as error:
        why = os.strerror(error.errno) if error.errno else str(error)
        raise NewsdigestError(f"cannot listen on {args.host} port {args.port}: {why}") from None
    stderr.write(f"{PROG}: stopped\n")
    return EXIT_OK


def _app_args(args: argparse.Namespace) -> list[str]:
    """``newsdigest app`` options for each browser tab's app: the same inputs and settings as
    ``serve`` was given, with paths made absolute."""
    argv: list[str] = []
    for topic in args.topic:
        argv.append(f"--topic={topic}")
    if args.query:
        argv.append(f"--query={args.query}")
    if args.topics_file:
        argv.append(f"--topics={args.topics_file.absolute()}")
    argv += [f"--method={args.method}", f"--order={args.order}"]
    if args.sentences:
        argv.append(f"--sentences={args.sentences}")
    if args.words:
        argv.append(f"--words={args.words}")
    if args.no_cache:
        argv.append("--no-cache")
    elif args.cache_dir:
        argv.append(f"--cache-dir={args.cache_dir.absolute()}")
    if getattr(args, "reader", None) is not None:
        argv.append(f"--reader={args.reader}")
    if args.since is not None:
        argv.append(f"--since={args.since.isoformat()}")
    if args.feeds is not None:
        argv += ["--feeds", *args.feeds]
    paths = [p if "://" in p else os.path.abspath(p) for p in args.paths]
    return [*argv, "--", *paths] if paths else argv


def _port(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a port number, got {value!r}") from None
    if not 0 < number < 65536:
        raise argparse.ArgumentTypeError(f"expected a port from 1 to 65535, got {number}")
    return number


def _positive_float(value: str) -> float:
    try:
        number = float(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a number, got {value!r}") from None
    if not number > 0 or number == float("inf"):
        raise argparse.ArgumentTypeError(f"expected a number above 0, got {value}")
    return number


def _eval(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    from .evaluate import run_eval

    return run_eval(args, stdout, stderr)


def _warn(stderr: TextIO, message: str) -> None:
    from .safety import printable

    stderr.write(f"{PROG}: warning: {printable(message)}\n")
    stderr.flush()


def _default_cache_dir() -> Path:
    from summarizer import default_cache_dir

    return default_cache_dir()


def _positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    if number < 1:
        raise argparse.ArgumentTypeError(f"expected at least 1, got {number}")
    return number


class _VersionAction(argparse._VersionAction):
    """``--version``, looked up only when asked: importlib.metadata costs every run 15 to 30 ms."""

    def __call__(self, parser, namespace, values, option_string=None):  # noqa: ANN001 - argparse's signature
        self.version = f"%(prog)s {_version()}"
        super().__call__(parser, namespace, values, option_string)


def _version() -> str:
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("newsdigest")
    except PackageNotFoundError:
        return "unknown"


def main(argv: Sequence[str] | None = None, *, process_ends: bool = False) -> int:
    """The command line; ``process_ends``: the process exits when this returns (the console
    script), so what a summary made is left for the exit to free."""
    # A closed descriptor makes the stream None: report on a closed stdout, drop what a closed
    # stderr would have shown. Text that a legacy locale cannot encode prints as "?".
    stdout, stderr = sys.stdout, sys.stderr or open(os.devnull, "w")  # noqa: SIM115 - lives until exit
    for stream in (stdout, stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    try:
        args = get_args(sys.argv[1:] if argv is None else argv)
        if args.command == "topics":
            code = _topics(args, stdout, stderr)
        elif args.command == "eval":
            code = _eval(args, stdout, stderr)
        elif args.command == "app":
            code = _app(args)
        elif args.command == "serve":
            code = _serve(args, stderr)
        elif args.command in FEED_COMMANDS:
            from .feeds_cli import run_command

            code = run_command(args, stdout, stderr, lambda message: _warn(stderr, message))
        elif args.command == "mark-read":
            code = _mark_read(args, stdout, stderr)
        elif args.command == "index":
            code = _index(args, stdout, stderr)
        else:
            from summarizer import collector_paused

            # One summary, then the process exits: 100,000 articles spent 0.5 s in full
            # collections while their Sources were numbered and printed.
            with collector_paused():
                code = _summarize(args, stdout, stderr)
                if process_ends:
                    # What is left of the run (the articles and their index refer to each other:
                    # only a collection frees them) is not collected before the exit: the first
                    # collection once the collector is on again walked every object the run
                    # made, 0.2 to 0.4 s at 100,000 articles, after the output was written.
                    import gc

                    gc.freeze()
        if stdout is not None:
            stdout.flush()
        return code
    except (UnknownTopicError, UnknownMethodError, UsageError, FeedUsageError, EmptyQueryError) as error:
        stderr.write(f"{PROG}: error: {_safe(error)}\n")
        return EXIT_USAGE
    except NewsdigestError as error:
        stderr.write(f"{PROG}: error: {_safe(error)}\n")
        return EXIT_FAILURE
    except KeyboardInterrupt as interrupt:
        return interrupted(interrupt, stderr)
    except BrokenPipeError:
        # The reader went away (``| head``): stop quietly, and keep Python from
        # complaining when it flushes stdout at exit.
        _silence(stdout)
        return EXIT_OK
    except OSError as error:
        where = f"{error.filename}: " if error.filename else ""
        stderr.write(f"{PROG}: error: {_safe(where + (error.strerror or str(error)))}\n")
        return EXIT_FAILURE
    except MemoryError:
        stderr.write(f"{PROG}: error: out of memory\n")
        return EXIT_FAILURE
    except Exception as error:  # a bug: one line, the traceback on request
        if os.environ.get("NEWSDIGEST_DEBUG"):
            raise
        stderr.write(
            f"{PROG}: error: internal error ({type(error).__name__}: {_safe(error)}); "
            "set NEWSDIGEST_DEBUG=1 for the traceback and please report it\n"
        )
        return EXIT_FAILURE


def _safe(error: Exception) -> str:
    from .safety import printable

    return printable(str(error))


