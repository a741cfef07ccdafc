"""Tune the ranker's weights on the tune half of the eval sets; report the held-out half with the same weights.

    .venv/bin/python bench/tune_rank.py [--limit N] [--rounds 2]

Coordinate search over ``RankWeights``: one weight at a time over a small grid, keeping a change only when the
mean of ROUGE-1 and ROUGE-2 on the tune half (even cluster indices) of both sets improves. The held-out half (odd
indices) is scored only for the starting and the final weights, so it says whether tuning overfitted. Sentence
embeddings are computed once per cluster and reused for every candidate.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parent))

from quality import DATASETS, ranker_settings  # noqa: E402

from briefer.embed import get_embedder  # noqa: E402
from briefer.evaluate import BriefContent, read_clusters, rouge  # noqa: E402
from briefer.pipeline import build_brief  # noqa: E402
from briefer.settings import RankWeights  # noqa: E402

GRID = {
    "centrality": [0.0, 0.5, 1.0, 2.0, 3.0],
    "coverage": [0.0, 0.5, 1.0, 2.0],
    "position": [0.0, 0.25, 0.5, 1.0, 2.0],
    "relevance": [0.5, 0.6, 0.7, 0.8, 0.9, 1.0],
    "redundancy": [0.6, 0.7, 0.8, 0.9],
}


class CachedEmbedder:
    """The real embedder, asked once per distinct sentence."""

    def __init__(self, inner) -> None:  # type: ignore[no-untyped-def]
        self.inner, self.name = inner, inner.name
        self.claim_threshold, self.group_threshold = inner.claim_threshold, inner.group_threshold
        self.cache: dict[str, np.ndarray] = {}

    def encode(self, texts):  # type: ignore[no-untyped-def]
        missing = [t for t in dict.fromkeys(texts) if t not in self.cache]
        if missing:
            self.cache.update(zip(missing, self.inner.encode(missing)))
        return np.vstack([self.cache[t] for t in texts]) if texts else self.inner.encode([])


def score(clusters, weights: RankWeights, embedder) -> float:  # type: ignore[no-untyped-def]
    """Mean of R-1 and R-2 (the measure each set is scored by) over (dataset, cluster) pairs."""
    values = []
    for words, measure, cluster in clusters:
        settings = ranker_settings(cluster.articles, words, rank=weights)
        summary = BriefContent.from_brief(build_brief(cluster.articles, settings, embedder=embedder)).sentences()
        result = rouge(summary, cluster.reference_sentences())
        values.append((result.get("rouge1", measure) + result.get("rouge2", measure)) / 2)
    return float(np.mean(values))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters of each set")
    parser.add_argument("--rounds", type=int, default=2)
    args = parser.parse_args()
    halves: dict[str, list] = {"tune": [], "held-out": []}
    for path, words, measure in DATASETS.values():
        for index, cluster in enumerate(read_clusters(path, args.limit)):
            halves["tune" if index % 2 == 0 else "held-out"].append((words, measure, cluster))
    embedder = CachedEmbedder(get_embedder(None))  # the default: static
    start = time.perf_counter()
    weights = RankWeights()
    baseline = {name: score(rows, weights, embedder) for name, rows in halves.items()}
    best = baseline["tune"]
    print(f"start {weights}: tune {best:.4f}, held-out {baseline['held-out']:.4f}", flush=True)
    for _ in range(args.rounds):
        for field, values in GRID.items():
            for value in values:
                candidate = dataclasses.replace(weights, **{field: value})
                if candidate == weights:
                    continue
                value_score = score(halves["tune"], candidate, embedder)
                if value_score > best + 1e-4:
                    weights, best = candidate, value_score
                    print(f"  {field}={value}: tune {best:.4f}", flush=True)
    final_held_out = score(halves["held-out"], weights, embedder)
    print(f"final {weights}: tune {best:.4f} (was {baseline['tune']:.4f}), "
          f"held-out {final_held_out:.4f} (was {baseline['held-out']:.4f}); {time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
