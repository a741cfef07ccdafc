"""Can a cheap signal tell a second telling of the news from a new fact? Scored on hand-labelled pairs.

    .venv/bin/python bench/retelling.py [--eval ../shared/eval] [--minilm] [--judge FOLDER]

Each pair of ``tests/data/retelling_pairs.jsonl`` is a point a brief showed from another article's opening (``b``)
and the chosen claim closest to it (``a``), labelled ``retells`` when ``b`` tells the reader nothing new they need
after ``a`` (the same event in other words, at most a detail more). Every pair there passed the shipped rule
(``briefer.core.rank._tells_again`` at ``RankWeights.retold``): these are the retellings it misses, and the new facts
a looser rule would lose. How they were drawn and labelled: docs/retelling.md.

For each signal (static cosine, the support model's log-odds with the cluster's word rarity, the share of the
shorter sentence's content words the other has, MiniLM cosine with ``--minilm``, and with ``--judge`` a
cross-encoder saved by ``train/`` (``train.model.save``) judging whether the chosen claim states the point) it prints the area under the ROC
curve on each half (Multi-News dev clusters at even positions: tune; odd: held out; the real day's stories), then,
for the cut that the tune half picks (the lowest at which at least 80% of what it takes there retells, taking at least
five), what that cut takes on each half.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
from sklearn.metrics import roc_auc_score

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from briefer.backends import embed  # noqa: E402
from briefer.core.support import SUPPORT_MODEL, ClusterVocabulary, pair_features  # noqa: E402
from briefer.evaluate.pairs import EVAL_FILES, cluster_sentences  # noqa: E402
from briefer.text.lexicon import similarity_words  # noqa: E402

LABELS = ROOT / "tests" / "data" / "retelling_pairs.jsonl"
TARGET_PRECISION = 0.8
LEAST_TAKEN = 5  # a cut that takes fewer tune pairs than this says nothing


def word_share(a: str, b: str) -> float:
    """The share of the shorter sentence's content words that the other one has."""
    first, second = set(similarity_words(a)), set(similarity_words(b))
    return len(first & second) / max(1, min(len(first), len(second)))


def halves(rows: list[dict[str, object]], eval_folder: Path) -> np.ndarray:
    """0 (tune), 1 (held out) by the Multi-News cluster's position; 2 for the real day's stories."""
    lines = (eval_folder / EVAL_FILES["multinews-dev"]).read_text(encoding="utf-8").splitlines()
    position = {f"multinews-dev:{json.loads(line)['id']}": k for k, line in enumerate(lines) if line.strip()}
    return np.array([position[str(r["cluster"])] % 2 if r["cluster"] in position else 2 for r in rows])


def vocabularies(rows: list[dict[str, object]], eval_folder: Path) -> dict[str, ClusterVocabulary]:
    """Word rarity per cluster: its sentences for a development cluster; for a real-day story (its pages are not in
    the repository), the labelled sentences of that story."""
    labelled: dict[str, list[str]] = defaultdict(list)
    for r in rows:
        labelled[str(r["cluster"])] += [str(r["a"]), str(r["b"])]
    found = {}
    for cluster, texts in labelled.items():
        if cluster.startswith("multinews-dev:"):
            texts = [s.text for s in cluster_sentences(cluster, eval_folder)] + texts
        found[cluster] = ClusterVocabulary(texts)
    return found


def signals(rows: list[dict[str, object]], eval_folder: Path, minilm: bool, judge: Path | None = None
            ) -> dict[str, np.ndarray]:
    static = embed.StaticEmbedder()

    def cosines(model: embed.Embedder) -> np.ndarray:
        a = model.encode([str(r["a"]) for r in rows])
        b = model.encode([str(r["b"]) for r in rows])
        return np.sum(a * b, axis=1)

    found = {"static cosine": cosines(static)}
    words = vocabularies(rows, eval_folder)
    found["support log-odds"] = np.array([
        SUPPORT_MODEL.score(pair_features(str(r["a"]), str(r["b"]), float(c), static.claim_threshold,
                                          words[str(r["cluster"])]))
        for r, c in zip(rows, found["static cosine"])])
    found["word share"] = np.array([word_share(str(r["a"]), str(r["b"])) for r in rows])
    if minilm:
        found["minilm cosine"] = cosines(embed.embedder_for("minilm", allow_download=False, warnings=[]))
    if judge is not None:
        from train.model import load, probabilities  # torch and transformers: only for this signal

        model, tokenizer, _ = load(judge)
        found[f"judge {judge.name}: a states b"] = np.array(
            probabilities(model, tokenizer, [str(r["a"]) for r in rows], [str(r["b"]) for r in rows]))
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--eval", type=Path, default=ROOT.parent / "shared" / "eval")
    parser.add_argument("--minilm", action="store_true", help="also score MiniLM cosine (needs its weights)")
    parser.add_argument("--judge", type=Path, help="also score a judge saved by train/ (train.model.save)")
    args = parser.parse_args()
    rows = [json.loads(line) for line in LABELS.read_text(encoding="utf-8").splitlines() if line.strip()]
    labels = np.array([bool(r["retells"]) for r in rows])
    half = halves(rows, args.eval)
    names = ("tune", "held out", "real day")
    print(f"# Retellings: {len(rows)} labelled pairs, {labels.sum()} retell\n")
    print("| half | pairs | retell |\n|---|---:|---:|")
    for h, name in enumerate(names):
        print(f"| {name} | {int((half == h).sum())} | {int(labels[half == h].sum())} |")
    print("\n| signal | AUC tune | AUC held out | AUC real day | cut (tune, precision >= 0.8) | taken / precision / "
          "recall: tune | held out | real day |\n|---|---:|---:|---:|---:|---|---|---|")
    for name, values in signals(rows, args.eval, args.minilm, args.judge).items():
        aucs = [roc_auc_score(labels[half == h], values[half == h]) for h in range(3)]
        tune = half == 0
        cut = next((float(t) for t in np.sort(values[tune])
                    if (tune & (values >= t)).sum() >= LEAST_TAKEN
                    and labels[tune & (values >= t)].mean() >= TARGET_PRECISION), None)
        cells = []
        for h in range(3):
            taken = (values >= cut) & (half == h) if cut is not None else np.zeros_like(labels)
            right = int(labels[taken].sum())
            cells.append(f"{int(taken.sum())} / {right / max(1, int(taken.sum())):.2f} / "
                         f"{right / max(1, int(labels[half == h].sum())):.2f}")
        shown_cut = f"{cut:.2f}" if cut is not None else "none"
        print(f"| {name} | {aucs[0]:.3f} | {aucs[1]:.3f} | {aucs[2]:.3f} | {shown_cut} | {' | '.join(cells)} |")


if __name__ == "__main__":
    main()
