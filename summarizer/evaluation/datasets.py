"""Evaluation datasets, peer summaries, and jackknifed ROUGE scoring as at DUC 2007.

A *dataset* is JSONL, one topic per line::

    {"id": "...", "title": "...", "narrative": "...",
     "documents": [{"id": "...", "date": "YYYY-MM-DD" | null, "headline": "..." | null,
                    "text": "..."}, ...],
     "references": ["...", ...], "reference_ids": ["A", ...],
     "read": [...]}

(``reference_ids`` is optional; it defaults to ``"1"``, ``"2"``, ...; ``read``, optional, holds
the documents the reader has already read, in the shape of ``documents``: the topic is then an
*update* task, as DUC 2007's clusters B and C).  A
*peers* file is JSONL too, one ``{"topic", "peer", "summary"}`` per line.

Scoring follows the DUC 2007 ROUGE config (``rougejk.in``): a topic with R
references gives R EVALs, each leaving one reference out; a peer is scored in
every EVAL against the other R-1 references (pooled, ``-f A``), each per-EVAL
recall rounded to 5 decimals.  A peer's average is the plain mean of all its
per-EVAL scores; the 95% confidence interval is ROUGE's own bootstrap over
those EVALs (1000 resamples, seeded, deterministic).  A topic with a single
reference gives one EVAL against it (no jackknifing is possible).
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from .rouge import (
    AnalyzedText,
    BootstrapResult,
    RougeConfig,
    RougeScorer,
    bootstrap,
    load_wordnet_exceptions,
    resample_indices,
)

__all__ = [
    "ConfidenceInterval",
    "EvalDocument",
    "EvalRow",
    "EvalTopic",
    "EvaluationDataError",
    "PeerScore",
    "PeerSummary",
    "load_dataset",
    "load_peers",
    "make_scorer",
    "score_peers",
    "score_references",
    "score_summaries",
]

BOOTSTRAP_RESAMPLES = 1000
CONFIDENCE = 95.0


class EvaluationDataError(ValueError):
    """A dataset or peers file (or the data given to a scorer) is malformed.

    ``str(error)`` is ``"PATH:LINE: problem"`` when the file and line are known.
    """

    def __init__(self, problem: str, path: str | os.PathLike[str] | None = None,
                 line: int | None = None) -> None:
        where = ""
        if path is not None:
            where = f"{os.fspath(path)}:{line}: " if line is not None else f"{os.fspath(path)}: "
        super().__init__(where + problem)
        self.problem = problem
        self.path = os.fspath(path) if path is not None else None
        self.line = line


# --------------------------------------------------------------------------
# Data model


@dataclass(frozen=True)
class EvalDocument:
    id: str
    date: str | None
    headline: str | None
    text: str


@dataclass(frozen=True)
class EvalTopic:
    id: str
    title: str
    narrative: str
    documents: tuple[EvalDocument, ...]
    references: tuple[str, ...]
    """Human (model) summaries, one sentence per line."""
    reference_ids: tuple[str, ...]
    """One ID per reference (the assessor at DUC), unique within the topic."""
    read: tuple[EvalDocument, ...] = ()
    """Documents the reader has already read (an update task); empty for a generic one."""


@dataclass(frozen=True)
class PeerSummary:
    topic: str
    peer: str
    summary: str


@dataclass(frozen=True)
class EvalRow:
    """One peer's scores in one EVAL (ROUGE's ``-d`` line); recalls rounded to 5 decimals."""

    topic: str
    peer: str
    model_set_id: str | None
    """The reference left out of this EVAL (``None``: a one-reference topic, nothing left out)."""
    models: tuple[str, ...]
    """IDs of the references the peer was scored against."""
    rouge1: float
    rouge2: float
    su4: float


@dataclass(frozen=True)
class ConfidenceInterval:
    low: float
    high: float
    bootstrap_mean: float
    """The mean of the bootstrap sample means: the number ROUGE prints as its
    average (the project reports the plain mean instead)."""


@dataclass(frozen=True)
class PeerScore:
    """A peer's (system's or method's) ROUGE recall over a dataset."""

    peer: str
    rouge1: float
    rouge2: float
    su4: float
    """Plain means of the per-EVAL recalls (not rounded)."""
    rouge1_ci: ConfidenceInterval
    rouge2_ci: ConfidenceInterval
    su4_ci: ConfidenceInterval
    rows: tuple[EvalRow, ...]
    """Per-EVAL scores, ordered by topic ID then left-out reference ID (ROUGE's order)."""

    @property
    def topics(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(row.topic for row in self.rows))


