"""How quickly the app answers: launch to first summary, a topic toggle and a method switch.

    python bench/app_latency.py                 # print the results as Markdown
    python bench/app_latency.py -o bench/results/app-latency.md

1. Launch: a fresh ``python`` process per repetition, through the command line's own import path
   (``tui.cli``, then ``run_app``'s ``make_app``), run headless; the time from before the process
   starts to the frame that shows the first summary. The child also reports where the time went
   (imports, load, ranking, paint). On the seed articles, then on a generated corpus of 1,000
   articles (``bench/make_corpus.py``, seed 7) with a warm index (one run builds it first, in a
   cache directory of the benchmark's own).
2. Toggle: one app on the same 1,000 articles (warm), driven with Pilot: the time from pressing
   space on a topic to the repainted summary. Measured cached (the topic was ranked before, or
   ranked ahead in the background: the app's common case), cold for the one topic toggled on
   (its summaries dropped from the session's cache first), and with every selected topic ranked
   again.
3. Method switch: ``m`` from topical to lexrank (nothing ranked with lexrank before): the time to
   the repainted summary, and the longest the event loop went without running a 10 ms timer
   meanwhile (how long the interface was blocked).
"""

from __future__ import annotations

import argparse
import asyncio
import functools
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import time
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

CHILD = r"""
import json, sys, time
t0 = float(sys.argv[1])
marks = {"python_started": time.time() - t0}
import tui.__main__                                  # as the console script starts
tui.__main__.prepare()
import tui.cli as cli                                # the command line's imports (the engine among them)
marks["cli_imported"] = time.time() - t0
from tui.app.main import make_app
import textual.app
marks["textual_imported"] = time.time() - t0
request = cli.request_from(cli.get_args(["app", *sys.argv[2:]]))
app = make_app(request)
times = {}

def first_paint():
    times.setdefault("first_paint", time.time() - t0)

def summary_painted():
    times["first_summary"] = time.time() - t0
    app.exit()

def digest_changed(digest):
    if digest is not None and digest.summaries and "digest_ready" not in times:
        times["digest_ready"] = time.time() - t0
        app.call_after_refresh(summary_painted)

def ready():
    app.call_after_refresh(first_paint)
    # Told when the screen's digest changes (a timer polling for it would wake the event loop
    # every few milliseconds and take the interpreter from the worker that loads the articles).
    app.screen.watch(app.screen, "digest", digest_changed, init=False)

app.call_later(ready)
app.run(headless=True, size=(80, 24))
print(json.dumps({**marks, **times}))
"""


def measure_launch(repetitions: int, args: tuple[str, ...] = ()) -> list[dict[str, float]]:
    env = {**os.environ, "NEWSDIGEST_TOPICS": "/nonexistent/newsdigest-bench.toml", "PYTHONPATH": str(ROOT)}
    runs = []
    for _ in range(repetitions):
        started = time.time()
        out = subprocess.run([sys.executable, "-c", CHILD, repr(started), *args], capture_output=True, text=True,
                             env=env, cwd=ROOT, check=True)
        runs.append(json.loads(out.stdout.strip().splitlines()[-1]))
    return runs


async def measure_toggles(folder: Path, cache_dir: Path, repetitions: int) -> dict[str, object]:

    from tui.app.main import make_app
    from tui.app.pilot import settle
    from tui.app.screens.main import MainScreen
    from tui.app.widgets.summary_view import SummaryView
    from tui.app.widgets.topic_list import TopicList
    from summarizer import Request

    app = make_app(Request(paths=(str(folder),), cache_dir=cache_dir))

    results: dict[str, object] = {}
    async with app.run_test(size=(160, 48)) as pilot:
        started = time.perf_counter()
        await settle(app, pilot)
        results["load_seconds"] = time.perf_counter() - started
        screen = app.screen
        assert isinstance(screen, MainScreen)
        results["articles"] = len(screen.digest.articles)
        results["sentences"] = len(app.session.corpus.sentences)
        topics = screen.query_one(TopicList)
        view = screen.query_one(SummaryView)
        topics.focus()
        topics.highlighted = 0  # "aid"
        name = topics.names[0]

        async def toggle() -> float:
            """Seconds from the key press to the repainted summary."""
            expect_on = name not in topics.checked
            start = time.perf_counter()
            await pilot.press("space")
            while True:
                shown = [e.summary.topic.name for e in view.entries if e.kind == "topic"]
                if (name in shown) == expect_on and screen.digest is not None:
                    break
                await pilot.pause()
            await pilot.pause()  # the frame with the new summary
            return time.perf_counter() - start

        def forget(topic_name: str | None) -> None:
            cache = app.session._cache
            for key in list(cache):
                if topic_name is None or key[0].name == topic_name:
                    del cache[key]

        cached, cold_one, cold_all, off = [], [], [], []
        for _ in range(repetitions):
            off.append(await toggle())          # off: nothing to rank
            cached.append(await toggle())       # on again: ranked before, from the cache
            off.append(await toggle())
            forget(name)
            cold_one.append(await toggle())     # on, ranked anew: the Digester for that topic
            off.append(await toggle())
            forget(None)
            cold_all.append(await toggle())     # on, every selected topic ranked anew
        results.update(off=off, cached=cached, cold_one=cold_one, cold_all=cold_all,
                       engine_seconds=screen.last_digest_seconds)

        # The method switch: m from topical to lexrank, nothing ranked with lexrank yet.
        from summarizer import METHODS

        assert METHODS[METHODS.index("topical") + 1] == "lexrank"
        switch, stalls = [], []
        for _ in range(repetitions):
            screen.method = "topical"
            await settle(app, pilot)
            forget_method = [key for key in app.session._cache if key[1] == "lexrank"]
            for key in forget_method:
                del app.session._cache[key]
            ticks: list[float] = []
            timer = app.set_interval(0.01, functools.partial(record_tick, ticks))
            before = screen.digest
            start = time.perf_counter()
            await pilot.press("m")
            while screen.digest is before or screen.method != "lexrank":
                await asyncio.sleep(0.005)
            await pilot.pause()
            switch.append(time.perf_counter() - start)
            timer.stop()
            gaps = [b - a for a, b in zip([start, *ticks], ticks)]
            stalls.append(max(gaps) if gaps else switch[-1])
        results.update(switch=switch, stall=stalls)
    return results


