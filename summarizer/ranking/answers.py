"""Answers to questions that ask for a number, a time, a place, a reason or a person first of all
("How many trucks ...?", "When will the bridge reopen?", "Where were the residents taken?", "Why was
the bridge closed?", "Who will mediate the talks?"; see
:func:`~summarizer.ranking.topics.asked_answer`): sentences that give one beside what was asked."""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from datetime import date, datetime, timedelta, timezone
from typing import TYPE_CHECKING

import numpy as np

from ..reading.terms import WORD, stop_words, words
from .forms import PRICE, TOLL, base_form, word_forms
from .topics import ARTICLES, CALENDAR, MEASURE_KINDS, MONTHS, WEEKDAYS

if TYPE_CHECKING:
    from .corpus import Corpus
    from .ranker import TopicQuery


_MONTHS = MONTHS | frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
_NUMBER = re.compile(r"\d[\d,.]*")
_YEAR = re.compile(r"(?:1[89]|20)\d\d")
_SMALL_NUMBERS = {word: str(value) for value, word in enumerate(
    """two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen
    seventeen eighteen nineteen twenty""".split(), start=2)}
_NUMBER_WORDS = frozenset(_SMALL_NUMBERS) | frozenset(
    """thirty forty fifty sixty seventy eighty ninety hundred hundreds thousand thousands million
    millions billion billions trillion trillions dozen dozens half""".split()
)
_PERCENT = frozenset({"percent", "%", "pct"})


def number_value(token: str) -> str | None:
    """The value of a number written in digits or, up to ninety-nine, in words, as written or stemmed
    ("60,000": "60000", "nineteen": "19", "twelv": "12", "twenty-three", "twenty-thre": "23"), to compare
    two sentences' figures; None for anything else (not "one": "one of them", "no one")."""
    if _NUMBER.fullmatch(token):
        return token.replace(",", "")
    lowered = token.lower()
    value = _SMALL_NUMBERS.get(lowered) or _STEMMED_NUMBERS.get(lowered) or _TENS.get(lowered)
    if value is None and "-" in lowered:
        tens, _, unit = lowered.partition("-")
        if tens in _TENS and (unit := _UNITS.get(unit)) is not None:
            value = str(int(_TENS[tens]) + unit)
    return value


_STEMMED_NUMBERS = {"twelv": "12", "twenti": "20"}
"""The two of those words the index's stemmer cuts (citations compare stems): without them "twelve
soldiers" and "20 soldiers" were the same statement."""
_TENS = {word: str(10 * n) for n, written in enumerate(
    "twenty thirty forty fifty sixty seventy eighty ninety".split(), start=2)
    for word in (written, written[:-1] + "i")}  # as written and as stemmed: "sixty", "sixti"
_UNITS = {word: n for n, word in enumerate("one two three four five six seven eight nine".split(), start=1)} | {
    "on": 1, "thre": 3, "f": 5, "nin": 9}
"""The units of "twenty-three" as written and as the stemmer leaves them ("twenty-thre", "forty-on",
"twenty-f")."""


def counts(concepts: Sequence[tuple[str, str]]) -> dict[str, set[str]]:
    """The numbers a sentence gives of each thing, from its stored concepts: {"soldier": {"600"}}
    for "600 soldiers", {"peopl": {"19"}} for "nineteen people"."""
    found: dict[str, set[str]] = {}
    for first, thing in concepts:
        number = number_value(first)
        if number is not None and number_value(thing) is None:
            found.setdefault(thing, set()).add(number)
    return found


def figures(text: str) -> set[str]:
    """The values of the quantities a sentence gives ("11 confirmed cases, and three patients":
    {"11", "3"}); not years or days of the month. An article giving figures, but not one a sentence
    gives, does not say the same, whatever its words: a toll reported a day later, a count that
    rose, another outlet's estimate. It may give more ("Varsk, 33, is charged in three bombings"
    says "Varsk has been charged in three bombings"; on DUC 2007 an exact comparison lost 4 of 77
    citations that said the same, this one none). (:func:`disagree` needs the figures next to the same word:
    "11 confirmed cases" and "the number of confirmed cases has risen to 19" escape it.)"""
    written = words(text)
    return {value for word, spot in zip(written, quantities(written))
            if spot and (value := number_value(word.lower())) is not None}


_MONTH_NUMBERS = {stem: n for n, stem in enumerate(
    "januari februari march april may june juli august septemb octob novemb decemb".split(), 1)}
"""Months as the index stems them, and their numbers."""
_MONTH_STEMS = frozenset(_MONTH_NUMBERS) | frozenset("jan feb mar apr jun jul aug sep sept oct nov dec".split())
"""Months as the index stems them ("januari", "septemb") and as abbreviated."""


_DAY = re.compile(r"[0-9]|[12][0-9]|3[01]")


def stated_days(concepts: Sequence[tuple[str, str]]) -> set[str]:
    """The days of the month a sentence gives, from its concepts: {"novemb 9"} for "on November 9"
    or "on 9 November"."""
    found = set()
    for first, second in concepts:
        if first in _MONTH_STEMS and _DAY.fullmatch(second):
            found.add(f"{first} {second}")
        elif second in _MONTH_STEMS and _DAY.fullmatch(first):
            found.add(f"{second} {first}")
    return found


def other_day(days: set[str], others: set[str]) -> bool:
    """Whether two sentences give days and no day in common: "will vote on the agreement on
    November 9" and "... vote moved to November 12" are two statements (the later one news, the
    earlier out of date), however close their words."""
    return bool(days) and bool(others) and days.isdisjoint(others)


_MONTH_NAMES = "january february march april may june july august september october november december".split()
_MONTH_OF = {name: n for n, name in enumerate(_MONTH_NAMES, 1)}
_MONTH_OF |= {name[:3]: n for name, n in list(_MONTH_OF.items())} | {"sept": 9}
_TODAY = frozenset({"today", "tonight"})
_YESTERDAY = frozenset({"yesterday"})


def named_days(text: str, article_date: str | None = None) -> frozenset[str]:
    """The days a sentence names: weekdays ("saturday") and days of a month ("3-7" for "March 7" or
    "7 March"). With the date of its article, also the days of "today", "tonight" and "yesterday",
    the date of a weekday (the latest such day up to the article's: news tells what happened) and
    the weekday of a date, so that "on Saturday" in an article of Sunday 8 March meets "on March 7"."""
    written = words(text)
    base = None
    if article_date:
        try:
            base = datetime.fromisoformat(article_date[:10]).date()
        except ValueError:
            base = None
    found: set[str] = set()
    dates: list[date] = []
    for n, word in enumerate(written):
        lowered = word.lower()
        if lowered in _WEEKDAY_NUMBERS:
            found.add(lowered)
            if base is not None:
                dates.append(base - timedelta(days=(base.weekday() - _WEEKDAY_NUMBERS[lowered]) % 7))
                if n and written[n - 1].lower() == "since":
                    dates.append(base)  # "11 deaths have been confirmed since Tuesday": so far, as of the article's day
        elif base is not None and (lowered in _TODAY or lowered in _YESTERDAY):
            dates.append(base - timedelta(days=1 if lowered in _YESTERDAY else 0))
        elif lowered in _MONTH_OF and word[0].isupper():
            # "March 7" and "7 March" (not the verb "may": a month is written with its capital).
            for other in (written[n + 1] if n + 1 < len(written) else "", written[n - 1] if n else ""):
                if _DAY.fullmatch(other) and other != "0":
                    month, day = _MONTH_OF[lowered], int(other)
                    found.add(f"{month}-{day}")
                    if base is not None:
                        try:
                            told = base.replace(month=month, day=day)
                        except ValueError:
                            break
                        if told > base + timedelta(days=183):
                            try:
                                told = told.replace(year=base.year - 1)
                            except ValueError:
                                break
                        found.add(_weekday(told))
                    break
    for told in dates:
        found.add(f"{told.month}-{told.day}")
        found.add(_weekday(told))
    return frozenset(found)


def _weekday(day: date) -> str:
    return list(_WEEKDAY_NUMBERS)[day.weekday()]


def day_wording(days: frozenset[str]) -> str:
    """The :func:`named_days` of a question as a reader writes them: "Saturday", "March 7"."""
    written = []
    for day in sorted(days, key=lambda day: (day not in _WEEKDAY_NUMBERS, _WEEKDAY_NUMBERS.get(day, 0), day)):
        if day in _WEEKDAY_NUMBERS:
            written.append(day.capitalize())
        else:
            month, number = day.split("-")
            written.append(f"{_MONTH_NAMES[int(month) - 1].capitalize()} {number}")
    return " or ".join(written)


def told_days(text: str, article_date: str | None) -> frozenset[str]:
    """The days a sentence tells of: those it names (see :func:`named_days`), else its article's day:
    "Ten of the escaped goats are back" in Thursday's paper is Thursday's count, not Wednesday's."""
    return named_days(text, article_date) or (named_days("today", article_date) if article_date else frozenset())


def sentence_days(corpus: Corpus, row: int) -> frozenset[str]:
    """The :func:`told_days` of the sentence at ``row``."""
    sentence = corpus.sentences[row]
    return told_days(sentence.text, corpus.article(sentence).date)


def on_other_days(named: frozenset[str], asked: frozenset[str]) -> bool:
    """Whether a sentence naming the days ``named`` speaks of days other than those ``asked`` (both
    from :func:`named_days`): it names a day of the kind asked (a weekday, a date) and none asked."""
    if named & asked:
        return False
    return any((day in _WEEKDAY_NUMBERS) == (other in _WEEKDAY_NUMBERS) for day in named for other in asked)


def stated_figures(concepts: Sequence[tuple[str, str]]) -> set[str]:
    """:func:`figures` from a sentence's stored concepts (adjacent stems) instead of its text, so
    that citing reads no text: a number beside a month is a day, a year ("1998") is no figure unless
    "percent" follows."""
    beside: dict[str, set[str]] = {}
    for first, second in concepts:
        if number_value(first) is not None:
            beside.setdefault(first, set()).add(second)
        if number_value(second) is not None:
            beside.setdefault(second, set()).add(first)
    found = set()
    for token, neighbours in beside.items():
        if neighbours & _MONTH_STEMS:
            continue
        if _YEAR.fullmatch(token) and "percent" not in neighbours:
            continue
        value = number_value(token)
        if value is not None:
            found.add(value)
    return found


