"""newsdigest's engine: topic-focused, multi-document extractive summaries with sources.

>>> from summarizer import load_articles, Corpus, Digester, Length, BUILTIN_TOPICS
>>> corpus = Corpus(load_articles())             # the seed articles
>>> digest = Digester(length=Length(sentences=3))(corpus, BUILTIN_TOPICS)
>>> [len(s.sentences) for s in digest.summaries]
[3, 3, 3]

With ``cache=ArticleCache(default_cache_dir())`` given to ``load_articles`` and ``Corpus``, parsed
articles are kept in an index between runs (see :mod:`summarizer.index`); results are the same.
"""

from importlib import import_module
from typing import TYPE_CHECKING

# Names are loaded from their modules on first use (PEP 562): the command line and the app
# start without paying for numpy, scipy, sumy and NLTK until the engine is needed.
_EXPORTS = {
    "Corpus": "ranking.corpus",
    "Digester": "digest",
    "InputError": "errors",
    "NewsdigestError": "errors",
    "NoArticlesError": "errors",
    "TopicsError": "errors",
    "UnknownMethodError": "errors",
    "UnknownTopicError": "errors",
    "ArticleCache": "store.index",
    "default_cache_dir": "store.cache",
    "load_articles": "store.loading",
    "seeds_dir": "store.loading",
    "TopicSummarizer": "ranking.methods",
    "Article": "model",
    "Block": "model",
    "Digest": "model",
    "Explanation": "model",
    "Sentence": "model",
    "Summary": "model",
    "SummarySentence": "model",
    "Topic": "model",
    "DEFAULT_METHOD": "options",
    "METHODS": "options",
    "METHOD_DESCRIPTIONS": "options",
    "ORDERS": "options",
    "Length": "options",
    "BUILTIN_TOPICS": "ranking.topics",
    "config_topics_path": "ranking.topics",
    "load_topics_file": "ranking.topics",
    "merge_topics": "ranking.topics",
    "query_topic": "ranking.topics",
    "select_topics": "ranking.topics",
}


def __getattr__(name: str):
    module = _EXPORTS.get(name)
    if module is None:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    value = getattr(import_module(f".{module}", __name__), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted([*globals(), *_EXPORTS])


if TYPE_CHECKING:
    from .store.cache import default_cache_dir
    from .ranking.corpus import Corpus
    from .digest import Digester
    from .errors import InputError, NewsdigestError, NoArticlesError, TopicsError, UnknownMethodError, UnknownTopicError
    from .store.index import ArticleCache
    from .store.loading import load_articles, seeds_dir
    from .ranking.methods import TopicSummarizer
    from .model import Article, Block, Digest, Explanation, Sentence, Summary, SummarySentence, Topic
    from .options import DEFAULT_METHOD, METHOD_DESCRIPTIONS, METHODS, ORDERS, Length
    from .ranking.topics import BUILTIN_TOPICS, config_topics_path, load_topics_file, merge_topics, query_topic, select_topics

__all__ = [
    "BUILTIN_TOPICS", "DEFAULT_METHOD", "METHODS", "METHOD_DESCRIPTIONS", "ORDERS",
    "Article", "ArticleCache", "Block", "Corpus", "Digest", "Digester", "Explanation", "InputError", "Length",
    "NewsdigestError", "NoArticlesError", "Sentence", "Summary", "SummarySentence", "Topic",
    "TopicSummarizer", "TopicsError", "UnknownMethodError", "UnknownTopicError",
    "config_topics_path", "default_cache_dir", "load_articles", "load_topics_file", "merge_topics", "query_topic",
    "seeds_dir", "select_topics",
]
