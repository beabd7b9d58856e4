"""Topics: built-ins, TOML files, queries, selection by name."""

import pytest

from summarizer import BUILTIN_TOPICS, TopicsError, UnknownTopicError, load_topics_file, select_topics
from summarizer.reading.terms import TermAnalyzer
from summarizer.ranking.topics import available_topics, query_topic

from .conftest import write

STOP = TermAnalyzer().stop_words


def test_builtin_topics_have_label_keywords_and_description():
    assert [t.name for t in BUILTIN_TOPICS] == ["aid", "mediation", "security"]
    for topic in BUILTIN_TOPICS:
        assert topic.label and topic.description and len(topic.keywords) >= 5


def test_topics_file(tmp_path):
    path = write(
        tmp_path / "t.toml",
        '[topics.energy]\nlabel = "Energy"\nkeywords = ["gas", "oil", "power grid"]\n'
        'description = "Energy supplies"\n\n[topics.aid]\nkeywords = ["grain"]\n',
    )
    topics = available_topics(path, None, STOP)
    names = [t.name for t in topics]
    assert names == ["aid", "mediation", "security", "energy"]
    # A user topic named like a built-in replaces it (and keeps its place).
    assert topics[0].keywords == ("grain",) and topics[0].origin == str(path)


def test_config_dir_topics_file_is_read(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path))
    write(tmp_path / "newsdigest" / "topics.toml", '[topics.energy]\nkeywords = ["gas"]\n')
    assert "energy" in [t.name for t in available_topics(None, None, STOP)]


@pytest.mark.parametrize(
    "content, message",
    [
        ("[topics.energy\nkeywords = 1", "invalid TOML"),
        ('[topics.energy]\nkeywords = "gas"', "list of strings"),
        ("[topics.energy]\nkeywords = []", "keywords is empty"),
        ('[topics.energy]\nkeywords = ["gas"]\ncolour = "red"', "unknown field"),
        ('title = "no topics"', "expected a [topics.NAME] table"),
    ],
)
def test_bad_topics_files_name_the_file_and_problem(tmp_path, content, message):
    path = write(tmp_path / "t.toml", content)
    with pytest.raises(TopicsError) as error:
        load_topics_file(path)
    assert str(path) in str(error.value) and message in str(error.value)


def test_toml_syntax_error_reports_line_and_column(tmp_path):
    path = write(tmp_path / "t.toml", '[topics.energy]\nkeywords = ["gas",\nlabel = 3\n')
    with pytest.raises(TopicsError, match=r"line \d+, column \d+"):
        load_topics_file(path)


def test_query_topic_keeps_the_content_words():
    topic = query_topic("What steps did Orsa take to mediate between the two sides?", STOP)
    assert topic.name == "query"
    assert set(topic.keywords) >= {"orsa", "mediate", "sides"}
    assert not {"what", "did", "the"} & set(topic.keywords)


def test_query_without_content_words_is_an_error():
    with pytest.raises(TopicsError):
        query_topic("what is it about?", STOP)


def test_unknown_topic_lists_the_known_ones():
    with pytest.raises(UnknownTopicError) as error:
        select_topics(BUILTIN_TOPICS, ["weather"])
    assert "aid, mediation, security" in str(error.value)
