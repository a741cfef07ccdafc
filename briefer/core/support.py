"""Does one sentence support another? The decision behind every citation.

An article is cited for a point only through one of its own sentences, and only when that sentence states the
point's main fact. Embedding cosine alone is a poor judge of that: true paraphrases in other words ("fully
prepared" / "ready") sit at the same cosine as sentences about the same people saying something else ("met in
Geneva" / "the meeting in Geneva comes after separate talks"). A cut high enough to keep wrong citations out
therefore drops most outlets that did report the fact. This module adds what the cosine misses: how much of
each sentence's content (weighted by how rare each word is in the cluster) the other one carries, and whether
they share a run of words (a quote, a copied wire phrase); a small logistic regression weighs these with the
cosine. The weights are fitted offline on hand-labelled pairs (``bench/support.py``), so inference here is a
dot product: no model, no new dependency. ``compatible`` stays a hard veto before any score, and the
embedder's claim threshold a floor below which no pair is scored.
"""

from __future__ import annotations

import functools
import math
import re
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from briefer.fitted import SUPPORT_CUT, SUPPORT_INTERCEPT, SUPPORT_WEIGHTS
from briefer.text.lexicon import (NAME_INSIDE_A_SENTENCE, PLAIN_WORD, WEEKDAY, ages_in, dates_and_numbers, is_negated,
                                  labelled_numbers, outside_quotations, similarity_words, speakers_in)

FEATURES = (
    "cosine",  # the embedder's cosine minus its claim threshold, so one model serves every embedder
    "tfidf",  # TF-IDF cosine with the cluster's idf
    "shorter_covered",  # idf share of the shorter sentence's words that the longer one has
    "longer_covered",  # idf share of the longer sentence's words that the shorter one has
    "shared_run",  # the longest run of words both share, up to 8, over 8: a copied phrase or quote
)
LONGEST_RUN = 8
# A sentence with at least this share of another's content words (``similarity_words``) states it in full, on the
# terms of ``states_in_full``: on the citation labels (tests/data/citation_pairs.jsonl) 70 of the 71 such pairs state
# the point; 0.75 would add 19 pairs, 16 of them right. The ranker reads the same share as "adds nothing" the other
# way round (briefer.core.rank).
CONTAINED_SHARE = 0.8
_WEEKDAY = re.compile(rf"\b(?:{WEEKDAY})\b")
# A name inside the sentence, one opening it ("Home Depot ...", "The Texas Rangers ..."), or a number.
_NAMED_OR_COUNTED = re.compile(rf"{NAME_INSIDE_A_SENTENCE.pattern}|^\W*(?:The\s+)?[A-Z][\w'\u2019.-]*\s+[A-Z]|\d")


@dataclass(frozen=True)
class SupportModel:
    """A fitted pair decision: one weight per entry of ``FEATURES``, an intercept, and the score to reach."""

    weights: tuple[float, ...]
    intercept: float
    cut: float  # log-odds at or above which a pair supports

    def scores(self, features: np.ndarray) -> np.ndarray:
        """Log-odds for each row of a (pairs x ``FEATURES``) matrix."""
        return features @ np.asarray(self.weights) + self.intercept

    def score(self, features: np.ndarray) -> float:
        return float(self.scores(features[None, :])[0])


# Fitted by bench/support.py (briefer/fitted.py says on what, and how to refit it).
SUPPORT_MODEL = SupportModel(weights=SUPPORT_WEIGHTS, intercept=SUPPORT_INTERCEPT, cut=SUPPORT_CUT)
# The rule before the fitted model: cite whenever the cosine reaches the threshold (and compatible holds). For
# benchmarks that compare with it and tests of grouping that must not depend on the fitted weights.
CITE_BY_COSINE = SupportModel(weights=(1.0,) + (0.0,) * (len(FEATURES) - 1), intercept=0.0, cut=0.0)


class ClusterVocabulary:
    """Word rarity within one cluster: a word every outlet repeats ("Ukraine") says less than a rare one."""

    def __init__(self, texts: Iterable[str]) -> None:
        # each text's words, in order: kept for word look-ups
        self.bags = [set(similarity_words(text)) for text in texts]
        frequency = Counter(word for bag in self.bags for word in bag)
        self._count = len(self.bags)
        self._idf = {word: self._weight(n) for word, n in frequency.items()}

    def _weight(self, frequency: int) -> float:
        # The same smoothed idf as briefer.backends.embed.LexicalEmbedder, so "tfidf" matches its cosine.
        return math.log((1 + self._count) / (1 + frequency)) + 1.0

    def idf(self, word: str) -> float:
        return self._idf.get(word) or self._weight(0)


