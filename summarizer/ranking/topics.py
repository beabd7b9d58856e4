"""Topics: the built-in ones, user topics from TOML files, and free-text queries."""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Sequence
from pathlib import Path

from .forms import base_form
from ..errors import EmptyQueryError, TopicsError, UnknownTopicError
from ..locations import config_file
from ..model import Topic
from ..reading.terms import WORD

BUILTIN_TOPICS: tuple[Topic, ...] = (
    Topic(
        name="aid",
        label="Aid",
        keywords=(
            "aid", "humanitarian", "relief", "refugee", "evacuation", "evacuate", "assistance",
            "convoy", "corridor",
        ),
        description="Humanitarian and material help: relief supplies, convoys, evacuations, refugees.",
        context=(
            "food", "medicine", "medical", "supplies", "shelter", "hospital", "water", "fuel",
            "shipment", "deliveries", "donated", "donations", "donors", "blankets", "tents",
        ),
    ),
    Topic(
        name="mediation",
        label="Mediation",
        keywords=(
            "mediation", "mediator", "mediate", "negotiation", "negotiate", "negotiator", "ceasefire",
            "truce", "peace", "diplomacy", "diplomatic", "envoy",
        ),
        description="Efforts to bring the sides together: talks, mediators, ceasefires, peace deals.",
        context=("talks", "host", "meeting", "summit", "dialogue", "agreement", "settlement", "delegation",
                 "observers", "monitors", "monitoring"),
    ),
    Topic(
        name="security",
        label="Security",
        keywords=(
            "military", "weapons", "troops", "army", "missile", "shelling", "soldiers", "ammunition",
            "combat", "invasion", "airstrike", "navy", "naval", "warship", "drone", "artillery", "rocket",
        ),
        description="Armed conflict and protection: forces, weapons, attacks, security guarantees.",
        context=(
            "security", "defence", "defense", "forces", "attack", "strike", "guarantees", "air defence",
            "threat", "fighting", "war",
        ),
    ),
)

# Words a reader uses to ask rather than to name the subject ("describe", "what", "include").
_QUESTION_VERBS = frozenset("report reported reports find show write determine mention mentioned".split())
"""Words of :data:`QUERY_INSTRUCTION_WORDS` that a question of one sentence asks with as its verb."""
QUERY_INSTRUCTION_WORDS = frozenset(
    """
    what which who whom whose when where why how describe description discuss discussion explain
    identify include including includes list give provide report reported reports tell summarize
    summarise summary information info details detail specific specifically particular regarding
    concerning about any aspects aspect kind kinds type types examples example well also question
    questions find show mention mentioned press news article articles story stories
    determine write highlights extent appears happened occurred involving involved related various
    possible happen happens happening latest
    """.split()
)
_NAME = re.compile(r"^[a-z0-9][a-z0-9_-]{0,39}$")
QUESTION_WORD = WORD
"""A word of a question as written, as the index counts the articles' words (see
:data:`~summarizer.reading.terms.WORD`): "When will Aurora-1 launch?" asks about "Aurora", which
articles index apart from its "1", as they do "cease-fire" whole."""


def config_topics_path() -> Path:
    """The default topics file: ``$NEWSDIGEST_TOPICS``, else ``$XDG_CONFIG_HOME/newsdigest/topics.toml``."""
    return config_file("topics.toml", "NEWSDIGEST_TOPICS")


def load_topics_file(path: Path) -> tuple[Topic, ...]:
    """User topics from a TOML file::

        [topics.energy]
        label = "Energy"                      # optional, defaults to the name
        keywords = ["gas", "oil", "pipeline"]
        description = "Energy supplies"       # optional
    """
    source = _topics_source(path)
    if source is None:
        raise TopicsError(f"{path}: no such topics file")
    return _parsed_topics(path, source)


def _topics_source(path: Path) -> str | None:
    """The text of the topics file ``path``; None when there is none."""
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise TopicsError(f"{path}: a directory, not a topics file (TOML)") from None
    except UnicodeDecodeError:
        raise TopicsError(f"{path}: not UTF-8 text") from None
    except OSError as error:
        raise TopicsError(f"{path}: {error.strerror or error}") from None


def _parsed_topics(path: Path, source: str) -> tuple[Topic, ...]:
    """The topics of ``source``, the text of the topics file ``path``."""
    try:
        data = tomllib.loads(source)
    except tomllib.TOMLDecodeError as error:
        raise TopicsError(f"{path}: invalid TOML: {_located(str(error), source)}") from None
    return _topics_of(path, data)


def _topics_of(path: Path, data: dict) -> tuple[Topic, ...]:
    """The topics of the parsed topics file ``path`` (``data``: its TOML)."""
    if not data:
        return ()  # empty, or comments only (the last topic removed)
    table = data.get("topics")
    if not isinstance(table, dict) or not table:
        raise TopicsError(f"{path}: expected a [topics.NAME] table with keywords")
    topics = []
    for name, entry in table.items():
        where = f"{path}: topic {name!r}"
        if not _NAME.match(name):
            raise TopicsError(f"{where}: names are lower-case letters, digits, '-' or '_'")
        if not isinstance(entry, dict):
            raise TopicsError(f"{where}: expected a table with keywords")
        keywords = entry.get("keywords")
        if not isinstance(keywords, list) or not all(isinstance(k, str) for k in keywords):
            raise TopicsError(f"{where}: keywords must be a list of strings")
        keywords = [k.strip() for k in keywords if k.strip()]
        if not keywords:
            raise TopicsError(f"{where}: keywords is empty")
        label = entry.get("label", name.replace("-", " ").replace("_", " ").capitalize())
        description = entry.get("description", "")
        if not isinstance(label, str) or not isinstance(description, str):
            raise TopicsError(f"{where}: label and description must be strings")
        context = entry.get("context", [])
        if not isinstance(context, list) or not all(isinstance(k, str) for k in context):
            raise TopicsError(f"{where}: context must be a list of strings")
        context = [k.strip() for k in context if k.strip()]
        unknown = set(entry) - {"label", "keywords", "description", "context"}
        if unknown:
            raise TopicsError(f"{where}: unknown field {sorted(unknown)[0]!r}")
        topics.append(Topic(name, label, tuple(dict.fromkeys(keywords)), description, str(path),
                            tuple(dict.fromkeys(context))))
    return tuple(topics)


