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


def test_summaries_never_contain_boilerplate_or_headlines():
    digest = Digester(length=Length(sentences=20))(CORPUS, BUILTIN_TOPICS)
    texts = [i.sentence.text for s in digest.summaries for i in s.sentences]
    assert texts
    assert not any("Moscow Times" in t or "Remind me" in t or "Dear readers" in t or "support us" in t for t in texts)
    assert not any("willingness to host" in t or t.lstrip().startswith("date ") for t in texts)


OUTLETS = Corpus([
    ArticleParser()(
        "Talks on the Tarrow ceasefire\n\n"
        "Lindmark is ready to host a meeting between the leaders of Tarrow and Valdon to negotiate a ceasefire, "
        "its foreign minister Edda Quillon said on Wednesday. Aid agencies said a convoy of food reached the harbour.\n",
        Metadata("north-post", date="2031-04-20"),
    ),
    ArticleParser()(
        "Valdon weighs the offer\n\n"
        "Valdon's cabinet met on Thursday to discuss the proposal and the prisoner exchange. "
        "Foreign minister Edda Quillon said on Wednesday that Lindmark is ready to host a meeting between the "
        "leaders of Tarrow and Valdon to negotiate a ceasefire.\n",
        Metadata("harbour-daily", date="2031-04-21"),
    ),
])


def test_same_statement_in_two_articles_is_printed_once_and_cites_both():
    chosen = summary("mediation", corpus=OUTLETS, length=Length(sentences=5)).sentences
    hosting = [i for i in chosen if "ready to host a meeting" in i.sentence.text]
    assert len(hosting) == 1
    assert {s.article_id for s in hosting[0].sources} == {"north-post", "harbour-daily"}


def test_every_source_slices_back_to_its_article():
    by_id = {a.id: a for a in SEEDS}
    for topic in TOPIC:
        for item in summary(topic, length=Length(sentences=10)).sentences:
            for source in item.sources:
                assert by_id[source.article_id].text[source.start : source.end] == source.text


def test_a_question_no_sentence_fits_is_named_as_asked():
    # Held-out audit 9: -w 5 said "no sentence about why did piet orlan resign? fits in 5 words":
    # the question lower-cased, its names too, and run into the sentence.
    from summarizer.ranking.topics import query_topic

    question = query_topic("Who is ready to host the meeting in Lindmark?", CORPUS.analyzer.stop_words)
    result = summary(question, corpus=OUTLETS, length=Length(words=3))
    assert result.sentences == ()
    assert result.message.startswith('no sentence about "Who is ready to host the meeting in Lindmark?" fits in 3 words')


def test_word_budget_is_never_exceeded():
    for budget in (20, 40, 120):
        chosen = summary("aid", length=Length(words=budget)).sentences
        assert chosen
        assert sum(len(words(i.sentence.text)) for i in chosen) <= budget


def test_topic_with_no_matching_sentence_says_so():
    weather = Topic("weather", "Weather", ("rain", "snowfall", "temperature"))
    result = summary(weather)
    assert result.sentences == ()
    assert result.message == "no sentences about weather in 2 articles"


def test_a_topic_whose_only_sentences_cannot_stand_alone_says_they_exist():
    # Held-out audit 19: "-q analysts" said "no sentences about analysts in 1 article" over a file saying
    # "Analysts called the fall modest." (five words: too short to stand alone in a summary).
    parse = ArticleParser()
    corpus = Corpus([parse("Shares in Tarrow fell by two percent on Monday after the harbour strike began.\n\n"
                           "Analysts called the fall modest.", Metadata("markets"))])
    from summarizer.ranking.topics import query_topic
    from summarizer.reading.terms import TermAnalyzer

    topic = query_topic("analysts", TermAnalyzer().stop_words)
    result = Digester(length=Length(sentences=2))(corpus, [topic]).summaries[0]
    assert result.sentences == () and result.message.startswith("no sentence about analysts stands alone")
    assert "1 sentence mentions it in 1 article" in result.message


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
        ("Negotiators met in Lindmark on Monday to resume talks.", True),
        ("But the murder brought the picture into relief.''", False),  # the end of a longer quote
        ("\u201cWe will host them,\u201d Kessel said on Wednesday.", True),
        # A straight quote before a word opens a quotation as a curly one does (held-out audits: an
        # answer given in someone's words, in plain text, never reached a summary); before a space
        # it closes one that the sentence did not open.
        ('"We will reopen the Tessel bridge on March 3," Mayor Ilse Varno said on Tuesday.', True),
        ('" said Mayor Ilse Varno of Tessel on Tuesday evening.', False),
        ("Following are the major news items in leading newspapers today:", False),
        ("too short to stand alone.", False),
        # A labelled list (a ballot, credits) is not a statement; prose that lists after a clause is.
        ("Talk show host: Ada Morn, ``Morning Lindmark,'' VNB; Osric Venn, ``Venn Tonight,'' TRW; Lena Corvel, ``Lena,'' Syndicated.", False),
        ("On Monday the prosecutors called their first three witnesses: Ivo Marsk, who found the boat; Talia Brund, a neighbour; and Piet Arundel, a police officer.", True),
        ("The other stops are Quillon, Varnland; Belmire; and Tarrow, on the coast.", True),
        # The rest of a quotation cut short, with or without its opening mark.
        ("\u201c\u2026 prevent the evacuation of the families from the Tarrow camp\u201d", False),
        ("... and the convoy turned back before it reached the Tarrow camp.", False),
        # A graphic's or photo's label in brackets states nothing; a sentence in brackets does.
        ("(Graphic: Lindmark harbour traffic in 2031 - here)", False),
        ("(Chart: aid deliveries to Tarrow by month, from the relief agency)", False),
        ("(The Lindmark relief agency declined to comment on the convoy.)", True),
    ],
)
def test_fragments_do_not_stand_alone_in_a_summary(text, worthy):
    from summarizer.reading.standalone import is_summary_worthy

    sentence = ArticleParser()(text, Metadata("x")).sentences[0]
    assert is_summary_worthy(sentence, len(words(sentence.text))) is worthy


