"""Parsing speed: CPU time of ``parse_file`` per file, and a digest of everything it returns.

    python -m bench.parse_speed PATH... [--repeat 3] [--digests OUT.tsv] [--compare BEFORE.tsv]

Every supported file under the paths is read into memory first; then each repeat parses every
file in this process with :func:`summarizer.store.ingest.parse_file`, as a worker of a cold
index build does, timed with ``time.process_time`` (CPU time: the machine is shared, wall time
says more about the other processes than about this one). Before each repeat the worker's
tools and the process's stem tables are dropped, so every repeat is a fresh worker that stems
every new word (imports and compiled patterns stay: a first file is parsed before timing).
Report the minimum: on a loaded machine even CPU time varies by a third between repeats.

The digest is a SHA-256 of each file's records (text, title, date, url, blocks with their
kinds and reasons, sentence offsets, word counts, terms, term indices and counts) and problems;
``--digests`` writes one line per file, ``--compare`` checks them against a file written
before a change and exits 1 on any difference. The result goes to stdout as Markdown.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import statistics
import sys
import time

import numpy as np


def _update(h: hashlib._Hash, value: object) -> None:
    if isinstance(value, np.ndarray):
        h.update(f"<{value.dtype.str}{value.shape}>".encode())
        h.update(np.ascontiguousarray(value).tobytes())
    else:
        h.update(repr(value).encode("utf-8", "surrogatepass"))
    h.update(b"\x00")


def digest(records) -> str:
    """SHA-256 over every field of a :class:`~summarizer.store.ingest.FileRecords`."""
    h = hashlib.sha256()
    for record in records.records:
        for name in record.__dataclass_fields__:
            _update(h, name)
            _update(h, getattr(record, name))
    _update(h, records.problems)
    return h.hexdigest()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--digests", help="write per-file digests here (TSV)")
    parser.add_argument("--compare", help="per-file digests written before; exit 1 on any difference")
    args = parser.parse_args(argv)

    from summarizer.reading import terms
    from summarizer.reading.inputs import discover, read_bytes
    from summarizer.store import ingest

    items = discover(args.paths, lambda error: print(f"warning: {error}", file=sys.stderr))
    data = [read_bytes(item) for item in items]
    size = sum(len(d) for d in data)

    ingest.parse_file(items[0], data[0])  # imports (NLTK, sumy) and compiled patterns: once per worker
    times: list[float] = []
    digests: list[str] = []
    for repeat in range(args.repeat):
        ingest._parser = ingest._analyzer = None  # a fresh worker: no stems known
        terms._tables.clear()
        results = []
        start = time.process_time()
        for item, content in zip(items, data):
            results.append(ingest.parse_file(item, content))
        times.append(time.process_time() - start)
        if repeat == 0:
            digests = [digest(r) for r in results]
        elif [digest(r) for r in results] != digests:
            print("error: records differ between repeats", file=sys.stderr)
            return 1

    total = hashlib.sha256("".join(digests).encode()).hexdigest()
    if args.digests:
        with open(args.digests, "w", encoding="utf-8") as out:
            for item, d in zip(items, digests):
                out.write(f"{item.path}\t{d}\n")

    load = os.getloadavg()
    best, median = min(times), statistics.median(times)
    print(f"- inputs: {', '.join(args.paths)}: {len(items)} files, {size / 1e6:.1f} MB")
    print(f"- Python {platform.python_version()}, load average {load[0]:.1f} / {load[1]:.1f} / {load[2]:.1f}")
    print(f"- CPU seconds per repeat: {', '.join(f'{t:.2f}' for t in times)}")
    print(f"- CPU ms per file: min {1000 * best / len(items):.2f}, median {1000 * median / len(items):.2f}")
    print(f"- digest of all records: `{total[:16]}`")

    if args.compare:
        with open(args.compare, encoding="utf-8") as before:
            old = dict(line.rstrip("\n").split("\t") for line in before)
        differ = [item.path for item, d in zip(items, digests) if old.get(item.path) != d]
        missing = len(set(old) - {item.path for item in items})
        if differ or missing:
            print(f"error: {len(differ)} files differ, {missing} missing, e.g. {differ[:3]}", file=sys.stderr)
            return 1
        print(f"- identical to {args.compare}: all {len(items)} files")
    return 0


if __name__ == "__main__":
    sys.exit(main())
