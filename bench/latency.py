"""Latency of a run as a user runs it (issue 17): whole processes, warm index, medians.

    python -m bench.latency [--sizes 10000] [--real 10000] [--runs 5] [--app-runs 5] [--work /tmp/newsdigest-latency]
                            [--tree DIR] [--out FILE]

Cases, each a fresh ``python -m tui summarize …`` process (the first run builds the index: the
cold figure, then ``--runs`` warm runs: median, min, max, peak RSS):

- the seed articles (``newsdigest summarize``: every topic);
- for each ``--sizes`` N, a generated corpus (bench/make_corpus.py, ``--seed 0``): one topic
  (``-t aid``), then the three built-in topics (the default), on the same index;
- with ``--real N``, the same two cases on N articles of whole real newswire documents
  (bench/make_real_corpus.py, needs ``../shared``), the kind of corpus issue 17 is judged on, and
  the same articles as one JSON Lines export (one file of N articles), cold and one topic;
- with ``--real N``, coming back to a folder: the run after one file was added, and the first run
  over a subfolder of an indexed folder (:func:`growth_cases`);
- the app, launch to the first summary painted, headless (bench/app_latency.py's child), on the
  seeds and on 1,000 articles with a warm index.

Every time is also given as a ratio to ``python -c pass``, and the load average is recorded
before and after. The index's size on disk is reported beside the corpus's text. Results go to
stdout as Markdown, and to --out when given.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import sys
import time
from pathlib import Path

from bench.startup import _env, _timed, baseline, corpus

REPO = Path(__file__).resolve().parents[1]


def load() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def summarize_case(name: str, args: list[str], tree: Path, cache_home: Path, runs: int, fresh: Path | None) -> dict:
    """``fresh``: an index folder removed first, so that the first run builds it."""
    command = [sys.executable, "-m", "tui", "summarize", *args]
    env = _env(tree, cache_home)
    if fresh is not None:
        shutil.rmtree(fresh, ignore_errors=True)
    first, first_rss = _timed(command, tree, env)
    walls, rss = [], []
    for _ in range(runs):
        wall, peak = _timed(command, tree, env)
        walls.append(wall)
        rss.append(peak)
    row = {"case": name, "first_s": first, "cold": fresh is not None, "median_s": statistics.median(walls),
           "min_s": min(walls), "max_s": max(walls), "rss_mib": max(rss), "first_rss_mib": first_rss}
    print(row, file=sys.stderr)
    return row


def growth_cases(work: Path, source: Path, n: int, tree: Path, cache_home: Path, runs: int) -> list[dict]:
    """Coming back to a folder (issue 17: statistics kept up to date): a copy of ``source`` in five
    subfolders, indexed once; then ``runs`` times one more file (an article of the folder with a
    line added, so new content) and the next run timed; then the first run over each subfolder, whose
    set is cut from the folder's; then, every article marked read and one more added, ``--new``."""
    folder, cache = work / f"growth-{n}", work / f"cache-growth-{n}"
    shutil.rmtree(folder, ignore_errors=True)
    shutil.rmtree(cache, ignore_errors=True)
    files = sorted(source.glob("*.txt"))
    parts = [folder / f"part{k}" for k in range(5)]
    for k, part in enumerate(parts):
        part.mkdir(parents=True)
        for path in files[k * len(files) // 5 : (k + 1) * len(files) // 5]:
            shutil.copy(path, part / path.name)
    env = _env(tree, cache_home)
    command = [sys.executable, "-m", "tui", "summarize", "--cache-dir", str(cache), "-t", "aid"]
    _timed([*command, str(folder)], tree, env)  # builds the index
    _timed([*command, str(folder)], tree, env)
    added = []
    for k in range(runs):
        text = files[k].read_text(encoding="utf-8")
        (parts[k % 5] / f"added-{k}.txt").write_text(text + f"\nThe report was updated {k + 1} times.\n", encoding="utf-8")
        added.append(_timed([*command, str(folder)], tree, env))
    subfolders = [_timed([*command, str(part)], tree, env) for part in parts]
    # Coming back for what is new: every article read, then one more (the first run reads it).
    _timed([sys.executable, "-m", "tui", "mark-read", "--cache-dir", str(cache), str(folder)], tree, env)
    text = files[runs].read_text(encoding="utf-8")
    (parts[0] / "new-since-read.txt").write_text(text + "\nA line no one has read yet.\n", encoding="utf-8")
    _timed([*command, "--new", str(folder)], tree, env)
    new = [_timed([*command, "--new", str(folder)], tree, env) for _ in range(runs)]
    rows = []
    for name, timed in ((f"`summarize` {n:,} real articles, the run after one file was added, one topic", added),
                        (f"`summarize` a subfolder ({n // 5:,} of the {n:,}), its first run, one topic", subfolders),
                        (f"`summarize --new` {n:,} real articles read and one new, one topic", new)):
        walls = [wall for wall, _ in timed]
        rows.append({"case": name, "first_s": float("nan"), "cold": False, "median_s": statistics.median(walls),
                     "min_s": min(walls), "max_s": max(walls), "rss_mib": max(rss for _, rss in timed), "first_rss_mib": 0})
        print(rows[-1], file=sys.stderr)
    return rows


def app_case(name: str, args: tuple[str, ...], runs: int, tree: Path) -> dict:
    from bench import app_latency

    app_latency.ROOT = tree
    launches = app_latency.measure_launch(runs, args)
    summary = [r["first_summary"] for r in launches]
    row = {"case": name, "median_s": statistics.median(summary), "min_s": min(summary), "max_s": max(summary)}
    print(row, file=sys.stderr)
    return row


def real_corpus(work: Path, n: int) -> Path:
    from bench.make_real_corpus import main as make_real_corpus

    directory = work / f"real-{n}"
    if not directory.is_dir() or len(list(directory.glob("*.txt"))) != n:
        if make_real_corpus([str(directory), str(n)]) != 0:
            raise SystemExit(1)
    return directory


def jsonl_export(directory: Path) -> Path:
    """The articles of a real corpus as one JSON Lines export (``id``, ``title``, ``date``, ``text``):
    the same articles as one stored file of many, as a newsroom's export would arrive."""
    out = directory.with_suffix(".jsonl")
    files = sorted(directory.glob("*.txt"))
    if out.is_file() and sum(1 for _ in out.open(encoding="utf-8")) == len(files):
        return out
    with out.open("w", encoding="utf-8") as export:
        for path in files:
            title, _, body = path.read_text(encoding="utf-8").partition("\n")
            body = body.strip()
            date = None
            if body.startswith("date "):
                line, _, body = body.partition("\n")
                date, body = line[5:].strip(), body.strip()
            export.write(json.dumps({"id": path.stem, "title": title.strip(), "date": date, "text": body}) + "\n")
    return out


def size_of(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file())


def markdown(rows: list[dict], apps: list[dict], sizes: list[tuple[int, int, int]], python: float, before: str, after: str) -> str:
    lines = [
        f"Run {time.strftime('%Y-%m-%d %H:%M')}, {os.cpu_count()} cores, Python {sys.version.split()[0]}; "
        f"load average before {before}, after {after}; `python -c pass`: {python:.3f} s (median).",
        "",
        "| case | first run | its peak RSS | warm median | min | max | x `python -c pass` | peak RSS |",
        "|---|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        first = "" if r["first_s"] != r["first_s"] else f"{r['first_s']:.2f} s" + (" (builds the index)" if r["cold"] else "")
        first_rss = f"{r['first_rss_mib']:.0f} MiB" if first and r["first_rss_mib"] else ""
        lines.append(
            f"| {r['case']} | {first} | {first_rss} | **{r['median_s']:.3f} s** | {r['min_s']:.3f} s | {r['max_s']:.3f} s | "
            f"{r['median_s'] / python:.1f}x | {r['rss_mib']:.0f} MiB |"
        )
    for r in apps:
        lines.append(
            f"| {r['case']} | | | **{r['median_s']:.3f} s** | {r['min_s']:.3f} s | {r['max_s']:.3f} s | "
            f"{r['median_s'] / python:.1f}x | |"
        )
    if sizes:
        lines += ["", "| articles | text on disk | index on disk | ratio |", "|---:|---:|---:|---:|"]
        for n, text, index in sizes:
            lines.append(f"| {n:,} | {text / 2**20:.1f} MiB | {index / 2**20:.1f} MiB | {index / text:.2f} |")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[10000])
    parser.add_argument("--real", type=int, nargs="*", default=[],
                        help="also N articles of whole real newswire (bench/make_real_corpus.py): cold, one topic, three")
    parser.add_argument("--runs", type=int, default=5, help="warm runs per case (default 5)")
    parser.add_argument("--app-runs", type=int, default=5, help="app launches per case (default 5; 0: none)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsdigest-latency"))
    parser.add_argument("--tree", type=Path, default=REPO, help="the checkout to measure (default: this one)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    tree = args.tree.resolve()
    args.work.mkdir(parents=True, exist_ok=True)
    before = load()
    python = baseline(max(args.runs, 5))
    home = args.work / "xdg"
    rows = [summarize_case("`summarize` on the seeds", [], tree, home, args.runs, home / "newsdigest")]
    sizes = []
    for n in args.sizes:
        directory = corpus(args.work, n)
        cache = args.work / f"cache-{n}"
        common = [str(directory), "--cache-dir", str(cache)]
        rows.append(summarize_case(f"`summarize` {n:,} articles, one topic", [*common, "-t", "aid"], tree, home, args.runs, cache))
        rows.append(summarize_case(f"`summarize` {n:,} articles, three topics", common, tree, home, args.runs, None))
        sizes.append((n, size_of(directory), size_of(cache)))
    for n in args.real:
        directory = real_corpus(args.work, n)
        cache = args.work / f"cache-real-{n}"
        common = [str(directory), "--cache-dir", str(cache)]
        rows.append(summarize_case(f"`summarize` {n:,} real newswire articles, one topic", [*common, "-t", "aid"], tree, home,
                                   args.runs, cache))
        rows.append(summarize_case(f"`summarize` {n:,} real newswire articles, three topics", common, tree, home, args.runs, None))
        sizes.append((n, size_of(directory), size_of(cache)))
        export = jsonl_export(directory)
        cache = args.work / f"cache-real-{n}-jsonl"
        rows.append(summarize_case(f"`summarize` {n:,} real newswire articles in one JSON Lines export, one topic",
                                   [str(export), "--cache-dir", str(cache), "-t", "aid"], tree, home, args.runs, cache))
        rows.extend(growth_cases(args.work, directory, n, tree, home, args.runs))
    apps = []
    if args.app_runs:
        apps.append(app_case("app: launch to first summary, seeds", (), args.app_runs, tree))
        thousand = corpus(args.work, 1000)
        cache = args.work / "cache-app-1000"
        app_case("(index built for the app)", (str(thousand), "--cache-dir", str(cache)), 1, tree)
        apps.append(app_case("app: launch to first summary, 1,000 articles", (str(thousand), "--cache-dir", str(cache)),
                             args.app_runs, tree))
    report = markdown(rows, apps, sizes, python, before, load())
    print(report)
    if args.out:
        args.out.write_text(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
