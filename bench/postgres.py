"""The index on PostgreSQL against SQLite: ingest by two concurrent processes, size, summarize time.

    python -m bench.postgres [--sizes 2000 10000] [--runs 5] [--work /tmp/newsdigest-pg-bench] [--out FILE]

For each N, a generated corpus (bench/make_corpus.py, seed 0, under --work) and a new PostgreSQL
server of its own (tests/postgres.py: initdb in a temporary folder, 127.0.0.1, fsync and
synchronous commits ON as in production), removed at the end:

- ingest: two ``newsdigest index CORPUS --index URL --workers 1`` started together (the machine
  has 2 cores), wall time until both end; then every article must be stored once (files = N,
  payloads = distinct texts). For comparison, one ``newsdigest index CORPUS --cache-dir DIR
  --workers 2`` into SQLite.
- size: tables and indexes of the ``newsdigest`` schema (``pg_total_relation_size``) per
  article, and the SQLite file per article.
- summarize: ``newsdigest summarize CORPUS -t security --format json`` with ``--index URL``
  and with the SQLite cache dir, warm (one run first), whole process, median of --runs,
  alternating; the two JSON outputs must be identical. The PostgreSQL run is timed twice: as a
  reader who already has the copy of the set's sentence index in their cache directory (the
  usual warm run), and as one who does not (the copies deleted before each run: a first run on
  another machine, which fetches the row once and writes the copy). The same warm pair is timed
  with the default text output too: at 100,000 articles the JSON lists every article (33 MB),
  which costs the same on both backends.

The load average is recorded before and after: measure on a machine as quiet as you can get.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.make_corpus import make_corpus  # noqa: E402
from tests.postgres import PostgresServer, why_not_available  # noqa: E402

TOPIC = "security"


def newsdigest(*args: str) -> list[str]:
    return [sys.executable, "-m", "tui", *args]


def timed(command: list[str], env: dict) -> tuple[float, subprocess.CompletedProcess]:
    started = time.perf_counter()
    run = subprocess.run(command, capture_output=True, text=True, cwd=REPO, env=env)
    elapsed = time.perf_counter() - started
    if run.returncode != 0:
        raise SystemExit(f"failed: {' '.join(command)}: {run.stderr.strip()}")
    return elapsed, run


def loadavg() -> str:
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def drop_copies(env: dict) -> None:
    """Remove every reader's copy of the servers' sentence indexes (summarizer.store.backend.mirror_directory)."""
    for folder in (Path(env["XDG_CACHE_HOME"]) / "newsdigest" / "shared").glob("*/sentence-indexes"):
        shutil.rmtree(folder)


def bench_queries(url: str, runs: int) -> dict:
    """Median times of the postings queries (schema version 4) over the whole corpus as one set:
    the statistics kept at ingest (totals and the topic's keywords' rows), a set's statistics
    (one aggregate), a topic's candidates (one query) and the same over the whole index (the GIN
    index alone); and the recount that checks the statistics. Nothing with older code."""
    from summarizer.ranking.topics import BUILTIN_TOPICS
    from summarizer.reading.terms import TermAnalyzer
    from summarizer.store.postgres import PostgresIndexStore

    store = PostgresIndexStore(url)
    if not hasattr(store, "candidate_articles"):
        store.close()
        return {}
    try:
        analyzer = TermAnalyzer()
        topic = next(t for t in BUILTIN_TOPICS if t.name == TOPIC)
        stems = sorted({analyzer.stem(w) for phrase in topic.keywords for w in phrase.split()})
        ids = list(store.known_term_ids(stems).values())
        hashes = [bytes(h) for (h,) in store._read("SELECT payload_hash FROM newsdigest.files ORDER BY path")]

        def median(call):
            times = []
            for _ in range(max(runs, 3)):
                started = time.perf_counter()
                result = call()
                times.append(time.perf_counter() - started)
            return statistics.median(times), result

        out: dict = {}
        out["q_statistics_s"], stats = median(lambda: store.statistics(ids))
        out["q_set_statistics_s"], set_stats = median(lambda: store.set_statistics(hashes))
        out["q_candidates_s"], candidates = median(lambda: store.candidate_articles(hashes, ids))
        out["q_whole_candidates_s"], whole = median(lambda: store.candidate_count(ids))
        out["q_recount_s"], recount = median(lambda: store.recount())
        out["q_articles"], out["q_candidates"], out["q_whole_candidates"] = set_stats[0], len(candidates), whole
        out["q_statistics_equal_recount"] = (stats[0], stats[1]) == recount[:2] and all(
            recount[2].get(t) == v for t, v in stats[2].items())
        out["q_plan"] = " / ".join(
            line for (line,) in store._read(
                "EXPLAIN SELECT payload_hash, record FROM newsdigest.article_terms "
                "WHERE payload_hash = ANY(%s) AND term_ids && %s::int4[]", (hashes, ids))
            if "Scan" in line
        )
        return out
    finally:
        store.close()


def bench_size(n: int, work: Path, runs: int, env: dict) -> dict:
    import psycopg

    corpus = work / f"corpus-{n}"
    if not corpus.is_dir():
        make_corpus(corpus, n, seed=0)
    files = sorted(corpus.rglob("*.txt"))
    text_bytes = sum(p.stat().st_size for p in files)
    distinct = len({hashlib.sha256(p.read_bytes()).digest() for p in files})
    out: dict = {"n": len(files), "text_mib": text_bytes / 2**20, "distinct": distinct, "load_before": loadavg(),
                 "started": time.strftime("%H:%M", time.gmtime())}
    server = PostgresServer(durable=True).start()
    try:
        url = server.create_database("bench")
        # Two concurrent index processes, one core each.
        started = time.perf_counter()
        procs = [subprocess.Popen(newsdigest("index", str(corpus), "--index", url, "--workers", "1"), cwd=REPO,
                                  env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                 for _ in range(2)]
        outputs = [p.communicate() for p in procs]
        out["ingest_pg_s"] = time.perf_counter() - started
        if any(p.returncode for p in procs):
            raise SystemExit(f"index failed: {outputs}")
        out["ingest_pg_reports"] = [o[0].strip() for o in outputs]
        with psycopg.connect(url, autocommit=True) as db:
            stored_files, payloads = db.execute(
                "SELECT (SELECT count(*) FROM newsdigest.files), (SELECT count(*) FROM newsdigest.payloads)"
            ).fetchone()
            sizes = dict(db.execute(
                "SELECT c.relname, pg_total_relation_size(c.oid) FROM pg_class c JOIN pg_namespace s "
                "ON s.oid = c.relnamespace WHERE s.nspname = 'newsdigest' AND c.relkind = 'r'"
            ).fetchall())
        out["pg_files"], out["pg_payloads"], out["pg_sizes"] = stored_files, payloads, sizes
        out["pg_bytes"] = sum(sizes.values())
        out.update(bench_queries(url, runs))
        # SQLite, one process with two workers.
        cache = work / f"sqlite-{n}"
        subprocess.run(["rm", "-rf", str(cache)], check=True)
        out["ingest_sqlite_s"], _ = timed(newsdigest("index", str(corpus), "--cache-dir", str(cache), "--workers", "2"), env)
        out["sqlite_bytes"] = sum(p.stat().st_size for p in cache.glob("index.sqlite3*"))
        # Warm summaries, whole process.
        pg_cmd = newsdigest("summarize", str(corpus), "-t", TOPIC, "--format", "json", "--index", url)
        lite_cmd = newsdigest("summarize", str(corpus), "-t", TOPIC, "--format", "json", "--cache-dir", str(cache))
        _, pg_first = timed(pg_cmd, env)
        _, lite_first = timed(lite_cmd, env)
        out["same_json"] = pg_first.stdout == lite_first.stdout
        pg_times, lite_times, fetch_times, pg_text, lite_text, bare = [], [], [], [], [], []
        for _ in range(runs):
            pg_times.append(timed(pg_cmd, env)[0])
            lite_times.append(timed(lite_cmd, env)[0])
            pg_text.append(timed([c for c in pg_cmd if c not in ("--format", "json")], env)[0])
            lite_text.append(timed([c for c in lite_cmd if c not in ("--format", "json")], env)[0])
            drop_copies(env)
            elapsed, fetched = timed(pg_cmd, env)
            fetch_times.append(elapsed)
            out["same_json"] = out["same_json"] and fetched.stdout == lite_first.stdout
            bare.append(timed([sys.executable, "-c", "pass"], env)[0])
        out["summarize_pg_s"], out["summarize_sqlite_s"] = statistics.median(pg_times), statistics.median(lite_times)
        out["summarize_pg_fetch_s"] = statistics.median(fetch_times)
        out["text_pg_s"], out["text_sqlite_s"] = statistics.median(pg_text), statistics.median(lite_text)
        out["copy_bytes"] = sum(p.stat().st_size for p in (Path(env["XDG_CACHE_HOME"]) / "newsdigest" / "shared").glob(
            "*/sentence-indexes/*.bin"))
        out["python_pass_s"] = statistics.median(bare)
        out["load_after"] = loadavg()
    finally:
        server.remove()
        drop_copies(env)
    return out


def report(results: list[dict], runs: int, code: str) -> str:
    lines = [
        "# The index on PostgreSQL against SQLite",
        "",
        f"`python -m bench.postgres --sizes {' '.join(str(r['n']) for r in results)} --runs {runs}` (bench/postgres.py); "
        "corpora from `python -m bench.make_corpus OUT N --seed 0`.",
        "",
        f"Run {time.strftime('%Y-%m-%d')} on {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, PostgreSQL 15 (Debian) on 127.0.0.1 with fsync and synchronous "
        "commit on, shared_buffers 128MB, otherwise defaults.",
        "",
        "| N | code | started (UTC) | text | ingest, 2 `index` processes (PG) | per 1,000 | ingest, 1 process 2 workers (SQLite) | per 1,000 | stored files / payloads | PG size / article | SQLite size / article | summarize warm, 1 topic: PG, with the copy | SQLite | ratio | PG, copy fetched first | text output: PG | SQLite | sentence index copy | same JSON | load before / after |",
        "|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:-:|---|",
    ]
    for r in results:
        lines.append(
            f"| {r['n']:,} | {code} | {r['started']} | {r['text_mib']:.1f} MiB | {r['ingest_pg_s']:.1f} s | {1000 * r['ingest_pg_s'] / r['n']:.2f} s "
            f"| {r['ingest_sqlite_s']:.1f} s | {1000 * r['ingest_sqlite_s'] / r['n']:.2f} s "
            f"| {r['pg_files']:,} / {r['pg_payloads']:,} (distinct texts {r['distinct']:,}) "
            f"| {r['pg_bytes'] / r['n'] / 1024:.1f} KiB | {r['sqlite_bytes'] / r['n'] / 1024:.1f} KiB "
            f"| {r['summarize_pg_s']:.2f} s | {r['summarize_sqlite_s']:.2f} s "
            f"| {r['summarize_pg_s'] / r['summarize_sqlite_s']:.2f}x | {r['summarize_pg_fetch_s']:.2f} s "
            f"| {r['text_pg_s']:.2f} s | {r['text_sqlite_s']:.2f} s | {r['copy_bytes'] / 2**20:.0f} MiB | {'yes' if r['same_json'] else 'NO'} "
            f"| {r['load_before']} / {r['load_after']} |"
        )
    lines += ["", "Per table (PostgreSQL, tables + indexes + TOAST):", ""]
    for r in results:
        parts = ", ".join(f"{name} {size / 2**20:.1f} MiB" for name, size in sorted(r["pg_sizes"].items(), key=lambda x: -x[1]))
        lines.append(f"- N = {r['n']:,}: {parts}; total {r['pg_bytes'] / 2**20:.1f} MiB")
    if any("q_candidates_s" in r for r in results):
        lines += ["", f"Postings queries (schema 4), topic `{TOPIC}`'s keywords, the whole corpus as one set, median:", "",
                  "| N | statistics kept at ingest (totals + keywords' rows) | set statistics (one aggregate) | "
                  "candidates in the set (one query) | candidates in the whole index (GIN) | recount (aggregate) | "
                  "candidates / articles | kept = recount | plan of the set's candidates query |",
                  "|---:|---:|---:|---:|---:|---:|---:|:-:|---|"]
        for r in results:
            if "q_candidates_s" in r:
                lines.append(
                    f"| {r['n']:,} | {1000 * r['q_statistics_s']:.1f} ms | {1000 * r['q_set_statistics_s']:.0f} ms "
                    f"| {1000 * r['q_candidates_s']:.0f} ms | {1000 * r['q_whole_candidates_s']:.0f} ms "
                    f"| {1000 * r['q_recount_s']:.0f} ms | {r['q_candidates']:,} ({r['q_whole_candidates']:,}) / {r['q_articles']:,} "
                    f"| {'yes' if r['q_statistics_equal_recount'] else 'NO'} | {r['q_plan'].strip()} |")
    lines += ["", "What each process reported:", ""]
    for r in results:
        lines.append(f"- N = {r['n']:,}: " + " | ".join(r["ingest_pg_reports"]))
    biggest = results[-1]
    per = biggest["pg_bytes"] / biggest["n"]
    lines += [
        "",
        f"Projection: at {per / 1024:.1f} KiB per article, 10 million articles take about "
        f"{per * 10_000_000 / 2**30:.0f} GiB of tables and indexes (one payload per article; the terms "
        "table grows with the vocabulary, not with the articles). `python -c pass` takes "
        f"{biggest['python_pass_s']:.3f} s on this machine.",
    ]
    return "\n".join(lines) + "\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsdigest-pg-bench"))
    parser.add_argument("--out", type=Path)
    parser.add_argument("--code", default="?", help="what code is measured (a commit), for the report")
    args = parser.parse_args()
    reason = why_not_available()
    if reason:
        raise SystemExit(f"bench.postgres: {reason}")
    args.work.mkdir(parents=True, exist_ok=True)
    env = {**os.environ, "XDG_CACHE_HOME": str(args.work / "xdg-cache"), "XDG_CONFIG_HOME": str(args.work / "xdg-config")}
    env.pop("NEWSDIGEST_INDEX", None)
    results = []
    for n in args.sizes:
        results.append(bench_size(n, args.work, args.runs, env))
        print(results[-1], file=sys.stderr)
    text = report(results, args.runs, args.code)
    print(text)
    if args.out:
        args.out.write_text(text, encoding="utf-8")


if __name__ == "__main__":
    main()
