"""Which sentence embedder should briefer use by default? Each one through the same pipeline, in one run.

    .venv/bin/python bench/embedders.py [--limit N] [--out FILE.md]

For the shipped static distillation of all-MiniLM-L6-v2 (``static``), the MiniLM transformer itself (``minilm``)
and TF-IDF (``lexical``), this reports:

- ROUGE-1/2 of the extractive brief on both development sets (the same settings as ``bench/quality.py``: same
  content budget as the baselines there), all clusters and the tune/held-out halves, with a paired bootstrap of
  static minus MiniLM;
- how well the raw cosine separates the hand-labelled same-claim pairs of ``tests/data/claim_pairs.jsonl``
  (ROC AUC: the chance a same-claim pair scores above a different-claim pair);
- seconds per cluster for the whole brief, the embedder loaded once (measured while the ROUGE runs, so on
  whatever load the machine had; ``bench/speed.py`` is the careful timing against sumy LexRank).
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
import time
from datetime import date
from pathlib import Path

import numpy as np

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # run as a script: the bench package from the repo

from bench.quality import DATASETS, bootstrap, briefer_summary, git_state

from briefer.backends.embed import LexicalEmbedder, get_embedder
from briefer.evaluate.datasets import read_clusters
from briefer.evaluate.rouge import rouge
from briefer.publish.output import write_atomic

PAIRS = Path(__file__).resolve().parents[1] / "tests" / "data" / "claim_pairs.jsonl"
NAMES = ("static", "minilm", "lexical")


def pair_auc(embedder, pairs: list[dict]) -> float:  # type: ignore[no-untyped-def]
    """ROC AUC of the pair cosine for same-claim labels; the lexical idf comes from each pair, as in a tiny cluster."""
    if isinstance(embedder, LexicalEmbedder):
        cosines = np.array([float(np.dot(*embedder.encode([p["a"], p["b"]]))) for p in pairs])
    else:
        a, b = embedder.encode([p["a"] for p in pairs]), embedder.encode([p["b"] for p in pairs])
        cosines = (a * b).sum(axis=1)
    labels = np.array([p["same_claim"] for p in pairs], bool)
    positive, negative = cosines[labels], cosines[~labels]
    above = (positive[:, None] > negative[None, :]).mean() + 0.5 * (positive[:, None] == negative[None, :]).mean()
    return float(above)


def scores(embedder, path: Path, words: int, measure: str, limit: int | None) -> tuple[np.ndarray, float]:  # type: ignore[no-untyped-def]
    """(clusters x [R-1, R-2]) of the brief with this embedder, and mean seconds per cluster."""
    rows, seconds = [], 0.0
    for cluster in read_clusters(path, limit):
        started = time.perf_counter()
        summary = briefer_summary(cluster.articles, words, embedder)  # a cluster with no text left scores empty
        seconds += time.perf_counter() - started
        result = rouge(summary, cluster.reference_sentences())
        rows.append([result.get("rouge1", measure), result.get("rouge2", measure)])
    return 100 * np.array(rows), seconds / max(len(rows), 1)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--limit", type=int, default=None, help="only the first N clusters of each set")
    parser.add_argument("--out", type=Path, default=None, help="also write the Markdown report here")
    args = parser.parse_args()

    pairs = [json.loads(line) for line in PAIRS.read_text().splitlines() if line.strip()]
    lines = [
        f"Command: `.venv/bin/python bench/embedders.py" + (f" --limit {args.limit}`" if args.limit else "`"),
        f"Machine: {platform.machine()}, Python {platform.python_version()}, 2 cores; run {date.today().isoformat()} "
        f"at commit {git_state()}",
        "",
        "| embedder | load s | claim-pair AUC | set | R-1 | R-2 | R-1 tune | R-2 tune | R-1 held-out | R-2 held-out | s/cluster |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    results: dict[tuple[str, str], np.ndarray] = {}
    for name in NAMES:
        started = time.perf_counter()
        embedder = get_embedder(name)
        embedder.encode(["warm up"])
        load = time.perf_counter() - started
        auc = pair_auc(embedder, pairs)
        for dataset, (path, words, measure) in DATASETS.items():
            table, per_cluster = scores(embedder, path, words, measure, args.limit)
            results[name, dataset] = table
            tune, held = np.arange(len(table)) % 2 == 0, np.arange(len(table)) % 2 == 1
            cells = [table[:, 0].mean(), table[:, 1].mean(), *table[tune].mean(axis=0), *table[held].mean(axis=0)]
            lines.append(f"| {name} | {load:.1f} | {auc:.3f} | {dataset} ({measure}) | "
                         + " | ".join(f"{c:.2f}" for c in cells) + f" | {per_cluster:.3f} |")
            print(f"{name} {dataset} done", file=sys.stderr, flush=True)
    lines += ["", "Paired bootstrap over clusters, static minus MiniLM (95% interval):", ""]
    for dataset in DATASETS:
        for column, label in ((0, "R-1"), (1, "R-2")):
            difference = results["static", dataset][:, column] - results["minilm", dataset][:, column]
            low, high = bootstrap(difference)
            lines.append(f"- {dataset} {label}: {difference.mean():+.2f} ({low:+.2f} to {high:+.2f})")
    print("\n".join(lines))
    if args.out:
        write_atomic(args.out, "\n".join(lines) + "\n")


if __name__ == "__main__":
    main()