def disagree(counted: dict[str, set[str]], others: dict[str, set[str]]) -> bool:
    """Whether two sentences give different numbers of the same thing ("600 soldiers" and "200
    soldiers" at a cosine of 0.62, by the same general in the same valley): not the same statement,
    however close their words. A number of it that only one gives is enough: "raised to 30 million
    crowns, from the 12 million crowns pledged on Monday" is news beside "pledged 12 million crowns"."""
    return any(thing in others and numbers != others[thing] for thing, numbers in counted.items())


def of_other_things(concepts: Sequence[tuple[str, str]], others: Sequence[tuple[str, str]]) -> bool:
    """Whether the numbers of a thing two sentences give differently are of it in other states:
    "186 people had now been rescued" and "two people remain missing" (dead, injured, evacuated,
    arrested ...), "23 miners were trapped" and "lifted 17 miners out", which news reports side by
    side. Neither then updates the other."""
    counted, theirs = counts(concepts), counts(others)
    differing = {thing for thing, numbers in counted.items() if thing in theirs and numbers != theirs[thing]}
    if not differing:
        return False
    mine, before = _counted_states(concepts, differing), _counted_states(others, differing)
    return bool(mine and before and not mine & before)


def in_other_states(concepts: Sequence[tuple[str, str]], others: Sequence[tuple[str, str]]) -> bool:
    """Whether two sentences count a thing they both count in other states: "Nine crew members are
    still missing" and "Nine crew members survived" say the same number of other people, neither
    the other's statement."""
    shared = set(counts(concepts)) & set(counts(others))
    if not shared:
        return False
    mine, theirs = _counted_states(concepts, shared), _counted_states(others, shared)
    return bool(mine and theirs and not mine & theirs)


def _counted_states(concepts: Sequence[tuple[str, str]], things: set[str]) -> set[str]:
    """The state said of each number of one of the ``things`` in a sentence, from its concepts in order
    (adjacent stems): the first state word after "N things" within a few words ("186 people had now
    been rescued": rescu), else before it ("killed 23 people": kill)."""
    tokens = _in_order(concepts, gaps=True)
    found = set()
    for n in range(len(tokens) - 1):
        if tokens[n] is None or tokens[n + 1] not in things or number_value(tokens[n]) is None:
            continue
        after = [t for t in tokens[n + 2 : n + 7] if t in COUNTED_STATES]
        before = [t for t in tokens[max(0, n - 4) : n] if t in COUNTED_STATES]
        if after or before:
            found.add(after[0] if after else before[-1])
    return found


_SUM_REACH = 5
"""How many words before a sum, and after its currency, say what it is of."""


def _sum_words(concepts: Sequence[tuple[str, str]], function_words: frozenset[str]) -> set[str]:
    """The words a sentence says its sums beside (a few before the figure, a few after its currency), what
    tells one sum from another: "diverted ... customer money" is not what "the court froze ... of her assets"."""
    tokens = _in_order(concepts, gaps=True)
    found: set[str] = set()
    for n, token in enumerate(tokens):
        if token is None or number_value(token) is None:
            continue
        end = n + 1
        while end < len(tokens) and tokens[end] in _SCALES | _CURRENCIES:
            end += 1
        if end == n + 1:
            continue  # a count, not a sum
        found.update(t for t in (*tokens[max(0, n - _SUM_REACH) : n], *tokens[end : end + 3])
                     if t is not None and t not in function_words and number_value(t) is None
                     and t not in _SCALES | _CURRENCIES)
    return found


def _a_rate(concepts: Sequence[tuple[str, str]]) -> bool:
    """Whether a sentence gives a figure per a stretch of time ("1.9 million crowns a month", "40
    million a day", "per year"): a rate, not a total."""
    said = _in_order(concepts)
    return any(number_value(said[n]) is not None and any(
        word in _PER and n + k + 2 < len(said) and said[n + k + 2] in _TIME_UNITS
        for k, word in enumerate(said[n + 1 : n + 4])) for n in range(len(said)))


_PER = frozenset({"a", "an", "per", "each", "every"})
_TIME_UNITS = frozenset("hour day week month year annum".split())


COUNTED_STATES = frozenset("""rescu save aliv safe surviv survivor miss dead die kill injur hurt wound evacu displac flee fled homeless
    arrest detain trap hospit treat sick ill infect freed lift""".split())
"""Stems of the states news counts people in: rescued, missing, dead, injured, evacuated, arrested,
trapped, freed or lifted out ..."""


def _risen_from(concepts: Sequence[tuple[str, str]]) -> set[str]:
    """The figures a sentence gives as what something rose or fell from ("up from 11", "down from
    the 6,800 hectares estimated on Tuesday"), or corrects ("Seventeen miners, not nineteen as first
    reported"; "correcting a count of nine to four")."""
    # "correcting a count of nine to four given earlier": what a correction names after "of" it corrects.
    correcting = any(word.startswith(_CORRECTING) for pair in concepts for word in pair)
    # In the sentence's order: "from the" is no concept (two function words), "the 2.40" is.
    said = _in_order(concepts)
    return {value for n, word in enumerate(said) if n and (value := number_value(word)) is not None
            and (said[n - 1] in ("from", "not") or (correcting and said[n - 1] == "of")
                 or (said[n - 1] in ("the", "an", "a", "about", "some") and n > 1 and said[n - 2] == "from"))}


_CORRECTING = ("correct", "revis", "amend")


def _changed_by(concepts: Sequence[tuple[str, str]]) -> set[str]:
    """The figures a sentence gives as a change ("has fallen by 22 percent", "up by 3,000")."""
    said = _in_order(concepts)
    return {value for n, word in enumerate(said) if n and said[n - 1] == "by" and (value := number_value(word)) is not None}


def corrects(concepts: Sequence[tuple[str, str]], others: Sequence[tuple[str, str]]) -> bool:
    """Whether ``others`` says "not" of a figure the sentence gives: "Seventeen miners are trapped,
    not nineteen as first reported" corrects "Nineteen miners were trapped"; it says "not", but
    of the old figure, not of what happened."""
    return bool({number_value(stem) for stem in negated(others)} & stated_figures(concepts)) or corrects_day(concepts, others)


def corrects_day(concepts: Sequence[tuple[str, str]], others: Sequence[tuple[str, str]]) -> bool:
    """Whether ``others`` says "not" of a weekday the sentence gives, and gives another: "every customer
    to have power by Sunday, not by Friday night as it had said" corrects "restore power to all
    customers by Friday night"."""
    denied = negated(others) & WEEKDAYS
    return bool(denied) and bool(denied & weekdays(concepts)) and bool(weekdays(others) - denied)


def weekdays(concepts: Sequence[tuple[str, str]]) -> set[str]:
    """The weekdays a sentence names, from its concepts."""
    return {stem for pair in concepts for stem in pair} & WEEKDAYS


def retells(concepts: Sequence[tuple[str, str]], others: Sequence[tuple[str, str]],
            function_words: frozenset[str]) -> bool:
    """Whether ``others``, said later in words close to a sentence's, gives where the same thing
    now stands: another day of the month ("vote on November 12" after "on November 9"), or other
    figures ("6,800 hectares" after "2,300 hectares"; "bringing the number ... to 5,100" after "rose
    to 3,400"; "down from the 6,800 hectares" in a sentence giving 6,100). Never without a day or a
    figure the sentence does not give ("55 percent" after "55 and 45 percent" is less, not newer);
    not when it gives every figure of the sentence and more ("Rudolph, 33, is charged in three
    bombings"), unless the old figure is what the new one rose or fell from; nor when each gives
    figures of something the other does not count ("38 batches", "14 reports")."""
    days, their_days = stated_days(concepts), stated_days(others)
    if days and their_days - days:
        return True
    if _peaked(concepts) and not _peaked(others):
        return False  # "The Aldeth peaked at 6.8 metres" is not retold by "fell below two metres" days later
    given, theirs = stated_figures(concepts), stated_figures(others)
    if not given or not theirs - given:
        return False
    if given <= theirs and not given & _risen_from(others):
        return False
    if theirs - given <= _changed_by(others) and not given & _changed_by(concepts):
        return False  # "Consumption ... has fallen by 22 percent" tells a change, not where "fell to 18 percent" stands
    if given & theirs:
        return True  # a figure both give ("three villages", "three flooded villages"): one count's frame
    things = {thing for thing in counts(concepts) if thing not in function_words}
    their_things = {thing for thing in counts(others) if thing not in function_words}
    for lengths, other in ((things, their_things), (their_things, things)):
        if lengths and lengths <= _TIME_UNITS and not other & _TIME_UNITS:
            return False  # "under the snow for two hours and ten minutes" is not retold by "Six of the survivors"
    shared = things & their_things
    if shared and of_other_things(concepts, others):
        return False  # "186 people had now been rescued" is not retold by "two people remain missing"
    if shared and shared <= _SCALES | _CURRENCIES:
        if _a_rate(concepts) != _a_rate(others):
            return False  # "would cost about 38 million crowns" is not retold by "1.9 million crowns a month"
        mine, before = _sum_words(concepts, function_words), _sum_words(others, function_words)
        if mine and before and not mine & before:
            return False  # "had diverted 31.5 million crowns of customer money" by "the court froze 12 million crowns"
    if things and their_things and not things & their_things:
        # "Five people have now died" is retold by "The death toll ... is six, not seven ..., after police
        # found that one victim had been counted twice by two hospitals": a toll, whatever else is counted.
        return _tells_a_toll(concepts) and _tells_a_toll(others)
    return True


_TIME_UNITS = frozenset({"second", "minut", "hour", "day", "week", "month", "year"})
"""Stems of a length of time's unit: a length is retold only by a length."""


def _tells_a_toll(concepts: Sequence[tuple[str, str]]) -> bool:
    """Whether a sentence speaks of the dead ("died", "killed", "death toll"; see :data:`TOLL`)."""
    return _holds(concepts, TOLL)


_PEAK_STEMS = frozenset({"peak", "highest", "maximum", "record"})


def _peaked(concepts: Sequence[tuple[str, str]]) -> bool:
    """Whether a sentence gives a figure's peak ("peaked at 6.8 metres", "its highest level"), which
    stands however the figure moved after."""
    return _holds(concepts, _PEAK_STEMS)


def _holds(concepts: Sequence[tuple[str, str]], stems: frozenset[str]) -> bool:
    """Whether a sentence (its concepts) holds one of the ``stems``."""
    return any(first in stems or second in stems for first, second in concepts)


_NEGATIONS = frozenset("not never cannot".split())


