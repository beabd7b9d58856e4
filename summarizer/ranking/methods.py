"""Summarization methods by name: the default topic-focused ranker and sumy's algorithms."""

from __future__ import annotations

import re
import warnings
from itertools import combinations
from typing import Any

import numpy as np

from .corpus import Corpus
from .forms import demonyms, synonyms, word_forms
from .novelty import ReadSet
from ..errors import UnknownMethodError
from ..model import Summary, Topic
from .ranker import Ranking, TopicRanker
from ..options import DEFAULT_METHOD, METHODS, SUMY_METHODS, Length
from .selection import CoverageSelector, Selector
from .answers import UNITS_OF, asked_stems, day_wording, on_other_days, says, told_days
from .topics import (ABBREVIATION_PLURAL, BUILTIN_TOPICS, CALENDAR, PERSON_NOUNS, QUESTION_WORD, asked_names,
                     asked_phrases, asked_place_words, asked_role, asked_verbs, asked_wording, asked_words, counted_thing,
                     question_sentences, verb_like)
from ..reading.terms import words

# sumy's summarizers by method name (module, class); imported when one is used, since sumy
# brings NLTK and scipy.stats with it (half a second) and the default method needs neither.
_SUMY: dict[str, tuple[str, str]] = {
    "lexrank": ("lex_rank", "LexRankSummarizer"),
    "textrank": ("text_rank", "TextRankSummarizer"),
    "lsa": ("lsa", "LsaSummarizer"),
    "luhn": ("luhn", "LuhnSummarizer"),
    "edmundson": ("edmundson", "EdmundsonSummarizer"),
    "kl": ("kl", "KLSummarizer"),
    "sumbasic": ("sum_basic", "SumBasicSummarizer"),
    "reduction": ("reduction", "ReductionSummarizer"),
}
assert tuple(_SUMY) == SUMY_METHODS


def _sumy_summarizer(method: str) -> Any:
    """A sumy summarizer for ``method``, made with sumy's English stemmer."""
    from importlib import import_module

    from ..reading.nltk_import import load_nltk

    load_nltk()  # NLTK without scipy.stats, before sumy imports it
    from sumy.nlp.stemmers import Stemmer

    module, name = _SUMY[method]
    summarizer_class = getattr(import_module(f"sumy.summarizers.{module}"), name)
    stemmer = Stemmer("english")
    if method == "edmundson":
        return summarizer_class(stemmer, cue_weight=1.0, key_weight=1.0)
    return summarizer_class(stemmer)
# Candidates given to a sumy method at most ("" for the others); each takes a few seconds at most.
_SUMY_MAX_SENTENCES = {"": 400, "kl": 150}


class _WordTokenizer:
    """What sumy's models ask of a tokenizer, without NLTK data."""

    language = "english"

    @staticmethod
    def to_words(text: str) -> tuple[str, ...]:
        return tuple(words(text))

    @staticmethod
    def to_sentences(text: str) -> tuple[str, ...]:
        return (text,)


def _said_stems(corpus: Corpus, word: str) -> set[str]:
    """The stems a word is said in: its forms ("send": send, sent) and the words news uses for the same
    thing ("part": district)."""
    stem = corpus.analyzer.stem
    # A name is said in its people's word too: "Tarsenia" in "the Tarsenian Space Agency".
    named = demonyms(word) if word[:1].isupper() else ()
    return {stem(form) for form in (*word_forms(word), *synonyms(word, stem), *named)}


def _mentioned(corpus: Corpus, word: str, known: frozenset[str]) -> bool:
    """Whether an article uses the word in any of its forms or in a word news uses for the same thing
    ("explosion" for "blast"), or the reader read it (``known``: the stems of an update summary's
    read articles)."""
    said = _said_stems(corpus, word)
    return bool(corpus.term_ids(sorted(said))) or not known.isdisjoint(said)


_SPEAKER = re.compile(r"\s*what\s+(?:did|does|do|has|have|had|will|would)\s+(.+?)\s+(?:say|said|tell|told|comment|warn)\b",
                      re.IGNORECASE)


