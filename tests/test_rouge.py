"""ROUGE-1.5.5 reimplementation: hand-computed cases, jackknifing, and a calibration
against the official DUC 2007 scores when the benchmark data is present."""

from __future__ import annotations

import csv
import json
from collections import defaultdict
from pathlib import Path

import pytest

from summarizer.evaluation.datasets import (
    EvalTopic,
    EvaluationDataError,
    load_dataset,
    load_peers,
    score_peers,
    score_references,
    score_summaries,
)
from summarizer.evaluation.rouge import (
    RougeConfig,
    RougeScorer,
    bootstrap,
    load_wordnet_exceptions,
    ngram_counts,
    perl_rand_indices,
    porter_stem,
    round5,
    skip_bigram_counts,
    tokenize,
    truncate_words,
)

PLAIN = RougeScorer(RougeConfig(words=None, stem=False))
"""No word limit and no stemming: counts are easy to do by hand."""


# --------------------------------------------------------------------------
# Reading, the word limit, tokenizing


def test_truncate_keeps_first_n_whitespace_tokens_and_lowercases() -> None:
    text = "One two-three\n\nFour, five six"
    assert truncate_words(text, 3) == "one two-three four,"
    assert truncate_words(text, None) == "one two-three four, five six"
    assert truncate_words(text, 100) == "one two-three four, five six"


def test_truncate_counts_a_leading_space_as_a_token() -> None:
    # perl's split(/\s+/) keeps a leading empty field: " one two" is 3 tokens.
    assert tokenize(" one two\nthree", words=3, stem=False) == ["one", "two"]
    assert tokenize("one two\nthree", words=3, stem=False) == ["one", "two", "three"]


def test_truncation_happens_before_tokenizing() -> None:
    # "well-known" is one whitespace token but two ROUGE tokens.
    assert tokenize("Well-known fact here", words=2, stem=False) == ["well", "known", "fact"]


def test_every_non_alphanumeric_ascii_character_separates() -> None:
    tokens = tokenize("U.S.-led talks, in Bonn's 1999 café!", words=None, stem=False)
    # Perl reads bytes: the two UTF-8 bytes of "é" are separators too.
    assert tokens == ["u", "s", "led", "talks", "in", "bonn", "s", "1999", "caf"]


# --------------------------------------------------------------------------
# Stemming


@pytest.mark.parametrize(
    ("word", "stem"),
    [
        ("caresses", "caress"),
        ("ponies", "poni"),
        ("cats", "cat"),
        ("feed", "feed"),
        ("agreed", "agre"),
        ("plastered", "plaster"),
        ("motoring", "motor"),
        ("hopping", "hop"),
        ("filing", "file"),
        ("happy", "happi"),
        ("relational", "relat"),
        ("conditional", "condit"),
        ("generalization", "gener"),
        ("hopeful", "hope"),
        ("yelling", "yell"),
        ("1990s", "1990"),
        # Porter's own departures from the 1980 paper (bli -> ble, logi -> log).
        ("sensibility", "sensibl"),
        ("archaeology", "archaeolog"),
        # ROUGE's 2004 change: -ment and -ent are tried after the main step-4 list.
        ("agreement", "agreem"),
        ("fundamental", "fundam"),
    ],
)
def test_porter_stem(word: str, stem: str) -> None:
    assert porter_stem(word) == stem


def test_exception_list_first_and_base_form_not_stemmed() -> None:
    exceptions = {"said": "say", "children": "child", "went": "go", "mice": "mouse", "men": "man"}
    tokens = tokenize("He said the children went", words=None, exceptions=exceptions)
    assert tokens == ["he", "say", "the", "child", "go"]
    # The base form is used as is, so "mice" and "mouse" do not match in ROUGE.
    assert tokenize("mice mouse", words=None, exceptions=exceptions) == ["mouse", "mous"]
    # Tokens of 3 characters or fewer are neither looked up nor stemmed.
    assert tokenize("men cats", words=None, exceptions=exceptions) == ["men", "cat"]


