"""Tune the claim-grouping thresholds on hand-labelled sentence pairs, then check the citations they produce.

    .venv/bin/python bench/claims.py [--pairs tests/data/claim_pairs.jsonl] [--eval ../shared/eval]

Each line of ``tests/data/claim_pairs.jsonl`` is two sentences from different articles of one cluster and whether
they state the same claim. Two sentences grouped into one claim make both articles cited for it, so a false merge
is a wrong citation while a missed merge only loses one: the threshold is chosen for precision. The pairs are split
in two halves with the same mix of clusters and labels. On each half, for each embedder (static, MiniLM, lexical), this
picks the threshold on ``cosine >= t`` with the best F0.5 among those with precision >= 0.95 (the best F0.5 overall
when none reaches it) and reports it on the other half; the higher of the two picks is the one to ship, since a
pick from half the data errs in both directions and only the high side is safe. It reports that value beside a
baseline (the untuned guesses, 0.72 and 0.45) and says whether ``briefer.backends.embed`` ships it; then it groups every
labelled cluster as the pipeline does, checks each citation (a claim's representative sentence against the
sentence that backs each other article) against the labels, and lists the sample cluster's multi-article claims
to be read. Prints a Markdown report.
"""

from __future__ import annotations

import argparse
import platform
from collections import defaultdict
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import numpy as np

from briefer.backends.embed import Embedder, LexicalEmbedder, get_embedder
from briefer.core.claims import compatible, group_claims
from briefer.evaluate.pairs import EncodedCluster, LabelledPair, encode_clusters, read_pairs
from briefer.types import Claim

REPO = Path(__file__).resolve().parents[1]
PAIRS = REPO / "tests" / "data" / "claim_pairs.jsonl"
EVAL = REPO.parent / "shared" / "eval"
MIN_PRECISION = 0.95
GRID = np.round(np.arange(0.20, 1.0001, 0.01), 2)


@dataclass(frozen=True)
class Scores:
    """Precision, recall and F-scores of ``cosine >= threshold`` as the same-claim decision."""

    threshold: float
    precision: float
    recall: float
    f1: float
    f05: float
    merged: int  # pairs at or above the threshold


def pair_cosines(pairs: Sequence[LabelledPair], encoded: dict[str, EncodedCluster]) -> np.ndarray:
    """Each pair's cosine, or -1 where ``briefer.core.claims.compatible`` forbids the merge whatever the cosine."""
    cosines = []
    for pair in pairs:
        cluster = encoded[pair.cluster]
        cosine = float(cluster.vectors[cluster.row[pair.a]] @ cluster.vectors[cluster.row[pair.b]])
        cosines.append(cosine if compatible(pair.a, pair.b) else -1.0)
    return np.array(cosines)


def scores_at(cosines: np.ndarray, labels: np.ndarray, threshold: float) -> Scores:
    merged = cosines >= threshold
    true_merges = int(np.sum(merged & labels))
    precision = true_merges / int(merged.sum()) if merged.any() else 1.0
    recall = true_merges / int(labels.sum()) if labels.any() else 0.0
    return Scores(threshold, precision, recall, f_beta(precision, recall, 1.0), f_beta(precision, recall, 0.5),
                  int(merged.sum()))


def f_beta(precision: float, recall: float, beta: float) -> float:
    if precision == 0 and recall == 0:
        return 0.0
    return (1 + beta**2) * precision * recall / (beta**2 * precision + recall)