def record_tick(ticks: list[float]) -> None:
    ticks.append(time.perf_counter())


def engine_per_topic(folder: Path) -> dict[str, float]:
    from summarizer import BUILTIN_TOPICS, Corpus, Digester, load_articles

    corpus = Corpus(load_articles([str(folder)]))
    out = {}
    for topic in BUILTIN_TOPICS:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            Digester()(corpus, [topic])
            times.append(time.perf_counter() - start)
        out[topic.name] = statistics.median(times)
    return out


def ms(values: list[float]) -> str:
    return f"{statistics.median(values) * 1000:.0f} ms (min {min(values) * 1000:.0f}, max {max(values) * 1000:.0f})"


def report(launch: list[dict[str, float]], big: dict[str, object], toggles: dict[str, object],
           engine: dict[str, float], reps: int) -> str:
    def col(key: str, runs: list[dict[str, float]] = launch) -> list[float]:
        return [run[key] for run in runs if key in run]

    warm = big["warm"]

    lines = [
        f"## {date.today().isoformat()}: {platform.node() or 'this machine'}",
        "",
        f"Machine: {os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0)) if hasattr(os, 'sched_getaffinity') else '?'}), "
        f"Python {platform.python_version()}, {platform.system()} {platform.machine()}; "
        f"{reps} repetitions, medians.",
        "",
        "### Launch to the first painted summary (seed articles, 80x24, headless)",
        "",
        "| step (time since before the process started) | median |",
        "| --- | --- |",
        f"| Python started | {ms(col('python_started'))} |",
        f"| `tui.cli` imported (it imports the engine: sumy, nltk, scipy) | {ms(col('cli_imported'))} |",
        f"| Textual imported | {ms(col('textual_imported'))} |",
        f"| first frame painted (loading panel) | {ms(col('first_paint'))} |",
        f"| digest ready (load, corpus, ranking in workers) | {ms(col('digest_ready'))} |",
        f"| **first summary painted** (target < 0.5 s) | **{ms(col('first_summary'))}** |",
        "",
        f"### Launch to the first painted summary, {toggles['articles']:,} articles, warm index (80x24, headless)",
        "",
        f"The first run (it builds the index) took {big['cold']['first_summary'] * 1000:.0f} ms to the first summary.",
        "",
        "| step (time since before the process started) | median |",
        "| --- | --- |",
        f"| first frame painted (loading panel) | {ms(col('first_paint', warm))} |",
        f"| digest ready | {ms(col('digest_ready', warm))} |",
        f"| **first summary painted** (target < 1 s) | **{ms(col('first_summary', warm))}** |",
        "",
        f"### Topic toggle on {toggles['articles']:,} generated articles ({toggles['sentences']:,} sentences), "
        "through the app with Pilot (160x48)",
        "",
        f"Loading the corpus in the app took {toggles['load_seconds']:.1f} s (reading and parsing files, then the Corpus).",
        "",
        "| toggle | median (targets: < 50 ms cached, < 150 ms not yet ranked) |",
        "| --- | --- |",
        f"| topic off (no ranking) | {ms(toggles['off'])} |",
        f"| topic on, ranked before (the app's per-topic cache) | {ms(toggles['cached'])} |",
        f"| topic on, its Digester run anew (cold) | {ms(toggles['cold_one'])} |",
        f"| topic on, every selected topic's Digester run anew | {ms(toggles['cold_all'])} |",
        "",
        "| method switch to `lexrank` (`m`), nothing ranked with it before | median (target < 2 s, never blocking) |",
        "| --- | --- |",
        f"| to the repainted summary | {ms(toggles['switch'])} |",
        f"| longest the event loop was blocked meanwhile | {ms(toggles['stall'])} |",
        "",
        "Engine alone, `Digester()(corpus, [topic])` on the same corpus (median of 3): "
        + ", ".join(f"{name} {seconds * 1000:.0f} ms" for name, seconds in engine.items()) + ".",
        "",
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-n", "--repetitions", type=int, default=5)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("-o", "--output", type=Path, help="append the results to this Markdown file")
    args = parser.parse_args(argv)
    os.environ["NEWSDIGEST_TOPICS"] = "/nonexistent/newsdigest-bench.toml"

    launch = measure_launch(args.repetitions)
    from make_corpus import make_corpus  # bench/ is on the path when run as a script

    with tempfile.TemporaryDirectory(prefix="newsdigest-bench-") as tmp:
        folder, cache_dir = Path(tmp) / "articles", Path(tmp) / "cache"
        folder.mkdir()
        make_corpus(folder, args.articles, seed=7)
        app_args = (str(folder), "--cache-dir", str(cache_dir))
        big = {"cold": measure_launch(1, app_args)[0], "warm": measure_launch(args.repetitions, app_args)}
        toggles = asyncio.run(measure_toggles(folder, cache_dir, args.repetitions))
        engine = engine_per_topic(folder)
    text = report(launch, big, toggles, engine, args.repetitions)
    print(text)
    if args.output:
        with args.output.open("a", encoding="utf-8") as handle:
            handle.write(text + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
