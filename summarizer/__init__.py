"""newsdigest's engine: topic-focused, multi-document extractive summaries with sources.

>>> from summarizer import load_articles, Corpus, Digester, Length, BUILTIN_TOPICS
>>> corpus = Corpus(load_articles())             # the seed articles
>>> digest = Digester(length=Length(sentences=3))(corpus, BUILTIN_TOPICS)
>>> [len(s.sentences) for s in digest.summaries]
[3, 3, 3]

With ``cache=ArticleCache(default_cache_dir())`` given to ``load_articles`` and ``Corpus``, parsed
articles are kept in an index between runs (see :mod:`summarizer.index`); results are the same.
"""

from .corpus import Corpus
from .digest import ORDERS, Digester
from .errors import (
    InputError,
    NewsdigestError,
    NoArticlesError,
    TopicsError,
    UnknownMethodError,
    UnknownTopicError,
)
from .index import ArticleCache, default_cache_dir
from .loading import load_articles, seeds_dir
from .methods import DEFAULT_METHOD, METHOD_DESCRIPTIONS, METHODS, TopicSummarizer
from .model import Article, Block, Digest, Explanation, Sentence, Summary, SummarySentence, Topic
from .selection import Length
from .topics import BUILTIN_TOPICS, config_topics_path, load_topics_file, merge_topics, query_topic, select_topics

__all__ = [
    "BUILTIN_TOPICS", "DEFAULT_METHOD", "METHODS", "METHOD_DESCRIPTIONS", "ORDERS",
    "Article", "ArticleCache", "Block", "Corpus", "Digest", "Digester", "Explanation", "InputError", "Length",
    "NewsdigestError", "NoArticlesError", "Sentence", "Summary", "SummarySentence", "Topic",
    "TopicSummarizer", "TopicsError", "UnknownMethodError", "UnknownTopicError",
    "config_topics_path", "default_cache_dir", "load_articles", "load_topics_file", "merge_topics", "query_topic",
    "seeds_dir", "select_topics",
]
