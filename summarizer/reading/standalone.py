"""Whether a sentence can stand alone in a summary: features of a sentence in its article.

They depend on the article's text alone, so they are computed when a file is read and kept in the
index (``Record.flags``): a warm run decides which candidates may be printed without reading their
text. Ranking reads them through :meth:`~summarizer.ranking.corpus.Corpus.summary_worthy` and
:meth:`~summarizer.ranking.corpus.Corpus.has_content`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from ..model import Article, Sentence

WORTHY = 1
"""Flag bit: the sentence can stand alone (:func:`is_summary_worthy`, with its article)."""
HAS_CONTENT = 2
"""Flag bit: the sentence names an actor or states a number (:func:`has_content`)."""
SPEECH = 4
"""Flag bit: the sentence opens with a quotation of several sentences (:func:`is_speech`)."""


def sentence_flags(article: Article, word_counts: Sequence[int]) -> list[int]:
    """The flags of each of the article's sentences (``word_counts``: how many words each has, as :func:`~summarizer.reading.terms.words` counts them)."""
    return [
        (WORTHY if is_summary_worthy(s, n, article) else 0) | (HAS_CONTENT if has_content(s.text) else 0)
        | (SPEECH if is_speech(s.text) else 0)
        for s, n in zip(article.sentences, word_counts)
    ]


_QUOTE_FRAGMENT = re.compile(r"^[\"'](?![^\W_])|^[\u201d\u2019)\]]|^[a-z]")
# A straight quote mark before a letter opens a quotation ("\"We will pay every family,\" the mayor
# said."), as a curly one does; before anything else it closes one the sentence did not open.
# The rest of a quotation cut short: "… prevent the evacuation of the civilians", opening quote or not.
_ELLIPSIS_OPENING = re.compile(r"^[\"'\u201c\u2018\u00ab]?\s*(?:\u2026|\.\.\.)")
# An aside in brackets that states nothing ("(Graphic: Emerging markets in 2019 - here)", "[Photo:
# the harbour at dawn]"); one ending with a full stop inside ("(The firm declined to comment.)") is
# a sentence.
_BRACKETED_ASIDE = re.compile(r"^[(\[][^()\[\]]*[^.!?\"'\u201d\u2019\s][)\]]$")


_AFTER_OPEN = frozenset(" \t\n([{\u2014\u2013-/")
_QUOTE_MARKS = re.compile("``|''|[\"'\u201c\u201d\u2018\u2019]")
_CLOSE_FOLLOWERS = frozenset(".,;:!?)]}\u2014\u2013-")


def _quote_depth(text: str) -> tuple[int, bool]:
    """(quotations left open at the end of ``text``, whether a mark closed a quotation that
    ``text`` never opened). Any closing mark closes the innermost open quotation, whatever mark
    opened it: writers open with ' and close with ", or the reverse, and the paragraph after such a
    quotation is not inside one. A single quote opens only at the start of a word before a letter,
    and closes only an open quotation (else it is an apostrophe: "the students' union")."""
    depth, stray = 0, False
    for _, opening in _quote_marks(text):
        if opening:
            depth += 1
        elif depth:
            depth -= 1
        else:
            stray = True
    return depth, stray


def is_speech(text: str) -> bool:
    """Whether a sentence opens with a quotation of several sentences ("\"We have a roof. We do not
    have a home,\" said ..."): someone's speech, which the segmenter keeps whole with its speaker."""
    if text[:1] not in _OPENING_MARKS:
        return False
    marks = _quote_marks(text)
    if next(marks, None) != (0, True):
        return False  # the sentence does not open with a quotation
    depth = 1
    for at, opening in marks:
        depth += 1 if opening else -1
        if not depth:
            from .segment import load_abbreviations  # the segmenter's module: not on a warm run's path

            abbreviations = load_abbreviations()
            return any(end.group(1).lower() not in abbreviations and len(end.group(1)) != 1
                       for end in _SENTENCE_INSIDE.finditer(text, 0, at))
    return False


_OPENING_MARKS = "\"'`\u201c\u2018"
_SENTENCE_INSIDE = re.compile(r"([^\s\"'\u201c\u2018(`]*)[.!?](?=\s+[\"'\u201c\u2018(]?[A-Z])")
"""A sentence's end inside a quotation, and the word before it: "home. We", not "Mr. Dorn"."""


def _quote_marks(text: str) -> Iterator[tuple[int, bool]]:
    """Where each quotation mark of ``text`` opens (True) or closes (False) a quotation (see
    :func:`_quote_depth`); apostrophes are left out."""
    openers: list[str] = []
    n = len(text)
    for match in _QUOTE_MARKS.finditer(text):  # only the marks: the scan costs what the quotes cost
        c, i = match.group(), match.start()
        before = text[i - 1] if i else " "
        after = text[match.end()] if match.end() < n else " "
        word_starts = before in _AFTER_OPEN and not after.isspace()
        word_ends = not before.isspace() and (after.isspace() or after in _CLOSE_FOLLOWERS)
        opening: bool | None = None
        if c in ("\u201c", "``"):
            opening = True
        elif c in ("\u201d", "''"):
            opening = False
        elif c == '"':
            opening = True if word_starts else False if word_ends else not openers
        else:  # a single quote
            # "the dockworkers' strike goes on," inside a double quotation: a plural's apostrophe,
            # before a word in lower case, not the quotation's end.
            possessive = (before == "s" and after == " " and text[match.end() + 1 : match.end() + 2].islower()
                          and bool(openers) and openers[-1] in ('"', "\u201c", "``"))
            if word_starts and after.isalpha() and c != "\u2019":
                opening = True
            elif openers and word_ends and c != "\u2018" and not possessive:
                opening = False
        if opening is True:
            openers.append(c)
            yield i, True
        elif opening is False:
            if openers:
                openers.pop()
            yield i, False


