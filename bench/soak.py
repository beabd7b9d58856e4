"""Soak test: summarize a large corpus for every topic, again and again; memory must stay flat.

    python bench/soak.py --articles 10000 --minutes 5 --report bench/results/soak.md

Articles are made from the seed articles by recombining their paragraphs, with the numbers,
places and weekdays varied so that sentences are not all exact copies (bench/make_corpus.py,
when it exists, makes a richer corpus). Each round reads the folder from disk, builds the
corpus and summarizes every topic with one method in turn, at one length in turn; the resident
set size is sampled after every round. Memory is flat when the rounds after the first stay
within a few percent of each other.
"""

from __future__ import annotations

import argparse
import gc
import os
import platform
import random
import re
import sys
import tempfile
import time
from datetime import datetime, timezone
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from summarizer import BUILTIN_TOPICS, Corpus, Digester, Length, load_articles, seeds_dir  # noqa: E402

PLACES = ["Tarrow", "Brannock", "Lorvik", "Port Halvey", "Ostwater", "Saltmere", "Corvanna", "Esterhall", "Brightwell", "Lindmark"]
DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
ROUNDS = [("topical", Length(sentences=5)), ("topical", Length(words=100)), ("lead", Length(sentences=3)),
          ("luhn", Length(sentences=5))]


def seed_paragraphs() -> list[str]:
    paragraphs = []
    for path in sorted(seeds_dir().glob("*.txt")):
        # Lines, not blank-line blocks: one seed puts each paragraph on a line of its own.
        for paragraph in path.read_text(encoding="utf-8").splitlines():
            if len(paragraph.split()) >= 12:  # body text, not headlines or header lines
                paragraphs.append(paragraph.strip())
    return paragraphs


def make_articles(folder: Path, count: int, seed: int = 6) -> int:
    """Write ``count`` articles into ``folder``; returns the bytes written."""
    rng = random.Random(seed)
    paragraphs = seed_paragraphs()
    written = 0
    for i in range(count):
        place, day = rng.choice(PLACES), rng.choice(DAYS)
        body = []
        for paragraph in rng.sample(paragraphs, rng.randint(4, 8)):
            paragraph = re.sub(r"\b\d+\b", lambda m: str(int(m.group()) + rng.randint(1, 50)), paragraph)
            paragraph = re.sub(r"\b(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b", day, paragraph)
            paragraph = re.sub(r"\b(?:Kyiv|Moscow|Jerusalem)\b", lambda m: rng.choice(PLACES), paragraph)
            body.append(paragraph)
        text = f"Report {i} from {place}\n\ndate 2022-04-{rng.randint(1, 30):02d} " + "\n\n".join(body) + "\n"
        path = folder / f"{i // 1000:02d}" / f"{i:05d}.txt"
        path.parent.mkdir(exist_ok=True)
        path.write_text(text, encoding="utf-8")
        written += len(text.encode("utf-8"))
    return written


def rss_mib() -> float:
    with open("/proc/self/status", encoding="ascii") as status:
        for line in status:
            if line.startswith("VmRSS:"):
                return int(line.split()[1]) / 1024
    return float("nan")


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        with open("/proc/cpuinfo", encoding="ascii", errors="replace") as info:
            cpu = next((line.split(":", 1)[1].strip() for line in info if line.startswith("model name")), cpu)
    except OSError:
        pass
    try:
        with open("/proc/meminfo", encoding="ascii") as info:
            memory = f", {int(info.readline().split()[1]) / 2**20:.0f} GiB RAM"
    except OSError:
        memory = ""
    return f"{platform.system()} {platform.release()}, {cpu}, {os.cpu_count()} cores{memory}, Python {platform.python_version()}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--articles", type=int, default=10_000, help="articles in the corpus (default 10,000)")
    parser.add_argument("--minutes", type=float, default=5.0, help="how long to keep going (default 5)")
    parser.add_argument("--report", type=Path, help="write a Markdown report here")
    args = parser.parse_args()

    samples: list[tuple[int, float, float, str]] = []  # round, seconds since start, RSS MiB, what
    with tempfile.TemporaryDirectory(prefix="newsdigest-soak-") as tmp:
        folder = Path(tmp)
        size = make_articles(folder, args.articles)
        print(f"{args.articles} articles, {size / 2**20:.1f} MiB, in {folder}", flush=True)
        gc.collect()
        start = time.monotonic()
        samples.append((0, 0.0, rss_mib(), "before the first round"))
        deadline = start + args.minutes * 60
        number = 0
        while time.monotonic() < deadline or number < 2:
            number += 1
            method, length = ROUNDS[(number - 1) % len(ROUNDS)]
            began = time.monotonic()
            corpus = Corpus(load_articles([str(folder)]))
            digest = Digester(method, length)(corpus, BUILTIN_TOPICS)
            assert all(summary.sentences for summary in digest.summaries)
            what = (f"{method}, {length.sentences or length.words} {'sentences' if length.sentences else 'words'}: "
                    f"{len(corpus)} sentences, {time.monotonic() - began:.0f} s")
            del corpus, digest
            gc.collect()
            samples.append((number, time.monotonic() - start, rss_mib(), what))
            print(f"round {number}: {samples[-1][2]:.0f} MiB after {samples[-1][1]:.0f} s ({what})", flush=True)

    after_first = [rss for n, _, rss, _ in samples if n >= 1]
    steady = after_first[1:] or after_first
    drift = (max(steady) - min(steady)) / min(steady) * 100
    verdict = "flat" if drift < 10 else "GROWING"
    print(f"RSS after round 1: {after_first[0]:.0f} MiB; later rounds {min(steady):.0f}-{max(steady):.0f} MiB "
          f"({drift:.1f}% spread): {verdict}")
    if args.report:
        lines = [
            "# Soak test: memory over repeated runs",
            "",
            f"- Date: {datetime.now(timezone.utc):%Y-%m-%d %H:%M} UTC",
            f"- Machine: {machine()}",
            f"- Command: `python bench/soak.py --articles {args.articles} --minutes {args.minutes:g}`",
            f"- Corpus: {args.articles:,} articles recombined from the seed paragraphs "
            f"({size / 2**20:.1f} MiB of text in {(args.articles - 1) // 1000 + 1} folders)",
            "- Each round reads the whole folder, builds the corpus and summarizes every topic; "
            "methods and lengths rotate: " + ", ".join(f"{m} {ln.sentences or ln.words}"
                                                         f"{' sentences' if ln.sentences else ' words'}"
                                                         for m, ln in ROUNDS) + ".",
            "",
            "| round | time (s) | RSS (MiB) | run |",
            "|---:|---:|---:|---|",
            *[f"| {n} | {t:.0f} | {rss:.0f} | {what} |" for n, t, rss, what in samples],
            "",
            f"Result: **{verdict}**. After the first round (warm-up: caches, the stemmer's memo, NumPy's "
            f"allocator) the RSS stayed between {min(steady):.0f} and {max(steady):.0f} MiB, a spread of "
            f"{drift:.1f}%.",
            "",
        ]
        args.report.parent.mkdir(parents=True, exist_ok=True)
        args.report.write_text("\n".join(lines), encoding="utf-8")
    return 0 if verdict == "flat" else 1


if __name__ == "__main__":
    sys.exit(main())