def add_topic(path: Path, name: str, keywords: Sequence[str], label: str | None = None, description: str = "") -> Topic:
    """Add the topic ``name`` to the topics file ``path`` (made when missing), keeping what the file
    holds, comments too; written atomically. TopicsError for a bad name, no keywords, a name the
    file already defines, or a file that is not valid."""
    if not _NAME.match(name):
        raise TopicsError(f"topic {name!r}: names are lower-case letters, digits, '-' or '_'")
    words = list(dict.fromkeys(k.strip() for k in keywords if k.strip()))
    if not words:
        raise TopicsError(f"topic {name!r}: give its keywords")
    source = _topics_source(path) or ""
    if any(topic.name == name for topic in _parsed_topics(path, source)):
        raise TopicsError(f"{path}: topic {name!r} is defined already (remove it first)")
    table = [f"[topics.{name}]"]
    if label:
        table.append(f"label = {_toml_string(label)}")
    table.append("keywords = [" + ", ".join(_toml_string(word) for word in words) + "]")
    if description:
        table.append(f"description = {_toml_string(description)}")
    text = (source.rstrip("\n") + "\n\n" if source.strip() else "") + "\n".join(table) + "\n"
    return next(topic for topic in _checked_write(path, text) if topic.name == name)


def remove_topic(path: Path, name: str) -> None:
    """Remove the topic ``name`` from the topics file ``path``, keeping the rest of the file as it is
    (comments too); written atomically. TopicsError when the file does not define it."""
    source = _topics_source(path) or ""
    if not any(topic.name == name for topic in _parsed_topics(path, source)):
        raise TopicsError(f"{path}: no topic {name!r} to remove")
    lines = source.split("\n")
    header = re.compile(rf"^\s*\[\s*topics\s*\.\s*(?:{re.escape(name)}|\"{re.escape(name)}\"|'{re.escape(name)}')\s*\]")
    start = next((n for n, line in enumerate(lines) if header.match(line)), None)
    if start is None:
        raise TopicsError(f"{path}: topic {name!r} is not written as a [topics.{name}] table: edit the file")
    end = next((n for n in range(start + 1, len(lines)) if re.match(r"^\s*\[", lines[n])), len(lines))
    while end > start + 1 and lines[end - 1].lstrip().startswith("#"):
        end -= 1  # a comment right above the next table belongs to it
    kept = lines[:start] + lines[end:]
    text = "\n".join(kept).strip("\n")
    _checked_write(path, text + "\n" if text else "")


def _checked_write(path: Path, text: str) -> tuple[Topic, ...]:
    """Write the topics file once its new text is known to be valid; its topics."""
    from ..atomic import write_atomically

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise TopicsError(f"{path}: the file would not be valid TOML ({error}): edit it by hand") from None
    topics = _topics_of(path, data)
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        write_atomically(path, text)
    except OSError as error:
        raise TopicsError(f"{path}: cannot write: {error.strerror or error}") from None
    return topics


def _toml_string(text: str) -> str:
    """A TOML basic string (JSON's escapes are TOML's, ASCII-only)."""
    import json

    return json.dumps(text, ensure_ascii=True)


def _located(message: str, source: str) -> str:
    """tomllib says "at end of document" without a line: add the line and column it means."""
    lines = source.split("\n")
    where = f"at end of document, line {len(lines)}, column {len(lines[-1]) + 1}"
    return message.replace("at end of document", where)


def merge_topics(*groups: Iterable[Topic]) -> tuple[Topic, ...]:
    """Later groups win: a user topic named like a built-in one replaces it, in its place."""
    merged: dict[str, Topic] = {}
    for group in groups:
        for topic in group:
            merged[topic.name] = topic
    return tuple(merged.values())


PERSON_NOUNS = frozenset("""people persons men women children officials workers residents members employees staff
    patients passengers customers victims soldiers miners crew crewmen villagers survivors students pupils teachers
    doctors nurses journalists firefighters rescuers climbers divers players fans protesters""".split())
"""Who a "Which ...?" question asks for ("Which workers were killed?" asks who was killed)."""
_IRREGULAR_SINGULARS = {"people": "person", "men": "man", "women": "woman", "children": "child", "crewmen": "crewman"}
_PERSON_NOUN_FORMS = PERSON_NOUNS | frozenset(
    _IRREGULAR_SINGULARS.get(noun, noun[:-1] if noun.endswith("s") else noun) for noun in PERSON_NOUNS)