def test_installed_wordnet_exception_list() -> None:
    table = load_wordnet_exceptions()
    assert len(table) > 5000
    assert table["said"] == "say"
    assert table["children"] == "child"
    assert table["better"] == "good"  # adj.exc wins over adv.exc, as in ROUGE's own DB


# --------------------------------------------------------------------------
# Counting and scoring


def test_counts_are_clipped_per_model() -> None:
    scores = PLAIN.score("the the the cat", ["the cat sat"])
    # unigrams: min(3, 1) for "the" + min(1, 1) for "cat" = 2 of 3 model unigrams
    assert (scores.rouge1.hits, scores.rouge1.model_count) == (2, 3)
    assert scores.rouge1.recall == 0.66667
    assert scores.rouge1.precision == 0.5
    assert scores.rouge1.f == 0.57143  # from the rounded R and P, as ROUGE does
    # bigrams: "the cat" matches once; model has "the cat", "cat sat"
    assert scores.rouge2.recall == 0.5


def test_several_models_are_pooled() -> None:
    scores = PLAIN.score("a b", ["a b c", "a d"])
    # -f A: (2 + 1) hits / (3 + 2) model unigrams, not the mean of 2/3 and 1/2
    assert scores.rouge1.recall == 0.6
    assert scores.rouge1.precision == 0.75  # 3 / (2 peer unigrams x 2 models)
    assert scores.rouge2.recall == 0.33333  # 1 / (2 + 1)
    # clipping is per model: "a a" gets 2 hits from "a a" and 1 from "a"
    assert PLAIN.score("a a", ["a a", "a"]).rouge1.recall == 1.0


def test_skip_bigrams_gap_4_with_unigrams() -> None:
    tokens = list("abcdefg")
    counts = skip_bigram_counts(tokens, 4)
    assert counts["a f"] == 1  # 4 words in between
    assert "a g" not in counts  # 5 words in between
    assert counts["b g"] == 1
    assert counts["f"] == 1
    # pairs: 5 + 5 + 4 + 3 + 2 + 1 = 20, unigrams: 6 (not the last token)
    assert sum(counts.values()) == 26
    assert sum(skip_bigram_counts(tokens, 4, unigrams=False).values()) == 20
    assert sum(skip_bigram_counts(tokens, -1, unigrams=False).values()) == 21
    assert not skip_bigram_counts(["a"], 4)


def test_last_token_unigram_is_not_counted() -> None:
    # model "a b" -> {a, "a b"}; peer "b a" -> {b, "b a"}: nothing in common
    scores = PLAIN.score("b a", ["a b"])
    assert scores.rouge1.recall == 1.0
    assert scores.su4.recall == 0.0
    assert scores.su4.model_count == 2
    assert PLAIN.score("a b x", ["a b"]).su4.recall == 1.0


def test_ngram_counts() -> None:
    assert ngram_counts(["a", "b", "a", "b"], 2) == {"a b": 2, "b a": 1}
    assert not ngram_counts(["a"], 2)


def test_word_limit_applies_to_peers_and_models() -> None:
    limited = RougeScorer(RougeConfig(words=3, stem=False))
    # the model keeps "a b c", so "d e" matches nothing
    assert limited.score("d e", ["a b c d e"]).rouge1.recall == 0.0
    assert PLAIN.score("d e", ["a b c d e"]).rouge1.recall == 0.4
    # the peer keeps "x y z"
    assert limited.score("x y z a b", ["a b"]).rouge1.hits == 0


def test_stemming_makes_forms_match() -> None:
    scorer = RougeScorer(RougeConfig(words=None), {"said": "say"})
    scores = scorer.score("Officials said talks failed", ["The official say the talk fails"])
    assert scores.rouge1.hits == 4  # offici, say, talk, fail


def test_round5() -> None:
    assert round5(2 / 3) == 0.66667
    assert round5(1 / 3) == 0.33333
    assert round5(0.5) == 0.5


# --------------------------------------------------------------------------
# Bootstrap


def test_perl_rand_matches_perl_drand48() -> None:
    # perl -e 'srand(0); print rand()' prints 0.170828036106290 (perl >= 5.20)
    assert perl_rand_indices(0, 40)[0] == 6
    assert perl_rand_indices(1, 40)[0] == 1
    assert perl_rand_indices(999, 40)[0] == 4