# --------------------------------------------------------------------------
# Loading


def _read_jsonl(path: str | os.PathLike[str]) -> Iterable[tuple[int, dict[str, Any]]]:
    try:
        with open(path, encoding="utf-8-sig") as handle:
            lines = handle.readlines()
    except FileNotFoundError:
        raise EvaluationDataError("file not found", path) from None
    except (OSError, UnicodeDecodeError) as error:
        raise EvaluationDataError(f"cannot read: {error}", path) from None
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        try:
            value = json.loads(line)
        except json.JSONDecodeError as error:
            raise EvaluationDataError(f"invalid JSON: {error.msg}", path, number) from None
        if not isinstance(value, dict):
            raise EvaluationDataError("expected a JSON object", path, number)
        yield number, value


class _Fields:
    """Typed field access that reports problems with the file and line."""

    def __init__(self, obj: Mapping[str, Any], path: str | os.PathLike[str], line: int,
                 context: str = "") -> None:
        self.obj, self.path, self.line, self.context = obj, path, line, context

    def error(self, problem: str) -> EvaluationDataError:
        return EvaluationDataError(self.context + problem, self.path, self.line)

    def text(self, key: str, *, optional: bool = False, nullable: bool = False,
            nonempty: bool = False) -> str | None:
        if key not in self.obj:
            if optional:
                return None
            raise self.error(f"missing field {key!r}")
        value = self.obj[key]
        if value is None and nullable:
            return None
        if not isinstance(value, str):
            raise self.error(f"field {key!r} must be a string")
        if nonempty and not value.strip():
            raise self.error(f"field {key!r} is empty")
        return value

    def array(self, key: str, *, optional: bool = False) -> list[Any] | None:
        if key not in self.obj:
            if optional:
                return None
            raise self.error(f"missing field {key!r}")
        value = self.obj[key]
        if not isinstance(value, list):
            raise self.error(f"field {key!r} must be a list")
        return value


def load_dataset(path: str | os.PathLike[str]) -> list[EvalTopic]:
    """Read a dataset JSONL file; raise :class:`EvaluationDataError` on any problem."""
    topics: list[EvalTopic] = []
    seen: dict[str, int] = {}
    for number, obj in _read_jsonl(path):
        fields = _Fields(obj, path, number)
        topic_id = fields.text("id", nonempty=True)
        assert topic_id is not None
        if topic_id in seen:
            raise fields.error(f"duplicate topic {topic_id!r} (first on line {seen[topic_id]})")
        seen[topic_id] = number
        fields.context = f"topic {topic_id}: "
        title = fields.text("title") or ""
        narrative = fields.text("narrative") or ""
        documents = _documents(fields, "documents", fields.array("documents") or [], topic_id)
        read = _documents(fields, "read", fields.array("read", optional=True) or [], topic_id)
        references = fields.array("references") or []
        for index, reference in enumerate(references):
            if not isinstance(reference, str):
                raise fields.error(f"references[{index}] must be a string")
        reference_ids = fields.array("reference_ids", optional=True)
        if reference_ids is None:
            reference_ids = [str(i) for i in range(1, len(references) + 1)]
        if not all(isinstance(r, str) and r for r in reference_ids):
            raise fields.error("reference_ids must be non-empty strings")
        if len(reference_ids) != len(references):
            raise fields.error(
                f"{len(reference_ids)} reference_ids for {len(references)} references"
            )
        if len(set(reference_ids)) != len(reference_ids):
            raise fields.error("reference_ids are not unique")
        topics.append(
            EvalTopic(
                id=topic_id,
                title=title,
                narrative=narrative,
                documents=tuple(documents),
                references=tuple(references),
                reference_ids=tuple(reference_ids),
                read=tuple(read),
            )
        )
    return topics