""":data:`PERSON_NOUNS` and their singulars: "Which firefighter was killed?" asks who, as its plural does."""
_MEASURES = frozenset("long far fast old big large deep high tall heavy soon cold hot warm".split())
"""What "how" asks the measure of: "How long ...?" is answered by "nine weeks", which never says "long"."""
_MEASURE_NAMES = {"fast": ("speed",), "far": ("distance",), "old": ("age", "aged"), "deep": ("depth",), "high": ("height",),
                  "tall": ("height",), "heavy": ("weight",), "cold": ("temperature",), "hot": ("temperature",),
                  "warm": ("temperature",)}
"""The word naming a measure asked, which the question does not say: "Her average speed was 4.0
kilometres an hour" answers "How fast did she swim?"."""


def query_topic(
    query: str, analyzer_stop_words: frozenset[str], evoke: Sequence[Topic] | None = None
) -> Topic:
    """A free-text topic: the content words of a question or description.

    The question's own words are its keywords, always: they name its subject (the disease, the
    country). A question in a topic's words ("Who is mediating ...?") also gets that topic's
    vocabulary, as context words only: they add to the question (sentences about mediation rank
    above those that merely name the same places) and never replace it, since context words
    count only in articles that use a keyword. ``evoke`` are the topics that can be evoked (the
    built-in ones by default, as ``summarize --query`` and ``eval`` use it; none to turn it off).
    """
    text = " ".join(query.split())
    words = QUESTION_WORD.findall(text)
    # "How long ...?", "How fast ...?": the measure asked is the question's form, not a word to look for.
    measures = {after.lower() for before, after in zip(words, words[1:]) if before.lower() == "how"} & _MEASURES
    # In a question of one sentence, "report", "find", "show" ... after its subject are its verb ("When will the
    # inquiry report?", "What did the audit find?"), not an instruction ("Report on ...", "Describe ...").
    asked = (frozenset(w.lower() for w in words[1:]) & _QUESTION_VERBS
             if text.endswith("?") and len(question_sentences(text)) == 1 else frozenset())
    keywords = [
        w for w in dict.fromkeys(w.lower() for w in words)
        if w not in analyzer_stop_words and (w not in QUERY_INSTRUCTION_WORDS or w in asked) and w not in measures
        and len(w) > 1
    ]
    label = text if len(text) <= 60 else text[:57].rstrip() + "..."
    if not keywords:
        if _ASKS_NEXT.match(text):
            # "What happens next?" asks it of every story the articles tell: its form is its subject.
            return Topic("query", label, (), text, "query")
        raise EmptyQueryError(f"query {text!r} has no content words to search for")
    if re.search(r"\bhow\s+high\b.*\b" + _COUNTED_HIGH, text, re.IGNORECASE):
        measures.discard("high")  # "How high is the death toll?" asks a count, not a height
    context: list[str] = [name for measure in measures for name in _MEASURE_NAMES.get(measure, ())]
    evoke = BUILTIN_TOPICS if evoke is None else evoke
    if evoke:
        from ..reading.terms import TermAnalyzer

        stem = TermAnalyzer().stem
        asking = {stem(w) for w in keywords}
        for topic in evoke:
            if asking & {stem(w) for k in topic.keywords for w in k.split()}:
                context += [w for w in (*topic.keywords, *topic.context) if w not in keywords]
    return Topic("query", label, tuple(keywords), text, "query", tuple(dict.fromkeys(context)))


MONTHS = frozenset("january february march april may june july august september october november december".split())
WEEKDAYS = frozenset("monday tuesday wednesday thursday friday saturday sunday".split())
CALENDAR = MONTHS | WEEKDAYS


_SENTENCE_END = re.compile(r"[.?!:;]\s+")
_TITLE = re.compile(r"[A-Z][a-z]{0,2}")
"""A short abbreviation before a name: "St." of "St. Elmo", "Dr." of "Dr. Varga"."""
_ABBREVIATION = re.compile(rf"(?:\b{_TITLE.pattern}|\b(?:[A-Za-z]\.)+[A-Za-z])\.$")


def typed_question(topic: Topic) -> bool:
    """Whether the topic is a question of one sentence a user typed ("What did Varn say after the
    verdict?"), not a description of several (DUC's "Describe ... Include ...") nor a topic."""
    return topic.origin == "query" and len(question_sentences(topic.description)) == 1


def question_sentences(text: str) -> list[str]:
    """The sentences of a question or description: split after a stop, but not after a short
    abbreviation or initials ("the mayor of St. Elmo", "the U.S. envoy", "Dr. Varga"), whose
    next word would be taken for a sentence's first."""
    sentences, start = [], 0
    for match in _SENTENCE_END.finditer(text):
        end = match.start() + 1
        if text[match.start()] == "." and _ABBREVIATION.search(text[start:end]):
            continue
        sentences.append(text[start:end])
        start = match.end()
    sentences.append(text[start:])
    return [sentence for sentence in sentences if sentence.strip()]


ABBREVIATION_PLURAL = re.compile(r"[A-Z]{2,}s")
"""The plural of an abbreviation: "MPs", "CEOs", "NGOs"."""


def asked_names(topic: Topic) -> tuple[str, ...]:
    """The names a question asks about, as written: its words written with a capital that do not
    open a sentence, are not question words and are not months or weekdays ("Who is mediating
    between Russia and Ukraine?" -> Russia, Ukraine). None for topics that are not questions."""
    if topic.origin != "query":
        return ()
    names: dict[str, None] = {}
    for sentence in question_sentences(topic.description):
        for match in list(QUESTION_WORD.finditer(sentence))[1:]:
            word, lowered = match.group(), match.group().lower()
            if _TITLE.fullmatch(word) and sentence[match.end() : match.end() + 1] == ".":
                continue  # "St." of "St. Elmo", "Dr." of "Dr. Varga": the name is the next word
            if ABBREVIATION_PLURAL.fullmatch(word):
                continue  # "MPs", "NGOs": common nouns, which articles put in other words
            if word[0].isupper() and lowered in topic.keywords and lowered not in CALENDAR:
                names.setdefault(word)
    return tuple(names)