def negation(stem: str) -> bool:
    """Whether a word says "not" of the word after it: "not", "never", "cannot" or a "-n't"."""
    return stem in _NEGATIONS or stem.endswith(("n't", "n\u2019t"))


def negated(concepts: Sequence[tuple[str, str]]) -> frozenset[str]:
    """The stems a sentence says "not" of, from its concepts: the stem after "not", "never", "cannot"
    or a "-n't" ("will not reopen", "won't open": reopen, open)."""
    return frozenset(second for first, second in concepts if negation(first))


def contradict(concepts: Sequence[tuple[str, str]], others: Sequence[tuple[str, str]]) -> bool:
    """Whether one of two sentences (their concepts) says "not" of a word the other says plainly:
    "Schools will not reopen on March 16" says nothing of what "Schools will reopen on March 16"
    says, however many words they share: it is no repeat of it, and not the same statement."""
    mine, theirs = negated(concepts), negated(others)
    if not mine and not theirs:
        return False  # the common case, without gathering either sentence's stems
    return _said_of_only_one(mine, theirs, concepts, others)


def _said_of_only_one(mine: Iterable[str], theirs: Iterable[str], concepts: Sequence[tuple[str, str]],
                      others: Sequence[tuple[str, str]]) -> bool:
    """Whether one sentence marks a word ("not", "will" before it: ``mine``, ``theirs``) that the
    other says unmarked."""
    mine, theirs = set(mine), set(theirs)
    return bool((mine - theirs) & {stem for pair in others for stem in pair}
                or (theirs - mine) & {stem for pair in concepts for stem in pair})


def foretold(concepts: Sequence[tuple[str, str]], others: Sequence[tuple[str, str]]) -> bool:
    """Whether one of two sentences foretells what the other reports: one says "will" and the other
    does not, or says it of another word. "The court will rule on Tuesday" is the forecast of "The
    court on Tuesday annulled the permit" and of "... struck down its permit by a vote of four to
    one", not the same statement, however alike their words."""
    mine = {second for first, second in concepts if first == "will"}
    theirs = {second for first, second in others if first == "will"}
    return bool(mine) != bool(theirs) or _said_of_only_one(mine, theirs, concepts, others)


DENYING = frozenset({"deni", "refut", "rebut"})
"""Stems of a denial: denied, denies, deny, refuted, rebutted."""
_DENIED = frozenset("that report claim alleg rumour rumor suggest stori account".split())
"""What a denial denies, right after it: "denied reports that", "denies the claim", "refuted suggestions"."""
_AUXILIARIES = frozenset("had has have was were is are would will could might may".split())


def denies(concepts: Sequence[tuple[str, str]], others: Sequence[tuple[str, str]],
           function_words: frozenset[str]) -> bool:
    """Whether ``others`` denies what a sentence (its concepts) reports: a denial of reports or
    claims whose verb ("had lifted", "had decided") the sentence says, not with "not", among at
    least three of its own words, numbers and function words aside. "The minister denied reports
    that Castrel had lifted its threatened ban on Vennish boats" denies "Castrel has lifted its
    threat to close its harbours to Vennish fishing boats" (castrel, lift, vennish, boat), in
    words too few alike to be a retelling of it; not "a day after Castrel threatened to close its
    harbours to Vennish vessels" (the threat is not denied), nor "the ban is suspended, not lifted"
    (which says what the denial says), nor another denial."""
    said = _in_order(others)
    for n, stem in enumerate(said):
        if (stem in DENYING and not _DENIED.isdisjoint(said[n + 1 : n + 4])
                and not _withheld(said[max(0, n - 4) : n])):
            break
    else:
        return False
    denied = said[n + 1 :]
    aux = next((i for i, stem in enumerate(denied) if stem in _AUXILIARIES), None)
    verb = None if aux is None else next((stem for stem in denied[aux + 1 :] if stem not in function_words), None)
    reported = {stem for pair in concepts for stem in pair if stem not in function_words and number_value(stem) is None}
    if not DENYING.isdisjoint(reported):
        return False
    if aux is None and not _DENIED_VERBLESS.isdisjoint(said[n + 1 : n + 4]):
        # "denied reports that it had known of the cracks": "it had known of" are all function words,
        # so the verb is not among the concepts; what is denied must then restate more of the report.
        return len(reported.intersection(denied)) >= 4
    # "had known of the cracks" denies "knew of the cracks": the verb in its other past forms, not its
    # base ("had paid the ransom" denies no "unless the city pays").
    forms = set(word_forms(verb)) - ({base_form(verb)} - {verb}) if verb is not None else set()
    if forms.isdisjoint(reported) or not forms.isdisjoint(negated(concepts)):
        return False
    return len(reported.intersection(denied)) >= 3


_DENIED_VERBLESS = frozenset({"that"})
"""What opens a denied clause whose verb may be all function words ("denied reports that it had known")."""


def _withheld(before: Sequence[str]) -> bool:
    """Whether the words before a denial withhold it: "has not confirmed or denied reports", "would
    neither confirm nor deny", "refused to deny" say nothing either way."""
    return any(negation(stem) or stem in ("confirm", "neither", "refus", "declin") for stem in before)


def _in_order(concepts: Sequence[tuple[str, str]], gaps: bool = False) -> list[str | None]:
    """A sentence's stems in their order, from its concepts (adjacent pairs, overlapping); with
    ``gaps``, a None where words are missing (two function words side by side are no concept)."""
    said: list[str | None] = []
    for first, second in concepts:
        if not said or said[-1] != first:
            if gaps:
                said.append(None)
            said.append(first)
        said.append(second)
    return said


_WEEKDAY_NUMBERS = {day: n for n, day in enumerate("monday tuesday wednesday thursday friday saturday sunday".split())}
_FORETOLD_WINDOW = 8
"""How many words after "will" the day a sentence foretells may come: "will rule on Friday on whether ..."."""


def foretold_days(concepts: Sequence[tuple[str, str]]) -> set[str]:
    """The days a sentence foretells something for, from its concepts: a weekday or a day of the month
    within a few words after "will" ("will rule on Friday": friday; "will vote on November 12": novemb
    12), not a day it was said on ("the court said on Thursday")."""
    said = _in_order(concepts)
    found: set[str] = set()
    for n, stem in enumerate(said):
        if stem != "will":
            continue
        after = said[n + 1 : n + 1 + _FORETOLD_WINDOW]
        found |= {day for day in after if day in _WEEKDAY_NUMBERS}
        found |= {f"{a} {b}" for a, b in zip(after, after[1:]) if a in _MONTH_NUMBERS and _DAY.fullmatch(b)}
    return found


def fulfils(days: set[str], others: Sequence[tuple[str, str]], foretold_on: str, said_on: str) -> bool:
    """Whether ``others``, said on the day ``said_on`` (ISO), reports what a sentence said on
    ``foretold_on`` foretold for one of ``days`` (see :func:`foretold_days`): it names that day,
    without "will" before it, and was said on it or after ("on Friday blocked the takeover", or "ruled
    on Friday that the bridge will stay closed", the Friday after "will rule on Friday"; not "is due on
    Friday" said on the Thursday)."""
    said = _in_order(others)
    if not days:
        return False
    named = set(said) | {f"{a} {b}" for a, b in zip(said, said[1:])}
    start, end = date.fromisoformat(foretold_on), date.fromisoformat(said_on)
    for day in days & named:
        first = day.split()[0]
        at = next((n for n, word in enumerate(said) if word == first), len(said))
        if "will" in said[:at]:
            continue  # "will rule on Friday" again; not "ruled on Friday that the bridge will stay closed"
        if day in _WEEKDAY_NUMBERS:
            due = start + timedelta(days=(_WEEKDAY_NUMBERS[day] - start.weekday()) % 7)
        else:
            month, number = day.split()
            try:
                due = date(start.year, _MONTH_NUMBERS[month], int(number))
            except ValueError:
                continue
        if end >= due:
            return True
    return False


def months(text: str) -> set[str]:
    """The months a sentence names, written with a capital ("will appear in court in May"; not the
    verb "may")."""
    return {word.lower() for word in words(text) if word[:1].isupper() and word.lower() in MONTHS}


def quantities(written: Sequence[str]) -> list[bool]:
    """Which of a sentence's words (as :func:`~summarizer.reading.terms.words` splits it) give a
    quantity: a number or a number word ("40", "60,000", "hundreds"), not a year or a day of the
    month ("1999", "Nov 25"; a year followed by "percent" is a quantity)."""
    found = []
    for n, word in enumerate(written):
        if _NUMBER.fullmatch(word):
            after = written[n + 1].lower() if n + 1 < len(written) else ""
            before = written[n - 1].lower() if n else ""
            is_year = bool(_YEAR.fullmatch(word)) and after not in _PERCENT
            found.append(not is_year and before not in _MONTHS and after not in _MONTHS
                         and not _day_in_a_list(written, n))
        else:
            found.append(word.lower() in _NUMBER_WORDS or number_value(word) is not None)
    # A phone number or a code ("0800 555 0142", "flight 0042") counts nothing: digits opening with a
    # zero, and the numbers written beside them (not the groups of "38 000").
    n = 0 if any(word[:1] == "0" and len(word) > 1 for word in written) else len(written)
    while n < len(written):
        end = n
        while end < len(written) and written[end].isdigit():
            end += 1
        run = written[n:end]
        if any(len(group) > 1 and group[0] == "0" and (k == 0 or len(group) != 3) for k, group in enumerate(run)):
            found[n:end] = [False] * len(run)
        n = max(end, n + 1)
    return found


def _day_in_a_list(written: Sequence[str], n: int) -> bool:
    """Whether the number at ``n`` is one of days listed before their month: "on 17 and 18 March",
    "on 17, 18 and 19 March" (a list of small numbers joined by "and", "or" or "to", a month after)."""
    k = n
    while (k + 2 < len(written) and written[k + 1].lower() in ("and", "or", "to") and written[k + 2].isdigit()
           and len(written[k + 2]) <= 2) or (k + 1 < len(written) and written[k + 1].isdigit() and len(written[k + 1]) <= 2):
        k += 2 if written[k + 1].lower() in ("and", "or", "to") else 1
    return k > n and len(written[n]) <= 2 and k + 1 < len(written) and written[k + 1].lower() in _MONTHS


_TALLIES = frozenset("number count toll total tally".split())
_SCALES = frozenset("thousand million billion trillion".split())
_DURATIONS = frozenset("""seconds second minutes minute hours hour days day weeks week months month years year
    decades decade""".split())