def _documents(fields: _Fields, key: str, values: list[Any], topic_id: str) -> list[EvalDocument]:
    documents = []
    for index, doc in enumerate(values):
        if not isinstance(doc, dict):
            raise fields.error(f"{key}[{index}] must be an object")
        doc_fields = _Fields(doc, fields.path, fields.line, f"topic {topic_id}: {key}[{index}]: ")
        documents.append(
            EvalDocument(
                id=doc_fields.text("id", nonempty=True) or "",
                date=doc_fields.text("date", optional=True, nullable=True),
                headline=doc_fields.text("headline", optional=True, nullable=True),
                text=doc_fields.text("text") or "",
            )
        )
    return documents


def load_peers(
    path: str | os.PathLike[str], topics: Iterable[EvalTopic] | None = None
) -> list[PeerSummary]:
    """Read a peers JSONL file (``topic``, ``peer``, ``summary`` per line).

    With ``topics``, a line naming a topic that is not among them is an error.
    A peer ID may be a JSON string or integer; it is kept as a string.
    """
    known = None if topics is None else {topic.id for topic in topics}
    peers: list[PeerSummary] = []
    seen: dict[tuple[str, str], int] = {}
    for number, obj in _read_jsonl(path):
        fields = _Fields(obj, path, number)
        topic = fields.text("topic", nonempty=True)
        assert topic is not None
        raw_peer = obj.get("peer")
        if isinstance(raw_peer, int) and not isinstance(raw_peer, bool):
            peer = str(raw_peer)
        else:
            peer = fields.text("peer", nonempty=True) or ""
        summary = fields.text("summary") or ""
        if known is not None and topic not in known:
            raise fields.error(f"unknown topic {topic!r}")
        key = (topic, peer)
        if key in seen:
            raise fields.error(
                f"second summary of peer {peer!r} for topic {topic!r} "
                f"(first on line {seen[key]})"
            )
        seen[key] = number
        peers.append(PeerSummary(topic, peer, summary))
    return peers


# --------------------------------------------------------------------------
# Scoring


def make_scorer(words: int | None = 100, exceptions: Mapping[str, str] | None = None) -> RougeScorer:
    """A scorer with the DUC 2007 settings; loads the WordNet exception list if not given."""
    if exceptions is None:
        exceptions = load_wordnet_exceptions()
    return RougeScorer(RougeConfig(words=words), exceptions)


def _evals(topic: EvalTopic) -> list[tuple[str | None, list[int]]]:
    """(left-out reference ID, indices of the references used) for each EVAL of a topic."""
    count = len(topic.references)
    if count == 0:
        raise EvaluationDataError(f"topic {topic.id} has no references to score against")
    if count == 1:
        return [(None, [0])]
    order = sorted(range(count), key=lambda i: topic.reference_ids[i])
    return [(topic.reference_ids[out], [i for i in range(count) if i != out]) for out in order]


class _TopicModels:
    """A topic's references, analyzed once."""

    def __init__(self, topic: EvalTopic, scorer: RougeScorer) -> None:
        self.topic = topic
        self.analyzed: list[AnalyzedText] = [scorer.analyze(text) for text in topic.references]
        self.evals = _evals(topic)


def _rows_for(scorer: RougeScorer, models: _TopicModels, peer: str, text: str,
              only_left_out: str | None = None) -> list[EvalRow]:
    analyzed = scorer.analyze(text)
    rows = []
    for left_out, used in models.evals:
        if only_left_out is not None and left_out != only_left_out:
            continue
        scores = scorer.score_analyzed(analyzed, [models.analyzed[i] for i in used])
        rows.append(
            EvalRow(
                topic=models.topic.id,
                peer=peer,
                model_set_id=left_out,
                models=tuple(models.topic.reference_ids[i] for i in used),
                rouge1=scores.rouge1.recall,
                rouge2=scores.rouge2.recall,
                su4=scores.su4.recall,
            )
        )
    return rows