def asked_place_words(topic: Topic) -> frozenset[str]:
    """The common words (lower case) of a place a question names after "in", "at" or "near" and an
    article: "camp" of "Has cholera broken out in the Dunmore Flats camp?". Like the name, they say
    where the story is, not what is asked about it. Without an article the name is the place alone
    ("Did anyone in Marrowgate catch cholera?")."""
    if topic.origin != "query":
        return frozenset()
    found: set[str] = set()
    for sentence in question_sentences(topic.description):
        for clause in _CLAUSE.split(sentence):
            written = QUESTION_WORD.findall(clause)
            for n, word in enumerate(written):
                if word.lower() not in _LOCATIVE:
                    continue
                k = n + 1
                while k < len(written) and written[k].lower() in ARTICLES:
                    k += 1
                if k == n + 1 or k >= len(written) or not written[k][:1].isupper() or written[k].lower() in CALENDAR:
                    continue  # "in the camp", "on Tuesday": no named place; "in Marrowgate catch cholera": the name alone
                while k < len(written) and written[k].lower() in topic.keywords:
                    if not written[k][:1].isupper():
                        found.add(written[k].lower())
                    k += 1
    return frozenset(found)


_LOCATIVE = frozenset("in at near inside outside across".split())


def asked_words(topic: Topic) -> tuple[str, ...]:
    """Every word of a question that is one of its keywords, as written and in order ("Is there a
    cholera vaccine campaign?" -> cholera, vaccine, campaign). None for topics that are not questions."""
    if topic.origin != "query":
        return ()
    found: dict[str, None] = {}
    for word in QUESTION_WORD.findall(topic.description):
        if word.lower() in topic.keywords:
            found.setdefault(word)
    return tuple(found)


MEASURE_KINDS = ("speed", "length", "age", "weight", "temperature")
"""The answers that give a measure in its units ("How fast ...?": a speed), by the names
:func:`asked_answer` gives them."""
_COUNTED_HIGH = (r"(?:toll|tolls|number|numbers|count|rate|rates|price|prices|cost|costs|bill|bills|inflation|"
                 r"unemployment|percent|percentage|tax|taxes|fee|fees|turnout|demand|ransom|sum|total)\b")
"""What "How high ...?" asks the figure of when it is no height: "How high is the death toll?"."""
_COUNTED_BIG = (r"(?:reward|rewards|fine|fines|bill|bills|budget|budgets|payout|payouts|deficit|loss|losses|fund|funds|"
                r"sum|ransom|compensation|debt|debts|grant|grants|bonus|settlement|package|donation|donations|crowd|"
                r"crowds|turnout|majority|toll|total)\b")
"""What "How big ...?" asks the figure of when it is no size: "How big is the reward?"."""
_ASKS_NEXT = re.compile(r"\s*what(?:\s+(?:happens|comes|is)|'s)\s+next\b|\s*what\s+(?:will|is\s+going\s+to)\s+happen\b"
                        r"|\s*what\s+are\s+the\s+next\s+steps\b", re.IGNORECASE)
_ASKS = (
    ("weight", re.compile(r"\s*how\s+(?:heavy|much\s+weight)\b", re.IGNORECASE)),
    ("quantity", re.compile(r"\s*(?:how\s+(?:many|much)|what\s+(?:number|amount|percentage|share)\s+of"
                            r"|how\s+high\b(?=.*\b" + _COUNTED_HIGH + r")|how\s+(?:big|large)\b(?=.*\b" + _COUNTED_BIG + r")"
                            r"|what\s+(?:is|was|are|were)\s+the\s+(?:\w+\s+)?(?:death\s+toll|toll|tally|number|count|total|level|rate|price"
                            r"|cost|amount|percentage)\b)",
                            re.IGNORECASE)),
    ("person", re.compile(r"\s*(?:which|what)\s+(?:" + "|".join(sorted(_PERSON_NOUN_FORMS)) + r")\b", re.IGNORECASE)),
    ("duration", re.compile(r"\s*(?:for\s+)?how\s+long\b", re.IGNORECASE)),
    ("next", _ASKS_NEXT),
    ("speed", re.compile(r"\s*how\s+fast\b", re.IGNORECASE)),
    ("length", re.compile(r"\s*how\s+(?:far|deep|tall)\b|\s*how\s+high\b(?!.*\b" + _COUNTED_HIGH + r")", re.IGNORECASE)),
    ("age", re.compile(r"\s*how\s+old\b", re.IGNORECASE)),
    ("temperature", re.compile(r"\s*how\s+(?:cold|hot|warm)\b", re.IGNORECASE)),
    ("time", re.compile(r"\s*(?:when|how\s+soon|what\s+(?:day|date|time|year))\b", re.IGNORECASE)),
    ("place", re.compile(r"\s*(?:where|in\s+which\s+(?:city|town|country|province|region|place))\b", re.IGNORECASE)),
    ("reason", re.compile(r"\s*(?:why|for\s+what\s+reason|what\s+(?:caused|led\s+to|prompted))\b", re.IGNORECASE)),
    ("definition", re.compile(r"\s*(?:[Ww]hat\s+(?:is|are|was|were)\s+(?!(?:the\s+)?latest\b)"
                              r"|[Ww]ho\s+(?:is|are|was|were)\s+(?=[A-Z]))[^?]*\??\s*$")),
    ("person", re.compile(r"\s*who\b", re.IGNORECASE)),
    ("focus", re.compile(r"\s*(?:who|whom|whose|which|why|what|how|is|are|was|were|do|does|did|has|have|had"
                         r"|will|would|can|could|should|may|might|must)\b", re.IGNORECASE)),
)