def tallies(written: Sequence[str]) -> list[bool]:
    """:func:`quantities`, and the word naming a count when the sentence gives one after it: "The
    count of dead fish has risen to about 3,500" answers how many fish died, its figure five words
    from the fish."""
    found = quantities(written)
    for n, word in enumerate(written):
        if word.lower() in _TALLIES and any(found[n + 1:]):
            found[n] = True
    return found


_ORDINALS = {word: str(n) for n, word in enumerate(
    "second third fourth fifth sixth seventh eighth ninth tenth".split(), start=2)}
_ORDINAL_COUNT = re.compile(
    rf"\b(?:a|the)\s+({'|'.join(_ORDINALS)})(?=(?:\s+[\w-]+)?\s+(person|man|woman|child|boy|girl|victim|patient|"
    r"death|fatality|body|case|worker|miner|passenger|sailor|fisherman|fishermen|soldier|suspect|crew\s+member)s?\b)",
    re.IGNORECASE)
"""An ordinal of someone who died, fell ill or was arrested ("A fourth person has died", "the third
confirmed case"): how many there are now, told as the latest one's place; not "the third day", "for
the fourth time"."""


def ordinal_counts(text: str) -> list[tuple[str, str]]:
    """(the count, the word after the ordinal) of each of :data:`_ORDINAL_COUNT` in ``text``: ("4",
    "person") for "A fourth person has died"."""
    return [(_ORDINALS[match.group(1).lower()], match.group(2).split()[-1].lower()) for match in _ORDINAL_COUNT.finditer(text)]


_AGE = re.compile(r"(\b[A-Z][\w'’.-]*, )\d{1,3}(?=, )")
"""An age after a name ("Osric Damerel, 61, had died"): no count of anything."""


_TIME_WORDS = frozenset("""today tonight yesterday tomorrow hours days week weeks weekend month months year years
    decade ago midnight noon dawn dusk""".split())
"""Not the parts of a day ("worked through the night"): they say how, more often than when; the
moments of one do say when ("halted at dusk")."""
_MERIDIEM = frozenset({"am", "pm"})
_CLOCK = re.compile(r"\d{1,2}:\d\d")


def times(written: Sequence[str]) -> list[bool]:
    """Which of a sentence's words say when: a weekday, a month (written with its capital: not the
    verb "may"), a year, a day of the month, a clock time ("14:30", "2 a.m."), "yesterday", "next
    week", "two years ago", "at dusk"."""
    found = []
    for n, word in enumerate(written):
        lowered = word.lower()
        before = written[n - 1] if n else ""
        found.append(
            lowered in WEEKDAYS or lowered in _TIME_WORDS or bool(_CLOCK.fullmatch(word))
            or (lowered in _MONTHS and word[0].isupper())
            or bool(_YEAR.fullmatch(word))
            or (word.isdigit() and len(word) <= 2 and before.lower() in _MONTHS and before[:1].isupper())
            or (bool(_CLOCK.fullmatch(word) or word.isdigit()) and _meridiem(written[n + 1 : n + 3]))
        )
    return found


_SPANS = frozenset("a an several few many some another".split())
_OPEN_ENDED = frozenset("until till indefinitely permanently".split())


def durations(written: Sequence[str]) -> list[bool]:
    """Which of a sentence's words say how long: a length of time ("for at least three weeks", "a
    month", "several days") or its end ("until the inspectorate says it is safe", "indefinitely")."""
    found = []
    for n, word in enumerate(written):
        lowered = word.lower()
        before = written[n - 1].lower() if n else ""
        if before in _MORE and n > 1:
            before = written[n - 2].lower()  # "for at least ten more days", "two further weeks"
        found.append(lowered in _OPEN_ENDED or (lowered in _DURATIONS and (
            before in _SPANS or before in _NUMBER_WORDS or number_value(before) is not None)))
    return found


_MORE = frozenset("more further additional extra".split())
_MODALS = frozenset({"will", "would", "shall"})
_AHEAD_REACH = 20
"""How far before a time the "will" it tells of may stand, in one clause."""
_RESCHEDULED = frozenset("postponed delayed rescheduled moved pushed deferred".split())
"""Before a time, what says it is the new time of the sentence's subject: "has been postponed to March 2027"."""
_TAKES = frozenset("take takes took taken taking last lasts lasted for".split())
"""Before a length of time, what says how long the sentence's subject takes: "and take at least five years",
"a chlorine dosing pump ... that failed after a power cut and stayed off for 19 hours"."""


_SPEED_UNITS = frozenset("kph kmh mph knots knot".split())
_LENGTH_UNITS = frozenset("""km kilometres kilometers kilometre kilometer miles mile mi metres meters metre meter m
    yards yard feet foot ft cm centimetres centimeters""".split())
_PER_TIME = frozenset("hour second minute".split())
_WEIGHT_UNITS = frozenset("tonnes tonne tons ton kg kilograms kilogrammes kilogram kilos pounds lb lbs grams".split())
_TEMPERATURE_UNITS = frozenset("degrees degree celsius fahrenheit".split())


def _unit(written: Sequence[str], n: int) -> str | None:
    """What the number at ``n`` measures, by the unit after it: ``speed`` ("4.0 kilometres an hour",
    "130 km/h", "15 knots"), ``length`` ("78.6 kilometres", "3,000 m"), ``weight`` ("900 tonnes") or
    ``temperature`` ("13.8 degrees", "13.8°C")."""
    after = [word.lower() for word in written[n + 1 : n + 4]]
    first = after[0] if after else ""
    if first in _SPEED_UNITS:
        return "speed"
    if first in _LENGTH_UNITS:
        if (after[1:2] and after[1] in _PER and after[2:3] and after[2] in _PER_TIME) or after[1:2] in (["h"], ["s"]):
            return "speed"
        return "length"
    if first in _WEIGHT_UNITS:
        return "weight"
    if first in _TEMPERATURE_UNITS or written[n + 1 : n + 2] in (["C"], ["F"]):
        return "temperature"
    return None


def _measured(measure: str) -> Callable[[Sequence[str]], list[bool]]:
    def spot(written: Sequence[str]) -> list[bool]:
        numbers = quantities(written)
        found = []
        for n in range(len(written)):
            unit = _unit(written, n) if numbers[n] else None
            found.append(unit == measure or (measure == "speed" and numbers[n] and (
                (unit == "length" and _over_a_time(written, n)) or (unit is None and _per_time(written, n)))))
        return found

    spot.__doc__ = f"Which of a sentence's words are a number of a unit of {measure}."
    return spot


UNITS_OF = {"weight": _WEIGHT_UNITS, "temperature": _TEMPERATURE_UNITS, "speed": _SPEED_UNITS,
            **dict.fromkeys(("height", "depth", "distance", "length"), _LENGTH_UNITS)}
"""The units a measure is given in, by the measure's name: "she has lost 9 kg" says her weight."""


def _over_a_time(written: Sequence[str], n: int) -> bool:
    """Whether the distance at ``n`` (a number of a unit of length) was covered in a length of time, a
    speed in other words: "descending 1,450 metres in six hours"."""
    after = [word.lower() for word in written[n + 2 : n + 6]]
    return bool(after) and after[0] in ("in", "within") and any(
        word in _DURATIONS and k > 1 and (after[k - 1] in _NUMBER_WORDS or number_value(after[k - 1]) is not None
                                          or after[k - 1] in _SPANS)
        for k, word in enumerate(after))


_MEASURE_UNITS = _LENGTH_UNITS | _WEIGHT_UNITS | _SPEED_UNITS | _TEMPERATURE_UNITS


def _per_time(written: Sequence[str], n: int) -> bool:
    """Whether the number at ``n`` counts something in a unit of time, a rate: "about 27 new cases a
    day", "four trains an hour" (how fast an outbreak grows, a line runs). A measure in its units
    ("60 vertical metres an hour") is a speed by its unit or not at all."""
    after = [word.lower() for word in written[n + 1 : n + 6]]
    return any(word in _PER and k + 1 < len(after) and after[k + 1] in _TIME_UNITS | _PER_TIME
               and not _MEASURE_UNITS.intersection(after[:k]) for k, word in enumerate(after) if k)


_AGED = frozenset({"aged", "age"})


def ages(written: Sequence[str]) -> list[bool]:
    """Which of a sentence's words give someone's or something's age: "a 58-year-old swimmer", "58
    years old", "aged 58", "at the age of 58" (and "Rosalind Achterberg, 58," once :data:`_NAME_AGE`
    has marked it)."""
    numbers = quantities(written)
    found = []
    for n in range(len(written)):
        after = [word.lower() for word in written[n + 1 : n + 3]]
        before = [word.lower() for word in written[max(0, n - 2) : n]]
        found.append((numbers[n] and (after[:1] in (["year-old"], ["years-old"]) or after == ["years", "old"]
                                      or before[-1:] in (["aged"], ["age"]) or before == ["age", "of"]))
                     or _made_year(written, n))
    return found


_YEAR = re.compile(r"1\d{3}|20\d{2}")
_MADE = frozenset("""built painted founded made established erected constructed completed written composed carved
    opened launched dating dates dated""".split())
"""What a thing's year of making follows, which tells how old it is: "painted in 1642", "founded in 1998",
"dating from 1890"."""


def _made_year(written: Sequence[str], n: int) -> bool:
    """Whether the word at ``n`` is the year a thing was made: "painted in 1642", "dating from 1890"."""
    return (n > 1 and _YEAR.fullmatch(written[n]) is not None and written[n - 2].lower() in _MADE
            and written[n - 1].lower() in ("in", "from"))


_NAME_AGE = re.compile(r"(\b[A-Z][\w'\u2019.-]*, )(\d{1,3})(?=, )")
"""An age after a name ("Rosalind Achterberg, 58, set off"), written as "aged" for :func:`ages`."""
MEASURES = {"speed": ("speed", "pace"), "length": ("distance", "length", "depth", "height", "high", "tall", "deep", "peak"),
            "age": ("age", "aged", "old"), "weight": ("weight", "weigh"), "temperature": ("temperature",)}
"""What a question asks the measure of ("How fast ...?": speed), and the words that name it beside
its figure ("Her average speed was 4.0 kilometres an hour")."""