def pair_features(a: str, b: str, cosine: float, threshold: float, vocabulary: ClusterVocabulary) -> np.ndarray:
    """The ``FEATURES`` of one pair of sentences, in order."""
    words_a, words_b = Counter(similarity_words(a)), Counter(similarity_words(b))
    mass_a = sum(vocabulary.idf(w) for w in words_a)
    mass_b = sum(vocabulary.idf(w) for w in words_b)
    shared = sum(vocabulary.idf(w) for w in words_a.keys() & words_b.keys())
    covered_a, covered_b = shared / (mass_a or 1.0), shared / (mass_b or 1.0)
    # The shorter sentence is the one with less content: its coverage says whether the longer one contains it.
    shorter_covered, longer_covered = (covered_a, covered_b) if mass_a <= mass_b else (covered_b, covered_a)
    return np.array([cosine - threshold, _tfidf_cosine(words_a, words_b, vocabulary), shorter_covered,
                     longer_covered, min(longest_shared_run(a, b), LONGEST_RUN) / LONGEST_RUN])


def supports(shown: str, candidate: str, cosine: float, threshold: float, vocabulary: ClusterVocabulary,
             model: SupportModel = SUPPORT_MODEL) -> bool:
    """Whether ``candidate`` states ``shown``'s main fact, so that its article may be cited for it.

    ``threshold`` is the embedder's claim threshold: below it no pair is considered, above it the model decides;
    a candidate that states ``shown`` in full (``states_in_full``) needs neither, as a sentence with many more words
    than the point sits far from it by cosine.
    """
    if not compatible(shown, candidate):
        return False
    if states_in_full(shown, candidate):
        return True
    if cosine < threshold:
        return False
    return model.score(pair_features(shown, candidate, cosine, threshold, vocabulary)) >= model.cut


def states_in_full(shown: str, candidate: str) -> bool:
    """Whether ``candidate`` has nearly all of ``shown``'s content words (``CONTAINED_SHARE``) and names every weekday
    ``shown`` names ("Tel Aviv was not hit on Thursday." is not in "... the one fired at Tel Aviv did not hit the
    city" of a Friday report), when ``shown`` singles out its fact by a name or a number ("No casualties have been
    reported." is in a report of another quake of the cluster) and says most of it in its own words: a quotation
    that every outlet copies is cited by ``briefer.core.cite.cite_quotations`` once the lede is settled, so that its
    copies do not make it the lede. ``compatible`` is the caller's to check.

    Grouping asks it of every claim against every other article, before any cosine floor: the cheap tests go first,
    and each sentence's content words are found once (``_content_words``)."""
    if not _NAMED_OR_COUNTED.search(shown) or not weekdays(shown) <= weekdays(candidate):
        return False
    if content_share(shown, candidate) < CONTAINED_SHARE:
        return False
    return 2 * len(_content_words(outside_quotations(shown))) >= len(_content_words(shown))


def content_share(text: str, other: str) -> float:
    """The share of ``text``'s content words (``similarity_words``) that ``other`` has."""
    words = _content_words(text)
    return len(words & _content_words(other)) / max(len(words), 1)


@functools.lru_cache(maxsize=1 << 16)
def _content_words(text: str) -> frozenset[str]:
    """``similarity_words`` of a sentence as a set, found once: the same sentences are compared many times."""
    return frozenset(similarity_words(text))


def weekdays(text: str) -> set[str]:
    """The days of the week a sentence names: "met late Monday" and "said on Tuesday" are two events."""
    return set(_WEEKDAY.findall(text))


def _tfidf_cosine(words_a: Counter[str], words_b: Counter[str], vocabulary: ClusterVocabulary) -> float:
    def vector(words: Counter[str]) -> dict[str, float]:
        return {w: (1.0 + math.log(n)) * vocabulary.idf(w) for w, n in words.items()}

    va, vb = vector(words_a), vector(words_b)
    dot = sum(va[w] * vb[w] for w in va.keys() & vb.keys())
    norm = math.sqrt(sum(v * v for v in va.values())) * math.sqrt(sum(v * v for v in vb.values()))
    return dot / norm if norm else 0.0


