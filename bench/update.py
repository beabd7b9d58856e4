"""Update summaries: ROUGE and repeats of what was read, update mode against ignoring ``read``.

The *repeat share* of a set of summaries is the share of their sentences that restate a sentence
the reader has already read: a summary sentence repeats when at least 60% of its distinct content
words (stems of the words that are not stop words, as the engine's ``TermAnalyzer`` makes them)
appear in one single sentence of the topic's ``read`` documents. A summary sentence is counted
whole even when ROUGE's 100-word cut truncates it.

    python -m bench.update ../shared/data/duc2007-update-b/topics.jsonl
    python -m bench.update DATASET --repeat 0.5 --discount 0.0     # try other engine settings
    python -m bench.update DATASET --save /tmp/summaries.jsonl     # also write the summaries
    python -m bench.update DATASET --peers PEERS.jsonl --peer 40   # a DUC system, measured alike

It prints a Markdown table: R-2, SU4 (plain means over the jackknifed EVALs) and the repeat share
for the update mode and the same engine ignoring ``read``.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

REPEAT_SHARE = 0.6
"""A summary sentence repeats a read sentence when this share of its content words is in it."""


def repeats(summary_sentences: Sequence[str], read_sentences: Sequence[str], analyzer) -> int:
    """How many of the summary's sentences restate one read sentence (see the module docstring)."""
    read_sets = [set(analyzer(text)) for text in read_sentences]
    count = 0
    for text in summary_sentences:
        terms = set(analyzer(text))
        if terms and any(len(terms & other) >= REPEAT_SHARE * len(terms) for other in read_sets):
            count += 1
    return count


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("dataset")
    parser.add_argument("--words", type=int, default=100)
    parser.add_argument("--method", default="topical")
    parser.add_argument("--repeat", type=float, default=None, help="ReadSet.repeat (default: the engine's)")
    parser.add_argument("--discount", type=float, default=None, help="ReadSet.discount (default: the engine's)")
    parser.add_argument("--save", help="write every summary as JSONL {topic, method, summary}")
    parser.add_argument("--peers", help="a peers JSONL file (topic, peer, summary) to measure beside the engine")
    parser.add_argument("--peer", action="append", default=[], metavar="ID", help="a peer of --peers to measure (repeatable)")
    args = parser.parse_args(argv)

    from summarizer.evaluation import benchmark
    from summarizer.evaluation.datasets import load_dataset
    from summarizer.ranking import novelty
    from summarizer.reading.articles import ArticleParser
    from summarizer.reading.terms import TermAnalyzer

    if args.repeat is not None:  # read sets made from now on use these
        novelty.DEFAULT_REPEAT = args.repeat
    if args.discount is not None:
        novelty.DEFAULT_DISCOUNT = args.discount

    from summarizer.evaluation.datasets import EvaluationDataError

    try:
        topics = load_dataset(args.dataset)
    except EvaluationDataError as error:  # e.g. ../shared is absent: say so, nothing falls back
        print(f"bench.update: {error}", file=sys.stderr)
        return 1
    if not any(t.read for t in topics):
        print(f"{args.dataset}: no topic has read documents", file=sys.stderr)
        return 1
    analyzer, article_parser = TermAnalyzer(), ArticleParser()
    read_sentences = {
        t.id: [s.text for doc in t.read for s in article_parser(doc.text, _meta(doc)).sentences] for t in topics
    }
    rows, saved = [], []
    for label, use_read in (("update (read used)", True), ("ignoring read", False)):
        (result,) = benchmark.evaluate_methods(topics, [args.method], args.words, use_read=use_read)
        total = repeated = 0
        for topic in topics:
            sentences = [line for line in result.summaries[topic.id].split("\n") if line.strip()]
            total += len(sentences)
            repeated += repeats(sentences, read_sentences[topic.id], analyzer)
            saved.append({"topic": topic.id, "method": f"{args.method}{'' if use_read else '-ignore-read'}",
                          "summary": result.summaries[topic.id]})
        rows.append((label, result.score, repeated, total))
    if args.peers:
        from summarizer.evaluation.datasets import load_peers, score_peers

        wanted = [p for p in load_peers(args.peers, topics) if p.peer in args.peer]
        for score in score_peers(topics, wanted, args.words):
            total = repeated = 0
            for item in (p for p in wanted if p.peer == score.peer):
                sentences = [line for line in item.summary.split("\n") if line.strip()]
                total += len(sentences)
                repeated += repeats(sentences, read_sentences[item.topic], analyzer)
            rows.append((f"peer {score.peer}", score, repeated, total))
    print("| mode | R-2 | R-2 95% CI | SU4 | SU4 95% CI | repeats |")
    print("|---|---:|---:|---:|---:|---:|")
    for label, score, repeated, total in rows:
        print(f"| {label} | {score.rouge2:.5f} | {score.rouge2_ci.low:.5f}-{score.rouge2_ci.high:.5f} | {score.su4:.5f} "
              f"| {score.su4_ci.low:.5f}-{score.su4_ci.high:.5f} | {repeated} of {total} ({repeated / max(total, 1):.1%}) |")
    if args.save:
        from summarizer import write_atomically

        write_atomically(args.save, "".join(json.dumps(row) + "\n" for row in saved))
    return 0


def _meta(doc):
    from summarizer.reading.articles import Metadata

    return Metadata(doc.id, title=doc.headline, date=doc.date)


if __name__ == "__main__":
    sys.exit(main())