def names_one(text: str, kind: frozenset[str], stem: Callable[[str], str]) -> bool:
    """Whether a sentence names one of a kind of thing (``kind``: its stems): a name before it ("at the
    Corran crossing"), after it ("the cybersecurity firm Graywick Labs") or after its "of" ("the town of
    Marrowgate"); not a capital opening the sentence ("Crossings were closed")."""
    written = words(text)
    for n, word in enumerate(written):
        if stem(word.lower()) not in kind:
            continue
        before = written[n - 1] if n else ""
        after = written[n + 1 : n + 3]
        if (n > 1 and before[:1].isupper()) or (after and after[0][:1].isupper()) or (
                len(after) == 2 and after[0] == "of" and after[1][:1].isupper()):
            return True
    return False


def _meridiem(after: Sequence[str]) -> bool:
    """Whether the words after a number say a.m. or p.m. ("2 a.m." is split into "a", "m")."""
    first = after[0].lower() if after else ""
    return first in _MERIDIEM or (first in ("a", "p") and len(after) > 1 and after[1].lower() == "m")


_LOCATIVE = frozenset("in at on near outside inside across along into to from towards toward between around".split())


_ON_A_SUBJECT = frozenset("""agreement agreements deal talks negotiations vote decision decisions ruling report
    debate consensus compromise views view position stance focus emphasis dispute row accord treaty law bill""".split())
"""Words after which "on" says what about, not where ("agreement on the town of Kell"), and "between" who
("talks between Tessia and Varn")."""


def _locatives(written: Sequence[str]) -> list[bool]:
    """Which of a sentence's words are prepositions that place what follows ("in", "at", "near", "to"
    ..., "north of")."""
    # "agreement on the town of Kell", "talks on Kell": what they are about, not where; "talks between
    # Tessia and Varn": who holds them.
    # Nor is "to" before a verb ("meant to allow talks", "to continue, Mr. Tallis said"): only "to"
    # before a name or an article ("to Lindmark", "to the sports hall").
    locative = [w.lower() in _LOCATIVE
                and not (w.lower() in ("on", "between") and k and written[k - 1].lower() in _ON_A_SUBJECT)
                # "Talks on compensation ... opened on Friday between Orla Air and the council": who holds them.
                and not (w.lower() == "between" and any(x.lower() in _ON_A_SUBJECT for x in written[:k]))
                and not (w.lower() == "to" and k + 1 < len(written) and not written[k + 1][:1].isupper()
                         and written[k + 1].lower() not in _DETERMINERS)
                or (w.lower() == "of" and k > 0 and written[k - 1].lower() in _COMPASS)  # "north of Tessel"
                for k, w in enumerate(written)]
    # "opened on Friday between Aurelle Air and ...", "in March": a preposition of time places nothing.
    locative = [place and not (k + 1 < len(written) and (written[k + 1].lower() in _MONTHS | WEEKDAYS | _TIME_WORDS
                                                         or written[k + 1][:1].isdigit()))
                for k, place in enumerate(locative)]
    return locative


def place_openings(written: Sequence[str], found: Iterable[int]) -> dict[int, int]:
    """For each of the words ``found`` (as :func:`places` finds them) that a preposition places, where
    its place phrase opens: "broke out ... in the pine hills north of Tessel" says where it broke out
    five words on, the name ten words on."""
    locative = _locatives(written)
    openings = {}
    for n in found:
        before = [k for k in range(max(0, n - 5), n) if locative[k]]
        if not before:
            continue
        opening = max(before)
        earlier = [k for k in range(max(0, opening - 5), opening) if locative[k]]
        if earlier and written[opening].lower() == "of":
            opening = max(earlier)  # "in the pine hills north of Tessel"
        openings[n] = opening
    return openings


def places(written: Sequence[str]) -> list[bool]:
    """Which of a sentence's words name a place: a capitalised word (not the sentence's first, not a
    month or a weekday) with "in", "at", "near", "to" ... among the five words before it ("in the
    provinces of Vesk", "to schools in the neighbouring town of Dremmen"), or before "where" ("the
    Orvell Civic Centre, where ...")."""
    locative = _locatives(written)
    found = [n > 0 and word[:1].isupper() and word.lower() not in _MONTHS and word.lower() not in WEEKDAYS
             and any(locative[max(0, n - 5):n]) for n, word in enumerate(written)]
    for n, word in enumerate(written[:-1]):
        # A name a "where" clause follows is a place: "The Orvell Civic Centre, where most evacuees are
        # sheltering, ...".
        if written[n + 1].lower() == "where" and word[:1].isupper() and n > 0:
            found[n] = True
    for n, word in enumerate(written[1:-1], 1):
        # A distance from somewhere places a thing as well as a name does: "found in a side gallery
        # about 200 metres from the refuge chamber", "a village 12 km north of the dam".
        after = [w.lower() for w in written[n + 1 : n + 3]]
        if (word.lower() in _DISTANCE_UNITS and number_value(written[n - 1]) is not None
                and (after[0] in ("from", "of") or (after[0] in _COMPASS and after[1:] in (["of"], ["from"])))):
            found[n - 1] = found[n] = True
    return found


_DISTANCE_UNITS = frozenset("""metres meters metre meter m km kilometres kilometers kilometre kilometer miles
    mile yards yard feet foot""".split())
_COMPASS = frozenset("north south east west northeast northwest southeast southwest".split())


_COPULAS = frozenset("is are was were".split())
_DETERMINERS = frozenset("a an the one".split())


def definitions(written: Sequence[str]) -> list[bool]:
    """Which of a sentence's words open a definition: "is" (are, was, were) followed by a/an/the/
    one ("Legionnaires' disease is a severe form of pneumonia.")."""
    return [word.lower() in _COPULAS and n + 1 < len(written) and written[n + 1].lower() in _DETERMINERS
            for n, word in enumerate(written)]


_BECAUSE = frozenset("""because due owing caused causing blamed blaming reason reasons result citing amid
    after following prompted prompting triggered sparked protest protesting""".split())
_AFTER = frozenset({"after", "following"})
"""What gives the reason for what comes before it: "sank in thick fog ..., following a collision with
a cargo ship"."""
_OVER_WHAT = frozenset("concern concerns fear fears worries dispute disagreement objections allegations claims".split())


def reasons(written: Sequence[str]) -> list[bool]:
    """Which of a sentence's words give a reason: "because", "due to", "after", "amid", "blamed",
    "prompted", "in protest", "citing", or "over" or "on" followed by a concern ("was delayed over
    safety concerns", "fell on oversupply concerns"; not "over the river"). "After" is news's
    commonest "because" ("The vote was postponed after engineers found cracks"); a question asking
    why is seldom answered by a bare time."""
    found = []
    for n, word in enumerate(written):
        lowered = word.lower()
        following = {w.lower() for w in written[n + 1 : n + 4]}
        # "postponed its decision without giving a reason" gives none.
        withheld = lowered in ("reason", "reasons") and not _NO_REASON.isdisjoint(w.lower() for w in written[max(0, n - 3):n])
        timed = lowered in _AFTER and (_a_time(written, n + 1) or (n and written[n - 1].lower() in _SOON))
        found.append((lowered in _BECAUSE and not withheld and not timed)
                     or (lowered in ("over", "on") and bool(following & _OVER_WHAT)))
    return found


_NO_REASON = frozenset("without no not never".split())
_AFTER_REACH = 16
"""How far before "after" what it gives the reason of may be: the clause it closes ("the trawler Dorrit
Bell sank in thick fog in the Grey Reach early on Tuesday, following a collision")."""
_SOON = frozenset("""shortly soon long just moments minutes hours days weeks months years immediately
    day week month year""".split())
"""Before "after", what makes it say when: "five days after the trawler sank", "shortly after"."""
_TIMES_OF_DAY = frozenset("midnight noon dawn dusk dark nightfall sunset sunrise lunch weekend".split())
_BEFORE_A_TIME = frozenset("a an the about nearly almost over more less than just only some several few".split())


def _a_time(written: Sequence[str], n: int) -> bool:
    """Whether the words from ``n`` name a time or a stretch of it ("after three weeks", "after
    midnight", "after Monday", "after nearly two hours"): "after" before one says when, not why."""
    while n < len(written) and written[n].lower() in _BEFORE_A_TIME:
        n += 1
    if n >= len(written):
        return False
    lowered = written[n].lower()
    if lowered in _TIMES_OF_DAY or lowered in _DURATIONS or lowered in CALENDAR:
        return True
    return number_value(lowered) is not None and n + 1 < len(written) and written[n + 1].lower() in _DURATIONS


_KINDS = {"quantity": (tallies, 3), "time": (times, 5), "duration": (durations, 8), "place": (places, 8),
          "definition": (definitions, 1), "reason": (reasons, 8), "age": (ages, 8),
          **{measure: (_measured(measure), 8) for measure in MEASURE_KINDS if measure != "age"}}
KINDS = frozenset(_KINDS) | {"person"}
"""What a question can ask for first of all that a sentence's form shows (see :func:`says`)."""


_ROLE_WINDOW = 5
"""How many words from a name (and its apposition) the role asked may stand: "The dead men were
named as Tomas Brenn", "Sen. Orla Fennick has agreed to mediate"."""
_PLACE_PREPOSITIONS = frozenset("in at near outside inside across along into towards toward around on from off".split())
"""Before a name, what makes it a place ("in Ottersby", "at the nearby Harrow pit"); not "to", "by",
"with", "between": "entrusted to Anneliese Dorn", "led by", "talks with"."""
_BODIES = frozenset("""council government ministry department company firm union commission committee court
    board agency police army navy authority authorities party parliament assembly club federation bank""".split())
"""What a name before it makes a body that acts ("the Orsa council will pay"), not a thing ("the
Kestrel colliery")."""
_APPOSITION = frozenset("a an the who whose one now once formerly".split())
"""What opens an apposition after a name: "Anneliese Dorn, a former head of ...,", "X, who leads ..."."""
_CLAUSE_BREAK = re.compile(r"[,;:()\u2013\u2014]|\s-\s")
_INSIDE_NAME = re.compile(r"\.?[ \t]+")
"""What may stand between the words of one name: a space, or the full stop of "Sen. Orla Fennick"."""