_DOING = re.compile(r"\b(?!(?:is|are|was|were|a|an|the|this|that|its|their|his|her)\b)[A-Za-z'’]+\s+[a-z]{3,}ing\b"
                    r"|\b(?:about|for|with|to|on|in|at|from|of|by|over|doing)\s*\?\s*$")
"""What someone is doing, not what a thing is: "What is Tesla building?", "What is the council
planning?", "What are they working on?" ask about an action ("the hearing" and "the building" are
things)."""


def asked_answer(topic: Topic) -> str | None:
    """What a question asks for first of all: ``quantity`` ("How many trucks ...?", "How much
    water ...?"), ``time`` ("When will the bridge reopen?"), ``place`` ("Where are the disputed
    polling stations?"), ``reason`` ("Why was the bridge closed?") or ``definition`` ("What is
    Legionnaires' disease?", "Who is Orla Fennick?": "... disease is a severe form of pneumonia");
    its answer is a sentence that gives one. ``person`` for another question asking who ("Who will
    mediate the talks?", "Who died in the collapse?"): its answer names someone in the role asked
    (see :func:`asked_role`).
    ``focus`` for another question of one sentence ("Who mediated the strike?", "Will there be an
    inquiry into the landslide?"): its answer holds the words of it that few of the articles use
    (see :func:`~summarizer.ranking.ranker.focus_terms`). None for other topics and descriptions,
    and for a description that asks one among other things ("Describe the quake, including how
    many died"): its summary is chosen for all it asks (putting every sentence without a number
    last cost DUC's questions 0.02 R-2)."""
    if topic.origin != "query":
        return None
    kind = next((kind for kind, opening in _ASKS if opening.match(topic.description)), None)
    if kind == "definition" and _DOING.search(topic.description):
        kind = "focus"
    if kind == "focus" and len(question_sentences(topic.description)) > 1:
        return None
    return kind


_WHICH = re.compile(r"\s*(?:what|which)\s+([^\W\d_][\w'\u2019-]*)", re.IGNORECASE)


def asked_thing(topic: Topic) -> str | None:
    """The thing a "What N ...?" or "Which N ...?" question asks about (lower-cased): "What aid is
    Israel sending to Ukraine?" -> aid; "Which towns were evacuated?" -> towns. None for other
    questions ("What does the agreement provide?") and other topics."""
    if topic.origin != "query":
        return None
    match = _WHICH.match(topic.description)
    word = match.group(1).lower() if match else None
    return word if word in topic.keywords else None


_WHICH_RUN = re.compile(r"\s*which\s+((?:[^\W\d_][\w'\u2019-]*\s+){0,2}?[^\W\d_][\w'\u2019-]*)\s+"
                        r"(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could)\b", re.IGNORECASE)


def asked_kind_of(topic: Topic) -> str | None:
    """What a "Which N ...?" question asks to be named (lower-cased, the last word before its verb):
    "Which border crossing did the convoy use?" -> crossing. None for other questions."""
    if topic.origin != "query":
        return None
    match = _WHICH_RUN.match(topic.description)
    if not match:
        return None
    run = match.group(1).split()
    # "Which district of Pellowmere is ...?": a district, of the place the question names.
    run = run[: next((n for n, word in enumerate(run) if word.lower() in _PREPOSITIONS), len(run))] or run
    word = run[-1].lower()
    return word if word in topic.keywords else None


_HOW_MANY = re.compile(r"\s*how\s+many\s+(?:of\s+the\s+)?([^\W\d_][\w'\u2019-]*)", re.IGNORECASE)


def counted_thing(topic: Topic) -> str | None:
    """What a "How many N ...?" question counts (lower-cased): "How many trucks were in the first
    convoy?" -> trucks. None for other questions and other topics."""
    if topic.origin != "query":
        return None
    match = _HOW_MANY.match(topic.description)
    word = match.group(1).lower() if match else None
    return word if word in topic.keywords else None


ANSWER_WORDING = {"quantity": "how many", "time": "when", "duration": "how long", "speed": "how fast", "length": "how far",
                  "age": "how old", "weight": "how heavy", "temperature": "what temperature",
                  "place": "where", "definition": "what it is",
                  "reason": "why", "person": "who", "focus": "what few articles say", "speech": "what was said",
                  "next": "what happens next"}
"""What an answer to each kind of question gives, in the words the reader is told ("answers why",
"nothing here says when")."""


def asked_wording(topic: Topic) -> str | None:
    """How a question that asks for a quantity, a time or a place says so, for telling the reader
    that nothing answers it: "how many", "how much", "when", "where"."""
    kind = asked_answer(topic)
    if kind == "quantity" and re.match(r"\s*how\s+much\b", topic.description, re.IGNORECASE):
        return "how much"
    if kind in MEASURE_KINDS:
        how = re.match(r"\s*how\s+(\w+)", topic.description, re.IGNORECASE)
        return f"how {how.group(1).lower()}" if how else None
    # Not "who": the role asked is often put in other words ("leading the relief effort": "its
    # director"; "won": "beat"), where a number, a time or a place has a form of its own.
    return ANSWER_WORDING[kind] if kind in ("quantity", "time", "duration", "place") else None


