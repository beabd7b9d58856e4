"""newsdigest's engine: topic-focused, multi-document extractive summaries with sources.

One front door runs what the command line runs (``newsdigest summarize``): a :class:`Request`
(inputs, topics or a query, method, length, order, ``since``, ``new``, where the index lives) given
to :func:`run` gives the digest with its warnings and, for ``new``, its baseline. :class:`Run` is
the same run in steps (load once, then digest topic by topic), as the app uses it.

>>> from summarizer import Request, Length, run
>>> result = run(Request(topics=("aid", "mediation", "security"), length=Length(sentences=3)))  # the seeds
>>> [len(s.sentences) for s in result.digest.summaries]
[3, 3, 3]

(``Request()`` asks for every topic: the built-in ones and the user's own, from their topics file.)

The stages are public too: ``Digester(length=Length(sentences=3))(Corpus(load_articles()), BUILTIN_TOPICS)``
is the same digest from a corpus built by hand; with ``cache=ArticleCache(default_cache_dir())`` given
to ``load_articles`` and ``Corpus``, parsed articles are kept in an index between runs (see
:mod:`summarizer.store`); results are the same. Feeds (subscriptions, fetching), the read state
and evaluation (ROUGE) have their public names here as well: programs, and the command line and
app in ``tui/``, import nothing else from the engine.
"""

from importlib import import_module
from typing import TYPE_CHECKING

# Names are loaded from their modules on first use (PEP 562): the command line and the app
# start without paying for numpy, scipy, sumy and NLTK until the engine is needed. A value
# "module:attribute" exports the attribute under another name.
_EXPORTS = {
    "Request": "request",
    "Baseline": "request",
    "NothingNew": "request",
    "Result": "request",
    "Run": "request",
    "run": "request",
    "when": "request",
    "mark_read": "request",
    "mark_summarized": "request",
    "record_viewed": "request",
    "topics_in_use": "request",
    "add_topic": "ranking.topics",
    "remove_topic": "ranking.topics",
    "config_topics_path": "ranking.topics",
    "ReadState": "store.read_state",
    "open_read_state": "store.backend",
    "default_reader": "store.backend",
    "is_index_url": "store.backend:is_url",
    "hide_password": "store.urls:hide_password",
    "index_paths": "store.indexing",
    "topic_coverage": "store.coverage",
    "ReadStateError": "store.read_state",
    "digest_to_dict": "schema",
    "JsonTable": "schema",
    "write_atomically": "atomic",
    "collector_paused": "collector",
    "Citations": "citations",
    "MARKERS_SHOWN": "citations",
    "source_order": "citations",
    "WebInputs": "fetching.inputs",
    "advertised_feeds": "fetching.web",
    "parse_since": "fetching.window",
    "default_feeds": "fetching.expand",
    "open_fetch_store": "fetching.expand",
    "subscribed_feed_urls": "fetching.expand",
    "Subscription": "fetching.subscriptions",
    "SubscriptionError": "fetching.subscriptions",
    "UnknownFeedError": "fetching.subscriptions",
    "load_subscriptions": "fetching.subscriptions:load",
    "open_subscriptions": "fetching.backends",
    "save_subscriptions": "fetching.subscriptions:save",
    "add_subscription": "fetching.subscriptions:add",
    "remove_subscription": "fetching.subscriptions:remove",
    "select_subscriptions": "fetching.subscriptions:select",
    "check_feed_url": "fetching.subscriptions:check_url",
    "read_opml": "fetching.subscriptions",
    "write_opml": "fetching.subscriptions",
    "EvaluationDataError": "evaluation.datasets",
    "load_dataset": "evaluation.datasets",
    "load_peers": "evaluation.datasets",
    "make_scorer": "evaluation.datasets",
    "score_peers": "evaluation.datasets",
    "ExceptionListNotFound": "evaluation.rouge",
    "evaluate_methods": "evaluation.benchmark",
    "Corpus": "ranking.corpus",
    "Digester": "digest",
    "InputError": "errors",
    "NewsdigestError": "errors",
    "NoArticlesError": "errors",
    "TopicsError": "errors",
    "EmptyQueryError": "errors",
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
    where = _EXPORTS.get(name)
    if where is None:
        raise AttributeError(f"module 'summarizer' has no attribute {name!r}")
    module, _, attribute = where.partition(":")
    value = getattr(import_module(f".{module}", __name__), attribute or name)
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
    from .request import Baseline, NothingNew, Request, Result, Run, mark_read, record_viewed, run, topics_in_use, when
    from .store.read_state import ReadState, ReadStateError
    from .schema import JsonTable, digest_to_dict
    from .atomic import write_atomically
    from .collector import collector_paused
    from .citations import MARKERS_SHOWN, Citations, source_order
    from .fetching.inputs import WebInputs
    from .fetching.web import advertised_feeds
    from .fetching.window import parse_since
    from .fetching.expand import default_feeds, open_fetch_store, subscribed_feed_urls
    from .fetching.subscriptions import Subscription, SubscriptionError, UnknownFeedError, read_opml, write_opml
    from .fetching.backends import open_subscriptions
    from .fetching.subscriptions import load as load_subscriptions, save as save_subscriptions
    from .fetching.subscriptions import add as add_subscription, remove as remove_subscription
    from .fetching.subscriptions import select as select_subscriptions, check_url as check_feed_url
    from .evaluation.datasets import EvaluationDataError, load_dataset, load_peers, make_scorer, score_peers
    from .evaluation.rouge import ExceptionListNotFound
    from .evaluation.benchmark import evaluate_methods

__all__ = sorted(_EXPORTS)
