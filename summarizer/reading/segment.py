"""Offline English sentence segmentation for news prose.

NLTK's pretrained punkt model is not available (and is never downloaded), so
this runs NLTK's Punkt *algorithm* with parameters we fill ourselves: a curated
abbreviation list (``summarizer/reading/data/abbreviations.txt``) and orthographic
hints for common sentence starters. A few news-specific rules then adjust the
boundaries Punkt finds (quotations, attributions, titles, bullets, CJK
full stops). See docs/segmentation.md for the behaviour and its accuracy.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from functools import cache
from importlib import resources
from typing import TYPE_CHECKING

from .nltk_import import load_nltk

if TYPE_CHECKING:  # NLTK is imported when a splitter is made: a warm run splits nothing
    from nltk.tokenize.punkt import PunktParameters

__all__ = ["MAX_QUOTE_WORDS", "SentenceSplitter", "load_abbreviations", "trimmed_spans"]

# Quotations up to this many words are kept whole, with their attribution.
MAX_QUOTE_WORDS = 60

# Capitalised words that commonly start a sentence but rarely follow an
# abbreviation mid-sentence. After an abbreviation ("U.S."), initial ("D.") or
# ellipsis, a sentence boundary is placed only before one of these. "A" and "I"
# are left out: they are also initials ("J. A. Smith", "World War I").
_SENTENCE_STARTERS = frozenset(
    """
    the an this that these those there here it its he his him she her we our
    they their you your my who what when where why how which whose while if
    but and or so yet nor then now thus also still however meanwhile instead
    moreover nevertheless nonetheless indeed otherwise overall furthermore
    after before during since although though because as in on at for from
    with by about according despite over into among without unlike
    today yesterday tomorrow later earlier last next once soon eventually
    some many most several few both all each every no none not such other
    another even only more much one
    two three four five six seven eight nine ten eleven twelve fifteen twenty thirty forty fifty
    hundreds thousands dozens nineteen eighteen seventeen sixteen fourteen thirteen
    is are was were do does did has have had
    officials police authorities analysts investors residents critics
    witnesses researchers scientists prosecutors shares prices stocks sales
    """.split()
)

# Titles (and e.g./i.e./vs./cf.) precede a name or example, so a sentence
# never ends right after them, whatever word follows ("Mr. An said ...").
_NEVER_FINAL = frozenset(
    """
    mr mrs ms messrs dr prof gen brig lt col maj capt cmdr cdr adm sgt cpl pvt
    gov sen sens rep reps rev msgr pres supt det insp atty hon amb
    cdre comdr cmdt radm vadm pte spc ens cllr ald revd fr mme mlle
    dra sra srta dott mevr dhr
    e.g i.e vs cf viz
    """.split()
)

# Verbs that mark "<quote>" Name said. as one sentence (an attribution).
_SPEECH_VERBS = (
    "said|says|say|asked|asks|added|adds|told|tells|wrote|writes|replied|"
    "replies|explained|noted|stated|declared|insisted|continued|recalled|"
    "warned|argued|agreed|acknowledged|admitted|shouted|yelled|cried|"
    "whispered|tweeted|posted|answered|responded|concluded|joked|laughed"
)

_CLOSE_QUOTES = "\"'\u201d\u2019\u00bb"
_CLOSERS = _CLOSE_QUOTES + ")]}"
_OPENERS = "\"'\u201c\u2018\u00ab([{"
_CAPITALISED_STARTERS = "|".join(sorted(w.capitalize() for w in _SENTENCE_STARTERS))

# Bullet / list item at the start of a line: "- ", "* ", "• ", "1. ", "2) ".
_BULLET = re.compile(r"^[^\S\n]*(?:[-*\u2022\u2023\u25e6\u25aa]|\d{1,3}[.)])[^\S\n]+(?=\S)", re.M)
# CJK sentence enders (with any closing quote/bracket after them).
_CJK_END = re.compile("[\u3002\uff01\uff1f]+[" + re.escape(_CLOSERS) + "\u300d\u300f\uff09\u3011]*")
# An abbreviation closed by a quote/bracket before a capital ends the sentence:
# 'He said: "No." Then ...' (Punkt only looks at the quote mark after "No.").
_PERIOD_CLOSE_CAP = re.compile(
    r"\.[" + re.escape(_CLOSERS) + r"]+\s+(?=[" + re.escape(_OPENERS) + r"]*[A-Z])"
)
# The Unicode ellipsis is not a Punkt candidate; treat it like "...".
_UNICODE_ELLIPSIS = re.compile(
    "\u2026[" + re.escape(_CLOSERS) + r"]*\s+"
    "(?=[" + re.escape(_OPENERS) + "]*(?:" + _CAPITALISED_STARTERS + r")\b)"
)
# "... at 7 p.m. Volunteers are asked to ...": a time's "a.m." or "p.m." before a capitalised word ends
# the sentence, whatever the word, unless it is a day, a month or a time zone ("at 9 a.m. Sunday,
# according to ...", "at 3 p.m. ET", "at 10 a.m. Moscow time"), which news writes after the time.
_AFTER_TIME = (
    "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun|"
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec|"
    "ET|EST|EDT|CT|CST|CDT|MT|MST|MDT|PT|PST|PDT|AT|AST|ADT|GMT|UTC|BST|CET|CEST|EET|EEST|WET|IST|JST|"
    "AEST|AEDT|NZST|NZDT|HKT|SGT|Eastern|Central|Mountain|Pacific|Atlantic|Greenwich|Local"
)
_TIME_END = re.compile(
    r"\d\s?(?:[ap]\.m\.|[AP]\.M\.)[" + re.escape(_CLOSERS) + r"]*\s+(?=[" + re.escape(_OPENERS) + r"]*(?!(?:"
    + _AFTER_TIME + r")\b)(?![A-Z][\w'\u2019-]*\s+time\b)[A-Z])"  # "at 10 a.m. Moscow time"
)
_UPPER_TIME = re.compile(r"\d\s?[AP]\.M\.\S*\s*$")  # "at 8 P.M.": a time, not initials
# "Am 2. Dezember", "bis zum 8. Mai": a day's ordinal before a month's name in German.
_ORDINAL = re.compile(r"^\d{1,2}\.$")
_GERMAN_MONTHS = frozenset(
    "Januar Jänner Februar März April Mai Juni Juli August September Oktober November Dezember".split()
)
_LAST_TOKEN = re.compile(r"(\S+)\s*$")
# Initials inside a name ("George H.W. Bush", "J.R.R. Tolkien"): letters with periods, then a
# capitalised word that is not a sentence starter. Listed abbreviations (U.S.) already work so.
_INITIALS = re.compile(r"^(?:[A-Z]\.){2,4}$")
_NEVER_OPENS = frozenset(")]},;:")
"""What no sentence opens with: a cut before it is inside one."""
# A model or brand in capitals with a period ("the ID. SPACE VIZZION") looks like an acronym ending a
# sentence ("... rejoined the UN. NATO officials said ..."): a short all-capitals word with a period,
# then an all-capitals word. It is a name when the capitals go on ("SPACE VIZZION") or when what
# follows, up to the next full stop, has no verb ("the GT. VECTOR at the fair."): a sentence opening
# with an acronym says what it did ("NATO said", "AFP reported", "ITV hired", "NATO on Tuesday
# approved").
_CAPS_WITH_PERIOD = re.compile(r"^[A-Z]{2,3}\.$")
_CAPS_RUN = re.compile(r"[A-Z][A-Z0-9]+\b[\"'\u201d\u2019)]*\s+[A-Z][A-Z0-9]+\b(?![.'\u2019][a-z])")
_CLAUSE_END = re.compile(r"[.!?;:]")
_VERB_WORDS = frozenset(
    """
    is are was were be been being am has have had do does did will would can could may might must
    shall should said told made took gave got went came won lost left met held led ran fell rose saw
    sent spent paid sold bought brought thought found kept meant built began became broke chose drew
    drove flew grew hit hurt knew let put quit read set shut sought spoke stood struck threw wrote cut
    fought felt heard laid sat slid stole swore tore understood withdrew overtook
    """.split()
) | frozenset(_SPEECH_VERBS.split("|"))
_LOWER_WORD = re.compile(r"\b[a-z][a-z'\u2019-]*\b")
_NEXT_WORD = re.compile(r"[\"'\u201c\u2018(]*([^\W_][\w'\u2019-]*)")
_ENDS_QUESTION = re.compile(r"[?!][" + re.escape(_CLOSERS) + r"]*\s*$")
_ENDS_QUOTED_STOP = re.compile(r"[.?!\u2026][" + re.escape(_CLOSE_QUOTES) + r"]+\s*$")
_ATTRIBUTION = re.compile(
    r"\s*(?P<first>[A-Z][\w'\u2019.-]*)(?:\s+[A-Z][\w'\u2019.-]*){0,3}\s+(?:" + _SPEECH_VERBS + r")\b"
)
# Newswire feeds (AP, NYT) write quotations TeX-style: ``like this.''
_QUOTE_CHARS = re.compile("``|''|[\"'\u201c\u201d\u2018\u2019\u00ab\u00bb\u201e]")
_WINDOW = 80  # context looked at around a boundary; keeps every rule O(1) per boundary
_PUNKT_WINDOW = 10_000  # characters given to Punkt at once (see SentenceSplitter._punkt_starts)
_PUNKT_OVERLAP = 400  # context on either side of a window: Punkt looks a token or two around a period


class _OrthoHints(dict):
    """Read-only Punkt ortho_context: Punkt indexes it like a defaultdict, so
    missing words read as 0 here without being inserted (no hidden mutation)."""

    def __missing__(self, key: str) -> int:
        return 0

    def _read_only(self, *args: object, **kwargs: object) -> None:
        raise TypeError("Punkt parameters are shared and read-only")

    __setitem__ = __delitem__ = __ior__ = update = setdefault = pop = popitem = clear = _read_only


def _normalise(abbreviations: Iterable[str]) -> frozenset[str]:
    """'Mr.' / ' U.S. ' -> 'mr' / 'u.s'; blank lines and '#' comments dropped."""
    out = set()
    for item in abbreviations:
        item = item.strip().lower().rstrip(".")
        if item and not item.startswith("#"):
            out.add(item)
    return frozenset(out)


@cache
def load_abbreviations() -> frozenset[str]:
    """The bundled abbreviation list (works from an installed wheel)."""
    path = resources.files("summarizer.reading").joinpath("data", "abbreviations.txt")
    return _normalise(path.read_text(encoding="utf-8").splitlines())


_NAME_SECTIONS = re.compile(r"(?i)^#\s*(?:months|us states)\b")


@cache
def load_name_abbreviations() -> frozenset[str]:
    """The listed abbreviations of names, the months' and the US states' ("Aug.", "Ore.", "Mass."):
    always written with a capital. The same letters in lower case are a word of their own ("per 24
    ore." in Italian, "a critical mass."), which may end a sentence (:meth:`SentenceSplitter._soft_cuts`)."""
    path = resources.files("summarizer.reading").joinpath("data", "abbreviations.txt")
    names, inside, heading = set(), False, True
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            if heading:  # a section's first comment line names it
                inside = bool(_NAME_SECTIONS.match(line))
            heading = False
        elif not line.strip():
            heading = True
        else:
            heading = False
            if inside:
                names.add(line.strip().lower().rstrip("."))
    return frozenset(names)


def _build_params(abbreviations: frozenset[str]) -> PunktParameters:
    load_nltk()
    from nltk.tokenize import punkt

    params = punkt.PunktParameters()
    params.abbrev_types = abbreviations
    params.collocations = frozenset()
    params.sent_starters = _SENTENCE_STARTERS  # Punkt 4.1.3: abbreviation + starter
    # Punkt 4.1.1 / 4.3 (initials, numbers, ellipses): "seen capitalised only at a
    # sentence start, lower-case mid-sentence" makes these words sentence starters.
    flags = punkt._ORTHO_BEG_UC | punkt._ORTHO_MID_LC
    params.ortho_context = _OrthoHints(dict.fromkeys(_SENTENCE_STARTERS, flags))
    return params


@cache
def _default_params() -> PunktParameters:
    return _build_params(load_abbreviations())


def _quotations(s: str) -> list[tuple[int, int]]:
    """(open, close) indices of quotations that open and close inside ``s``.

    Double (" “ ” « » „) and single (' ‘ ’) quotes are tracked separately, so
    a single-quoted phrase may nest in a double-quoted one. Straight quotes
    are told apart by the characters around them; an apostrophe between two
    letters (don't, rock’n’roll) is never a quote.
    """
    found: list[tuple[int, int]] = []
    open_d: int | None = None
    open_s: int | None = None
    n = len(s)
    for m in _QUOTE_CHARS.finditer(s):
        i, ch = m.start(), m.group()
        before = s[i - 1] if i else " "
        after = s[i + 1] if i + 1 < n else " "
        opens = (before.isspace() or before in _OPENERS + "-\u2014\u2013/") and not after.isspace()
        if ch in ("\u201c", "\u00ab", "\u201e", "``"):
            open_d = i
        elif ch == "''":
            if open_d is not None:
                found.append((open_d, i))
                open_d = None
        elif ch in "\u201d\u00bb":
            if open_d is not None:
                found.append((open_d, i))
                open_d = None
            elif open_s is not None:  # \u2018We have water ... nothing,\u201d Okafor said
                found.append((open_s, i))
                open_s = None
        elif ch == '"':
            looks_closing = not before.isspace() and not after.isalnum()
            if open_d is not None and not opens:
                found.append((open_d, i))
                open_d = None
            elif open_d is not None or not looks_closing:
                open_d = i  # an opener, possibly restarting an unclosed quotation
            elif open_s is not None:  # 'We were told ... nothing," she said: one mark opens, the other closes
                found.append((open_s, i))
                open_s = None
            # else: a stray closing mark with nothing open (a 12" screen): skip
        elif before.isalnum() and after.isalnum():
            continue  # apostrophe inside a word
        elif (ch in "'\u2019" and open_s is None and open_d is not None and s[open_d] in '"\u201c'
              and before in ".,!?" and not after.isalnum()):  # never a TeX ``...'' one: `nested' closes with '
            found.append((open_d, i))  # "We want observers,' he said (a closing ' after punctuation, not "the students' union")
            open_d = None
        elif ch == "\u2018" or (ch == "'" and open_s is None and opens and after.isalpha()):
            open_s = i
        elif open_s is not None and not before.isspace():
            found.append((open_s, i))
            open_s = None
        elif ch == "'" and open_s is not None and opens and after.isalpha():
            open_s = i
    return found


class SentenceSplitter:
    """Split a paragraph of English prose into sentence spans."""

    def __init__(self, abbreviations: Iterable[str] | None = None) -> None:
        # Imported here, when text is split (a third of a second of imports).
        load_nltk()  # NLTK without scipy.stats (see nltk_import)
        from nltk.tokenize.punkt import PunktSentenceTokenizer

        if abbreviations is None:
            params = _default_params()
        else:
            params = _build_params(_normalise(abbreviations))
        self._never_final = _NEVER_FINAL & params.abbrev_types
        names = sorted(load_name_abbreviations() & params.abbrev_types, key=len, reverse=True)
        # "per 24 ore. I sindacati ...": a name's abbreviation in lower case, a capital after it.
        self._lower_name_end = re.compile(
            r"(?<![\w.])(?:" + "|".join(map(re.escape, names)) + r")\.[" + re.escape(_CLOSERS) + r"]*\s+"
            r"(?=[" + re.escape(_OPENERS) + r"]*[A-Z])"
        ) if names else None
        self._punkt = PunktSentenceTokenizer(params)  # a params object, so no training
        # The same parameters with Punkt's patterns in the standard library's engine, for text
        # where both engines agree (see _stdlib_punkt).
        self._punkt_fast = _stdlib_punkt(params)
        self._find_candidate = self._punkt_fast._lang_vars.period_context_re().search

    def __call__(self, text: str) -> list[tuple[int, int]]:
        # Bullet lines are hard boundaries (blocks). The marker stays with its
        # item but is hidden from Punkt, which would split "1." from the item.
        markers = {m.start(): m.end() for m in _BULLET.finditer(text)}
        starts = sorted({0, *markers})
        cuts = []  # sentence start offsets; spans are the trimmed gaps between
        for start, end in zip(starts, starts[1:] + [len(text)]):
            body = markers.get(start, start)
            cuts.append(start)
            cuts.extend(body + c for c in self._soft_cuts(text[body:end]))
        return trimmed_spans(text, cuts)

    def _soft_cuts(self, s: str) -> list[int]:
        """Sentence starts inside one block (offsets into ``s``)."""
        cuts = self._punkt_starts(s)
        cuts.update(m.end() for m in _PERIOD_CLOSE_CAP.finditer(s))
        cuts.update(m.end() for m in _CJK_END.finditer(s))
        cuts.update(m.end() for m in _UNICODE_ELLIPSIS.finditer(s))
        cuts.update(m.end() for m in _TIME_END.finditer(s))
        if self._lower_name_end is not None:
            cuts.update(m.end() for m in self._lower_name_end.finditer(s))
        kept = sorted(c for c in cuts if 0 < c < len(s) and not self._joins(s, c))
        return _drop_inside_short_quotes(s, kept)

    def _punkt_starts(self, s: str) -> set[int]:
        """Punkt's sentence starts, found window by window on long text.

        NLTK runs Punkt's regular expressions under a wall-clock limit (``nltk.redos``, 5 s per
        text) and raises when a text takes longer, which a paragraph of a megabyte can. Punkt
        decides each boundary from the tokens around it, so overlapping windows give the same
        starts as one pass: a window keeps only the starts in its middle part.
        """
        agree = _engines_agree(s)
        punkt = self._punkt_fast if agree else self._punkt
        if agree and self._find_candidate(s) is None:
            # No potential sentence end followed by anything: Punkt would give one span starting
            # at 0, which is no cut (most paragraphs of news are one or two sentences).
            return set()
        if len(s) <= _PUNKT_WINDOW:
            return {start for start, _ in punkt.span_tokenize(s)}
        starts: set[int] = set()
        lo = 0
        while lo < len(s):
            hi = len(s)
            if lo + _PUNKT_WINDOW < len(s):
                hi = _space_before(s, lo + _PUNKT_WINDOW, lo + _PUNKT_WINDOW // 2)
            left = _space_before(s, lo - _PUNKT_OVERLAP, 0) if lo else 0
            right = min(len(s), hi + _PUNKT_OVERLAP)
            for start, _ in punkt.span_tokenize(s[left:right]):
                if lo < left + start <= hi:
                    starts.add(left + start)
            lo = hi
        return starts

    def _joins(self, s: str, cut: int) -> bool:
        """True when the text on both sides of ``cut`` is one sentence."""
        before = s[max(0, cut - _WINDOW) : cut]
        after = s[cut : cut + _WINDOW].lstrip()
        last = _LAST_TOKEN.search(before)
        if last:  # a title never ends a sentence: "Mr. An said"
            token = last.group(1).lstrip(_OPENERS)
            if token.endswith(".") and token[:-1].lower() in self._never_final:
                return True
        if not after:
            return False
        if after[0] in _NEVER_OPENS:
            return True  # "the Rail Safety Board (R.S.B.), who ...": no sentence opens with ")" or ","
        if last:
            # "(N.R.I.) said ...": initials closed by a bracket are initials still.
            token = last.group(1).lstrip(_OPENERS).rstrip(")]}")
            following = _NEXT_WORD.match(after)
            word = following.group(1) if following else ""
            if word in _GERMAN_MONTHS and _ORDINAL.match(token):
                return True  # "Am 2. Dezember war der Pegel ..."
            if word and _INITIALS.match(token) and word[0].islower():
                return True  # "The R.S.B. will publish ...": no sentence opens in lower case
            if word and word.lower() not in _SENTENCE_STARTERS and not _UPPER_TIME.search(before):
                if _INITIALS.match(token) and word[0].isupper():
                    return True  # "President George H.W. Bush"
                if _CAPS_WITH_PERIOD.match(token) and len(word) >= 2 and word.isupper():
                    return _names_in_capitals(after)  # "the ID. SPACE VIZZION", not "the UN. NATO said"
        # '"Why?" he asked.' / 'Shares of Yahoo! rose' / '"Go." she said.'
        if after[0].islower() and (_ENDS_QUESTION.search(before) or _ENDS_QUOTED_STOP.search(before)):
            return True
        # '"We will win!" Kessel said.': a short capitalised attribution.
        if _ENDS_QUOTED_STOP.search(before):
            m = _ATTRIBUTION.match(after)
            return bool(m) and m.group("first").lower() not in _SENTENCE_STARTERS
        return False


def _names_in_capitals(after: str) -> bool:
    """Whether ``after`` (text after "the ID.", opening with a word in capitals) goes on with the name
    rather than opening a sentence: more capitals ("SPACE VIZZION"), or no verb before the clause ends."""
    if _CAPS_RUN.match(after):
        return True
    end = _CLAUSE_END.search(after)
    clause = after[: end.start()] if end else after
    lower = _LOWER_WORD.findall(clause)
    if lower and lower[0].endswith("s") and not lower[0].endswith("ss") and clause.split()[1:2] == [lower[0]]:
        return False  # "NATO says", "ITV hires"
    return not any(w in _VERB_WORDS or w.endswith("ed") or "n't" in w or "n\u2019t" in w for w in lower)


# Punkt through the standard library's ``re``. NLTK (3.9.3 on) runs every pattern through
# ``nltk.redos``: the third-party ``regex`` engine under a wall-clock limit, about half of the time
# a paragraph takes to split. Punkt's patterns are plain (no nested repeats; the windows above
# keep each text short), and the two engines match them alike except where they disagree on
# what \s, \w or \d is: about 30,000 code points (combining marks, "\u00bd", "\x1c").
# Text holding none of those goes through the standard engine, other text through NLTK's own.
_CLASSES = (r"\s", r"\w", r"\d")
_RE_FLAGS = re.IGNORECASE | re.MULTILINE | re.DOTALL | re.VERBOSE | re.UNICODE | re.ASCII
_agreeing: set[str] = set()
_ascii_agrees: bool | None = None


def _classes_agree(char: str) -> bool:
    import regex  # NLTK's dependency

    return all(
        bool(re.match(cls, char)) == bool(regex.match(cls, char)) for cls in _CLASSES
    )


def _engines_agree(s: str) -> bool:
    """Whether ``re`` and ``regex`` agree on every character of ``s`` (cached per character)."""
    global _ascii_agrees
    if _ascii_agrees is None:
        _ascii_agrees = all(_classes_agree(chr(code)) for code in range(128))
    if _ascii_agrees and s.isascii():
        return True
    for char in set(s).difference(_agreeing):
        if not _classes_agree(char):
            return False
        _agreeing.add(char)
    return True


def _stdlib(pattern):  # an nltk.redos.TimedPattern (or a re/regex pattern)
    compiled = getattr(pattern, "_rx", pattern)
    return re.compile(compiled.pattern, compiled.flags & _RE_FLAGS)


@cache
def _stdlib_classes():
    """Punkt's language variables and token class with their patterns compiled by ``re``."""
    load_nltk()
    from nltk.tokenize import punkt

    class Vars(punkt.PunktLanguageVars):
        __slots__ = ()
        re_boundary_realignment = _stdlib(punkt.PunktLanguageVars.re_boundary_realignment)

        def period_context_re(self):
            try:
                return self._re_period_context
            except AttributeError:
                self._re_period_context = _stdlib(super().period_context_re())
                return self._re_period_context

        def _word_tokenizer_re(self):
            try:
                return self._re_word_tokenizer
            except AttributeError:
                self._re_word_tokenizer = _stdlib(super()._word_tokenizer_re())
                return self._re_word_tokenizer

    non_punct = _stdlib(punkt._re_non_punct)

    class Token(punkt.PunktToken):
        __slots__ = ()
        _RE_ELLIPSIS = _stdlib(punkt.PunktToken._RE_ELLIPSIS)
        _RE_NUMERIC = _stdlib(punkt.PunktToken._RE_NUMERIC)
        _RE_INITIAL = _stdlib(punkt.PunktToken._RE_INITIAL)
        _RE_ALPHA = _stdlib(punkt.PunktToken._RE_ALPHA)

        @property
        def is_non_punct(self):
            return non_punct.search(self.type)

    return Vars, Token


def _stdlib_punkt(params: PunktParameters):
    load_nltk()
    from nltk.tokenize.punkt import PunktSentenceTokenizer

    Vars, Token = _stdlib_classes()

    class Tokenizer(PunktSentenceTokenizer):
        """Punkt deciding each potential sentence end from its context (the word before, the
        mark, what follows) alone and without changing anything (the parameters are read-only):
        decisions are remembered by context ("said. The" comes back all the time)."""

        def __init__(self, *args, **kwargs) -> None:
            super().__init__(*args, **kwargs)
            self._decided: dict[str, bool] = {}

        def text_contains_sentbreak(self, text: str) -> bool:
            decided = self._decided.get(text)
            if decided is None:
                if len(self._decided) >= _CONTEXTS_KEPT:
                    self._decided.clear()
                decided = self._decided[text] = super().text_contains_sentbreak(text)
            return decided

    return Tokenizer(params, lang_vars=Vars(), token_cls=Token)


_CONTEXTS_KEPT = 50_000


def _space_before(s: str, pos: int, floor: int) -> int:
    """The last whitespace at or before ``pos`` and after ``floor``; ``pos`` when there is none."""
    if pos <= floor:
        return max(pos, 0)
    for i in range(pos, floor, -1):
        if s[i].isspace():
            return i
    return pos


def _drop_inside_short_quotes(s: str, cuts: list[int]) -> list[int]:
    """Remove boundaries inside quotations of at most MAX_QUOTE_WORDS words,
    so '"We are ready. We will host them," Kessel said.' stays one unit."""
    dropped: set[int] = set()
    for open_at, close_at in _quotations(s):
        if len(s[open_at + 1 : close_at].split()) <= MAX_QUOTE_WORDS:
            lo = bisect.bisect_right(cuts, open_at)
            hi = bisect.bisect_right(cuts, close_at)
            dropped.update(cuts[lo:hi])
    return [c for c in cuts if c not in dropped]


def trimmed_spans(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    """Cut ``text`` at ``cuts`` and trim each piece: every non-whitespace
    character ends up in exactly one non-empty span."""
    bounds = sorted(set(cuts)) + [len(text)]
    spans = []
    for lo, hi in zip(bounds, bounds[1:]):
        while lo < hi and text[lo].isspace():
            lo += 1
        while hi > lo and text[hi - 1].isspace():
            hi -= 1
        if lo < hi:
            spans.append((lo, hi))
    return spans