def test_bootstrap_is_deterministic_and_brackets_the_mean() -> None:
    values = [0.1, 0.2, 0.3, 0.4, 0.5]
    first = bootstrap(values)
    assert first == bootstrap(values)
    assert 0.1 <= first.low <= first.mean <= first.high <= 0.5
    constant = bootstrap([0.25] * 7)
    assert (constant.low, constant.mean, constant.high) == (0.25, 0.25, 0.25)


# --------------------------------------------------------------------------
# Datasets and jackknifing


def _topic(topic_id: str, references: list[str], ids: list[str]) -> dict:
    return {
        "id": topic_id,
        "title": "t",
        "narrative": "n",
        "documents": [{"id": "d1", "date": None, "headline": None, "text": "x"}],
        "references": references,
        "reference_ids": ids,
    }


def _write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(row) + "\n" for row in rows), encoding="utf-8")
    return path


@pytest.fixture
def small_dataset(tmp_path: Path) -> list[EvalTopic]:
    rows = [
        _topic("T1", ["a b c", "a b d", "x y z"], ["B", "A", "C"]),
        _topic("T2", ["p q", "p r"], ["A", "B"]),
    ]
    return load_dataset(_write_jsonl(tmp_path / "data.jsonl", rows))


def test_jackknifing_scores_each_peer_against_all_but_one(small_dataset, tmp_path) -> None:
    peers_path = _write_jsonl(
        tmp_path / "peers.jsonl",
        [
            {"topic": "T1", "peer": "7", "summary": "a b"},
            {"topic": "T2", "peer": "7", "summary": "p"},
        ],
    )
    (score,) = score_peers(small_dataset, load_peers(peers_path, small_dataset), words=None)
    assert score.peer == "7"
    assert [(r.topic, r.model_set_id, r.models) for r in score.rows] == [
        ("T1", "A", ("B", "C")),
        ("T1", "B", ("A", "C")),
        ("T1", "C", ("B", "A")),
        ("T2", "A", ("B",)),
        ("T2", "B", ("A",)),
    ]
    # T1 without A: hits a, b of "a b c" + "x y z" -> 2/6; without C: 4/6
    assert [r.rouge1 for r in score.rows] == [0.33333, 0.33333, 0.66667, 0.5, 0.5]
    # the plain mean of the rounded per-EVAL scores, every EVAL weighted equally
    assert score.rouge1 == pytest.approx((0.33333 + 0.33333 + 0.66667 + 0.5 + 0.5) / 5)
    assert score.rouge1_ci.low <= score.rouge1 <= score.rouge1_ci.high


def test_references_are_scored_against_the_others(small_dataset) -> None:
    humans = {s.peer: s for s in score_references(small_dataset, words=None)}
    assert sorted(humans) == ["A", "B", "C"]
    assert [(r.topic, r.model_set_id, r.models) for r in humans["A"].rows] == [
        ("T1", "A", ("B", "C")),
        ("T2", "A", ("B",)),
    ]
    assert humans["C"].rouge1 == 0.0


def test_score_summaries_needs_one_summary_per_topic(small_dataset) -> None:
    score = score_summaries(small_dataset, {"T1": "a b c", "T2": "p q"}, words=None, name="m")
    assert score.peer == "m"
    assert len(score.rows) == 5
    with pytest.raises(EvaluationDataError, match="T2"):
        score_summaries(small_dataset, {"T1": "a"}, words=None)
    with pytest.raises(EvaluationDataError, match="T9"):
        score_summaries(small_dataset, {"T1": "a", "T2": "b", "T9": "c"}, words=None)


