"""Plain text as people write it: paragraph shapes and appended publisher appeals.

For each page of ``realworld-pages`` (``expected/ID.txt``: the article's main text, paragraphs
separated by blank lines) the text is written in several shapes and read through the project's
real text path (``parse_input`` on a ``.txt`` file, then ``ArticleParser``):

- ``blank-line``: paragraphs separated by a blank line (as given);
- ``one-per-line``: one paragraph per line, no blank lines;
- ``wrapped-72`` / ``wrapped-60``: hard-wrapped at 72 / 60 columns, blank lines between paragraphs;
- ``wrapped-72-tight``: hard-wrapped at 72 columns *without* blank lines, a paragraph ending where
  its last line ends short (what a greedy wrapper leaves) - a paragraph whose last line happens to
  fill the width cannot be told apart and is counted as a miss;
- ``wrapped-72-indent``: hard-wrapped at 72 columns without blank lines, first lines indented.

Reported per shape: word recall of the body sentences against the expected text (lower-case word
tokens, clipped counts), paragraphs found against expected (exact-count rate, mean absolute
error), and sentences that cross a paragraph boundary. Paragraphs found are the article's blocks
(body, heading, metadata, boilerplate), with blocks that share a line (a date fused to the first
sentence, a credit glued to a paragraph) counted once.

Then appeals: eight publisher boxes written for this benchmark (invented publishers; none is a
real publisher's wording) are appended to each expected text in the blank-line, one-per-line and
wrapped-72 shapes. Reported: the share of appeals fully excluded (no body sentence overlaps them),
and the article words kept (recall of the original text by the body sentences before the appeal,
against the same text without the appeal).

Last, when the DUC 2007 sets are beside the pages (``../shared/data/duc2007-*/topics.jsonl``):
their newswire documents (paragraphs separated by blank lines) written in the same shapes and
split by ``paragraph_spans`` alone, the part that decides the shape, as a larger check of it on
news no rule was written for: the share of documents, and of runs of three paragraphs (short
texts, where the shape is judged on few lines), whose paragraphs all come out exactly.

Run: ``python -m bench.reading_text [PAGES_DIR]`` (default ``../shared/data/realworld-pages``).
"""

from __future__ import annotations

import re
import sys
import textwrap
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from statistics import mean

_WORD = re.compile(r"\w+")

# Eight appeal styles (invented wording and publishers). Paragraphs separated by blank lines.
APPEALS: dict[str, str] = {
    "donation, header line": (
        "A Message from the Harbour Ledger:\n\n"
        "Dear readers,\n\n"
        "Independent reporting costs money, and we rely on readers like you to keep our newsroom open. "
        "If you can, please make a donation today, from just $3.\n\n"
        "Thank you for standing with us.\n\n"
        "Donate now\n\n"
        "Maybe later"
    ),
    "membership pitch": (
        "Become a member\n\n"
        "Our reporters have spent months covering this story. Members fund that work and get early access "
        "to our investigations. Join today for $5 a month and cancel anytime."
    ),
    "newsletter box": (
        "Sign up for The Morning Brief\n\n"
        "Get the day's top stories delivered to your inbox every weekday morning. Enter your email address "
        "below.\n\n"
        "By signing up, you agree to our privacy policy. You can unsubscribe at any time."
    ),
    "support independent journalism": (
        "Support independent journalism\n\n"
        "We don't put our reporting behind a paywall, because we believe everyone deserves access to accurate "
        "news. That only works with support from readers. Please consider a contribution of any size."
    ),
    "before you go": (
        "Before you go\u2026\n\n"
        "This article was free to read, and we'd like to keep it that way. Every contribution, however small, "
        "helps fund our journalism for the long term. Give once or give monthly \u2013 it takes less than a "
        "minute."
    ),
    "paywall prompt": (
        "You've read 3 of 5 free articles this month. Subscribe now for unlimited access to all of our "
        "coverage. Already a subscriber? Log in."
    ),
    "credit line": "(Reporting by Ilse Varga in Corlin; additional reporting by Tomas Brenn; Editing by Nadia Quell)",
    "copyright and cookie footer": (
        "\u00a9 2024 Northgate Media Group. All rights reserved. This material may not be republished "
        "without permission.\n\n"
        "We use cookies to personalise content and improve your experience. Manage preferences or accept all "
        "cookies to continue."
    ),
}


@dataclass(frozen=True)
class Shape:
    name: str
    write: Callable[[list[str]], tuple[str, list[tuple[int, int]]]]
    """Paragraphs to (text, span of each paragraph in the text)."""


