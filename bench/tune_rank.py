"""Tune the ranker's weights on the tune half of the eval sets; report the held-out half with the same weights.

    .venv/bin/python bench/tune_rank.py [--limit N] [--rounds 2]
    .venv/bin/python bench/tune_rank.py --sweep new_outlet=0,0.1,0.2,0.3,0.5


Coordinate search over ``RankWeights``: one weight at a time over a small grid, keeping a change only when the
objective on the tune half (even cluster indices) improves. The objective is the mean of ROUGE-1 and ROUGE-2 (the
measure each set is scored by) per set, then averaged over the sets, so that MultiLing's 5 tune clusters count as
much as Multi-News's 96. The held-out half (odd indices) is scored only for the starting and the final weights, so
it says whether tuning overfitted. Weights change only the ranking: each cluster goes once through
``briefer.pipeline.group_cluster`` (clean, split, embed, group claims: the same step a brief runs), and every
candidate re-ranks those claims. ``--sweep`` scores the listed values of one weight (the others as shipped) on both
halves, without searching: how a single choice was checked.
"""

from __future__ import annotations

import argparse
import dataclasses
import sys
import time
from dataclasses import dataclass
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: the bench package from the repo

from bench.quality import DATASETS, ranker_settings  # noqa: E402

from briefer.core import rank  # noqa: E402
from briefer.core.claims import ClaimSet  # noqa: E402
from briefer.backends.embed import get_embedder  # noqa: E402
from briefer.errors import InputError  # noqa: E402
from briefer.evaluate.datasets import read_clusters  # noqa: E402
from briefer.evaluate.rouge import rouge, sentence_texts
from briefer.pipeline import group_cluster  # noqa: E402
from briefer.settings import BriefSettings, RankWeights  # noqa: E402
from briefer.types import Article  # noqa: E402

GRID = {
    "centrality": [0.0, 0.5, 1.0, 2.0, 3.0],
    "coverage": [0.0, 0.5, 1.0, 2.0, 3.0],
    "worded_coverage": [0.0, 0.5, 1.0, 2.0, 3.0],
    "position": [0.0, 0.5, 1.0, 2.0, 3.0],
    "relevance": [0.5, 0.6, 0.7, 0.8, 0.9, 1.0],
    "reported_novelty": [0.0, 0.15, 0.25, 0.35, 0.5],
    "redundancy": [0.6, 0.7, 0.75, 0.8, 0.85, 0.9],
    "new_outlet": [0.0, 0.1, 0.2, 0.3, 0.5],
}


@dataclass
class Prepared:
    """One cluster up to the ranking step: what ``build_brief`` hands to ``rank.select``."""

    dataset: str
    words: int
    measure: str
    articles: list[Article]
    grouped: ClaimSet
    references: list[list[str]]


def prepare(dataset: str, words: int, measure: str, cluster, embedder) -> Prepared:  # type: ignore[no-untyped-def]
    """Group once; a cluster with no text left after cleaning keeps no claims and scores as an empty summary."""
    try:
        usable, grouped = group_cluster(cluster.articles, BriefSettings(), embedder=embedder, warnings=[])
    except InputError:
        usable, grouped = [], ClaimSet((), np.zeros((0, 0)), np.zeros((0, 0)), ())
    return Prepared(dataset, words, measure, usable, grouped, cluster.reference_sentences())


def rouge_of(row: Prepared, weights: RankWeights) -> tuple[float, float]:
    summary: list[str] = []
    if row.grouped.claims:
        settings = ranker_settings(row.articles, row.words, rank=weights)
        lede, points = rank.select(row.grouped, row.articles, settings)
        summary = [s for item in (lede, *points) for s in sentence_texts(item.text)]
    result = rouge(summary, row.references)
    return result.get("rouge1", row.measure), result.get("rouge2", row.measure)


def evaluate(rows: list[Prepared], weights: RankWeights) -> dict[str, tuple[float, float]]:
    """Per set: mean R-1 and R-2 over its clusters."""
    scores: dict[str, list[tuple[float, float]]] = {}
    for row in rows:
        scores.setdefault(row.dataset, []).append(rouge_of(row, weights))
    return {name: tuple(float(x) for x in np.mean(values, axis=0)) for name, values in scores.items()}  # type: ignore[misc]


def objective(per_set: dict[str, tuple[float, float]]) -> float:
    return float(np.mean([(r1 + r2) / 2 for r1, r2 in per_set.values()]))


def describe(per_set: dict[str, tuple[float, float]]) -> str:
    return ", ".join(f"{name} R-1 {100 * r1:.2f} R-2 {100 * r2:.2f}" for name, (r1, r2) in per_set.items())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters of each set")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--sweep", metavar="WEIGHT=V1,V2,...", help="score these values of one weight, no search")
    args = parser.parse_args()
    start = time.perf_counter()
    embedder = get_embedder(None)  # the default: static
    halves: dict[str, list[Prepared]] = {"tune": [], "held-out": []}
    for name, (path, words, measure) in DATASETS.items():
        for index, cluster in enumerate(read_clusters(path, args.limit)):
            halves["tune" if index % 2 == 0 else "held-out"].append(prepare(name, words, measure, cluster, embedder))
    weights = RankWeights()
    if args.sweep:
        field, values = args.sweep.split("=")
        for value in values.split(","):
            candidate = dataclasses.replace(weights, **{field: float(value)})
            per_half = {half: evaluate(rows, candidate) for half, rows in halves.items()}
            print(f"{field}={value}: tune {objective(per_half['tune']):.4f} ({describe(per_half['tune'])}); "
                  f"held-out {objective(per_half['held-out']):.4f} ({describe(per_half['held-out'])})", flush=True)
        return
    baseline = {half: evaluate(rows, weights) for half, rows in halves.items()}
    best = objective(baseline["tune"])
    print(f"start {weights}: tune {best:.4f} ({describe(baseline['tune'])}); "
          f"held-out {objective(baseline['held-out']):.4f} ({describe(baseline['held-out'])})", flush=True)
    for _ in range(args.rounds):
        for field, values in GRID.items():
            for value in values:
                candidate = dataclasses.replace(weights, **{field: value})
                if candidate == weights:
                    continue
                per_set = evaluate(halves["tune"], candidate)
                if objective(per_set) > best + 1e-4:
                    weights, best = candidate, objective(per_set)
                    print(f"  {field}={value}: tune {best:.4f} ({describe(per_set)})", flush=True)
    final = {half: evaluate(rows, weights) for half, rows in halves.items()}
    print(f"final {weights}: tune {objective(final['tune']):.4f} ({describe(final['tune'])}; was "
          f"{objective(baseline['tune']):.4f}), held-out {objective(final['held-out']):.4f} "
          f"({describe(final['held-out'])}; was {objective(baseline['held-out']):.4f}); "
          f"{time.perf_counter() - start:.0f} s")


if __name__ == "__main__":
    main()
