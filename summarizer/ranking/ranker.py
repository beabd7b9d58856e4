"""Topic-focused ranking: relevance to the topic and cross-document centrality (biased LexRank)."""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass, replace
from itertools import pairwise
from typing import TYPE_CHECKING

import numpy as np
from ..matrices import sparse

from .corpus import Corpus
from .forms import TOLL, counted_forms, demonyms, synonyms, word_forms
from ..model import Topic
from ..reading.terms import words
from .answers import MEASURES, PERSON_TOLL, asks_a_sum, named_days, role_stems
from .topics import (BUILTIN_TOPICS, asked_answer, asks_what_lasts, asked_events, asked_names, asked_owners, asked_role,
                     asked_role_object, asked_thing, asked_verbs, asked_wording, asks_ahead, asks_what_was_said,
                     asked_kind_of, counted_thing, typed_question, QUESTION_WORD)

if TYPE_CHECKING:
    from .novelty import ReadSet


QUERY_IDF_POWER = 0.5
"""Relevance weighs a topic's terms by idf to this power. In a set of articles gathered for a
subject, the subject's own words ("Amnesty International") are in many sentences and so have a
low idf, while a question's incidental words ("lodged") are rare: full idf lets the incidental
words decide which sentences are relevant; its square root keeps rarity's effect, damped."""

QUERY_REPEAT_WEIGHT = 1.0
"""A question's keyword weighs 1 + this x ln(times the question uses it): a word the asker
repeats (a title's subject, named again in the question) is the subject."""

TOGETHER_POWER = 4.0
"""In a folder of unrelated stories, a question's words must be found together: a sentence's relevance
is multiplied by the idf-weighted share of the question's words it holds, to the power
``TOGETHER_POWER x (1 - f)^2``, where f is the share of the articles that use one of them. On "Oil and gas
prices" over 62 unrelated pages (f = 0.34), a sentence saying only "price" (a games console's, Uber's)
no longer outranks the one article about oil. In a set of articles gathered for the question (DUC's, the
seeds: f near 1) the power is near 0 and nothing changes: there a sentence naming one of the question's
words is on the subject, and requiring the others costs ROUGE (bench/results/quality-duc2007.md).
A question's word that evoked a built-in topic is held by that topic's keywords too ("mediating" by
"mediator", "peace", "envoy"; not by its context words "talks", "host" or "meeting")."""

MERGE_COPIES_ABOVE = 4000
"""Candidates beyond which identical sentences share one node of the walk (as selection
stops keeping a dense similarity matrix at this size)."""


@dataclass(frozen=True)
class TopicQuery:
    """A topic as weighted index terms: its own keywords and terms expanded from the corpus."""

    weights: dict[int, float]
    """Term id to weight."""
    original: frozenset[int]
    """The term ids of the topic's own keywords."""
    phrases: frozenset[tuple[str, str]] = frozenset()
    """The phrases the topic names (see :func:`topic_phrases`), as pairs of stems."""
    together: tuple[tuple[int, frozenset[int]], ...] = ()
    """For a question over unrelated stories, what a sentence should hold together: each of the
    question's words (a term id), with the keywords of the topic it evoked when it did (the question's
    "mediating" is held by a sentence saying "peace" or "envoy" too; see ``query_topic``)."""
    together_power: float = 0.0
    """The power of the share of ``together`` a sentence holds in its relevance (see ``TOGETHER_POWER``)."""
    answer: str | None = None
    """What the topic, a question, asks for first of all: a quantity, a time, a place, a definition or
    its focus (see ``asked_answer``)."""
    focus: frozenset[int] = frozenset()
    """For a typed question: the terms a sentence answering it holds (see :func:`focus_terms`)."""
    focus_things: frozenset[int] = frozenset()
    """The terms of the ``focus`` words that are not the question's verbs: "debris" of "Where did the
    rocket debris fall?", not "held" of "Where will the talks be held?"."""
    story: frozenset[int] = frozenset()
    """Its other words, the story's: an article answering it uses one of them."""
    own: frozenset[int] = frozenset()
    """The term ids of the topic's own keywords in all their forms, without the vocabulary of a topic
    a question evoked (its context words): what an answer gives its number, time or place beside."""
    role: frozenset[str] = frozenset()
    """For a question asking who, the stems of the role it asks someone in ("mediate": mediat;
    "died": die, dead, kill ...; see :func:`~summarizer.ranking.answers.role_stems`): its answer
    names someone beside one of them."""
    sum_asked: bool | None = False
    """For a question asking how many or how much: whether it asks for a sum of money, None when
    either a sum or a count answers it (see :func:`~summarizer.ranking.answers.asks_a_sum`)."""
    role_object: frozenset[int] = frozenset()
    """The term ids of what the role asked is of ("negotiations" of "Who leads the negotiations on
    compensation?"; see :func:`~summarizer.ranking.topics.asked_role_object`): an answer saying it
    comes before one that does not ("chief executive Sabine Carrow would step down")."""
    question: bool = False
    """Whether the topic is a free-text question or description (``--query``)."""
    context: frozenset[int] = frozenset()
    """The term ids of the topic's context words (see ``Topic.context``): they count in articles that
    use a keyword."""
    wording: str | None = None
    """How the question says what it asks for, when it asks for a quantity, a time or a place ("how
    much", see :func:`~summarizer.ranking.topics.asked_wording`)."""
    speech_asked: bool = False
    """Whether a question asks what someone said (see :func:`~summarizer.ranking.topics.asks_what_was_said`):
    then any speech may answer it; else only one naming what the question names (see ``Corpus.summary_worthy``)."""
    owners: frozenset[str] = frozenset()
    """The stems of the common nouns a question writes as the owner of what it asks about ("gallery" of
    "How much did the gallery's new alarm system cost?"; see
    :func:`~summarizer.ranking.topics.asked_owners`): an answer gives its figure beside what is owned."""
    names: frozenset[int] = frozenset()
    """The term ids of the names a question asks about ("Orbis" of "How much does the Orbis Nine
    cost?"; see ``asked_names``) that the corpus uses."""
    events: frozenset[str] = frozenset()
    """For a question asking when, the stems of the event it asks the time of, in all their forms: its
    verb or participle ("collapse" of "When did the tunnel collapse?", "discovered" of "When was the
    attack discovered?"; see :func:`~summarizer.ranking.topics.asked_events`)."""
    kind_of: frozenset[str] = frozenset()
    """For a "Which N ...?" question, the stems of N in all its forms ("crossing" of "Which border
    crossing did the convoy use?"; see :func:`~summarizer.ranking.topics.asked_kind_of`): an answer names one."""
    counted: frozenset[str] = frozenset()
    """For a "How many N ...?" question, the stems of what it counts in all their forms ("truck" of
    "How many trucks ...?"; see :func:`~summarizer.ranking.topics.counted_thing`)."""
    typed: bool = False
    """Whether the topic is a question of one sentence ("What did Varn say after the verdict?"), not a
    description of several (DUC's "Describe ... Include ..."), whose summary is chosen for all it asks."""
    ahead: bool = False
    """Whether a question asks when something will happen (see :func:`~summarizer.ranking.topics.asks_ahead`)."""
    days: frozenset[str] = frozenset()
    """The days a question asks about ("How many trucks crossed on Saturday?"; see
    :func:`~summarizer.ranking.answers.named_days`): an answer of another day answers another question."""
    lasting: bool = False
    """Whether the question asks what is still so (see :func:`~summarizer.ranking.topics.asks_what_lasts`)."""
    continued: tuple[tuple[int, int], ...] = ()
    """Candidates a question's answers may be in that open with a pronoun standing for the sentence before,
    a candidate: (row, the row before); see :func:`continuations`."""


