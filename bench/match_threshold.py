"""Validate the note-to-point match that fact coverage rests on, on hand-labelled pairs.

Each line of ``tests/data/match_pairs.jsonl`` is a reference note, a sentence a brief might show, and whether that
sentence states the note (hard negatives: same event, same names, another fact). Lines with an even index are the
tune half, odd the held-out half. For each matcher and blend weight this prints the threshold that is most accurate
on the tune half, and its accuracy on both halves and on all pairs; then the accuracy of the thresholds shipped in
``briefer.evaluate``.

    .venv/bin/python bench/match_threshold.py [--pairs tests/data/match_pairs.jsonl]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path

import numpy as np

from briefer.embed import get_embedder
from briefer.evaluate import (
    LEXICAL_THRESHOLD,
    SEMANTIC_THRESHOLD,
    SEMANTIC_WEIGHT,
    stem_overlap,
)

PAIRS = Path(__file__).resolve().parents[1] / "tests" / "data" / "match_pairs.jsonl"


def read_pairs(path: Path) -> tuple[list[str], list[str], np.ndarray]:
    rows = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [r["note"] for r in rows], [r["text"] for r in rows], np.array([bool(r["covered"]) for r in rows])


def accuracy(scores: np.ndarray, labels: np.ndarray, threshold: float) -> float:
    return float(np.mean((scores >= threshold) == labels))


def best_threshold(scores: np.ndarray, labels: np.ndarray) -> float:
    """The most accurate threshold on a 0.01 grid; ties go to the middle of the best run, away from its edges."""
    grid = np.round(np.arange(0.0, 1.0001, 0.01), 2)
    accuracies = np.array([accuracy(scores, labels, t) for t in grid])
    best = np.flatnonzero(accuracies == accuracies.max())
    return float(grid[best[len(best) // 2]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    args = parser.parse_args()

    notes, texts, labels = read_pairs(args.pairs)
    lexical = np.array([stem_overlap([n], [t])[0, 0] for n, t in zip(notes, texts)])
    vectors = get_embedder("minilm").encode(notes + texts)
    cosine = np.clip(np.sum(vectors[: len(notes)] * vectors[len(notes):], axis=1), 0.0, 1.0)
    tune = np.arange(len(labels)) % 2 == 0

    print(f"{len(labels)} pairs ({int(labels.sum())} covered), tune half {int(tune.sum())}, held-out "
          f"{int((~tune).sum())}\n")
    print("| matcher | threshold (chosen on tune) | accuracy tune | accuracy held-out | accuracy all |")
    print("|---|---|---|---|---|")
    candidates = {f"cosine x {w:.2f} + stem overlap x {1 - w:.2f}": w * cosine + (1 - w) * lexical
                  for w in (0.0, 0.25, 0.5, 0.75, 1.0)}
    for name, scores in candidates.items():
        t = best_threshold(scores[tune], labels[tune])
        print(f"| {name} | {t:.2f} | {accuracy(scores[tune], labels[tune], t):.3f} | "
              f"{accuracy(scores[~tune], labels[~tune], t):.3f} | {accuracy(scores, labels, t):.3f} |")

    shipped = {
        f"semantic (shipped: weight {SEMANTIC_WEIGHT}, threshold {SEMANTIC_THRESHOLD})":
            (SEMANTIC_WEIGHT * cosine + (1 - SEMANTIC_WEIGHT) * lexical, SEMANTIC_THRESHOLD),
        f"lexical (shipped: threshold {LEXICAL_THRESHOLD})": (lexical, LEXICAL_THRESHOLD),
    }
    print("\n| shipped matcher | accuracy tune | accuracy held-out | accuracy all | false matches | missed |")
    print("|---|---|---|---|---|---|")
    for name, (scores, t) in shipped.items():
        said = scores >= t
        print(f"| {name} | {accuracy(scores[tune], labels[tune], t):.3f} | "
              f"{accuracy(scores[~tune], labels[~tune], t):.3f} | {accuracy(scores, labels, t):.3f} | "
              f"{int(np.sum(said & ~labels))} | {int(np.sum(~said & labels))} |")


if __name__ == "__main__":
    main()