_NOT_ROLES = frozenset("new former current acting interim top senior main other first last next".split())
"""Words that say which holder of a role is asked about, not the role: "the new head" asks for a head."""


def asked_role(topic: Topic) -> tuple[str, ...]:
    """What a question asking who asks someone to be or do, as written: its first run of keywords
    after "who" (over "to", not over a name). "Who will mediate the talks?" -> mediate; "Who died
    in the collapse?" -> died; "Who is the new head of the commission?" -> head; "Who was named to
    lead the inquiry?" -> named, lead. None for other topics and questions."""
    if asked_answer(topic) != "person":
        return ()
    role: list[str] = []
    written = QUESTION_WORD.findall(question_sentences(topic.description)[0])[1:]
    if written and written[0].lower() in _PERSON_NOUN_FORMS:
        written = written[1:]  # "Which workers were killed?": the workers are who, "killed" the role
    for word in written:
        lowered = word.lower()
        if word[:1].isupper():
            if role:
                break  # "Who will replace Dorn?": Dorn is who is replaced, not the role
            continue  # "Who did Bruvia send ...?"
        if lowered in topic.keywords:
            role.append(word)
        elif role and lowered != "to":
            break
    return tuple(w for w in role if w.lower() not in _NOT_ROLES) or tuple(role)


def asked_role_object(topic: Topic) -> tuple[str, ...]:
    """What the role a question asking who asks is of, as written: the run of keywords right after
    the role and an article ("Who leads the negotiations on compensation?" -> negotiations; "Who runs
    Pellcorp Mining?" -> Pellcorp, Mining). None when a preposition follows the role ("Who died in
    the collapse?") and for other topics."""
    role = asked_role(topic)
    if not role:
        return ()
    written = QUESTION_WORD.findall(question_sentences(topic.description)[0])
    lowered = [w.lower() for w in written]
    start = next((n + 1 for n in range(len(written) - 1, -1, -1) if written[n] == role[-1]), len(written))
    while start < len(written) and lowered[start] in ARTICLES:
        start += 1
    found: list[str] = []
    for word, low in zip(written[start:], lowered[start:]):
        if low not in topic.keywords:
            break
        found.append(word)
    return tuple(found)


_SAID = re.compile(r"\b(?:say|says|said|saying|tell|tells|told|telling|react|reacted|reaction|respond|responded|"
                   r"response|comment|comments|commented|statement|speech|quote|quoted|warn|warned|warning)\b",
                   re.IGNORECASE)


def asks_what_was_said(topic: Topic) -> bool:
    """Whether a question asks what someone said ("What did Dagny Ferrow say?", "How did the union
    react?"): a speech in their words answers it; elsewhere a speech of several sentences is no
    summary sentence (see ``Corpus.summary_worthy``)."""
    # "How long did the bank wait before telling customers?" asks how long, not what was told.
    return (topic.origin == "query" and bool(_SAID.search(topic.description))
            and asked_answer(topic) in (None, "focus", "person", "definition", "reason"))


_OWNER = re.compile(r"\b([a-z][a-z-]*?)(?:['\u2019]s|s['\u2019])(?![\w'\u2019])")


def asked_owners(topic: Topic) -> tuple[str, ...]:
    """The common nouns a question writes as the owner of what it asks about, as keywords ("How
    much did the gallery's new alarm system cost?" -> gallery; "the workers' pay" -> worker): a
    figure, a time or a place beside the owner alone is not the answer ("the pieces stolen from the
    gallery at 6.5 million korun"). Names are left out: "How much is Orbis's debt?" is answered by
    "Orbis owes ...". None for topics that are not questions."""
    if topic.origin != "query":
        return ()
    found: dict[str, None] = {}
    for match in _OWNER.finditer(topic.description):
        word = match.group(1)
        if re.match(rf"\s*how\s+many\s+{re.escape(match.group())}", topic.description, re.IGNORECASE):
            continue  # "How many residents' personal data ...?" counts the residents: no mere owner
        for form in (match.group(), word, word + "s"):
            if form in topic.keywords:
                found.setdefault(form)
    return tuple(found)


_PREDICATIVE = frozenset("alive afloat adrift aground ashore aboard asleep awake safe unharmed unhurt".split())
"""Words that say what state something is in, after it, never a part of its name: "rescued from the
river alive" asks of no "river alive"."""


def asked_phrases(topic: Topic) -> tuple[tuple[str, ...], ...]:
    """The phrases a question asks about, as written: runs of two or more of its keywords side by
    side within a clause ("Is there a cholera vaccine campaign?" -> cholera vaccine campaign).
    A run that opens a sentence starts in lowercase when its other words are lowercase ("Climate
    policy" -> climate policy; "Black Friday deals" stays). None for topics that are not questions."""
    if topic.origin != "query":
        return ()
    found: dict[tuple[str, ...], None] = {}
    for sentence in question_sentences(topic.description):
        for clause_number, clause in enumerate(_CLAUSE.split(sentence)):
            runs: list[list[str]] = [[]]
            opens_sentence = False
            written = QUESTION_WORD.findall(clause)
            counted = [w.lower() in topic.keywords and not verb_like(w.lower()) and w.lower() not in _PREDICATIVE
                       for w in written]
            verb = _question_verb(written, counted) if clause_number == 0 else None
            if verb is not None:
                counted[verb] = False
            for position, (word, keyword) in enumerate(zip(written, counted)):
                if keyword:
                    opens_sentence = opens_sentence or (clause_number == 0 and position == 0)
                    runs[-1].append(word)
                elif runs[-1] and _joins_phrase(written, counted, position):
                    runs[-1].append(word)  # "price of copper" is "copper price" in other words
                elif runs[-1]:
                    runs.append([])
            for number, run in enumerate(runs):
                if len(run) < 2:
                    continue
                if number == 0 and opens_sentence and all(w == w.lower() for w in run[1:]):
                    run = [run[0].lower(), *run[1:]]
                found.setdefault(tuple(run))
    return tuple(found)