def choose_threshold(cosines: np.ndarray, labels: np.ndarray) -> float:
    """Best F0.5 among thresholds with precision >= 0.95 (all thresholds if none has); ties: the middle of the run."""
    sweep = [scores_at(cosines, labels, float(t)) for t in GRID]
    eligible = [s for s in sweep if s.precision >= MIN_PRECISION and s.merged] or sweep
    best = max(s.f05 for s in eligible)
    tied = [s.threshold for s in eligible if s.f05 == best]
    return tied[len(tied) // 2]


def first_half(pairs: Sequence[LabelledPair]) -> np.ndarray:
    """Every other pair of each (cluster, label) group: both halves get the same mix of events and labels."""
    seen: dict[tuple[str, bool], int] = defaultdict(int)
    mask = []
    for pair in pairs:
        key = (pair.cluster, pair.same_claim)
        mask.append(seen[key] % 2 == 0)
        seen[key] += 1
    return np.array(mask)


@dataclass(frozen=True)
class CitationCheck:
    """The citations of one grouping, checked against the labels: representative vs each other article's sentence."""

    claims: int  # claims citing more than one article
    supported: int  # labelled same claim (or the very same text)
    wrong: list[tuple[str, str]]  # labelled different claims
    unlabelled: list[tuple[str, str]]


def check_citations(encoded: dict[str, EncodedCluster], threshold: float, labels: dict[tuple[str, frozenset[str]], bool]
                    ) -> CitationCheck:
    claims = supported = 0
    wrong: list[tuple[str, str]] = []
    unlabelled: list[tuple[str, str]] = []
    for cluster, data in encoded.items():
        for claim in grouped(data, threshold):
            if len(claim.article_ids) < 2:
                continue
            claims += 1
            shown = claim.representative.text
            for evidence in claim.evidence():
                if evidence.article_id == claim.representative.article_id:
                    continue
                label = labels.get((cluster, frozenset((shown, evidence.text))))
                if label or shown == evidence.text:
                    supported += 1
                else:
                    (unlabelled if label is None else wrong).append((shown, evidence.text))
    return CitationCheck(claims, supported, wrong, unlabelled)


def grouped(data: EncodedCluster, threshold: float) -> tuple[Claim, ...]:
    vectors = data.vectors[: len(data.sentences)]
    return group_claims(data.sentences, vectors, threshold, group_threshold=threshold).claims


@dataclass(frozen=True)
class Measured:
    """One embedder's cosines on the labelled pairs, its clusters encoded, and the thresholds compared."""

    name: str
    encoded: dict[str, EncodedCluster]
    cosines: np.ndarray
    baseline: float  # the untuned guess the picks are compared with
    picks: tuple[float, float]  # chosen on half A, chosen on half B

    @property
    def ship(self) -> float:
        return max(self.picks)


def measure(name: str, embedder: Embedder, baseline: float, pairs: Sequence[LabelledPair], eval_folder: Path
            ) -> Measured:
    encoded = encode_clusters(pairs, embedder, eval_folder)
    cosines = pair_cosines(pairs, encoded)
    labels, half = np.array([p.same_claim for p in pairs]), first_half(pairs)
    picks = (choose_threshold(cosines[half], labels[half]), choose_threshold(cosines[~half], labels[~half]))
    return Measured(name, encoded, cosines, baseline, picks)


def _row(name: str, s: Scores) -> str:
    return f"| {name} | {s.threshold:.2f} | {s.precision:.3f} | {s.recall:.3f} | {s.f1:.3f} | {s.f05:.3f} | {s.merged} |"


def threshold_table(pairs: Sequence[LabelledPair], runs: Sequence[Measured]) -> list[str]:
    labels, half = np.array([p.same_claim for p in pairs]), first_half(pairs)
    from_sample = np.array([p.cluster == "sample" for p in pairs])
    lines = [
        "| embedder: threshold, measured on | t | precision | recall | F1 | F0.5 | pairs merged |",
        "|---|---|---|---|---|---|---|",
    ]
    for run in runs:
        for (chosen_on, other, tag), t in zip(((half, ~half, "A"), (~half, half, "B")), run.picks):
            lines.append(_row(f"{run.name}: chosen on half {tag}, on half {tag}",
                              scores_at(run.cosines[chosen_on], labels[chosen_on], t)))
            lines.append(_row(f"{run.name}: chosen on half {tag}, **held-out half**",
                              scores_at(run.cosines[other], labels[other], t)))
        for label, t in ((f"to ship (higher pick) {run.ship:.2f}", run.ship), (f"baseline {run.baseline:.2f}", run.baseline)):
            for part, mask in (("all pairs", np.ones_like(labels)), ("sample-cluster pairs", from_sample),
                               ("MultiLing pairs", ~from_sample)):
                lines.append(_row(f"{run.name}: {label}, {part}", scores_at(run.cosines[mask], labels[mask], t)))
    return lines


def sweep_table(pairs: Sequence[LabelledPair], runs: Sequence[Measured]) -> list[str]:
    labels = np.array([p.same_claim for p in pairs])
    lines = ["| t | " + " | ".join(f"{run.name} P / R / F0.5" for run in runs) + " |", "|---|" + "---|" * len(runs)]
    for t in np.round(np.arange(0.30, 0.96, 0.05), 2):
        cells = [scores_at(run.cosines, labels, float(t)) for run in runs]
        lines.append(f"| {t:.2f} | " + " | ".join(f"{s.precision:.3f} / {s.recall:.3f} / {s.f05:.3f}" for s in cells) + " |")
    return lines


def citation_table(pairs: Sequence[LabelledPair], runs: Sequence[Measured]) -> list[str]:
    label_of = {(p.cluster, frozenset((p.a, p.b))): p.same_claim for p in pairs}
    lines = ["| embedder | t | claims citing >1 article | citations labelled right | labelled wrong | not labelled |",
             "|---|---|---|---|---|---|"]
    listed = []
    for run in runs:
        for t in (run.ship, run.baseline):
            check = check_citations(run.encoded, t, label_of)
            lines.append(f"| {run.name} | {t:.2f} | {check.claims} | {check.supported} | {len(check.wrong)} | "
                         f"{len(check.unlabelled)} |")
            for kind, found in (("labelled wrong", check.wrong), ("not labelled", check.unlabelled)):
                listed += [f"- {run.name} {t:.2f}, {kind}: {a!r} / {b!r}" for a, b in found]
    return [*lines, "", *listed]


def pair_errors(pairs: Sequence[LabelledPair], runs: Sequence[Measured]) -> list[str]:
    labels = np.array([p.same_claim for p in pairs])
    lines = []
    for run in runs:
        merged = run.cosines >= run.ship
        for kind, mistaken in (("false merge", merged & ~labels), ("missed", ~merged & labels)):
            for i in np.flatnonzero(mistaken):
                note = f" ({pairs[i].note})" if pairs[i].note else ""
                lines.append(f"- {run.name} {kind} at {run.cosines[i]:.3f}, {pairs[i].cluster}: "
                             f"{pairs[i].a!r} / {pairs[i].b!r}{note}")
    return lines


def sample_claims(runs: Sequence[Measured]) -> list[str]:
    lines = []
    for run in runs:
        for label, t in (("to ship", run.ship), ("baseline", run.baseline)):
            claims = [c for c in grouped(run.encoded["sample"], t) if len(c.article_ids) > 1]
            lines += [f"### {run.name}, {label} ({t:.2f}): {len(claims)} claims", ""]
            for number, claim in enumerate(claims, start=1):
                lines.append(f"{number}. shown: [{claim.representative.article_id}] {claim.representative.text}")
                lines += [f"    - [{s.article_id}] {s.text}" for s in claim.evidence()
                          if s.article_id != claim.representative.article_id]
            lines.append("")
    return lines


def report(pairs: list[LabelledPair], runs: Sequence[Measured]) -> list[str]:
    positives, half = sum(p.same_claim for p in pairs), first_half(pairs)
    return [
        (f"{len(pairs)} labelled pairs ({positives} same-claim) from {len({p.cluster for p in pairs})} clusters; "
         f"half A {int(half.sum())} pairs, half B {int((~half).sum())}."),
        "", *threshold_table(pairs, runs),
        "", "## Sweep over all pairs", "", *sweep_table(pairs, runs),
        "", "## Citations after grouping every labelled cluster as the pipeline does", "",
        ("A claim citing several articles shows its representative sentence and cites each other article through "
         "one sentence of its own; each such (representative, sentence) pair is looked up in the labels."),
        "", *citation_table(pairs, runs),
        "", "## Pair errors at the thresholds to ship", "", *pair_errors(pairs, runs),
        "", "## The sample cluster's claims citing more than one article", "", *sample_claims(runs),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pairs", type=Path, default=PAIRS)
    parser.add_argument("--eval", type=Path, default=EVAL, help="the development sets' folder (MultiLing, Multi-News dev)")
    parser.add_argument("--baseline", type=float, nargs=3, default=(0.72, 0.72, 0.45),
                        metavar=("STATIC", "MINILM", "LEXICAL"),
                        help="thresholds to compare with (default: the guesses shipped before tuning)")
    args = parser.parse_args()

    pairs = read_pairs(args.pairs)
    embedders = [get_embedder("static"), get_embedder("minilm"), LexicalEmbedder()]
    runs = [measure(e.name, e, baseline, pairs, args.eval) for e, baseline in zip(embedders, args.baseline)]
    print(f"# Claim-grouping thresholds ({date.today().isoformat()}, {platform.machine()}, "
          f"Python {platform.python_version()})\n")
    for run, shipped in zip(runs, (e.group_threshold for e in embedders)):
        verdict = "the pick" if abs(run.ship - shipped) < 1e-9 else f"NOT the pick ({run.ship:.2f})"
        print(f"briefer.fitted.GROUP_THRESHOLDS ships {run.name} {shipped:.2f}: {verdict}.")
    print()
    print("\n".join(report(pairs, runs)))


if __name__ == "__main__":
    main()
