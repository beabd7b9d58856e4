"""A question put in other words than the articles': "blast" for their "explosion", "hurt" for
"injured", "abducted" for "kidnapped" (summarizer/ranking/synonyms.txt). Fictional articles."""

import json

import pytest

from summarizer import Length, Request, run
from summarizer.ranking.forms import synonyms
from summarizer.reading.terms import TermAnalyzer

MILL = [
    {"id": "k1", "title": "Explosion at Varnley mill", "date": "2026-05-02",
     "text": "An explosion tore through the Varnley flour mill in Oskerby on Tuesday night, injuring six "
             "workers, the Oskerby fire service said.\nFire crews worked through the night to put out the "
             "flames.\nThe mill's owner, Hessel Grain, said dust in a silo had ignited."},
    {"id": "k2", "title": "Varnley mill to stay shut", "date": "2026-05-03",
     "text": "The Varnley flour mill will stay shut for at least a month, Hessel Grain said on Wednesday.\n"
             "Its 40 workers have been sent home on full pay."},
]
BORDER = [
    {"id": "b1", "title": "Customs seize cigarettes at Telmar crossing", "date": "2026-06-01",
     "text": "Customs officers at the Telmar crossing seized 40,000 cigarettes hidden in a lorry of "
             "cabbages on Monday, the Rusk customs service said.\nThe driver was questioned and released."},
    {"id": "b2", "title": "Trader kidnapped near Telmar", "date": "2026-06-02",
     "text": "A cattle trader was kidnapped near Telmar on Tuesday, police said.\nHis family has received "
             "no demand."},
]


def _first(tmp_path, articles, question):
    path = tmp_path / "stories.jsonl"
    path.write_text("".join(json.dumps(article) + "\n" for article in articles), encoding="utf-8")
    result = run(Request(paths=(str(path),), query=question, length=Length(sentences=1), cache_dir=None))
    (summary,) = result.digest.summaries
    return summary


def test_a_question_in_other_words_is_answered_not_told_it_is_absent(tmp_path):
    summary = _first(tmp_path, MILL, "When did the blast happen?")
    assert not summary.unmentioned
    assert summary.sentences[0].sentence.text.startswith("An explosion tore through the Varnley flour mill")


def test_how_many_hurt_is_answered_by_the_injured(tmp_path):
    summary = _first(tmp_path, MILL, "How many workers were hurt in the blast?")
    assert "injuring six workers" in summary.sentences[0].sentence.text


def test_a_narrower_word_is_found_but_does_not_find(tmp_path):
    # An abduction is told as "seized"; a seizure is no kidnapping, though the kidnapping was on the
    # day asked.
    summary = _first(tmp_path, BORDER, "What was seized at Telmar on Tuesday?")
    assert summary.sentences[0].sentence.text.startswith("Customs officers at the Telmar crossing seized")
    stem = TermAnalyzer().stem
    assert "seize" in synonyms("abducted", stem)
    assert synonyms("seized", stem) == ()


def test_a_theft_is_found_as_looting(tmp_path):
    convoy = [
        {"id": "c1", "title": "Donors pledge 30 million crowns for Tarrow relief", "date": "2026-02-08",
         "text": "Donors pledged 30 million crowns on Sunday for the relief convoy stuck at the Kell crossing.\n"
                 "The convoy's 40 trucks have waited at the crossing for a week."},
        {"id": "c2", "title": "Gunmen attack relief convoy near Orvask", "date": "2026-02-09",
         "text": "Armed men looted two trucks of the relief convoy near Orvask late on Monday, the alliance said.\n"
                 "One driver was taken to hospital."},
    ]
    summary = _first(tmp_path, convoy, "Were any of the convoy's trucks stolen?")
    assert summary.sentences[0].sentence.text.startswith("Armed men looted two trucks")


@pytest.mark.parametrize(("word", "kin"), [("negotiations", "talks"), ("troops", "soldier"),
                                           ("earthquake", "quake"), ("houses", "home"), ("stolen", "loot"),
                                           ("damage", "destroy")])
def test_a_word_finds_its_group_in_any_form(word, kin):
    assert kin in synonyms(word, TermAnalyzer().stem)
