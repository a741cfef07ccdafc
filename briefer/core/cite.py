"""Citing: every article that states a point is cited for it, through the sentence that states it.

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
from briefer.types import Point, Sentence



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
    order = {article_id: k for k, article_id in enumerate(rows_of)}
    cited = []
    for p, point in enumerate(points):
        found: dict[str, Sentence] = {s.article_id: s for s in point.evidence}
        for (q, article_id), (_, row) in best.items():
            if q == p:
                found[article_id] = sentences[row]
        ids = sorted(found, key=lambda a: order.get(a, len(order)))
        cited.append(replace(point, citations=tuple(ids), evidence=tuple(found[a] for a in ids)))
    return cited