@dataclass(frozen=True)
class Ranking:
    """Candidate sentences of one topic, with their scores (arrays aligned with ``rows``)."""

    rows: np.ndarray
    """Indices into ``corpus.sentences`` of the sentences that match the topic."""
    relevance: np.ndarray
    centrality: np.ndarray
    score: np.ndarray
    vectors: sparse.csr_matrix
    """L2-normalised tf-idf vectors of the candidates, for redundancy control."""
    query: TopicQuery
    matched: int | None = None
    """How many sentences matched the topic: more than ``rows`` when only the most relevant
    were ranked (see ``TopicRanker.max_candidates``); None means ``len(rows)``."""


def topic_terms(topic: Topic, corpus: Corpus) -> frozenset[int]:
    """The index terms of the topic's keywords, in all their forms (see :func:`keyword_units`)."""
    return frozenset(t for _, terms in keyword_units(topic, corpus) for t in terms)


def keyword_units(topic: Topic, corpus: Corpus) -> tuple[tuple[int, frozenset[int]], ...]:
    """Each of the topic's keywords the corpus uses, as (its term, the terms of all its forms): a
    word is found in its irregular forms too ("sink" in "the ferry sank", "child" in "children";
    see :mod:`.forms`). The term is the keyword's own, or a form's when the corpus lacks it."""
    stem = corpus.analyzer.stem
    units = []
    kind = asked_answer(topic) if topic.origin == "query" else None
    typed = typed_question(topic)
    names = {name.lower() for name in asked_names(topic)}
    for keyword in topic.keywords:
        own = _terms([keyword], corpus)
        if len(keyword.split()) > 1:
            units.extend((t, frozenset({t})) for t in sorted(own))
            continue
        # "How many people died?" is answered by the dead, the death toll, those killed; "How much
        # does it cost?" by its price; "Who died?" by "The dead were named as ...".
        counted = counted_forms(stem(keyword)) if kind == "quantity" else frozenset()
        if kind == "person" and stem(keyword) in TOLL:
            counted = TOLL
        # A question's word is looked for in the words news uses for the same thing too ("abducted":
        # kidnapped). Not a topic's keywords (the user's own list), nor a description's (DUC's
        # "Describe ..."), whose many words find what it asks: there, "accord" finding "agreement"
        # and "earthquake" "quake" cost ROUGE (bench/results/quality-duc2007.md).
        kin = (*synonyms(keyword, stem), *(demonyms(keyword) if keyword in names else ())) if typed else ()
        terms = own | frozenset(corpus.term_ids([*(stem(form) for form in (*word_forms(keyword)[1:], *kin)),
                                                 *sorted(counted)]))
        if terms:
            units.append((min(own) if own else min(terms), terms))
    return tuple(units)


def context_terms(topic: Topic, corpus: Corpus) -> frozenset[int]:
    """The index terms of the topic's context words (one that is also a keyword counts as one)."""
    return _terms(topic.context, corpus)


def _terms(words: Sequence[str], corpus: Corpus) -> frozenset[int]:
    stem = corpus.analyzer.stem
    return frozenset(corpus.term_ids([stem(w) for phrase in words for w in written_forms(phrase)]))