def _aggregate(peer: str, rows: Sequence[EvalRow],
               index_tables: dict[int, np.ndarray]) -> PeerScore:
    ordered = sorted(rows, key=lambda r: (r.topic, r.model_set_id or ""))
    n = len(ordered)
    if n == 0:
        raise EvaluationDataError(f"peer {peer!r} has no summary for any topic")
    if n not in index_tables:
        index_tables[n] = resample_indices(n, BOOTSTRAP_RESAMPLES)
    indices = index_tables[n]

    def summarize(values: list[float]) -> tuple[float, ConfidenceInterval]:
        result: BootstrapResult = bootstrap(values, confidence=CONFIDENCE, indices=indices)
        mean = sum(values) / n
        return mean, ConfidenceInterval(result.low, result.high, result.mean)

    r1, r1_ci = summarize([r.rouge1 for r in ordered])
    r2, r2_ci = summarize([r.rouge2 for r in ordered])
    su4, su4_ci = summarize([r.su4 for r in ordered])
    return PeerScore(peer, r1, r2, su4, r1_ci, r2_ci, su4_ci, tuple(ordered))


def _models_by_topic(topics: Iterable[EvalTopic], scorer: RougeScorer) -> dict[str, _TopicModels]:
    models: dict[str, _TopicModels] = {}
    for topic in topics:
        if topic.id in models:
            raise EvaluationDataError(f"topic {topic.id!r} given twice")
        models[topic.id] = _TopicModels(topic, scorer)
    return models


def score_peers(
    topics: Sequence[EvalTopic],
    peers: Iterable[PeerSummary],
    words: int | None = 100,
    *,
    scorer: RougeScorer | None = None,
) -> list[PeerScore]:
    """Score every peer with jackknifing over each topic's references.

    A peer is scored on the topics it has a summary for (ROUGE skips missing
    ones too).  Results come in the order each peer first appears in
    ``peers``.  ``words`` is ROUGE's ``-l`` (``None``: no limit); ``scorer``
    overrides ``words`` and the exception list.
    """
    scorer = scorer or make_scorer(words)
    models = _models_by_topic(topics, scorer)
    rows: dict[str, list[EvalRow]] = {}
    for item in peers:
        topic_models = models.get(item.topic)
        if topic_models is None:
            raise EvaluationDataError(
                f"peer {item.peer!r} has a summary for unknown topic {item.topic!r}"
            )
        rows.setdefault(item.peer, []).extend(
            _rows_for(scorer, topic_models, item.peer, item.summary)
        )
    tables: dict[int, np.ndarray] = {}
    return [_aggregate(peer, peer_rows, tables) for peer, peer_rows in rows.items()]


def score_summaries(
    topics: Sequence[EvalTopic],
    summaries: Mapping[str, str],
    words: int | None = 100,
    *,
    name: str = "summary",
    scorer: RougeScorer | None = None,
) -> PeerScore:
    """Score one summary per topic (e.g. a method's output) as the peer ``name``.

    ``summaries`` maps topic ID to summary text and must cover every topic in
    ``topics`` (pass a subset of the topics to score a subset).  Sentences
    should be on separate lines as in DUC files; ``-l words`` keeps the first
    ``words`` whitespace tokens, as ROUGE does.
    """
    known = {topic.id for topic in topics}
    unknown = sorted(set(summaries) - known)
    if unknown:
        raise EvaluationDataError(f"summaries for unknown topics: {', '.join(unknown)}")
    missing = [topic.id for topic in topics if topic.id not in summaries]
    if missing:
        raise EvaluationDataError(f"no summary of {name!r} for topics: {', '.join(missing)}")
    peers = [PeerSummary(topic.id, name, summaries[topic.id]) for topic in topics]
    return score_peers(topics, peers, words, scorer=scorer)[0]


def score_references(
    topics: Sequence[EvalTopic],
    words: int | None = 100,
    *,
    scorer: RougeScorer | None = None,
) -> list[PeerScore]:
    """Score each human reference as a peer against the other references of its topic.

    As in the DUC config, a reference is scored once per topic, in the EVAL
    that leaves it out.  Peers are the reference IDs (assessors), in order of
    first appearance; topics with fewer than two references are skipped.
    """
    scorer = scorer or make_scorer(words)
    models = _models_by_topic(topics, scorer)
    rows: dict[str, list[EvalRow]] = {}
    for topic_models in models.values():
        topic = topic_models.topic
        if len(topic.references) < 2:
            continue
        for ref_id, text in zip(topic.reference_ids, topic.references):
            rows.setdefault(ref_id, []).extend(
                _rows_for(scorer, topic_models, ref_id, text, only_left_out=ref_id)
            )
    tables: dict[int, np.ndarray] = {}
    return [_aggregate(peer, peer_rows, tables) for peer, peer_rows in rows.items()]
