"""A realistic corpus of N articles for benchmarks, by recombining real paragraphs.

    python -m bench.make_corpus OUT_DIR N [--seed S]

Each article is a ``.txt`` file: a headline line, a ``date YYYY-MM-DD`` line and paragraphs.
Paragraphs come from the seed articles and, when ``../shared`` is present, from the documents
of the DUC 2007 benchmark (``topics.jsonl``). An article follows one story (a DUC topic, or the
seeds) for most of its paragraphs and borrows a few from others, as wire copy and round-ups do.
The same seed gives the same corpus. Generated data is never committed: write it under /tmp.
"""

from __future__ import annotations

import argparse
import json
import random
import re
import sys
from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
DUC = REPO.parent / "shared" / "data" / "duc2007-update-a" / "topics.jsonl"

_DATE_PREFIX = re.compile(r"^\s*date \d{4}-\d{2}-\d{2}\s+")
_PARAGRAPHS = re.compile(r"\n[ \t]*\n")


@dataclass
class Story:
    headlines: list[str]
    dates: list[str]
    paragraphs: list[str]


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in _PARAGRAPHS.split(text) if p.strip()]


def seed_story() -> Story:
    from summarizer.reading.articles import is_heading_line

    story = Story([], ["2022-04-20"], [])
    for path in sorted(SEEDS.glob("*.txt")):
        # Lines, not blank-line blocks: one seed puts each paragraph on a line of its own.
        lines = [line.strip() for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
        story.headlines.extend(line for line in lines if is_heading_line(line) and len(line.split()) >= 5)
        # The seeds' donation appeal stays in: boilerplate is part of what real pages carry.
        story.paragraphs.extend(_DATE_PREFIX.sub("", line) for line in lines if not is_heading_line(line))
    if not story.headlines:
        story.headlines.append("Seed story")
    return story


def duc_stories(path: Path = DUC) -> list[Story]:
    if not path.is_file():
        return []
    stories = []
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            continue
        topic = json.loads(line)
        story = Story([], [], [])
        for document in topic["documents"]:
            story.headlines.append(document.get("headline") or topic["title"])
            if document.get("date"):
                story.dates.append(document["date"])
            story.paragraphs.extend(_paragraphs(document["text"]))
        stories.append(story)
    return stories


def make_article(rng: random.Random, stories: list[Story]) -> str:
    story = rng.choice(stories)
    count = rng.randint(4, 14)
    paragraphs = []
    for _ in range(count):
        source = story if rng.random() < 0.85 else rng.choice(stories)
        paragraphs.append(rng.choice(source.paragraphs))
    headline = rng.choice(story.headlines)
    date = rng.choice(story.dates) if story.dates else "2022-04-20"
    return "\n\n".join([headline, f"date {date}", *dict.fromkeys(paragraphs)]) + "\n"


def make_corpus(out: Path, n: int, seed: int = 0) -> list[Path]:
    duc = duc_stories()
    if not duc:
        # Said loudly: a corpus of the seeds alone is far more repetitive, so its figures are
        # not comparable with the recorded results.
        print(f"warning: {DUC} not found: the corpus is made from the seed articles alone; "
              "its figures are not comparable with bench/results", file=sys.stderr)
    stories = [seed_story(), *duc]
    rng = random.Random(seed)
    out.mkdir(parents=True, exist_ok=True)
    width = max(5, len(str(n - 1)))
    paths = []
    for i in range(n):
        path = out / f"{i:0{width}d}.txt"
        path.write_text(make_article(rng, stories), encoding="utf-8")
        paths.append(path)
    return paths


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.make_corpus", description=__doc__.split("\n\n")[0])
    parser.add_argument("out", type=Path, metavar="OUT_DIR")
    parser.add_argument("n", type=int, metavar="N")
    parser.add_argument("--seed", type=int, default=0, metavar="S")
    args = parser.parse_args(argv)
    paths = make_corpus(args.out, args.n, args.seed)
    print(f"{len(paths)} articles in {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
