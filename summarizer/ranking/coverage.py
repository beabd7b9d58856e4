"""Concept coverage: choose sentences that together cover what several articles report.

Concepts are word bigrams (stemmed; not both stop words) weighted by how many articles use
them, as in Gillick & Favre (2009): a statement several outlets make is what a reader of the
whole story needs. That weight is multiplied by the concept's relevance to the topic, the mean
relevance of the candidate sentences that hold it (query-biased concepts: what many outlets report
counts as much as it is about the topic). Bigrams holding a topic term weigh double, a phrase the topic
names (two of a question's words side by side, "uranium mine") double again, and each sentence's gain is
scaled by a lead prior (news puts the essentials first) and divided by its length (at least
``LENGTH_FLOOR`` words, so that a short sentence with little in it does not win on shortness), so
the budget buys as much shared content as it can. The ranker's score (normalised to 1 for the
best candidate) adds ``SCORE_WEIGHT`` times itself, so that among sentences adding no shared
concept the best ranked come first. Solved greedily, which keeps within a constant factor of the
optimum for this monotone submodular objective; the gain of each sentence when it was chosen is
the score a summary shows, and it never grows from one choice to the next, so the order of choice
is the order of relevance and a shorter summary is the start of a longer one. With fewer than two
articles about the topic, no concept is shared by articles about it: the most relevant sentences
are chosen (:attr:`ConceptCoverage.evidence`).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

import numpy as np

from .corpus import Corpus
from ..reading.terms import words
from .ranker import Ranking
from ..store.concepts import FULL_TABLE_MAX_SENTENCES
from .novelty import ReadSet
from .forms import TOLL
from .topics import CALENDAR, LASTING, MEASURE_KINDS, PERSON_NOUNS
from .answers import (COUNTED_STATES, KINDS, MEASURES, PERSON_TOLL, asked_stems, beside_role, counts_it, gives_answer,
                      later, looks_ahead, names_one, on_other_days, outdated, said_when, says, sentence_days,
                      tells_the_future)




LENGTH_FLOOR = 15
SCORE_WEIGHT = 0.2
CONTENTLESS_WEIGHT = 0.25
"""Share of its coverage gain a sentence with no name and no number keeps."""
ANSWER_MIN_RELEVANCE = 0.5
"""For a question asking how many, when or where: a sentence giving a number (a time, a place)
beside what was asked answers it when it is at least this relevant (against the most relevant
candidate). A definition needs no such floor (see below)."""
_ANSWERED_BY_FORM = ("definition", "reason", "person", *MEASURE_KINDS)
"""Kinds of question whose answer is known by its form beside what was asked, not by its relevance."""
PHRASE_BOOST = 1.0
"""A concept that is a phrase the topic names (two of a question's words side by side: "Kakadu
National Park") weighs 1 + this times more, beyond the topic boost."""


LEAD_SENTENCES = 3


_SAYING = re.compile(r"[\"\u201c\u201d]|\b(?:said|says|told|tells|added|stated|wrote|insisted|argued|warned|"
                    r"according\s+to|statement)\b")
"""A sentence that quotes or reports what someone said."""
_SPEECH_VERBS = frozenset("said says say told tells added stated wrote insisted argued warned".split())


def _speaks(text: str, speakers: frozenset[str], stem) -> bool:
    """Whether one of the ``speakers`` (stems of a name) is who speaks in a sentence: the name (to the end of
    its capitalised words) within two words before a verb of speech ("Lorrimer said", "the Kessaly Customers
    Group said") or right after one ("said Lorrimer"); not "her lawyer said" of Lorrimer."""
    written = words(text)
    lowered = [word.lower() for word in written]
    named = [n for n, word in enumerate(lowered) if stem(word) in speakers]
    verbs = [n for n, word in enumerate(lowered) if word in _SPEECH_VERBS]
    for n in named:
        end = n  # the name's last word: "Kessaly Customers Group said"
        while end + 1 < len(written) and written[end + 1][:1].isupper():
            end += 1
        if any(0 < v - end <= 2 or 0 < n - v <= 2 for v in verbs):
            return True
    return False


_COUNTED_DEAD = PERSON_TOLL | {"peopl", "person"}
"""Stems of what a death toll counts: the words of a question that name no story."""


def _telling(corpus: Corpus, story: frozenset[int], articles: np.ndarray) -> np.ndarray:
    """Those of ``articles`` that use one of the ``story`` terms in their first ``LEAD_SENTENCES``
    sentences or in their title ("Senator to mediate in port strike" over a story that says "the
    dockworkers" throughout): a story that names the strike in passing, far down, is about
    something else ("won the freedom to preach" in an article saying "election" once)."""
    holding = corpus.matching(sorted(story))
    holding = holding[corpus.positions[holding] < LEAD_SENTENCES]
    in_text = np.intersect1d(articles, corpus.article_of[holding])
    names = {corpus.terms[t] for t in story}
    in_title = [a for a in np.setdiff1d(articles, in_text).tolist()
                if names & set(corpus.analyzer(corpus.articles[a].title or ""))]
    return np.union1d(in_text, np.array(in_title, dtype=in_text.dtype))


class ConceptCoverage:
    def __init__(
        self,
        corpus: Corpus,
        ranking: Ranking,
        score: np.ndarray,
        topic_boost: float = 1.0,
        lead_prior: float = 1.0,
        min_relevance: float = 0.0,
        read: ReadSet | None = None,
        min_article_relevance: float = 0.0,
    ) -> None:
        if len(corpus) <= FULL_TABLE_MAX_SENTENCES:
            table = corpus.concepts
            membership = table.membership[ranking.rows]
        else:
            table = corpus.concept_table(ranking.rows)
            membership = table.membership
        used = np.unique(membership.indices)
        self.membership = membership[:, used].tocsr()
        count = table.article_count[used]
        # Coverage counts only in articles about the topic (one of their sentences at least
        # ``min_article_relevance`` as relevant as the best): a story about smog that says "air" once
        # is not about air defence.
        articles = corpus.article_of[ranking.rows]
        best_in_article = np.zeros(int(articles.max()) + 1 if len(articles) else 0)
        np.maximum.at(best_in_article, articles, ranking.relevance)
        about = best_in_article[articles] >= min_article_relevance
        if ranking.query.typed and len(ranking.query.together) > 1:
            # An article holding every word of a question, though in no one sentence, is about it: "Rosalind
            # Achterberg walked up the shingle ...", "She swam 78.6 kilometres ...", "Her average speed was
            # ..." for "How fast did Achterberg swim?"; its title holds them too ("Inquiry ordered into
            # Quellmouth explosion" over "Nineteen people were injured, not 21 as first reported").
            whole = set(np.unique(articles).tolist())
            holding = [set(np.unique(corpus.article_of[corpus.matching(sorted(unit))]).tolist())
                       for _, unit in ranking.query.together]
            # The rarest word first: few articles are left to read the titles of.
            for held, (_, unit) in sorted(zip(holding, ranking.query.together), key=lambda pair: len(pair[0])):
                stems = {corpus.terms[t] for t in unit}
                whole = (whole & held) | set(corpus.titled(stems, sorted(whole - held)))
                if not whole:
                    break
            if whole:
                about |= np.isin(articles, sorted(whole))
        # A concept counts once it is shared by two articles. When fewer than two articles are about
        # the topic (a corpus of one article, or one story among others), nothing they share is about
        # it: a phrase the one article about aid happens to share with a story about a phone call
        # ("humanitarian aid") would decide its summary. Coverage then says nothing, and relevance
        # decides (below).
        self.evidence = len(np.unique(articles[about])) >= 2
        weight = np.where((count >= 2) & self.evidence, count, 0.0)
        # Query-biased concepts: what several articles report weighs as much as it is about the topic,
        # judged by the sentences that report it (the mean relevance of the candidates holding it).
        holders = np.asarray(self.membership.sum(axis=0)).ravel()
        weight *= np.asarray(self.membership.T @ ranking.relevance).ravel() / np.maximum(holders, 1.0)
        topic_ids = [table.stems[corpus.terms[t]] for t in ranking.query.original if corpus.terms[t] in table.stems]
        if topic_ids:
            boosted = np.isin(table.firsts[used], topic_ids) | np.isin(table.seconds[used], topic_ids)
            weight[boosted] *= 1.0 + topic_boost
        width = len(table.stems) + 1
        phrases = [table.stems[a] * width + table.stems[b] for a, b in ranking.query.phrases
                   if a in table.stems and b in table.stems]
        if phrases:
            # The asker's own phrase: a sentence that says "Kakadu National Park" is about the park
            # asked about, more surely than one holding "park" beside any other word.
            weight[np.isin(table.firsts[used] * width + table.seconds[used], phrases)] *= 1.0 + PHRASE_BOOST
        if read is not None and read.concepts:
            # Update summaries: what the reader has read is (mostly) covered already.
            names = {i: s for s, i in table.stems.items()}
            firsts, seconds = table.firsts[used], table.seconds[used]
            known = np.fromiter(
                ((names[int(a)], names[int(b)]) in read.concepts for a, b in zip(firsts, seconds)),
                dtype=bool, count=len(used),
            )
            weight[known] *= read.discount
        self.weight = weight
        self.scale = (1.0 + lead_prior / (1.0 + corpus.positions[ranking.rows])) / np.maximum(
            corpus.word_counts[ranking.rows], LENGTH_FLOOR
        )
        # A sentence that names no one and states no number says little alone ("Details were not
        # announced."), however many outlets print it.
        contentless = ~corpus.has_content(ranking.rows)
        self.scale[contentless] *= CONTENTLESS_WEIGHT
        answers = None
        later_answers: np.ndarray | None = None  # answers that come after the others, before the rest
        form_answers = ranking.query.answer in _ANSWERED_BY_FORM
        self.answer_forms: np.ndarray | None = None
        if ranking.query.answer in KINDS:
            # "How many trucks ...?", "When will the bridge reopen?": a sentence without a number
            # (a time) beside what was asked is no answer, however many outlets print it.
            answers = gives_answer(corpus, ranking.rows, asked_stems(corpus, ranking.query), ranking.query.answer,
                                   ranking.query.role, ranking.query.sum_asked, ranking.query.sum_asked is None,
                                   ranking.query.continued)
            self.answer_forms = answers.copy()
            # One that cannot stand in a summary (a speech not asked for, a fragment) answers nothing the
            # reader sees, and must not keep those that can from answering ("Who is most at risk from
            # listeria?": a doctor's three-sentence warning, "Anyone in a risk group ...", said by name).
            worthy = corpus.summary_worthy(ranking.rows, ranking.query.speech_asked, ranking.query.names)
            answers &= worthy
            # A definition ("Legionnaires' disease is a severe form of pneumonia.") or a reason ("The
            # bridge was closed because inspectors found cracks") is a sentence of its own, holding few
            # of the related terms relevance counts: its form beside what was asked makes it an answer.
            # So is a name beside the role asked ("The dead men were named as Tomas Brenn, 47, ...").
            floor = 0.0 if ranking.query.answer in _ANSWERED_BY_FORM else ANSWER_MIN_RELEVANCE
            answers &= ranking.relevance >= floor
            person = ranking.query.answer == "person"
            story = ranking.query.own - frozenset(corpus.term_ids(sorted(ranking.query.role)))
            if not (person and story):
                answers &= about
            if ranking.query.names:
                # "How much does the Orbis Nine cost?": a number beside "cost" in an article that never
                # names the Orbis ("would cost 530 jobs") answers another question. The article, not the
                # sentence: "The convoy of 40 trucks carried 60,000 litres" follows the lead naming the town.
                naming = _naming(corpus, ranking.query.names, articles)
                naming = np.union1d(naming, _kin(corpus, naming, articles))
                answers &= np.isin(articles, naming)
                # Nor does it stand in for an answer as its later telling: "The army sent 600 soldiers" to
                # a flood for "About 1,500 soldiers ... have been sent to the province" of Zarbek.
                self.answer_forms &= np.isin(articles, naming)
            # What tells which story: the question's words but the count it asks and the day.
            no_story = CALENDAR | _COUNTED_DEAD | ranking.query.counted
            things = frozenset(t for t in ranking.query.focus_things | ranking.query.story | ranking.query.names
                               if corpus.terms[t] not in no_story)
            if ranking.query.focus_things and things and answers.any():
                # "How many people have died in the heatwave?": the toll of a plane crash told days later,
                # in an article that never names the heatwave, answers another story. Where some answer
                # is in an article naming the thing asked about, the others are of something else; nor do
                # they stand in for an answer as its later telling.
                telling_it = np.isin(articles, _naming(corpus, things, articles))
                if (answers & telling_it).any():
                    answers &= telling_it
                    self.answer_forms &= telling_it
            if not answers.any() and ranking.query.answer not in _ANSWERED_BY_FORM and story:
                # None as relevant as the floor: an answer in an article telling the story (naming what
                # was asked, when it names something) is one still, though it holds little else of
                # the question: "The device will cost 329 crowns" after the lead naming the Lumeo Fold,
                # "A wildfire that broke out on Wednesday night ..." for when it started.
                # The sentence holds the story's words too: not "He has been held in Skerrowick since
                # Tuesday" (a trawler's captain) for where the mackerel talks will be held.
                telling = ranking.query.story or story
                holding = np.isin(ranking.rows, corpus.matching(sorted(telling)))
                if ranking.query.focus_things:
                    # ... or the thing asked about that few articles name ("Debris fell into the Sorrel
                    # Sea" for where the rocket's debris fell, in the story of the rocket's failure).
                    holding |= np.isin(ranking.rows, corpus.matching(sorted(ranking.query.focus_things)))
                fallback = self.answer_forms & holding
                # The story is told by what the figure is of, not by the dead it counts: "Two miners were
                # found dead" is another story's toll than "How many people died from listeria?" asks.
                told = frozenset(t for t in telling if corpus.terms[t] not in _COUNTED_DEAD) or telling
                fallback &= np.isin(articles, _telling(corpus, told, np.unique(articles[fallback])))
                if ranking.query.names:
                    fallback &= np.isin(articles, naming)
                if ranking.query.focus:
                    # Those holding what few articles say first: "The union's members will vote on the
                    # agreement on November 12" for when they vote, not "ships sailed on Friday evening
                    # after dockworkers returned to work".
                    focused = fallback & np.isin(ranking.rows, corpus.matching(sorted(ranking.query.focus)))
                    if focused.any():
                        fallback = focused
                answers, about = fallback, about | fallback
                form_answers = bool(fallback.any())
            if person and story:
                # "Who mediated the strike?": a court mediating a dispute over grazing rights, in a story
                # naming the strike far down, answers another question (see ``_telling``). A sentence
                # naming the story in one telling it answers however little else of the question the
                # article holds: "Pellcorp chief executive Imelda Farrasco said ..." for "Who runs
                # Pellcorp Mining?" in a story of the ruling that never says "mining" (not "Chief
                # Justice Aurelia Damaskin wrote ..." there).
                # What tells the story is its own word, not what the role is of: two stories each have
                # an inquiry, one into the derailment.
                telling = story - ranking.query.role_object or story
                answers &= np.isin(articles, _telling(corpus, telling, np.unique(articles[answers])))
                story_stems = frozenset(corpus.terms[t] for t in story)
                answers &= about | _where(answers, ranking.rows, lambda row: beside_role(
                    corpus.sentences[row].text, story_stems, ranking.query.role, corpus.analyzer.stem))
                about = about | answers
            if person and ranking.query.role_object:
                # A name beside the role in a sentence saying what the role is of answers before one in a
                # sentence that does not: "The negotiations are led by Hedda Sorvik" before "chief
                # executive Sabine Carrow would step down once the compensation deal is signed" for "Who
                # leads the negotiations on compensation?".
                saying = answers & np.isin(ranking.rows, corpus.matching(sorted(ranking.query.role_object)))
                if saying.any():
                    answers, later_answers = saying, answers & ~saying
            if ranking.query.focus_things and ranking.query.answer != "quantity" and answers.any():
                # "How far is the Hollin Pass border crossing from Tesh?": "at the Hollin Pass border crossing,
                # about 90 kilometres from Tesh" before "its epicentre about 14 kilometres south-west of Tesh", a
                # figure beside the story's words alone. Not a count, where the latest figure goes first
                # whatever its words ("put the death toll at 158" after "killed by Monday's earthquake").
                focused = answers & np.isin(ranking.rows, corpus.matching(sorted(ranking.query.focus_things)))
                if focused.any():
                    answers, later_answers = _first(focused, answers, later_answers)
            if ranking.query.days and answers.any():
                # "How many trucks crossed on Saturday?" is not answered by Monday's count, however
                # much later: an answer naming another day is none; one naming no day comes after
                # those naming the day asked.
                days = [sentence_days(corpus, int(row)) if self.answer_forms[i] else frozenset()
                        for i, row in enumerate(ranking.rows)]
                other = np.array([on_other_days(named, ranking.query.days) for named in days], dtype=bool)
                on = answers & np.array([bool(named & ranking.query.days) for named in days], dtype=bool)
                # Nor does it stand in for one as its later telling ("2,900 trucks crossed on Monday"
                # retells Saturday's "1,400 trucks crossed" for a reader asking how many now).
                self.answer_forms &= ~other
                if later_answers is not None:
                    later_answers &= ~other
                if on.any():
                    answers, later_answers = _first(on, answers & ~other, later_answers)
                else:
                    answers &= ~other
            if ranking.query.events:
                # "When did the tunnel collapse?": a time beside the collapse ("The collapse happened at
                # about 10:15 p.m. on Sunday") before one beside the tunnel ("were trapped on Monday after
                # a tunnel collapsed" is when they were trapped), however few of the question's other
                # words it holds: beside the event asked, its form makes it an answer.
                eventful = self.answer_forms & about & gives_answer(corpus, ranking.rows, ranking.query.events, "time")
                if eventful.any():
                    answers, later_answers = _first(eventful, answers, later_answers)
                    form_answers = True
            if ranking.query.ahead:
                # "When will the city's systems be back?" is not answered by "warned two years ago that the
                # city's systems were out of date": a time told ahead ("expected most systems to be restored
                # by Friday") answers first, though less of the question's words were used.
                forward = _where(self.answer_forms & about, ranking.rows,
                                 lambda row: looks_ahead(corpus.sentences[row].text))
                first = _among(answers, forward)
                if first.any():
                    answers, later_answers = _first(first, answers, later_answers)
                    form_answers = True
            if ranking.query.answer in MEASURES and ranking.query.answer != "age" and answers.any():
                # "How fast did Achterberg swim?": "Her average speed was 4.0 kilometres an hour" before "was
                # swimming into a current of 2.5 knots", a figure beside the measure's name before one
                # beside the question's words, which may be of something else.
                kind, stem = ranking.query.answer, corpus.analyzer.stem
                # A figure of what will be ("would try to climb Mount Vell, 7,960 metres high, next spring")
                # comes after those of what is.
                now = _where(answers, ranking.rows, lambda row: not tells_the_future(corpus.sentences[row].text))
                if now.any():
                    answers, later_answers = _first(now, answers, later_answers)
                named = _where(answers, ranking.rows, lambda row: says(corpus.sentences[row].text, frozenset(), kind, stem))
                if named.any():
                    answers, later_answers = _first(named, answers, later_answers)
            counted = ranking.query.counted
            if ranking.query.answer == "quantity" and counted and not asked_stems(corpus, ranking.query) & TOLL:
                # "How many trucks were in the first convoy to reach Marrowgate?": "A convoy of 62 trucks"
                # before "The number of people displaced has reached 31,000", a number beside another of
                # its words that counts something else.
                # Among the answers if any counts it, else among all that give a number beside the
                # question's words in the articles telling the story.
                stem, money = corpus.analyzer.stem, ranking.query.sum_asked
                counting = _where(self.answer_forms & about & worthy, ranking.rows, lambda row: says(
                    corpus.sentences[row].text, counted, "quantity", stem, money=money, either=money is None)
                    and counts_it(corpus.sentences[row].text, counted, stem))
                first = _among(answers, counting)
                if first.any() and not (first & ~answers).any():
                    # A later count of it stands in for the answers' ("A convoy of 38 trucks ... will cross
                    # first" on Thursday, after Monday's "40-truck food convoy"), however little else of the
                    # question it holds: which is out of date is for the dates to tell (below).
                    # It holds what each of them holds of the question, in its sentence or its title: "Eight
                    # people remain in hospital" is no later count of the "68 people were on board" asked.
                    # (Not the names: which story it is of, its article tells; see above.)
                    asked = _QuestionWords(corpus, ranking)
                    held = frozenset(n for n in asked.held(first) if not asked.units[n] & ranking.query.names)
                    standing = counting & ~answers
                    standing[[i for i in np.flatnonzero(standing) if not held <= asked.titled(int(i))]] = False
                    first = first | _where(standing, ranking.rows, lambda row: _later(
                        corpus, row, [int(r) for r in ranking.rows[first]]))
                if first.any():
                    answers, later_answers = _first(first, answers, later_answers)
                    form_answers = True
            states = [t for t in ranking.query.own if corpus.terms[t] in COUNTED_STATES]
            if ranking.query.answer == "quantity" and states and not asked_stems(corpus, ranking.query) & TOLL:
                # "How many miners were trapped?": "23 miners were trapped" before "lifted 17 miners out",
                # a count of them in another state, however much later.
                in_state = np.isin(ranking.rows, corpus.matching(sorted(states)))
                holding = answers & in_state
                if not holding.any() and not counted.isdisjoint(corpus.analyzer.stem(word) for word in PERSON_NOUNS):
                    # "How many passengers were hurt?": "64 passengers and four crew" counts them in no state;
                    # "Three people have died and 31 were injured" gives the count asked, of people.
                    holding = self.answer_forms & about & worthy & in_state
                if holding.any():
                    answers, later_answers = _first(holding, answers, later_answers)
            if ranking.query.answer == "quantity":
                # What a later article answers updates an earlier figure: the earlier one comes after.
                answers &= ~outdated(corpus, ranking.rows, answers)
        self.answer_kind = ranking.query.answer
        """What the answers give (see ``asked_answer``)."""
        if ranking.query.focus and (answers is None or not answers.any()):
            # "Who mediated the strike?": a sentence that does not say "mediated" is about the strike,
            # not the question, however many outlets print it. One that does, in an article telling
            # the story (using one of the question's other words), answers, however briefly that
            # article tells the rest ("called for an inquiry" in a story of the search's end).
            answers = np.isin(ranking.rows, corpus.matching(sorted(ranking.query.focus)))
            if ranking.query.story:
                answers &= np.isin(articles, _telling(corpus, ranking.query.story, np.unique(articles[answers])))
            if ranking.query.names:
                # "What happened near Orrin Pass on Monday night?": not what happened on another story's
                # Monday night, in an article that never names the pass.
                answers &= np.isin(articles, _naming(corpus, ranking.query.names, articles))
            about = about | answers
            self.answer_kind = "focus"
            named = {corpus.terms[t] for t in ranking.query.names}
            phrases = frozenset(pair for pair in ranking.query.phrases if named.isdisjoint(pair))
            if phrases:
                # In the question's phrase first: "hired the cybersecurity firm Graywick Labs" before "denied
                # that it had hired a negotiation firm" for "Which cybersecurity firm did the city hire?". Not a
                # name's ("Orsolt Mining"), which says who, not what is asked of them.
                phrased = _where(answers, ranking.rows, lambda row: not phrases.isdisjoint(corpus.sentence_concepts(row)))
                if phrased.any():
                    answers, later_answers = _first(phrased, answers, later_answers)
            units = [unit for _, unit in ranking.query.together if unit & ranking.query.focus]
            if len(units) > 1 and answers.any():
                # "Why was the health authority not told about the pump failure for nine days?": "The ... Inspectorate
                # was told of the pump failure on the day it happened, but the ... Health Authority heard of it only
                # on March 8" (four of the question's rarer words) before "By the end of the first day, 4,200 people
                # had been vaccinated, the Health Authority says." (one of them).
                held = sum(np.isin(ranking.rows, corpus.matching(sorted(unit))).astype(np.int64) for unit in units)
                most = answers & (held == held[answers].max())
                if (answers & ~most).any():
                    answers, later_answers = _first(most, answers, later_answers)
        if ranking.query.answer == "next":
            # "What happens next in the Sallow Valley?": what the articles about it say will happen
            # ("Observers are due to arrive on Friday"), before how it came to this.
            worthy = corpus.summary_worthy(ranking.rows, False, ranking.query.names)
            ahead = _where(about & worthy, ranking.rows,
                           lambda row: tells_the_future(corpus.sentences[row].text))
            if ahead.any():
                # The latest day's first: what was expected on Monday may have happened by Thursday.
                newest = _newest(corpus, articles, ahead)
                answers, later_answers, self.answer_kind = newest, ahead & ~newest, "next"
                form_answers = True  # by its form, however few of the question's words it holds
        if self.answer_kind == "focus" and ranking.query.kind_of:
            # "Which border crossing did the aid convoy use?": a sentence naming a crossing ("remained
            # parked at the Corran crossing") before those holding the question's rarer words alone.
            kind, stem = ranking.query.kind_of, corpus.analyzer.stem
            holding = about & corpus.summary_worthy(ranking.rows, False, ranking.query.names) & np.isin(
                ranking.rows, corpus.matching(corpus.term_ids(sorted(kind))))
            naming = _where(holding, ranking.rows, lambda row: names_one(corpus.sentences[row].text, kind, stem))
            if naming.any():
                answers, later_answers = _first(naming, answers, later_answers)
                about = about | naming
        if ranking.query.lasting and answers is not None and answers.any():
            # "Which districts are still under the boil-water notice?": "The notice remains in force in Kelby and
            # Sallow Hill" before "was lifted ... in five of the seven districts", what is so now before what changed.
            # Among all answers, whichever tier they were put in: what is so now is what is asked.
            every = answers | later_answers if later_answers is not None else answers
            lasting = _where(every, ranking.rows, lambda row: LASTING.search(corpus.sentences[row].text) is not None)
            if lasting.any():
                # The latest day's first: what remained so on Monday may have changed by Thursday.
                answers, later_answers = _first(_newest(corpus, articles, lasting), every, None)
        if ranking.query.speech_asked and ranking.query.typed:
            # "What did Varn say after the verdict?": what was said, quoted or reported, by whom the question
            # names, before what was said of them ("The jury in the trial of Pella Varn spent a second day ...").
            spoken = corpus.summary_worthy(ranking.rows, True, ranking.query.names)
            if ranking.query.names:
                # Said by the one it names ("... ," Lorrimer said in a written statement), in any article; not
                # "her lawyer said" of her.
                speakers = frozenset(corpus.terms[t] for t in ranking.query.names)
                spoken &= np.isin(ranking.rows, corpus.matching(sorted(ranking.query.names)))
                spoken = _where(spoken, ranking.rows,
                                lambda row: _speaks(corpus.sentences[row].text, speakers, corpus.analyzer.stem))
            else:
                spoken = _where(spoken & about, ranking.rows,
                                lambda row: _SAYING.search(corpus.sentences[row].text) is not None)
            about = about | spoken
            if spoken.any():
                # Before what else answers ("what few articles say": the verdict), which says what was done.
                before = answers if answers is not None else np.zeros_like(spoken)
                first = spoken & before if (spoken & before).any() else spoken
                answers, later_answers = _first(first, before | spoken, later_answers)
                self.answer_kind, form_answers = "speech", True
        if answers is not None:
            # When some sentence answers, the others come after.
            if answers.any():
                self.scale[~answers] = 0.0
            else:
                answers = None
        self.answers = answers
        """Which candidates answer the question first of all, or None."""
        # Only articles about the topic (see above) count; within them, a sentence far less relevant
        # than the best one (below ``min_relevance``) is not worth its coverage either.
        self.scale[~about] = 0.0
        worth_showing = ranking.relevance >= min_relevance
        if answers is not None and form_answers and self.answer_kind != "reason":
            # An answer by its form holds few of the words relevance counts ("The dead man was named
            # as ..." for "Who died after the spill?"): beside what was asked, it is worth showing.
            # Of the people asked about, only the dead, whose names follow the toll in words of their
            # own: over the seeds, which do not say "Who leads the aid convoy?", "the leaders of Russia
            # and Israel" had come first.
            if self.answer_kind != "person" or ranking.query.role & PERSON_TOLL:
                worth_showing |= answers
            if self.answer_kind == "next" and later_answers is not None:
                worth_showing |= later_answers  # what earlier articles said will happen, after the latest
        self.scale[~worth_showing] = 0.0
        # Ties (and sentences with no shared concept) go to the better-ranked sentence.
        self.tie_break = SCORE_WEIGHT * score
        if not self.evidence:
            # No shared concept to go by: the most relevant sentences of the article about the topic
            # first (the ranker's score breaks ties; centrality within one article says little),
            # then those of other articles.
            self.tie_break = SCORE_WEIGHT * (ranking.relevance + 1e-3 * score) * np.where(about, 1.0, 0.1)
        if answers is not None:
            # When some sentence answers, the others come after, however central: an answer sharing no
            # concept ("The dead man was named as ...") has only its tie-break to go by, so every other
            # sentence's is put below the least of the answers'.
            # Answers named later come after the others and before the rest, in the same way.
            tiers = [answers] + ([later_answers] if later_answers is not None and later_answers.any() else [])
            tiers.append(~np.logical_or.reduce(tiers))
            least = None  # the least tie-break of the sentences shown in the tiers above, once scaled
            for above, tier in zip(tiers, tiers[1:]):
                shown = above & worth_showing
                if shown.any():
                    # A tier of later answers none of which is worth showing leaves the bar where it was.
                    least = min(self.tie_break[shown].min(), least if least is not None else np.inf)
                step = 0.1
                if least is not None and tier.any():
                    most = self.tie_break[tier].max()
                    if most > 0:
                        step = min(step, 0.5 * least / most)
                self.tie_break[tier] *= step
        self.worth_showing = worth_showing
        """Once the relevant sentences are used up, a longer summary is not padded with sentences far
        less relevant than the best (below ``min_relevance``: other stories sharing one common word of
        a question, which came through the tie-break): it is shorter."""

    def gains(self) -> np.ndarray:
        return np.asarray(self.membership @ self.weight).ravel() * self.scale + self.tie_break

    def chose(self, index: int, similarity_row: np.ndarray) -> None:
        self.weight[self.membership[index].indices] = 0.0  # covered: worth nothing more


def _naming(corpus: Corpus, names: frozenset[int], articles: np.ndarray) -> np.ndarray:
    """The articles naming one of ``names`` (term ids) in a sentence, or in their title among the
    candidates' ``articles`` ("Inquiry ordered into Quellmouth explosion" over "Nineteen people were
    injured, not 21 as first reported")."""
    naming = np.unique(corpus.article_of[corpus.matching(sorted(names))])
    titled = corpus.titled({corpus.terms[t] for t in names}, np.setdiff1d(np.unique(articles), naming).tolist())
    return np.union1d(naming, np.array(titled, dtype=np.int64)) if titled else naming


def _newest(corpus: Corpus, articles: np.ndarray, among: np.ndarray) -> np.ndarray:
    """Those of the candidates ``among`` (a mask; ``articles``: each candidate's article) in the articles of
    the latest day among them (undated articles count as the earliest)."""
    days = {i: corpus.articles[int(articles[i])].date or "" for i in np.flatnonzero(among)}
    latest = max(days.values())
    newest = np.zeros(len(among), dtype=bool)
    newest[[i for i, day in days.items() if day == latest]] = True
    return newest


def _kin(corpus: Corpus, naming: np.ndarray, articles: np.ndarray) -> np.ndarray:
    """Those of the candidates' ``articles`` whose titles share a word with most titles of the articles
    ``naming`` a name ("Nine crash survivors still in hospital as Kellbrook mourns" is of the story of
    the articles naming Flight CV417, whose titles say "Kellbrook")."""
    if len(naming) < 2:
        return np.zeros(0, dtype=np.int64)
    stop = corpus.analyzer.stop_words
    stem = corpus.analyzer.stem
    counts = Counter(word for n in naming.tolist() for word in {stem(w.lower()) for w in words(corpus.articles[n].title or "")
                                                                 if w.lower() not in stop and not w.isdigit()})
    shared = {word for word, k in counts.items() if 2 * k >= len(naming) and k >= 2}
    if not shared:
        return np.zeros(0, dtype=np.int64)
    return np.array(corpus.titled(shared, np.setdiff1d(np.unique(articles), naming).tolist()), dtype=np.int64)


class _QuestionWords:
    """Which of a question's words (by their place in ``ranking.query.together``: a word with its
    synonyms) each candidate holds in its sentence, or in its article's title too."""

    def __init__(self, corpus: Corpus, ranking: Ranking) -> None:
        self.corpus, self.ranking = corpus, ranking
        self.units = [unit for _, unit in ranking.query.together]
        self.masks = [np.isin(ranking.rows, corpus.matching(sorted(unit))) for unit in self.units]

    def said(self, i: int) -> frozenset[int]:
        return frozenset(n for n, mask in enumerate(self.masks) if mask[i])

    def titled(self, i: int) -> frozenset[int]:
        title = self.corpus.title_stems(int(self.corpus.article_of[self.ranking.rows[i]]))
        return self.said(i) | frozenset(n for n, unit in enumerate(self.units)
                                        if not title.isdisjoint(self.corpus.terms[t] for t in unit))

    def held(self, answers: np.ndarray) -> frozenset[int]:
        """The words every one of ``answers`` (a mask) says."""
        found = [self.said(int(i)) for i in np.flatnonzero(answers)]
        return frozenset.intersection(*found) if found else frozenset()


def _later(corpus: Corpus, row: int, than: Sequence[int]) -> bool:
    """Whether the article of the sentence at ``row`` is surely later than those of every one of ``than``."""
    when = said_when(corpus, row)
    return when is not None and all((other := said_when(corpus, r)) is not None and later(when, other) for r in than)


def _among(answers: np.ndarray, preferred: np.ndarray) -> np.ndarray:
    """The ``preferred`` sentences among the answers, or all of them when no answer is one."""
    first = answers & preferred
    return first if first.any() else preferred


def _first(first: np.ndarray, answers: np.ndarray, later: np.ndarray | None) -> tuple[np.ndarray, np.ndarray]:
    """The answers ``first`` before the rest of ``answers``, which come after them with the ``later`` ones."""
    rest = answers & ~first
    return first, (rest if later is None else later | rest) & ~first


def _where(mask: np.ndarray, rows: np.ndarray, test) -> np.ndarray:
    """``mask`` narrowed to the candidates whose sentence (its row) passes ``test``, read only where
    ``mask`` holds: a candidate's text is read for the few that could answer, not for all."""
    return np.array([bool(keep) and bool(test(int(row))) for keep, row in zip(mask, rows)], dtype=bool)