def compound_terms(topic: Topic, corpus: Corpus) -> frozenset[int]:
    """The index terms of the topic's phrases written as one word ("air-defence", "airdefence")."""
    stem = corpus.analyzer.stem
    return frozenset(corpus.term_ids([stem(form) for phrase in (*topic.keywords, *topic.context)
                                      if len(phrase.split()) > 1 for form in compound_forms(phrase)]))


def written_forms(phrase: str) -> list[str]:
    """The words to look for a topic's word or phrase by: its words, and its :func:`compound_forms`.
    A hyphenated word's parts are not looked for alone: "world" is not what "round-the-world" asks
    about."""
    return [*phrase.split(), *compound_forms(phrase)]


def compound_forms(phrase: str) -> list[str]:
    """A phrase or hyphenated word written as one word, the ways news may write it ("air defence":
    air-defence, airdefence; "cease-fire": ceasefire). A hyphenated word is one term of the index,
    so a topic's "air defence" never met an article's "air-defence units"."""
    words = phrase.split()
    if len(words) > 1:
        return ["-".join(words), "".join(words)]
    return [word.replace("-", "") for word in words if "-" in word]


_CLAUSE_END = re.compile(r"[.,;:?!()\[\]\"\u201c\u201d]")


def topic_phrases(topic: Topic, corpus: Corpus) -> frozenset[tuple[str, str]]:
    """The phrases a topic names, as pairs of stems: two of its own words side by side in a
    question ("Kakadu National Park", "uranium mine", "line item veto"), or within one of a
    topic's keywords or context words ("air defence"). A sentence that uses the asker's phrase
    is about what was asked, more surely than one that has the two words apart."""
    own = {corpus.analyzer.stem(w) for phrase in (*topic.keywords, *topic.context) for w in phrase.split()}
    pieces = _CLAUSE_END.split(topic.description) if topic.origin == "query" else (*topic.keywords, *topic.context)
    found: set[tuple[str, str]] = set()
    for piece in pieces:
        stems = [corpus.analyzer.stem(w) for w in words(piece)]
        found.update((a, b) for a, b in pairwise(stems) if a != b and a in own and b in own)
    return frozenset(found)


def focus_terms(corpus: Corpus, units: Sequence[tuple[int, frozenset[int]]]) -> frozenset[int]:
    """The words of a question that at most half of the articles using its words use: what it asks
    about the story, not the story. "Who mediated the strike?" over a strike's articles asks about
    "mediated" (one article); "Will there be an inquiry into the landslide?" about "inquiry". A
    sentence holding none of them does not answer, however many outlets print it. Empty when every
    word is used as widely (the question names the story alone)."""
    if len(units) < 2:
        return frozenset()
    articles = [(terms, np.unique(corpus.article_of[matching_rows(corpus, terms)])) for _, terms in units]
    using = len(np.unique(np.concatenate([held for _, held in articles])))
    return frozenset(t for terms, held in articles if 0 < 2 * len(held) <= using for t in terms)


def matching_rows(corpus: Corpus, terms: frozenset[int]) -> np.ndarray:
    """Sentences holding at least one of the terms."""
    if not terms or not len(corpus):
        return np.zeros(0, dtype=np.int64)
    return corpus.matching(sorted(terms))


def topic_rows(corpus: Corpus, keywords: frozenset[int], context: frozenset[int]) -> np.ndarray:
    """Sentences holding a keyword, and sentences holding a context word in an article that uses a
    keyword somewhere: "host" and "meeting" in a story about talks, not in one about a talk show."""
    rows = matching_rows(corpus, keywords)
    if not context or not len(rows):
        return rows
    around = matching_rows(corpus, context)
    around = around[np.isin(corpus.article_of[around], np.unique(corpus.article_of[rows]))]
    return np.union1d(rows, around).astype(np.int64)


def titled_rows(corpus: Corpus, topic: Topic, context: frozenset[int]) -> np.ndarray:
    """Where no sentence holds a keyword: the sentences holding a context word in an article whose
    title holds one ("Carrowmont offers to mediate" over "talks hosted by Carrowmont's foreign
    minister"): the article says what it is about in its title alone. Read only then, since it reads
    every title."""
    stem = corpus.analyzer.stem
    titled = corpus.titled({stem(form) for keyword in topic.keywords for word in written_forms(keyword)
                            for form in word_forms(word)})
    if not titled:
        return np.zeros(0, dtype=np.int64)
    around = matching_rows(corpus, context)
    return around[np.isin(corpus.article_of[around], titled)].astype(np.int64)


