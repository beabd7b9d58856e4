"""Scale benchmark: cold index build, warm reload, one topic, peak memory, and sumy's LexRank.

    python -m bench.scale [--sizes 100 1000 10000] [--work /tmp/newsdigest-scale] [--out FILE]

For each N, a corpus of N generated articles (bench/make_corpus.py, under --work, never in the
repository) is summarized in fresh processes:

- cold: an empty index; ``load_articles`` + ``Corpus`` (parsing in worker processes);
- warm: the same index again, nothing changed;
- topic: one topic's summary (ranking + selection) on the warm corpus, for each built-in topic;
- memory: peak resident set (``ru_maxrss``) of the process, and of its workers;
- sumy: over the same candidate sentences (the first 2,000) of a topic, our ranking step
  (tf-idf, relevance, biased LexRank) against sumy's LexRankSummarizer.

Times exclude the interpreter's start and imports (reported apart). Results go to stdout as
Markdown and to --out when given.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import resource
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
TOPIC = "security"
SUMY_SENTENCES = 2000


def measure(kind: str, corpus_dir: str, cache_dir: str) -> dict:
    started = time.perf_counter()
    from summarizer import BUILTIN_TOPICS, Corpus, Length, load_articles
    from summarizer.store.index import ArticleCache
    from summarizer.ranking.methods import TopicSummarizer

    imports = time.perf_counter() - started
    out: dict = {"imports_s": imports}
    cache = ArticleCache(cache_dir)
    t = time.perf_counter()
    articles = load_articles([corpus_dir], cache=cache)
    out["load_s"] = time.perf_counter() - t
    t = time.perf_counter()
    corpus = Corpus(articles, cache=cache)
    out["corpus_s"] = time.perf_counter() - t
    out["total_s"] = out["load_s"] + out["corpus_s"]
    out["articles"], out["sentences"], out["terms"] = len(articles), len(corpus), len(corpus.vocabulary)
    out["stats"] = cache.stats.__dict__
    if kind == "warm":
        summarize = TopicSummarizer()
        out["topics"] = {}
        for topic in BUILTIN_TOPICS:
            t = time.perf_counter()
            ranking = summarize.ranker(corpus, topic)
            ranked = time.perf_counter() - t
            summary = summarize(corpus, topic, Length(sentences=5))
            total = time.perf_counter() - t
            out["topics"][topic.name] = {
                "candidates": len(ranking.rows), "rank_s": ranked, "total_s": total - ranked,
                "chosen": len(summary.sentences),
            }
        # total_s above re-ranks inside summarize(): one topic = the summarize() call alone.
    out["maxrss_mib"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    out["workers_maxrss_mib"] = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    cache.close()
    return out


def versus_sumy(corpus_dir: str, cache_dir: str, count: int) -> dict:
    """Our ranking step and sumy's LexRank over the same candidate sentences."""
    from sumy.models.dom import ObjectDocumentModel, Paragraph
    from sumy.models.dom import Sentence as SumySentence
    from sumy.nlp.stemmers import Stemmer
    from sumy.summarizers.lex_rank import LexRankSummarizer

    from summarizer import BUILTIN_TOPICS, Corpus, load_articles
    from summarizer.store.index import ArticleCache
    from summarizer.ranking.methods import _WordTokenizer
    from summarizer.ranking.ranker import TopicRanker, context_terms, topic_rows, topic_terms

    cache = ArticleCache(cache_dir)
    corpus = Corpus(load_articles([corpus_dir], cache=cache), cache=cache)
    topic = next(t for t in BUILTIN_TOPICS if t.name == TOPIC)
    # The first candidates, repeats included: generated corpora repeat sentences, and below
    # 4,000 candidates the ranker walks every sentence (no merging), like sumy.
    keywords, context = topic_terms(topic, corpus), context_terms(topic, corpus)
    rows = topic_rows(corpus, keywords, context)[:count]
    distinct = len({corpus.sentences[r].text for r in rows})
    ranker = TopicRanker()
    query = ranker._expand(corpus, keywords, context, rows)
    ours = []
    for _ in range(5):
        t = time.perf_counter()
        vectors = corpus.tfidf(rows)
        relevance = ranker._relevance(corpus, rows, query)
        ranker._biased_lexrank(vectors, relevance)
        ours.append(time.perf_counter() - t)
    summarizer = LexRankSummarizer(Stemmer("english"))
    summarizer.stop_words = corpus.analyzer.stop_words
    tokenizer = _WordTokenizer()
    document = ObjectDocumentModel([Paragraph([SumySentence(corpus.sentences[r].text, tokenizer) for r in rows])])
    t = time.perf_counter()
    summarizer(document, 5)
    theirs = time.perf_counter() - t
    return {"sentences": len(rows), "distinct": distinct, "ours_s": min(ours), "sumy_s": theirs, "ratio": theirs / min(ours)}


