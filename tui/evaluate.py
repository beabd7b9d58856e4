"""``newsdigest eval``: ROUGE tables for the engine's methods, or for summaries made elsewhere."""

from __future__ import annotations

import argparse
import io
import json
from typing import TextIO

from summarizer import METHODS, NewsdigestError, UnknownMethodError, write_atomically

COLUMNS = ("method", "R-1", "R-2", "R-2 95% CI", "SU4", "SU4 95% CI", "s/topic")


class EvaluationFailed(NewsdigestError):
    pass


def run_eval(args: argparse.Namespace, stdout: TextIO, stderr: TextIO) -> int:
    try:
        from summarizer import (EvaluationDataError, ExceptionListNotFound, load_dataset, load_peers, make_scorer,
                                score_peers)
    except ImportError as error:  # pragma: no cover - depends on the installation
        raise EvaluationFailed(f"evaluation is not installed ({error}); pip install 'newsdigest[eval]'") from None
    methods = args.method or list(METHODS)
    for method in methods:
        if method not in METHODS:
            raise UnknownMethodError(method, list(METHODS))
    try:
        topics = load_dataset(args.dataset)
        if args.peers:
            peers = load_peers(args.peers, topics)
            scores = score_peers(topics, peers, args.words, scorer=make_scorer(args.words))
            rows = [(score, None) for score in scores]
            saved = [{"topic": p.topic, "method": p.peer, "summary": p.summary} for p in peers]
        else:
            from summarizer import evaluate_methods

            results = evaluate_methods(topics, methods, args.words, use_read=not args.ignore_read)
            rows = [(r.score, r.seconds_per_topic) for r in results]
            saved = [
                {"topic": t.id, "method": r.method, "summary": r.summaries[t.id]} for r in results for t in topics
            ]
    except (EvaluationDataError, ExceptionListNotFound) as error:
        raise EvaluationFailed(str(error)) from None
    if args.save:
        try:
            write_atomically(args.save, "".join(json.dumps(row, ensure_ascii=False) + "\n" for row in saved))
        except OSError as error:
            raise EvaluationFailed(f"{args.save}: cannot write: {error.strerror or error} (nothing was changed)") from None
    out = io.StringIO()
    render = {"table": _table, "tsv": _tsv, "json": _json, "markdown": _markdown}[args.format]
    render(rows, out, args)
    if args.output:
        write_atomically(args.output, out.getvalue())
    else:
        stdout.write(out.getvalue())
    return 0


def _cells(score, seconds) -> list[str]:
    return [
        score.peer,
        f"{score.rouge1:.5f}",
        f"{score.rouge2:.5f}",
        f"{score.rouge2_ci.low:.5f}-{score.rouge2_ci.high:.5f}",
        f"{score.su4:.5f}",
        f"{score.su4_ci.low:.5f}-{score.su4_ci.high:.5f}",
        "" if seconds is None else f"{seconds:.2f}",
    ]


def _table(rows, out: TextIO, args) -> None:
    cells = [list(COLUMNS)] + [_cells(s, t) for s, t in rows]
    widths = [max(len(row[i]) for row in cells) for i in range(len(COLUMNS))]
    for row in cells:
        out.write("  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(row, widths))).rstrip() + "\n")
    out.write(f"ROUGE recall at {args.words} words, plain mean over {len(rows[0][0].rows) if rows else 0} EVALs "
              "(jackknifed references); 95% bootstrap intervals\n")


def _tsv(rows, out: TextIO, args) -> None:
    if args.per_eval:
        out.write("topic\tpeer\tmodel_set_id\tr1\tr2\tsu4\n")
        for score, _ in rows:
            for row in score.rows:
                out.write(f"{row.topic}\t{row.peer}\t{row.model_set_id or ''}\t{row.rouge1:.5f}\t{row.rouge2:.5f}\t{row.su4:.5f}\n")
        return
    out.write("method\trouge1\trouge2\trouge2_ci_low\trouge2_ci_high\tsu4\tsu4_ci_low\tsu4_ci_high\tseconds_per_topic\n")
    for score, seconds in rows:
        out.write(
            f"{score.peer}\t{score.rouge1:.5f}\t{score.rouge2:.5f}\t{score.rouge2_ci.low:.5f}\t{score.rouge2_ci.high:.5f}"
            f"\t{score.su4:.5f}\t{score.su4_ci.low:.5f}\t{score.su4_ci.high:.5f}\t{'' if seconds is None else f'{seconds:.3f}'}\n"
        )


def _json(rows, out: TextIO, args) -> None:
    data = {
        "words": args.words,
        "results": [
            {
                "method": score.peer,
                "rouge1": round(score.rouge1, 5),
                "rouge2": round(score.rouge2, 5),
                "rouge2_ci": [score.rouge2_ci.low, score.rouge2_ci.high],
                "su4": round(score.su4, 5),
                "su4_ci": [score.su4_ci.low, score.su4_ci.high],
                "seconds_per_topic": None if seconds is None else round(seconds, 3),
                "per_eval": [
                    {"topic": r.topic, "model_set_id": r.model_set_id, "r1": r.rouge1, "r2": r.rouge2, "su4": r.su4}
                    for r in score.rows
                ] if args.per_eval else None,
            }
            for score, seconds in rows
        ],
    }
    out.write(json.dumps(data, indent=2) + "\n")


def _markdown(rows, out: TextIO, args) -> None:
    out.write("| " + " | ".join(COLUMNS) + " |\n")
    out.write("|" + "|".join("---" if i == 0 else "---:" for i in range(len(COLUMNS))) + "|\n")
    for score, seconds in rows:
        out.write("| " + " | ".join(_cells(score, seconds)) + " |\n")
