"""Ingestion into PostgreSQL by two concurrent processes, two versions of the code alternating.

    python -m bench.postgres_ingest CORPUS CODE_DIR… [--rounds 3]

Each CODE_DIR is a copy of the repository at some commit (``git archive COMMIT | tar -x -C DIR``);
for each round and each copy in turn, a new database on one throwaway server (tests/postgres.py,
fsync and synchronous commit on) is filled by two ``newsdigest index CORPUS --index URL --workers 1``
started together, from that copy, and the wall time until both end is taken, with the CPU time
of the two processes (user + system: the client's work, less sensitive to a busy machine than the
wall time; the server's own CPU is not in it). Alternating the
versions on one server spreads the load of a shared machine over both. Prints one line per run
and the median per copy, with the load average.
"""

from __future__ import annotations

import argparse
import os
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.postgres import PostgresServer, why_not_available  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("corpus", type=Path)
    parser.add_argument("code", type=Path, nargs="+")
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args()
    reason = why_not_available()
    if reason:
        raise SystemExit(f"bench.postgres_ingest: {reason}")
    n = sum(1 for _ in args.corpus.rglob("*.txt"))
    times: dict[Path, list[float]] = {c: [] for c in args.code}
    cpus: dict[Path, list[float]] = {c: [] for c in args.code}
    server = PostgresServer(durable=True).start()
    try:
        for round_ in range(args.rounds):
            for code in args.code:
                url = server.create_database()
                load = " ".join(f"{x:.2f}" for x in os.getloadavg())
                before = resource.getrusage(resource.RUSAGE_CHILDREN)
                started = time.perf_counter()
                runs = [subprocess.Popen([sys.executable, "-m", "tui", "index", str(args.corpus), "--index", url,
                                          "--workers", "1"], cwd=code, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                                         text=True) for _ in range(2)]
                outputs = [r.communicate() for r in runs]
                elapsed = time.perf_counter() - started
                after = resource.getrusage(resource.RUSAGE_CHILDREN)
                cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
                if any(r.returncode for r in runs):
                    raise SystemExit(f"index failed: {outputs}")
                times[code].append(elapsed)
                cpus[code].append(cpu)
                print(f"{time.strftime('%H:%M:%S', time.gmtime())} {code.name}: {n:,} files in {elapsed:.1f} s "
                      f"({1000 * elapsed / n:.2f} s per 1,000), CPU of both index processes {cpu:.1f} s, "
                      f"load {load}", flush=True)
                server.drop_database(url)
    finally:
        server.remove()
    for code, measured in times.items():
        median = statistics.median(measured)
        print(f"{code.name}: median {median:.1f} s, {1000 * median / n:.2f} s per 1,000 articles "
              f"({', '.join(f'{t:.1f}' for t in measured)}); CPU of the index processes, median "
              f"{statistics.median(cpus[code]):.1f} s ({', '.join(f'{t:.1f}' for t in cpus[code])})")


if __name__ == "__main__":
    main()
