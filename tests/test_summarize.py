"""Ranking and selection over the seeds and small corpora: what a reader sees in a summary."""

import pytest

from summarizer import (
    BUILTIN_TOPICS,
    METHODS,
    Corpus,
    Digester,
    Length,
    Topic,
    load_articles,
)
from summarizer.reading.articles import ArticleParser, Metadata
from summarizer.reading.terms import words

SEEDS = load_articles()
CORPUS = Corpus(SEEDS)
TOPIC = {t.name: t for t in BUILTIN_TOPICS}


def summary(topic="aid", corpus=CORPUS, **options):
    length = options.pop("length", Length(sentences=3))
    return Digester(length=length, **options)(corpus, [TOPIC[topic] if isinstance(topic, str) else topic]).summaries[0]


@pytest.mark.parametrize(
    "topic, expected",
    [
        ("aid", {"aid", "humanitarian", "food", "medicine", "convoy", "evacuated"}),
        ("mediation", {"host", "meeting", "talks", "negotiations", "mediation", "peace"}),
        ("security", {"security", "weapons", "military", "missile", "defence", "guarantees", "shelling", "troops"}),
    ],
)
def test_top_sentences_are_about_their_topic(topic, expected):
    chosen = summary(topic).sentences
    assert len(chosen) == 3
    for item in chosen:
        vocabulary = {w.lower() for w in words(item.sentence.text)}
        assert vocabulary & expected, item.sentence.text


def test_summaries_never_contain_boilerplate_or_headlines():
    digest = Digester(length=Length(sentences=20))(CORPUS, BUILTIN_TOPICS)
    texts = [i.sentence.text for s in digest.summaries for i in s.sentences]
    assert texts
    assert not any("donation" in t or "Remind me" in t or "Donate" in t for t in texts)
    assert not any("willingness to host" in t or t.startswith("date ") for t in texts)


def test_same_statement_in_two_articles_is_printed_once_and_cites_both():
    chosen = summary("mediation", length=Length(sentences=5)).sentences
    hosting = [i for i in chosen if "ready to host a meeting" in i.sentence.text]
    assert len(hosting) == 1
    assert {s.article_id for s in hosting[0].sources} == {"000", "003"}


def test_every_source_slices_back_to_its_article():
    by_id = {a.id: a for a in SEEDS}
    for topic in TOPIC:
        for item in summary(topic, length=Length(sentences=10)).sentences:
            for source in item.sources:
                assert by_id[source.article_id].text[source.start : source.end] == source.text


def test_word_budget_is_never_exceeded():
    for budget in (15, 40, 120):
        chosen = summary("aid", length=Length(words=budget)).sentences
        assert chosen
        assert sum(len(words(i.sentence.text)) for i in chosen) <= budget


def test_topic_with_no_matching_sentence_says_so():
    weather = Topic("weather", "Weather", ("rain", "snowfall", "temperature"))
    result = summary(weather)
    assert result.sentences == ()
    assert result.message == "no sentences about weather in 2 articles"


def test_explanation_names_matched_terms_and_scores():
    item = summary("security").sentences[0]
    why = item.explanation
    assert set(why.matched_terms) & {"security", "weapons", "defence", "military"}
    assert 0 < why.relevance <= 1 and 0 <= why.centrality <= 1
    assert why.redundancy == 0.0  # the first choice competes with nothing


def test_chronological_order_puts_older_articles_first():
    parse = ArticleParser()
    older = parse("Aid convoys reached the city with food and medicine on Monday.", Metadata("old", date="2022-01-01"))
    newer = parse("Aid agencies delivered humanitarian supplies and water on Friday.", Metadata("new", date="2022-03-01"))
    corpus = Corpus([newer, older])
    chosen = summary("aid", corpus=corpus, order="chronological").sentences
    assert [i.sentence.article_id for i in chosen] == ["old", "new"]


@pytest.mark.parametrize("method", METHODS)
def test_every_method_gives_topic_sentences(method):
    chosen = summary("aid", method=method).sentences
    assert chosen
    for item in chosen:
        assert item.explanation.matched_terms


def test_lead_baseline_starts_with_the_newest_article():
    parse = ArticleParser()
    older = parse("Aid convoys reached the city with food and medicine on Monday.", Metadata("old", date="2022-01-01"))
    newer = parse("Aid agencies delivered humanitarian supplies and water on Friday.", Metadata("new", date="2022-03-01"))
    chosen = summary("aid", corpus=Corpus([older, newer]), method="lead").sentences
    assert chosen[0].sentence.article_id == "new"


@pytest.mark.parametrize(
    "text, worthy",
    [
        ("Negotiators met in Geneva on Monday to resume talks.", True),
        ("But the murder brought the picture into relief.''", False),  # the end of a longer quote
        ("\u201cWe will host them,\u201d Bennett said on Wednesday.", True),
        ("Following are the major news items in leading newspapers today:", False),
        ("too short to stand alone.", False),
    ],
)
def test_fragments_do_not_stand_alone_in_a_summary(text, worthy):
    from summarizer.ranking.selection import is_summary_worthy

    sentence = ArticleParser()(text, Metadata("x")).sentences[0]
    assert is_summary_worthy(sentence, len(words(sentence.text))) is worthy


def test_large_corpora_count_concepts_over_each_topics_candidates(monkeypatch):
    import summarizer.ranking.coverage as coverage

    monkeypatch.setattr(coverage, "FULL_TABLE_MAX_SENTENCES", 0)  # as for a corpus of many articles
    corpus = Corpus(SEEDS)
    chosen = summary("mediation", corpus=corpus, length=Length(sentences=5)).sentences
    hosting = [i for i in chosen if "ready to host a meeting" in i.sentence.text]
    assert len(hosting) == 1 and {s.article_id for s in hosting[0].sources} == {"000", "003"}
    assert "concepts" not in corpus.__dict__  # the whole-corpus table was never built