ARTICLES = frozenset({"the", "a", "an"})
"""The articles: joined into a phrase by "of the", and before a thing a name modifies."""


def _joins_phrase(written: Sequence[str], counted: Sequence[bool], position: int) -> bool:
    """Whether the word at ``position`` joins the keyword before it to one after it in a phrase: "of"
    (and an article after it) before a keyword ("the spread of the glimmer fever")."""
    start = position
    while start > 0 and written[start].lower() in ARTICLES:
        start -= 1
    if start == 0 or written[start].lower() != "of" or not counted[start - 1]:
        return False
    end = position + 1
    while end < len(written) and written[end].lower() in ARTICLES:
        end += 1
    return end < len(written) and counted[end]


_CLAUSE = re.compile(r"[,;:/()\[\]\"\u201c\u201d]")
_IRREGULAR_VERBS = frozenset(
    """set get got put make made take took give gave say said go goes went come came see saw know knew
    run ran win won lose lost send sent keep kept leave left hold held meet met tell told pay paid buy
    bought build built fall fell begin began rise rose find found bring brought think thought stand stood
    do does did has have had is are was were be been die dies""".split()
)


_AUXILIARIES = frozenset("do does did will would can could should may might must".split())
_LINKING = frozenset("be been being have has had get got".split())


def _question_verb(written: Sequence[str], counted: Sequence[bool]) -> int | None:
    """:func:`_verb_position`; after "has", "have" or "had" only a participle ("Has cholera broken out
    ...?", "Have doctors voted ...?"), not a noun ("Has the ferry company paid compensation?")."""
    aux = next((n for n, w in enumerate(written[:4]) if w.lower() in _AUXILIARIES | _PERFECT), None)
    verb = _verb_position(written, counted, aux)
    if verb is not None and aux is not None and written[aux].lower() in _PERFECT:
        word = written[verb].lower()
        if not (word.endswith(("ed", "en", "wn")) or base_form(word) != word):
            return None
    return verb


_PERFECT = frozenset("has have had".split())


def _verb_position(written: Sequence[str], counted: Sequence[bool], aux: int | None) -> int | None:
    """Where a question's verb is, when its form shows it (``counted``: which words are keywords;
    ``aux``: where its "did", "will", "has" ... is among its first four words, if it has one):
    the keyword right after an opening "who" ("Who runs Orvel Mining?"); in a question with "does",
    "did", "will" ... among its first four words, the last word of the subject after it, when the
    question ends there or goes on to an object ("How many lawsuits does Kelvane face?", "When did the
    leak start at the plant?"; not "Will the tram line be built?", whose verb is "be"); after a place
    that ends the subject, the word after it ("Did anyone in Marrowgate catch cholera?")."""
    if len(written) > 1 and written[0].lower() == "who" and counted[1]:
        return 1
    if aux is None:
        return None
    start = next((n for n in range(aux + 1, len(written)) if counted[n]), None)
    if start is None:
        return None
    end = start
    while end < len(written) and counted[end]:
        end += 1
    if end + 1 < len(written) and written[end].lower() in _TAKE and written[end + 1].lower() in _TAKEN:
        return end + 1  # "When will the launch take place?": the verb is "take place", "launch" its subject
    if end < len(written) and written[end].lower() in _COMMON_VERBS:
        return None  # "What did the union leader say?": the verb is "say", not a keyword
    named = start
    while named < end and written[named][:1].isupper():
        named += 1
    if start < named < end - 1 and written[start - 1].lower() in _PLACE_WORDS:
        return named  # "Did anyone in Marrowgate catch cholera?": a place ends the subject; the verb follows
    last = len(written) - 1
    # "How much will insurance claims from the fire cost?", "When did the leak at the plant start?": the
    # subject ends in a place or thing after a preposition, and the verb closes the question.
    before = last - 1
    while before > end and counted[before]:
        before -= 1  # the place or thing: "the fire", "the Orvask plant"
    closes = (counted[last] and end < before < last - 1
              and (written[before].lower() in _PREPOSITIONS
                   or (written[before].lower() in ARTICLES and written[before - 1].lower() in _PREPOSITIONS)))
    if end - start >= 2 and (end == len(written) or written[end].lower() not in _LINKING):
        # After "will" or "did" a verb has no -s: "claims" of "will insurance claims ..." is the subject's.
        if closes and _plural_like(written[end - 1]):
            return last
        return end - 1
    if end - start == 1 and closes:
        return last
    return None


def _plural_like(word: str) -> bool:
    """Whether a word ends as a plural noun does ("claims", "crews"), not as a verb after "will" or
    "did" can ("cost", "pass", "focus")."""
    lowered = word.lower()
    return lowered.endswith("s") and not lowered.endswith(("ss", "us", "is"))