def _speaker_words(topic: Topic, stop_words: frozenset[str]) -> list[tuple[str, ...]]:
    """The common words naming whom "What did ... say?" asks about, side by side ("prime minister" of "What
    did the prime minister of Essaria say?"): no one else's words answer it."""
    match = _SPEAKER.match(topic.description) if topic.origin == "query" else None
    if match is None:
        return []
    names = {name.lower() for name in asked_names(topic)}
    runs: list[list[str]] = [[]]
    for word in (w.lower() for w in QUESTION_WORD.findall(match.group(1))):
        if word in stop_words or word in names or len(word) < 2:
            runs.append([])
        else:
            runs[-1].append(word)
    return [tuple(run) for run in runs if run]


def _whole_names(question: str, names: tuple[str, ...], unmentioned: tuple[str, ...]) -> tuple[str, ...]:
    """The names of a question (its ``names``' words side by side) that hold the words no article mentions,
    whole as written: "Prime Minister" where "Prime" is not mentioned (articles saying "the minister")."""
    if not unmentioned:
        return unmentioned
    runs: list[list[str]] = [[]]
    for word in QUESTION_WORD.findall(question):
        if word in names:
            runs[-1].append(word)
        elif runs[-1]:
            runs.append([])
    found = [" ".join(run) for word in unmentioned for run in runs if word in run]
    return tuple(dict.fromkeys(found or unmentioned))


def _said_otherwise(corpus: Corpus, word: str, known: frozenset[str]) -> bool:
    """Whether a word naming a built-in topic is used in that topic's other keywords: "What aid did Velsia
    send?" over articles that say "relief" and never "aid"."""
    return any(_mentioned(corpus, other, known) for topic in BUILTIN_TOPICS if word in topic.keywords
               for other in topic.keywords if other != word)


def _unwritten(corpus: Corpus, phrases: tuple[tuple[str, ...], ...], known: frozenset[str] = frozenset(),
               question: str = "") -> tuple[str, ...]:
    """The question's phrases when every word of them is used but no article holds two words of
    any of them: the words are found apart, in other stories ("artificial" and "intelligence" in
    stories about neither). One phrase with two of its words in an article is enough to say
    nothing (a story of a strike that says "the dockworkers" and "the strike" in separate sentences
    mentions the dockworkers' strike); a phrase with a word no article uses says nothing either way
    (it may be put in other words: "fell ill"), unless no word of it is used at all. An article's title says it too ("Two still missing
    after ferry disaster"), and so do the read articles of an update summary (``known``: their
    stems), whose words the reader has seen. Measured on DUC 2007's questions:
    bench/results/quality-duc2007.md."""
    apart = []
    titles: list[frozenset[str]] | None = None  # read once, when a phrase's words are found apart
    for phrase in phrases:
        # "of" and "the" join a phrase ("price of copper"); no article is looked for with them.
        own = [word for word in phrase if word.lower() not in corpus.analyzer.stop_words]
        forms = [_said_stems(corpus, word) for word in own]
        terms = [corpus.term_ids(sorted(f)) for f in forms]
        # Not a verb's phrase ("used to track ships": what is done, which articles word their own way).
        after_to = re.search(rf"\bto\s+{re.escape(phrase[0])}\b", question, re.IGNORECASE) is not None
        unused = () if after_to else _unused_part(corpus, phrase, known)
        if unused:
            # No word of it is used at all ("Has there been a cholera outbreak ...?", "the death toll of the
            # volcanic eruption" over an earthquake's articles): it is not here, unless a headline says it.
            if titles is None:
                titles = [corpus.title_stems(n) for n, article in enumerate(corpus.articles) if article.title]
            said = set().union(*(_said_stems(corpus, word) for word in unused))
            if all(said.isdisjoint(title) for title in titles):
                apart.append(" ".join(unused))
            continue
        if not all(terms):
            continue  # a word no article uses: the phrase may be put in other words ("fell ill")
        rows = [np.unique(corpus.article_of[corpus.matching(ids)]) for ids in terms]
        if any(len(np.intersect1d(a, b)) for a, b in combinations(rows, 2)):
            return ()
        if known and all(not known.isdisjoint(f) for f in forms):
            return ()
        if titles is None:
            titles = [corpus.title_stems(n) for n, article in enumerate(corpus.articles) if article.title]
        if any(sum(not f.isdisjoint(title) for f in forms) >= 2 for title in titles):
            return ()
        apart.append(" ".join(phrase))
    return tuple(dict.fromkeys(apart))


