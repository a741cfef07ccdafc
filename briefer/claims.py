"""Grouping sentences from different articles that state the same thing into claims.

Average-linkage agglomeration over sentence similarities: two groups merge only when their sentences are, on
average, as close as the embedder's claim threshold. Average (not single) linkage matters here: a chain of
pairwise-similar sentences must not glue two different statements together, because every article in a claim
is cited for it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import numpy as np

from briefer.types import Claim, Sentence

# A sentence opening on a pronoun cannot stand alone on the page: the reader cannot tell who "he" is.
PRONOUN_OPENER = re.compile(r"^[\"'\u201c]?(?:he|she|they|it|his|her|their|its|this|these|those)\b", re.IGNORECASE)
# Openers that lean on the sentence before ("But ...", "Further, ..."): readable, but worse.
CONNECTIVE_OPENER = re.compile(
    r"^(?:but|and|also|however|meanwhile|further|furthermore|additionally|still|yet|so|then|there|here)\b",
    re.IGNORECASE,
)


# How far below the claim threshold an article's closest sentence may sit and still count as echoing a claim
# when claims are ranked by how widely they were reported. Citations never use this looser test.
ECHO_MARGIN = 0.12


@dataclass(frozen=True)
class ClaimSet:
    """The claims of a cluster and, row for row, the unit centroid of each claim's sentence vectors.

    ``echoes`` lists, per claim, the articles with a sentence close to the claim: those that cite it plus those
    that say it in words too different to be cited. It measures how widely a claim was reported, for ranking.
    """

    claims: tuple[Claim, ...]
    vectors: np.ndarray
    echoes: tuple[frozenset[str], ...]


def group_claims(sentences: list[Sentence], vectors: np.ndarray, threshold: float) -> ClaimSet:
    """Group ``sentences`` (rows of ``vectors``) into claims and pick each claim's representative sentence."""
    if not sentences:
        return ClaimSet((), np.zeros((0, vectors.shape[1] if vectors.ndim == 2 else 0), dtype=np.float32), ())
    similarity = vectors @ vectors.T
    groups = _agglomerate(similarity, threshold)
    claims, centroids = [], []
    for members in groups:
        centroid = vectors[members].mean(axis=0)
        centroid /= np.linalg.norm(centroid) or 1.0
        group_sentences = tuple(sentences[i] for i in members)
        closeness = vectors[members] @ centroid
        representative = max(
            range(len(members)), key=lambda k: representativeness(group_sentences[k], float(closeness[k]))
        )
        claims.append(Claim(sentences=group_sentences, representative=group_sentences[representative]))
        centroids.append(centroid)
    centroid_matrix = np.vstack(centroids).astype(np.float32)
    close = (centroid_matrix @ vectors.T) >= threshold - ECHO_MARGIN
    echoes = tuple(
        frozenset(claim.article_ids) | {sentences[j].article_id for j in np.flatnonzero(row)}
        for claim, row in zip(claims, close)
    )
    return ClaimSet(tuple(claims), centroid_matrix, echoes)


def _agglomerate(similarity: np.ndarray, threshold: float) -> list[list[int]]:
    """Average-linkage merging of all pairs at or above ``threshold``, closest pairs first."""
    n = similarity.shape[0]
    group_of = list(range(n))
    members: dict[int, list[int]] = {i: [i] for i in range(n)}
    rows, cols = np.nonzero(np.triu(similarity >= threshold, k=1))
    order = np.argsort(-similarity[rows, cols], kind="stable")
    for k in order:
        a, b = group_of[rows[k]], group_of[cols[k]]
        if a == b:
            continue
        if similarity[np.ix_(members[a], members[b])].mean() < threshold:
            continue
        if len(members[a]) < len(members[b]):
            a, b = b, a
        for i in members[b]:
            group_of[i] = a
        members[a].extend(members.pop(b))
    return [sorted(group) for group in members.values()]


def representativeness(sentence: Sentence, closeness: float) -> float:
    """How well a sentence can stand for its claim on the page: close to the claim, complete, self-contained."""
    text = sentence.text
    score = closeness
    if PRONOUN_OPENER.match(text):
        score -= 0.5
    elif CONNECTIVE_OPENER.match(text):
        score -= 0.15
    if not text.rstrip("\"')\u201d\u2019").endswith((".", "!", "?")):
        score -= 0.2
    if text.count('"') % 2 or text.count("\u201c") != text.count("\u201d"):
        score -= 0.2
    words = sentence.words
    if words < 8:
        score -= 0.15
    elif words > 45:
        score -= 0.1 + 0.01 * (words - 45)
    return score