def test_malformed_files_report_path_and_line(tmp_path: Path) -> None:
    bad_json = tmp_path / "bad.jsonl"
    bad_json.write_text(json.dumps(_topic("T1", ["a"], ["A"])) + "\n{oops\n", encoding="utf-8")
    with pytest.raises(EvaluationDataError, match=r"bad\.jsonl:2: invalid JSON") as caught:
        load_dataset(bad_json)
    assert caught.value.line == 2
    assert caught.value.path == str(bad_json)

    wrong_ids = _write_jsonl(tmp_path / "ids.jsonl", [_topic("T1", ["a", "b"], ["A"])])
    with pytest.raises(EvaluationDataError, match=r"ids\.jsonl:1: topic T1: 1 reference_ids"):
        load_dataset(wrong_ids)

    missing = _write_jsonl(tmp_path / "missing.jsonl", [{"id": "T1", "title": "t"}])
    with pytest.raises(EvaluationDataError, match=r"missing\.jsonl:1: .*'narrative'"):
        load_dataset(missing)

    peers = _write_jsonl(
        tmp_path / "peers.jsonl",
        [
            {"topic": "T1", "peer": "1", "summary": "a"},
            {"topic": "T1", "peer": 1, "summary": "b"},
        ],
    )
    with pytest.raises(EvaluationDataError, match=r"peers\.jsonl:2: second summary"):
        load_peers(peers)

    with pytest.raises(EvaluationDataError, match="file not found"):
        load_dataset(tmp_path / "nope.jsonl")


def test_unknown_topic_in_peers(small_dataset, tmp_path: Path) -> None:
    peers = _write_jsonl(tmp_path / "p.jsonl", [{"topic": "T9", "peer": "1", "summary": "a"}])
    with pytest.raises(EvaluationDataError, match=r"p\.jsonl:1: unknown topic 'T9'"):
        load_peers(peers, small_dataset)
    with pytest.raises(EvaluationDataError, match="unknown topic 'T9'"):
        score_peers(small_dataset, load_peers(peers), words=None)


# --------------------------------------------------------------------------
# Calibration against the official DUC 2007 ROUGE-1.5.5 run

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
DUC2007 = SHARED / "data" / "duc2007-update-a"
TOLERANCE = 0.0005


def _read_tsv(path: Path) -> list[dict[str, str]]:
    with open(path, encoding="utf-8", newline="") as handle:
        return list(csv.DictReader(handle, delimiter="\t"))


@pytest.mark.skipif(not DUC2007.is_dir(), reason="DUC 2007 benchmark data not present")
def test_calibration_against_official_rouge() -> None:
    topics = load_dataset(DUC2007 / "topics.jsonl")
    peers = load_peers(DUC2007 / "peers.jsonl", topics)
    scores = {s.peer: s for s in score_peers(topics, peers, words=100)}
    humans = {s.peer: s for s in score_references(topics, words=100)}
    assert not set(scores) & set(humans)
    scores.update(humans)

    official = _read_tsv(DUC2007 / "official-rouge-a-per-eval.tsv")
    ours = {
        (row.topic, row.peer, row.model_set_id): row
        for score in scores.values()
        for row in score.rows
    }
    assert len(ours) == len(official)
    by_peer: dict[str, list[dict[str, str]]] = defaultdict(list)
    for line in official:
        row = ours[(line["topic"], line["peer"], line["model_set_id"])]
        by_peer[line["peer"]].append(line)
        for metric, value in (("r2", row.rouge2), ("su4", row.su4)):
            deviation = abs(value - float(line[metric]))
            assert deviation <= TOLERANCE, (line["topic"], line["peer"], metric)

    for peer, lines in by_peer.items():
        score = scores[peer]
        assert len(score.rows) == len(lines)
        for metric, ours_mean in (("r2", score.rouge2), ("su4", score.su4)):
            plain_mean = sum(float(line[metric]) for line in lines) / len(lines)
            assert abs(ours_mean - plain_mean) <= TOLERANCE, (peer, metric)

    # ROUGE's own printed average (a bootstrap mean) and its CI are redone exactly.
    for line in _read_tsv(DUC2007 / "official-rouge-a.tsv"):
        score = scores[line["peer"]]
        for prefix, ci in (("rouge2", score.rouge2_ci), ("su4", score.su4_ci)):
            assert ci.bootstrap_mean == pytest.approx(float(line[f"{prefix}_recall"]), abs=1e-6)
            assert ci.low == pytest.approx(float(line[f"{prefix}_ci_low"]), abs=1e-6)
            assert ci.high == pytest.approx(float(line[f"{prefix}_ci_high"]), abs=1e-6)
