"""Validate the note-to-point match that fact coverage rests on, on hand-labelled pairs.

Each line of ``tests/data/match_pairs.jsonl`` is a reference note, a sentence a brief might show, and whether that
sentence states the note (hard negatives: same event, same names, another fact; positives where the fact is one
clause of a long sentence). Lines with an even index are the tune half, odd the held-out half.

Three ways of scoring a (note, sentence) pair, side by side on the same pairs and the same MiniLM vectors:

- whole sentence: the note against the whole sentence (the matcher before spans);
- clause spans (shipped): the best of the note against the sentence, each clause and each run of up to three
  clauses (``briefer.evaluate.text_spans``);
- word windows: the best of the note against the sentence and windows of 8, 12, 16 and 24 words, half-overlapping
  (a comparison only).

Each blends MiniLM cosine and stem overlap, ``w x cosine + (1 - w) x overlap``, on the same span. For each way and
weight this prints the threshold most accurate on the tune half and its accuracy on both halves and on all pairs;
then the shipped settings of the old and new matchers.

    .venv/bin/python bench/match_threshold.py [--pairs tests/data/match_pairs.jsonl]
"""

from __future__ import annotations

import argparse
import json
from pathlib import Path
from typing import Any

import numpy as np

from briefer.embed import get_embedder
from briefer.evaluate import (
    LEXICAL_THRESHOLD,
    SEMANTIC_THRESHOLD,
    SEMANTIC_WEIGHT,
    span_scores,
    stem_overlap,
)

PAIRS = Path(__file__).resolve().parents[1] / "tests" / "data" / "match_pairs.jsonl"
WEIGHTS = (0.0, 0.25, 0.5, 0.75, 1.0)
# The matcher before spans, as shipped until 2026-11-22: whole sentence, weight 0.5, threshold 0.49.
OLD_WEIGHT, OLD_THRESHOLD = 0.5, 0.49


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


def word_windows(text: str, sizes: tuple[int, ...] = (8, 12, 16, 24)) -> list[str]:
    words = text.split()
    windows = [text]
    for size in sizes:
        if size < len(words):
            step = size // 2
            windows += [" ".join(words[i:i + size]) for i in range(0, len(words) - size + step, step)]
    return list(dict.fromkeys(windows))


def pair_parts(
    notes: list[str], texts: list[str], embedder: Any, spans: str
) -> tuple[list[np.ndarray], list[np.ndarray]]:
    """Per pair, the note's cosine and stem overlap with each span of its own sentence (one encode for all)."""
    if spans in ("whole", "clauses"):
        parts = span_scores(notes, texts, embedder.encode, spans=spans == "clauses")
        return [p.cosine[i] for i, p in enumerate(parts)], [p.overlap[i] for i, p in enumerate(parts)]
    per_text = [word_windows(t) for t in texts]
    distinct = list(dict.fromkeys([*notes, *(s for ss in per_text for s in ss)]))
    row = {s: i for i, s in enumerate(distinct)}
    vectors = embedder.encode(distinct)
    cosine = [np.clip(vectors[[row[s] for s in ss]] @ vectors[row[n]], 0.0, 1.0) for n, ss in zip(notes, per_text)]
    overlap = [stem_overlap([n], ss)[0] for n, ss in zip(notes, per_text)]
    return cosine, overlap


def blend(cosine: list[np.ndarray], overlap: list[np.ndarray], weight: float) -> np.ndarray:
    return np.array([float(np.max(weight * c + (1 - weight) * o)) for c, o in zip(cosine, overlap)])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    args = parser.parse_args()

    notes, texts, labels = read_pairs(args.pairs)
    embedder = get_embedder("minilm")
    tune = np.arange(len(labels)) % 2 == 0
    ways = {"whole sentence": "whole", "clause spans": "clauses", "word windows": "windows"}
    parts = {name: pair_parts(notes, texts, embedder, spans) for name, spans in ways.items()}

    print(f"{len(labels)} pairs ({int(labels.sum())} covered), tune half {int(tune.sum())} "
          f"({int(labels[tune].sum())} covered), held-out {int((~tune).sum())} ({int(labels[~tune].sum())} covered)\n")
    print("| spans | cosine weight w | threshold (chosen on tune) | accuracy tune | accuracy held-out | accuracy all |")
    print("|---|---|---|---|---|---|")
    for name, (cosine, overlap) in parts.items():
        for w in WEIGHTS:
            scores = blend(cosine, overlap, w)
            t = best_threshold(scores[tune], labels[tune])
            print(f"| {name} | {w:.2f} | {t:.2f} | {accuracy(scores[tune], labels[tune], t):.3f} | "
                  f"{accuracy(scores[~tune], labels[~tune], t):.3f} | {accuracy(scores, labels, t):.3f} |")

    lexical = blend(*parts["whole sentence"], 0.0)
    shipped = {
        f"old semantic: whole sentence, w {OLD_WEIGHT}, threshold {OLD_THRESHOLD}":
            (blend(*parts["whole sentence"], OLD_WEIGHT), OLD_THRESHOLD),
        f"new semantic (shipped): clause spans, w {SEMANTIC_WEIGHT}, threshold {SEMANTIC_THRESHOLD}":
            (blend(*parts["clause spans"], SEMANTIC_WEIGHT), SEMANTIC_THRESHOLD),
        f"lexical (shipped): stem overlap, threshold {LEXICAL_THRESHOLD}": (lexical, LEXICAL_THRESHOLD),
    }
    print("\n| matcher | accuracy tune | accuracy held-out | accuracy all | false matches | missed |")
    print("|---|---|---|---|---|---|")
    for name, (scores, t) in shipped.items():
        said = scores >= t
        print(f"| {name} | {accuracy(scores[tune], labels[tune], t):.3f} | "
              f"{accuracy(scores[~tune], labels[~tune], t):.3f} | {accuracy(scores, labels, t):.3f} | "
              f"{int(np.sum(said & ~labels))} | {int(np.sum(~said & labels))} |")


if __name__ == "__main__":
    main()