def compatible(a: str, b: str, *, ages: bool = True) -> bool:
    """False when two sentences cannot state the same claim whatever their cosine says.

    Embeddings place "magnitude 6.6" beside "magnitude 5.8", "Blinken said" beside "Lavrov said", and "ruled out"
    beside "did not rule out". Sentences conflict when both carry numbers and share none, when both give the same
    label different numbers ("stage 13" / "stage 15", whatever else they share), when both name a day of a month and
    share none, when both name a speaker and share none, when both give a person's age beside a name and
    share none ("Willie Fuentes Strickland, 42, ... was charged with ..." / "Shellia Huggins, 19, ... was charged
    with ..."), or when only one of them is negated. A day of a month is a date, not a count: "Today (Nov. 18), NASA
    announced ..." does not conflict with "NASA said the five companies ..."

    ``ages=False`` leaves ages out, for the ranker's question of whether a reader would see a repeat: the next
    suspect's charges in the same words are another fact, but one a brief need not list.
    """
    dates_a, numbers_a, labelled_a, speakers_a, ages_a, negated_a = _traits(a)
    dates_b, numbers_b, labelled_b, speakers_b, ages_b, negated_b = _traits(b)
    if numbers_a and numbers_b and not _share_a_number(numbers_a, numbers_b):
        return False
    labels_b = dict(labelled_b)
    if any(label in labels_b and not _share_a_number(given, labels_b[label]) for label, given in labelled_a):
        return False
    if dates_a and dates_b and not dates_a & dates_b:
        return False
    if speakers_a and speakers_b and not speakers_a & speakers_b:
        return False
    if ages and ages_a and ages_b and not ages_a & ages_b:
        return False
    return negated_a == negated_b


def _share_a_number(first: frozenset[str], second: frozenset[str]) -> bool:
    """Whether two sentences state a number in common: the same one, or a large one and its rounding ("about
    $973,000" is "$972,814" rounded to its thousands). Only amounts of ``ROUNDED_AMOUNT`` or more are read as
    rounded, so years and small counts must agree exactly."""
    return bool(first & second) or any(_rounds_to(x, y) or _rounds_to(y, x) for x in first for y in second)


# The smallest number read as a rounding of another, and the fewest significant digits it must keep: "973,000" for
# "972,814", never "2010" for "2011" or "1 million" for "972,814".
ROUNDED_AMOUNT = 10_000
ROUNDED_DIGITS = 2


def _rounds_to(exact: str, rounded: str) -> bool:
    if not rounded.isdigit():
        return False
    kept = rounded.rstrip("0")
    zeros = len(rounded) - len(kept)
    if int(rounded) < ROUNDED_AMOUNT or zeros < 3 or len(kept) < ROUNDED_DIGITS:
        return False
    try:
        value = float(exact)
    except ValueError:
        return False
    return value != int(rounded) and round(value, -zeros) == int(rounded)


_Traits = tuple[frozenset[str], frozenset[str], tuple[tuple[str, frozenset[str]], ...], frozenset[str], frozenset[str],
                bool]


@functools.lru_cache(maxsize=1 << 16)
def _traits(text: str) -> _Traits:
    """The dates, other numbers, labelled numbers, speakers, ages and negation of a sentence, found once: grouping
    compares each sentence many times."""
    dates, numbers = dates_and_numbers(text)
    labelled = tuple((label, frozenset(given)) for label, given in labelled_numbers(text).items())
    return (frozenset(dates), frozenset(numbers), labelled, frozenset(speakers_in(text)), frozenset(ages_in(text)),
            is_negated(text))


def longest_shared_run(a: str, b: str) -> int:
    """Length of the longest run of consecutive words (stop words included) that both sentences contain."""
    words_a, words_b = PLAIN_WORD.findall(a.lower()), PLAIN_WORD.findall(b.lower())
    longest, previous = 0, [0] * (len(words_b) + 1)
    for word in words_a:
        current = [0] * (len(words_b) + 1)
        for j, other in enumerate(words_b, start=1):
            if word == other:
                current[j] = previous[j - 1] + 1
                longest = max(longest, current[j])
        previous = current
    return longest