_PLACE_WORDS = frozenset("in at from near of".split())
_PREPOSITIONS = _PLACE_WORDS | frozenset("about with for over into by after on".split())
_COMMON_VERBS = frozenset("""say tell do go get make mean know think want need come see seem become keep give use try
    happen look""".split())
"""Verbs common enough to be stop words: after a subject of keywords they are the question's verb."""
_TAKE = frozenset("take takes took taken taking".split())
_TAKEN = frozenset("place part effect office hold shape power charge".split())
"""What "take" makes one verb with: "take place" (happen), "take effect" (start), "take office"."""


def asked_verbs(topic: Topic) -> frozenset[str]:
    """The verbs of a question's sentences where their form shows them (lower-cased; see
    :func:`_question_verb`): "fail" of "Why did the Veskel Dam fail?", "runs" of "Who runs Orvel
    Mining?", an irregular verb anywhere ("fell"). An article may say them in other words ("burst",
    "leads")."""
    if topic.origin != "query":
        return frozenset()
    found = set()
    for sentence in question_sentences(topic.description):
        written = QUESTION_WORD.findall(_CLAUSE.split(sentence)[0])
        counted = [w.lower() in topic.keywords for w in written]
        verb = _question_verb(written, counted)
        if verb is not None:
            found.add(written[verb].lower())
            if verb + 2 < len(written) and written[verb + 1].lower() == "to" and counted[verb + 2]:
                found.add(written[verb + 2].lower())  # "Have doctors voted to strike?": strike is what they did
    # An irregular verb shows itself in any place: "How much rain fell in Lindhaven?"
    found.update(word for word in topic.keywords if word in _IRREGULAR_VERBS)
    return frozenset(found)


_AHEAD = re.compile(r"\s*when\s+(?:will|would|shall)\b|\s*when\s+(?:is|are)\b.*\b(?:expected|due|scheduled|set|going|planned)\b",
                    re.IGNORECASE)


LASTING = re.compile(r"\b(?:still|remains?|remained|remaining|continues?|continued|continuing|yet\s+to)\b", re.IGNORECASE)
"""What says a state goes on: asked ("still missing") and answered ("remains in force")."""


def asks_what_lasts(topic: Topic) -> bool:
    """Whether a question of one sentence asks what is still so ("Which districts are still under the
    notice?"): a sentence saying it remains so answers before one saying what changed."""
    return typed_question(topic) and bool(LASTING.search(topic.description))


def asks_ahead(topic: Topic) -> bool:
    """Whether a question asks when something will happen ("When will the systems be back?", "When is
    the plant expected to reopen?"): a time something happened ("warned two years ago") is no answer."""
    return topic.origin == "query" and bool(_AHEAD.match(topic.description))


def asked_events(topic: Topic) -> frozenset[str]:
    """What a question asks the time (or the like) of, as its verbs: those :func:`asked_verbs` finds,
    and its words that look like a verb or a participle ("discovered" of "When was the attack
    discovered?")."""
    return asked_verbs(topic) | frozenset(word for word in topic.keywords if verb_like(word))


def verb_like(word: str) -> bool:
    """Whether a question's word is likely a verb ("voted", "using", "set"): a subject and its verb
    side by side ("people voted") are no phrase an article would write, and their words apart are
    no sign the question is not covered ("3,650 voted" and "people" elsewhere)."""
    return word in _IRREGULAR_VERBS or word.endswith("ied") or (len(word) > 4 and word.endswith(("ed", "ing")))


def select_topics(available: Sequence[Topic], names: Sequence[str]) -> tuple[Topic, ...]:
    """The topics named, in the order named; every topic when none is named."""
    if not names:
        return tuple(available)
    by_name = {t.name: t for t in available}
    chosen = []
    for name in names:
        topic = by_name.get(name.lower())
        if topic is None:
            raise UnknownTopicError(name, list(by_name))
        if topic not in chosen:
            chosen.append(topic)
    return tuple(chosen)


def replaced_topics(*groups: Iterable[Topic]) -> dict[str, tuple[str, ...]]:
    """For each topic name defined more than once, the origins of the definitions it replaced
    (``built-in`` or a file's path), earliest first: what :func:`merge_topics` let go."""
    origins: dict[str, list[str]] = {}
    for group in groups:
        for topic in group:
            origins.setdefault(topic.name, []).append(topic.origin)
    return {name: tuple(found[:-1]) for name, found in origins.items() if len(found) > 1}


def topic_groups(
    topics_file: Path | None = None,
    query: str | None = None,
    stop_words: frozenset[str] = frozenset(),
    use_config: bool = True,
) -> list[tuple[Topic, ...]]:
    """Built-in topics, then the user's config file, then ``topics_file``, then the query:
    the order in which later definitions of a name replace earlier ones."""
    groups: list[tuple[Topic, ...]] = [BUILTIN_TOPICS]
    config = config_topics_path()
    if use_config and config.is_file():
        groups.append(load_topics_file(config))
    if topics_file is not None:
        groups.append(load_topics_file(topics_file))
    if query and query.strip():
        groups.append((query_topic(query, stop_words),))
    return groups


def available_topics(
    topics_file: Path | None = None,
    query: str | None = None,
    stop_words: frozenset[str] = frozenset(),
    use_config: bool = True,
) -> tuple[Topic, ...]:
    """Built-in topics, then the user's config file, then ``topics_file``, then the query;
    a later topic of the same name wins (the user's file over the built-in topic)."""
    return merge_topics(*topic_groups(topics_file, query, stop_words, use_config))