def _join(pieces: list[str], separator: str) -> tuple[str, list[tuple[int, int]]]:
    spans, pos = [], 0
    for piece in pieces:
        spans.append((pos, pos + len(piece)))
        pos += len(piece) + len(separator)
    return separator.join(pieces), spans


def _wrap(width: int, separator: str, indent: str = "") -> Callable[[list[str]], tuple[str, list[tuple[int, int]]]]:
    def write(paragraphs: list[str]) -> tuple[str, list[tuple[int, int]]]:
        wrapped = [
            textwrap.fill(p, width, initial_indent=indent, break_long_words=False, break_on_hyphens=False)
            for p in paragraphs
        ]
        return _join(wrapped, separator)

    return write


SHAPES = (
    Shape("blank-line", lambda ps: _join(ps, "\n\n")),
    Shape("one-per-line", lambda ps: _join(ps, "\n")),
    Shape("wrapped-72", _wrap(72, "\n\n")),
    Shape("wrapped-60", _wrap(60, "\n\n")),
    Shape("wrapped-72-tight", _wrap(72, "\n")),
    Shape("wrapped-72-indent", _wrap(72, "\n", "    ")),
)
APPEAL_SHAPES = ("blank-line", "one-per-line", "wrapped-72")


def words(text: str) -> Counter[str]:
    return Counter(_WORD.findall(text.lower()))


def recall(got: Counter[str], wanted: Counter[str]) -> float:
    total = sum(wanted.values())
    return sum((got & wanted).values()) / total if total else 0.0


def parse(text: str, name: str):
    """The project's real text path: a ``.txt`` input through ``parse_input``, then ``ArticleParser``."""
    from summarizer.reading.articles import ArticleParser
    from summarizer.reading.inputs import InputFile, parse_input

    (raw,) = parse_input(InputFile(f"{name}.txt", name, named=True), text.encode("utf-8"), lambda error: None)
    return ArticleParser()(raw.text, raw.meta)


def paragraphs_found(article) -> int:
    """Blocks, counting once the blocks that share a line (pieces of one paragraph)."""
    count, previous_end = 0, None
    for block in article.blocks:
        if previous_end is None or "\n" in article.text[previous_end : block.start]:
            count += 1
        previous_end = block.end
    return count


def _crossing(article, spans: list[tuple[int, int]]) -> int:
    starts = [s for s, _ in spans]
    crossing = 0
    for sentence in article.sentences:
        first = _paragraph_at(starts, sentence.start)
        last = _paragraph_at(starts, sentence.end - 1)
        crossing += first != last
    return crossing


def _paragraph_at(starts: list[int], offset: int) -> int:
    import bisect

    return bisect.bisect_right(starts, offset) - 1


def paragraphs_of(text: str) -> list[str]:
    """The paragraphs of a text written with blank lines between them, each on one line."""
    return [" ".join(p.split()) for p in text.split("\n\n") if p.strip()]


def load_expected(pages_dir: Path) -> dict[str, list[str]]:
    pages = {}
    for path in sorted((pages_dir / "expected").glob("*.txt")):
        paragraphs = paragraphs_of(path.read_text(encoding="utf-8"))
        if paragraphs:
            pages[path.stem] = paragraphs
    return pages