def role_stems(role: Sequence[str], stem: Callable[[str], str]) -> frozenset[str]:
    """The stems a sentence may say the role asked of someone in (see
    :func:`~summarizer.ranking.topics.asked_role`): each word in all its forms, the agent noun of a
    verb and the verb of an agent noun ("lead": leader, led; "leader": lead, led; "win": winner), the
    words of a death for a word of one ("died": dead, killed, victims), and the commonest other words
    for the role (``_ROLES_IN_OTHER_WORDS``: "lead": head, chief, chair)."""
    found: set[str] = set()
    for word in role:
        lowered = word.lower()
        if lowered.endswith(("ers", "ors")) and len(lowered) > 5:
            lowered = lowered[:-1]  # "owners": owner, then own
        bases = {lowered, stem(lowered)}  # "leads": lead, led
        if lowered.endswith(("er", "or")) and len(lowered) > 4:  # an agent noun's verb
            verb = lowered[:-3] if lowered[-3] == lowered[-4] else lowered[:-2]  # winner: win; leader: lead
            bases |= {verb, verb + "e"} if lowered.endswith("or") else {verb}  # mediator: mediate
        forms = {form for base in bases for form in word_forms(base)}
        found |= {stem(form) for form in forms}
        found |= {stem(form + ending) for form in forms if not form.endswith(("er", "or"))
                  for ending in ("er", "or", form[-1] + "er")}  # lead: leader; govern: governor; win: winner
    if found & TOLL:
        found |= PERSON_TOLL
    for said, others in _ROLES_IN_OTHER_WORDS:
        if stem(said) in found:
            found |= {stem(word) for word in others}
    return frozenset(found)


_WINNING = frozenset({"win", "won", "beat", "defeat", "victori"})
"""Stems of winning: the answer to who won may be a side the question names."""
_ROLES_IN_OTHER_WORDS = (
    ("lead", ("head", "chief", "director", "chair", "chairman", "chairwoman")),
    ("head", ("chief", "director", "chair", "chairman", "chairwoman", "leader")),
    ("run", ("head", "chief", "director", "manager", "boss")),
    ("mediate", ("chair", "broker", "host")),
    ("win", ("beat", "defeated", "victory")),
)
"""The commonest roles news puts in other words: a director leads, a chair mediates, a side that
beat the other won (held-out audit 15: "Who is leading the relief effort?": "its director"); talks "hosted by"
someone are mediated by them (audit 27)."""


def beside_role(text: str, story: frozenset[str], role: frozenset[str], stem: Callable[[str], str],
                window: int = 3) -> bool:
    """Whether the sentence ``text`` says one of the ``story`` stems within ``window`` words of one of
    the ``role`` stems: "Pellcorp chief executive Imelda Farrasco", "the chief executive of Pellcorp"
    (not "The chief executive of Pellcorp Mining says ... 600 jobs in Kessarine" for Kessarine)."""
    stems = [stem(word.lower()) for word in words(text)]
    return any(s in role and not story.isdisjoint(stems[max(0, n - window) : n + window + 1])
               for n, s in enumerate(stems))


def _split(text: str) -> tuple[list[str], list[str]]:
    """A sentence's words (as :func:`~summarizer.reading.terms.words` splits it) and what stands
    before each of them and after the last."""
    matches = list(WORD.finditer(text))
    written = [m.group() for m in matches]
    gaps = [text[matches[n - 1].end() if n else 0 : m.start()] for n, m in enumerate(matches)]
    gaps.append(text[matches[-1].end():] if matches else text)
    return written, gaps


def names(written: Sequence[str], gaps: Sequence[str], stems: Sequence[str], asked: frozenset[str],
          role: frozenset[str]) -> list[tuple[int, int]]:
    """Where a sentence names someone (or some body), as (first word, last word) of the name and its
    apposition ("Tomas Brenn, 47, a roof-bolter"; words as :func:`~summarizer.reading.terms.words`
    splits them): a run of capitalised words, but not the sentence's first word alone (unless an age
    or "who" follows it: "Dorn, 64, has ..."), nor a month or a weekday, nor a place (after "in",
    "at", "near" ...: "in Ottersby", "at the nearby Harrow pit"), nor a thing's modifier ("the Kestrel
    colliery"), nor what was asked (``asked``: "Norvessa" of "between Norvessa and Bruvia", "the
    Stavra Gorge dam" when the dam is asked about). The words of the ``role`` asked are no part of a
    name ("Mediator Anneliese Dorn"). ``written``, ``gaps``: as :func:`_split` gives them; ``stems``:
    the words' stems."""
    function_words = stop_words("english")
    capital = [word[:1].isupper() and word.lower() not in CALENDAR and stems[n] not in role
               for n, word in enumerate(written)]
    found = []
    n = 0
    while n < len(written):
        if not capital[n]:
            n += 1
            continue
        start = end = n
        while end + 1 < len(written) and capital[end + 1] and _INSIDE_NAME.fullmatch(gaps[end + 1]):
            end += 1
        n = end + 1
        while start == 0 and start <= end and written[start].lower() in function_words:
            start += 1  # "The", "In" opening the sentence
        asked_at = [k for k in range(start, end + 1) if stems[k] in asked]
        if asked_at:
            start = asked_at[-1] + 1  # "Norvessa Fisheries Minister Jon Halvik": what follows the asked word
        if start > end:
            continue
        after = written[end + 1] if end + 1 < len(written) else ""
        inside = _INSIDE_NAME.fullmatch(gaps[end + 1]) is not None
        if inside and after[:1].islower() and after.lower() not in function_words and (
                stems[end + 1] in asked or (start and written[start - 1].lower() in ARTICLES)):
            if stems[end + 1] in asked or after.lower() not in _BODIES:
                continue  # "the Kestrel colliery", "the Stavra Gorge dam"
            end += 1  # "the Orsa council"
        if _placed(written, gaps, start):
            continue
        last = _apposition(written, gaps, end)
        if start == 0 and end == 0 and (last == end or not (written[1][:1].isdigit() or written[1].lower() == "who")):
            continue  # the sentence's first word alone: "Rescuers", "Norvessan"
        found.append((start, last))
    return found


def _placed(written: Sequence[str], gaps: Sequence[str], start: int) -> bool:
    """Whether the name at ``start`` is a place: "in", "at", "near" ... among the three words before
    it, in the same clause, without another name between ("in Ottersby", "at the nearby Harrow pit";
    not "said in a statement that Dorn ...")."""
    for k in range(start - 1, max(-1, start - 4), -1):
        if _CLAUSE_BREAK.search(gaps[k + 1]) or (written[k][:1].isupper() and k):
            return False
        if written[k].lower() in _PLACE_PREPOSITIONS:
            return True
    return False


def _apposition(written: Sequence[str], gaps: Sequence[str], end: int) -> int:
    """The last word of what follows a name, set off by commas, to say who it is: an age ("Tomas
    Brenn, 47,"), then perhaps a description ("47, a roof-bolter,"), or a description alone ("Anneliese
    Dorn, a former head of the commission,", "Dorn, who led the commission for nine years"); ``end``
    itself when none follows."""
    last = end
    if last + 1 < len(written) and "," in gaps[last + 1] and written[last + 1].isdigit() and len(written[last + 1]) <= 3:
        last += 1
        if last + 1 < len(gaps) and "," not in gaps[last + 1]:
            return end  # "X, 47 miles ...": no age
    if last + 1 < len(written) and "," in gaps[last + 1] and written[last + 1].lower() in _APPOSITION:
        last += 1
        while last + 1 < len(written) and not _CLAUSE_BREAK.search(gaps[last + 1]):
            last += 1
    return last


def _names_beside(text: str, asked: frozenset[str], role: frozenset[str], stem: Callable[[str], str]) -> bool:
    """Whether a sentence names someone within a few words of the role asked, in the same clause
    (see :func:`names`): "The talks will be mediated by Anneliese Dorn", "Anneliese Dorn, a former
    head of the commission, will mediate the talks", "The dead men were named as Tomas Brenn"."""
    if not role:
        return False
    written, gaps = _split(text)
    stems = [stem(word.lower()) for word in written]
    # Who won between two sides asked about is one of them ("Marenport Rovers beat Ardenvale United").
    found = names(written, gaps, stems, frozenset() if role & _WINNING else asked - role, role)
    if not found:
        return False
    playing = [word_stem in role for word_stem in stems]
    for start, last in found:
        if any(playing[start : last + 1]):
            return True  # "Anneliese Dorn, the mediator,"
        for k in range(last + 1, min(len(written), last + 1 + _ROLE_WINDOW)):
            if k > last + 1 and _CLAUSE_BREAK.search(gaps[k]):
                break
            if playing[k]:
                return True
        for k in range(start - 1, max(-1, start - 1 - _ROLE_WINDOW), -1):
            if k < start - 1 and _CLAUSE_BREAK.search(gaps[k + 1]):
                break
            if playing[k]:
                return True
    return False


def gives_answer(corpus: Corpus, rows: np.ndarray, asked: frozenset[str], kind: str,
                 role: frozenset[str] = frozenset(), money: bool | None = None, either: bool = False,
                 continued: Sequence[tuple[int, int]] = ()) -> np.ndarray:
    """Whether each of the sentences ``rows`` gives what a question of this ``kind`` asks, near
    what it asks about: a number within three words of one of the stems ``asked`` ("40 trucks",
    "60,000 litres of drinking water", "the death toll rose to 7,085"), a time within five
    ("expected to reopen on March 3", "talks will resume next week"), a place within eight, a
    definition right after it ("Legionnaires' disease is a ..."), or a name within five words of
    the ``role`` a question asking who asks ("mediated by Anneliese Dorn")."""
    stem = corpus.analyzer.stem
    before = dict(continued)
    return np.array([says(_read_on(corpus, row, before[row], asked, stem) if row in before else corpus.sentences[row].text,
                          asked, kind, stem, role, money, either) for row in rows.tolist()], dtype=bool)


def _read_on(corpus: Corpus, row: int, before: int, asked: frozenset[str], stem: Callable[[str], str]) -> str:
    """A sentence opening with a pronoun, read with the question's words the sentence ``before`` it holds
    in the pronoun's place: "thieves Aubrecht Museum lowered themselves ... were inside for about seven
    minutes"."""
    text = corpus.sentences[row].text
    named = [word for word in words(corpus.sentences[before].text) if stem(word.lower()) in asked]
    opening = re.match(r"\w+\s+", text)
    return " ".join([*named, text[opening.end():] if opening else text])


PERSON_TOLL = TOLL | {"victim", "bodi"}
"""Who died is named as "the dead", "the victims", "killed", "the bodies of" alike."""


