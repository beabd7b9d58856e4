"""Choosing sentences from a ranking: redundancy control (MMR), a length budget, shared sources."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
import functools
from collections.abc import Callable
from functools import cached_property
from typing import TYPE_CHECKING, Protocol

import numpy as np

from .corpus import Corpus
from ..options import Length
from ..model import Explanation, Novelty, Repeat, Sentence, Summary, SummarySentence
from .answers import (contradict, corrects, corrects_day, counts, counts_it, denies, disagree, figures, foretold, foretold_days,
                      fulfils, in_other_states, later, promises, refused, months, negated, number_value, of_other_things, other_day, retells, said_when,
                      stated_days, stated_figures, tells_the_future, weekdays)
from .ranker import Ranking
from .forms import TOLL
from .topics import ANSWER_WORDING, PERSON_NOUNS
from ..reading.terms import words
from ..store.concepts import sentence_bigrams

if TYPE_CHECKING:
    from ..matrices import sparse
    from .novelty import ReadSet

REPEATS_KEPT = 3
"""Candidates left out as already read that a summary reports (the best-scored ones)."""
RETELLING_DAYS = 7
"""How much later a sentence close to a pick may be and still give where its figures now stand: a
developing story's counts change from day to day. On DUC 2007, retellings found months apart were
other facts in like words (a remission rate, then a tumour's shrinking 18 months later)."""
ANSWER_RETELLING = 0.2
"""How alike two answers to a typed question must be (tf-idf cosine) for the later to retell the
earlier: both give what was asked beside its words, so less than two sentences in general (the
duplicate threshold, 0.35)."""


def in_relevance_order(summary: Summary) -> Summary:
    """Relevance order: the score each sentence shows, highest first. Selection gives each sentence
    the gain that chose it, which never rises from one choice to the next, so this is the order of
    choice (a stable sort: ties keep it)."""
    return replace(summary, sentences=tuple(sorted(summary.sentences, key=lambda item: -item.score)))


class Objective(Protocol):
    """What a greedy selector maximises, one sentence at a time."""

    answers: np.ndarray | None
    """Which candidates answer a typed question first of all (see ``Explanation.answers``), or None."""
    answer_kind: str | None
    """What those answers give (see :func:`~summarizer.ranking.topics.asked_answer`)."""
    answer_forms: np.ndarray | None
    """Which candidates give what a typed question asks beside its words, in any article (the
    answers before they are narrowed to the articles about the question), or None."""
    worth_showing: np.ndarray | None
    """Which candidates may be shown at all, or None for every one (see ``ConceptCoverage``)."""

    def gains(self) -> np.ndarray:
        """The value of adding each candidate now."""

    def chose(self, index: int, similarity_row: np.ndarray) -> None:
        """Account for the candidate just added."""


class MarginalRelevance:
    """MMR (Carbonell & Goldstein, 1998): score minus similarity to what is already chosen."""

    answers: np.ndarray | None = None  # MMR answers no question first
    answer_kind: str | None = None
    answer_forms: np.ndarray | None = None
    worth_showing: np.ndarray | None = None

    def __init__(self, score: np.ndarray, trade_off: float) -> None:
        self.score = score
        self.trade_off = trade_off
        self.max_similarity = np.zeros(len(score))

    def gains(self) -> np.ndarray:
        return self.trade_off * self.score - (1.0 - self.trade_off) * self.max_similarity

    def chose(self, index: int, similarity_row: np.ndarray) -> None:
        self.max_similarity = np.maximum(self.max_similarity, similarity_row)


class Selector:
    """Greedy selection within a length budget, by MMR unless another objective is given.

    A candidate whose similarity to an already chosen sentence reaches ``duplicate`` repeats it:
    it is never printed. Another article is cited beside a chosen sentence when its closest
    sentence reaches ``same``: it says the same thing. Below that, sentences sharing a speaker or
    a place often say something else ("A Cypriot police source said the Israelis were suspected
    of spying ..." and "Turkey has occupied the northern third of Cyprus since 1974 ..." at 0.44):
    on DUC 2007's summaries about half the pairs from 0.35 to 0.6 said the same, and every one
    sampled from 0.6 up (bench/results/quality-duc2007.md).
    """

    def __init__(self, trade_off: float = 0.7, duplicate: float = 0.35, same: float = 0.6) -> None:
        self.trade_off = trade_off
        self.duplicate = duplicate
        self.same = same

    def objective(self, corpus: Corpus, ranking: Ranking, score: np.ndarray, read: ReadSet | None = None) -> Objective:
        return MarginalRelevance(score, self.trade_off)

    def __call__(
        self,
        corpus: Corpus,
        ranking: Ranking,
        length: Length,
        order: np.ndarray | None = None,
        read: ReadSet | None = None,
    ) -> tuple[list[SummarySentence], list[Repeat]]:
        """(the summary, the candidates left out as already read). ``order``, when given, is a
        precomputed preference order (sumy methods) used instead of the objective. With ``read``
        (an update summary), candidates that restate a read sentence are left out; the best few
        of them are returned beside the summary."""
        repeats: list[Repeat] = []
        n = len(ranking.rows)
        if not n:
            return [], repeats
        word_counts = corpus.word_counts[ranking.rows]
        eligible = corpus.summary_worthy(ranking.rows, ranking.query.speech_asked, ranking.query.names)
        score = ranking.score / ranking.score.max() if ranking.score.max() > 0 else ranking.score
        read_similarity = read_closest = None
        if read is not None:
            read_similarity, read_closest = read.closest(corpus, ranking.rows)
            repeating = eligible & (read_similarity >= read.repeat)
            for i in np.flatnonzero(repeating):
                # A later figure is news, as in a summary (see below): "The outbreak has infected 19
                # people" does not restate "Fourteen people have now been infected", read yesterday;
                # a sentence giving a figure the read one did not give says something it did not.
                text, read_text = corpus.sentences[ranking.rows[i]].text, read.sentences[read_closest[i]].text
                given = figures(text)
                known = figures(read_text) if given else set()
                # So is a month the read sentence does not name: "He has been charged and will appear
                # in court in May" says what "Its captain was being questioned by police" did not; and
                # a denial of what was read, which restates it ("denied a report that Gen. Marrak had
                # offered his resignation").
                theirs = corpus.sentence_concepts(int(ranking.rows[i]))
                read_concepts = sentence_bigrams(words(read_text), corpus.analyzer)
                # Nor does what was done restate what was foretold ("had downloaded the data from the flight
                # data recorder" after "we expect to read the flight data on Wednesday"), nor what was done on
                # another weekday ("opened talks on Sunday" after "offered on Friday to host talks"), nor "not"
                # of what was not read ("said she would not resign" after "the council acted on advice").
                if ((given - known) or months(text) - months(read_text)
                        or contradict(theirs, read_concepts)
                        or denies(read_concepts, theirs, corpus.analyzer.stop_words)
                        or (tells_the_future(read_text) and not tells_the_future(text))
                        or other_day(weekdays(theirs), weekdays(read_concepts))
                        or refused(text, corpus.analyzer.stem) - {stem for pair in read_concepts for stem in pair}):
                    repeating[i] = False
            best_first = np.flatnonzero(repeating)[np.argsort(-score[repeating], kind="stable")]
            repeats = [
                Repeat(corpus.sentences[ranking.rows[i]], read.sentences[read_closest[i]], float(read_similarity[i]))
                for i in best_first[:REPEATS_KEPT]
            ]
            eligible = eligible & ~repeating
        chosen: list[int] = []
        retelling: dict[int, int] = {}  # a chosen sentence: the earlier telling whose place it took
        denied_elsewhere: dict[int, int] = {}  # a chosen report: the row of a non-candidate denying it
        denied_after: dict[int, int] = {}  # a chosen answer: the row of the denial shown right after it
        denials: _Denials | None = None
        redundancy_at_choice: list[float] = []
        decided_by: list[float] = []  # what chose each sentence: the objective's gain, or the method's score
        max_similarity = np.zeros(n)
        used_words = 0
        available = eligible.copy()
        preference = list(order) if order is not None else None
        place = {int(candidate): i for i, candidate in enumerate(order)} if order is not None else {}
        objective = self.objective(corpus, ranking, score, read) if preference is None else None
        # What is not worth showing alone may still stand in for a pick as its later telling ("65 tonnes
        # ..., not 40 tonnes as first reported" for "About 40 tonnes of the solvent leaked"): a reserve.
        reserve = np.zeros(n, dtype=bool)
        if objective is not None and objective.worth_showing is not None:
            # Only corrections ("not 40") and answers to a typed question: looking through every
            # sentence far less relevant would read many more sentences for each pick.
            stand_ins = corpus.saying_not(ranking.rows)
            if objective.answer_forms is not None:
                stand_ins |= objective.answer_forms
            reserve = available & ~objective.worth_showing & stand_ins
            available &= objective.worth_showing  # a shorter summary rather than padding

        while available.any():
            if preference is not None:
                while preference and not available[preference[0]]:
                    preference.pop(0)
                if not preference:
                    break
                pick = first_telling = preference.pop(0)
                row_similarity = None
                decided = 1.0 - place[pick] / len(place)  # the method's own rating: its order
            else:
                gain = objective.gains()
                gain[~available] = -np.inf
                pick = int(np.argmax(gain))
                decided = float(gain[pick])
                first_telling = pick
                pick, row_similarity = self._as_it_now_stands(corpus, ranking, pick, available, reserve, gain,
                                                              objective)
            available[pick] = reserve[pick] = False
            denial = after = None
            if objective is not None and pick == first_telling:
                denials = denials or _Denials(corpus, ranking)
                taken = {*denied_elsewhere.values(), *denied_after.values()}
                if objective.answers is not None and objective.answers[pick]:
                    # An answer keeps its place, and a denial of it follows it ("Who commands the army?":
                    # "Gen. Marrak, the commander of the army, has offered his resignation", denied).
                    after = denials.of(pick, taken, among_candidates=True) if read is None else None
                else:
                    denial = denials.of(pick, taken)
            words_shown = int(word_counts[pick] if denial is None else corpus.word_counts[denial])
            words_shown += int(corpus.word_counts[after]) if after is not None else 0
            if length.words is not None and not length.fill and used_words + words_shown > length.words:
                continue  # too long for what is left of the budget; a shorter one may fit
            chosen.append(pick)
            if pick != first_telling:
                retelling[pick] = first_telling
            if denial is not None:
                denied_elsewhere[pick] = denial
            if after is not None:
                denied_after[pick] = after
                available[np.isin(ranking.rows, [after])] = False
            redundancy_at_choice.append(float(max_similarity[pick]))
            decided_by.append(decided)
            used_words += words_shown
            if row_similarity is None:  # not already read to look for a later telling
                row_similarity = self._similarity_row(ranking, pick)
            max_similarity = np.maximum(max_similarity, row_similarity)
            if objective is not None:
                objective.chose(pick, row_similarity)
            # What repeats the pick is left out, except a sentence giving another number of the same
            # thing: a later death toll is news, however alike the two sentences are. An earlier one
            # is not ("31 injured" once "35 injured" is printed): it is out of date.
            # A day of the month counts as such a number ("vote on November 12" after "November 9").
            # Nor does a sentence saying "not" of what the pick says repeat it ("will not reopen on
            # March 16" after "will reopen on March 16"): both are shown.
            repeating = np.flatnonzero(available & (row_similarity >= self.duplicate))
            if len(repeating):
                picked = corpus.sentence_concepts(int(ranking.rows[pick]))
                counted, days = counts(picked), stated_days(picked)
                picked_says_not = corpus.says_not(int(ranking.rows[pick]))
                when = said_when(corpus, int(ranking.rows[pick])) if counted or days or picked_says_not else None

                def repeats_pick(i: int) -> bool:
                    says_not = picked_says_not or corpus.says_not(int(ranking.rows[i]))
                    if not (says_not or counted or days):
                        return True  # nothing to tell them apart: no figure, no day, no "not"
                    theirs = corpus.sentence_concepts(int(ranking.rows[i]))  # read once per candidate
                    if says_not and contradict(picked, theirs):
                        # What the pick corrects ("Seventeen, not nineteen as first reported") is out
                        # of date unless said later; else "not" makes it another statement.
                        return corrects(theirs, picked) and not _later(corpus, int(ranking.rows[i]), when)
                    if counted and in_other_states(picked, theirs):
                        return False  # "Nine crew members survived" beside "Nine crew members are still missing"
                    another = bool(counted or days) and (disagree(counted, counts(theirs)) or other_day(days, stated_days(theirs)))
                    if another and of_other_things(picked, theirs):
                        return False  # "186 people had been rescued" beside "two people remain missing"
                    return not (another and not _earlier(corpus, int(ranking.rows[i]), when))

                available[[i for i in repeating if repeats_pick(i)]] = False
            # Nor is a report the pick denies, said no later than the denial (which restates it).
            available[self._denied_by(corpus, ranking, pick, available & (row_similarity > 0))] = False
            if length.sentences is not None and len(chosen) + len(denied_after) >= length.sentences:
                break
            if length.words is not None and used_words >= length.words:
                break

        items = [
            self._item(corpus, ranking, i, r, d, denied_elsewhere.get(i))
            for i, r, d in zip(chosen, redundancy_at_choice, decided_by)
        ]
        items = [replace(item, explanation=replace(
                     item.explanation, retells=corpus.sentences[ranking.rows[retelling.get(i, i)]]))
                 if i in retelling or i in denied_elsewhere else item for item, i in zip(items, chosen)]
        if objective is not None and objective.answers is not None and objective.answer_kind is not None:
            given = ANSWER_WORDING[objective.answer_kind]
            if objective.answer_kind == ranking.query.answer and ranking.query.wording:
                given = ranking.query.wording  # "answers how much" for a question asking how much
            items = [replace(item, explanation=replace(item.explanation, answers=given)) if objective.answers[i]
                     else item for item, i in zip(items, chosen)]
        if read is not None:
            assert read_similarity is not None and read_closest is not None
            items = [
                replace(item, explanation=replace(item.explanation, novelty=Novelty(
                    read.new_words(item.sentence.text,
                                   read.sentences[read_closest[i]].text if read_closest[i] >= 0 else None),
                    float(read_similarity[i]),
                    read.sentences[read_closest[i]] if read_closest[i] >= 0 else None,
                )))
                for item, i in zip(items, chosen)
            ]
        if denied_after:
            # Each denial right after the answer it denies, with the answer's scores (what placed it).
            followed: list[SummarySentence] = []
            for item, i, r, d in zip(items, chosen, redundancy_at_choice, decided_by):
                followed.append(item)
                if i in denied_after:
                    followed.append(self._item(corpus, ranking, i, r, d, denied_after[i]))
            items = followed
            if length.sentences is not None:
                items = items[: length.sentences]
        if read is not None and objective is not None:
            items = self._read_denied(corpus, ranking, read, items, length, denials)
        return items, repeats

    def _read_denied(self, corpus: Corpus, ranking: Ranking, read: ReadSet, items: list[SummarySentence],
                     length: Length, denials: _Denials | None) -> list[SummarySentence]:
        """An update summary's sentences, after the denials of what was read under the topic that are
        no candidate of it, first ("the defence ministry denied a newspaper report that Gen. Marrak had
        offered his resignation", the day after "Gen. Marrak, the commander of the army, has offered
        his resignation" was read under Security): what the reader was told has changed."""
        rows = (denials or _Denials(corpus, ranking)).elsewhere
        if not len(rows):
            return items
        share, closest = read.closest(corpus, rows)
        # What was read under the topic: a sentence holding one of its words, or one of its context
        # words in an article holding one of its words ("the ferry's captain ... had been arrested" in
        # a story of the rescue, under Rescue, whose context says "ferry"; not "coast" in the story
        # of a rocket's debris).
        asked = {corpus.terms[t] for t in ranking.query.own or ranking.query.original}
        context = {corpus.terms[t] for t in ranking.query.context} - asked
        stem = corpus.analyzer.stem

        def read_under_topic(told: Sentence, stems: set[str]) -> bool:
            if not asked.isdisjoint(stems):
                return True
            if context.isdisjoint(stems):
                return False
            return any(not asked.isdisjoint(stem(w.lower()) for w in words(other.text))
                       for other in read.sentences if other.article_id == told.article_id)

        shown = {item.sentence for item in items}
        denials: list[SummarySentence] = []
        for row, held, i in zip(rows.tolist(), share.tolist(), closest.tolist()):
            if i < 0 or corpus.sentences[row] in shown:
                continue
            told = read.sentences[i]
            told_concepts = sentence_bigrams(words(told.text), corpus.analyzer)
            # Under a question, what was read answered it: it held two of its words, not "ferry" alone
            # of "How many people died when the ferry capsized?" ("the ferry's captain ... arrested").
            told_stems = {word for pair in told_concepts for word in pair}
            if ranking.query.question:
                under = len(asked & told_stems) >= min(2, len(asked))
            else:
                under = read_under_topic(told, told_stems)
            if not under or not denies(told_concepts, corpus.sentence_concepts(row), corpus.analyzer.stop_words):
                continue
            sentence = corpus.sentences[row]
            written = words(sentence.text)
            denials.append(SummarySentence(
                sentence=sentence,
                score=items[0].score if items else 1.0,
                sources=tuple(same_statement(corpus, row, self.same)),
                explanation=Explanation(
                    matched_terms=tuple(dict.fromkeys(w.lower() for w in written
                                                      if corpus.analyzer.stem(w) in asked)),
                    related_terms=(), relevance=0.0, centrality=0.0, redundancy=0.0,
                    novelty=Novelty(read.new_words(sentence.text, told.text), float(held), told),
                    retells=told,
                ),
            ))
        if not denials:
            return items
        items = denials + items
        if length.sentences is not None:
            items = items[: length.sentences]
        if length.words is not None:
            while len(items) > 1 and sum(len(words(item.sentence.text)) for item in items) > length.words:
                items.pop()
        return items

    def _as_it_now_stands(self, corpus: Corpus, ranking: Ranking, pick: int, available: np.ndarray,
                          reserve: np.ndarray, gain: np.ndarray, objective: Objective) -> tuple[int, np.ndarray | None]:
        """The pick, or the latest telling of it: a sentence of a later article that repeats it
        with other figures or another day ("forced from their homes to 5,100" on Wednesday for
        "rose to 3,400" on Tuesday; "the vote moved to November 12" for "vote on November 9"), and
        the latest telling of that one in turn; with its similarity row when it was read here. A
        reader wants where a story stands; the earlier telling is then out of date: it is made
        unavailable here, with each telling between and the earlier sentences that repeat one of
        them ("forced 3,400 people from their homes"). An answer to the question is retold only by
        a sentence giving an answer in its words. A later telling may be one of the ``reserve``, not
        worth showing alone."""
        retold: list[tuple[int, np.ndarray]] = []
        while True:
            later_telling, similarity = self._later_telling(corpus, ranking, pick, available | reserve, gain,
                                                            objective)
            if later_telling == pick:
                break
            assert similarity is not None
            retold.append((pick, similarity))
            pick = later_telling
        if retold:
            when = said_when(corpus, int(ranking.rows[pick]))
            for telling, telling_similarity in retold:
                available[telling] = reserve[telling] = False
                repeating = np.flatnonzero(available & (telling_similarity >= self.duplicate))
                available[[i for i in repeating.tolist() if _earlier(corpus, int(ranking.rows[i]), when)]] = False
        concepts = corpus.sentence_concepts(int(ranking.rows[pick]))
        if any(number_value(stem) is not None for stem in negated(concepts)):
            # The pick corrects a figure ("184,000 households had lost power, not 212,000 as it first
            # reported"): a sentence giving the old figure of the same thing is out of date, whatever
            # its article's date.
            if similarity is None:
                similarity = self._similarity_row(ranking, pick)
            close = similarity >= self.duplicate
            if objective.answer_forms is not None:
                close |= objective.answer_forms & (similarity >= ANSWER_RETELLING)
            for i in np.flatnonzero((available | reserve) & close).tolist():
                if i != pick and corrects(corpus.sentence_concepts(int(ranking.rows[i])), concepts):
                    available[i] = reserve[i] = False
        return pick, similarity

    def _later_telling(self, corpus: Corpus, ranking: Ranking, pick: int, available: np.ndarray,
                       gain: np.ndarray, objective: Objective) -> tuple[int, np.ndarray | None]:
        """A later telling of the pick, or the pick; with the pick's similarity row when it was read."""
        row = int(ranking.rows[pick])
        concepts = corpus.figure_concepts(row)
        similarity = None
        denying = available & corpus.denying(ranking.rows)
        if denying.any() and not denying[pick]:
            similarity = self._similarity_row(ranking, pick)
            denial = self._denial(corpus, ranking, pick, concepts, denying & (similarity > 0), gain, objective)
            if denial is not None:
                return denial, similarity
        forecast = foretold_days(concepts)
        # A pick giving only weekdays is retold only by a sentence correcting one ("by Sunday, not by Friday night").
        corrections_only = not stated_figures(concepts) and not stated_days(concepts) and not forecast
        if corrections_only and not weekdays(concepts):
            return pick, similarity
        when = said_when(corpus, row)
        if similarity is None:
            similarity = self._similarity_row(ranking, pick)
        close = similarity >= self.duplicate
        if objective.answers is not None and objective.answers[pick] and objective.answer_forms is not None:
            # Two answers to the question, days apart, retell one thing in fewer words alike: "killing
            # at least 23 people" on Thursday, "The death toll ... has risen to 41" on Friday (0.31).
            close |= objective.answer_forms & (similarity >= ANSWER_RETELLING)
        if corrections_only:
            close &= corpus.saying_not(ranking.rows)
        similar = np.flatnonzero(available & close)
        latest, latest_when = pick, when
        named_rows = corpus.matching(sorted(ranking.query.names)) if ranking.query.names else None
        naming = frozenset(named_rows.tolist()) if named_rows is not None else None
        counted, stem = ranking.query.counted, corpus.analyzer.stem
        # Not people, whom later tellings count in other words ("The death toll ... is six").
        counting = (bool(counted) and counted.isdisjoint(_people_stems(stem))
                    and counts_it(corpus.sentences[row].text, counted, stem))
        for i in similar[np.argsort(-gain[similar], kind="stable")].tolist():
            if i == pick:
                continue
            other = int(ranking.rows[i])
            if counting and not counts_it(corpus.sentences[other].text, counted, stem):
                # "About 38 percent of the water ... is lost through leaks" does not retell "piped water in
                # Portessa will be available four hours a day" for how many hours a day it is.
                continue
            theirs = corpus.figure_concepts(other)
            if corrects(concepts, theirs):
                # "Seventeen miners are trapped, not nineteen as first reported": the correction
                # says which is later, whatever the articles' dates; it corrects the pick's own figure,
                # so it tells the same story though it names less of it ("The death toll from Storm
                # Ilsa is eight, not nine" for "How many people died in the Wennmark floods?").
                if retells(concepts, theirs, corpus.analyzer.stop_words) or corrects_day(concepts, theirs):
                    return i, similarity
                continue
            if not _may_stand_in(objective, pick, i) or (naming is not None and row in naming and other not in naming
                                                         and not _of_the_named(corpus, other, named_rows)):
                # "The Coastal Union also raised its pledge ..., to 30 million" tells another donor's pledge,
                # not where "The Kingdom of Astrel pledged 25 million" stands for "How much has Astrel
                # pledged?": a later telling names a name the question asks when the earlier one did.
                continue
            other_when = said_when(corpus, other)
            if (latest_when is None or other_when is None or not later(other_when, latest_when)
                    or _days_apart(when, other_when) > RETELLING_DAYS):
                continue
            if ((retells(concepts, theirs, corpus.analyzer.stop_words) and not contradict(concepts, theirs)
                 and not _only_ahead(corpus, row, other))
                    or (when is not None and fulfils(forecast, theirs, when[0], other_when[0]))):
                latest, latest_when = i, other_when
        return latest, similarity

    @staticmethod
    def _denial(corpus: Corpus, ranking: Ranking, pick: int, concepts: list[tuple[str, str]], denying: np.ndarray,
                gain: np.ndarray, objective: Objective) -> int | None:
        """The best of the sentences ``denying`` that denies what the pick reports, said no earlier
        ("denied reports that Castrel had lifted its threatened ban" the day after "Castrel has
        lifted its threat to close its harbours"): it tells where the report stands, and restates
        it. An answer to the question gives way only to a sentence giving an answer in its words."""
        when = said_when(corpus, int(ranking.rows[pick]))
        candidates = np.flatnonzero(denying)
        for i in candidates[np.argsort(-gain[candidates], kind="stable")].tolist():
            if not _may_stand_in(objective, pick, i):
                continue
            other = int(ranking.rows[i])
            if _earlier(corpus, other, when):
                continue
            if denies(concepts, corpus.sentence_concepts(other), corpus.analyzer.stop_words):
                return i
        return None

    @staticmethod
    def _denied_by(corpus: Corpus, ranking: Ranking, pick: int, close: np.ndarray) -> list[int]:
        """The sentences among ``close`` that the pick denies (see :func:`~.answers.denies`), said
        no later than it."""
        row = int(ranking.rows[pick])
        if not corpus.denying(ranking.rows[pick : pick + 1])[0]:
            return []
        picked, when = corpus.sentence_concepts(row), said_when(corpus, row)
        return [i for i in np.flatnonzero(close).tolist()
                if not _later(corpus, int(ranking.rows[i]), when)
                and denies(corpus.sentence_concepts(int(ranking.rows[i])), picked, corpus.analyzer.stop_words)]

    @staticmethod
    def _similarity_row(ranking: Ranking, index: int) -> np.ndarray:
        # Only the chosen sentences' rows are ever read: a few products of one row, not the
        # candidates' whole similarity matrix (2,000 x 2,000 when a topic matches that many).
        return np.asarray((ranking.vectors @ ranking.vectors[index].T).todense()).ravel()

    def _item(self, corpus: Corpus, ranking: Ranking, index: int, redundancy: float, score: float,
              shown: int | None = None) -> SummarySentence:
        """The candidate ``index`` as a summary sentence; or, in its place, the sentence at row ``shown``
        (a denial of it that was no candidate), with its scores."""
        row = int(ranking.rows[index]) if shown is None else shown
        sentence = corpus.sentences[row]
        sources = same_statement(corpus, row, self.same)
        original = {corpus.terms[t] for t in ranking.query.original}
        expanded = {corpus.terms[t] for t in ranking.query.weights} - original
        written = words(sentence.text)
        corpus.analyzer.prefetch(written)  # one question to the index for the sentence's words, not one a word
        stems = [(w.lower(), corpus.analyzer.stem(w)) for w in written]
        matched = dict.fromkeys(w for w, stem in stems if stem in original)
        related = dict.fromkeys(w for w, stem in stems if stem in expanded)
        return SummarySentence(
            sentence=sentence,
            score=score,
            sources=tuple(sources),
            explanation=Explanation(
                matched_terms=tuple(matched),
                related_terms=tuple(related),
                relevance=float(ranking.relevance[index]),
                centrality=float(ranking.centrality[index]),
                redundancy=redundancy,
            ),
        )


class _Denials:
    """The sentences of a corpus that deny something (see :func:`~.answers.denies`), candidates of a
    ranking or not: a report a topic picked may be denied in an article that uses none of its words
    ("the defence ministry denied a newspaper report that Gen. Marrak had offered his resignation",
    for a report about the army). Found once, from the postings, when first asked."""

    SHARED_TERMS = 3
    """What a denial of a report shares with it at least: it restates it."""

    def __init__(self, corpus: Corpus, ranking: Ranking) -> None:
        self.corpus, self.ranking = corpus, ranking
        rows = corpus.denial_rows
        self.rows = rows[corpus.summary_worthy(rows, ranking.query.speech_asked, ranking.query.names)] if len(rows) else rows
        self.candidate = np.isin(self.rows, ranking.rows)

    @property
    def elsewhere(self) -> np.ndarray:
        """The rows of those that are no candidate."""
        return self.rows[~self.candidate]

    @cached_property
    def terms(self) -> sparse.csr_matrix | None:
        """Which terms each holds (made when a pick is first compared with them)."""
        return (self.corpus.counts[self.rows] > 0).astype(np.float32) if len(self.rows) else None

    def of(self, pick: int, taken: set[int], among_candidates: bool = False) -> int | None:
        """The row of a sentence denying the candidate ``pick``, said no earlier and not yet shown:
        one that is no candidate (those that are take a pick's place while it is chosen), or any with
        ``among_candidates``."""
        if self.terms is None:
            return None
        corpus, row = self.corpus, int(self.ranking.rows[pick])
        shared = np.asarray((self.terms @ (corpus.counts[[row]] > 0).astype(np.float32).T).todense()).ravel()
        close = self.rows[(shared >= self.SHARED_TERMS) & (among_candidates | ~self.candidate)]
        if not len(close) or corpus.denying(np.array([row]))[0]:
            return None
        concepts, when = corpus.sentence_concepts(row), said_when(corpus, row)
        for other in close.tolist():
            if other not in taken and not _earlier(corpus, other, when) and denies(
                    concepts, corpus.sentence_concepts(other), corpus.analyzer.stop_words):
                return other
        return None


RAREST_TERMS = 4
"""A sentence's rarest terms whose postings are searched for other articles saying the same."""


def same_statement(corpus: Corpus, row: int, threshold: float) -> list[Sentence]:
    """The sentence at ``row``, then, for each other article that says the same (tf-idf cosine
    at least ``threshold``), its closest sentence, closest first.

    Searched over the whole corpus, not a topic's candidates, so that a sentence has the same
    sources under every topic; through the postings of its rarest terms, which any sentence that
    close must share, so that the cost follows those terms, not the corpus.
    """
    sentence = corpus.sentences[row]
    terms = corpus.counts[row].indices
    if not len(terms):
        return [sentence]
    rare = terms[np.argsort(-corpus.idf[terms], kind="stable")[:RAREST_TERMS]]
    rows = corpus.matching(sorted(int(t) for t in rare))
    rows = rows[corpus.article_of[rows] != corpus.article_of[row]]
    if not len(rows):
        return [sentence]
    similarity = np.asarray((corpus.tfidf(rows) @ corpus.tfidf(np.array([row])).T).todense()).ravel()
    close = similarity >= threshold  # most rows sharing a rare term say something else
    best: dict[int, tuple[float, int]] = {}
    concepts = corpus.sentence_concepts(row)
    counted, given, days = counts(concepts), stated_figures(concepts), stated_days(concepts)
    # "offered on Friday to host talks" is not "opened talks on Sunday, hosted by ...".
    named_weekdays = weekdays(concepts)
    says_not = corpus.says_not(row)
    function_words = corpus.analyzer.stop_words
    for other, value, article in zip(rows[close].tolist(), similarity[close].tolist(),
                                      corpus.article_of[rows[close]].tolist()):
        if value > best.get(article, (0.0, 0))[0]:
            # Another number of the same thing, or figures without one the sentence gives, is
            # another statement: "grown to 11 confirmed cases" is not "confirmed cases has risen to
            # 19". Read from the stored concepts: citing reads no text.
            theirs = corpus.sentence_concepts(other)
            if (disagree(counted, counts(theirs)) or other_day(days, stated_days(theirs))
                    or other_day(named_weekdays, weekdays(theirs))
                    or (counted and in_other_states(concepts, theirs))
                    or ((says_not or corpus.says_not(other)) and contradict(concepts, theirs))
                    or foretold(concepts, theirs) or denies(concepts, theirs, function_words)
                    or denies(theirs, concepts, function_words)):
                continue
            found = stated_figures(theirs) if given else set()
            if found and given - found:
                continue
            best[article] = (value, other)
    ordered = sorted(best.values(), key=lambda pair: (-pair[0], pair[1]))
    return [sentence, *(corpus.sentences[other] for _, other in ordered)]


def _days_apart(one: tuple[str, object], other: tuple[str, object]) -> int:
    return abs((date.fromisoformat(other[0]) - date.fromisoformat(one[0])).days)


@functools.lru_cache(maxsize=4)
def _people_stems(stem: Callable[[str], str]) -> frozenset[str]:
    return frozenset(stem(noun) for noun in PERSON_NOUNS) | TOLL | frozenset({"person", "peopl"})


def _may_stand_in(objective: Objective, pick: int, other: int) -> bool:
    """Whether the candidate ``other`` may take the place of ``pick``: an answer to the question only
    gives way to a sentence giving an answer in its words."""
    if objective.answers is None or not objective.answers[pick]:
        return True
    return bool(objective.answers[other] or (objective.answer_forms is not None and objective.answer_forms[other]))


def _later(corpus: Corpus, row: int, than: tuple[str, object] | None) -> bool:
    """Whether the article of the sentence at ``row`` is surely later than the moment ``than``."""
    when = said_when(corpus, row)
    return than is not None and when is not None and later(when, than)


def _of_the_named(corpus: Corpus, row: int, named_rows: np.ndarray) -> bool:
    """Whether the sentence at ``row``, naming nobody and nothing, is of what its article named
    before it (``named_rows``: the rows naming it, in order): "Six bodies have been recovered" after "The
    search for the crew of the Dorrit Bell was suspended on Sunday" tells that ship's dead."""
    if any(word[:1].isupper() for word in words(corpus.sentences[row].text)[1:]):
        return False
    # The article's rows come together, in order: one look among the named rows before this one.
    before = int(np.searchsorted(named_rows, row)) - 1
    return before >= 0 and corpus.article_of[named_rows[before]] == corpus.article_of[row]


def _earlier(corpus: Corpus, row: int, than: tuple[str, object] | None) -> bool:
    """Whether the article of the sentence at ``row`` is surely earlier than the moment ``than``."""
    when = said_when(corpus, row)
    return than is not None and when is not None and later(than, when)


class CoverageSelector(Selector):
    """Greedy concept coverage (see :mod:`summarizer.coverage`) within the length budget, over the
    candidates of articles about the topic (their best candidate at least ``min_article_relevance``
    as relevant as the best of all) that are at least ``min_relevance`` as relevant as the best."""

    def __init__(
        self,
        duplicate: float = 0.35,
        topic_boost: float = 1.0,
        lead_prior: float = 1.0,
        min_relevance: float = 0.1,
        min_article_relevance: float = 0.5,
    ) -> None:
        super().__init__(duplicate=duplicate)
        self.topic_boost = topic_boost
        self.lead_prior = lead_prior
        self.min_relevance = min_relevance
        self.min_article_relevance = min_article_relevance

    def objective(self, corpus: Corpus, ranking: Ranking, score: np.ndarray, read: ReadSet | None = None) -> Objective:
        from .coverage import ConceptCoverage

        return ConceptCoverage(
            corpus, ranking, score, self.topic_boost, self.lead_prior, self.min_relevance, read,
            self.min_article_relevance,
        )


def _only_ahead(corpus: Corpus, row: int, other: int) -> bool:
    """Whether the sentence ``other`` tells what will happen where ``row`` tells what happened: "45
    trucks expected to carry food" on Thursday is the next convoy, not where Wednesday's "A convoy
    of 62 trucks crossed at Corran" now stands. A promise tells what will happen too: "Astrel will
    give 52 million crowns" is where Monday's "Astrel pledged 25 million crowns" stands."""
    told = corpus.sentences[row].text
    return (tells_the_future(corpus.sentences[other].text) and not tells_the_future(told)
            and not promises(told, corpus.analyzer.stem))
