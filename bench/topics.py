"""Do the built-in topics work on news they were not written for?

    python -m bench.topics [-o bench/results/topics.md]

The built-in topics (aid, mediation, security) are general news vocabulary. This prints, for each
topic, the top three sentences the default method picks from news other than the seeds:

- every DUC 2007 cluster A topic of ``../shared/data/duc2007-update-a`` (ten unrelated stories,
  1998-2000 newswire), one corpus per story;
- the real web pages of ``../shared/data/realworld-pages`` (their expected main text), one corpus.

A topic that finds nothing in a story says so: that is the right answer for, say, "mediation" in
a story about a balloon flight. Each printed sentence is tagged with the topic words it holds.
The sentences go to stdout only, for a reader to judge: ``-o`` records counts and matched words,
never text of the data sets (which may not be copied into the repository). Without ``../shared``
this exits with an error: there is nothing to measure on the seeds alone.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared" / "data"
DUC = SHARED / "duc2007-update-a" / "topics.jsonl"
PAGES = SHARED / "realworld-pages"


def corpora() -> list[tuple[str, list]]:
    from summarizer.reading.articles import ArticleParser, Metadata

    parse = ArticleParser()
    found = []
    for line in DUC.read_text(encoding="utf-8").splitlines():
        if line.strip():
            topic = json.loads(line)
            articles = [parse(d["text"], Metadata(d["id"], title=d.get("headline"), date=d.get("date")))
                        for d in topic["documents"]]
            found.append((f"DUC {topic['id']}", articles))  # ids only: the data set's text stays out
    pages = [parse(p.read_text(encoding="utf-8"), Metadata(p.stem)) for p in sorted((PAGES / "expected").glob("*.txt"))]
    found.append((f"{len(pages)} real web pages (expected text)", pages))
    return found


def report(with_text: bool = True) -> str:
    from summarizer import BUILTIN_TOPICS, Corpus, Digester, Length

    lines = [
        "# Built-in topics on other news",
        "",
        f"Run {date.today()} with `python -m bench.topics` on {platform.machine()}, Python {platform.python_version()}. "
        "Top three sentences per topic, default method.",
        "",
    ]
    totals = {t.name: [0, 0] for t in BUILTIN_TOPICS}  # sentences, reached through expansion only
    for name, articles in corpora():
        corpus = Corpus(articles)
        digest = Digester(length=Length(sentences=3))(corpus, BUILTIN_TOPICS)
        lines += [f"## {name}", ""]
        for summary in digest.summaries:
            if not summary.sentences:
                lines.append(f"- **{summary.topic.label}**: {summary.message}")
                continue
            for item in summary.sentences:
                matched = item.explanation.matched_terms
                totals[summary.topic.name][0] += 1
                totals[summary.topic.name][1] += not matched
                tag = "matched " + ", ".join(matched) if matched else "expanded only"
                text = ": " + " ".join(item.sentence.text.split()) if with_text else ""
                lines.append(f"- **{summary.topic.label}** ({tag}){text}")
        lines.append("")
    lines += ["## Totals", "", "| topic | sentences | reached through expansion only |", "|---|---:|---:|"]
    lines += [f"| {n} | {s} | {e} |" for n, (s, e) in totals.items()]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.topics", description=__doc__.split("\n\n")[0])
    parser.add_argument("-o", "--output", type=Path, help="also write the Markdown here")
    args = parser.parse_args(argv)
    if not DUC.is_file() or not (PAGES / "expected").is_dir():
        print(f"error: {SHARED} is missing: this benchmark needs the DUC 2007 set and the real pages", file=sys.stderr)
        return 1
    sys.stdout.write(report())
    if args.output:
        args.output.write_text(report(with_text=False), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