def _child(*args: str) -> dict:
    command = [sys.executable, "-m", "bench.scale", *args]
    t = time.perf_counter()
    result = subprocess.run(command, cwd=REPO, capture_output=True, text=True, check=False)
    wall = time.perf_counter() - t
    if result.returncode != 0:
        raise SystemExit(f"{' '.join(command)} failed:\n{result.stderr}")
    data = json.loads(result.stdout)
    data["process_wall_s"] = wall
    return data


def machine() -> dict:
    info = {"python": platform.python_version(), "cores": os.cpu_count()}
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                info["cpu"] = line.split(":", 1)[1].strip()
                break
        mem = Path("/proc/meminfo").read_text().split("\n")[0].split()[1]
        info["memory_gib"] = round(int(mem) / 2**20, 1)
        info["load_average"] = Path("/proc/loadavg").read_text().split()[:3]
    except OSError:
        pass
    return info


def parallel_efficiency() -> float:
    """How much two busy processes get done at once, relative to one (2.0 = two free cores)."""
    code = "import time\nt=time.perf_counter()\nx=0\nfor i in range(8_000_000): x+=i\nprint(time.perf_counter()-t)"
    one = float(subprocess.run([sys.executable, "-c", code], capture_output=True, text=True).stdout)
    runs = [subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True) for _ in range(2)]
    two = max(float(r.communicate()[0]) for r in runs)
    return 2 * one / two


def run(sizes: list[int], work: Path) -> tuple[list[dict], dict]:
    from bench.make_corpus import make_corpus

    rows = []
    for n in sizes:
        corpus_dir, cache_dir = work / f"corpus-{n}", work / f"cache-{n}"
        if not corpus_dir.is_dir() or len(list(corpus_dir.glob("*.txt"))) != n:
            make_corpus(corpus_dir, n, seed=0)
        for stale in cache_dir.glob("*"):
            stale.unlink()
        cold = _child("--measure", "cold", str(corpus_dir), str(cache_dir))
        warm = _child("--measure", "warm", str(corpus_dir), str(cache_dir))
        sumy = _child("--sumy", str(corpus_dir), str(cache_dir))
        rows.append({"n": n, "cold": cold, "warm": warm, "sumy": sumy})
        print(json.dumps(rows[-1]), file=sys.stderr)
    return rows, machine() | {"parallel_efficiency": round(parallel_efficiency(), 2)}


def markdown(rows: list[dict], info: dict) -> str:
    lines = [
        f"Run {time.strftime('%Y-%m-%d')} on {info.get('cpu', '?')}, {info.get('cores')} cores, "
        f"{info.get('memory_gib', '?')} GiB, Python {info.get('python')}; load average before: "
        f"{' '.join(info.get('load_average', []))}; two busy processes ran {info['parallel_efficiency']}x "
        "as fast as one (2.0 would be two free cores).",
        "",
        "| N | sentences | cold build | warm reload | one topic (max of 3) | candidates | peak RSS (main / worker) | ours vs sumy LexRank |",
        "|---:|---:|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        cold, warm, sumy = r["cold"], r["warm"], r["sumy"]
        worst = max(warm["topics"].values(), key=lambda t: t["total_s"])
        lines.append(
            f"| {r['n']:,} | {cold['sentences']:,} | {cold['total_s']:.2f} s | {warm['total_s']:.2f} s | "
            f"{worst['total_s']:.3f} s | {worst['candidates']:,} | "
            f"{max(cold['maxrss_mib'], warm['maxrss_mib']):.0f} / {cold['workers_maxrss_mib']:.0f} MiB | "
            f"{sumy['sumy_s']:.1f} s / {sumy['ours_s'] * 1000:.1f} ms = {sumy['ratio']:.0f}x ({sumy['sentences']:,} sentences, {sumy['distinct']:,} distinct) |"
        )
    lines += [
        "",
        "Cold and warm: `load_articles` + `Corpus`, in a fresh process, imports excluded "
        f"(imports: {rows[-1]['warm']['imports_s']:.1f} s). One topic: `TopicSummarizer(corpus, topic, 5 sentences)`.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsdigest-scale"))
    parser.add_argument("--out", type=Path)
    parser.add_argument("--json", type=Path, help="also write the raw measurements here")
    parser.add_argument("--measure", nargs=3, metavar=("KIND", "CORPUS", "CACHE"), help=argparse.SUPPRESS)
    parser.add_argument("--sumy", nargs=2, metavar=("CORPUS", "CACHE"), help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.measure:
        print(json.dumps(measure(*args.measure)))
        return 0
    if args.sumy:
        print(json.dumps(versus_sumy(*args.sumy, SUMY_SENTENCES)))
        return 0
    args.work.mkdir(parents=True, exist_ok=True)
    rows, info = run(args.sizes, args.work)
    text = markdown(rows, info)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")
    if args.json:
        args.json.write_text(json.dumps({"machine": info, "rows": rows}, indent=1), encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