def quotes_balanced(text: str) -> bool:
    """Whether every quotation the sentence closes it also opened (and the reverse)."""
    depth, stray = _quote_depth(text)
    return depth == 0 and not stray


def opens_inside_a_quotation(sentence: Sentence, article: Article) -> bool:
    """Whether an earlier sentence of the paragraph opened a quotation this one continues: then it
    is someone's words ("I informed him that ...") whose speaker is named elsewhere."""
    before = article.text[article.blocks[sentence.paragraph].start : sentence.start]
    return _quote_depth(before)[0] > 0


def is_summary_worthy(sentence: Sentence, word_count: int, article: Article | None = None) -> bool:
    """Whether a sentence can stand alone in a summary.

    Very short sentences, fragments that start mid-quote, after an ellipsis or in lower case, asides
    in brackets without a full stop (a graphic's or photo's label), pieces of a longer
    quotation (unbalanced quote marks, or inside a quotation an earlier sentence opened, when the
    ``article`` is given), lead-ins ending with a colon, the titles of boxes of figures
    (:func:`titles_a_box`) and labelled lists (:func:`is_listing`) read badly alone.
    """
    text = sentence.text
    return (
        word_count >= 6
        and not _QUOTE_FRAGMENT.match(text)
        and not _ELLIPSIS_OPENING.match(text)
        and not _BRACKETED_ASIDE.match(text)
        and not text.endswith(":")
        and not is_listing(text)
        and quotes_balanced(text)
        and (article is None or not (opens_inside_a_quotation(sentence, article) or titles_a_box(sentence, article)))
    )


def titles_a_box(sentence: Sentence, article: Article) -> bool:
    """Whether the article's first sentence is a paragraph of its own followed by a list's label
    ("Figures available Saturday on the earthquake that struck Turkey early Tuesday." then "*DEAD:",
    "At least 12,018", "*MISSING:" ...): the title of a box of figures or a list, which says nothing
    without them. Later in a story such a label ("On the Net:", "1995:", "The researchers found:")
    follows sentences that do say something."""
    blocks = article.blocks
    here = sentence.paragraph
    if sentence.index or here + 1 >= len(blocks):
        return False
    paragraph = article.text[blocks[here].start : blocks[here].end].strip()
    label = article.text[blocks[here + 1].start : blocks[here + 1].end].strip()
    return (paragraph == sentence.text.strip() and label.endswith(":")
            and len(label.split()) <= LISTING_LABEL_WORDS)


LISTING_LABEL_WORDS = 6
"""The most words a list's label (the text before its colon) has: "Talk show host:"; a clause that
introduces a list ("He said the move was based on four factors:") is longer."""


def is_listing(text: str) -> bool:
    """Whether a "sentence" is a labelled list, a table's row or a ballot rather than a statement:
    a short label ending with a colon, then three items or more separated by semicolons ("Talk show:
    ``Leeza,'' NBC; ``The View,'' ABC; ``The Oprah Winfrey Show,'' Syndicated."; contact lines;
    credits). Prose that lists after a clause of its own ("On Monday, prosecutors called their first
    three witnesses: ...; ...; ...") is a statement and is not one; a clause of ``LISTING_LABEL_WORDS``
    words or fewer before such a list is taken for a label."""
    label = _LABEL.match(text) if ":" in text else None  # (the search for a colon, without the regex)
    return (
        label is not None
        and len(label.group(1).split()) <= LISTING_LABEL_WORDS
        and len(_ITEM_BREAK.findall(text, label.end())) >= 2
    )


_LABEL = re.compile(r"([^:;]*):\s")  # a colon and a space ("https://" and "10:30" are no labels)
_ITEM_BREAK = re.compile(r";\s")


_WORD = re.compile(r"[^\W_]+(?:['\u2019\-.][^\W_]+)*")
_ASCII_DIGIT = re.compile("[0-9]")  # in ASCII text, the characters str.isdigit accepts


def has_content(text: str) -> bool:
    """Whether a sentence names an actor or states a fact: a digit, or a capitalised word that
    does not open the sentence (a name, a place, an organisation; "I" aside)."""
    if _ASCII_DIGIT.search(text) if text.isascii() else any(map(str.isdigit, text)):  # same answer
        return True
    # A word after the first that is capitalised and not "I", found without listing every word:
    # most sentences name someone within their first few words.
    words = _WORD.finditer(text)
    next(words, None)
    return any(w.group()[0].isupper() and w.group() != "I" for w in words)