def whole_phrases(corpus: Corpus, topic: Topic, rows: np.ndarray, context: frozenset[int]) -> np.ndarray:
    """The ``rows`` less those holding of the topic's keywords only a word of one of its phrases, not the
    phrase: a topic of "relief fund" is not about "Paying would only fund the next attack". A
    phrase's words count in any order, or written as one word (see :func:`compound_forms`)."""
    phrases = [keyword for keyword in topic.keywords if len(keyword.split()) > 1]
    if not phrases or not len(rows):
        return rows
    stem = corpus.analyzer.stem
    singles = [keyword for keyword in topic.keywords if len(keyword.split()) == 1]
    alone = frozenset(t for _, terms in keyword_units(replace(topic, keywords=tuple(singles)), corpus) for t in terms)
    keep = np.isin(rows, matching_rows(corpus, alone | context))
    for phrase in phrases:
        whole = np.isin(rows, matching_rows(corpus, frozenset(corpus.term_ids([stem(f) for f in compound_forms(phrase)]))))
        indexed = [terms for terms in (frozenset(corpus.term_ids([stem(word)])) for word in phrase.split()) if terms]
        holding = np.logical_and.reduce([np.isin(rows, matching_rows(corpus, terms)) for terms in indexed]) if indexed \
            else np.zeros(len(rows), dtype=bool)
        if len(indexed) < len(phrase.split()):
            # A word the index does not keep (a function word: "step down", "sign up") is looked for in the
            # text of the sentences holding the others: the phrase's words side by side, each in any form
            # its stem allows ("stepped down").
            wanted = [stem(word.lower()) for word in phrase.split()]
            for i in np.flatnonzero(holding).tolist():
                said = [stem(word.lower()) for word in words(corpus.sentences[int(rows[i])].text)]
                holding[i] = any(said[n : n + len(wanted)] == wanted for n in range(len(said) - len(wanted) + 1))
        keep |= whole | holding
    return rows[keep]


def in_the_topics_sense(corpus: Corpus, terms: frozenset[int], rows: np.ndarray,
                        compounds: frozenset[int] = frozenset(), read: frozenset[int] = frozenset()) -> np.ndarray:
    """The rows that use the topic's words in the topic's sense, as far as the corpus tells.

    A sentence holding two of the topic's words is about the topic. A sentence holding one is
    kept only when that word stands beside another of the topic's words somewhere in the corpus,
    or the title of its article uses it, or (when no sentence holds two) its article repeats it: in
    a story about a murder trial, "thrown into relief" never
    meets a second word of aid, while in a story about an earthquake "relief" meets "supplies" and
    "hospital", and a story titled "... drags oil lower" is about oil. ``compounds``: terms that
    are two of the topic's words written as one ("air-defence"), which count as both. ``read``: the
    terms that what the reader has read uses beside another of the topic's words (the next day's
    "No shelling was reported" is about security when yesterday's articles said "troops shelled").
    """
    if len(terms) < 2 or not len(rows):
        return rows
    columns = sorted(terms)
    held = (corpus.counts[rows][:, columns] > 0).astype(np.float64).tocsr()
    per_row = np.asarray(held.sum(axis=1)).ravel()
    if compounds:
        per_row += np.asarray(held[:, [n for n, t in enumerate(columns) if t in compounds]].sum(axis=1)).ravel()
    confirmed = (np.asarray(held[per_row >= 2].sum(axis=0)).ravel() > 0) | np.isin(columns, list(read))
    keep = per_row >= 2
    single = np.flatnonzero(per_row == 1)
    if len(single):
        which = held[single].tocsr().indices
        keep[single] = confirmed[which]
        if not confirmed.any():
            # No sentence here holds two of the topic's words, so none shows its sense: an article
            # using one in two sentences or more is about it ("The city has opened negotiations ...",
            # "The negotiations are led by ..."); a story says "pour fuel on the protests" once.
            # (With one of the topic's words in the corpus, every sentence holding it is kept: adding
            # an article that says "talks" once must not make the negotiations vanish.)
            articles = corpus.article_of[rows[single]]
            pairs, repeated = np.unique(np.stack([articles, which]), axis=1, return_counts=True)
            again = {(int(a), int(c)) for (a, c), n in zip(pairs.T, repeated) if n >= 2}
            for n, (i, column) in enumerate(zip(single, which)):
                keep[i] |= (int(articles[n]), int(column)) in again
        # An article whose title uses the word is about it ("Oversupply drags oil lower"), whatever
        # the rest of the corpus does with the topic's other words.
        unconfirmed = [(i, column) for i, column in zip(single, which) if not keep[i]]
        texts = {a: corpus.articles[a].title or "" for a in {int(corpus.article_of[rows[i]]) for i, _ in unconfirmed}}
        # Each distinct title analysed once (a story printed by many outlets keeps its title),
        # its words' stems in one look-up of the index, not one per word (a round trip each to a server).
        distinct = dict.fromkeys(texts.values())
        corpus.analyzer.prefetch(w for text in distinct for w in words(text))
        stems = {text: set(corpus.analyzer(text)) for text in distinct}
        titles = {a: stems[text] for a, text in texts.items()}
        for i, column in unconfirmed:
            keep[i] = corpus.terms[columns[column]] in titles[int(corpus.article_of[rows[i]])]
    return rows[keep]


PRONOUN_OPENING = re.compile(r"(?:They|He|She|It)\s+(?=[a-z])")
"""A sentence's opening pronoun that stands for what the sentence before named ("They lowered themselves
on ropes ..." after "The thieves who raided the Aubrecht Museum got in through a skylight")."""
CONTINUATION_CHECKS = 100
"""How many of the most relevant candidates the sentence after is looked at for an opening pronoun."""
CONTINUED_SHARE = 0.9
"""A sentence continuing a candidate (see :func:`continuations`) is at least this share as relevant as it."""


def continuations(corpus: Corpus, rows: np.ndarray) -> tuple[np.ndarray, tuple[tuple[int, int], ...]]:
    """``rows`` and the sentences right after them in their article that open with a pronoun (see
    ``PRONOUN_OPENING``), with (each of those, the row before it): a question's answer may be told of
    "they" ("They ... were inside for about seven minutes", for how long the thieves were inside)."""
    following = rows + 1
    following = following[following < len(corpus)]
    following = following[corpus.article_of[following] == corpus.article_of[following - 1]]
    continued = tuple((int(row), int(row) - 1) for row in following
                      if PRONOUN_OPENING.match(corpus.sentences[int(row)].text))
    if not continued:
        return rows, ()
    return np.union1d(rows, [row for row, _ in continued]).astype(np.int64), continued


