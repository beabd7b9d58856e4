"""Start-up benchmark: `newsdigest summarize` as a user runs it, whole process, warm index.

    python -m bench.startup [--sizes 1000 10000] [--runs 7] [--work /tmp/newsdigest-startup]
                            [--tree DIR] [--out FILE]

Each case runs the command line in fresh processes, like hyperfine: one run first (it builds the
index: the cold figure), then ``--runs`` timed runs with the index warm, reported as median and
minimum wall time and peak RSS. Cases: the seed articles (``newsdigest summarize``, the index in
a private ``XDG_CACHE_HOME``) and generated corpora of each ``--sizes`` N (bench/make_corpus.py,
``--seed 0``, under ``--work``, never in the repository). Every figure is also given as a ratio
to ``python -c pass``, so that the table travels between machines.

Then ``python -X importtime`` of the warm seeds run: the slowest top-level imports, and whether
the start path imported NLTK, sumy, scipy.stats or Textual (none is needed when nothing is parsed
and the method is the default one).

``--tree DIR`` measures another checkout of the project with this venv's interpreter (how the
"before" figures of results/startup.md were taken). Results go to stdout as Markdown and to
--out when given.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
HEAVY = ("nltk", "sumy", "scipy.stats", "textual")
"""Packages the warm start path should not import."""


def _env(tree: Path, cache_home: Path) -> dict[str, str]:
    env = dict(os.environ, XDG_CACHE_HOME=str(cache_home), NO_COLOR="1")
    # A user's Python caches bytecode; a shell that turned that off would time the compiler.
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    env["PYTHONPATH"] = str(tree) + (os.pathsep + env["PYTHONPATH"] if env.get("PYTHONPATH") else "")
    return env


def _timed(command: list[str], tree: Path, env: dict[str, str]) -> tuple[float, float]:
    """(wall seconds, peak RSS MiB) of one run; the output is discarded, failures raise."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(command, cwd=tree, env=env, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(process.pid, 0)  # the child's own peak RSS, not the largest so far
        wall = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        if process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"{' '.join(command)} exited {process.returncode}:\n{errors.read().decode(errors='replace')}")
    return wall, usage.ru_maxrss / 1024


def case(name: str, args: list[str], index: Path, tree: Path, cache_home: Path, runs: int) -> dict:
    """``index`` (the index folder the command uses) is removed first: the first run builds it."""
    command = [sys.executable, "-m", "tui", "summarize", *args]
    env = _env(tree, cache_home)
    shutil.rmtree(index, ignore_errors=True)
    cold, _ = _timed(command, tree, env)
    walls, rss = [], []
    for _ in range(runs):
        wall, peak = _timed(command, tree, env)
        walls.append(wall)
        rss.append(peak)
    row = {
        "case": name, "cold_s": cold, "median_s": statistics.median(walls), "min_s": min(walls),
        "max_s": max(walls), "rss_mib": statistics.median(rss), "runs": runs,
    }
    print(row, file=sys.stderr)
    return row


def baseline(runs: int) -> float:
    """Median wall time of ``python -c pass`` (the interpreter's own start)."""
    walls = []
    for _ in range(runs):
        started = time.perf_counter()
        subprocess.run([sys.executable, "-c", "pass"], check=True)
        walls.append(time.perf_counter() - started)
    return statistics.median(walls)


def import_profile(tree: Path, cache_home: Path, top: int = 12) -> tuple[list[tuple[str, float]], list[str]]:
    """(the slowest top-level imports of a warm seeds run with their cumulative ms, the heavy
    packages it imported)."""
    result = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "tui", "summarize"],
        cwd=tree, env=_env(tree, cache_home), capture_output=True, text=True, check=True,
    )
    rows, names = [], set()
    for line in result.stderr.splitlines():
        match = re.match(r"import time:\s+(\d+) \|\s+(\d+) \|( *)(\S+)", line)
        if not match:
            continue
        names.add(match.group(4))
        if len(match.group(3)) == 1:  # imported by the program itself, not by another module
            rows.append((match.group(4), int(match.group(2)) / 1000))
    heavy = [h for h in HEAVY if h in names]
    return sorted(rows, key=lambda r: -r[1])[:top], heavy


def corpus(work: Path, n: int) -> Path:
    from bench.make_corpus import make_corpus

    directory = work / f"corpus-{n}"
    if not directory.is_dir() or len(list(directory.glob("*.txt"))) != n:
        make_corpus(directory, n, seed=0)
    return directory


def machine() -> str:
    try:
        load = " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        load = "?"
    return f"{os.cpu_count()} cores, Python {sys.version.split()[0]}, load average {load}"


def markdown(rows: list[dict], python: float, imports: list[tuple[str, float]], heavy: list[str], info: str) -> str:
    lines = [
        f"Run {time.strftime('%Y-%m-%d %H:%M')}, {info}; `python -c pass`: {python:.3f} s.",
        "",
        "| case | first run (builds the index) | warm median | warm min | warm max | x `python -c pass` | peak RSS |",
        "|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        lines.append(
            f"| {r['case']} | {r['cold_s']:.2f} s | **{r['median_s']:.2f} s** | {r['min_s']:.2f} s | "
            f"{r['max_s']:.2f} s | {r['median_s'] / python:.0f}x | {r['rss_mib']:.0f} MiB |"
        )
    lines += [
        "",
        "Slowest top-level imports of the warm seeds run (`-X importtime`, cumulative): "
        + ", ".join(f"{name} {ms:.0f} ms" for name, ms in imports)
        + ".",
        "",
        (
            f"Heavy packages imported by the warm seeds run: {', '.join(heavy) if heavy else 'none'} "
            f"(checked: {', '.join(HEAVY)})."
        ),
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", type=int, nargs="*", default=[1000, 10000])
    parser.add_argument("--runs", type=int, default=7, help="timed warm runs per case (default 7)")
    parser.add_argument("--work", type=Path, default=Path("/tmp/newsdigest-startup"))
    parser.add_argument("--tree", type=Path, default=REPO, help="the checkout to measure (default: this one)")
    parser.add_argument("--out", type=Path)
    args = parser.parse_args(argv)
    tree = args.tree.resolve()
    tag = "this" if tree == REPO else re.sub(r"\W+", "-", str(tree)).strip("-")
    args.work.mkdir(parents=True, exist_ok=True)
    info = machine()
    python = baseline(args.runs)
    seeds_home = args.work / f"xdg-{tag}"
    rows = [case("seeds (2 articles)", [], seeds_home / "newsdigest", tree, seeds_home, args.runs)]
    for n in args.sizes:
        directory = corpus(args.work, n)
        cache = args.work / f"cache-{tag}-{n}"
        command = [str(directory), "--cache-dir", str(cache)]
        rows.append(case(f"{n:,} articles", command, cache, tree, seeds_home, args.runs))
    imports, heavy = import_profile(tree, seeds_home)
    report = markdown(rows, python, imports, heavy, info)
    print(report)
    if args.out:
        args.out.write_text(report)
    return 0


if __name__ == "__main__":
    sys.exit(main())
