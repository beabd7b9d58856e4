"""Properties over arbitrary Unicode articles: segmentation and summarization never raise,
offsets slice back to the text, the JSON always parses, and a summary is never longer than asked."""

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from summarizer import BUILTIN_TOPICS, Corpus, Digester, Length, Topic
from summarizer.reading.articles import ArticleParser, Metadata
from summarizer.schema import digest_to_dict
from summarizer.reading.segment import SentenceSplitter
from summarizer.reading.terms import TermAnalyzer, words
from tui.render_markdown import escape
from tui.safety import printable

SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# News-like pieces mixed with anything Unicode has (surrogates aside: str cannot be encoded with them).
VOCABULARY = (
    "aid convoy food medicine talks ceasefire troops attack security peace Mr. U.S. Dr. said the "
    "a of in Tarrow Corvanna \u201cWe will host them,\u201d \"No.\" 12.5 3 ... \u2026 ! ? ; : - \u2014 ( ) [bold] "
    "\u63f4\u52a9\u3002 \u0627\u0644\u0645\u0633\u0627\u0639\u062f\u0627\u062a \U0001F69A e\u0301 \x1b[31m \x00 \t"
).split(" ") + ["\n", "\n\n", ". ", "  ", "\r\n", "- ", "1. ", "# "]
TOKENS = st.one_of(
    st.sampled_from(VOCABULARY),
    st.text(st.characters(blacklist_categories=("Cs",)), max_size=12),
)
TEXT = st.lists(TOKENS, max_size=120).map(" ".join) | st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)

SPLIT = SentenceSplitter()
PARSE = ArticleParser(SPLIT)
ANALYZER = TermAnalyzer()
QUERY = Topic("query", "Query", ("convoy", "talks", "\u63f4\u52a9"), "", "query")


@SETTINGS
@given(TEXT)
def test_segmentation_never_raises_and_spans_are_trimmed_ordered_and_cover_the_text(text):
    spans = SPLIT(text)
    previous = 0
    for start, end in spans:
        assert previous <= start < end <= len(text)
        piece = text[start:end]
        assert piece == piece.strip() and piece
        previous = end
    covered = "".join(text[s:e] for s, e in spans)
    assert "".join(covered.split()) == "".join(text.split())


@SETTINGS
@given(TEXT)
def test_parsed_sentences_slice_back_from_their_offsets(text):
    article = PARSE(text, Metadata("x"))
    for sentence in article.sentences:
        assert article.text[sentence.start : sentence.end] == sentence.text
        assert article.blocks[sentence.paragraph].kind == "body"


@SETTINGS
@given(
    st.lists(TEXT, min_size=1, max_size=4),
    st.one_of(st.builds(Length, sentences=st.integers(1, 6)), st.builds(Length, words=st.integers(1, 80))),
    st.sampled_from(["topical", "lead", "luhn"]),
)
def test_summaries_never_raise_never_exceed_the_length_and_their_json_parses(texts, length, method):
    articles = [PARSE(text, Metadata(f"a{i}", title=text[:20])) for i, text in enumerate(texts)]
    articles = [a for a in articles if a.sentences]
    corpus = Corpus(articles, ANALYZER)
    digest = Digester(method, length)(corpus, (*BUILTIN_TOPICS, QUERY))
    by_id = {a.id: a for a in articles}
    for summary in digest.summaries:
        if length.sentences is not None:
            assert len(summary.sentences) <= length.sentences
        if length.words is not None:
            assert sum(len(words(item.sentence.text)) for item in summary.sentences) <= length.words
        for item in summary.sentences:
            for source in item.sources:
                assert by_id[source.article_id].text[source.start : source.end] == source.text
    out = json.dumps(digest_to_dict(digest), ensure_ascii=True)
    assert out.isascii()
    data = json.loads(out)
    assert [len(t["sentences"]) for t in data["topics"]] == [len(s.sentences) for s in digest.summaries]
    for topic, summary in zip(data["topics"], digest.summaries):
        assert [s["text"] for s in topic["sentences"]] == [i.sentence.text for i in summary.sentences]


@SETTINGS
@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_printable_text_holds_no_control_characters(text):
    shown = printable(text)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in shown)
    assert not any(c in shown for c in "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
    assert printable(shown) == shown


@SETTINGS
@given(st.text(st.characters(blacklist_categories=("Cs",))))
def test_markdown_escaping_leaves_no_markup_character_bare(text):
    escaped = escape(text)
    bare = escaped.replace("\\\\", "")
    for special in "[]<>`*_":
        assert all(bare[i - 1] == "\\" for i, c in enumerate(bare) if c == special and i > 0)
        assert not bare.startswith(special)
