"""Citing: every article that states a point is cited for it, through the sentence that states it.

Without any judge, an article whose sentence carries word for word the quotation that makes up most of a point
(``QUOTED_WORDS`` words or more, the same speaker or none named) reports what the point reports: it is cited
(``cite_quotations``).

Grouping already cites the articles whose closest sentence the cheap fitted model accepts (``briefer.core.support``:
precision first, so most outlets that report a fact in other words are missed). This stage asks the support
judge (``briefer.backends.judge``) about every other article: its few sentences closest to the point by embedding
(a cheap prefilter), those that ``briefer.core.support.compatible`` does not veto (other numbers, another speaker,
only one side negated), each judged as a premise for the point's text as the reader sees it. An article whose
best sentence reaches the judge's threshold is cited, with that sentence as its evidence.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

import numpy as np

from briefer.core.claims import ClaimSet
from briefer.backends.judge import Judge
from briefer.core.support import compatible
from briefer.fitted import JUDGE_CANDIDATES_PER_ARTICLE, JUDGE_PREFILTER
from briefer.text.lexicon import ATTRIBUTION, names_outside_quotations, plain_words, quoted_words
from briefer.types import Point, Sentence

# The fewest words a quotation needs to tell who reported it: "fully prepared" is in every outlet's words, "the
# best way to resolve things is through a further conversation" only in those quoting Blinken.
QUOTED_WORDS = 6



def restates(judge: Judge) -> Callable[[str, str], bool]:
    """Whether two sentences say the same thing, by the judge: each states the other."""

    def both_ways(a: str, b: str) -> bool:
        return bool(np.all(judge.probabilities([(a, b), (b, a)]) >= judge.threshold))

    return both_ways


def cite(points: Sequence[Point], claims: ClaimSet, encode: Callable[[Sequence[str]], np.ndarray],
         judge: Judge) -> list[Point]:
    """``points`` with every article the judge finds stating them cited (the citations they had are kept)."""
    sentences = claims.sentences
    if not points or not sentences:
        return list(points)
    point_vectors = np.asarray(encode([p.text for p in points]), dtype=np.float32)
    closeness = point_vectors @ claims.sentence_vectors.T
    rows_of: dict[str, list[int]] = {}
    for row, sentence in enumerate(sentences):
        rows_of.setdefault(sentence.article_id, []).append(row)

    asked: list[tuple[int, str, int]] = []  # (point, article, sentence row)
    for p, point in enumerate(points):
        for article_id, rows in rows_of.items():
            if article_id in point.citations:
                continue
            ranked = sorted(rows, key=lambda r: -closeness[p, r])[:JUDGE_CANDIDATES_PER_ARTICLE]
            asked += [(p, article_id, r) for r in ranked
                      if closeness[p, r] >= JUDGE_PREFILTER and compatible(point.text, sentences[r].text)]
    if not asked:
        return list(points)
    probabilities = judge.probabilities([(sentences[r].text, points[p].text) for p, _, r in asked])

    best: dict[tuple[int, str], tuple[float, int]] = {}
    for (p, article_id, row), probability in zip(asked, probabilities):
        if probability >= judge.threshold and probability > best.get((p, article_id), (-1.0, 0))[0]:
            best[(p, article_id)] = (float(probability), row)
    order = _article_order(claims)
    cited = []
    for p, point in enumerate(points):
        found: dict[str, Sentence] = {s.article_id: s for s in point.evidence}
        for (q, article_id), (_, row) in best.items():
            if q == p:
                found[article_id] = sentences[row]
        cited.append(_citing(point, found, order))
    return cited


def cite_quotations(points: Sequence[Point], claims: ClaimSet) -> list[Point]:
    """``points`` with every article that quotes them word for word cited too, through its sentence with the
    quotation; ``compatible`` still vetoes (another speaker, other numbers, one side negated), and so does a sentence
    that names others than the point does outside the quotation ("Col. Rob Manning issued a statement ..." for 'Dana
    White said on Twitter ...'). The quotation must be the point's own speech (the point attributes it) or half its
    words or more: a title in quotes ('the film "..." opened on Friday') is not what the point reports."""

    found = [(point, _its_quotations(point.text)) for point in points]
    if not any(quotes for _, quotes in found):
        return list(points)
    order = _article_order(claims)
    plain = [plain_words(sentence.text) for sentence in claims.sentences]
    cited = []
    for point, quotes in found:
        evidence = {s.article_id: s for s in point.evidence}
        for sentence, words in zip(claims.sentences, plain):
            if (sentence.article_id not in evidence and any(quote in words for quote in quotes)
                    and compatible(point.text, sentence.text) and _same_source(point.text, sentence.text)):
                evidence[sentence.article_id] = sentence
        cited.append(_citing(point, evidence, order))
    return cited


def _its_quotations(text: str) -> list[str]:
    """A point's quotations that say what it reports (``quoted_words`` form): all of them when it attributes them,
    else those that make up half its words or more."""
    quotes = quoted_words(text, QUOTED_WORDS)
    if not quotes or ATTRIBUTION.search(text):
        return quotes
    words = len(plain_words(text).split())
    return [quote for quote in quotes if len(quote.split()) * 2 >= words]


def _article_order(claims: ClaimSet) -> dict[str, int]:
    """Each article's place in the cluster, by its first sentence: citations are listed in it."""
    return {article_id: k for k, article_id in enumerate(dict.fromkeys(s.article_id for s in claims.sentences))}


def _citing(point: Point, evidence: dict[str, Sentence], order: dict[str, int]) -> Point:
    """``point`` citing the articles of ``evidence`` (article -> its sentence), in the cluster's order."""
    ids = sorted(evidence, key=lambda a: order.get(a, len(order)))
    return replace(point, citations=tuple(ids), evidence=tuple(evidence[a] for a in ids))


def _same_source(point: str, sentence: str) -> bool:
    """Whether a sentence quoting a point may be its source: one of the two names nobody outside the quotation, or
    they name someone in common."""
    theirs, ours = names_outside_quotations(sentence), names_outside_quotations(point)
    return not (theirs and ours) or bool(theirs & ours)