def text_report(pages_dir: Path) -> str:
    pages = load_expected(pages_dir)
    out = ["## Plain text: paragraph shapes", ""]
    if not pages:
        return "\n".join(out + [f"(no expected texts under `{pages_dir}/expected`)", ""])
    out += [
        f"{len(pages)} expected texts of `{pages_dir.name}`, each written in every shape and read through "
        "`parse_input` (`.txt`) and `ArticleParser`. `tight`: wrapped without blank lines (a paragraph ends "
        "where its last line ends short); `indent`: wrapped without blank lines, first lines indented.",
        "",
        "| shape | word recall | paragraphs exact | paragraphs mean abs error | sentences crossing a paragraph |",
        "|---|---:|---:|---:|---:|",
    ]
    for shape in SHAPES:
        recalls, exact, errors, crossing = [], 0, [], 0
        for page_id, paragraphs in pages.items():
            text, spans = shape.write(paragraphs)
            article = parse(text, page_id)
            body = " ".join(s.text for s in article.sentences)
            recalls.append(recall(words(body), words("\n".join(paragraphs))))
            found = paragraphs_found(article)
            exact += found == len(paragraphs)
            errors.append(abs(found - len(paragraphs)))
            crossing += _crossing(article, spans)
        out.append(
            f"| {shape.name} | {mean(recalls):.3f} | {exact / len(pages):.2f} | {mean(errors):.2f} | {crossing} |"
        )

    out += [
        "",
        "## Plain text: appended appeals",
        "",
        f"Each of {len(APPEALS)} publisher boxes written for this benchmark (invented wording) appended to every "
        "expected text; `excluded`: no body sentence overlaps the appeal; `kept`: recall of the article's words "
        "by the body sentences before the appeal, over the same recall without the appeal.",
        "",
        "| appeal | " + " | ".join(f"{s} excluded | {s} kept" for s in APPEAL_SHAPES) + " |",
        "|---|" + "---:|---:|" * len(APPEAL_SHAPES),
    ]
    shapes = {shape.name: shape for shape in SHAPES}
    baseline: dict[tuple[str, str], float] = {}
    totals = {name: ([], []) for name in APPEAL_SHAPES}
    for appeal_name, appeal in APPEALS.items():
        appeal_paragraphs = [" ".join(p.split()) for p in appeal.split("\n\n")]
        cells = []
        for shape_name in APPEAL_SHAPES:
            shape = shapes[shape_name]
            excluded, kept = [], []
            for page_id, paragraphs in pages.items():
                wanted = words("\n".join(paragraphs))
                key = (shape_name, page_id)
                if key not in baseline:
                    plain = parse(shape.write(paragraphs)[0], page_id)
                    baseline[key] = recall(words(" ".join(s.text for s in plain.sentences)), wanted)
                text, spans = shape.write(paragraphs + appeal_paragraphs)
                appeal_start = spans[len(paragraphs)][0]
                article = parse(text, page_id)
                excluded.append(all(s.end <= appeal_start for s in article.sentences))
                before = " ".join(s.text for s in article.sentences if s.end <= appeal_start)
                base = baseline[key]
                kept.append(recall(words(before), wanted) / base if base else 1.0)
            totals[shape_name][0].extend(excluded)
            totals[shape_name][1].extend(kept)
            cells.append(f"{mean(excluded):.2f} | {mean(kept):.3f}")
        out.append(f"| {appeal_name} | " + " | ".join(cells) + " |")
    out.append(
        "| **all** | "
        + " | ".join(f"**{mean(totals[s][0]):.2f}** | **{mean(totals[s][1]):.3f}**" for s in APPEAL_SHAPES)
        + " |"
    )
    out.append("")
    out.append(newswire_report(pages_dir.parent))
    return "\n".join(out)


def load_newswire(data_dir: Path) -> dict[str, list[str]]:
    """Paragraphs of each DUC 2007 document under ``data_dir`` (deduplicated by document id)."""
    import json

    docs: dict[str, list[str]] = {}
    for topics in sorted(data_dir.glob("duc2007-*/topics.jsonl")):
        with topics.open(encoding="utf-8") as lines:
            for line in lines:
                for doc in json.loads(line).get("documents", ()):
                    paragraphs = paragraphs_of(doc["text"])
                    if paragraphs:
                        docs[doc["id"]] = paragraphs
    return docs


def newswire_report(data_dir: Path) -> str:
    from summarizer.reading.paragraphs import paragraph_spans

    docs = load_newswire(data_dir)
    out = ["## Plain text: paragraph shapes on newswire", ""]
    if not docs:
        return "\n".join(out + [f"(no `duc2007-*/topics.jsonl` under `{data_dir}`)", ""])

    def exact(shape: Shape, paragraphs: list[str]) -> bool:
        text, _ = shape.write(paragraphs)
        return [" ".join(text[s:e].split()) for s, e in paragraph_spans(text)] == paragraphs

    out += [
        f"{len(docs)} newswire documents of the DUC 2007 sets, each written in every shape and split by "
        "`paragraph_spans`; `runs of 3`: every third run of three paragraphs, as a short text of its own.",
        "",
        "| shape | documents exact | runs of 3 exact |",
        "|---|---:|---:|",
    ]
    for shape in SHAPES:
        whole = [exact(shape, paragraphs) for paragraphs in docs.values()]
        runs = [
            exact(shape, paragraphs[i : i + 3])
            for paragraphs in docs.values()
            for i in range(0, max(1, len(paragraphs) - 2), 3)
            if len(paragraphs[i : i + 3]) >= 2
        ]
        out.append(
            f"| {shape.name} | {mean(whole):.3f} ({len(whole) - sum(whole)} wrong) | "
            f"{mean(runs):.3f} ({len(runs) - sum(runs)} of {len(runs)} wrong) |"
        )
    out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))
    default = Path(__file__).resolve().parents[2] / "shared" / "data" / "realworld-pages"
    print(text_report(Path(sys.argv[1]) if len(sys.argv) > 1 else default))