def test_a_quotation_opened_with_one_mark_and_closed_with_another_ends_where_it_closes():
    from summarizer.reading.standalone import is_summary_worthy, opens_inside_a_quotation

    text = (
        "'We will send the convoy on Monday,\" said Ardo Kessel of the Lindmark relief agency. "
        "The convoy carried food and medicine to the refugees of Tarrow. "
        "Aid workers in Tarrow said the supplies would last two weeks."
    )
    article = ArticleParser()(text, Metadata("x"))
    assert len(article.sentences) == 3
    later = article.sentences[1:]
    for sentence in later:  # ordinary sentences after the quotation, not someone's words
        assert not opens_inside_a_quotation(sentence, article)
        assert is_summary_worthy(sentence, len(words(sentence.text)), article)
    # A quotation still open does make the next sentence someone's words.
    still_open = ArticleParser()("Kessel said: \"We will send the convoy on Monday. It carries food to Tarrow.", Metadata("y"))
    assert len(still_open.sentences) == 2 and opens_inside_a_quotation(still_open.sentences[-1], still_open)


def test_the_title_of_a_box_of_figures_does_not_stand_alone():
    # DUC 2007's earthquake cluster: "Figures available Saturday on the earthquake that struck
    # Turkey early Tuesday." opens a box of labelled figures and reached a summary third.
    from summarizer.reading.standalone import is_summary_worthy

    def worthy(text):
        article = ArticleParser()(text, Metadata("x"))
        return [is_summary_worthy(s, len(words(s.text)), article) for s in article.sentences]

    box = ("Figures available Monday on the floods in the Varn valley.\n\n*DEAD:\n\nAt least 40 people.\n\n"
           "*MISSING:\n\nAbout a dozen villagers from Orsa and Kell.")
    assert worthy(box)[0] is False
    # The same opening followed by a story, and a label later in a story, leave sentences as they were.
    assert worthy("Floods killed at least 40 people in the Varn valley on Monday.\n\n"
                  "Rescuers searched the villages of Orsa and Kell for a dozen missing people.")[0] is True
    assert worthy("Floods killed at least 40 people in the Varn valley on Monday.\n\n"
                  "Rescuers searched the villages of Orsa and Kell for a dozen missing people.\n\n"
                  "On the Net:\n\nThe Varn valley council's flood page.")[:2] == [True, True]


def test_large_corpora_count_concepts_over_each_topics_candidates(monkeypatch):
    import summarizer.ranking.coverage as coverage

    monkeypatch.setattr(coverage, "FULL_TABLE_MAX_SENTENCES", 0)  # as for a corpus of many articles
    corpus = Corpus(OUTLETS.articles)
    chosen = summary("mediation", corpus=corpus, length=Length(sentences=5)).sentences
    hosting = [i for i in chosen if "ready to host a meeting" in i.sentence.text]
    assert len(hosting) == 1 and {s.article_id for s in hosting[0].sources} == {"north-post", "harbour-daily"}
    assert "concepts" not in corpus.__dict__  # the whole-corpus table was never built


def test_a_quoted_sentence_without_its_speaker_is_never_chosen():
    text = (
        "Harbour master Edda Quillon spoke to reporters in Tarrow on Monday. "
        "Quillon said, \u201cThe aid convoys reached the harbour at dawn. The food and medicine aid will reach "
        "every shelter in the district by Friday, and the aid trucks will return for more supplies. We thank "
        "the drivers who brought the aid through the storm at night for many hours, with no rest. "
        "Every family in the district will get the aid it needs, and the aid agencies have promised more "
        "deliveries of food, water, blankets and medicine before the winter comes.\u201d\n\n"
        "Aid agencies said more aid convoys with food were planned for the eastern districts next week."
    )
    article = ArticleParser()(text, Metadata("quotes"))
    chosen = summary("aid", corpus=Corpus([article]), length=Length(sentences=5)).sentences
    texts = [i.sentence.text for i in chosen]
    assert texts and any(t.startswith("Aid agencies said") for t in texts)
    inner = [s for s in article.sentences if s.text.startswith(("The food and medicine", "We thank", "Every family"))]
    assert inner, "the long quotation should be split into several sentences"
    assert not any(s.text in texts for s in inner)


def test_lsa_gives_the_same_summary_on_every_run():
    """LSA's SVD runs on threaded BLAS, whose last bits vary between processes: sentences whose
    ratings tie must not change places from one run to the next."""
    import subprocess
    import sys

    from .conftest import REPO

    command = [sys.executable, "-m", "tui", "summarize", "--method", "lsa", "--no-cache", "--format", "json"]
    outputs = {subprocess.run(command, cwd=REPO, capture_output=True, text=True, timeout=120, check=True).stdout
               for _ in range(4)}
    assert len(outputs) == 1
