"""newsdigest eval: generated summaries and peers scored the same way, in every format."""

import csv
import io
import json

import pytest

from .conftest import ARTICLE, SHARED, write
from .test_cli import run

DUC = SHARED / "data" / "duc2007-update-a"


def tiny_dataset(tmp_path):
    topic = {
        "id": "T1",
        "title": "ceasefire talks",
        "narrative": "Describe the ceasefire talks and the aid deliveries.",
        "documents": [
            {"id": f"D{i}", "date": f"2023-05-0{i}", "headline": "Talks", "text": ARTICLE} for i in range(1, 4)
        ],
        "references": [
            "Negotiators met in Lindmark to resume ceasefire talks.\nA convoy carried food and medicine.",
            "Ceasefire talks resumed in Lindmark with Aldish mediators.",
        ],
        "reference_ids": ["A", "B"],
    }
    return write(tmp_path / "set.jsonl", json.dumps(topic) + "\n")


def test_methods_are_scored_in_a_table_and_tsv(tmp_path):
    dataset = tiny_dataset(tmp_path)
    table = run("eval", str(dataset), "-m", "topical", "-m", "lead", "--words", "30", cwd=tmp_path)
    assert table.returncode == 0, table.stderr
    assert table.stdout.splitlines()[0].split()[:4] == ["method", "R-1", "R-2", "R-2"]
    tsv = run("eval", str(dataset), "-m", "topical", "--words", "30", "--format", "tsv", cwd=tmp_path)
    (row,) = list(csv.DictReader(io.StringIO(tsv.stdout), delimiter="\t"))
    assert row["method"] == "topical" and 0 < float(row["rouge2"]) <= 1 and float(row["seconds_per_topic"]) > 0


def test_peers_file_scores_one_row_per_peer(tmp_path):
    dataset = tiny_dataset(tmp_path)
    peers = write(
        tmp_path / "peers.jsonl",
        json.dumps({"topic": "T1", "peer": "good", "summary": "Ceasefire talks resumed in Lindmark with Aldish mediators."})
        + "\n"
        + json.dumps({"topic": "T1", "peer": "bad", "summary": "Unrelated words about the weather."})
        + "\n",
    )
    result = run("eval", str(dataset), "--peers", str(peers), "--format", "json", cwd=tmp_path)
    scores = {r["method"]: r for r in json.loads(result.stdout)["results"]}
    assert scores["good"]["rouge2"] > scores["bad"]["rouge2"] == 0


def test_bad_dataset_line_is_one_line_error(tmp_path):
    dataset = write(tmp_path / "set.jsonl", "{broken\n")
    result = run("eval", str(dataset), cwd=tmp_path)
    assert result.returncode == 1 and "set.jsonl" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.skipif(not DUC.is_dir(), reason="needs ../shared/data/duc2007-update-a")
def test_cli_reproduces_the_official_per_eval_scores(tmp_path):
    result = run("eval", str(DUC / "topics.jsonl"), "--peers", str(DUC / "peers.jsonl"), "--words", "100",
                 "--format", "tsv", "--per-eval", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    ours = {(r["topic"], r["peer"], r["model_set_id"]): r for r in csv.DictReader(io.StringIO(result.stdout), delimiter="\t")}
    with open(DUC / "official-rouge-a-per-eval.tsv") as handle:
        official = [r for r in csv.DictReader(handle, delimiter="\t") if r["peer"].isdigit()]
    assert len(official) == 960
    for row in official:
        mine = ours[(row["topic"], row["peer"], row["model_set_id"])]
        assert abs(float(mine["r2"]) - float(row["r2"])) <= 0.0005
        assert abs(float(mine["su4"]) - float(row["su4"])) <= 0.0005


def test_eval_summarizes_as_summarize_query_does(tmp_path):
    # eval's summary of a topic is what `summarize --query "TITLE. NARRATIVE" --words N` prints, but
    # for the last sentence, which eval lets run past N words (the scorer cuts it, as DUC did).
    dataset = tiny_dataset(tmp_path)
    saved = tmp_path / "saved.jsonl"
    assert run("eval", str(dataset), "-m", "topical", "--words", "40", "--save", str(saved), cwd=tmp_path).returncode == 0
    evaluated = json.loads(saved.read_text(encoding="utf-8").splitlines()[0])["summary"].splitlines()
    topic = json.loads(dataset.read_text(encoding="utf-8"))
    folder = tmp_path / "docs"
    folder.mkdir()
    for document in topic["documents"]:
        write(folder / f"{document['id']}.txt", document["text"])
    asked = f"{topic['title']}. {topic['narrative']}"
    result = run("summarize", "--no-cache", str(folder), "--query", asked, "--words", "40", "-f", "json", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    printed = [s["text"] for s in json.loads(result.stdout)["topics"][0]["sentences"]]
    assert len(evaluated) >= 2 and evaluated[:-1] == printed[: len(evaluated) - 1]


def test_eval_asks_the_question_a_user_asks(tmp_path):
    from summarizer.evaluation.benchmark import dataset_query
    from summarizer.evaluation.datasets import load_dataset
    from summarizer.ranking.topics import available_topics
    from summarizer.reading.terms import TermAnalyzer

    (topic,) = load_dataset(tiny_dataset(tmp_path))
    stop = TermAnalyzer().stop_words
    asked = f"{topic.title}. {topic.narrative}"
    users = next(t for t in available_topics(query=asked, stop_words=stop, use_config=False) if t.name == "query")
    assert dataset_query(topic, stop) == users
    assert "negotiation" in users.context  # "ceasefire" is a word of mediation: its vocabulary is added