def _unused_part(corpus: Corpus, phrase: tuple[str, ...], known: frozenset[str]) -> tuple[str, ...]:
    """The words of a phrase, or of its part after "of" ("death toll of the volcanic eruption"), of which
    no article uses any, when there are two or more; else none."""
    stop = corpus.analyzer.stop_words
    parts: list[list[str]] = [[]]
    for word in phrase:
        if word.lower() in stop or word.lower() in CALENDAR | _PERIODS or any(c.isdigit() for c in word):
            parts.append([])  # "in March 2031" is when, as in :func:`_absent_subject`
        else:
            parts[-1].append(word)
    for part in parts:
        if len(part) > 1 and not any(_mentioned(corpus, word, known) for word in part):
            return tuple(part)
    return ()


_PERIODS = frozenset("""day days week weeks weekend month months year years decade decades today yesterday tomorrow
    tonight morning afternoon evening night""".split())
"""Spans of time: "last month", "this year" narrow what is asked as a date does."""


def _unsaid(corpus: Corpus, word: str, known: frozenset[str]) -> bool:
    """Whether no article, nor what the reader read (``known``), uses a question's word in any form, nor
    in its topic's other words, and the index would keep it if one did (not a stop word: "sent" is one,
    and the index cannot tell whether "send" is used; nor "take" for "taking", whose stem is one)."""
    stop = corpus.analyzer.stop_words
    return (not _mentioned(corpus, word, known) and stop.isdisjoint({*word_forms(word), corpus.analyzer.stem(word.lower())})
            and not _said_otherwise(corpus, word, known))


_YES_NO = re.compile(r"\s*(?:did|does|do|has|have|had|will|would|can|could|is|are|was|were)\b.*\?\s*$",
                     re.IGNORECASE)