def asked_stems(corpus: Corpus, query: TopicQuery) -> frozenset[str]:
    """The stems an answer to the question ``query`` gives its answer beside: every word it asks, in
    its forms; not the vocabulary of a topic it evoked ("How many trucks were in the aid convoy?"
    is not answered by "the hospital has 40 beds", though "hospital" is a word of aid). Choosing the
    answers and telling the reader that none answers use the same. Where it asks what something owns
    ("the gallery's alarm system"), the owner's word alone is no place to give the answer beside."""
    asked = frozenset(corpus.terms[t] for t in (query.own or query.original))
    if query.answer == "person":
        return asked
    return asked - query.owners or asked


def says(text: str, asked: frozenset[str], kind: str, stem: Callable[[str], str],
         role: frozenset[str] = frozenset(), money: bool | None = None, either: bool = False) -> bool:
    """Whether the sentence ``text`` gives what a question of this ``kind`` asks near one of the
    stems ``asked`` (see :func:`gives_answer`); for a question asking who, a name near one of the
    stems of the ``role`` asked (see :func:`role_stems`). ``money``: whether a quantity asked is a
    sum (see :func:`asks_a_sum`); None: when a word of one is asked. ``either``: a sum and a count
    alike answer (a question that may ask either)."""
    if kind == "person":
        return _names_beside(text, asked, role, stem)
    spotted, window = _KINDS[kind]
    about: frozenset[str] | None = None
    if kind == "quantity":
        text = _AGE.sub(r"\1age", text)
        text = _ORDINAL_COUNT.sub(lambda match: "the " + _ORDINALS[match.group(1).lower()], text)
        if money is None:
            money = not asked.isdisjoint(_SUMS) or not asked.isdisjoint(_CURRENCIES)
        if asked & TOLL:
            # "How many people died?" is not answered by "9,800 people forced from their homes".
            asked = TOLL
            money = False
        elif money:
            # "is 2.9 billion crowns": money, though the word is not said, in a sentence about what
            # was asked ("How much money is missing at Carrowmere?").
            about = asked
            asked = asked | _CURRENCIES
    if kind in MEASURES:
        # The measure's own name answers beside its figure: "Her average speed was 4.0 kilometres an hour".
        asked = asked | frozenset(stem(word) for word in MEASURES[kind])
        if kind == "age":
            text = _NAME_AGE.sub(r"\1aged \2", text)
    if kind in ("definition", "quantity", "time"):
        written, gaps = _split(text)
    else:
        written = words(text)
    at = [n for n, spot in enumerate(spotted(written)) if spot]
    if kind == "definition":
        # "... of the Orsa Basin Council, the treaty body of the four states": news defines a body or
        # a person in an apposition right after the name (not "..., the council said": the name
        # follows the comma there).
        if any(word.lower() in _DETERMINERS and gaps[n].strip() == "," and stem(written[n - 1].lower()) in asked
               for n, word in enumerate(written) if n):
            return True
    if not at:
        return False
    stems = [stem(word.lower()) for word in written]
    if about is not None and about.isdisjoint(stems):
        return False
    if kind == "quantity":
        # "two weeks later than first planned" says how long, not how many workers or how much
        # money: a number of a unit of time answers only a question asking in that unit.
        at = [n for n in at if n + 1 >= len(written) or written[n + 1].lower() not in _DURATIONS
              or stems[n + 1] in asked]
        # "two people familiar with the matter" counts people, not the money asked about; "killing at
        # least 23 people" counts the dead.
        at = [n for n in at if n + 1 >= len(written) or written[n + 1].lower() not in _PERSONS
              or stems[n + 1] in asked or asked == TOLL]
        # A sum answers what is paid, cost or given ("will pay 250 crowns to every passenger"), and counts
        # nothing else: not the people of "collected 1.8 million crowns for people who fled", nor a
        # price "folds in half".
        at = [n for n in at if either or _is_money(written, gaps, n, stem, scaled=money) == money]
        if either:
            # "How much will households receive?" asks what each gets: "184,000 households" counts them.
            at = [n for n in at if n + 1 >= len(written) or stems[n + 1] not in asked]
        # "810 million florins had been spent": the figure reaches to its unit.
        at += [m for n in at if n + 1 < len(written) and written[n + 1].lower() in _SCALES
               for m in (n + 1, n + 2) if m < len(written)]
    if kind == "place":
        # What was asked, or a name of it ("on the Eastbank tram line", "at Bramwell Regional
        # Hospital" for talks on a hospital strike), is not where it is.
        named = _names_of(written, stems, asked)
        at = [n for n in at if n not in named]
    if kind == "reason":
        # "after" gives the reason for what comes before it ("The vote was postponed after engineers
        # found cracks"); what was asked after it is the asked event's sequel: "Nineteen miners were
        # trapped after part of a tunnel roof collapsed" says nothing of what caused the collapse.
        return any(not asked.isdisjoint(stems[max(0, n - _AFTER_REACH) : n]) if written[n].lower() in _AFTER
                   else not asked.isdisjoint(stems[max(0, n - window) : n + window + 1]) for n in at)
    if kind == "duration":
        # "Rebuilding the homes, schools and roads ... will cost about 11.2 billion marsks, ... and take at least
        # five years": what takes that long is the sentence's subject, however far back.
        return any(not asked.isdisjoint(stems[: n + window + 1] if _TAKES.intersection(w.lower() for w in written[max(0, n - 4) : n])
                                        else stems[max(0, n - window) : n + window + 1]) for n in at)
    if kind == "time":
        # "were trapped on Monday after a tunnel collapsed", "reported cracks weeks before the collapse":
        # the time is of what comes before it; what was asked after "after" or "before" is another event.
        def reach(n: int) -> int:
            end = min(len(written), n + window + 1)
            return next((k for k in range(n + 1, end) if written[k].lower() in _SEQUELS), end)

        def start(n: int) -> int:
            put_off = [k for k in range(max(0, n - 5), n) if written[k].lower() in _RESCHEDULED]
            if put_off and not any(written[k].lower() in _SEQUELS - {"until"} for k in range(put_off[-1], n)):
                # "The next Korrin-4 launch, which was to carry the Lumen-4 satellite on December 3, has been
                # postponed to no earlier than March 2027": the new time is of what was put off, the subject.
                return 0
            # "The ... match postponed after Sunday's crush will be played behind closed doors at the neutral
            # Delling Park stadium in Marrowgate on May 27": a time told ahead is of what "will" opens, in its clause.
            for k in range(n - 1, max(-1, n - _AHEAD_REACH), -1):
                if _CLAUSE_BREAK.search(gaps[k + 1]):
                    break
                if written[k].lower() in _MODALS:
                    return min(k, max(0, n - window))  # not its subject: "the collapsed Harnet Bridge will take"
            # A name between counts as one word: "crashed on the Vorn Pass on Sunday".
            k, counted = n, 0
            while k > 0 and counted < window:
                k -= 1
                if not (written[k][:1].isupper() and k + 1 < n and written[k + 1][:1].isupper()):
                    counted += 1
            return k

        return any(not asked.isdisjoint(stems[start(n) : reach(n)]) for n in at)
    if kind == "quantity":
        # "40 tonnes of the industrial solvent varrolene leaked": a figure's unit and "of" reach to
        # what it counts, a few words on. A figure something has risen or fallen to is its subject's, however
        # far back: "The Miravel reservoir has fallen to 14 percent of its capacity".
        def start(n: int) -> int:
            changed = n > 1 and written[n - 1].lower() == "to" and written[n - 2].lower() in _CHANGED
            return 0 if changed else max(0, n - window)

        return any(not asked.isdisjoint(stems[start(n) : _counted_end(written, n, window, gaps, stem)])
                   or (asked == TOLL and _found_dead(written, stems, n)) for n in at)
    if kind == "place":
        # A place's phrase reaches from its preposition: "broke out on Wednesday night in the pine hills
        # north of Tessel".
        openings = place_openings(written, at)
        return any(not asked.isdisjoint(stems[max(0, openings.get(n, n) - window) : n + window + 1]) for n in at)
    if kind == "age":
        # The year a thing was made is of what was made, before it: "Tolvane Tours, founded in 1987, runs 38
        # coaches" tells how old the company is, not its coaches.
        return any(not asked.isdisjoint(stems[max(0, n - window) : n - 2] if _made_year(written, n)
                                        else stems[max(0, n - window) : n + window + 1]) for n in at)
    return any(not asked.isdisjoint(stems[max(0, n - window) : n + window + 1]) for n in at)


def asks_a_sum(question: str, asked: frozenset[str], stem: Callable[[str], str]) -> bool | None:
    """Whether a question asking how many or how much asks for a sum of money: "How much
    compensation ...?", "How much was he fined?", "How many crowns ...?"; not "How many votes did
    the budget win?" (a budget, but votes are counted). None when it may ask either: "How much will
    the families receive?" (crowns, or tonnes of grain). ``asked``: the stems of its words."""
    many = _HOW_MANY.match(question)
    if many:
        return stem(many.group(1).lower()) in _CURRENCIES | _MONEY
    much = _HOW_MUCH_OF.match(question)
    if much and not any(stem(word.lower()) in _SUMS | _CURRENCIES for word in much.group(1, 2) if word):
        # "How much bottled water has been donated?": water, in tonnes or litres; "How much food aid was
        # pledged?" may be either, as a sum is pledged.
        return None if not asked.isdisjoint(_SUMS) else False
    if not asked.isdisjoint(_SUMS) or not asked.isdisjoint(_CURRENCIES):
        return True
    return None if _HOW_MUCH_DOES.match(question) else False


_HOW_MANY = re.compile(r"\s*how\s+many\s+([^\W\d_]+)", re.IGNORECASE)
_HOW_MUCH_OF = re.compile(r"\s*how\s+much\s+(?!(?:will|would|did|does|do|is|was|are|were|has|have|had|can|could|should|must"
                          r"|may|might)\b)([^\W\d_]+)(?:\s+([^\W\d_]+)\s+(?:has|have|had|is|was|are|were|will|did|does))?",
                          re.IGNORECASE)
"""A question asking how much of a thing it names: "How much bottled water has been donated?" (its
word, or two: "bottled water")."""
_HOW_MUCH_DOES = re.compile(r"\s*how\s+much\s+(?:will|would|did|does|do|is|was|are|were|has|have|had|can|could|"
                            r"should|must|may|might)\b", re.IGNORECASE)
"""A question asking how much of nothing named ("How much will ...?", not "How much rain fell?")."""
_MONEY = frozenset({"money", "cash", "fund"})
_SUMS = _MONEY | PRICE | frozenset("""pay paid compens fine fee worth spend spent budget damag salari wage bail loan
    debt grant revenu profit earn donat invest ransom reward tax rent subsidi bonus pension tariff payout""".split())