_LINKING = frozenset("stay stays stayed remain remains remained become becomes became seem seems seemed".split())
STORY_WORDS = 8
"""How many of the words the articles' titles share name their stories."""


def story_words(corpus: Corpus) -> tuple[str, ...]:
    """The words naming the stories of ``corpus``: the content words most of its articles' titles use
    (those used by two titles or more, when some are), at most ``STORY_WORDS``."""
    stop = corpus.analyzer.stop_words
    counts = Counter(word for article in corpus.articles
                     for word in dict.fromkeys(w.lower() for w in words(article.title or ""))
                     if word not in stop and len(word) > 1 and not word.isdigit())
    shared = [word for word, n in counts.most_common() if n > 1] or [word for word, _ in counts.most_common()]
    return tuple(shared[:STORY_WORDS])


class TopicRanker:
    """Biased LexRank (Otterbacher et al., 2005) over the sentences that match a topic.

    score = bias * relevance + (1 - bias) * similarity-weighted votes of the other candidates,
    solved by power iteration. Relevance uses the topic's terms weighted by rarity, expanded
    with terms that co-occur with the topic in the corpus (pseudo-relevance feedback).
    """

    def __init__(
        self,
        bias: float = 0.7,
        expansion_terms: int = 10,
        expansion_weight: float = 0.4,
        context_weight: float = 0.5,
        similarity_threshold: float = 0.1,
        max_candidates: int = 2000,
    ) -> None:
        self.bias = bias
        # The similarity graph is dense among sentences that share the topic's terms: memory and
        # time grow with the square of the candidates (30,000 of them need tens of gigabytes).
        self.max_candidates = max_candidates
        self.expansion_terms = expansion_terms
        self.expansion_weight = expansion_weight
        self.context_weight = context_weight
        self.similarity_threshold = similarity_threshold

    def __call__(self, corpus: Corpus, topic: Topic, read: ReadSet | None = None) -> Ranking:
        """The topic's candidates in ``corpus``; ``read``, what the reader has read, tells which of
        the topic's words are used in its sense as much as the corpus does."""
        if not topic.keywords:
            # "What happens next?" asks it of the stories the articles tell: of their titles' words.
            topic = replace(topic, keywords=story_words(corpus))
        # The topic's words in one question to the index (a round trip each on a server otherwise).
        corpus.analyzer.prefetch([*(w for text in (*topic.keywords, *topic.context, topic.description) for w in words(text)),
                                  *(w for phrase in (*topic.keywords, *topic.context) for w in compound_forms(phrase)),
                                  *(w for keyword in topic.keywords for w in word_forms(keyword)[1:])])
        typed = typed_question(topic)
        units = keyword_units(topic, corpus)
        keywords, context = frozenset(t for _, terms in units for t in terms), context_terms(topic, corpus)
        rows = topic_rows(corpus, keywords, context)
        if not len(rows) and context and topic.origin != "query":
            rows = titled_rows(corpus, topic, context)
        role = role_stems(asked_role(topic), corpus.analyzer.stem)
        if role:
            # "Who died in the collapse?": "The dead men were named as ..." answers it without a word
            # of the question; in an article using them, it is a candidate.
            rows = np.union1d(rows, topic_rows(corpus, keywords, frozenset(corpus.term_ids(sorted(role))) - keywords))
        answer = asked_answer(topic)
        if answer == "next" and len(rows):
            # "What happens next in the Sallow Valley?": what an article about it says will happen may not
            # name the valley again ("Observers are due to arrive on Friday").
            rows = np.flatnonzero(np.isin(corpus.article_of, np.unique(corpus.article_of[rows]))).astype(np.int64)
        if topic.origin != "query":  # a question's words are its sense; a topic's are checked
            rows = whole_phrases(corpus, topic, rows, context)
            seen: frozenset[int] = frozenset()
            if read is not None:
                stem = corpus.analyzer.stem
                used = read.together(frozenset(stem(form) for phrase in (*topic.keywords, *topic.context)
                                               for word in written_forms(phrase) for form in word_forms(word)))
                seen = frozenset(t for t in keywords | context if corpus.terms[t] in used)
            # The word a topic is named by is used in its sense ("an emergency aid fund" for aid): a reader
            # ticking "aid" asks for it.
            named = frozenset(t for t in keywords if corpus.terms[t] == corpus.analyzer.stem(topic.name.lower()))
            compounds = compound_terms(topic, corpus)
            sensed = in_the_topics_sense(corpus, keywords | context, rows, compounds, seen | named)
            if not len(sensed) and len(rows) and context:
                # None of the few sentences holding a keyword shows the topic's sense ("Our members cannot
                # wait for diplomats"): the articles whose titles use a keyword still tell it in its
                # context words ("Lorvania offers to mediate" over "offered to host talks").
                titled = whole_phrases(corpus, topic, titled_rows(corpus, topic, context), context)
                sensed = in_the_topics_sense(corpus, keywords | context, np.union1d(rows, titled).astype(np.int64),
                                             compounds, seen | named)
            rows = sensed
        matched = len(rows)
        # A question's context words are the vocabulary of a topic it asks in the words of (see
        # query_topic), counted in articles that use the question's own words.
        emphasis = _repeated(topic, corpus, keywords)
        for term, share in (_name_shares(topic, corpus) if typed else {}).items():
            emphasis[term] = emphasis.get(term, 1.0) * share
        feedback = rows
        topic_synonyms: frozenset[int] = frozenset()
        if topic.origin == "query" and context:
            # A question in a topic's words ("Was anyone evacuated?" in aid's) takes that topic's
            # keywords as its own word's synonyms and its context words at the topic's own weight,
            # and learns its related terms from the sentences that say what it asks: "hospital",
            # and the words of the hospital sentences every outlet printed, had outweighed the
            # "evacuated" that was asked.
            topic_synonyms = _terms([w for w in topic.context if any(w in b.keywords for b in BUILTIN_TOPICS)], corpus)
            emphasis.update({t: self.context_weight for t in context - topic_synonyms - keywords})
            feedback = rows[np.isin(rows, matching_rows(corpus, keywords | topic_synonyms))]
        query = self._expand(corpus, keywords, context, feedback,
                             1.0 if topic.origin == "query" else self.context_weight, emphasis)
        if role:
            # ... and relevant, as a context word is: the role asked is said in them.
            weights = dict(query.weights)
            for term in frozenset(corpus.term_ids(sorted(role))) - keywords:
                weights[term] = max(weights.get(term, 0.0), self.context_weight)
            query = replace(query, weights=weights)
        query = replace(query, phrases=topic_phrases(topic, corpus), answer=answer,
                        names=_terms(asked_names(topic), corpus), own=keywords, role=role,
                        role_object=_terms(asked_role_object(topic), corpus),
                        owners=frozenset(corpus.analyzer.stem(w) for w in asked_owners(topic)),
                        speech_asked=asks_what_was_said(topic), wording=asked_wording(topic), context=context,
                        question=topic.origin == "query",
                        days=named_days(topic.description) if topic.origin == "query" else frozenset(),
                        ahead=answer == "time" and asks_ahead(topic), lasting=asks_what_lasts(topic),
                        typed=typed,
                        events=frozenset(corpus.analyzer.stem(form) for word in asked_events(topic)
                                         for form in word_forms(word)) if answer == "time" else frozenset(),
                        kind_of=frozenset(corpus.analyzer.stem(form) for form in word_forms(asked_kind_of(topic) or "")
                                          if form),
                        counted=_counted_stems(counted_thing(topic), corpus, typed) if answer == "quantity" else frozenset(),
                        # Whether a sum is asked is the question's, whether or not the articles use its word
                        # ("How much did the alarm cost?" where no article says "cost").
                        sum_asked=answer == "quantity" and asks_a_sum(
                            topic.description, frozenset(corpus.analyzer.stem(w) for k in topic.keywords
                                                         for w in written_forms(k)), corpus.analyzer.stem))
        if query.answer is not None and query.typed:
            # What a typed question asks about the story answers it when nothing of the kind asked
            # for does (no sentence says how many helmets: the one about the helmets first).
            focus = focus_terms(corpus, units)
            verbs = _terms(sorted(asked_verbs(topic)), corpus)
            # A linking verb ("How long will the zone stay closed?") tells no story: an article whose title
            # says "stays shut" is no more the story's than one saying "closure extended".
            linking = frozenset(corpus.term_ids(sorted({corpus.analyzer.stem(w) for w in _LINKING})))
            query = replace(query, focus=focus, story=keywords - focus - linking,
                            focus_things=frozenset(t for _, terms in units if terms & focus and not terms & verbs
                                                   for t in terms))
        thing = asked_thing(topic)
        if query.answer == "focus" and not query.focus and thing is not None:
            # "What aid is Israel sending?" over articles that all say "aid": what it asks about is
            # aid, in the words of the topic it evoked ("humanitarian support ... medical assistance"),
            # not the story the articles share (the phone call both outlets reported).
            stem = corpus.analyzer.stem
            asked = stem(thing)
            focus = frozenset(t for own, terms in units if corpus.terms[own] == asked for t in terms)
            if asked in {stem(w) for b in BUILTIN_TOPICS if set(b.keywords) & set(topic.context)
                         for k in b.keywords for w in k.split()}:
                focus |= topic_synonyms
            query = replace(query, focus=focus, story=keywords - focus)
        if query.answer == "focus" and not query.focus:
            query = replace(query, answer=None)
        if topic.origin == "query" and len(keywords) > 1 and len(rows) and TOGETHER_POWER:
            using = len(np.unique(corpus.article_of[matching_rows(corpus, keywords)])) / len(corpus.articles)
            # The keywords a question's word evoked (its synonyms), not those topics' context words ("talks", "host").
            evoked = {corpus.terms[t] for t in topic_synonyms}
            # A death's words hold "died": "The dead man was named as ..." (among other stories, the
            # sentence had scored nothing). Not a role's other forms: "the leaders of Russia and
            # Israel" holding "leads" of "Who leads the aid convoy?" put them above the aid sentences.
            role_terms = frozenset(corpus.term_ids(sorted(role & PERSON_TOLL)))
            # The name of a measure asked holds the question whole: "Her average speed was 4.0 kilometres
            # an hour" for "How fast did Achterberg swim?", in an article about her swim.
            measured = _terms(MEASURES[answer], corpus) if answer in MEASURES else frozenset()
            together = tuple((t, terms | measured | (topic_synonyms if corpus.terms[t] in evoked else frozenset())
                              | (role_terms if corpus.terms[t] in role else frozenset())) for t, terms in sorted(units))
            query = replace(query, together=together, together_power=TOGETHER_POWER * (1.0 - using) ** 2)
        if typed and answer not in (None, "person") and len(rows):
            # (Not who: "He was named as Matthias Korr" after "Rescuers found the body of the last missing skier"
            # is not who found him.)
            # Only after the most relevant candidates: reading a sentence's text costs, and an answer told of
            # "they" follows a sentence that names what the question asks.
            relevance = self._relevance(corpus, rows, query)
            ahead = rows[np.argsort(-relevance, kind="stable")[:CONTINUATION_CHECKS]]
            added, continued = continuations(corpus, np.sort(ahead))
            rows = np.union1d(rows, added).astype(np.int64)
            query = replace(query, continued=continued)
        if len(rows) > self.max_candidates:  # rank only the most relevant, in corpus order
            relevance = self._relevance(corpus, rows, query)
            rows = rows[np.sort(np.argsort(-relevance, kind="stable")[: self.max_candidates])]
        vectors = corpus.tfidf(rows)
        if not len(rows):
            empty = np.zeros(0)
            return Ranking(rows, empty, empty, empty, vectors, query, matched)
        relevance = self._relevance(corpus, rows, query)
        if query.continued:
            # A sentence opening with "They" is as much about the thieves as the one before that named them.
            for row, before in query.continued:
                at, was = np.searchsorted(rows, [row, before])
                if was < len(rows) and rows[was] == before and at < len(rows) and rows[at] == row:
                    relevance[at] = max(relevance[at], CONTINUED_SHARE * relevance[was])
        centrality, score = self._biased_lexrank(vectors, relevance)
        return Ranking(rows, _unit(relevance), _unit(centrality), score, vectors, query, matched)

    def _expand(
        self, corpus: Corpus, keywords: frozenset[int], context: frozenset[int], rows: np.ndarray,
        context_weight: float | None = None, emphasis: dict[int, float] | None = None,
    ) -> TopicQuery:
        original = keywords | context
        context_weight = self.context_weight if context_weight is None else context_weight
        weights = {t: 1.0 if t in keywords else context_weight for t in original}
        for term, factor in (emphasis or {}).items():
            weights[term] *= factor
        if not self.expansion_terms or not len(rows) or len(rows) == len(corpus):
            return TopicQuery(weights, original)
        # Terms far more frequent in the topic's sentences than in the corpus, seen in 2+ of them.
        inside = np.asarray((corpus.counts[rows] > 0).sum(axis=0)).ravel()
        overall = corpus.document_frequency
        share_inside = inside / len(rows)
        share_overall = overall / len(corpus)
        with np.errstate(divide="ignore", invalid="ignore"):
            lift = np.where(inside >= 2, share_inside * np.log(share_inside / share_overall), 0.0)
        lift[list(original)] = 0.0
        order = np.argsort(-lift)[: self.expansion_terms]
        top = lift[order]
        if len(top) and top[0] > 0:
            for term, value in zip(order, top):
                if value > 0:
                    weights[int(term)] = self.expansion_weight * float(value / top[0])
        return TopicQuery(weights, original)

    @staticmethod
    def _relevance(corpus: Corpus, rows: np.ndarray, query: TopicQuery) -> np.ndarray:
        terms = np.array(sorted(query.weights), dtype=np.int64)
        q = np.array([query.weights[t] for t in terms]) * corpus.idf[terms] ** QUERY_IDF_POWER
        sub = corpus.counts[rows][:, terms].copy()
        sub.data = np.log1p(sub.data)
        relevance = np.asarray(sub @ q).ravel()
        if query.together and query.together_power > 0:
            # Each unit weighs as its question word does; a sentence holds it with any of its terms.
            asked = np.array([word for word, _ in query.together], dtype=np.int64)
            mass = np.array([query.weights[t] for t in asked]) * corpus.idf[asked] ** QUERY_IDF_POWER
            counts = corpus.counts[rows]
            held = np.column_stack([
                np.asarray((counts[:, sorted(unit)] > 0).sum(axis=1)).ravel() > 0 for _, unit in query.together
            ]).astype(np.float64)
            share = held @ mass / mass.sum()
            relevance = relevance * share ** query.together_power
        return relevance

    def _biased_lexrank(self, vectors: sparse.csr_matrix, relevance: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        n = vectors.shape[0]
        if n > MERGE_COPIES_ABOVE:
            return self._biased_lexrank_merged(vectors, relevance)
        similarity = (vectors @ vectors.T).tocsr()
        similarity.setdiag(0.0)
        similarity.data[similarity.data < self.similarity_threshold] = 0.0
        similarity.eliminate_zeros()
        out_weight = np.asarray(similarity.sum(axis=1)).ravel()
        dangling = out_weight == 0
        out_weight[dangling] = 1.0
        transition = _scale_rows(similarity, 1.0 / out_weight)  # rows sum to 1 (or 0)
        total = relevance.sum()
        bias = relevance / total if total > 0 else np.full(n, 1.0 / n)
        score = np.full(n, 1.0 / n)
        for _ in range(100):
            votes = transition.T @ score + score[dangling].sum() * bias
            updated = self.bias * bias + (1.0 - self.bias) * votes
            if np.abs(updated - score).sum() < 1e-9:
                score = updated
                break
            score = updated
        centrality = np.asarray(transition.T @ score).ravel()
        return centrality, score

    def _biased_lexrank_merged(self, vectors: sparse.csr_matrix, relevance: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """:meth:`_biased_lexrank` for many candidates: the same walk, with the sentences that
        several outlets print word for word as one node of weight k (their number of copies),
        so that the similarity matrix grows with the distinct candidates. Scores agree with
        the sentence-by-sentence walk within rounding; copies score exactly alike (there,
        rounding decides which copy ranks first)."""
        n = vectors.shape[0]
        node, unique, copies = _merge_copies(vectors, relevance)
        vectors, relevance = vectors[unique], relevance[unique]
        similarity = (vectors @ vectors.T).tocsr()
        self_similarity = similarity.diagonal()
        similarity.setdiag(0.0)
        similarity.data[similarity.data < self.similarity_threshold] = 0.0
        similarity.eliminate_zeros()
        # A node's copies are its neighbours too (never itself): k - 1 of them, at its self-similarity.
        self_weight = np.where(self_similarity >= self.similarity_threshold, self_similarity, 0.0) * (copies - 1)
        out_weight = np.asarray(similarity @ copies.astype(np.float64)).ravel() + self_weight
        dangling = out_weight == 0
        out_weight[dangling] = 1.0
        transition = _scale_rows(similarity, 1.0 / out_weight)  # one copy's share of each vote
        stay = self_weight / out_weight
        total = (relevance * copies).sum()
        bias = relevance / total if total > 0 else np.full(len(copies), 1.0 / n)
        score = np.full(len(copies), 1.0 / n)
        for _ in range(100):
            weighted = score * copies
            votes = transition.T @ weighted + stay * score + weighted[dangling].sum() * bias
            updated = self.bias * bias + (1.0 - self.bias) * votes
            if (np.abs(updated - score) * copies).sum() < 1e-9:
                score = updated
                break
            score = updated
        centrality = np.asarray(transition.T @ (score * copies)).ravel() + stay * score
        return centrality[node], score[node]


def _merge_copies(vectors: sparse.csr_matrix, relevance: np.ndarray) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Identical candidates (same terms, same relevance): (node of each candidate, first
    candidate of each node, copies per node). Their walk scores are equal by symmetry."""
    first: dict[bytes, int] = {}
    node = np.empty(vectors.shape[0], dtype=np.int64)
    unique: list[int] = []
    indptr, indices, data = vectors.indptr, vectors.indices, vectors.data
    for i in range(vectors.shape[0]):
        a, b = indptr[i], indptr[i + 1]
        key = indices[a:b].tobytes() + data[a:b].tobytes() + relevance[i].tobytes()
        found = first.setdefault(key, len(unique))
        if found == len(unique):
            unique.append(i)
        node[i] = found
    copies = np.bincount(node, minlength=len(unique))
    return node, np.array(unique, dtype=np.int64), copies


def _scale_rows(matrix: sparse.csr_matrix, factors: np.ndarray) -> sparse.csr_matrix:
    """``diag(factors) @ matrix``, in place: the same products without a second matrix of millions
    of entries (the walk reads it only through ``.T @``, whose sums do not depend on the order of
    a row's entries)."""
    matrix.data *= np.repeat(factors, np.diff(matrix.indptr))
    return matrix


def _repeated(topic: Topic, corpus: Corpus, keywords: frozenset[int]) -> dict[int, float]:
    """For a question, the weight factor of each keyword it uses more than once (see
    ``QUERY_REPEAT_WEIGHT``): "Amnesty International. What is the scope of operations of Amnesty
    International ...?" names its subject twice and its incidental words once."""
    if topic.origin != "query" or not QUERY_REPEAT_WEIGHT:
        return {}
    uses = Counter(corpus.analyzer(topic.description))
    return {
        t: 1.0 + QUERY_REPEAT_WEIGHT * math.log(uses[corpus.terms[t]])
        for t in keywords if uses.get(corpus.terms[t], 0) > 1
    }


def _counted_stems(thing: str | None, corpus: Corpus, typed: bool) -> frozenset[str]:
    """The stems of what a "How many N ...?" question counts, in all its forms and, for a question of one
    sentence, in the words news uses for it ("How many houses ...?": "212 homes")."""
    if thing is None:
        return frozenset()
    stem = corpus.analyzer.stem
    return frozenset(stem(form) for form in (*word_forms(thing), *(synonyms(thing, stem) if typed else ())))


def _name_shares(topic: Topic, corpus: Corpus) -> dict[int, float]:
    """For a question of one sentence, the weight factor of each word of a name of several words: its
    share of the name ("Describe the damage caused by the Corrin Ridge fire.": a half each for
    "Corrin" and "Ridge"). A name says where or who the story is, once, however many words it takes;
    counted word by word it outweighed what was asked ("damage") and the fire's place came first."""
    names = set(asked_names(topic))
    shares: dict[int, float] = {}
    run: list[str] = []
    for word in (*QUESTION_WORD.findall(topic.description), ""):
        if word in names:
            run.append(word)
            continue
        if len(run) > 1:
            for term in corpus.term_ids([corpus.analyzer.stem(w.lower()) for w in run]):
                shares[term] = min(shares.get(term, 1.0), 1.0 / len(run))
        run = []
    return shares


def _unit(values: np.ndarray) -> np.ndarray:
    top = values.max() if len(values) else 0.0
    return values / top if top > 0 else values