def _absent_object(corpus: Corpus, topic: Topic, known: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """What a yes-or-no question asks whether, when no article uses it: its last word that is a thing, not
    a name or a verb ("explosives" of "Did the thieves use explosives?", over articles telling how the
    thieves got in through a skylight; "cloud" of "Is cloud seeding planned?"), named with the words beside
    it no article uses either ("cloud seeding"). The rest of the question may be mentioned: its subject
    is the story."""
    if not _YES_NO.match(topic.description):
        return ()
    written = QUESTION_WORD.findall(topic.description)
    verbs = asked_verbs(topic)
    names = {name.lower() for name in asked_names(topic)}
    stop = corpus.analyzer.stop_words
    at = len(written) - 1
    while at > 0 and ((word := written[at].lower()) in verbs or verb_like(word) or word in names or word in stop):
        at -= 1  # "planned in Calderra", "seeding"

    def unused(word: str) -> bool:
        return word in topic.keywords and _unsaid(corpus, word, known) and not corpus.titled(_said_stems(corpus, word))

    thing = written[at].lower() if at > 0 else ""
    if not unused(thing):
        return ()
    end = at + 1
    while end < len(written) and unused(written[end].lower()):
        end += 1
    return (" ".join(written[at:end]),)


def _absent_subject(corpus: Corpus, topic: Topic, known: frozenset[str] = frozenset(),
                    role: frozenset[str] = frozenset()) -> tuple[str, ...]:
    """The words of a one-sentence question, names and dates aside, when no article uses any of them
    in any form ("What is the population of Oskerby?" over articles naming Oskerby, never its
    population; "Who won the presidential election in Valdoria?"): what it asks is not here, though
    the name is. When some are used, the others may be put in other words ("escaped" for "fled"),
    and the question is covered as far as those say: no caveat. Absent words side by side in the
    question are named together ("presidential election")."""
    if not topic.description.rstrip().endswith("?"):
        return ()  # a description ("Note the various subjects ...") lists aspects, in its own words
    # The place named ("in the Dunmore Flats camp") says where, like its name.
    names = {name.lower() for name in asked_names(topic)} | asked_place_words(topic)
    # A date narrows what is asked ("in August 1999"); it is not what is asked about; nor is a verb
    # ("Why did the dam fail?": articles say it burst). A measure given in its units is mentioned
    # ("she has lost 9 kg" for "How much weight did Brask lose?").
    verbs = asked_verbs(topic)
    subject = [word.lower() for word in asked_words(topic) if word.lower() not in names | verbs
               and word.lower() not in CALENDAR | _PERIODS and not any(c.isdigit() for c in word)]
    stem = corpus.analyzer.stem
    # The role a "who" question asks (``role``: its stems, see the ranker's query) is said in its
    # agent's forms too ("owners": owns).
    role_words = {word.lower() for word in asked_role(topic)} if corpus.term_ids(sorted(role)) else set()
    absent = {word for word in subject
              if _unsaid(corpus, word, known) and not corpus.term_ids(sorted({stem(unit) for unit in UNITS_OF.get(word, ())}))
              and word not in role_words}
    if not subject or len(absent) < len(subject):
        return ()
    # A headline says it too ("Power returns to most of Marvossa, but full restoration delayed to Sunday"
    # over "'I said Friday and I was wrong,' chief executive Dario Venkel said."). Read only now: every title.
    if any(corpus.titled(_said_stems(corpus, word)) for word in absent):
        return ()
    runs: list[str] = []
    run: list[str] = []
    for word in (*QUESTION_WORD.findall(topic.description), ""):
        if word.lower() in absent:
            run.append(word)
        elif run:
            runs.append(" ".join(run))
            run = []
    return tuple(dict.fromkeys(runs))


class TopicSummarizer:
    """One topic's merged summary from a corpus: ``summarizer(corpus, topic, length)``."""

    def __init__(
        self,
        method: str = DEFAULT_METHOD,
        ranker: TopicRanker | None = None,
        selector: Selector | None = None,
    ) -> None:
        if method not in METHODS:
            raise UnknownMethodError(method, list(METHODS))
        self.method = method
        self.ranker = ranker or TopicRanker()
        self.selector = selector or CoverageSelector()

    def __call__(self, corpus: Corpus, topic: Topic, length: Length, read: ReadSet | None = None) -> Summary:
        """With ``read`` (what the reader has already read), an update summary: sentences that
        restate a read one are left out and read concepts count as covered."""
        ranking = self.ranker(corpus, topic, read)
        order = None
        if self.method in _SUMY:
            order = self._sumy_order(corpus, ranking, topic)
        elif self.method == "lead":
            order = self._lead_order(corpus, ranking)
        chosen, repeats = self.selector(corpus, ranking, length, order, read)
        matched = len(ranking.rows) if ranking.matched is None else ranking.matched

        # In an update summary, what was read is known: "nothing here mentions merger" is no news
        # to a reader whose articles said "merger" yesterday and say "takeover" today.
        known = read.stems if read is not None else frozenset()

        def unused(asked: tuple[str, ...]) -> tuple[str, ...]:
            return tuple(word for word in asked if not _mentioned(corpus, word, known))

        unmentioned = _whole_names(topic.description, asked_names(topic), unused(asked_names(topic)))
        if not unmentioned and matched:
            # "What did the president of Tarsenia say?": whoever speaks for Tarsenia, the president is not here.
            # Named whole, when its head is not mentioned: "union leader" is "leader of the Harth Mineworkers'
            # Federation"; the prime minister, where a health minister speaks, is missed.
            unmentioned = tuple(" ".join(run) for run in _speaker_words(topic, corpus.analyzer.stop_words)
                                if unused(run[-1:]))
        if not unmentioned and matched and len(question_sentences(topic.description)) == 1:
            # A question, not a description: the aspects a description lists ("important
            # personalities", "illegal behavior") are often put in other words by articles that
            # cover them (3 false alarms over DUC's 35 clusters, against 1 with titles alone).
            unmentioned = (_unwritten(corpus, asked_phrases(topic), known, topic.description)
                           or _absent_subject(corpus, topic, known, ranking.query.role)
                           or _absent_object(corpus, topic, known))
        if not unmentioned and not matched:
            # Nothing matched a question without such names: say which of its words no article uses
            # ("nothing here mentions cholera or vaccine"), not the question pasted into a sentence.
            unmentioned = unused(asked_words(topic))
        budget = shortest = None
        if not chosen and not repeats and length.words is not None and len(ranking.rows):
            worthy = corpus.word_counts[ranking.rows][corpus.summary_worthy(ranking.rows, ranking.query.speech_asked, ranking.query.names)].tolist()
            if worthy:
                budget, shortest = length.words, min(worthy)
        unanswered = None
        wording = asked_wording(topic) if chosen and not unmentioned else None
        if wording is not None:
            # When no sentence shown gives a number (a time, a place) beside what was asked, the reader
            # should not take one for an answer. Not only the first: one that gives it may rank lower
            # (less relevant than the sentence every outlet printed: "will still be held in Lunde").
            asked = asked_stems(corpus, ranking.query)
            answering = [item for item in chosen
                         if says(item.sentence.text, asked, ranking.query.answer, corpus.analyzer.stem, ranking.query.role,
                                 ranking.query.sum_asked, ranking.query.sum_asked is None)]
            days = ranking.query.days
            if not answering:
                unanswered = wording
            elif days and all(on_other_days(told_days(item.sentence.text, corpus.article(item.sentence).date), days)
                              for item in answering):
                # "How many trucks crossed on Tuesday?" where only Monday's count is given.
                unanswered = f"{wording} on {day_wording(days)}"
        thing = counted_thing(topic)
        # Not people, whom articles count in other words ("MPs": "114 votes to 85", "members").
        if thing is not None and (thing in PERSON_NOUNS or any(
                ABBREVIATION_PLURAL.fullmatch(word) and word.lower() == thing
                for word in QUESTION_WORD.findall(topic.description))):
            thing = None
        if (not unmentioned and unanswered is None and thing is not None
                and not _mentioned(corpus, thing, known) and not _said_otherwise(corpus, thing, known)):
            # "How many cattle drowned in the floods?": the counts shown are of something else (the dead
            # of the floods); what it counts is not here. (Where no count is shown, "nothing here says
            # how many" says so.)
            unmentioned = (thing,)
        return Summary(topic, self.method, tuple(chosen), matched, len(corpus.articles), tuple(repeats),
                       unmentioned, unanswered=unanswered, budget=budget, shortest=shortest)

    def _sumy_order(self, corpus: Corpus, ranking: Ranking, topic: Topic) -> np.ndarray:
        """The candidates in the order a sumy summarizer rates them."""
        if not len(ranking.rows):
            return np.zeros(0, dtype=np.int64)
        from sumy.models.dom import ObjectDocumentModel, Paragraph
        from sumy.models.dom import Sentence as SumySentence

        summarizer = _sumy_summarizer(self.method)
        summarizer.stop_words = corpus.analyzer.stop_words
        if self.method == "edmundson":
            summarizer.bonus_words = [w for keyword in topic.keywords for w in keyword.split()]
            summarizer.stigma_words = ["advertisement"]
            summarizer.null_words = corpus.analyzer.stop_words
        tokenizer = _WordTokenizer()
        # sumy's methods are quadratic or worse in pure Python (KL-sum takes a minute for 500
        # sentences): past a limit they rate the best-scored candidates (kept in corpus order,
        # which Edmundson's location method reads), and the rest follow by score.
        by_score = np.argsort(-ranking.score, kind="stable")
        pool = np.sort(by_score[: _SUMY_MAX_SENTENCES.get(self.method, _SUMY_MAX_SENTENCES[""])])
        sentences = [SumySentence(corpus.sentences[ranking.rows[i]].text, tokenizer) for i in pool]
        document = ObjectDocumentModel([Paragraph(sentences)])
        rated: list[int] = []

        def capture(infos):  # sumy passes every sentence, best rated first, to the count
            # Ratings equal to 10 digits are a tie, kept in document order: LSA's SVD runs on
            # threaded BLAS, whose last bits vary from run to run and reordered such ties.
            infos = sorted(infos, key=lambda info: (-float(f"{info.rating:.10g}"), info.order))
            rated.extend(int(pool[info.order]) for info in infos)
            return infos[:1]

        with warnings.catch_warnings():  # LSA warns on stderr about short inputs
            warnings.simplefilter("ignore", UserWarning)
            summarizer(document, capture)
        seen = set(rated)
        rated.extend(int(i) for i in by_score if int(i) not in seen)
        return np.array(rated, dtype=np.int64)

    @staticmethod
    def _lead_order(corpus: Corpus, ranking: Ranking) -> np.ndarray:
        """Newest article first, then each article's sentences in order."""
        def key(i: int) -> tuple:
            sentence = corpus.sentences[ranking.rows[i]]
            article = corpus.article(sentence)
            return (-(_date_ordinal(article.date)), corpus.article_index[article.id], sentence.index)

        return np.array(sorted(range(len(ranking.rows)), key=key), dtype=np.int64)


def _date_ordinal(date: str | None) -> int:
    digits = "".join(c for c in (date or "")[:10] if c.isdigit())
    return int(digits) if len(digits) == 8 else 0