"""Stems of what a question asks as a sum of money: "How much compensation ...?", "How much was he fined?"."""
_CURRENCY_SIGNS = frozenset("$€£¥₹")
_CURRENCIES = frozenset("""crown dollar euro pound franc florin yen yuan rupe peso roubl rubl kronor krona kroner shill
    lira dinar rand zloti forint thaler mark ducat korun koruna lei leu kuna baht ringgit rupiah dong naira cedi
    kwacha birr dirham riyal rial shekel hryvnia reai bitcoin btc taka kyat manat teng lari renminbi""".split())
"""Stems of currencies: a sum in one answers a question about money."""
_PERSONS = frozenset("""people persons men women children officials sources workers residents members employees
    staff patients passengers customers depositors""".split())
"""Counted people: a figure before one counts them, not what else a question asks about."""
_UNIT_OF_REACH = 4
"""How many words after "of" a figure's unit reaches: "40 tonnes of the industrial solvent"."""


def _is_money(written: Sequence[str], gaps: Sequence[str], n: int, stem: Callable[[str], str],
              scaled: bool = False) -> bool:
    """Whether the figure at ``n`` is a sum of money: a currency sign before it ("$40,000", "€250") or a
    currency after it, past a scale word ("250 crowns", "1.8 million crowns"); with ``scaled``, a
    figure in millions is one too (where money is asked: "costing the economy 40 million a day")."""
    if gaps[n].strip()[-1:] in _CURRENCY_SIGNS:
        return True
    after = n + 1
    if after < len(written) and written[after].lower() in _SCALES:
        after += 1
        if scaled and (after == len(written) or written[after].lower() in stop_words("english")):
            return True  # "40 million a day", not "1.2 million packs"
    return after < len(written) and stem(written[after].lower()) in _CURRENCIES


def _counted_end(written: Sequence[str], n: int, window: int, gaps: Sequence[str] = (),
                 stem: Callable[[str], str] | None = None) -> int:
    """Where the words a figure at ``n`` counts end: ``window`` words on, or past "N unit of" or "N of"
    a few more; for a sum, past whom it is paid to ("will pay 150 crowns to each household")."""
    if n + 2 < len(written) and written[n + 2].lower() == "of":
        return n + 3 + _UNIT_OF_REACH
    if n + 1 < len(written) and written[n + 1].lower() == "of":
        return n + 2 + _UNIT_OF_REACH  # "Twenty-two of the city's systems"
    if stem is not None and gaps and _is_money(written, gaps, n, stem):
        to = n + 2 + (n + 1 < len(written) and written[n + 1].lower() in _SCALES)
        if to < len(written) and written[to].lower() in _PAID_TO:
            return to + 2 + (to + 1 < len(written) and written[to + 1].lower() in _EACH)
    return n + window + 1


_AHEAD_WORDS = frozenset("""will would shall 'll expect expected expects expecting due scheduled plan plans planned
    hope hopes hoped aim aims tomorrow next upcoming soon""".split())


def looks_ahead(text: str) -> bool:
    """Whether a sentence tells what will happen ("expected most systems to be restored by Friday",
    "will reopen next week", "has been pushed back from March to July 2027"), not only what happened;
    not what was once planned ("was originally due to open in 2026")."""
    written = [word.lower() for word in words(text)]
    return (any(word in _AHEAD_WORDS and not (n and written[n - 1] in _ONCE) for n, word in enumerate(written))
            or any(word in _RESCHEDULED and "to" in written[n + 1 : n + 4] for n, word in enumerate(written)))


_CHANGED = frozenset("""fallen fell fall falls dropped drop drops risen rose rise rises climbed climb climbs
    increased decreased reduced raised lowered cut jumped soared slumped plunged grown grew""".split())
"""Before "to" and a figure, what makes the figure its subject's new level: "has fallen to 14 percent"."""
_ONCE = frozenset("originally initially previously first once".split())
"""Before "due", "planned" or "expected", what makes it a plan of the past: "originally due to open in 2026"."""


_FUTURE = re.compile(r"\b(?:will|would|shall|(?:expects?|expected|due|scheduled|set)\s+to)\b|\w'll\b", re.IGNORECASE)


def tells_the_future(text: str) -> bool:
    """Whether a sentence says what will happen ("convoys would resume on Friday, with 45 trucks
    expected to carry ..."), in a modal or "expected to" (not "than first planned", which is past)."""
    return _FUTURE.search(text) is not None


_REFUSED = re.compile(r"\b(?:(?:would|will|could|can|should|did|does|do|may|might|must|shall)\s+not|won[’']t|"
                      r"(?:would|could|did|does|do|should|ca)n[’']t|cannot)\s+(\w+)", re.IGNORECASE)


def refused(text: str, stem: Callable[[str], str]) -> frozenset[str]:
    """The stems of what a sentence says someone will not or did not do: "she would not resign" (resign);
    not "not part of the park", which denies no act."""
    return frozenset(stem(match.group(1).lower()) for match in _REFUSED.finditer(text))


_PROMISES = frozenset({"pledg", "promis", "vow", "commit"})
"""Stems of a promise: what it tells is ahead, though it is told in the past ("pledged 25 million")."""


def promises(text: str, stem: Callable[[str], str]) -> bool:
    """Whether a sentence tells a promise: "The Kingdom of Astrel pledged 25 million crowns"."""
    return any(stem(word.lower()) in _PROMISES for word in words(text))


def counts_it(text: str, counted: frozenset[str], stem: Callable[[str], str]) -> bool:
    """Whether a sentence gives a number of what a "How many N ...?" question counts (``counted``: the
    stems of N): the number and, within a few words after it, N ("38 trucks", "a 40-truck convoy",
    "two of its trucks"), or "the number of N" before it; not a number of something else beside N
    ("The trucks, carrying 31 tonnes of lentils")."""
    written = words(text)
    stems = [stem(word.lower()) for word in written]
    # "The number of people displaced has reached 31,000": the number of N, then the figure.
    numbered = next((n for n in range(len(written) - 2) if written[n].lower() == "number" and written[n + 1].lower() == "of"
                     and stems[n + 2] in counted), None)
    return any(number_value(word.lower()) is not None
               and (any(after in counted for after in stems[n + 1 : n + 1 + _COUNT_REACH])
                    or (numbered is not None and numbered < n))
               for n, word in enumerate(written))


_COUNT_REACH = 3
"""How many words after a number what it counts may come: "two of its trucks", "38 armoured trucks"."""


_FOUND = frozenset("""were was are is have has had been be found feared confirmed reported believed presumed declared
    pronounced now already all later""".split())


def _found_dead(written: Sequence[str], stems: Sequence[str], n: int) -> bool:
    """Whether the figure at ``n`` counts the dead past how they were found: "Two miners were found dead",
    "three people are feared dead" (not "rose to 14 and one person died": the 14 were infected)."""
    k = n + 2
    while k < len(written) and written[k].lower() in _FOUND:
        k += 1
    return k < len(written) and stems[k] in TOLL


_SEQUELS = frozenset({"after", "before", "following", "since", "until", "when", "while"})
"""Words opening another event's clause after a time: the time is not of what follows them."""
_PAID_TO = frozenset({"to", "for", "per"})
_EACH = frozenset({"each", "every", "a", "an", "the", "all", "affected", "eligible"})


def _names_of(written: Sequence[str], stems: Sequence[str], asked: frozenset[str]) -> set[int]:
    """The positions of the words naming what was asked: a run of capitalised words holding an
    asked word ("Bramwell Regional Hospital" when a hospital is asked about), and the capitalised
    words right before asked words that end the phrase ("Eastbank" of "the Eastbank tram line",
    "Kestrel IV" of "from the failed Kestrel IV rocket", not
    "Lissendale" of "the Lissendale evacuation centre" when evacuated families are asked about: the
    centre is where they are)."""
    named: set[int] = set()
    function_words = stop_words("english")
    start = 0
    for end in range(len(written) + 1):
        if end < len(written) and written[end][:1].isupper():
            continue
        run = range(start, end)
        if any(stems[n] in asked for n in run):
            named.update(run)
        if end < len(written) and end > start and stems[end] in asked:
            after = end
            while after < len(written) and stems[after] in asked:
                after += 1
            if after == len(written) or written[after].lower() in function_words:
                named.update(run)  # "the Kestrel IV rocket": the whole name
        start = end + 1
    return named


def moment(date: str | None) -> tuple[str, datetime | None] | None:
    """An article's date as (its day, its time when it has one), or None when undated or unreadable."""
    if not date:
        return None
    try:
        when = datetime.fromisoformat(date)
    except ValueError:
        return None
    exact = None
    if len(date) > 10:  # a time of day was given
        exact = when if when.tzinfo else when.replace(tzinfo=timezone.utc)
    return when.date().isoformat(), exact


def said_when(corpus: Corpus, row: int) -> tuple[str, datetime | None] | None:
    """The :func:`moment` of the article of the sentence at ``row``."""
    return moment(corpus.article(corpus.sentences[row]).date)


def later(one: tuple[str, datetime | None], other: tuple[str, datetime | None]) -> bool:
    """Whether ``one`` is surely later than ``other``: a later day, or the same day at a later time."""
    if one[0] != other[0]:
        return one[0] > other[0]
    return one[1] is not None and other[1] is not None and one[1] > other[1]


def outdated(corpus: Corpus, rows: np.ndarray, answers: np.ndarray) -> np.ndarray:
    """Which of the answering sentences ``answers`` (a mask over ``rows``) come from an article
    surely earlier than the latest answering one: "has killed 17 people" (Sunday) once an article
    of Monday answers ("killed nineteen people"). A developing story's count changes; a reader
    asking how many wants where it stands. Undated articles, and those of the same day without
    times, are never outdated and outdate nothing; nor does a figure told ahead ("convoys would
    resume on Friday, with 45 trucks expected") put out of date one of what happened ("A convoy of
    62 trucks crossed")."""
    answering = [(i, said_when(corpus, int(rows[i]))) for i in np.flatnonzero(answers)]
    dated = [(i, when) for i, when in answering if when is not None]
    outdating = [when for i, when in dated if not tells_the_future(corpus.sentences[int(rows[i])].text)]
    out = np.zeros(len(rows), dtype=bool)
    for i, when in dated:
        out[i] = any(later(other, when) for other in outdating)
    return out
